"""Would `predict` lose anything in bf16? The embedded network behind its shipped prompt on 16 held-out object renders
(256², seed 1338, photo backgrounds, the evaluation's first call), in fp32 and under bf16 autocast, scored against the
renders' exact depth. Runs on the CPU (bf16 autocast rounds as a GPU's does) in a few seconds:

    python reproduce/bf16_quality.py
"""
import torch
from depth_prompt.model import get_model
from depth_prompt.render import render_batch
from depth_prompt.metrics import depth_metrics, normalize_gt
from depth_prompt.photo import _forward

def main():
    m = get_model('default', 'prompt', 'cpu')
    r = render_batch(16, 256, device='cpu', seed=1338, split='val', background='photo')
    x, mk = r['rgb'].permute(0, 3, 1, 2).float() / 255, r['mask'][:, None].float()
    out = {}
    for name, bf16 in (('fp32', False), ('bf16', True)):
        with torch.autocast('cpu', dtype=torch.bfloat16, enabled=bf16): out[name] = _forward(m, x, mk)[0]
        res = depth_metrics(out[name], normalize_gt(r['depth'], r['mask']), r['mask'], r['K'])
        print(name, {k: round(float(v[res['ok']].mean()), 4) for k, v in res.items() if k in ('si_rmse', 'cos_sim', 'abs_rel', 'delta1')})
    rel = ((out['bf16'] - out['fp32']).abs() / out['fp32'].abs().clamp_min(1e-6))[r['mask']]
    print(f"bf16 vs fp32 depth on the objects: relative difference median {rel.median():.1e}, 99th percentile {rel.quantile(.99):.1e}")

if __name__ == '__main__': main()
