"""mpmath reference for ReLU: max(x, 0), exact."""

import math

from reference import MP

EXACT = True  # the package must be correctly rounded (0 ulp): it only compares and copies
PARAMS: list[dict[str, float]] = []


def f(x):
    # max(x, 0): exact.
    return x if x > 0 else MP.zero


def df(x):
    # 1 for x > 0, 0 for x <= 0 (PyTorch's value 0 at the kink).
    return MP.one if x > 0 else MP.zero


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return 0.0, math.inf, 0.0, 1.0
