"Prompt-training step of a DPT-Hybrid-sized network at 384²: reference vs fast paths over batch sizes and compile modes."
import sys, json, functools, torch
from depth_prompt import bench
configs = [c.split(':') for c in sys.argv[1].split(',')]     # path:bs[:compile-mode]
out = []
for c in configs:
    path, bs, mode = c[0], int(c[1]), (c[2] if len(c) > 2 else None)
    torch._dynamo.reset(); torch.cuda.empty_cache(); torch.cuda.reset_peak_memory_stats()
    real = torch.compile
    if mode: torch.compile = functools.partial(real, mode=None if mode == 'default' else mode)
    try:
        r = bench.bench_train_step('dpt-hybrid', bs, path=path, compile=bool(mode), repeat=10)
        r['mode'] = mode; r['peak_gb'] = torch.cuda.max_memory_allocated() / 2**30
    except Exception as e: r = dict(path=path, bs=bs, mode=mode, error=repr(e)[:300])
    finally: torch.compile = real
    print(json.dumps(r), flush=True); out.append(r)
if len(sys.argv) > 2: open(sys.argv[2], 'w').write(json.dumps(out, indent=1))
