#!/usr/bin/env bash
# The same Fourier-prompt training on one GPU and data-parallel on two (same global batch, same renders per epoch):
# the curves should match and the epochs get shorter (nbs/results.ipynb). Needs 2 GPUs. Writes $OUT/{g1,g2}/log.csv (default runs/mgpu).
set -euo pipefail
OUT=$(realpath -m "${OUT:-runs/mgpu}"); mkdir -p "$OUT"
ARGS="train --network default --prompt fourier --data render --epochs ${EPOCHS:-4} --samples-per-epoch ${SAMPLES:-9600} --batch 64 --size 256 --recipe one_cycle --lr 3e-3"
s=$SECONDS; python3 -m depth_prompt.cli $ARGS --out "$OUT/g1"; echo "1 GPU: $((SECONDS-s)) s"
s=$SECONDS; torchrun --standalone --nproc_per_node 2 -m depth_prompt.cli $ARGS --out "$OUT/g2"; echo "2 GPUs: $((SECONDS-s)) s"
