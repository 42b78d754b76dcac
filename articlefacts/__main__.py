"""``python -m articlefacts``: see :mod:`articlefacts.cli`."""
import sys

from .cli import main

sys.exit(main())
