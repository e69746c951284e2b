"First look at the lent GPU: renderer throughput and step times of the default network (prints dicts)."
import torch, time
from depth_prompt.bench import *
from depth_prompt.networks import create_network
from depth_prompt.metrics import DepthLoss
print(environment())
for sz in (128, 256, 384): print(bench_render(256, sz, 'cuda'))
print(bench_render(64, 256, 'cuda', mode='scenes'))
print(bench_inference('default', 64, device='cuda'))
for bs in (32, 64): print(bench_train_step('default', bs, path='fast', device='cuda'))
print(bench_train_step('default', 32, path='reference', device='cuda'))
# pretraining step: the whole network trains (AdamW, bf16 autocast, channels_last)
net = create_network('default').cuda().to(memory_format=torch.channels_last).train()
opt = torch.optim.AdamW(net.parameters(), 1e-3); lf = DepthLoss()
for bs in (32, 64):
    x, m, d, v, K = fake_batch(bs, 256, 'cuda')
    def step():
        with torch.autocast('cuda', dtype=torch.bfloat16):
            p = net(net.normalize(x).contiguous(memory_format=torch.channels_last))
        l = lf(p.float(), d, v, K); l.backward(); opt.step(); opt.zero_grad()
    t = time_fn(step, 'cuda', 3, 10); print(dict(kind='pretrain_step', bs=bs, step_s=t, img_per_s=bs / t))
