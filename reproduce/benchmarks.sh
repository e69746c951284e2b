#!/usr/bin/env bash
# The benchmarks (nbs/benchmarks.ipynb, the README's performance table): every benchmark of depth_prompt.bench that fits
# the device, then the renderer with and without fused marching. Writes $OUT/bench.json and $OUT/render_fuse.json.
# One H100: about 8 minutes (the first fused render compiles for about a minute).
set -euo pipefail
OUT=${OUT:-runs/reproduce}; mkdir -p "$OUT"
python3 -m depth_prompt.bench all --out "$OUT/bench.json"
python3 "$(dirname "$0")/bench_render_fuse.py" "$OUT/render_fuse.json"
