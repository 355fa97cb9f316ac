"""mpmath reference for ReLU6: min(max(x, 0), 6), exact."""

from reference import MP

EXACT = True  # the package must be correctly rounded (0 ulp): it only compares
PARAMS: list[dict[str, float]] = []


def f(x):
    # min(max(x, 0), 6): a comparison, exact.
    return MP.zero if x <= 0 else min(x, MP.mpf(6))


def df(x):
    # 1 on 0 < x < 6, else 0 (PyTorch's value 0 at both kinks x = 0 and x = 6).
    return MP.one if 0 < x < 6 else MP.zero


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return 0.0, 6.0, 0.0, 0.0
