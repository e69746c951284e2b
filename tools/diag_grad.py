"Fine-tuning gradients of the default network on this device: which piece zeroes them? (loss parts, cuDNN, layout, output scale)"
import torch, math
import depth_prompt.render as R
from depth_prompt.model import create_model
from depth_prompt.metrics import DepthLoss
from depth_prompt.data import renders_to_batch
R.FUSE = False
dev = 'cuda' if torch.cuda.is_available() else 'cpu'
(x, mask), (d, v, K) = [[t.to(dev) for t in part] for part in renders_to_batch(R.render_batch(8, 128, seed=3), size=(128, 128))]
def rescale(net, a):
    "Scale every decoder activation by a (entry convs' weights and all decoder biases): the output scales by a."
    s = net.model.scratch
    with torch.no_grad():
        for i in range(1, 5): getattr(s, f'layer{i}_rn').weight.mul_(a)
        for n, p in s.named_parameters():
            if n.endswith('bias'): p.mul_(a)
def run(name, cl=False, cudnn=True, alpha=None, nw=1.):
    torch.backends.cudnn.enabled = cudnn
    m = create_model('default', 'none').to(dev).train()
    if alpha: rescale(m.network, alpha)
    if cl: m.to_channels_last()
    pred = m(x, mask); pred.retain_grad()
    loss = DepthLoss(nw)(pred, d, v, K); loss.backward()
    g = torch.stack([p.grad.norm() for p in m.parameters() if p.grad is not None]).norm().item()
    pg = pred.grad.abs()
    print(f"{name:28s} loss {loss.item():.4f} |pred| med 2^{pred.detach().abs().median().log2().item():.1f} dL/dpred max {pg.max().item():.2e} "
          f"nonzero {(pg > 0).float().mean().item():.3f} grad norm {g:.3g} conv1 {m.network.model.pretrained.conv1[0].weight.grad.norm().item():.3g}", flush=True)
run('plain'); run('si only', nw=0.); run('normals only', nw=1e6)
run('channels_last', cl=True); run('no cudnn', cudnn=False); run('rescaled 2^-45', alpha=2.**-45); run('rescaled 2^-45 channels_last', cl=True, alpha=2.**-45)
