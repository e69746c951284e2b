"""Does training wait for data? The training phase's time per step of real `train(...)` runs with renders made on the
fly (by chunk size) and with one fixed batch (data for free). Usage: python reproduce/bench_data_wait.py OUT.json

`train` renders its own data, so the fixed batch goes in by swapping `depth_prompt.train.RenderStream` for this run."""
import time, json, sys, tempfile, torch
from fastai.callback.core import Callback
import depth_prompt.train as T
from depth_prompt.data import RenderStream
class Timer(Callback):
    order = 99
    def __init__(self): self.t = []
    def before_train(self): torch.cuda.is_available() and torch.cuda.synchronize(); self.t0 = time.perf_counter()
    def after_train(self): torch.cuda.is_available() and torch.cuda.synchronize(); self.t.append((time.perf_counter() - self.t0) / len(self.dls.train))
class Fixed(RenderStream):
    "Every batch is batch 0: data for free."
    def __getitem__(self, i):
        if not hasattr(self, 'fixed'): self.fixed = self._chunk(0)
        if not 0 <= i < len(self): raise IndexError
        return self.fixed if self.chunk == 1 else {k: v[:self.bs] for k, v in self.fixed.items()}
res = []
for net, size, bs, n, runs in [('default', 256, 64, 64 * 32, [None, 1, 4]), ('dpt-hybrid', 384, 8, 8 * 64, [None, 1, 32])]:
    for run in runs:
        T.RenderStream = Fixed if run is None else RenderStream
        chunk = run or 1
        tm = Timer()
        T.train(net, 'fourier', epochs=3, samples_per_epoch=n, bs=bs, size=size, lr=1e-3, recipe='one_cycle', out=tempfile.mkdtemp(),
                weights='hub' if net == 'default' else None, valid_samples=bs, progress=False, cbs=[tm], render_chunk=chunk)
        r = dict(network=net, size=size, bs=bs, data='fixed batch' if run is None else f'renders chunk={chunk}',
                 step_s=min(tm.t[1:]), img_per_s=bs / min(tm.t[1:]), epoch_step_s=tm.t)
        print(json.dumps(r), flush=True); res.append(r)
json.dump(res, open(sys.argv[1], 'w'), indent=1)
