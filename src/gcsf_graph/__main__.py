"""``python -m gcsf_graph`` runs the ``gcsf`` command."""

from .cli import program

program()
