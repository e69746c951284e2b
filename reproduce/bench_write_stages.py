# First the main thread's part of `predict_files` after the network: `_results` for a batch of --bs photos of one size
# on --device (with a GPU: what the main thread issues while the GPU works; its copies to the CPU included, and an error
# if anything waits for the device), as the torch operations it dispatches per photo and its CPU milliseconds per photo.
# Then CPU milliseconds per photo of each stage of `predict_files` after the network (one thread): the stages `_results`
# runs on the device, batched with the network (here on the CPU, one photo: what they cost where there is no GPU), the numpy functions
# the writers ran before (`depth_to_png16`, `colorize_depth`, `point_cloud`), and what a writer thread still does on the
# CPU: the point cloud's colours, each file's encoding and writing, `atomic_path` in a folder that already holds --files
# outputs, and `_write_outputs` whole; then the write side's images/s through --writers writer threads (as
# `predict_files` writes) and, for comparison, as many forked writer processes. A 480×640 photo with an elliptic mask,
# the network's output at dpt-hybrid's 384².
# Usage: python reproduce/bench_write_stages.py [--files 1280] [--n 48] [--writers 1,2] [--device cpu] [--bs 16]
import argparse, time, tempfile, shutil, numpy as np, torch, cv2
from pathlib import Path
from types import SimpleNamespace
import multiprocessing
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor
from torch.utils._python_dispatch import TorchDispatchMode
from depth_prompt.photo import (_fit, _unfit, _seen, _png16, _colorize, _points, _rays, _colours, _finish, _write_outputs, _results,
                                point_cloud, depth_to_png16, _write_image, _npy_bytes, output_paths)
from depth_prompt.viz import colorize_depth
from depth_prompt.geometry import write_ply
from depth_prompt.core import atomic_path

p = argparse.ArgumentParser()
p.add_argument('--files', type=int, default=1280, help="files already in the output folder (256 photos' outputs: 1280)")
p.add_argument('--n', type=int, default=48, help="photos for the throughput runs")
p.add_argument('--writers', default='1,2', help="writer counts for the throughput runs")
p.add_argument('--device', default='cpu', help="where `_results` runs for the main thread's count ('cuda' on a GPU machine)")
p.add_argument('--bs', type=int, default=16, help="photos of one size in the batch for the main thread's count")
a = p.parse_args()
torch.set_num_threads(1)
H, W, S = 480, 640, (384, 384)
K = np.array([[550., 0, 320], [0, 550, 240], [0, 0, 1]], np.float32)
mean, std = torch.zeros(1, 3, 1, 1), torch.ones(1, 3, 1, 1)
rng = np.random.default_rng(0)
def photo(i):
    "A photo, its mask, and what `_results` makes of a random network output for it: (rgb, mask, mk, r, d, inp, res)."
    rgb = (rng.random((H, W, 3)) * 255).astype(np.uint8)
    mask = np.zeros((H, W), np.uint8); cv2.ellipse(mask, (320, 240), (200, 150), i, 0, 360, 1, -1); mask = mask.astype(bool)
    x, mk, r = _fit(rgb[None].astype(np.float32) / 255, mask[None], S)
    d, inp = torch.rand(1, *S) + 1, torch.rand(1, 3, *S)
    res = _results(SimpleNamespace(network=SimpleNamespace(_mean=mean, _std=std)), d, inp, mk, [torch.from_numpy(mask)[None]], [r],
                   torch.from_numpy(_rays(K, 'opengl'))[None], [int(mask.sum())])[0]
    return rgb, mask, mk, r, d, inp, res

class Ops(TorchDispatchMode):
    "Counts the torch operations dispatched inside it (each is a kernel launch or a view, made by the calling thread)."
    def __init__(self): super().__init__(); self.n = 0
    def __torch_dispatch__(self, func, types, args=(), kwargs=None): self.n += 1; return func(*args, **(kwargs or {}))

dev = torch.device(a.device)
batch = [photo(i * 7) for i in range(a.bs)]
to = lambda t: t.to(dev)
net = SimpleNamespace(network=SimpleNamespace(_mean=to(mean), _std=to(std)))
args = (net, to(torch.cat([b[4] for b in batch])), to(torch.cat([b[5] for b in batch])), to(torch.cat([b[2] for b in batch])),
        [to(torch.from_numpy(np.stack([b[1] for b in batch])))], [b[3] for b in batch],
        to(torch.from_numpy(np.stack([_rays(K, 'opengl')] * a.bs))), [int(b[1].sum()) for b in batch])
put = (lambda t: t.to('cpu', non_blocking=True)) if dev.type == 'cuda' else (lambda t: t)  # as `_run_batch` hands them over
def results(): return _results(*args, put=put)
results()
if dev.type == 'cuda': torch.cuda.synchronize(); torch.cuda.set_sync_debug_mode('error')  # anything that waits for the GPU raises
with Ops() as ops: results()
t, c = time.perf_counter(), time.process_time()
for _ in range(5): results()
t, c = (time.perf_counter() - t) / 5 / a.bs * 1e3, (time.process_time() - c) / 5 / a.bs * 1e3
if dev.type == 'cuda': torch.cuda.set_sync_debug_mode(0); torch.cuda.synchronize()
print(f"{a.bs} photos {H}×{W} on {dev}: device ops per photo in _results: {ops.n / a.bs:.1f}; "
      f"_results per photo: {t:.2f} ms wall, {c:.2f} ms CPU (no wait for the device)", flush=True)

def cpu_ms(f, n=20):
    f(); t = time.process_time()
    for _ in range(n): f()
    return round((time.process_time() - t) / n * 1e3, 1)

rgb, mask, mk, r, d, inp, res = photo(0)
mt, rays, n = torch.from_numpy(mask), torch.from_numpy(_rays(K, 'opengl')), int(mask.sum())
arrays = {k: v.numpy() for k, v in res.items()}
depth, dt, cols = arrays['depth'], res['depth'], _colours(rgb, mask)
tmp = Path(tempfile.mkdtemp(prefix='bench_write_stages.'))
for i in range(a.files): (tmp/f'p{i:05d}_depth.npy').touch()
def one_file():
    with atomic_path(tmp/'x.bin') as q: q.write_bytes(b'x')
it = dict(image=Path('p.jpg'), out=tmp, paths=output_paths('p.jpg', tmp, False), rgb=rgb, mask=mask, K=K, source='s', said=[])
mt, rays, dt = mt[None], rays[None], dt[None]  # a batch of one photo
on_device = dict(unfit=cpu_ms(lambda: _unfit(d, mk, [mt], [r])), seen=cpu_ms(lambda: _seen(inp, mean, std)),
                 png16=cpu_ms(lambda: _png16(dt, mt)), colorize=cpu_ms(lambda: _colorize(dt, mt)),
                 points=cpu_ms(lambda: _points(dt, mt, rays, n)))
print('CPU ms per photo of the stages a GPU runs, here on the CPU:', on_device, flush=True)
before = dict(depth_to_png16=cpu_ms(lambda: depth_to_png16(depth, mask)), colorize_depth=cpu_ms(lambda: colorize_depth(depth, mask)),
              point_cloud=cpu_ms(lambda: point_cloud(rgb, mask, K, depth=depth)))
print('CPU ms per photo of the numpy functions a writer ran before:', before, flush=True)
writer = dict(colours=cpu_ms(lambda: _colours(rgb, mask)), npy=cpu_ms(lambda: (tmp/'a.npy').write_bytes(_npy_bytes(depth))),
              png16_png=cpu_ms(lambda: _write_image(tmp/'a.png', arrays['png16'])),
              color_png=cpu_ms(lambda: _write_image(tmp/'c.png', arrays['color'])),
              ply=cpu_ms(lambda: write_ply(tmp/'a.ply', arrays['points'], cols, ['x'], False)),
              composite_png=cpu_ms(lambda: _write_image(tmp/'s.png', arrays['seen'])),
              **{f'atomic_path_in_{a.files}_files': cpu_ms(one_file)},
              write_outputs_scanning=cpu_ms(lambda: _write_outputs(arrays, frame='opengl', **it), 10),
              write_outputs_no_scan=cpu_ms(lambda: _write_outputs(arrays, frame='opengl', stale=None, **it), 10))
print('CPU ms per photo of a writer thread:', writer, flush=True)
shutil.rmtree(tmp); tmp.mkdir()
items = []
for i in range(a.n):
    rgb, mask, mk, r, d, inp, res = photo(i)
    items.append((res, dict(image=Path(f'p{i}.jpg'), out=tmp, paths=output_paths(f'p{i}.jpg', tmp, False), rgb=rgb,
                            mask=mask, K=K, source='s', said=[], r=r, i=i)))
def processes(n):
    "`n` forked writer processes, all started at once."
    procs = ProcessPoolExecutor(n, multiprocessing.get_context('fork'), initializer=torch.set_num_threads, initargs=(1,))
    for f in [procs.submit(int) for _ in range(n)]: f.result()  # a pool forks on demand
    return procs

def finish_in_process(arrays, it):
    "`_finish` as a writer process would run it: numpy arrays in."
    return _write_outputs(arrays, frame='opengl', stale=None, **{k: v for k, v in it.items() if k not in ('i', 'r')})

def hand_over(procs, res, it):
    "What a writer thread of `predict_files` does with one photo; with `procs`, the writing goes to a process."
    if procs is None: return _finish(None, res, 'opengl', it)
    return procs.submit(finish_in_process, {k: v.numpy() for k, v in res.items()}, it).result()

for w in map(int, a.writers.split(',')):
    for kind in ('processes', 'threads'):
        procs = processes(w) if kind == 'processes' and w > 1 else None
        t, c = time.perf_counter(), time.process_time()
        with ThreadPoolExecutor(w) as pool:
            list(pool.map(lambda x: hand_over(procs, *x), items))
        dt_, dc = time.perf_counter() - t, time.process_time() - c
        if procs: procs.shutdown()
        assert len(list(tmp.glob('*_points.ply'))) == a.n
        for q in tmp.iterdir(): q.unlink()
        print(f"writers={w} {'processes' if procs else 'thread' + 's' * (w > 1)}: {a.n / dt_:.1f} images/s; "
              f"CPU of this process {dc / a.n * 1e3:.1f} ms per image", flush=True)
        if w == 1: break  # one writer is a thread either way
shutil.rmtree(tmp)
