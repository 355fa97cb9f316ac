"""Activation functions for the handbook: exact, numerically stable NumPy code.

>>> import activations
>>> activations.names()[:3]
['sigmoid', 'tanh', 'stanh']
>>> float(activations.sigmoid(0.0))
0.5
>>> activations.get("elu").derivative(-1.0, alpha=1.0)  # doctest: +ELLIPSIS
np.float64(0.367879441171442...)

``get(name)`` returns a spec (:class:`Activation`) with ``forward`` and
``derivative`` and every fact the site shows; ``names()`` lists the registry.
Each function is also available directly: ``activations.relu(x)``,
``activations.relu_derivative(x)``, and ``activations.softmax_vjp(x, g)``.
"""

from . import functions as _functions  # noqa: F401  (importing registers every function)
from ._registry import get, names, specs
from ._spec import Activation, Elsewhere, Figure, FrameworkName, Parameter, Properties, Reference, Text

__all__ = ["Activation", "Elsewhere", "Figure", "FrameworkName", "Parameter", "Properties", "Reference", "Text",
           "get", "names", "specs"]

# Export f and f' of every registered function as plain functions.
for _spec in specs():
    globals()[_spec.name] = _spec.forward
    globals()[f"{_spec.name}_derivative"] = _spec.derivative
    __all__ += [_spec.name, f"{_spec.name}_derivative"]
    if _spec.vjp is not None:
        globals()[f"{_spec.name}_vjp"] = _spec.vjp
        __all__.append(f"{_spec.name}_vjp")
del _spec
