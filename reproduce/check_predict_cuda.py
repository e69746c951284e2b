"""predict_files' device functions on a GPU against numpy's (`_png16` and `_colorize` must equal `depth_to_png16` and
`colorize_depth` pixel for pixel, `_points` `point_cloud` within 1e-6), and predict_files (a batch of two photos of
different sizes) against predict_file on the GPU. Prints the mismatches and, per file, whether the two paths agree:

    python reproduce/check_predict_cuda.py > nbs/results/predict_cuda_exact_h200.log
"""
import numpy as np, torch, tempfile, cv2
from pathlib import Path
from depth_prompt.photo import _png16, _colorize, _points, _rays, depth_to_png16, colorize_depth, point_cloud, predict_files, predict_file
rng = np.random.default_rng(1); bad = {'colorize': 0, 'png16': 0, 'points': 0}; n = 0
for i in range(300):
    h, w = rng.integers(1, 300, 2)
    mk = rng.random((h, w)) < rng.uniform(0.05, 1); mk[rng.integers(h), rng.integers(w)] = True
    dd = (rng.random((h, w)) * 10 ** rng.uniform(-3, 16)).astype(np.float32)
    if i % 3 == 1: dd[:] = 1.5
    if i % 3 == 2: dd[rng.random((h, w)) < .2] = rng.choice([0, np.nan, np.inf, -1.])
    dt, mt = torch.from_numpy(dd).cuda(), torch.from_numpy(mk).cuda(); n += 1
    bad['colorize'] += not np.array_equal(_colorize(dt, mt).cpu().numpy(), colorize_depth(dd, mk))
    if i % 3 == 2: continue
    bad['png16'] += not np.array_equal(_png16(dt, mt).cpu().numpy(), depth_to_png16(dd, mk))
    Kr = np.array([[rng.uniform(10, 100), 0, w / 2], [0, rng.uniform(10, 100), h / 2], [0, 0, 1]], np.float32)
    ref = point_cloud(np.zeros((h, w, 3), np.uint8), mk, Kr, depth=dd, frame='opengl')[0]
    got = _points(dt[None], mt[None], torch.from_numpy(_rays(Kr, 'opengl'))[None].cuda(), int(mk.sum())).cpu().numpy()
    bad['points'] += not np.allclose(got, ref, rtol=0, atol=1e-6 * np.abs(ref).max())
print(f"CUDA vs numpy over {n} cases, mismatches: {bad}")
import skimage.data
d = Path(tempfile.mkdtemp()); img = skimage.data.chelsea()
cv2.imwrite(str(d/'a.png'), img[..., ::-1]); cv2.imwrite(str(d/'b.png'), cv2.resize(img, (200, 150))[..., ::-1])
predict_files([d/'a.png', d/'b.png'], d/'batch', device='cuda', bs=2, log=lambda *a: None)
for name in ('a', 'b'): predict_file(d/f'{name}.png', d/'one', device='cuda')
for f in sorted((d/'one').iterdir()):
    g = d/'batch'/f.name
    if f.suffix == '.npy': print(f.name, 'max |diff|', float(np.abs(np.load(f) - np.load(g)).max()))
    else: print(f.name, 'identical' if f.read_bytes() == g.read_bytes() else 'DIFFERENT')
