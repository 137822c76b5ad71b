"""``python -m gcsf_graph`` runs the ``gcsf`` command."""

import sys

from .cli import main

sys.exit(main())
