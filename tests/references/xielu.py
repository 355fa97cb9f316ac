"""mpmath reference for xIELU: alpha_p x^2 + beta x for x > 0,
alpha_n (expm1(min(x, eps)) - x) + beta x for x <= 0."""

import math

from reference import MP

EXACT = False
PARAMS: list[dict[str, float]] = [
    # (alpha_n, beta) doubled: the same roots x0 and xr, other scales
    {"alpha_p": 0.3, "alpha_n": 1.6, "beta": 1.0, "eps": -1e-6},
    {"alpha_p": 2.0, "alpha_n": 0.6, "beta": 0.1, "eps": -1e-3},
    # the effective bfloat16 values of Transformers' XIELUActivation at its initialisation
    {"alpha_p": 0.8046875, "alpha_n": 0.80078125, "beta": 0.5, "eps": -9.98377799987793e-07},
]
#: f' = 0 at x0 = ln(1 - beta / alpha_n) = ln(3/8) (mpmath.findroot on df agrees): the minimum.
MINIMUM_AT = -0.9808292530117262


def f(x, alpha_p, alpha_n, beta, eps):
    # x > 0: a sum of two positive terms, nothing cancels. x <= 0: expm1 keeps e^m - 1 accurate
    # near 0 (m = min(x, eps)); alpha_n (expm1(m) - x) and beta x have opposite signs and cancel
    # near the root of f at -2.43 (the function's own cancellation: 199 bits leave ~145 at the
    # nearest float) and near 0, where beta x dominates: expm1(x) - x loses its digits there but
    # its error, 1e-60 |x|, is 1e-60 relative to beta x. As x -> -inf, (beta - alpha_n) x dominates.
    if MP.isinf(x):
        return MP.inf
    if x > 0:
        return alpha_p * x * x + beta * x
    return alpha_n * (MP.expm1(min(x, eps)) - x) + beta * x


def df(x, alpha_p, alpha_n, beta, eps):
    # 2 alpha_p x + beta for x > 0; beta - alpha_n on (eps, 0] (min(x, eps) = eps is constant);
    # alpha_n expm1(x) + beta for x < eps (cancels only at the root x0 of f', ~150 bits left);
    # at x = eps the mean of both sides, as torch autograd of torch.min gives it.
    if MP.isinf(x):
        return MP.inf if x > 0 else beta - alpha_n
    if x > 0:
        return 2 * alpha_p * x + beta
    if x > eps:
        return beta - alpha_n
    if x == eps:
        return alpha_n * MP.exp(eps) / 2 + beta - alpha_n
    return alpha_n * MP.expm1(x) + beta


def limits(alpha_p, alpha_n, beta, eps):
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return math.inf, math.inf, beta - alpha_n, math.inf
