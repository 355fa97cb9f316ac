"""mpmath reference for TeLU: x tanh(e^x)."""

import math

from reference import MP

EXACT = False
PARAMS: list[dict[str, float]] = []
#: TeLU' = 0 at x0 = -1.0788601: within this interval the bound is 4 + kappa(x) ulp.
#: The argmin of f (the root of f′ in ROOTS), found with mpmath.findroot on df: lower = f there.
MINIMUM_AT = -1.078860058464624
ROOTS = {"df": [(-1.105, -1.052)]}
#: Denser random points where the derivative's kernel changes formula (the Taylor window
#: about c = -1105/1024, |x - c| <= 0.8, and its two neighbours) and around the root.
SAMPLES = ((-2.5, 0.5, 2000), (-1.2, -0.95, 1000))
#: Beyond x = 20, 1 - tanh(e^x) < 2 e^{-2 e^20} < 10^(-4e8): f = x and f' = 1 to far more
#: than 120 digits (and e^{-2u} itself would need an exponent too large to hold).
_FLAT = 20


def _parts(x):
    # u = e^x and w = e^{-2u} in (0, 1]; tanh(u) = -expm1(-2u) / (1 + w) and
    # sech^2(u) = 4 w / (1 + w)^2: expm1 keeps tanh(u) ~ u at full relative precision for
    # tiny u (x -> -inf), and nothing else subtracts.
    u = MP.exp(x)
    w = MP.exp(-2 * u)
    return u, -MP.expm1(-2 * u) / (1 + w), 4 * w / (1 + w) ** 2


def f(x):
    # x tanh(e^x): one product of an exact x and a positive factor in (0, 1].
    if MP.isinf(x):  # -inf * 0 / inf * 1: the limits 0 and inf
        return MP.zero if x < 0 else x
    if x > _FLAT:
        return x
    _, t, _ = _parts(x)
    return x * t


def df(x):
    # tanh(u) + x u sech^2(u): for x >= 0 both terms are positive; for x < 0 the second is
    # negative and they cancel only near the root x0 (the function's own cancellation,
    # kappa; 199 bits leave ~150 there); as x -> -inf the sum is ~ (1 + x) e^x, with
    # |1 + x| > 1 beyond x = -2: no loss.
    if MP.isinf(x):  # the limits 0 and 1
        return MP.zero if x < 0 else MP.one
    if x > _FLAT:
        return MP.one
    u, t, s2 = _parts(x)
    return t + x * u * s2


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return 0.0, math.inf, 0.0, 1.0
