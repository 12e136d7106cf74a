"""One module per CLI command; each exposes one function that typer registers in cli.py."""
