"""mpmath reference for Squareplus: (x + sqrt(x^2 + b)) / 2."""

import math

from reference import MP

EXACT = False
#: b = 0 is ReLU (a kink at 0); a small and a large b move the curved region in and out.
PARAMS: list[dict[str, float]] = [{"b": 0.0}, {"b": 1e-6}, {"b": 1e6}]


def _h(x, b):
    # sqrt(x^2 + b): a sum of two non-negative numbers, and no overflow in mpmath.
    return MP.sqrt(x * x + b)


def f(x, b):
    # max(x, 0) + b / (2 (h + |x|)): since (h - |x|)(h + |x|) = b, the second term is
    # (h - |x|) / 2 without subtracting; every operation adds or divides non-negative
    # numbers, so nothing cancels (x + h itself would cancel for x -> -inf).
    if b == 0:
        return x if x > 0 else MP.zero
    return max(x, MP.zero) + b / (2 * (_h(x, b) + abs(x)))


def df(x, b):
    # g = b / (2 h (h + |x|)) in (0, 1/2]; f' = g for x < 0 and 1 - g for x >= 0
    # (1 - g >= 1/2: no cancellation). b = 0: ReLU's 0 / 1, and 0 at the kink x = 0.
    if b == 0:
        return MP.one if x > 0 else MP.zero
    h = _h(x, b)
    g = b / (2 * h * (h + abs(x)))
    return g if x < 0 else 1 - g


def limits(b):
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return 0.0, math.inf, 0.0, 1.0
