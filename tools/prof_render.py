"Where the renderer's time goes: total renders/s, then a per-function breakdown (synchronised timers)."
import time, sys, json, collections, functools, torch
from depth_prompt import render as R
dev = sys.argv[1] if len(sys.argv) > 1 else ('cuda' if torch.cuda.is_available() else 'cpu')
bs, size = (int(sys.argv[2]), int(sys.argv[3])) if len(sys.argv) > 3 else (256, 384)
def sync(): torch.cuda.synchronize() if dev == 'cuda' else None
def total(**kw):
    R.render_batch(bs, size, device=dev, seed=999, **kw); sync()
    t = time.perf_counter()
    for i in range(3): R.render_batch(bs, size, device=dev, seed=i, **kw)
    sync(); return 3 * bs / (time.perf_counter() - t)
res = {}
for split in ('train', 'ood'):
    for shadows in (True, False):
        res[f'{split} shadows={shadows}'] = r = total(split=split, shadows=shadows, background='photo')
        print(f'{split:5s} shadows={shadows}: {r:.0f} renders/s', flush=True)
acc = collections.defaultdict(float); cnt = collections.Counter()
def wrap(name):
    f = getattr(R, name)
    @functools.wraps(f)
    def g(*a, **k):
        sync(); t = time.perf_counter(); out = f(*a, **k); sync(); acc[name] += time.perf_counter() - t; cnt[name] += 1; return out
    setattr(R, name, g)
for name in ('_objects_scene', '_trace', '_screen_pairs', '_march', '_hits', '_pack', '_occluded', '_normals', '_albedo', '_background_photo', '_rays'):
    wrap(name)
for split in ('train', 'ood'):
    acc.clear(); cnt.clear(); sync(); t = time.perf_counter()
    for i in range(3): R.render_batch(bs, size, device=dev, seed=i, split=split, background='photo')
    sync(); tt = time.perf_counter() - t
    print(f'-- {split}: {tt/3*1000:.0f} ms per batch of {bs} at {size}² (instrumented)')
    for k, v in sorted(acc.items(), key=lambda kv: -kv[1]): print(f'   {k:18s} {v/3*1000:8.1f} ms  ({cnt[k]//3} calls)')
if dev == 'cuda':
    from torch.profiler import profile, ProfilerActivity
    for split in ('train', 'ood'):
        with profile(activities=[ProfilerActivity.CPU, ProfilerActivity.CUDA]) as p:
            R.render_batch(bs, size, device=dev, seed=5, split=split, background='photo'); sync()
        print(f'== profiler {split}'); print(p.key_averages().table(sort_by='cuda_time_total', row_limit=25, max_name_column_width=50))
