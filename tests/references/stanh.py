"""mpmath reference for STanh: b tanh(a x)."""

from reference import MP

EXACT = False
#: The paper's 2/3, tanh itself (a = b = 1), a steep and a nearly linear case.
PARAMS: list[dict[str, float]] = [
    {"scale_a": 2 / 3, "scale_b": 1.7159},
    {"scale_a": 1.0, "scale_b": 1.0},
    {"scale_a": 40.0, "scale_b": 0.5},
    {"scale_a": 1e-3, "scale_b": 3.0},
]


def f(x, scale_a, scale_b):
    # mpmath's tanh keeps its relative accuracy near 0 and gives 1 - 2e^{-2t} in the
    # tails; a x and the product with b are exact-to-199-bits products, no subtraction.
    return scale_b * MP.tanh(scale_a * x)


def df(x, scale_a, scale_b):
    # a b sech(a x)^2: a product of positive factors, no 1 - tanh^2 (which cancels even
    # at 199 bits for |a x| > ~69); mpf exponents do not underflow.
    return scale_a * scale_b * MP.sech(scale_a * x) ** 2


def limits(scale_a, scale_b):
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return -scale_b, scale_b, 0.0, 0.0
