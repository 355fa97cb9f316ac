"""mpmath reference for the exponential activation: e^x."""

import math

from reference import MP

EXACT = False
PARAMS: list[dict[str, float]] = []


def f(x):
    # mpmath's exp at 60 digits from the exact float x: no subtraction, and the
    # exponent range is unbounded (e^800 and e^-800 are ordinary mpf numbers; the
    # rounding to the dtype makes them inf and 0).
    return MP.exp(x)


def df(x):
    # f' = f: the same evaluation.
    return MP.exp(x)


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return 0.0, math.inf, 0.0, math.inf
