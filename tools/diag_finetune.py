"Fine-tuning the default network on the GPU: per-step loss, prediction and gradient statistics, bf16 vs fp32."
import sys, torch
from fastai.callback.core import Callback
from fastai.callback.training import GradientClip
from depth_prompt.train import train
class Diag(Callback):
    order = -1
    def after_loss(self):
        p = self.pred.detach().float()
        self.info = f"loss {self.loss.item():.5f} pred finite {torch.isfinite(p).float().mean().item():.3f} log2|pred| med {p.abs().clamp_min(1e-30).log2().median().item():.1f}"
    def after_backward(self):
        g = [q.grad for q in self.model.parameters() if q.grad is not None]
        n = torch.stack([x.float().norm() for x in g]).norm().item() if g else float('nan')
        w = torch.stack([q.detach().float().norm() for q in self.model.parameters()]).norm().item()
        if self.train_iter < 12 or self.train_iter % 20 == 0: print(f"  it {self.train_iter:3d} {self.info} grads {len(g)} norm {n:.3g} |w| {w:.6g}", flush=True)
for bf16 in (True, False):
    print('== bf16', bf16, flush=True)
    train(prompt='none', finetune=True, epochs=1, samples_per_epoch=64 * 24, bs=64, size=256, lr=3e-4, recipe='one_cycle', out=f'/tmp/diag{bf16}',
          bf16=bf16, valid_samples=64, cbs=[GradientClip(1.0), Diag()], progress=False)
