# On the lent GPU: pretrain the embedded default network on scene renders, then a short learning-rate
# check of Fourier-prompt training on it. Outputs under $OUT/pretrain.
source tools/gpu_env.sh; mkdir -p $OUT/pretrain
python3 -c "from depth_prompt.pretrain import pretrain; import json; print(json.dumps(pretrain('$OUT/pretrain', epochs=${EPOCHS:-5}, n_train=24000, bs=64)))" > $OUT/pretrain/stdout.log 2>&1
cat $OUT/pretrain/log.csv; tail -c 600 $OUT/pretrain/stdout.log; echo
for cfg in "reference 5e-4" "one_cycle 2e-3" "one_cycle 1e-2"; do
  set -- $cfg
  python3 -c "from depth_prompt.train import train; train(prompt='fourier', epochs=2, samples_per_epoch=6400, bs=64, size=256, lr=$2, recipe='$1', out='/tmp/sweep_$1_$2', weights='$OUT/pretrain/default_net.safetensors', progress=False)" >/dev/null 2>&1
  echo "== $1 $2"; cat /tmp/sweep_$1_$2/log.csv
done
python3 - <<'PY' 2>/dev/null
from depth_prompt.model import create_model
from depth_prompt.train import depth_learner
from depth_prompt.data import depth_dls, RenderStream
import os
w = os.environ['OUT'] + '/pretrain/default_net.safetensors'
for bg in ('white', 'original', 'noise'):
    m = create_model('default', prompt='none', background=bg, weights=w, size=256).cuda()
    dls = depth_dls(RenderStream(256, 64, 256, split='ood', seed=1, device='cuda'), RenderStream(256, 64, 256, split='ood', seed=1, device='cuda'), 256)
    learn = depth_learner(dls, m)
    with learn.no_bar(), learn.no_logging(): print(bg, [round(float(v), 4) for v in learn.validate()])
PY
