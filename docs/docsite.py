"""One command builds the documentation website from the notebooks, offline; another opens every page in a real browser."""

__all__ = ['doc_procs', 'md', 'site_css', 'search_js', 'chromium_flags', 'doc_nbs', 'page_name', 'skips', 'DocsError',
           'exec_cells', 'add_links', 'run_nb', 'slug', 'render_output', 'render_cell', 'fix_links', 'unlink_missing',
           'api_markdown', 'search_entries', 'page_html', 'build_docs', 'readme_md', 'make_readme', 'serve', 'check_site', 'repo_url', 'repo_file', 'check_links']

import re, os, html, json, time, shutil, hashlib, tempfile, threading, traceback, contextlib, http.server
from pathlib import Path
from functools import partial
from urllib.parse import unquote
import torch
from fastcore.basics import nested_attr
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from fastcore.xtras import working_directory
from nbdev.config import get_config
from nbdev.doclinks import nbglob
from nbdev.process import NBProcessor, Processor
from nbdev.frontmatter import FrontmatterProc
from nbdev import processors as nbp
from nbdev.showdoc import show_doc
from nbdev.doclinks import NbdevLookup
from execnb.shell import CaptureShell
from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.anchors import anchors_plugin
from pygments import highlight
from pygments.lexers import get_lexer_by_name
from pygments.formatters import HtmlFormatter
from pygments.util import ClassNotFound
import latex2mathml.converter
from depth_prompt.core import DepthPromptError, atomic_path

def doc_nbs(nbs=None): # the notebooks folder (default: `nbs_path` of settings.ini)
    "The notebooks that become pages: the home page `index.ipynb` first, then in file order."
    nbs = Path(nbs or get_config().nbs_path)
    return sorted(nbglob(nbs, as_path=True), key=lambda p: (p.relative_to(nbs) != Path('index.ipynb'), str(p.relative_to(nbs))))

def page_name(nb, # a notebook
              nbs): # the notebooks folder
    "The page `nb` becomes, relative to the site root: `nbs/02_metrics.ipynb` -> `metrics.html`."
    rel = Path(nb).relative_to(nbs)
    return rel.with_name(re.sub(r'^\d+[a-zA-Z0-9]*_', '', rel.name.lower())).with_suffix('.html').as_posix()

def skips(cell, # a cell of a notebook read by `NBProcessor` (its `directives_` parsed)
          flags): # the test flags whose cells are not run
    "Whether `nbdev_test`, and so the docs build, leaves `cell` unrun."
    d = getattr(cell, 'directives_', None) or {}
    return (cell.cell_type != 'code' or 'nbdev_export'+'(' in cell.source # split, as in nbdev, not to match this cell
            or d.get('eval:', [''])[0].lower() == 'false' or bool(set(flags) & d.keys()))

class DocsError(DepthPromptError):
    "A notebook failed while its page was built: the message names the notebook and the cell."

class exec_cells(Processor):
    "Run the cells `skips` allows in one execnb shell, stopping at the first error."
    def begin(self):
        self.flags = get_config().tst_flags.split()
        self.shell = CaptureShell()
        self.shell.run_cell('from nbdev.showdoc import show_doc')

    def cell(self, cell):
        if skips(cell, self.flags): return
        self.shell.cell(cell)
        if self.shell.exc:
            tb = ''.join(traceback.format_exception(self.shell.exc))
            raise DocsError(f"{Path(self.nb.path_).name}, cell {cell.idx_}:\n{cell.source}\n{tb}")

def _txt(o): return ''.join(o) if isinstance(o, list) else o

def add_links(cell):
    "Link backticked names to their documentation in markdown cells and markdown outputs, outside code blocks."
    nl = NbdevLookup()
    if cell.cell_type == 'markdown': cell.source = nl.linkify(cell.source)
    for o in cell.get('outputs', []):
        if 'text/markdown' in o.get('data', {}): o['data']['text/markdown'] = nl.linkify(_txt(o['data']['text/markdown']))

doc_procs = [FrontmatterProc, nbp.populate_language, nbp.add_show_docs, nbp.rm_header_dash, nbp.clean_show_doc,
             exec_cells, nbp.hide_line, nbp.filter_stream_, nbp.rm_export, nbp.ai_magics, nbp.clean_magics, nbp.hide_,
             add_links, nbp.add_fold, nbp.mv_exports, nbp.strip_hidden_metadata]

def run_nb(nb, # the notebook to run
           cache=None): # folder for the finished runs (none: no cache)
    "Process and run notebook `nb` for its page; return a dict of its title, description and cells."
    nb, lib = Path(nb).absolute(), get_config().lib_path
    key = hashlib.sha256(b''.join(p.read_bytes() for p in [nb, *sorted(lib.glob('**/*.py'))])).hexdigest()
    cached = Path(cache)/f'{nb.stem}.json' if cache else None
    if cached and cached.exists() and json.loads(cached.read_text()).get('key') == key: return json.loads(cached.read_text())
    os.environ['IN_TEST'] = '1' # notebooks shrink their examples as they do under nbdev_test
    with working_directory(nb.parent): proc = NBProcessor(nb, procs=doc_procs, process=True)
    fm = getattr(proc.nb, 'frontmatter_', {})
    res = dict(key=key, title=fm.get('title', nb.stem), description=fm.get('description', ''),
               cells=[dict(cell_type=o.cell_type, source=o.source, outputs=o.get('outputs', []), lang=nested_attr(o, 'metadata.language', 'python'))
                      for o in proc.nb.cells if o.cell_type != 'raw'])
    if cached:
        with atomic_path(cached) as tmp: tmp.write_text(json.dumps(res))
    return res

def slug(s): # a heading's text
    "The anchor Pandoc (and so Quarto) gives a heading: `Which notebooks, which pages` -> `which-notebooks-which-pages`."
    s = re.sub(r'[^\w\s.-]', '', s.lower()).strip()
    return re.sub(r'^[^a-z_]+', '', re.sub(r'\s+', '-', s)) or 'section'

def _math(tex, opts):
    display = 'block' if opts.get('display_mode') else 'inline'
    try: return latex2mathml.converter.convert(tex, display=display)
    except Exception: return f'<code class="math">{html.escape(tex)}</code>' # a macro MathML lacks: show the TeX

def _highlight(code, lang, attrs):
    try: lexer = get_lexer_by_name(lang or 'text')
    except ClassNotFound: lexer = get_lexer_by_name('text')
    return f'<pre class="highlight">{highlight(code, lexer, HtmlFormatter(nowrap=True))}</pre>'

md = (MarkdownIt('commonmark', {'html': True, 'highlight': _highlight}).enable(['table', 'strikethrough']).use(attrs_plugin)
      .use(dollarmath_plugin, allow_space=False, renderer=_math)
      .use(anchors_plugin, min_level=1, max_level=4, slug_func=slug))

_re_ansi = re.compile(r'\x1b\[[0-9;?]*[ -/]*[@-~]')
_widget_note = '<p class="widget-note">An interactive control is here in the notebook; run the notebook to use it.</p>'

def _pre(text, cls): return f'<pre class="{cls}">{html.escape(_re_ansi.sub("", _txt(text)))}</pre>'

def render_output(out): # one output of a code cell, as stored in a notebook
    "The HTML that shows `out` on a page."
    kind = out['output_type']
    if kind == 'stream': return _pre(out['text'], out['name'])
    if kind == 'error': return _pre('\n'.join(out['traceback']), 'error')
    data, meta = out.get('data', {}), out.get('metadata', {})
    if 'application/vnd.jupyter.widget-view+json' in data: return _widget_note
    if 'text/html' in data: return f'<div class="output-html">{_txt(data["text/html"])}</div>'
    if 'image/svg+xml' in data: return _txt(data['image/svg+xml'])
    for mime in ('image/png', 'image/jpeg'):
        if mime in data:
            size = ''.join(f' {k}="{v}"' for k, v in meta.get(mime, {}).items() if k in ('width', 'height'))
            return f'<img src="data:{mime};base64,{_txt(data[mime]).strip()}"{size} alt="figure">'
    if 'text/markdown' in data: return f'<div class="output-md">{md.render(_txt(data["text/markdown"]))}</div>'
    if 'text/latex' in data: return _math(_txt(data['text/latex']).strip('$ \n'), {'display_mode': True})
    if 'application/javascript' in data: return f'<script>{_txt(data["application/javascript"])}</script>'
    return _pre(data.get('text/plain', ''), 'plain')

_re_qopt = re.compile(r'^#\|\s*([\w-]+)\s*:\s*(.*?)\s*$')

def render_cell(cell): # a cell as `run_nb` returns it
    "The HTML of one cell."
    if cell['cell_type'] == 'markdown': return md.render(cell['source'])
    lines, opts = cell['source'].splitlines(), {}
    while lines and (m := _re_qopt.match(lines[0])): opts[m[1]] = m[2].strip('"\''); lines.pop(0)
    if opts.get('include') == 'false': return ''
    src, res = '\n'.join(lines).strip(), ''
    if src and opts.get('echo') != 'false':
        try: lexer = get_lexer_by_name(cell.get('lang') or 'python')
        except ClassNotFound: lexer = get_lexer_by_name('text')
        res = highlight(src, lexer, HtmlFormatter(cssclass='highlight'))
        if fold := opts.get('code-fold'):
            res = f'<details{" open" if fold == "show" else ""}><summary>{html.escape(opts.get("code-summary", "Code"))}</summary>{res}</details>'
    if opts.get('output') != 'false' and cell['outputs']:
        res += '<div class="output">' + '\n'.join(map(render_output, cell['outputs'])) + '</div>'
    return f'<div class="cell">{res}</div>' if res else ''

def repo_url(path): # a file's path relative to the repository root
    "The address of a file of the repository on its host (`git_url` and `branch` of settings.ini)."
    cfg = get_config()
    return f"{cfg.git_url.rstrip('/')}/blob/{cfg.branch}/{Path(path).as_posix()}"

def repo_file(url): # any address
    "The file of this checkout that `url` shows on the repository's host or opens in Colab; `None` for other addresses."
    cfg = get_config()
    slug = cfg.git_url.rstrip('/').split('github.com/')[-1]
    for prefix in (f'https://github.com/{slug}/blob/{cfg.branch}/', f'https://colab.research.google.com/github/{slug}/blob/{cfg.branch}/'):
        if url.startswith(prefix): return cfg.config_path/unquote(url[len(prefix):].partition('#')[0].split('?')[0]).split('#L')[0]

def fix_links(page_html, # the HTML of one page
              page, # that page's name, relative to the site root
              nb_pages, # {notebook path relative to `nbs`: page name}
              home=None, # the published site's address (default: doc_host + doc_baseurl of settings.ini)
              nbs=None): # the notebooks folder (default: `nbs_path` of settings.ini)
    "Rewrite `page_html`'s links to notebooks and to the published site as links relative to `page`, and links to other files of the repository as links to its host."
    cfg = get_config()
    home = (home or cfg.doc_host + cfg.doc_baseurl).rstrip('/') + '/'
    nbs = Path(nbs or cfg.nbs_path).absolute()
    up = '../' * page.count('/')
    folder = Path(page).parent
    def _fix(m):
        attr, url = m[1], html.unescape(m[2])
        if url.startswith(home): url = up + url[len(home):]
        elif not re.match(r'^([a-z][\w+.-]*:|/|#)', url):
            path, sep, frag = url.partition('#')
            nb = os.path.normpath(folder/path)
            if nb in nb_pages: url = os.path.relpath(nb_pages[nb], folder or '.') + sep + frag
            elif nb.startswith('..') and (f := (nbs/nb).resolve()).is_relative_to(cfg.config_path) and f.exists():
                url = repo_url(f.relative_to(cfg.config_path)) + sep + frag # outside the site: a missing file stays relative, and the check reports it
        return f'{attr}="{html.escape(url)}"'
    return re.sub(r'\b(href)="([^"]*)"', _fix, page_html)

def unlink_missing(page_html, # the HTML of one page, links already relative
                   page, # that page's name
                   ids): # {page name: set of the ids on that page}, for every page of the site
    "Unlink nbdev's automatic links (and drop the anchor of API chapter links) that point to an anchor missing from its page."
    folder = os.path.dirname(page)
    def _fix(m):
        path, _, frag = html.unescape(m[1]).partition('#')
        target = os.path.normpath(os.path.join(folder, path)) if path else page
        if target not in ids or unquote(frag) in ids[target]: return m[0]
        if re.fullmatch(r'<code>[^<]*</code>', m[3]): return m[3]
        return m[0].replace(m[1], html.escape(path), 1) if 'class="chapter"' in m[2] else m[0]
    return re.sub(r'<a href="([^"#]*#[^"]+)"([^>]*)>(.*?)</a>', _fix, page_html)

def api_markdown(lib=None, # the package's name (default: `lib_name` of settings.ini)
                 order=()): # page names in the order of the site: modules follow their chapters
    "Markdown documenting every symbol in the package's nbdev index, module by module."
    import importlib
    lib = lib or get_config().lib_name
    syms, res = importlib.import_module(f'{lib}._modidx').d['syms'], []
    pos = lambda mod: min([order.index(u.split('#')[0]) for u, _ in syms[mod].values() if u.split('#')[0] in order] or [len(order)])
    for mod in sorted(syms, key=pos):
        entries = syms[mod]
        res.append(f'## {mod}\n\n')
        for name, (url, _) in entries.items():
            if any(o.startswith('_') for o in name.split('.')): continue # private helpers and dunders: no page shows them
            obj = importlib.import_module(mod)
            for part in name[len(mod)+1:].split('.'): obj = getattr(obj, part)
            res.append(show_doc(obj, name=name[len(mod)+1:])._repr_markdown_() +
                       f'\n\n[Explained in its chapter]({url}){{.chapter}}\n\n')
    return NbdevLookup().linkify(''.join(res))

site_css = '''
:root { --fg:#1d2330; --muted:#5b6472; --line:#e3e6ea; --accent:#2c6fbb; --code:#f6f8fa; }
* { box-sizing:border-box; }
body { margin:0; font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--fg); }
a { color:var(--accent); text-decoration:none; } a:hover { text-decoration:underline; }
header { position:sticky; top:0; z-index:2; background:#1f3b5c; color:#fff; padding:.6rem 1.2rem; display:flex; gap:1rem; align-items:center; }
header a { color:#fff; font-weight:600; } header input { margin-left:auto; padding:.3rem .5rem; border-radius:4px; border:0; width:16rem; }
.layout { display:grid; grid-template-columns:16rem minmax(0,1fr) 14rem; gap:2rem; max-width:90rem; margin:0 auto; padding:0 1.2rem; }
nav.side, nav.toc { position:sticky; top:3.4rem; align-self:start; max-height:calc(100vh - 3.4rem); overflow:auto; padding:1rem 0; font-size:.9rem; }
nav ul { list-style:none; margin:0; padding:0; } nav li { margin:.15rem 0; }
nav.side a.current { font-weight:700; color:var(--fg); } nav.toc li.h3 { padding-left:.8rem; }
nav .label { color:var(--muted); text-transform:uppercase; font-size:.75rem; letter-spacing:.05em; margin:.8rem 0 .3rem; }
main { min-width:0; padding:1rem 0 4rem; }
main h1 { margin-bottom:.2rem; } p.description { color:var(--muted); font-size:1.15rem; margin-top:0; }
pre, code { font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:.88rem; }
.highlight pre, pre.highlight, pre.plain, pre.stdout, pre.stderr, pre.error { background:var(--code); padding:.6rem .8rem; border-radius:6px; overflow:auto; }
.output > pre, .output > .output-html, .output > img, .output > .output-md { margin:.3rem 0 .3rem .8rem; }
.output { border-left:2px solid lightsalmon; padding-left:.3rem; margin:.2rem 0 1rem; overflow-x:auto; }
.output pre { background:none; } pre.stderr { color:#8a5300; } pre.error { color:#a00; }
.output-md > hr:first-child { display:none; }
img { max-width:100%; height:auto; }
table { border-collapse:collapse; margin:1rem 0; display:block; overflow-x:auto; } th, td { border:1px solid var(--line); padding:.3rem .6rem; }
details > summary { cursor:pointer; color:var(--muted); font-size:.9rem; }
.widget-note { color:var(--muted); font-style:italic; }
#search-results { position:absolute; top:3rem; right:1.2rem; background:#fff; color:var(--fg); width:26rem; max-height:70vh; overflow:auto;
  border:1px solid var(--line); border-radius:6px; box-shadow:0 4px 16px rgba(0,0,0,.15); display:none; }
#search-results a { display:block; padding:.4rem .7rem; border-bottom:1px solid var(--line); color:var(--fg); font-weight:400; }
#search-results small { color:var(--muted); display:block; }
@media (max-width:70rem) { .layout { grid-template-columns:14rem minmax(0,1fr); } nav.toc { display:none; } }
@media (max-width:45rem) { .layout { display:block; } nav.side { position:static; max-height:none; } }
''' + HtmlFormatter(style='friendly').get_style_defs('.highlight')

search_js = '''
(function() {
  var box = document.getElementById('search'), out = document.getElementById('search-results'), root = box.dataset.root;
  function esc(s) { var d = document.createElement('div'); d.textContent = s; return d.innerHTML; }
  box.addEventListener('input', function() {
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean), hits = [];
    if (!words.length) { out.style.display = 'none'; return; }
    window.DOCS_INDEX.forEach(function(s) {
      var text = (s.title + ' ' + s.text).toLowerCase();
      if (words.every(function(w) { return text.indexOf(w) >= 0; })) hits.push(s);
    });
    var inTitle = function(s) { return words.every(function(w) { return s.title.toLowerCase().indexOf(w) >= 0; }) ? 0 : 1; };
    hits.sort(function(a, b) { return inTitle(a) - inTitle(b); }); // stable: sections named by the words first
    out.innerHTML = hits.slice(0, 30).map(function(s) {
      return '<a href="' + root + s.url + '">' + esc(s.title) + '<small>' + esc(s.page) + '</small></a>';
    }).join('') || '<a>No match</a>';
    out.style.display = 'block';
  });
  document.addEventListener('click', function(e) { if (e.target !== box) out.style.display = 'none'; });
})();
'''

def search_entries(page_html, # the content HTML of one page
                   page, # its name
                   title): # its title
    "One search entry (title, url, page, text) for each section of a page."
    parts = re.split(r'<h[1-4] id="([^"]*)">(.*?)</h[1-4]>', page_html)
    plain = lambda s: ' '.join(html.unescape(re.sub(r'<script.*?</script>|<style.*?</style>|<[^>]+>|data:[^"]+', ' ', s, flags=re.S)).split())
    res = [dict(title=title, url=page, page=title, text=plain(parts[0])[:2000])]
    for i in range(1, len(parts)-1, 3):
        res.append(dict(title=plain(parts[i+1]), url=f'{page}#{parts[i]}', page=title, text=plain(parts[i+2])[:2000]))
    return res

def _unique_ids(page_html):
    "Make heading ids unique on a page, as Pandoc does (`x`, `x-1`, …): cells are rendered one by one."
    seen = {}
    def _fix(m):
        n = seen[m[2]] = seen.get(m[2], -1) + 1
        return f'<{m[1]} id="{m[2]}{f"-{n}" if n else ""}"'
    return re.sub(r'<(h[1-6]) id="([^"]*)"', _fix, page_html)

def page_html(body, # the page's content HTML
              page, # its name, relative to the site root
              title, # its title
              description, # one sentence under the title
              nav, # [(title, page name)] of every page, in order
              site_title): # the site's name
    "A whole HTML page around `body`."
    up = '../' * page.count('/')
    toc = ''.join(f'<li class="{h}"><a href="#{i}">{t}</a></li>' for h, i, t in
                  re.findall(r'<(h[23]) id="([^"]*)">(.*?)</h[23]>', body))
    side = ''.join(f'<li><a href="{up}{p}"{" class=current" if p == page else ""}>{html.escape(t)}</a></li>' for t, p in nav)
    return f'''<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} – {html.escape(site_title)}</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="{up}site.css"></head>
<body><header><a href="{up}index.html">{html.escape(site_title)}</a>
<input id="search" type="search" placeholder="Search" aria-label="Search" data-root="{up}"><div id="search-results"></div></header>
<div class="layout"><nav class="side"><div class="label">Pages</div><ul>{side}</ul></nav>
<main><h1 id="{slug(title)}">{html.escape(title)}</h1>{f'<p class="description">{html.escape(description)}</p>' if description else ''}
{body}</main>
<nav class="toc">{'<div class="label">On this page</div><ul>' + toc + '</ul>' if toc else ''}</nav></div>
<script src="{up}search.js"></script><script src="{up}search-index.js"></script></body></html>
'''

def _run_one(nb, cache, threads):
    torch.set_num_threads(threads) # more threads than cores, over all workers, makes torch crawl
    try: return run_nb(nb, cache)
    except Exception as e: return dict(error=str(e) if isinstance(e, DocsError) else ''.join(traceback.format_exception(e)))

def build_docs(nbs=None, # the notebooks folder (default: `nbs_path` of settings.ini)
               dest=None, # the site folder to write (default: `doc_path` of settings.ini, `_docs`)
               cache=None, # folder of cached notebook runs (default: `_proc/docs_cache`); `False`: none
               n_workers:int=2, # notebooks run at once, each in its own process
               api:bool=True): # write the API reference page
    "Build the documentation site from the notebooks in `nbs` into `dest`; return `dest`."
    cfg, start = get_config(), time.time()
    nbs, dest = Path(nbs or cfg.nbs_path).absolute(), Path(dest or cfg.doc_path).absolute()
    if cache is None: cache = cfg.config_path/'_proc'/'docs_cache'
    files = doc_nbs(nbs)
    if not files: raise DepthPromptError(f'{nbs} holds no notebook to build a site from.')
    from docs import docsite # workers look the function up by its module's name, which a notebook's namespace lacks
    n_workers = max(1, n_workers)
    ctx = multiprocessing.get_context('forkserver') # a fresh process per notebook, forked from one with the imports done
    ctx.set_forkserver_preload(['docs.docsite'])
    with ProcessPoolExecutor(n_workers, mp_context=ctx, max_tasks_per_child=1) as pool:
        runs = list(pool.map(partial(docsite._run_one, cache=cache or None, threads=max(1, (os.cpu_count() or 1) // n_workers)), files))
    errors = [f'{f.name}: {r["error"]}' for f, r in zip(files, runs) if 'error' in r]
    runs = [dict(title=f.name, description='This notebook failed while the site was built.',
                 cells=[dict(cell_type='code', source='', outputs=[dict(output_type='error', traceback=[r['error']])])])
            if 'error' in r else r for f, r in zip(files, runs)]
    names = [page_name(f, nbs) for f in files]
    nav = [(r['title'], p) for r, p in zip(runs, names)] + ([('API reference', 'api.html')] if api else [])
    if dest.exists(): shutil.rmtree(dest)
    for f in nbs.rglob('*'): # the other files a page may link to (images, data), skipping notebooks and nbdev's config
        rel = f.relative_to(nbs)
        if f.is_file() and f.suffix not in ('.ipynb', '.yml', '.py') and not any(s[0] in '_.' for s in rel.parts):
            (dest/rel).parent.mkdir(parents=True, exist_ok=True); shutil.copy2(f, dest/rel)
    nb_pages = {f.relative_to(nbs).as_posix(): p for f, p in zip(files, names)}
    pages = [(r['title'], r['description'], p, ''.join(map(render_cell, r['cells']))) for r, p in zip(runs, names)]
    if api: pages.append(('API reference', 'Every function and class of the package, with its parameters.', 'api.html', md.render(api_markdown(order=names))))
    pages = [(title, desc, page, _unique_ids(fix_links(body, page, nb_pages, nbs=nbs))) for title, desc, page, body in pages]
    ids = {page: set(re.findall(r' id="([^"]*)"', body)) | {slug(title)} for title, desc, page, body in pages}
    index = []
    for title, desc, page, body in pages:
        body = unlink_missing(body, page, ids)
        (dest/page).parent.mkdir(parents=True, exist_ok=True)
        (dest/page).write_text(page_html(body, page, title, desc, nav, cfg.title), encoding='utf-8')
        index += search_entries(body, page, title)
    (dest/'site.css').write_text(site_css)
    (dest/'search.js').write_text(search_js)
    (dest/'search-index.js').write_text('window.DOCS_INDEX = ' + json.dumps(index) + ';')
    print(f'Built {len(pages)} pages into {dest} in {time.time()-start:.0f} s.')
    if errors: raise DocsError(f'notebooks failed: {len(errors)} (their pages show the error)\n\n' + '\n\n'.join(errors))
    return dest

_re_md_link = re.compile(r'(!?\[[^\]]*\]\()([^)\s]+)(\))')

def readme_md(nb=None, # the home-page notebook (default: `readme_nb` of settings.ini in `nbs_path`)
              root=None): # the folder the README goes to (default: the repository root)
    "README.md's markdown from notebook `nb` (index.ipynb), skipping `#| hide` cells; relative links point from `root`."
    cfg = get_config()
    nb, root = Path(nb or cfg.nbs_path/cfg.readme_nb).absolute(), Path(root or cfg.config_path).absolute()
    proc = NBProcessor(nb, procs=[FrontmatterProc, nbp.rm_export, nbp.hide_, nbp.clean_magics], process=True)
    fm = getattr(proc.nb, 'frontmatter_', {})
    def _rel(m): # a link relative to the notebook becomes one relative to the README: GitHub shows both files and notebooks
        url = m[2]
        if not re.match(r'^([a-z][\w+.-]*:|/|#)', url): url = os.path.relpath(os.path.normpath(nb.parent/url), root)
        return m[1] + url + m[3]
    res = [f'# {fm.get("title", nb.stem)}\n\n<!-- WARNING: THIS FILE WAS AUTOGENERATED FROM {nb.name}! DO NOT EDIT! -->\n']
    if fm.get('description'): res.append(f'> {fm["description"]}\n')
    for c in proc.nb.cells:
        if c.cell_type == 'markdown': res.append(_re_md_link.sub(_rel, c.source) + '\n')
        elif c.cell_type == 'code' and c.source.strip():
            res.append(f'```python\n{c.source.strip()}\n```\n')
            texts = [_txt(o.get('text') or o.get('data', {}).get('text/plain', '')) for o in c.get('outputs', [])]
            if any(texts): res.append('```\n' + ''.join(texts).rstrip() + '\n```\n')
    return '\n'.join(res)

def make_readme(nb=None, # the home-page notebook (default: `readme_nb` of settings.ini in `nbs_path`)
                dest=None): # the file to write (default: README.md at the repository root)
    "Write `dest` (README.md) from notebook `nb` (index.ipynb) with `readme_md`; return `dest`."
    dest = Path(dest or get_config().config_path/'README.md').absolute()
    text = readme_md(nb, dest.parent)
    with atomic_path(dest) as tmp: tmp.write_text(text, encoding='utf-8')
    return dest

def check_links(md_file, # a markdown file of the repository (README.md)
                site=None): # the built site, to check links to the published site against (none: those are not checked)
    "Check every link of `md_file`: a relative link names an existing file, a link to the published site an existing page and anchor. Return the external links, which cannot be checked offline."
    cfg, md_file = get_config(), Path(md_file).absolute()
    home = (cfg.doc_host + cfg.doc_baseurl).rstrip('/') + '/'
    text = re.sub(r'```.*?```', '', md_file.read_text(encoding='utf-8'), flags=re.S) # links inside code blocks are code
    problems, external = [], []
    for url in re.findall(r'\]\(([^)\s]+)\)', text) + re.findall(r'(?:href|src)="([^"]+)"', text):
        path, _, frag = url.partition('#')
        if (f := repo_file(url)) is not None:
            if not f.exists(): problems.append(f'{url}: no such file in the repository')
        elif url.startswith(home):
            if site is None: continue
            page = Path(site)/(path[len(home):] or 'index.html')
            if not page.is_file(): problems.append(f'{url}: no such page in {site}')
            elif frag and f'id="{frag}"' not in page.read_text(encoding='utf-8'): problems.append(f'{url}: no such anchor')
        elif re.match(r'^[a-z][\w+.-]*:', url): external.append(url)
        elif path and not (md_file.parent/unquote(path)).exists(): problems.append(f'{url}: no such file')
    assert not problems, f'dead links in {md_file.name}: {len(problems)}\n' + '\n'.join(problems)
    return external

chromium_flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
                  '--disable-component-update', '--disable-sync']

@contextlib.contextmanager
def serve(folder): # the folder to serve
    "Serve `folder` over HTTP on 127.0.0.1 (a free port) while the block runs; yield the base URL."
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args): pass
    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try: yield f'http://127.0.0.1:{server.server_address[1]}/'
    finally: server.shutdown(); server.server_close()

_page_facts = '''() => ({
  links: [...document.querySelectorAll('a[href]')].map(a => a.href),
  ids: [...document.querySelectorAll('[id]')].map(e => e.id),
  images: document.images.length,
  broken_images: [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => (i.getAttribute('src') || i.id || '(no src)').slice(0, 80)),
  blank_canvases: [...document.querySelectorAll('canvas')].filter(c => {
    if (!c.width || !c.height) return true;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < d.length; i += 4) if (d[i]) return false;
    return true; }).map(c => c.id || '(canvas)'),
})'''

def check_site(site=None, # the built site (default: `doc_path` of settings.ini)
               shots=None, # folder for the screenshots (default: `_proc/docs_check`)
               browser='/usr/bin/chromium', # the Chromium executable
               shoot=('index.html', 'results.html')): # the pages to screenshot, when they exist
    "Open every page of `site` in headless Chromium; raise `AssertionError` listing every problem found. Return a summary."
    from playwright.sync_api import sync_playwright
    cfg, start = get_config(), time.time()
    site, shots = Path(site or cfg.doc_path), Path(shots or cfg.config_path/'_proc'/'docs_check')
    if not Path(browser).exists(): raise DepthPromptError(f'browser {browser} not found: install it with `apt-get install -y chromium`.')
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob('*.html'))
    problems, facts, shots_taken = [], {}, []
    shots.mkdir(parents=True, exist_ok=True)
    with serve(site) as base, sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        ctx = pw.chromium.launch_persistent_context(profile, executable_path=browser, headless=True, args=chromium_flags,
                                                    viewport={'width': 1280, 'height': 900})
        def _route(route):
            if route.request.url.startswith(base): return route.continue_()
            problems.append(f'{route.request.frame.url}: requests {route.request.url[:100]} from outside the site'); route.abort()
        ctx.route('**/*', _route)
        for page in pages:
            tab, url = ctx.new_page(), base + page
            tab.on('console', lambda m, p=page: m.type == 'error' and problems.append(f'{p}: console error: {m.text}'))
            tab.on('pageerror', lambda e, p=page: problems.append(f'{p}: script error: {e}'))
            tab.on('requestfailed', lambda r, p=page: problems.append(f'{p}: request failed: {r.url[:100]} ({r.failure})'))
            tab.on('response', lambda r, p=page: r.status >= 400 and problems.append(f'{p}: HTTP {r.status} for {r.url[:100]}'))
            tab.goto(url, wait_until='load'); tab.wait_for_timeout(300) # scripts that start on a timer
            facts[page] = f = tab.evaluate(_page_facts)
            problems += [f'{page}: image not loaded: {i}' for i in f['broken_images']]
            problems += [f'{page}: blank canvas: {c}' for c in f['blank_canvases']]
            if page in shoot:
                tab.screenshot(path=shots/f'{Path(page).stem}.png', full_page=True); shots_taken.append(shots/f'{Path(page).stem}.png')
            tab.close()
        ctx.close()
    n_links = 0
    for page, f in facts.items():
        for link in f['links']:
            if (file := repo_file(link)) is not None and not file.exists(): problems.append(f'{page}: link to a missing file of the repository {link}')
            if not link.startswith(base): continue
            n_links += 1
            path, _, frag = unquote(link[len(base):]).partition('#')
            path = path.split('?')[0] or 'index.html'
            if not (site/path).is_file(): problems.append(f'{page}: broken link to {path}')
            elif frag and path in facts and frag not in facts[path]['ids']: problems.append(f'{page}: link to a missing anchor {path}#{frag}')
    assert not problems, f'problems on the docs site: {len(problems)}\n' + '\n'.join(dict.fromkeys(problems))
    res = dict(pages=len(pages), links=n_links, images=sum(f['images'] for f in facts.values()), screenshots=shots_taken, seconds=round(time.time()-start, 1))
    print(f'Checked {res["pages"]} pages, {res["links"]} internal links and {res["images"]} images in {res["seconds"]} s; screenshots: {", ".join(map(str, shots_taken))}')
    return res
