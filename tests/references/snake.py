"""mpmath reference for Snake: x + sin^2(a x) / a."""

import math

from reference import MP

EXACT = False
PARAMS: list[dict[str, float]] = [{"a": 0.5}, {"a": -1.0}, {"a": 0.3}, {"a": 30.0}]


def DIFFERENCE_REACH(a: float = 1.0) -> float:
    """|x| up to which the test's step 1e-6 |x| stays below 1e-3 of a radian of 2 a x (f' = 1 + sin 2ax)."""
    return 1e3 / abs(2 * a)


def _sin(y, shift):
    # sin(y + shift), y = a x exact (106 bits < 199), y + shift formed with as many
    # extra bits as y has before the point: the reduction keeps all 60 digits.
    extra = max(0, int(MP.mag(y))) if y else 0
    with MP.workprec(MP.prec + extra + 64):
        return +MP.sin(y + shift)


def f(x, a):
    # x + sin^2(a x)/a. For a > 0 and x < 0 the two terms have opposite signs, but
    # sin^2(t)/|t| <= 0.7246 for every t, so |f| >= 0.275 |x|: at most 2 digits lost.
    if MP.isinf(x):
        return x
    s = _sin(a * x, 0)
    return x + s * s / a


def df(x, a):
    # 1 + sin(2 a x) = 2 sin^2(a x + pi/4): no subtraction; the double roots of
    # 1 + sin stay exact zeros' neighbours with full relative precision.
    if MP.isinf(x):
        return MP.nan
    s = _sin(a * x, MP.pi / 4)
    return 2 * s * s


def limits(a):
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)): f' has no limit (NaN)."""
    return -math.inf, math.inf, math.nan, math.nan
