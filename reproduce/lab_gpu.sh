#!/usr/bin/env bash
# Optional, for the lab's lent GPU machine only: its image has torch but not fastai & co, and it reaches no package
# registry, so the wheels travel with the working tree in .whl/ (ignored by git). This installs them into /tmp/site
# and runs the given command with the package from this checkout, e.g. `bash reproduce/lab_gpu.sh bash reproduce/benchmarks.sh`.
# Anywhere else, install the package (`pip install -e .`) and run the scripts directly.
set -euo pipefail
cd "$(dirname "$0")/.."
ls .whl/*.whl > /dev/null || { echo "no wheels in .whl/: fill it with 'pip download -d .whl .' on a machine that reaches PyPI" >&2; exit 1; }
python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl
mkdir -p /tmp/site/bin && printf '#!/bin/sh\nexec python3 -m depth_prompt.cli "$@"\n' > /tmp/site/bin/depth-prompt && chmod +x /tmp/site/bin/depth-prompt
export PYTHONPATH=/tmp/site:$PWD PATH=/tmp/site/bin:$PATH PYTHONUNBUFFERED=1
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
"$@"
