"""mpmath reference for the sine activation: sin(w0 x)."""

import math

from reference import MP

EXACT = False
PARAMS: list[dict[str, float]] = [{"w0": 1.0}, {"w0": -2.5}, {"w0": 0.1}]
#: The extremes ±1 are attained between grid points: at the floats nearest ±pi/(2 w0) = ±pi/60
#: (the default w0 = 30), where sin(30 x) rounds to ±1.
ATTAINED_AT = (math.pi / 60, -math.pi / 60)


def DIFFERENCE_REACH(w0: float = 30.0) -> float:
    """|x| up to which the test's step 1e-6 |x| stays below 1e-3 of a radian of w0 x."""
    return 1e3 / abs(w0)


def _sin(y, shift):
    # sin(y + shift): y = w0 x is exact (two 53-bit factors, 106 bits < 199), and
    # y + shift is formed with as many extra bits as y has before the point, so the
    # reduction modulo 2 pi keeps all 60 digits for |y| up to 1e310.
    if MP.isinf(y) or MP.isnan(y):
        return MP.nan
    extra = max(0, int(MP.mag(y))) if y else 0
    with MP.workprec(MP.prec + extra + 64):
        return +MP.sin(y + shift)


def f(x, w0):
    # sin(w0 x); mpmath reduces the exact argument itself.
    return _sin(w0 * x, 0)


def df(x, w0):
    # w0 cos(w0 x) = w0 sin(w0 x + pi/2): no subtraction.
    return w0 * _sin(w0 * x, MP.pi / 2)


def limits(w0):
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)): sin has no limit, NaN."""
    return math.nan, math.nan, math.nan, math.nan
