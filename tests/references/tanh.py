"""mpmath reference for tanh."""

from reference import MP

EXACT = False
PARAMS: list[dict[str, float]] = []


def f(x):
    # mpmath's tanh works with guard bits and is accurate in relative terms near 0
    # (tanh(1e-300) = 1e-300 (1 - 3e-601)) and gives 1 - 2e^{-2x} in the tails.
    return MP.tanh(x)


def df(x):
    # sech(x)^2 = 1 / cosh(x)^2: a product of positive numbers, no subtraction. Not
    # 1 - tanh^2, which cancels (even at 199 bits for |x| > ~69).
    return MP.sech(x) ** 2


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return -1.0, 1.0, 0.0, 0.0
