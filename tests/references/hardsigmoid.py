"""mpmath reference for Hardsigmoid: min(max(0, x/6 + 1/2), 1)."""

from reference import MP

EXACT = False  # the package divides by 6: one rounding after an exact x + 3, not exact
PARAMS: list[dict[str, float]] = []


def f(x):
    # (x + 3)/6 clipped to [0, 1]: x + 3 of a float x is exact at 60 digits
    # near -3 (no cancellation error), and the division rounds at 199 bits.
    if x <= -3:
        return MP.zero
    if x >= 3:
        return MP.one
    return (x + 3) / 6


def df(x):
    # 1/6 on -3 < x < 3, else 0 (PyTorch's value 0 at both kinks x = -3 and x = 3).
    return MP.one / 6 if -3 < x < 3 else MP.zero


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return 0.0, 1.0, 0.0, 0.0
