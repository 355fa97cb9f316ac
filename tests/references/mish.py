"""mpmath reference for Mish: x tanh(softplus(x))."""

from reference import MP

EXACT = False
PARAMS: list[dict[str, float]] = []
#: Mish' = 0 at x0 = -1.1924312: within this interval the bound is 4 + kappa(x) ulp.
#: The argmin of f (the root of f′ in ROOTS), found with mpmath.findroot on df: lower = f there.
MINIMUM_AT = -1.1924312145154952
ROOTS = {"df": [(-1.22, -1.163)]}


def _parts(x):
    # v = sigma(-x) = 1 / (1 + e^x), sigma(x) = e^x v and r = v^2 / (1 + v^2): every one
    # a product, quotient or sum of positive terms (mpf exponents do not overflow), so
    # tanh(softplus(x)) = sigma(x) (1 + v) (1 - r) keeps full relative precision.
    e = MP.exp(x)
    v = 1 / (1 + e)
    r = v * v / (1 + v * v)
    return e * v, v, r


def f(x):
    # x sigma(x) (1 + v) / (1 + v^2): products and sums of positive terms only.
    if MP.isinf(x):
        return MP.zero if x < 0 else x
    s, v, _ = _parts(x)
    return x * s * (1 + v) / (1 + v * v)


def df(x):
    # sigma(x) (1 - r) ((1 + v) + 4 x r): 1 - r is in [1/2, 1]; the bracket vanishes only
    # at the root x0 (the function's own cancellation, kappa; 199 bits leave ~150 there).
    if MP.isinf(x):
        return MP.zero if x < 0 else MP.one
    s, v, r = _parts(x)
    return s * (1 - r) * ((1 + v) + 4 * x * r)


def limits():
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return 0.0, float("inf"), 0.0, 1.0
