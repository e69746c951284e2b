"""Train the prompts shipped for the embedded default network and the fine-tuning baseline; score them all.

Run from the repository root on a machine with a CUDA GPU and depth_prompt installed. One process compiles the
renderer's kernels and renders the training pool once, before any budget starts, and trains its runs one after the
other; the shipped files came from three processes on two H200s (about 7 minutes) and an evaluation:

    python reproduce/prompts_default.py train --out runs/default --export runs/default/export \
        fourier:paper:fast=45 pixel:paper:fast=45 hypernet:paper:fast=45 \
        fourier:official:fast=45 pixel:official:fast=45 hypernet:official:fast=45 finetune:fast=60
    python reproduce/prompts_default.py train --out runs/default fourier:paper:reference=330       # on a second GPU,
    python reproduce/prompts_default.py train --out runs/default2 fourier:official:reference=330   # both side by side
    mv runs/default2/runs/* runs/default/runs/
    python reproduce/prompts_default.py evaluate --out runs/default --runs runs/default/runs --export runs/default/export

(`all RUN …` trains and evaluates in one process.) The pool was then rendered inside the first run's budget (the
Fourier prompt, paper flavour, saw 7 epochs, the other fast runs 20–35); the script now renders it first.
Then the export folder's `*.pth` go to `depth_prompt/weights/`, its `eval_default.json` and `fourier_snapshots.npz` to
`nbs/results/`, and `python reproduce/prompts_default.py readme` puts the new table into `nbs/index.ipynb` (the README's
source). `train RUN=SECONDS …` and `evaluate` do the two halves separately.

A RUN is `KIND:FLAVOUR:RECIPE` (`finetune:RECIPE` for the baseline), trained into `<out>/runs/<kind>-<flavour>-<recipe>/`;
`=SECONDS` fits it into that many seconds (`depth_prompt.pretrain.TimeBudget`: the schedule follows the clock, the fit
stops at the first epoch end past it), else `--epochs` epochs.
- KIND: 'fourier', 'pixel', 'hypernet' (a prompt in front of the frozen network), 'finetune' (the baseline: no prompt,
  every weight of the network trained, with the gradient norm clipped at 1).
- FLAVOUR: 'paper' (method §1–§3) or 'official' (the released code, method §8).
- RECIPE: 'reference' is method §6 — SGD, momentum 0.9, lr 5e-4, no weight decay, batch 8, ÷10 after 80 % of the
  training — scaled to the budget: the reference's 50 epochs × 24 000 renders (150 000 steps) become as many steps as
  the budget allows, the drop comes after 80 % of the budget's time, and an epoch is 1 600 renders (so that validation
  and `best.pth` keep up with a short run); everything else is the reference's. 'fast' is ours: fastai's one-cycle
  Adam over the budget, batch 64, epochs of 3 200 renders, the learning rates of `FAST`.
Every run trains on the same 24 000 object renders of the training shape families (white background, 256², seed 1337),
made once and kept on the GPU (`train(pool=24000)`: the reference's fixed training set; one process renders them once
for all its runs), and keeps the epoch with the best validation si-RMSE as `best.pth`. The fast runs of the three prompts ship:
`<out>/weights/default-<kind>.pth` (paper flavour) and `default-official-<kind>.pth` (`ship_name`).

`evaluate` writes `<out>/results/eval_default.json`, the results page's tables: 100 objects each of the
in-distribution (`renders-val`) and out-of-distribution (`renders-ood`) families at 256² on photo backgrounds (seed
1338, rendered 8 at a time, so the page's check can render the first 8 on a CPU), and a real photo with ground truth
(`photo-motorcycle`: Middlebury 2014's Motorcycle from `skimage.data`, depth from its disparity, the motorcycle's mask
from the same disparity: what stands above the floor plane, `depth_prompt.real`); each scored behind the four baseline backgrounds (the network off the shelf),
every prompt run (or, without runs, every prompt the package ships) and the fine-tuned network behind white and the
original photo. Each sample's metrics are stored beside the means, with each checkpoint's SHA-256, in fp32 (TF32 off).
"""
import argparse, hashlib, json, shutil, time, warnings
from pathlib import Path
import numpy as np, pandas as pd, torch, cv2
from fastai.callback.training import GradientClip
from depth_prompt.core import DepthPromptError, default_device, weights_path, as_device
from depth_prompt.train import train
from depth_prompt.data import render_to_folder, check_sample, NpzFolder, render_data
from depth_prompt.render import render_batch
from depth_prompt.model import create_model, load_model, read_checkpoint
from depth_prompt.composite import BASELINES
from depth_prompt.evaluation import evaluate_dataset, results_table, COLUMNS
from depth_prompt.bench import environment
from depth_prompt.pretrain import TimeBudget
from depth_prompt import real

KINDS, FLAVOURS = ('fourier', 'pixel', 'hypernet', 'finetune'), ('paper', 'official')
FAST = {'fourier': dict(lr=3e-3), 'pixel': dict(lr=3e-3), 'hypernet': dict(lr=5e-4), 'finetune': dict(lr=3e-4)}
POOL = 24_000  # the reference's fixed training set: renders made once, kept on the GPU (`train(pool=)`)
RECIPES = {'fast': dict(recipe='one_cycle', bs=64, samples=3200),  # lr: FAST[kind]
           'reference': dict(recipe='reference', bs=8, samples=1600, lr=5e-4)}  # method §6 (epochs shortened: see above)
PROMPT_CFG = {'hypernet': {'ngf': 16}}  # a U-Net of the default network's size (the reference's 64 filters: 16× the weights)
SIZE, EVAL_N, EVAL_SEED, EVAL_BATCH = 256, 100, 1338, 8

def parse_run(spec):
    "('fourier', 'paper', 'fast', seconds or None) from 'fourier:paper:fast=40' ('finetune:fast=50' for the baseline)."
    name, _, secs = spec.partition('=')
    parts = name.split(':')
    if parts[0] == 'finetune' and len(parts) == 2: parts = ['finetune', None, parts[1]]
    if len(parts) != 3 or parts[0] not in KINDS or parts[2] not in RECIPES or (parts[0] != 'finetune' and parts[1] not in FLAVOURS):
        raise DepthPromptError(f"run {spec!r} is not KIND:FLAVOUR:RECIPE[=SECONDS] with KIND in {', '.join(KINDS[:3])}, FLAVOUR in "
                               f"{', '.join(FLAVOURS)}, RECIPE in {', '.join(RECIPES)} (or finetune:RECIPE[=SECONDS]).")
    try: budget = float(secs) if secs else None
    except ValueError: raise DepthPromptError(f"run {spec!r}: the budget {secs!r} is not a number of seconds.") from None
    return (*parts, budget)

def run_name(kind, flavour, recipe): return '-'.join(p for p in (kind, flavour, recipe) if p)

def ship_name(kind, flavour):
    "The file a prompt ships as in `depth_prompt/weights/`: `default-fourier.pth`, `default-official-fourier.pth`, …"
    return f"default-{kind}.pth" if flavour == 'paper' else f"default-{flavour}-{kind}.pth"

def warm_renderer(device, size=SIZE):
    "Compile the renderer's fused kernels (CUDA only: the CPU renders eagerly) before any budget starts."
    if as_device(device).type != 'cuda': return
    for bs in (256, EVAL_BATCH): render_batch(bs, size, device=device, seed=0, background='photo')
    torch.cuda.synchronize()

_renders = {}
def cached_render(n, **kw):
    "`render_batch`, remembered: the runs of one process draw from the same renders and validation set, made once."
    dev = torch.device(kw.get('device') or 'cpu')
    if dev.type == 'cuda' and dev.index is None: dev = torch.device('cuda', torch.cuda.current_device())  # 'cuda' is 'cuda:0'
    key = (n, *sorted((k, str(dev if k == 'device' else v)) for k, v in kw.items()))
    if key not in _renders: _renders[key] = render_batch(n, **kw)
    return _renders[key]

def render_pool(device, pool=POOL, size=SIZE, seed=1337):
    "Render the training pool `train(pool=)` draws from into `cached_render`'s memory (the same calls, in the same chunks)."
    if pool and as_device(device).type == 'cuda':  # `train`'s own choice of render calls, so that its pool finds them
        render_data(pool, 1, size, 'objects', 'train', seed, device, rank=0, pool=pool, render=cached_render)._sync()

def train_run(kind, flavour, recipe, budget, out, epochs=1000, size=SIZE, device=None, samples=None, bs=None, pool=POOL):
    "Train one run into `out/runs/<name>/` (with `run.json`: what it took and saw); returns that folder."
    r, folder = RECIPES[recipe], Path(out).absolute()/'runs'/run_name(kind, flavour, recipe)
    bs, lr, samples = bs or r['bs'], r.get('lr', FAST[kind]['lr']), samples or r['samples']
    cbs = ([GradientClip(1.0)] if kind == 'finetune' else []) + ([TimeBudget(budget)] if budget else [])
    prompt_cfg = None if kind == 'finetune' else {'flavour': flavour, **PROMPT_CFG.get(kind, {})}
    t = time.time()
    train('default', prompt='none' if kind == 'finetune' else kind, finetune=kind == 'finetune', data='render', epochs=epochs,
          samples_per_epoch=samples, bs=bs, size=size, lr=lr, recipe=r['recipe'], prompt_cfg=prompt_cfg, out=folder,
          valid_samples=min(256, samples), overwrite=True, device=device, progress=False, cbs=cbs, pool=pool, render=cached_render)
    secs, done = time.time() - t, len(pd.read_csv(folder/'log.csv'))
    info = dict(kind=kind, flavour=flavour, recipe=recipe, optimiser=r['recipe'], bs=bs, lr=lr, samples_per_epoch=samples, pool=pool,
                budget_s=budget, seconds=round(secs, 1), epochs=done, samples_seen=done * samples, steps=done * (samples // bs))
    (folder/'run.json').write_text(json.dumps(info, indent=1))
    print(f"{folder.name}: {done} epochs, {done * samples} renders, {secs:.0f} s", flush=True)
    return folder

def export(files, folder):
    "Copy `files` into `folder` (flat: what a GPU machine hands back), if one is given."
    if folder is None: return
    Path(folder).mkdir(parents=True, exist_ok=True)
    for f in files: shutil.copyfile(f, Path(folder)/Path(f).name)

def ship(out, to=None):
    "Copy each fast prompt run's `best.pth` to `out/weights/<ship_name>` (and `to`); returns the files written."
    (Path(out)/'weights').mkdir(parents=True, exist_ok=True); done = []
    for f in sorted((Path(out)/'runs').glob('*/run.json')):
        info = json.loads(f.read_text())
        if info['kind'] != 'finetune' and info['recipe'] == 'fast':
            done.append(shutil.copyfile(f.parent/'best.pth', Path(out)/'weights'/ship_name(info['kind'], info['flavour'])))
    export(done, to)
    return done

def sha256(path): return hashlib.sha256(Path(path).read_bytes()).hexdigest()

def motorcycle():
    "The real photo with ground truth: Middlebury's Motorcycle (`depth_prompt.real`), checked as the readers check a sample."
    return check_sample(real.motorcycle()[0], 'motorcycle') | {'name': 'motorcycle'}

def mask_sha256(mask): return hashlib.sha256(np.packbits(mask)).hexdigest()

def eval_sets(folder, n=EVAL_N, device=None):
    "{name: dataset} of the evaluation: the two render sets (written under `folder`) and the real photo."
    sets = {f'renders-{s}': NpzFolder(render_to_folder(Path(folder)/s, n, SIZE, split=s, seed=EVAL_SEED, batch=EVAL_BATCH,
                                                       background='photo', device=device, overwrite=True)) for s in ('val', 'ood')}
    return sets | {'photo-motorcycle': [motorcycle()]}

def describe(path):
    "The row of the tables a checkpoint makes: its label and what it is, from its own contents."
    ck, run = read_checkpoint(path), Path(path).parent/'run.json'
    recipe = {'one_cycle': 'fast', 'reference': 'reference'}[ck['config'].get('recipe', 'one_cycle')]
    where = 'depth_prompt/weights' if Path(path).parent == weights_path() else f'runs/{Path(path).parent.name}'
    info = dict(checkpoint=f'{where}/{Path(path).name}', sha256=sha256(path), recipe=recipe)
    if run.exists():
        info['train'] = json.loads(run.read_text()) | {'log': pd.read_csv(Path(path).parent/'log.csv').to_dict('list')}
    if ck['prompt'] is None: return f'fine-tuned ({recipe})', info | dict(group='fine-tune', kind='finetune')
    kind, flavour = ck['prompt']['kind'], ck['prompt'].get('flavour', 'paper')
    return f'{kind} prompt ({flavour}, {recipe})', info | dict(group='prompt', kind=kind, flavour=flavour, ships_as=ship_name(kind, flavour) if recipe == 'fast' else None)

def evaluate_all(out, runs=None, n=EVAL_N, device=None, to=None):
    "Score every row on the evaluation sets; writes `out/results/eval_default.json` (and to `to`) and returns its dict."
    torch.backends.cudnn.allow_tf32 = torch.backends.cuda.matmul.allow_tf32 = False  # fp32, as the page's CPU check
    device, out = as_device(device or default_device()), Path(out)
    ckpts = sorted(Path(runs).glob('*/best.pth')) if runs else [weights_path(ship_name(k, f)) for f in FLAVOURS for k in KINDS[:3]]
    rows, models = {}, {}
    for bg in BASELINES:
        rows[bg] = dict(group='off-the-shelf', kind=bg)
        models[bg] = create_model('default', 'none', background=bg).to(device).eval()
    order = lambda d: (KINDS.index(d[1]['kind']), FLAVOURS.index(d[1].get('flavour', 'paper')), list(RECIPES).index(d[1]['recipe']))
    for p, (label, info) in sorted([(p, describe(p)) for p in ckpts if p.exists()], key=lambda pd_: order(pd_[1])):
        m = load_model(p, device=device)
        if info['kind'] == 'finetune':
            for bg in ('white', 'original'):
                rows[f'{label}, {bg}'] = info | dict(background=bg)
                models[f'{label}, {bg}'] = create_model(m.network, 'none', background=bg).to(device).eval()
        else: rows[label], models[label] = info, m
    sets = eval_sets(out/'sets', n, device)
    results = {name: evaluate_dataset(ds, models, seed=EVAL_SEED, device=device, per_sample=True) for name, ds in sets.items()}
    print(results_table(results))
    net = weights_path('default_net.safetensors')
    setup = dict(n=n, size=SIZE, seed=EVAL_SEED, render_batch=EVAL_BATCH, splits={'renders-val': 'val', 'renders-ood': 'ood'},
                 background='photo', photo=dict(name='motorcycle', source='depth_prompt.real.motorcycle', **real.MOTORCYCLE_CALIB,
                                                mask_sha256=mask_sha256(motorcycle()['mask'])),
                 network=dict(file='depth_prompt/weights/default_net.safetensors', sha256=sha256(net)), tf32=False,
                 script='reproduce/prompts_default.py evaluate', environment=environment())
    res = dict(setup=setup, rows=rows, results=results)
    (out/'results').mkdir(parents=True, exist_ok=True)
    snaps = sorted((Path(runs or out/'none')/run_name('fourier', 'paper', 'fast')/'snapshots').glob('*.png'))
    if snaps:  # the shipped Fourier prompt while it learned, for the results page
        np.savez_compressed(out/'results'/'fourier_snapshots.npz', names=np.array([p.name for p in snaps]),
                            images=np.stack([cv2.imread(str(p))[..., ::-1] for p in snaps]))
    (out/'results'/'eval_default.json').write_text(json.dumps(res, indent=1))
    export(sorted((out/'results').iterdir()), to)
    return res

SETS = {'renders-val': 'in-distribution', 'renders-ood': 'out-of-distribution', 'photo-motorcycle': 'real photo'}
README_MARKS = ('<!-- results: made by reproduce/prompts_default.py readme -->', '<!-- end of results -->')

def comparison(ev, metrics=('si_rmse', 'cos_sim')):
    "The paper's comparison as a DataFrame: a row per network and background, a column per set and metric."
    rows, res = ev['rows'], ev['results']
    df = pd.DataFrame({(SETS[ds], COLUMNS[m][0]): {r: res[ds][r][m] for r in rows} for ds in SETS for m in metrics})
    df.index = pd.MultiIndex.from_tuples([(rows[r]['group'], r) for r in df.index], names=['network', 'background'])
    return df

def summary(ev):
    "Markdown bullets: what the numbers say, each number read from `ev`."
    rows, res, lines = ev['rows'], ev['results'], []
    def best(ds, group):
        r = min((r for r in rows if rows[r]['group'] == group), key=lambda r: res[ds][r]['si_rmse'], default=None)
        return (r, res[ds][r]['si_rmse'] if r else None)
    prompts = [r for r in rows if rows[r]['group'] == 'prompt']
    for ds, what in SETS.items():
        (b, bv), (p, pv), (f, fv) = best(ds, 'off-the-shelf'), best(ds, 'prompt'), best(ds, 'fine-tune')
        lines.append(f"- **{what}**: the best background off the shelf is {b} (si-RMSE {bv:.3f}); "
                     f"{beat if (beat := sum(res[ds][r]['si_rmse'] < bv for r in prompts)) < len(prompts) else 'all'} of the {len(prompts)} prompts do better"
                     + (f", the best is the {p} at {pv:.3f}" if p else '') + (f"; the fine-tuned network ({rows[f]['recipe']} recipe, behind {rows[f]['background']}) reaches {fv:.3f}." if f else '.'))
    same = lambda r, o, k: rows[r].get(k) == rows[o].get(k)
    for r in prompts:
        for o in prompts:
            vs = lambda: ', '.join(f"{res[ds][r]['si_rmse']:.3f} vs {res[ds][o]['si_rmse']:.3f} ({what})" for ds, what in SETS.items())
            if rows[r]['flavour'] == 'paper' and rows[o]['flavour'] == 'official' and same(r, o, 'kind') and same(r, o, 'recipe'):
                lines.append(f"- **{rows[r]['kind']} prompt, paper vs official flavour** ({rows[r]['recipe']} recipe), si-RMSE: {vs()}.")
            if rows[r]['recipe'] == 'reference' and rows[o]['recipe'] == 'fast' and same(r, o, 'kind') and same(r, o, 'flavour') \
               and 'train' in rows[r] and 'train' in rows[o]:
                tr, to = rows[r]['train'], rows[o]['train']
                lines.append(f"- **{rows[r]['kind']} prompt, reference vs fast recipe** ({rows[r]['flavour']} flavour; {tr['samples_seen']:,} vs "
                             f"{to['samples_seen']:,} samples in {tr['seconds']:.0f} vs {to['seconds']:.0f} s), si-RMSE: {vs()}.")
    return '\n'.join(lines)

def readme_block(ev):
    "The README's results (between `README_MARKS` in nbs/index.ipynb): the comparison table and the summary, from `ev`."
    df = comparison(ev)
    table = ['| network | background | ' + ' | '.join(f'{ds} {m}' for ds, m in df.columns) + ' |', '|---|---|' + '---:|' * df.shape[1]]
    table += [f"| {g} | {r} | " + ' | '.join(f'{v:.3f}' for v in row) + ' |' for (g, r), row in df.iterrows()]
    return '\n'.join([README_MARKS[0], *table, '', summary(ev), README_MARKS[1]])

def write_readme(results=Path('nbs/results/eval_default.json'), index=Path('nbs/index.ipynb')):
    "Put `readme_block` of `results` between the marks in `index` (then `python -m docs --readme` makes README.md)."
    nb, block = json.loads(Path(index).read_text()), readme_block(json.loads(Path(results).read_text()))
    cells = [c for c in nb['cells'] if README_MARKS[0] in ''.join(c['source'])]
    if len(cells) != 1: raise DepthPromptError(f"{index} has {len(cells)} cells with the results marks, not one.")
    text = ''.join(cells[0]['source'])
    start, end = text.index(README_MARKS[0]), text.index(README_MARKS[1]) + len(README_MARKS[1])
    cells[0]['source'] = (text[:start] + block + text[end:]).splitlines(True)
    Path(index).write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0]); sub = ap.add_subparsers(dest='cmd', required=True)
    for name in ('train', 'all'):
        t = sub.add_parser(name); t.add_argument('runs', nargs='+', help='KIND:FLAVOUR:RECIPE[=SECONDS], finetune:RECIPE[=SECONDS]')
        t.add_argument('--out', required=True); t.add_argument('--epochs', type=int, default=1000, help='epochs of a run without SECONDS')
        t.add_argument('--samples', type=int, default=None, help="renders per epoch (default: the recipe's)")
        t.add_argument('--bs', type=int, default=None, help="batch size (default: the recipe's)")
        t.add_argument('--pool', type=int, default=POOL, help='training renders made once and kept on the GPU (0: render every batch)')
        t.add_argument('--size', type=int, default=SIZE); t.add_argument('--device', default=None)
        t.add_argument('--n', type=int, default=EVAL_N, help='objects per render set (all)')
        t.add_argument('--export', default=None, help='also copy the shipped prompts and the results, flat, into this folder')
    e = sub.add_parser('evaluate'); e.add_argument('--out', required=True)
    e.add_argument('--runs', default=None, help="a folder of runs (<run>/best.pth); default: the prompts the package ships")
    e.add_argument('--n', type=int, default=EVAL_N); e.add_argument('--device', default=None); e.add_argument('--export', default=None)
    sub.add_parser('readme', help="write nbs/results/eval_default.json's table into nbs/index.ipynb")
    a = ap.parse_args(argv)
    try:
        if a.cmd == 'readme': return write_readme()
        if a.cmd == 'evaluate': return evaluate_all(a.out, a.runs, a.n, a.device, a.export)
        runs = [parse_run(r) for r in a.runs]
        t = time.time(); warm_renderer(a.device or default_device(), a.size); render_pool(a.device or default_device(), a.pool, a.size)
        print(f"renderer and pool ready in {time.time() - t:.0f} s", flush=True)
        for kind, flavour, recipe, budget in runs: train_run(kind, flavour, recipe, budget, a.out, a.epochs, a.size, a.device, a.samples, a.bs, a.pool or None)
        print('shipped:', ', '.join(p.name for p in ship(a.out, a.export)), flush=True)
        if a.cmd == 'all': evaluate_all(a.out, Path(a.out)/'runs', a.n, a.device, a.export)
    except DepthPromptError as e: raise SystemExit(f"error: {e}")

if __name__ == '__main__': main()
