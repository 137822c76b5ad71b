"""``python -m gcsf_graph`` runs the ``gcsf`` command (and returns, for hosts that run modules)."""

import sys

from .cli import main

sys.exit(main())
