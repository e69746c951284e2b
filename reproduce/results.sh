#!/usr/bin/env bash
# The results tables (nbs/results.ipynb, the README): two fresh evaluation sets of 100 object renders at 256² on photo
# backgrounds (training shape families, unseen objects; held-out families and textures), every background on the
# default network, and — when $OUT/finetune/best.pth exists (reproduce/finetune.sh) — the fine-tuned network.
# Writes $OUT/eval_default.json and $OUT/finetune/eval.json. One H100: about 2 minutes; a CPU: about 20.
set -euo pipefail
OUT=${OUT:-runs/reproduce}; mkdir -p "$OUT"
DEVICE=${DEVICE:-$(python3 -c "import torch; print('cuda' if torch.cuda.is_available() else 'cpu')")}
for split in val ood; do
  depth-prompt render --out "$OUT/eval_$split" --split $split --background photo --size 256 --n 100 --seed 1338 --device "$DEVICE"
done
depth-prompt evaluate --data "$OUT/eval_val,$OUT/eval_ood" --backgrounds white,original,noise,texture,prompt,pixel,hypernet --out "$OUT/eval_default"
cp "$OUT/eval_default/results.json" "$OUT/eval_default.json"
if [ -f "$OUT/finetune/best.pth" ]; then
  depth-prompt evaluate --data "$OUT/eval_val,$OUT/eval_ood" --model "$OUT/finetune/best.pth" --backgrounds white,original --out "$OUT/finetune_eval"
  cp "$OUT/finetune_eval/results.json" "$OUT/finetune/eval.json"
fi
