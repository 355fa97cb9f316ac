"""mpmath reference for SELU: lambda x for x > 0, lambda alpha (e^x - 1) for x <= 0."""

import math

from reference import MP

EXACT = False
PARAMS: list[dict[str, float]] = []

# alpha_01 and lambda_01 in closed form (Klambauer et al. 2017): alpha makes the
# mean of SELU(z), z ~ N(0, 1), zero, and lambda its second moment one; at 60
# digits they agree with the paper's 32 digits.
_E = MP.erfc(1 / MP.sqrt(2))
ALPHA = MP.sqrt(2 / MP.pi) / (1 - MP.sqrt(MP.e) * _E)
SCALE = ((1 - _E * MP.sqrt(MP.e)) * MP.sqrt(2 * MP.pi)
         / MP.sqrt(2 * MP.erfc(MP.sqrt(2)) * MP.e ** 2 + MP.pi * _E ** 2 * MP.e
                   - 2 * (2 + MP.pi) * _E * MP.sqrt(MP.e) + MP.pi + 2))


def f(x):
    # lambda alpha expm1(x) for x <= 0: mpmath's expm1 is accurate near 0, where
    # e^x - 1 would cancel, and tends to -1 as x -> -inf with nothing to cancel.
    return SCALE * x if x > 0 else SCALE * ALPHA * MP.expm1(x)


def df(x):
    # lambda alpha e^x for x <= 0 (PyTorch's value lambda alpha at the kink), lambda for x > 0.
    return SCALE if x > 0 else SCALE * ALPHA * MP.exp(x)


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return float(-SCALE * ALPHA), math.inf, 0.0, float(SCALE)
