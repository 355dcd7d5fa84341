"""``python -m pipeline`` is the ``es2en`` command."""

from .cli import main

main(prog_name="es2en")
