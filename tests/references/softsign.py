"""mpmath reference for Softsign: x / (1 + |x|)."""

from reference import MP

EXACT = False
PARAMS: list[dict[str, float]] = []


def f(x):
    # One sum of positive numbers and one quotient: no cancellation, and mpf's exponent
    # range has no overflow at |x| = 1e308. At ±inf, inf/inf would be NaN: the limit is ±1.
    if MP.isinf(x):
        return MP.sign(x)
    return x / (1 + abs(x))


def df(x):
    # 1 / (1 + |x|)^2: positive terms only; no overflow in mpf.
    return 1 / (1 + abs(x)) ** 2


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return -1.0, 1.0, 0.0, 0.0
