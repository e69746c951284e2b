__version__ = "0.1.0"

# Hand-written (not exported by nbdev). `import depth_prompt as dp` must stay cheap — the `depth-prompt` command
# imports this package before anything else — so the public functions are imported on first use (PEP 562).
# No module shares a function's name: `dp.predict` is `depth_prompt.photo.predict`, `dp.evaluate` is
# `depth_prompt.evaluation.evaluate`.
import importlib as _importlib

_LAZY = {'predict': 'photo', 'point_cloud': 'photo', 'auto_mask': 'automask', 'predict_files': 'photo',
         'evaluate': 'evaluation', 'results_table': 'evaluation', 'load_model': 'model', 'create_model': 'model',
         'create_network': 'networks', 'list_networks': 'networks', 'create_prompt': 'prompts', 'DepthPromptError': 'core'}

def __getattr__(name):
    if name in _LAZY: return getattr(_importlib.import_module(f'{__name__}.{_LAZY[name]}'), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

def __dir__(): return sorted([*globals(), *_LAZY])
