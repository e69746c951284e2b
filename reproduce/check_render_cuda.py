"""The renderer on a GPU: does it agree with the CPU, do processes' rows equal the whole batch, how often does it wait.

For objects and scenes (train and ood splits) it renders the same seeds on the device and on the CPU and reports the
share of equal mask pixels and the depth difference where both see a surface; renders `rows=` halves of a batch on the
device (as two data-parallel processes do) against the whole batch; counts the host-device waits of one render call
(`torch.cuda.set_sync_debug_mode('warn')`: one warning per synchronising call); and times renders/s at 384², batch 256
(the goal of issue #16 is ≥ 1 000 for both family splits), after the fused marching's compile warm-up, also reported.
Writes everything to OUT.json and raises if the device and the CPU disagree beyond rounding.
Usage: python reproduce/check_render_cuda.py OUT.json [--device cuda] [--size 384] [--bs 256]
(`--device cpu --size 64 --bs 8` is a dry run of the script itself on a machine without a GPU.)"""
import argparse, json, time, warnings, torch
from depth_prompt.render import render_batch
from depth_prompt.core import Timer

p = argparse.ArgumentParser()
p.add_argument('out'); p.add_argument('--device', default='cuda')
p.add_argument('--size', type=int, default=384); p.add_argument('--bs', type=int, default=256)
a = p.parse_args()
dev, cuda = torch.device(a.device), torch.device(a.device).type == 'cuda'
cases = [('objects', 'train'), ('objects', 'ood'), ('scenes', 'train'), ('scenes', 'ood')]
res = dict(device=torch.cuda.get_device_name() if cuda else 'cpu', torch=torch.__version__)

t = Timer(dev)
for mode, split in cases: render_batch(8, 64, mode, split, seed=10**6, device=dev)
res['warmup_s'] = round(t(), 1)

agree = {}
for mode, split in cases:
    g = {k: v.cpu() for k, v in render_batch(16, 96, mode, split, seed=3, device=dev).items()}
    c = render_batch(16, 96, mode, split, seed=3)
    both = g['mask'] & c['mask']
    rel = ((g['depth'] - c['depth']).abs() / c['depth'].clamp_min(1e-6))[both]
    agree[f'{mode}/{split}'] = dict(mask_equal=(g['mask'] == c['mask']).float().mean().item(), depth_rel_median=rel.median().item(),
                                    depth_rel_p999=rel.quantile(.999).item(), rgb_mean_abs=(g['rgb'].float() - c['rgb'].float()).abs().mean().item())
    half = [render_batch(16, 96, mode, split, seed=3, device=dev, rows=r) for r in (range(8), range(8, 16))]
    whole = render_batch(16, 96, mode, split, seed=3, device=dev)
    agree[f'{mode}/{split}']['rows_max_abs'] = max((torch.cat([h[k] for h in half]).float() - whole[k].float()).abs().max().item()
                                                         for k in ('depth', 'rgb', 'normals'))
    agree[f'{mode}/{split}']['rows_mask_equal'] = torch.equal(torch.cat([h['mask'] for h in half]), whole['mask'])
res['agreement'] = agree

waits = {}
if cuda:
    for mode, split in cases:
        torch.cuda.synchronize(); torch.cuda.set_sync_debug_mode('warn')
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always'); render_batch(a.bs, a.size, mode, split, seed=5, device=dev)
        torch.cuda.set_sync_debug_mode(0)
        waits[f'{mode}/{split}'] = sum('synchroniz' in str(x.message) for x in w)
res['waits_per_call'] = waits

rate = {}
for mode, split in cases:
    render_batch(a.bs, a.size, mode, split, seed=0, device=dev)
    t = Timer(dev)
    for s in range(1, 4): render_batch(a.bs, a.size, mode, split, seed=s, device=dev)
    rate[f'{mode}/{split}'] = round(3 * a.bs / t(), 1)
res['renders_per_s'] = dict(size=a.size, bs=a.bs, **rate)

json.dump(res, open(a.out, 'w'), indent=1)
print(json.dumps(res, indent=1))
bad = [k for k, v in agree.items() if v['mask_equal'] < .995 or v['depth_rel_median'] > 1e-4 or not v['rows_mask_equal']]
if bad: raise SystemExit(f'the device and the CPU (or the rows and the whole batch) disagree for {bad}')
