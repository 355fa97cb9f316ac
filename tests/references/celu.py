"""mpmath reference for CELU: x for x > 0, alpha (e^{x/alpha} - 1) for x <= 0."""

import math

from reference import MP

EXACT = False
#: Only alphas for which x / alpha is exact (powers of 2): for any other alpha
#: the derivative e^{x/alpha} inherits the rounding of x / alpha. No alpha < 0:
#: f overflows to -inf at finite x, which the central differences cannot take.
PARAMS: list[dict[str, float]] = [{"alpha": 0.5}, {"alpha": 2.0}]


def f(x, alpha):
    # alpha * expm1(x / alpha) for x <= 0: mpmath's expm1 is accurate near 0,
    # where e^t - 1 would cancel; x / alpha is exact in mpmath at 60 digits for
    # these alphas, and e^t neither overflows nor underflows in mpmath.
    return x if x > 0 else alpha * MP.expm1(x / alpha)


def df(x, alpha):
    # e^{x/alpha} for x <= 0 (1 at the origin, as both sides), 1 for x > 0.
    return MP.one if x > 0 else MP.exp(x / alpha)


def limits(alpha):
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    if alpha > 0:
        return -alpha, math.inf, 0.0, 1.0
    return -math.inf, math.inf, math.inf, 1.0
