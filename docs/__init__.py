"The docs tool: builds the documentation site from the notebooks and checks it in a browser (a development tool, not part of the `depth_prompt` package)."
