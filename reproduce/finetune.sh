#!/usr/bin/env bash
# The fine-tuning baseline: every weight of the embedded default network trained on the same object renders as the
# prompts (bf16, one-cycle Adam, lr 3e-4, gradient clipping at 1). Writes $OUT/finetune/{best.pth,log.csv}.
# One H100: about 6 minutes for the default 3 epochs of 9 600 renders.
set -euo pipefail
OUT=${OUT:-runs/reproduce}; mkdir -p "$OUT"
python3 -c "
from depth_prompt.train import train
from fastai.callback.training import GradientClip
train(prompt='none', finetune=True, epochs=${FT_EPOCHS:-3}, samples_per_epoch=9600, bs=64, size=256, lr=3e-4,
      recipe='one_cycle', out='$OUT/finetune', cbs=[GradientClip(1.0)], progress=False)"
cat "$OUT/finetune/log.csv"
