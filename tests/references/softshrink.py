"""mpmath reference for Softshrink: x - lambda, 0, x + lambda on x > lambda, |x| <= lambda, x < -lambda."""

import math

from reference import MP

EXACT = True  # 0 exactly, or one rounding of x -+ lambda: correctly rounded
PARAMS: list[dict[str, float]] = [{"lambd": 0.0}, {"lambd": 2.0}, {"lambd": 0.1}]


def f(x, lambd):
    # x - lambda or x + lambda: the difference of two floats, exact at 199 bits as long as
    # the exponents differ by < ~145; beyond (|x| > 1e43 against lambda ~ 1), x -+ lambda
    # is within 2^-199 relative of x, far below what any rounding to float64 can see.
    if x > lambd:
        return x - lambd
    if x < -lambd:
        return x + lambd
    return MP.zero


def df(x, lambd):
    # 1 for |x| > lambda, 0 for |x| <= lambda (PyTorch's value 0 at the kinks ±lambda).
    return MP.one if abs(x) > lambd else MP.zero


def limits(lambd):
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return -math.inf, math.inf, 1.0, 1.0
