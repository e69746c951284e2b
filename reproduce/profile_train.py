"""Where does a prompt-training step of the embedded default network go? Runs the package's `train` (Fourier prompt,
paper flavour, 256²) for 100 steps at batch 8 (reference recipe) and at batch 64 (one-cycle), profiles steps 40–100
with torch's profiler (CPU and CUDA) and prints ms per step and the top operators. On any machine with a CUDA GPU:

    python reproduce/profile_train.py                # renders streamed, as `train` did before `pool`
    python reproduce/profile_train.py --pool 24000   # from a pool of renders made once
"""
import argparse, time, torch
from torch.profiler import profile, ProfilerActivity
from fastai.callback.core import Callback, CancelFitException
from depth_prompt.train import train

class Profile(Callback):
    "Profile the training steps `start`…`stop`, print the tables, and end the fit."
    order = 99
    def __init__(self, label, start=40, stop=100): self.label, self.start, self.stop = label, start, stop
    def before_fit(self): self.i = 0
    def before_batch(self):
        self.i += 1
        if self.i == self.start:
            torch.cuda.synchronize(); self.p = profile(activities=[ProfilerActivity.CPU, ProfilerActivity.CUDA]); self.p.__enter__()
            self.t0 = time.time()
    def after_batch(self):
        if self.i != self.stop: return
        torch.cuda.synchronize(); dt = time.time() - self.t0; self.p.__exit__(None, None, None)
        n = self.stop - self.start + 1
        print(f"### {self.label}: {n} steps {dt * 1000 / n:.1f} ms/step", flush=True)
        ka = self.p.key_averages()
        print(ka.table(sort_by='cpu_time_total', row_limit=45)); print(ka.table(sort_by='self_cuda_time_total', row_limit=20), flush=True)
        raise CancelFitException

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--pool', type=int, default=None, help='renders made once and kept on the GPU (default: render every batch)')
    a = ap.parse_args(argv)
    for bs, recipe in [(8, 'reference'), (64, 'one_cycle')]:
        t = time.time()
        train('default', prompt='fourier', data='render', epochs=1, samples_per_epoch=bs * 200, bs=bs, size=256, recipe=recipe,
              prompt_cfg={'flavour': 'paper'}, out=f'/tmp/profile_train_{bs}', valid_samples=64, overwrite=True, progress=False,
              pool=a.pool, cbs=[Profile(f"bs {bs}, {recipe}, pool {a.pool}")])
        print(f"### run took {time.time() - t:.1f} s", flush=True)

if __name__ == '__main__': main()
