"""Score default-network weight files off the shelf on the real photo (Middlebury's Motorcycle, `depth_prompt.real`):
si-RMSE, normals cos-sim, AbsRel and δ1 behind white and behind the photo itself. Runs on the CPU in a minute.

    python3 reproduce/score_real.py nbs/results/pretrain_real.json shipped=depth_prompt/weights/default_net.safetensors A=runs/A/default_net.safetensors
    python3 reproduce/score_real.py nbs/results/pretrain_real.json --update B=runs/B/default_net.safetensors   # add B, keep the rest
"""
import argparse, json
from pathlib import Path
from depth_prompt.core import atomic_path
from depth_prompt.model import create_model, get_model
from depth_prompt.evaluation import evaluate_dataset
from depth_prompt.real import motorcycle

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('out', help='the JSON file to write'); ap.add_argument('weights', nargs='+', help='NAME=FILE')
    ap.add_argument('--update', action='store_true', help="keep the other entries of an existing OUT")
    a = ap.parse_args(argv)
    ds, res = motorcycle(), json.loads(Path(a.out).read_text()) if a.update and Path(a.out).exists() else {}
    for item in a.weights:
        name, _, path = item.partition('=')
        m = create_model('default', 'none', weights=path).eval()
        res[name] = evaluate_dataset(ds, {bg: get_model(m, bg, 'cpu') for bg in ('white', 'original')}, device='cpu')
        print(name, {bg: round(r['si_rmse'], 3) for bg, r in res[name].items()})
    with atomic_path(a.out) as tmp: Path(tmp).write_text(json.dumps(res, indent=1))

if __name__ == '__main__': main()
