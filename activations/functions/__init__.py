"""One module per activation function; each registers its spec on import.

Every module here whose name does not start with ``_`` is imported, so adding a
function means adding one module (and its two prose pages).
"""

import importlib
import pkgutil

for _info in pkgutil.iter_modules(__path__):
    if not _info.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_info.name}")
