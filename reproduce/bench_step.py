# The prompt-training step on one GPU (issue #16): DPT-Hybrid at 384² (bs 8/32/64) and Depth Anything V2 small/base
# at 518² (bs 8/32), the reference-style step against the fast one (`DepthNet.freeze`) and its variants: channels-last
# everywhere or nowhere, NCHW bilinear upsampling, torch.compile (default, 'reduce-overhead' = CUDA graphs,
# 'max-autotune' with --autotune). Each case runs alone (its error is recorded, the next one runs), under a time cap,
# and the whole run under --budget seconds; the JSON is rewritten after every case.
#   python reproduce/bench_step.py --out runs/bench/step.json            # the table (about 5 minutes on one H200)
#   python reproduce/bench_step.py --out runs/bench/step.json --resume   # then the cases the budget left out
#   python reproduce/bench_step.py --profile 'dpt-hybrid 384 bs32 fast'  # top kernels of one case
#   python reproduce/bench_step.py --device cpu --tiny                   # every path on tiny networks (a check, no figures)
import argparse, gc, json, signal, time, traceback
from pathlib import Path
import torch
from depth_prompt.core import atomic_path
from depth_prompt.bench import bench_train_step, make_step, fake_batch, environment, format_results

def cases(autotune=False):
    "(name, kwargs of `bench_train_step`, time cap in s), most wanted first: eager cases, then compiled ones."
    out, H, DS, DB = [], 'dpt-hybrid', 'depth-anything-v2-small', 'depth-anything-v2-base'
    add = lambda net, size, bs, path='fast', compile=False, cap=60, **opts: out.append((
        f"{net} {size} bs{bs} {path}" + (f"+compile:{compile}" if compile else '') + ''.join(f" {k}={v}" for k, v in opts.items()),
        dict(network=net, size=size, bs=bs, path=path, compile=compile, opts=opts or None), cap))
    for bs in (8, 32, 64): add(H, 384, bs, 'reference'); add(H, 384, bs)
    for net in (DS, DB): add(net, 518, 8, 'reference'); add(net, 518, 8); add(net, 518, 32)
    add(H, 384, 64, compile=True, cap=150); add(H, 384, 8, compile='reduce-overhead', cap=150)
    add(H, 384, 64, compile='reduce-overhead', cap=150)
    for bs in (8, 64): add(H, 384, bs, upsample_nchw=True); add(H, 384, bs, channels_last=True)
    add(H, 384, 32, channels_last=False); add(DB, 518, 32, upsample_nchw=True)
    add(DS, 518, 32, compile=True, cap=120); add(DB, 518, 32, compile='reduce-overhead', cap=150)
    if autotune: add(H, 384, 64, compile='max-autotune', cap=400)
    return out

def tiny_cases():
    "The same paths on tiny networks, for a check on the CPU."
    from depth_prompt.test_utils import tiny_config
    cfg = lambda n: {k: v for k, v in tiny_config(n).items() if k != 'size'}
    out = []
    for name, kw, cap in cases(autotune=True):
        if kw['compile'] and kw['compile'] not in (True, 'default'): continue  # CUDA graphs and autotuning need a GPU
        kw = {**kw, **cfg(kw['network']), 'size': 64 if 'dpt' in kw['network'] else 56, 'bs': 2}
        out.append((name + ' (tiny)', kw, cap))
    return out

SKIPPED = 'skipped: budget spent'
class CaseTimeout(Exception): pass
def _alarm(*_): raise CaseTimeout()

def run_case(kw, cap, device, warmup, repeat):
    "One case's result dict; on failure its error (one line) instead of figures."
    t0 = time.time()
    signal.signal(signal.SIGALRM, _alarm); signal.alarm(max(int(cap), 1))
    try: r = bench_train_step(device=device, warmup=warmup, repeat=repeat, **kw)
    except BaseException as e:  # a timeout, out of memory, a compile failure: recorded, and the next case runs
        if isinstance(e, KeyboardInterrupt): raise
        traceback.print_exc()
        r = dict(network=kw['network'], bs=kw['bs'], size=kw['size'], path=kw['path'], compile=kw['compile'], **(kw['opts'] or {}),
                 error=f"timeout after {cap:.0f} s" if isinstance(e, CaseTimeout) or 'CaseTimeout' in str(e) else f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"[:300])
    finally: signal.alarm(0)
    r['wall_s'] = time.time() - t0
    gc.collect(); torch._dynamo.reset()
    if torch.cuda.is_available(): torch.cuda.empty_cache()
    return r

def profile(kw, device, steps=5, rows=30):
    "Print the top kernels (by device time; CPU ops on the CPU) of `steps` training steps of one case."
    from torch.profiler import profile as prof, ProfilerActivity
    from depth_prompt.networks import create_network
    kw = dict(kw); opts = kw.pop('opts') or {}
    net = create_network(kw.pop('network'), size=(kw['size'],) * 2, **{k: v for k, v in kw.items() if k not in ('size', 'bs', 'path', 'compile')}).to(device)
    step, _ = make_step(net, kw['size'], kw['path'], kw['compile'], **opts)
    batch = fake_batch(kw['bs'], kw['size'], device)
    for _ in range(3): step(*batch)
    gpu = torch.device(device).type == 'cuda'
    acts = [ProfilerActivity.CPU] + ([ProfilerActivity.CUDA] if gpu else [])
    if gpu: torch.cuda.synchronize()
    with prof(activities=acts) as p:
        for _ in range(steps): step(*batch)
        if gpu: torch.cuda.synchronize()
    ka = p.key_averages()
    for key in (['self_device_time_total', 'self_cuda_time_total'] if gpu else []) + ['self_cpu_time_total']:
        try: print(ka.table(sort_by=key, row_limit=rows)); break
        except Exception as e: print(f"(sort by {key} failed: {e})")

def main():
    ap = argparse.ArgumentParser(description='The prompt-training step on one GPU: a markdown table and a JSON file.')
    ap.add_argument('--out', default='runs/bench/step.json'); ap.add_argument('--device', default='cuda')
    ap.add_argument('--budget', type=float, default=290, help='seconds for the whole run; later cases are skipped')
    ap.add_argument('--warmup', type=int, default=3); ap.add_argument('--repeat', type=int, default=10)
    ap.add_argument('--cases', nargs='*', default=None, help='run only cases whose name contains one of these')
    ap.add_argument('--autotune', action='store_true', help="add DPT-Hybrid bs64 with mode='max-autotune' (minutes of tuning)")
    ap.add_argument('--tiny', action='store_true', help='tiny networks at tiny sizes: checks every path, measures nothing')
    ap.add_argument('--profile', default=None, help='print the top kernels of the case whose name contains this, and stop')
    ap.add_argument('--list', action='store_true', help='list the case names and stop')
    ap.add_argument('--resume', action='store_true', help='keep the results in --out and run only the cases the budget skipped')
    a = ap.parse_args()
    todo = tiny_cases() if a.tiny else cases(a.autotune)
    if a.cases: todo = [c for c in todo if any(s in c[0] for s in a.cases)]
    if a.list: print('\n'.join(c[0] for c in todo)); return
    if a.device.startswith('cuda'): torch.backends.cudnn.benchmark = True
    if a.profile:
        name, kw, _ = next(c for c in todo if a.profile in c[0])
        print(f"# profile of {name} on {environment()['device']}"); return profile(kw, a.device)
    env, res, start = environment(), [], time.time()
    if a.resume and Path(a.out).exists():
        res = [r for r in json.loads(Path(a.out).read_text())['results'] if r.get('error') != SKIPPED]
        todo = [c for c in todo if c[0] not in {r['case'] for r in res}]
    print(f"# {env}", flush=True)
    for name, kw, cap in todo:
        left = a.budget - (time.time() - start)
        if left < 10: r = dict(network=kw['network'], bs=kw['bs'], size=kw['size'], path=kw['path'], compile=kw['compile'],
                               **(kw['opts'] or {}), error=SKIPPED)
        else: r = run_case(kw, min(cap, left), a.device, a.warmup, a.repeat)
        res.append(dict(case=name, **r))
        print(f"{name}: " + (r['error'] if 'error' in r else f"{r['img_per_s']:.1f} img/s, peak {r['peak_mem_mb'] or 0:.0f} MB, "
                                                             f"first step {r['first_step_s']:.1f} s"), flush=True)
        Path(a.out).parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(a.out) as tmp: Path(tmp).write_text(json.dumps(dict(environment=env, budget_s=a.budget, warmup=a.warmup,
                                                                                repeat=a.repeat, results=res), indent=1, default=str))
    print(format_results([{'kind': 'train', **r} for r in res]))
    print(f"# {len(res)} cases in {time.time() - start:.0f} s; JSON: {a.out}")

if __name__ == '__main__': main()
