"""mpmath reference for QuickGELU: x sigma(1.702 x), with the decimal constant 1.702."""

import math

from reference import MP

EXACT = False
PARAMS: list[dict[str, float]] = []
#: QuickGELU' = SiLU'(1.702 x) = 0 at x0 = z0 / 1.702 = -0.7511543, z0 = -1.2784645 the root of
#: 1 + z + e^z: within this interval the bound is 4 + kappa(x) ulp.
#: The argmin of f (the root of f′ in ROOTS), found with mpmath.findroot on df: lower = f there.
MINIMUM_AT = -0.751154255441289
ROOTS = {"df": [(-0.769, -0.733)]}


def _bits(v):
    """16 bits more than the integer bits of v."""
    return 16 + (max(0, int(MP.mag(v))) if v else 0)


def _z(x):
    # 1.702 x = 851 x / 500, the decimal constant itself, not its float64 rounding (the two differ
    # by 2.5e-17 relative, ~80 ulp of e^{1.702 x} at x = -400). An error in z is a relative error
    # of e^z, so z is formed with as many extra bits as x has integer bits (~1000 at 1e300): its
    # absolute error stays ~2^-200 however large x is (851 x is exact, the division rounds once).
    with MP.extraprec(_bits(x)):
        return MP.mpf(851) * x / 500


def f(x):
    # x / (1 + e^{-z}), z = 1.702 x: a product and a quotient of positive terms, no
    # subtraction; x -> -inf: e^{-z} is huge, but mpf exponents do not overflow (~x e^z, full
    # relative precision); x -> +inf: 1 + tiny at 199 bits.
    if MP.isinf(x):  # -inf / inf: the limits 0 and inf
        return MP.zero if x < 0 else x
    z = _z(x)
    with MP.extraprec(_bits(z)):  # exp of the exact-enough z, to full precision
        return x / (1 + MP.exp(-z))


def df(x):
    # SiLU'(z) at z = 1.702 x, as in references/silu.py: with e = e^{-|z|} <= 1 and d = 1 + e,
    # (d + z e) / d^2 for z >= 0, all terms positive; e (d + z) / d^2 for z < 0, where
    # d + z = 1 + z + e^z vanishes only at the root z0 (the function's own cancellation, kappa;
    # 199 bits leave ~150 correct bits at a float next to x0). No overflow: e <= 1.
    if MP.isinf(x):  # 0 * inf: the limits 0 and 1
        return MP.zero if x < 0 else MP.one
    z = _z(x)
    with MP.extraprec(_bits(z)):
        e = MP.exp(-abs(z))
        d = 1 + e
        return (d + z * e) / d**2 if z >= 0 else e * (d + z) / d**2


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return 0.0, math.inf, 0.0, 1.0
