#!/usr/bin/env python
"""The docs site, built offline from the notebooks (see nbs/15_docs.ipynb).

    .venv/bin/python tools/docs.py            # build _docs/ (open _docs/index.html)
    .venv/bin/python tools/docs.py --check    # build, then open every page in headless Chromium
    .venv/bin/python tools/docs.py --readme   # also write README.md from nbs/index.ipynb
"""
from fastcore.script import call_parse
from depth_prompt.docs import build_docs, check_site, make_readme

@call_parse
def main(check:bool=False, # then open every page in headless Chromium (Debian's `chromium`)
         readme:bool=False, # also write README.md from nbs/index.ipynb (nbdev_readme needs Quarto)
         no_cache:bool=False, # run every notebook, even those whose cached run is current
         n_workers:int=2): # notebooks run at once
    "Build the docs site into _docs/; with --check, check it in a browser."
    if readme: print(f'Wrote {make_readme()}')
    site = build_docs(cache=False if no_cache else None, n_workers=n_workers)
    if check: check_site(site)
