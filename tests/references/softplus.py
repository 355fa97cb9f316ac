"""mpmath reference for SoftPlus: log(1 + e^{beta x}) / beta."""

import math

from reference import MP
from references import sigmoid

EXACT = False
#: Only betas whose product beta*x is exact (powers of 2); reference.NON_DYADIC_BETAS has the others.
PARAMS: list[dict[str, float]] = [{"beta": 2.0}, {"beta": 0.5}]


def f(x, beta):
    # log1p(e^{beta x}) / beta. x -> -inf: e^{beta x} is tiny and log1p keeps it
    # (relative precision, ~e^{beta x}); x -> +inf: e^{beta x} is huge but does not
    # overflow in mpmath, and log of it is ~beta x with full relative precision.
    return MP.log1p(MP.exp(beta * x)) / beta


def df(x, beta):
    # sigma(beta x), computed as the sigmoid reference: no subtraction.
    return sigmoid.f(beta * x)


def limits(beta):
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return 0.0, math.inf, 0.0, 1.0
