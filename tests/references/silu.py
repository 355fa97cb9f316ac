"""mpmath reference for SiLU: x sigma(x) = x / (1 + e^{-x})."""

import math

from reference import MP

EXACT = False
PARAMS: list[dict[str, float]] = []
#: SiLU' = 0 at x0 = -1.2784645: within this interval the bound is 4 + kappa(x) ulp.
#: The argmin of f (the root of f′ in ROOTS), found with mpmath.findroot on df: lower = f there.
MINIMUM_AT = -1.2784645427610737
ROOTS = {"df": [(-1.31, -1.248)]}


def f(x):
    # x / (1 + e^{-x}): a product and a quotient of positive terms, no subtraction.
    # x -> -inf: e^{-x} is huge, but mpf exponents do not overflow (~x e^x, full
    # relative precision); x -> +inf: 1 + tiny at 199 bits.
    if MP.isinf(x):  # -inf / inf: the limits 0 and inf
        return MP.zero if x < 0 else x
    return x / (1 + MP.exp(-x))


def df(x):
    # With e = e^{-|x|} <= 1 and d = 1 + e: (d + x e) / d^2 for x >= 0, all terms
    # positive; e (d + x) / d^2 for x < 0, where d + x = 1 + x + e^x vanishes only at
    # the root x0 (cancellation there is the function's, kappa; at 199 bits it still
    # leaves ~150 correct bits at a float next to x0). No overflow: e <= 1.
    if MP.isinf(x):  # 0 * inf: the limits 0 and 1
        return MP.zero if x < 0 else MP.one
    e = MP.exp(-abs(x))
    d = 1 + e
    return (d + x * e) / d**2 if x >= 0 else e * (d + x) / d**2


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return 0.0, math.inf, 0.0, 1.0
