"""mpmath reference for the Gaussian: e^{-x^2}."""

from reference import MP

EXACT = False
PARAMS: list[dict[str, float]] = []


def f(x):
    # e^{-x^2}: x^2 is exact in mpf (a double squared has 106 bits), and exp of
    # a non-positive number has nothing to cancel or overflow (mpf exponents are
    # unbounded, so e^{-1e600} is a tiny mpf, not 0).
    if MP.isinf(x):
        return MP.zero
    return MP.exp(-x * x)


def df(x):
    # -2x e^{-x^2}: a product, no subtraction.
    if MP.isinf(x):
        return MP.zero
    return -2 * x * MP.exp(-x * x)


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return 0.0, 0.0, 0.0, 0.0
