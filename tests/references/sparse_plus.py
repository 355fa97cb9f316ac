"""mpmath reference for sparse plus: 0, (x + 1)^2 / 4, x on x <= -1, |x| < 1, x >= 1."""

from reference import MP

EXACT = False  # (x + 1)^2 / 4 rounds twice in floating point; the linear pieces are exact
PARAMS: list[dict[str, float]] = []


def f(x):
    # (x + 1)^2 / 4: a sum and a square of a number in (0, 2), no cancellation that
    # matters at 199 bits (x + 1 for x near -1 is exact in mpmath: x is a float).
    if x <= -1:
        return MP.zero
    if x >= 1:
        return x
    return (x + 1) ** 2 / 4


def df(x):
    # (x + 1) / 2 clipped to [0, 1]: continuous, so the kinks of f' need no convention.
    if x <= -1:
        return MP.zero
    if x >= 1:
        return MP.one
    return (x + 1) / 2


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return 0.0, float("inf"), 0.0, 1.0
