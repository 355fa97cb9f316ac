"""mpmath reference for squared ReLU: max(0, x)^2."""

import math

from reference import MP

EXACT = True  # one rounding of r * r (and 2r is exact): the package must be correctly rounded
PARAMS: list[dict[str, float]] = []


def f(x):
    # x * x at 60 digits: a product of an exact input, nothing to cancel, no
    # overflow (mpmath's exponent range is unbounded; the rounding to the
    # dtype gives inf beyond the largest float).
    return x * x if x > 0 else MP.zero


def df(x):
    # 2x for x > 0, 0 for x <= 0 (both one-sided derivatives are 0 at x = 0).
    return 2 * x if x > 0 else MP.zero


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return 0.0, math.inf, 0.0, math.inf
