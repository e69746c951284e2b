"""Is pretraining the default network data-bound? On one CUDA GPU: the training step's time at 256², batch 64, with
data for free (one fixed batch), with every batch rendered fresh (`RenderStream`, as `pretrain` without a pool) and
from a `RenderPool`, each path's data share (1 − fixed-batch step time / its step time; the pool's target: < 20 %),
the renderer's compile warm-up in two successive processes sharing one inductor cache (the first compiles, the
second should find the kernels cached) and renders/s of both family splits at 384², batch 256.

Usage: python reproduce/bench_pretrain_data.py OUT.json [--cache-dir DIR] [--pool 4096 --refresh 768 --n 6400]

The warm-ups use `--cache-dir` (default: a new empty folder, so that the first really compiles; pass the machine's
usual `TORCHINDUCTOR_CACHE_DIR` — by default /tmp/torchinductor_$USER — to see what a later run there pays).
`--device cpu --tiny` runs every path at toy sizes on the CPU (a check of the script, not a measurement)."""
import os, sys, json, time, argparse, tempfile, subprocess

WARM = """import time, torch; t = time.perf_counter()
from depth_prompt.render import render_batch
t1 = time.perf_counter(); dev = '{dev}'
for split in ('train', 'ood'):
    render_batch({bs}, {size}, split=split, device=dev, seed=7); render_batch({bs} // 4, {size} * 2 // 3, mode='scenes', split=split, device=dev, seed=7)
torch.cuda.is_available() and torch.cuda.synchronize(); print(round(t1 - t, 3), round(time.perf_counter() - t1, 3))"""

def warmups(cache, dev, bs, size):
    "Seconds to import and to render the first batches (compiling, or loading the compiled kernels) in two fresh processes."
    env = dict(os.environ, TORCHINDUCTOR_CACHE_DIR=cache)
    out = []
    for i in range(2):
        r = subprocess.run([sys.executable, '-c', WARM.format(dev=dev, bs=bs, size=size)], env=env, capture_output=True, text=True)
        if r.returncode: raise SystemExit(f'warm-up process {i} failed:\n{r.stderr[-3000:]}')
        imp, first = map(float, r.stdout.split()[-2:]); out.append(dict(import_s=imp, first_renders_s=first))
        print(f'warm-up process {i + 1}: import {imp:.1f} s, first renders {first:.1f} s', flush=True)
    return out

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('out'); ap.add_argument('--cache-dir', default=None); ap.add_argument('--device', default='cuda')
    ap.add_argument('--pool', type=int, default=4096); ap.add_argument('--refresh', type=int, default=768)
    ap.add_argument('--n', type=int, default=6400, help='samples per epoch'); ap.add_argument('--tiny', action='store_true')
    a = ap.parse_args(argv)
    cache = a.cache_dir or tempfile.mkdtemp(prefix='inductor_')
    os.environ['TORCHINDUCTOR_CACHE_DIR'] = cache  # this process too: it then starts with the compiled kernels
    import torch
    from fastai.callback.core import Callback
    from fastai.callback.training import GradientClip
    from depth_prompt.core import Timer
    from depth_prompt.bench import time_fn
    from depth_prompt.render import render_batch
    from depth_prompt.data import RenderStream, RenderPool, depth_dls, renders_to_batch
    from depth_prompt.networks import create_network
    from depth_prompt.model import PromptedDepth
    from depth_prompt.train import depth_learner
    from depth_prompt.pretrain import ScalePinnedLoss
    dev = torch.device(a.device)
    size, bs, rbs, rsize, chunk = (32, 4, 8, 48, 8) if a.tiny else (256, 64, 256, 384, 256)
    n, P, R, epochs = (16, 16, 8, 3) if a.tiny else (a.n, a.pool, a.refresh, 3)
    res = dict(device=torch.cuda.get_device_name(dev) if dev.type == 'cuda' else 'cpu', torch=torch.__version__, size=size, bs=bs,
               inductor_cache=cache, warmup=warmups(cache, dev.type, rbs, rsize))

    for split in ('train', 'ood'):
        seeds = iter(range(10**6))
        t = time_fn(lambda: render_batch(rbs, rsize, split=split, device=dev, seed=next(seeds)), dev, 1, 2 if a.tiny else 5)
        res[f'renders_per_s {split} {rsize} bs{rbs}'] = rbs / t; print(f'{split} {rsize}² bs {rbs}: {rbs / t:.0f} renders/s', flush=True)

    class StepTimer(Callback):
        "Seconds per training step of each epoch's training phase."
        order = 99
        def __init__(self): self.t = []
        def before_train(self): self.clock = Timer(dev)
        def after_train(self): self.t.append(self.clock() / len(self.dls.train))
    fixed = {}
    def fixed_render(k, **kw): return fixed.setdefault(k, render_batch(k, **{**kw, 'seed': 0}))  # the same batch for every seed
    def step_time(train):
        "Seconds per step of `pretrain`'s learner on `train` (the fastest epoch after the first, which compiles and fills)."
        valid = RenderPool(bs, bs, bs, 0, size, 'scenes', 'val', 1, dev, rank=0, shuffle=False, flip=False)
        model = PromptedDepth(create_network('default', size=(size, size))).train()
        if dev.type == 'cuda': model.to_channels_last(); torch.backends.cudnn.benchmark = True
        tm = StepTimer()
        learn = depth_learner(depth_dls(train, valid, size, device=dev), model, recipe='one_cycle', lr=1e-3, wd=1e-2,
                              cbs=[GradientClip(1.), tm], path=tempfile.mkdtemp())
        learn.loss_func = ScalePinnedLoss()
        with learn.no_logging(), learn.no_bar(): learn.fit_recipe(epochs)
        return min(tm.t[1:]), tm.t
    mk = dict(size=size, mode='scenes', split='train', seed=0, device=dev, rank=0)
    c = max(1, chunk // bs)
    paths = dict(fixed=RenderStream(n, bs, chunk=c, render=fixed_render, **mk), stream=RenderStream(n, bs, chunk=c, **mk),
                 pool=RenderPool(n, bs, P, R, chunk=min(chunk, P), **mk))
    for name, ds in paths.items():
        s, per_epoch = step_time(ds)
        res[f'step_s {name}'], res[f'epoch_step_s {name}'] = s, per_epoch
        print(f'{name}: {s * 1e3:.1f} ms/step ({bs / s:.0f} samples/s); epochs {[round(x * 1e3, 1) for x in per_epoch]} ms', flush=True)
    for name in ('stream', 'pool'):
        res[f'data_share {name}'] = 1 - res['step_s fixed'] / res[f'step_s {name}']
        print(f'data share {name}: {100 * res[f"data_share {name}"]:.0f} %', flush=True)
    # the data's own costs, apart from training
    seeds = iter(range(10**6))
    res['render_s_per_batch'] = time_fn(lambda: render_batch(c * bs, size, mode='scenes', device=dev, seed=next(seeds)), dev, 1, 3) / c
    pool = paths['pool']; pool.next_epoch(); pool[0]
    res['pool_sample_s_per_batch'] = time_fn(lambda: renders_to_batch(pool[1], (size, size)), dev, 3, 20)
    res['pool'] = dict(size=P, refresh=R, samples_per_epoch=n, gib=pool.nbytes / 2**30)
    print(f"per batch of {bs}: rendering {res['render_s_per_batch'] * 1e3:.1f} ms, pool sampling {res['pool_sample_s_per_batch'] * 1e3:.2f} ms", flush=True)
    json.dump(res, open(a.out, 'w'), indent=1)

if __name__ == '__main__': main()
