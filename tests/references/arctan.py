"""mpmath reference for Arctan: arctan(x), and its derivative 1 / (1 + x^2)."""

import math

from reference import MP

EXACT = False
PARAMS: list[dict[str, float]] = []


def f(x):
    # mpmath's atan keeps full precision for every argument: atan(x) = x - x^3/3 + ...
    # near 0 (no cancellation), and it tends to ±pi/2 for huge |x| (atan(±inf) = ±pi/2).
    return MP.atan(x)


def df(x):
    # 1 / (1 + x^2): a sum of positive terms and a quotient, no cancellation; mpf's
    # exponent range has no overflow, so 1e300^2 = 1e600 is fine. At ±inf: 1/inf = 0.
    return 1 / (1 + x * x)


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly (pi/2 rounded to float64)."""
    return -math.pi / 2, math.pi / 2, 0.0, 0.0
