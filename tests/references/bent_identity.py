"""mpmath reference for the bent identity: (sqrt(x^2 + 1) - 1) / 2 + x."""

import math

from reference import MP

EXACT = False
PARAMS: list[dict[str, float]] = []


def f(x):
    # sqrt(x^2 + 1) - 1 = x^2 / (sqrt(x^2 + 1) + 1): no cancellation near 0. For x < 0 the
    # sum x + (a positive term of about |x|/2) loses at most one bit; mpf exponents do not
    # overflow, so x^2 is exact-to-199-bits even at 1e300.
    if MP.isinf(x):
        return x
    return x + x**2 / (2 * (MP.sqrt(x**2 + 1) + 1))


def df(x):
    # 1 + x / (2 sqrt(x^2 + 1)): the fraction lies in (-1/2, 1/2), so the sum lies in
    # (1/2, 3/2) and loses at most one bit.
    if MP.isinf(x):
        return MP.mpf(0.5) if x < 0 else MP.mpf(1.5)
    return 1 + x / (2 * MP.sqrt(x**2 + 1))


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return -math.inf, math.inf, 0.5, 1.5
