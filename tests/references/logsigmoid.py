"""mpmath reference for LogSigmoid: log sigma(x) = -log(1 + e^{-x})."""

import math

from reference import MP
from references import sigmoid

EXACT = False
PARAMS: list[dict[str, float]] = []


def f(x):
    # min(x, 0) - log1p(e^{-|x|}): e^{-|x|} is in (0, 1], log1p keeps it when it
    # is tiny (x -> +inf: f ~ -e^{-x} with full relative precision), and both
    # terms are <= 0, so the difference adds magnitudes and nothing cancels.
    return min(x, MP.zero) - MP.log1p(MP.exp(-abs(x)))


def df(x):
    # sigma(-x), computed as the sigmoid reference: no subtraction.
    return sigmoid.f(-x)


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return -math.inf, 0.0, 1.0, 0.0
