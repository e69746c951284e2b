"""Prompt-training throughput on one GPU vs data-parallel on several, same global batch: images/s of the training phase.

Runs the package's own `train` (object renders streamed on each GPU, the loss, the optimiser, fastai's loop, DDP
under `torchrun`) and times only the training batches of the epochs after the first (compilation, cuDNN autotuning
and the first renders are paid in epoch 0; validation is left out). Random weights: the compute is the same as with
the published ones. Rank 0 appends one JSON line to `--json`:

    python3 reproduce/bench_multi_gpu.py --json runs/mgpu.jsonl --out runs/mgpu/g1
    torchrun --standalone --nproc_per_node 2 reproduce/bench_multi_gpu.py --json runs/mgpu.jsonl --out runs/mgpu/g2
"""
import argparse, json, time, torch
from fastai.callback.core import Callback
from fastai.torch_core import rank_distrib, num_distrib
from depth_prompt.train import train
from depth_prompt.bench import environment

def _sync():
    if torch.cuda.is_available(): torch.cuda.synchronize()

class TrainClock(Callback):
    "Seconds and samples of each epoch's training phase (the device synchronised at both ends)."
    order = 99
    def before_fit(self): self.epochs = []
    def before_train(self):
        _sync(); self.t0, self.n = time.perf_counter(), 0
    def after_batch(self):
        if self.training: self.n += self.xb[0].shape[0]
    def after_train(self):
        _sync(); self.epochs.append((time.perf_counter() - self.t0, self.n))

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--network', default='dpt-hybrid'); ap.add_argument('--bs', type=int, default=32, help='global batch')
    ap.add_argument('--samples', type=int, default=3200, help='samples per epoch, all GPUs together')
    ap.add_argument('--epochs', type=int, default=3); ap.add_argument('--compile', action='store_true')
    ap.add_argument('--out', required=True); ap.add_argument('--json', required=True)
    a = ap.parse_args(argv)
    clock, world = TrainClock(), max(num_distrib(), 1)
    learn = train(a.network, 'fourier', epochs=a.epochs, samples_per_epoch=a.samples, bs=a.bs, weights=None, out=a.out,
                  overwrite=True, recipe='one_cycle', lr=3e-3, valid_samples=64, progress=False, compile=a.compile, cbs=[clock])
    if rank_distrib(): return
    steady = clock.epochs[1:] or clock.epochs
    s, n = sum(t for t, _ in steady), sum(k for _, k in steady) * world  # each rank counts its own samples
    res = dict(network=a.network, gpus=world, global_bs=a.bs, compile=a.compile, img_per_s=n / s,
               epoch_train_s=[round(t, 3) for t, _ in clock.epochs], valid_si_rmse=[float(v[2]) for v in learn.recorder.values],
               environment=environment())
    print(json.dumps(res))
    with open(a.json, 'a') as f: f.write(json.dumps(res) + '\n')

if __name__ == '__main__': main()
