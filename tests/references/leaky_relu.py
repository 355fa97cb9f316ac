"""mpmath reference for LeakyReLU: x for x > 0, a x for x <= 0."""

import math

from reference import MP

EXACT = True  # one rounding of a * x, the correctly rounded product
PARAMS: list[dict[str, float]] = [
    {"negative_slope": 0.2}, {"negative_slope": 0.0}, {"negative_slope": -0.5},
    {"negative_slope": 3.0},  # |a| > 1: a*x overflows where x > 0 is huge
]


def f(x, negative_slope):
    # a * x for x <= 0: one product of two floats, exact at 199 bits (it needs <= 106).
    # With a = 0 the function is 0 for every x <= 0, so its value at -inf is 0 (not 0 * inf).
    if x > 0:
        return x
    return MP.zero if negative_slope == 0 else negative_slope * x


def df(x, negative_slope):
    # 1 for x > 0, a for x <= 0 (PyTorch's value a at the kink).
    return MP.one if x > 0 else negative_slope + 0


def limits(negative_slope):
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    a = negative_slope
    at_minus_inf = -math.inf if a > 0 else (0.0 if a == 0 else math.inf)
    return at_minus_inf, math.inf, a, 1.0
