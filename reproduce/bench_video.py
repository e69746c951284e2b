# Throughput of `predict_video` (frames/s): a turntable written as an MP4 plus a folder of masks, read back and
# predicted with the embedded default network, as a user runs it. Usage: python reproduce/bench_video.py OUT.json [device] [frames] [size] [bs]
import sys, json, time, tempfile
from pathlib import Path
import numpy as np, cv2, torch
from depth_prompt.video import turntable, predict_video

out, dev = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else 'cpu'
n, size, bs = (int(a) for a in (sys.argv[3:6] + ['48', '240', '8'][len(sys.argv[3:6]):]))
tt = turntable('stool', n_frames=12, size=(size, size * 4 // 3), degrees=60, seed=3, device=dev)
tmp = Path(tempfile.mkdtemp()); (tmp/'masks').mkdir()
w = cv2.VideoWriter(str(tmp/'clip.mp4'), cv2.VideoWriter_fourcc(*'mp4v'), 24, (size * 4 // 3, size))
for i in range(n):
    w.write(np.ascontiguousarray(tt['rgb'][i % 12][..., ::-1]))
    cv2.imwrite(str(tmp/'masks'/f'{i:05d}.png'), tt['mask'][i % 12].astype(np.uint8) * 255)
w.release()
predict_video(tmp/'clip.mp4', tmp/'warm', masks=tmp/'masks', device=dev, bs=bs, progress=False, log=lambda *a: None) if dev != 'cpu' else None
res = predict_video(tmp/'clip.mp4', tmp/'out', masks=tmp/'masks', device=dev, bs=bs, progress=False)
r = dict(device=torch.cuda.get_device_name() if dev.startswith('cuda') else 'cpu', threads=torch.get_num_threads(),
         frames=res['frames'], size=[size, size * 4 // 3], bs=bs, fps=res['fps'])
print(json.dumps(r)); Path(out).write_text(json.dumps(r, indent=1))
