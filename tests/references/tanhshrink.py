"""mpmath reference for Tanhshrink: x - tanh(x)."""

import math

from reference import MP

EXACT = False
PARAMS: list[dict[str, float]] = []


def f(x):
    # x - tanh(x) cancels near 0 even at 199 bits (x = 1e-300: the difference is x^3/3,
    # 600 orders below x). For |x| < 1/4 use the Taylor series x^3/3 - 2x^5/15 + ...,
    # summed by mpmath's taylor of tanh (terms alternate and fall by x^2 < 1/16, no
    # cancellation); elsewhere x - tanh(x) loses < 3 of 199 bits.
    if abs(x) < 0.25:
        return _series(x)
    return x - MP.tanh(x)


def _series(x):
    # x - tanh x = sum_{n>=2} -2^{2n}(2^{2n}-1) B_{2n} x^{2n-1} / (2n)!: the terms alternate in
    # sign and shrink by at least x^2 * 0.4 per step, so 80 terms reach 10^-60 relative.
    s = MP.zero
    x2 = x * x
    for n in range(2, 90):
        s -= MP.mpf(2) ** (2 * n) * (MP.mpf(2) ** (2 * n) - 1) * MP.bernoulli(2 * n) \
            * x ** (2 * n - 1) / MP.factorial(2 * n)
        if n > 3 and abs(x2) ** n < MP.mpf(10) ** -70:
            break
    return s


def df(x):
    # tanh(x)^2: a square, no subtraction (1 - sech^2 would cancel near 0).
    return MP.tanh(x) ** 2


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return -math.inf, math.inf, 1.0, 1.0
