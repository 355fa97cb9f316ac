"""mpmath reference for Identity: f(x) = x, exact."""

import math

from reference import MP

EXACT = True  # the package must be correctly rounded (0 ulp): it copies
PARAMS: list[dict[str, float]] = []


def f(x):
    # x itself: nothing is computed, nothing can be lost.
    return x


def df(x):
    # 1 everywhere.
    return MP.one


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return -math.inf, math.inf, 1.0, 1.0
