"""mpmath reference for StarReLU: scale * max(0, x)^2 + bias."""

import math

from reference import MP

EXACT = False
PARAMS: list[dict[str, float]] = [
    {"scale": 1.0, "bias": 0.0},  # the reference code's initial values: squared ReLU
    {"scale": 2.0, "bias": -0.5},  # a root at exactly 0.5
    {"scale": -1.0, "bias": 0.25},  # s < 0: decreasing, bounded above by b
    {"scale": 0.5, "bias": 1.0},  # s and b of one sign: no root
]


def f(x, scale, bias):
    # scale * x * x is exact at 60 digits (a 53-bit x squared has at most 106
    # bits, times a 53-bit scale at most 159, fewer than the 199 bits held), so
    # the sum with bias rounds once, relative to the result: no digits are
    # lost even at the root sqrt(-bias/scale), where the terms cancel.
    return scale * x * x + bias if x > 0 else bias


def df(x, scale, bias):
    # 2 scale x for x > 0, 0 for x <= 0 (both one-sided derivatives are 0 at 0).
    return 2 * scale * x if x > 0 else MP.zero


def limits(scale, bias):
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    inf = math.inf if scale > 0 else -math.inf
    return bias, inf, 0.0, inf
