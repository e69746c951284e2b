"""Build the docs site into _docs/ from the notebooks, offline; the page `nbs/docs_site.ipynb` explains how.

    .venv/bin/python -m docs            # build _docs/ (open _docs/index.html)
    .venv/bin/python -m docs --check    # build, then open every page in headless Chromium and check README.md's links
    .venv/bin/python -m docs --readme   # only write README.md from nbs/index.ipynb (fast)
"""
from fastcore.script import call_parse
from nbdev.config import get_config
from docs.docsite import build_docs, check_site, check_links, make_readme

@call_parse
def main(check:bool=False, # then open every page in headless Chromium (Debian's `chromium`) and check README.md's links
         readme:bool=False, # only write README.md from nbs/index.ipynb, and build nothing
         no_cache:bool=False, # run every notebook, even those whose cached run is current
         n_workers:int=2): # notebooks run at once
    "Build the docs site into _docs/; with --check, check it in a browser."
    if readme: return print(f'Wrote {make_readme()}')
    site = build_docs(cache=False if no_cache else None, n_workers=n_workers)
    if check:
        check_site(site)
        external = check_links(get_config().config_path/'README.md', site)
        print(f'README.md: every relative link and link to the site resolves; {len(external)} external links not checked offline')
