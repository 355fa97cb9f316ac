"""mpmath reference for Serf: x erf(softplus(x)) = x erf(ln(1 + e^x))."""

import math

from reference import MP

EXACT = False
PARAMS: list[dict[str, float]] = []
#: Serf' = 0 at x0 = -1.1930600: within this interval the bound is 4 + kappa(x) ulp.
#: The argmin of f (the root of f′ in ROOTS), found with mpmath.findroot on df: lower = f there.
MINIMUM_AT = -1.193059968928188
ROOTS = {"df": [(-1.22, -1.165)]}


def _softplus(x):
    # max(x, 0) + log1p(e^{-|x|}): a sum of non-negative terms, e^{-|x|} <= 1, so nothing
    # overflows or cancels; for x -> -inf it is log1p(e^x) ~ e^x at full relative precision.
    return max(x, MP.zero) + MP.log1p(MP.exp(-abs(x)))


def f(x):
    # x erf(s): erf of a positive s keeps its relative precision (erf(s) ~ 2 s / sqrt(pi) for
    # tiny s, erf(s) -> 1 for large s); one product, no subtraction.
    if MP.isinf(x):  # -inf * 0 / inf * 1: the limits 0 and inf
        return MP.zero if x < 0 else x
    return x * MP.erf(_softplus(x))


def df(x):
    # erf(s) + (2 / sqrt(pi)) x e^{-s^2} sigma(x), sigma(x) = 1 / (1 + e^{-x}): for x >= 0
    # both terms are positive; for x < 0 they have opposite signs and cancel only near the
    # root x0 (the function's own cancellation, kappa; 199 bits leave ~150 there); as
    # x -> -inf the sum is ~ (2 / sqrt(pi)) (1 + x) e^x, with |1 + x| > 1: no loss.
    if MP.isinf(x):  # the limits 0 and 1
        return MP.zero if x < 0 else MP.one
    s = _softplus(x)
    sig = 1 / (1 + MP.exp(-x)) if x >= 0 else MP.exp(x) / (1 + MP.exp(x))
    return MP.erf(s) + 2 / MP.sqrt(MP.pi) * x * MP.exp(-s * s) * sig


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return 0.0, math.inf, 0.0, 1.0
