#!/usr/bin/env bash
# The benchmarks (nbs/benchmarks.ipynb, the README's performance table): every benchmark of depth_prompt.bench that fits
# the device, the renderer with and without fused marching (and against the CPU, with its waits per call), and whether
# training waits for its renders. Writes $OUT/bench.json, $OUT/render_fuse.json, $OUT/render_cuda.json and
# $OUT/train_data.json (default runs/bench).
# One H100: about 8 minutes (the first fused render compiles for about a minute).
set -euo pipefail
OUT=$(realpath -m "${OUT:-runs/bench}"); mkdir -p "$OUT"
python3 -m depth_prompt.bench all --out "$OUT/bench.json"
python3 "$(dirname "$0")/bench_render_fuse.py" "$OUT/render_fuse.json"
python3 "$(dirname "$0")/check_render_cuda.py" "$OUT/render_cuda.json"
python3 "$(dirname "$0")/bench_data_wait.py" "$OUT/train_data.json"
