# Does the folder pipeline keep the network busy? `predict_files` (what `depth-prompt predict a.jpg b.jpg … --mask …`
# runs) on N synthetic 480×640 JPEGs with mask PNGs, writing the command's default files (depth .npy, 16-bit depth PNG,
# colour PNG, PLY point cloud, composite PNG), against the bare network on fake batches already on the device, at the
# same batch size and resolution, in the same precision (`photo._forward`: float32, as `predict` runs). Also the
# per-file path (`predict_file` in a loop, the code before the batched pipeline) on a few images.
# The pipeline's fixed start (forking the reader processes, filling the queue) counts: with a GPU, --n 1024
# or more measures the rate a folder keeps.
# Usage: python reproduce/bench_predict_folder.py OUT.json [--device cuda] [--n 256] [--bs 16] [--networks default,dpt-hybrid]
import argparse, json, os, platform, sys, tempfile, time, shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
import numpy as np, cv2, torch, skimage.data
from depth_prompt.model import get_model, create_model
from depth_prompt.photo import predict_files, predict_file, _forward

p = argparse.ArgumentParser()
p.add_argument('out', help="the JSON file to write")
p.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
p.add_argument('--n', type=int, default=256, help="photos in the folder")
p.add_argument('--bs', type=int, default=16, help="batch size (pipeline and bare network)")
p.add_argument('--size', default='480x640', help="the photos' H×W")
p.add_argument('--networks', default='default,dpt-hybrid', help="'default' (embedded weights) and registry names (random weights)")
p.add_argument('--num-workers', type=int, default=None, help="predict_files' num_workers (default: its own)")
p.add_argument('--writers', default='default', help="predict_files' writer threads, comma-separated for several runs ('default': its own)")
p.add_argument('--per-file', type=int, default=32, help="images for the per-file path (0: skip it)")
a = p.parse_args()
dev, (H, W) = torch.device(a.device), (int(v) for v in a.size.lower().split('x'))
sync = torch.cuda.synchronize if dev.type == 'cuda' else (lambda: None)
tmp = Path(tempfile.mkdtemp(prefix='bench_predict_folder.'))

def photo(i):
    "A jittered crop of one of skimage's photos at H×W with an elliptic object mask: JPEG and PNG."
    rng = np.random.default_rng(i)
    src = [skimage.data.astronaut, skimage.data.chelsea, skimage.data.coffee, skimage.data.rocket, skimage.data.cat][i % 5]()
    h, w = src.shape[:2]; s = rng.uniform(0.6, 1.0)
    y, x = rng.integers(0, int(h * (1 - s)) + 1), rng.integers(0, int(w * (1 - s)) + 1)
    img = cv2.resize(src[y:y + int(h * s), x:x + int(w * s)], (W, H), interpolation=cv2.INTER_AREA)
    img = np.clip(img * rng.uniform(0.8, 1.2) + rng.normal(0, 4, img.shape), 0, 255).astype(np.uint8)
    if rng.random() < 0.5: img = img[:, ::-1]
    mask = np.zeros((H, W), np.uint8)
    cv2.ellipse(mask, (int(W * rng.uniform(.35, .65)), int(H * rng.uniform(.35, .65))),
                (int(W * rng.uniform(.15, .35)), int(H * rng.uniform(.15, .35))), rng.uniform(0, 180), 0, 360, 255, -1)
    cv2.imwrite(str(tmp/f'p{i:04d}.jpg'), np.ascontiguousarray(img[..., ::-1]), [cv2.IMWRITE_JPEG_QUALITY, 92])
    cv2.imwrite(str(tmp/f'p{i:04d}_mask.png'), mask)

with ThreadPoolExecutor(os.cpu_count()) as ex: list(ex.map(photo, range(a.n)))
images = [tmp/f'p{i:04d}.jpg' for i in range(a.n)]
masks = [tmp/f'p{i:04d}_mask.png' for i in range(a.n)]

def sig(v): return None if v is None else float(f'{v:.3g}')

def timed(f, reps=1):
    sync(); t = time.perf_counter()
    for _ in range(reps): f()
    sync(); return (time.perf_counter() - t) / reps

def bench(name):
    m = get_model('default', 'prompt', dev) if name == 'default' else create_model(name, 'fourier', weights=None).to(dev).eval()
    S = m.network.size
    x, mk = torch.rand(a.bs, 3, *S, device=dev), (torch.rand(a.bs, 1, *S, device=dev) > .5).float()
    reps = max(3, min(50, a.n // a.bs))
    timed(lambda: _forward(m, x, mk), 3)  # warm-up: cuDNN's algorithm choice, the allocator
    bare = a.bs / timed(lambda: _forward(m, x, mk), reps)
    with torch.autocast(dev.type, torch.bfloat16, enabled=dev.type == 'cuda'):
        timed(lambda: _forward(m, x, mk), 3); bare_bf16 = a.bs / timed(lambda: _forward(m, x, mk), reps)
    runs = []
    for wr in a.writers.split(','):
        kw = dict(model=m, device=dev, log=lambda *_: None, overwrite=True, bs=a.bs, num_workers=a.num_workers,
                  writers=None if wr == 'default' else int(wr))
        predict_files(images[:2 * a.bs], tmp/'warm', masks[:2 * a.bs], **kw)
        out = tmp/f'out-{name}'
        t = timed(lambda: predict_files(images, out, masks, **kw))
        assert len(list(out.glob('*_points.ply'))) == a.n, "not every photo got its files"
        written = sum(f.stat().st_size for f in out.iterdir())
        shutil.rmtree(out); shutil.rmtree(tmp/'warm')
        runs.append(dict(writers=wr, pipeline_images_per_s=sig(a.n / t), ratio=round(a.n / t / bare, 3)))
        print(json.dumps(dict(network=name, **runs[-1])), flush=True)
    k = min(a.per_file, a.n)
    per_file = k / timed(lambda: [predict_file(i, tmp/'pf', mk_, m, device=dev, log=lambda *_: None, overwrite=True)
                                  for i, mk_ in zip(images[:k], masks[:k])]) if k else None
    shutil.rmtree(tmp/'pf', ignore_errors=True)
    r = dict(network=name, weights='embedded' if name == 'default' else 'random', resolution=list(S), bs=a.bs,
             bare_images_per_s=sig(bare), bare_bf16_images_per_s=sig(bare_bf16) if dev.type == 'cuda' else None,
             **runs[0], pipelines=runs,
             per_file_images_per_s=sig(per_file), mb_written_per_image=round(written / a.n / 1e6, 2))
    print(json.dumps(r), flush=True)
    del m; torch.cuda.empty_cache() if dev.type == 'cuda' else None
    return r

env = dict(device=torch.cuda.get_device_name(dev) if dev.type == 'cuda' else 'cpu', torch=torch.__version__,
           python=platform.python_version(), cpu_count=os.cpu_count(), torch_threads=torch.get_num_threads(),
           command=' '.join([Path(sys.executable).name, *sys.argv]), photos=f"{a.n} JPEG {H}×{W} with mask PNGs",
           outputs="per photo: _depth.npy, _depth.png (16 bit), _depth_color.png, _points.ply, _composite.png (the CLI's with --mask)",
           precision="float32, as predict runs (bare_bf16: the network under bf16 autocast, for reference)",
           num_workers=a.num_workers if a.num_workers is not None else "predict_files' default (min(4, cores) with a GPU, 0 on the CPU)",
           writers_default="predict_files' default: cores - num_workers - 1 writer threads with a GPU, 1 on the CPU")
print(json.dumps(env), flush=True)
def bench_or_error(name):
    try: return bench(name)
    except Exception as e:  # one network's failure leaves the others' figures
        import traceback; traceback.print_exc()
        return dict(network=name, error=f'{type(e).__name__}: {e}')

res = dict(env, results=[bench_or_error(n) for n in a.networks.split(',')])
shutil.rmtree(tmp)
Path(a.out).write_text(json.dumps(res, indent=1))
for r in res['results']:
    if 'error' in r: print(f"{r['network']}: failed: {r['error']}"); continue
    print(f"{r['network']}: bare {r['bare_images_per_s']} images/s; pipeline " +
          ', '.join(f"{q['pipeline_images_per_s']} images/s ({q['ratio']:.0%} of bare) with writers={q['writers']}" for q in r['pipelines'])
          + f"; per-file path {r['per_file_images_per_s']} images/s")
