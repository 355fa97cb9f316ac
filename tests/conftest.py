"""Set-up shared by the package's tests.

``tests/reference.py`` (the mpmath references, the ulp helpers, the input grids
and the facts the tests hold the package to) is imported as ``reference`` by the
test modules; with ``--import-mode=importlib`` the tests directory is not on
``sys.path`` by itself, so it is put there here.
"""

import sys
from pathlib import Path

_TESTS = str(Path(__file__).resolve().parent)
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)
