"""Input and parameter checks shared by every function.

Bad input gets a clear error that names the problem, before NumPy sees it.
"""

from __future__ import annotations

import functools
import math
import numbers
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

#: The floating dtypes a result may have. Anything else is computed in float64.
FLOAT_DTYPES = (np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64))


def as_float_array(x: Any, name: str = "x") -> np.ndarray:
    """Return ``x`` as a floating NumPy array, keeping float16/32/64 as they are.

    Python numbers, lists, bools and integer arrays are computed in float64.
    Complex numbers, strings, objects, datetimes and extended precision raise
    ``TypeError``: an activation function is a function of real numbers.
    """
    if isinstance(x, (str, bytes)):
        raise TypeError(f"{name} must be real numbers, got a {type(x).__name__}")
    try:
        arr = np.asarray(x)
    except ValueError as err:  # ragged nested lists
        raise TypeError(f"{name} must be a rectangular array of real numbers: {err}") from None
    kind = arr.dtype.kind
    if kind in "biu":  # bool, signed and unsigned integers
        return arr.astype(np.float64)
    if arr.dtype in FLOAT_DTYPES:
        return arr
    if kind == "f":
        raise TypeError(f"{name} has dtype {arr.dtype}; supported: float16, float32, float64")
    raise TypeError(f"{name} must be real numbers, got an array of dtype {arr.dtype}")


def real_param(value: Any, name: str, *, positive: bool = False, nonnegative: bool = False,
               nonzero: bool = False) -> float:
    """Check a scalar parameter: a finite real number, and > 0 / >= 0 / != 0 if asked."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    if positive and value <= 0:
        raise ValueError(f"{name} must be > 0, got {value}")
    if nonnegative and value < 0:
        raise ValueError(f"{name} must be >= 0, got {value}")
    if nonzero and value == 0:
        raise ValueError(f"{name} must not be 0")
    return value


def choice_param(value: Any, name: str, choices: tuple[str, ...]) -> str:
    """Check a parameter that names one of a few variants, e.g. GELU's ``approximate``."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, one of {', '.join(map(repr, choices))}; "
                        f"got {type(value).__name__}")
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, choices))}, got {value!r}")
    return value


def axis_index(x: np.ndarray, axis: Any) -> int:
    """Check ``axis`` against ``x`` (a function along an axis) and return it as a non-negative index."""
    if isinstance(axis, (bool, np.bool_)) or not isinstance(axis, (int, np.integer)):
        raise TypeError(f"axis must be an integer, got {type(axis).__name__}")
    if x.ndim == 0:
        raise ValueError("x must have at least one dimension: the function works along an axis")
    if not -x.ndim <= axis < x.ndim:
        raise ValueError(f"axis {axis} is out of range for x with {x.ndim} dimension(s)")
    if x.shape[axis] == 0:
        raise ValueError(f"x has length 0 along axis {axis}: there is nothing to normalize")
    return int(axis) % x.ndim


def halves(x: np.ndarray, axis: Any) -> tuple[np.ndarray, np.ndarray, int]:
    """Check ``axis`` against ``x`` (a gated unit) and split x there into its two halves (views):
    a, the first, and b, the second; with the axis as a non-negative index."""
    axis = axis_index(x, axis)
    n = x.shape[axis]
    if n % 2:
        raise ValueError(f"axis: x has odd length {n} along axis {axis}, which a gated unit splits in halves")
    a, b = np.split(x, 2, axis=axis)
    return a, b, axis


def elementwise(f: Callable[..., np.ndarray]) -> Callable[..., np.ndarray]:
    """Decorate an element-wise kernel ``f(x, **params)`` with the input checks.

    The kernel receives ``x`` as a float array of at least one dimension (so
    that in-place ``out=`` arguments work for scalars too) and the wrapper
    gives back the shape it was called with: a NumPy scalar for a scalar.
    """

    @functools.wraps(f)
    def wrapper(x: ArrayLike, *args: float, **params: float) -> np.ndarray:
        arr = as_float_array(x)
        out = f(arr.reshape(1) if arr.ndim == 0 else arr, *args, **params)
        return out[0] if arr.ndim == 0 else out

    return wrapper
