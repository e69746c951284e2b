"The renderer on a GPU with eager and fused marching (`depth_prompt.render.FUSE`): renders/s over sizes, splits and shadows, and how far the two agree. Usage: python reproduce/bench_render_fuse.py OUT.json"
import sys, json, torch
from depth_prompt import render
from depth_prompt.core import Timer
from depth_prompt.bench import time_fn

def rate(bs, size, **kw):
    "Renders per second of `render_batch` (one untimed call first: it compiles)."
    seeds = iter(range(10**6))
    return bs / time_fn(lambda: render.render_batch(bs, size, device='cuda', seed=next(seeds), **kw), 'cuda', 1, 4)

def agreement(split):
    "Eager and fused renders of the same seed: the share of equal mask pixels and the worst relative depth difference."
    render.FUSE = False; a = render.render_batch(64, 256, device='cuda', split=split, seed=11, background='photo')
    render.FUSE = True; b = render.render_batch(64, 256, device='cuda', split=split, seed=11, background='photo')
    both, rel = a['mask'] & b['mask'], (a['depth'] - b['depth']).abs() / a['depth'].clamp_min(1e-6)
    return dict(mask=(a['mask'] == b['mask']).float().mean().item(), depth_rel=rel[both].max().item(),
                depth_rel_p999=rel[both].quantile(.999).item(), rgb_mean_abs=(a['rgb'].float() - b['rgb'].float()).abs().mean().item())

if __name__ == '__main__':
    assert torch.cuda.is_available(), 'this benchmark needs a CUDA GPU'
    out, t = {}, Timer('cuda')
    for split in ('train', 'ood'): render.render_batch(64, 64, device='cuda', split=split, seed=7)
    out['fuse_warmup_s'] = t()
    for fuse in (False, True):
        render.FUSE = fuse
        for split in ('train', 'ood'):
            for size, bs in ((384, 256), (256, 64), (128, 256)):
                for shadows in ((True, False) if size == 384 else (True,)):
                    k = f'fuse={fuse} {split} {size} bs{bs} shadows={shadows}'
                    out[k] = rate(bs, size, split=split, shadows=shadows); print(f'{k}: {out[k]:.0f} renders/s', flush=True)
    for split in ('train', 'ood'): out[f'agree {split}'] = agreement(split); print(split, 'eager vs fused:', out[f'agree {split}'])
    json.dump(out, open(sys.argv[1], 'w'), indent=1)
