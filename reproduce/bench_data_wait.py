"""Does training wait for data? The training phase's time per step of real `train(...)` runs with renders made on the
fly (by chunk size) and with one fixed batch (data for free). Usage: python reproduce/bench_data_wait.py OUT.json

The fixed batch goes in through `train(render=...)`: a renderer that renders once and returns that batch ever after."""
import time, json, sys, tempfile, torch
from fastai.callback.core import Callback
from depth_prompt.train import train
from depth_prompt.render import render_batch
class Timer(Callback):
    order = 99
    def __init__(self): self.t = []
    def before_train(self): torch.cuda.is_available() and torch.cuda.synchronize(); self.t0 = time.perf_counter()
    def after_train(self): torch.cuda.is_available() and torch.cuda.synchronize(); self.t.append((time.perf_counter() - self.t0) / len(self.dls.train))
def fixed_render(*args, **kw):
    "`render_batch`'s first answer for these arguments, every time: data for free."
    key = repr((args, sorted((k, v) for k, v in kw.items() if k != 'seed')))  # every seed gets the same batch
    if key not in fixed: fixed[key] = render_batch(*args, **{**kw, 'seed': 0})
    return fixed[key]
fixed = {}
res = []
for net, size, bs, n, runs in [('default', 256, 64, 64 * 32, [None, 1, 4]), ('dpt-hybrid', 384, 8, 8 * 64, [None, 1, 32])]:
    for run in runs:
        chunk = run or 1
        tm = Timer()
        train(net, 'fourier', epochs=3, samples_per_epoch=n, bs=bs, size=size, lr=1e-3, recipe='one_cycle', out=tempfile.mkdtemp(),
              weights='hub' if net == 'default' else None, valid_samples=bs, progress=False, cbs=[tm], render_chunk=chunk,
              render=fixed_render if run is None else None)
        r = dict(network=net, size=size, bs=bs, data='fixed batch' if run is None else f'renders chunk={chunk}',
                 step_s=min(tm.t[1:]), img_per_s=bs / min(tm.t[1:]), epoch_step_s=tm.t)
        print(json.dumps(r), flush=True); res.append(r)
json.dump(res, open(sys.argv[1], 'w'), indent=1)
