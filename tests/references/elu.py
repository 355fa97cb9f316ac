"""mpmath reference for ELU: x for x > 0, alpha (e^x - 1) for x <= 0."""

import math

from reference import MP

EXACT = False
PARAMS: list[dict[str, float]] = [{"alpha": 0.5}, {"alpha": 2.0}, {"alpha": 0.3}]


def f(x, alpha):
    # alpha * expm1(x) for x <= 0: mpmath's expm1 is accurate near 0, where
    # e^x - 1 would cancel; for x -> -inf it tends to -1 with nothing to cancel.
    return x if x > 0 else alpha * MP.expm1(x)


def df(x, alpha):
    # alpha * e^x for x <= 0 (PyTorch's value alpha at the kink), 1 for x > 0.
    return MP.one if x > 0 else alpha * MP.exp(x)


def limits(alpha):
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return -alpha, math.inf, 0.0, 1.0
