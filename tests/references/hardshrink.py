"""mpmath reference for Hardshrink: x for |x| > lambda, 0 for |x| <= lambda."""

import math

from reference import MP

EXACT = True  # the package only compares and multiplies by 0 or 1: exact
PARAMS: list[dict[str, float]] = [{"lambd": 0.0}, {"lambd": 2.0}, {"lambd": 0.1}]


def f(x, lambd):
    # x itself or 0: a comparison, nothing rounded.
    return x if abs(x) > lambd else MP.zero


def df(x, lambd):
    # 1 for |x| > lambda, 0 for |x| <= lambda (PyTorch's value 0 at the jumps ±lambda).
    return MP.one if abs(x) > lambd else MP.zero


def limits(lambd):
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return -math.inf, math.inf, 1.0, 1.0
