"""Counts, on the CPU, the operations of one `render_batch` call that would make the host wait for a CUDA device.

On a GPU each of them drains the device's queue: data-dependent shapes (`nonzero`, boolean-mask indexing, `unique`,
`repeat_interleave` without `output_size`, `bincount`), numbers read back (`item`, `int(t)`, `bool(t)`, `tolist`) and
blocking host→device copies (`torch.tensor(...)` and list indices on the device: `lift_fresh`; `.to(device)` without
`non_blocking`). Only what `_render` (the part that runs on the device) dispatches is counted; the scene is drawn on
the host. Prints, per mode and split, each call site (the innermost frame in depth_prompt/) with its count per
render call, and the total.
Usage: python reproduce/count_render_syncs.py [--n 16] [--size 96] [--seeds 0,1] [--no-shadows] [--top 12]"""
import argparse, collections, os, traceback, torch
from torch.overrides import TorchFunctionMode
from torch.utils._python_dispatch import TorchDispatchMode
from depth_prompt.render import render_batch

p = argparse.ArgumentParser()
p.add_argument('--n', type=int, default=16, help='renders per call')
p.add_argument('--size', type=int, default=96, help='image size')
p.add_argument('--seeds', default='0,1', help='render calls per mode and split, one per seed (counts are averaged)')
p.add_argument('--no-shadows', action='store_true')
p.add_argument('--top', type=int, default=12, help='call sites shown per mode and split')
a = p.parse_args()
torch.set_num_threads(1)
PKG = os.path.dirname(os.path.abspath(__import__('depth_prompt').__file__))
A = torch.ops.aten
ALWAYS = {A.nonzero.default: 'nonzero', A._local_scalar_dense.default: 'item', A.masked_select.default: 'masked_select',
          A.bincount.default: 'bincount', A.lift_fresh.default: 'H2D copy', A.equal.default: 'equal',
          A._unique2.default: 'unique', A._unique.default: 'unique', A.unique_dim.default: 'unique',
          A.unique_consecutive.default: 'unique'}
BOOL_INDEX = {A.index.Tensor: 'bool index', A.index_put_.default: 'bool index_put', A.index_put.default: 'bool index_put'}

def site():
    "The innermost frame in depth_prompt/ (`_rows`'s caller for `_rows`), if the op runs inside `_render` (else None: the host part)."
    st = traceback.extract_stack()
    if not any(f.name == '_render' and f.filename.startswith(PKG) for f in st): return None
    f = next(f for f in reversed(st) if f.filename.startswith(PKG) and f.name != '_rows')
    return f'{os.path.relpath(f.filename, PKG)}:{f.lineno} {f.name}: {f.line.strip()[:70]}'

class Syncs(TorchDispatchMode):
    "Counts the dispatched ops that synchronise with a CUDA device, by (kind, call site)."
    def __init__(self): super().__init__(); self.n = collections.Counter()
    def add(self, kind):
        if (s := site()) is not None: self.n[kind, s] += 1
    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        out = func(*args, **kwargs)
        if func is A.lift_fresh.default and out.dim() == 0: pass   # `t[i] = True`: CUDA fills a scalar on the device, no copy
        elif func in ALWAYS: self.add(ALWAYS[func])
        elif func in BOOL_INDEX and any(t is not None and t.dtype in (torch.bool, torch.uint8) for t in args[1]):
            self.add(BOOL_INDEX[func])
        elif func is A.repeat_interleave.Tensor and kwargs.get('output_size') is None: self.add('repeat_interleave')
        return out

class Copies(TorchFunctionMode):
    "Adds to `syncs` what dispatch does not show on the CPU: `tolist` and blocking `.to(device)` (host→device on CUDA)."
    def __init__(self, syncs): super().__init__(); self.syncs = syncs
    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        if func is torch.Tensor.tolist: self.syncs.add('tolist')
        elif func is torch.Tensor.to and not kwargs.get('non_blocking') and (
                'device' in kwargs or any(isinstance(x, (str, torch.device, torch.Tensor)) for x in args[1:])):
            self.syncs.add('H2D copy')
        return func(*args, **kwargs)

seeds = [int(s) for s in a.seeds.split(',')]
kw = dict(shadows=not a.no_shadows)
for mode in ('objects', 'scenes'):
    for split in ('train', 'ood'):
        render_batch(16, 32, mode, split, seed=10**6, **kw)    # fills the caches (photos, noise) as a running process has
        syncs = Syncs()
        with syncs, Copies(syncs):
            for s in seeds: render_batch(a.n, a.size, mode, split, seed=s, **kw)
        per = {k: v / len(seeds) for k, v in syncs.n.items()}
        print(f"\n{mode}/{split}, render_batch({a.n}, {a.size}, shadows={kw['shadows']}): "
              f"{sum(per.values()):.1f} syncing ops per render call")
        for (kind, s), v in sorted(per.items(), key=lambda x: -x[1])[:a.top]: print(f'{v:7.1f}  {kind:16s} {s}')
