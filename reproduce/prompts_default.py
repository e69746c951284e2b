"""Train the prompts shipped for the embedded default network and the fine-tuning baseline; score them all.

Run on any machine with a CUDA GPU and depth_prompt installed.

    python reproduce/prompts_default.py train fourier pixel hypernet finetune --out runs/prompts --epochs 1000 --samples 6400 \
        --budget 90,65,80,55
    python reproduce/prompts_default.py evaluate --out runs/eval --finetuned runs/prompts/finetune/best.pth

(the commands that produced the shipped prompts and nbs/results/, on one H200).

`train` trains each named kind in turn in one process (the renderer's compilation is paid once): 'fourier', 'pixel',
'hypernet' (the three shipped prompts, 'paper' flavour: a background behind the object) and 'finetune' (the baseline:
no prompt, every weight of the network trained). All use object renders of the training shape families streamed on
the GPU, 256², batch 64, fastai's one-cycle Adam, the learning rates in `RUNS`, `E` epochs of `N` renders, and keep the
epoch with the best validation si-RMSE as `<out>/<kind>/best.pth` (the shipped `default-<kind>.pth`). `--budget S`
fits each run into S seconds (`depth_prompt.pretrain.TimeBudget`: the one-cycle schedule follows the clock).

`evaluate` writes the results page's tables (nbs/results.ipynb): 100 objects each of the in-distribution (`val`) and
out-of-distribution (`ood`) families at 256² on photo backgrounds, seed 1338, scored behind every baseline
background and the three prompts the package ships (`eval_default.json`), and the fine-tuned network behind white
and the original photo (`finetune_eval.json`).
"""
import argparse, json, time
from pathlib import Path
from fastai.callback.training import GradientClip
from depth_prompt.train import train
from depth_prompt.data import render_to_folder
from depth_prompt.evaluation import evaluate
from depth_prompt.bench import environment
from depth_prompt.pretrain import TimeBudget
from depth_prompt.core import default_device

RUNS = {'fourier': dict(prompt='fourier', lr=3e-3),
        'pixel': dict(prompt='pixel', lr=3e-3),
        'hypernet': dict(prompt='hypernet', lr=5e-4, prompt_cfg={'ngf': 16}),
        'finetune': dict(prompt='none', finetune=True, lr=3e-4)}  # trained with the gradient norm clipped at 1
BACKGROUNDS = ['white', 'original', 'noise', 'texture', 'prompt', 'pixel', 'hypernet']

def train_kind(kind, out, epochs, samples, budget=None, bs=64, size=256):
    "Train one kind into `out/kind`; returns the seconds it took."
    t, cbs = time.time(), ([GradientClip(1.0)] if kind == 'finetune' else []) + ([TimeBudget(budget)] if budget else [])
    train('default', data='render', epochs=epochs, samples_per_epoch=samples, bs=bs, size=size, recipe='one_cycle',
          out=Path(out).absolute()/kind, progress=False, cbs=cbs, **RUNS[kind])
    return time.time() - t

def evaluate_all(out, finetuned=None, n=100, seed=1338, size=256):
    "The results page's tables, written as `out/eval_default.json` (and `out/finetune_eval.json`)."
    out = Path(out); out.mkdir(parents=True, exist_ok=True)
    sets = {f'renders-{s}': render_to_folder(out/s, n, size, split=s, seed=seed, batch=64, background='photo', device=default_device()) for s in ('val', 'ood')}
    setup = dict(n=n, size=size, seed=seed, render_batch=64, splits={'renders-val': 'val', 'renders-ood': 'ood'}, background='photo',
                 script='reproduce/prompts_default.py evaluate', environment=environment())
    jobs = [('eval_default.json', 'default', BACKGROUNDS)] + ([('finetune_eval.json', str(finetuned), ['white', 'original'])] if finetuned else [])
    for fname, model, bgs in jobs:
        res = evaluate(sets, model, bgs, n=n, seed=seed)
        (out/fname).write_text(json.dumps(dict(setup=setup | dict(model=model, backgrounds=bgs), results=res), indent=1))

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0]); sub = ap.add_subparsers(dest='cmd', required=True)
    t = sub.add_parser('train'); t.add_argument('kinds', nargs='+', choices=list(RUNS)); t.add_argument('--out', required=True)
    t.add_argument('--epochs', type=int, default=4); t.add_argument('--samples', type=int, default=24000)
    t.add_argument('--budget', default=None, help='seconds per run (one, or one per kind, comma-separated): the schedule follows the clock')
    t.add_argument('--bs', type=int, default=64); t.add_argument('--size', type=int, default=256)
    e = sub.add_parser('evaluate'); e.add_argument('--out', required=True); e.add_argument('--finetuned', default=None)
    e.add_argument('--n', type=int, default=100); e.add_argument('--size', type=int, default=256)
    a = ap.parse_args(argv)
    if a.cmd == 'train':
        budgets = [float(b) for b in a.budget.split(',')] if a.budget else [None]
        for i, k in enumerate(a.kinds):
            print(f"{k}: {train_kind(k, a.out, a.epochs, a.samples, budgets[min(i, len(budgets) - 1)], a.bs, a.size):.0f} s", flush=True)
    else: evaluate_all(a.out, a.finetuned, a.n, size=a.size)

if __name__ == '__main__': main()
