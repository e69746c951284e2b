"Renderer on the GPU: eager vs fused marching (renders/s, warm-up, agreement), over sizes, splits and shadows."
import time, json, sys, torch
from depth_prompt import render as R
out = {}
def rate(bs, size, n=4, **kw):
    R.render_batch(bs, size, device='cuda', seed=999, **kw); torch.cuda.synchronize()
    t = time.perf_counter()
    for i in range(n): R.render_batch(bs, size, device='cuda', seed=i, **kw)
    torch.cuda.synchronize(); return n * bs / (time.perf_counter() - t)
t = time.perf_counter()
for split in ('train', 'ood'): R.render_batch(64, 64, device='cuda', split=split, seed=7); torch.cuda.synchronize()
out['fuse_warmup_s'] = time.perf_counter() - t; print('fused warm-up (compile)', f"{out['fuse_warmup_s']:.1f} s", flush=True)
for fuse in (False, True):
    R.FUSE = fuse
    for split in ('train', 'ood'):
        for size, bs in ((384, 256), (256, 64), (128, 256)):
            for sh in ((True, False) if size == 384 else (True,)):
                for bg in ((None, 'photo') if size == 384 and sh else (None,)):
                    k = f'fuse={fuse} {split} {size} bs{bs} shadows={sh} bg={bg}'
                    out[k] = rate(bs, size, split=split, shadows=sh, background=bg); print(f'{k}: {out[k]:.0f} renders/s', flush=True)
for split in ('train', 'ood'):
    R.FUSE = False; a = R.render_batch(64, 256, device='cuda', split=split, seed=11, background='photo')
    R.FUSE = True; b = R.render_batch(64, 256, device='cuda', split=split, seed=11, background='photo')
    both = a['mask'] & b['mask']
    agree = dict(mask=(a['mask'] == b['mask']).float().mean().item(),
                 depth_rel=((a['depth'] - b['depth']).abs() / a['depth'].clamp_min(1e-6))[both].max().item(),
                 depth_rel_p999=((a['depth'] - b['depth']).abs() / a['depth'].clamp_min(1e-6))[both].quantile(.999).item(),
                 rgb_mean_abs=(a['rgb'].float() - b['rgb'].float()).abs().mean().item())
    out[f'agree {split}'] = agree; print(split, 'eager vs fused:', agree, flush=True)
json.dump(out, open(sys.argv[1], 'w'), indent=1)
