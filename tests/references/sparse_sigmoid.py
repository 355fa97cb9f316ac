"""mpmath reference for the sparse sigmoid: clip((x + 1) / 2, 0, 1)."""

from reference import MP

EXACT = True
PARAMS: list[dict[str, float]] = []


def f(x):
    # (x + 1) / 2 on (-1, 1), exact in mpmath at 199 bits (x is a float: x + 1 needs
    # at most ~1100 bits only for subnormal x, where it is 1 to far more than 53 bits).
    if x <= -1:
        return MP.zero
    if x >= 1:
        return MP.one
    return (x + 1) / 2


def df(x):
    # 1/2 inside, 0 outside; at the kinks x = +-1 jax.grad's 1/4, the mean of the two sides.
    if abs(x) == 1:
        return MP.mpf(1) / 4
    return MP.mpf(1) / 2 if abs(x) < 1 else MP.zero


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return 0.0, 1.0, 0.0, 0.0
