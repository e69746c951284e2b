#!/usr/bin/env bash
# A user's install, not a developer's: a fresh venv that already holds a torch (as Colab does), then `pip install .`
# without extras. Passes when that torch is kept, every public module of the installed package imports from another
# folder, the package ships no dev tool (docs/, reproduce/) and no dev-only package (nbdev, …) came with it, and the
# command answers. Usage: bash .ci/install_check.sh [TORCH_SPEC [TORCHVISION_SPEC]] (default: the pinned pair, which pip here finds on the local disk).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"; py="$tmp/venv/bin/python"
"$py" -m pip install -q "${1:-torch==2.14.1}" "${2:-torchvision==0.29.1}"
before=$("$py" -c 'import torch; print(torch.__version__)')
"$py" -m pip install -q "$repo"
cd "$tmp" && "$py" - "$before" <<'PY'
import sys, importlib, pkgutil, importlib.util, subprocess, torch, depth_prompt
assert torch.__version__ == sys.argv[1], f'pip replaced the torch that was there: {sys.argv[1]} -> {torch.__version__}'
assert 'site-packages' in depth_prompt.__file__, depth_prompt.__file__
mods = [m.name for m in pkgutil.iter_modules(depth_prompt.__path__, 'depth_prompt.')]
for m in mods: importlib.import_module(m)
dev = [m for m in ('nbdev', 'execnb', 'latex2mathml', 'playwright', 'jupyterlab', 'docs', 'reproduce') if importlib.util.find_spec(m)]
assert not dev, f'a user install brought dev-only packages: {dev}'
subprocess.run([sys.executable.replace('python', 'depth-prompt'), '--help'], check=True, capture_output=True)
print(f'user install: torch {torch.__version__} kept; {len(mods)} modules import: {", ".join(m[13:] for m in mods)}; no dev package; depth-prompt --help answers')
PY
