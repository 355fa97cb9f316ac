"""mpmath reference for sigmoid: sigma(x) = 1 / (1 + e^{-x})."""

from reference import MP

EXACT = False
PARAMS: list[dict[str, float]] = []


def f(x):
    # 1 / (1 + e^{-x}). No subtraction. x -> -inf: e^{-x} is huge but mpf exponents do
    # not overflow, and 1/(1 + huge) keeps full relative precision (~e^{x}).
    # x -> +inf: 1 + tiny rounds at 199 bits, far below float64's 53.
    return 1 / (1 + MP.exp(-x))


def df(x):
    # e^{-|x|} / (1 + e^{-|x|})^2 (sigma' is even). Not s(1 - s): at 199 bits, 1 - s
    # cancels completely for x > ~138 where the true value is still ~e^{-x}.
    e = MP.exp(-abs(x))
    return e / (1 + e) ** 2


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return 0.0, 1.0, 0.0, 0.0
