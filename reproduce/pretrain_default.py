"""Pretrain the embedded default network on scene renders (`depth_prompt.pretrain.pretrain`) within a time budget.

Run on any machine with a CUDA GPU and depth_prompt installed; under `torchrun --nproc_per_node N` it trains
data-parallel on N GPUs (global batch and epoch size unchanged). `--budget S` runs the one-cycle schedule over S
seconds of wall-clock time and stops at the first epoch end past them (`TimeBudget`); `--init` starts from the weights
of an earlier run (a new one-cycle on top of them), `--resume` continues the run in `--out` from its `last.pth`.
`--pool P --refresh R` trains from a pool of P renders kept on the GPUs (`RenderPool`, whole on every GPU, each rendering a share) of
which R are rendered anew each epoch, instead of rendering every sample: the renderer's share of the time is then R
renders per epoch, not all of them.
Writes `log.csv`, `last.pth`, `best.pth`, `default_net.safetensors` (fp16) and `metrics.json` (held-out scene metrics,
`--n-eval` renders of each split) into `--out`. The shipped `depth_prompt/weights/default_net.safetensors` came from
two such runs on lent H200s, the first on one GPU and the second on two (nbs/10_pretrain.ipynb has the curves):

    python reproduce/pretrain_default.py --out runs/pre1 --epochs 1000 --n-train 16000 --budget 360 \
        --network-cfg '{"channels": [48, 96, 192, 384]}'
    torchrun --standalone --nproc_per_node 2 reproduce/pretrain_default.py --out runs/pre2 --init runs/pre1/default_net.safetensors \
        --epochs 1000 --n-train 16000 --lr 7e-4 --budget 300
"""
import argparse, json
from fastai.torch_core import rank_distrib
from depth_prompt.pretrain import pretrain, TimeBudget

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--out', required=True); ap.add_argument('--epochs', type=int, default=5, help='at most this many')
    ap.add_argument('--n-train', type=int, default=24000); ap.add_argument('--bs', type=int, default=64)
    ap.add_argument('--size', type=int, default=256); ap.add_argument('--lr', type=float, default=1e-3)
    ap.add_argument('--scale-weight', type=float, default=0.1)
    ap.add_argument('--network-cfg', type=json.loads, default=None, help="JSON options of create_network('default')")
    ap.add_argument('--init', default=None, help='weights to start from'); ap.add_argument('--resume', action='store_true')
    ap.add_argument('--n-eval', type=int, default=512)
    ap.add_argument('--pool', type=int, default=None, help='renders kept on the GPUs (over all processes); default: render every sample')
    ap.add_argument('--refresh', type=int, default=0, help='pool renders replaced per epoch (over all processes)')
    ap.add_argument('--jitter', type=float, default=0., help='colour jitter of pool samples (random channel gains in 1 ± J)')
    ap.add_argument('--blur', type=float, default=0., help='camera blur of pool samples (Gaussian σ up to B px)')
    ap.add_argument('--noise', type=float, default=0., help='sensor noise of pool samples (Gaussian σ up to N, RGB in [0, 1])')
    ap.add_argument('--budget', type=float, default=None, help='seconds of training (the schedule follows the clock)')
    ap.add_argument('--device', default=None, help="default: the GPU (this process's under torchrun)")
    a = ap.parse_args(argv)
    res = pretrain(a.out, epochs=a.epochs, n_train=a.n_train, bs=a.bs, size=a.size, lr=a.lr, scale_weight=a.scale_weight,
                   network_cfg=a.network_cfg, init=a.init, n_eval=a.n_eval,
                   pool=a.pool, refresh=a.refresh, jitter=a.jitter, blur=a.blur, noise=a.noise, resume=a.resume, device=a.device,
                   cbs=[TimeBudget(a.budget)] if a.budget else None)
    if not rank_distrib(): print(json.dumps(res))

if __name__ == '__main__': main()
