"""mpmath reference for Hardswish: x * min(max(x + 3, 0), 6) / 6."""

import math

from reference import MP

EXACT = False  # two roundings (a division and a product) in the middle piece
#: The argmin of f: f′(x) = (2x + 3)/6 = 0 at x = −3/2, where f = −3/8 exactly.
MINIMUM_AT = -1.5
PARAMS: list[dict[str, float]] = []


def f(x):
    # 0, x (x + 3)/6, x on the three pieces: x + 3 of a float x is exact at
    # 60 digits near -3, the product has no cancellation, and mpmath's exponent
    # range is unbounded, so nothing overflows.
    if x <= -3:
        return MP.zero
    if x >= 3:
        return x
    return x * (x + 3) / 6


def df(x):
    # 0, (2x + 3)/6, 1 on the three pieces (PyTorch's 0 at x = -3 and 1 at
    # x = 3); 2x + 3 is exact at 60 digits near the root -1.5.
    if x <= -3:
        return MP.zero
    if x >= 3:
        return MP.one
    return (2 * x + 3) / 6


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return 0.0, math.inf, 0.0, 1.0
