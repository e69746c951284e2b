__version__ = "0.1.0"

# Hand-written (not exported by nbdev). `import depth_prompt as dp` must stay cheap — the `depth-prompt` command
# imports this package before anything else — so the public functions are loaded on first use (PEP 562).
#
# `dp.predict(...)` and `dp.evaluate(...)` share their names with the modules `depth_prompt.predict` and
# `depth_prompt.evaluate`, and Python binds a submodule onto its package whenever it is imported. Rather than race
# that binding, those two modules are made callable: `dp.predict(...)` calls `depth_prompt.predict.predict(...)`,
# and `dp.predict.point_cloud`, `import depth_prompt.predict as m` and `from depth_prompt.predict import …` work too.
import sys as _sys, types as _types, importlib as _importlib

_LAZY = {'point_cloud': 'predict', 'auto_mask': 'predict', 'predict_files': 'predict', 'results_table': 'evaluate',
         'load_model': 'model', 'create_model': 'model', 'create_network': 'networks', 'list_networks': 'networks',
         'create_prompt': 'prompts', 'DepthPromptError': 'core'}
_CALLABLE = ('predict', 'evaluate')

class _CallableModule(_types.ModuleType):
    "A module that runs its namesake function when called."
    def __call__(self, *args, **kwargs): return getattr(self, self.__name__.rpartition('.')[2])(*args, **kwargs)

class _Package(_types.ModuleType):
    def __setattr__(self, name, value):
        if name in _CALLABLE and isinstance(value, _types.ModuleType): value.__class__ = _CallableModule
        super().__setattr__(name, value)

def __getattr__(name):
    if name in _CALLABLE: return _importlib.import_module(f'{__name__}.{name}')
    if name in _LAZY: return getattr(_importlib.import_module(f'{__name__}.{_LAZY[name]}'), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

def __dir__(): return sorted([*globals(), *_LAZY, *_CALLABLE])

_sys.modules[__name__].__class__ = _Package
