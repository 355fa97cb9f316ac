"""mpmath reference for GELU: x Phi(x), and the tanh form x (1 + tanh u) / 2."""

import math

from reference import MP

EXACT = False
PARAMS: list[dict[str, str]] = [{"approximate": "tanh"}]
#: GELU' = 0 at x0 = -0.7517915 (exact form) and x1 = -0.7524614 (tanh form): within this
#: interval the bound is 4 + kappa(x) ulp.
#: The argmin of f (the root of f′ in ROOTS), found with mpmath.findroot on df: lower = f there.
MINIMUM_AT = -0.7517915246935645
ROOTS = {"df": [(-0.772, -0.735)]}
#: A measured wider bound, not the 4 ulp of the others: scipy.special.erfcx alone errs by up to
#: 5 ulp for z = -x/sqrt(2) in 0.5..5 (3,000 random points per band), ndtr and erfc by far more
#: (Cephes forms exp(-z^2) from a rounded z^2), so exact GELU measures 6 ulp at x in [-3, -1] and
#: the tanh form's f' 5 ulp near x = -0.724; 4 ulp would take a series of x Phi(x) about a point
#: near -2, which is writing the error function by hand. The SAMPLES look where it peaks.
ULPS = {"float64": 6}
SAMPLES = ((-3.0, -1.0, 1500), (-10.0, -5.0, 500), (-1.6, -0.35, 1000))
#: torch's tanh-form backward (approximate="tanh") at ordinary points, measured: 4.6e-15 absolute
#: at x = 7.15 (torch 1, true 1 + 4.6e-15) and -7.16 (torch 0, true -4.1e-15); the PyTorch row is
#: at the exact default, so its ordinary_error does not cover this case.
TORCH_ORDINARY_ERROR = ((("approximate", "tanh"),), 5e-15),

#: 0.044715 as the decimal it is written as, and sqrt(2/pi), both at 60 digits.
_A = MP.mpf("0.044715")


def _extra(x) -> int:
    """Bits to add so that x^2 (exact form) or x^3 (tanh form) in an exponent keeps 199 bits
    after the exponential: the absolute error of an exponent e is the relative error of e^e."""
    return 3 * int(MP.log(abs(x), 2)) + 20 if abs(x) > 1 else 0


def _phi_parts(x):
    # phi(x) = e^{-x^2/2}/sqrt(2 pi), with x^2 exact (106 bits < 199). Q = Phi(-|x|) is
    # erfc(|x|/sqrt 2)/2: mpmath's erfc keeps full relative precision for any mpf argument,
    # the tail included (erfc(z) ~ e^{-z^2}/(z sqrt pi), no cancellation); the rounding of
    # z = |x|/sqrt 2 costs ~z^2 2^-p, so p grows with x^2 (_extra). Beyond |x| = 1e4 (where
    # mpmath's erfc overflows a float inside), Q = phi(x)/|x| sum_n (-1)^n (2n-1)!!/x^{2n},
    # the asymptotic series: 12 terms leave < 1e-90 there. Phi(x) = Q or 1 - Q: no cancellation.
    with MP.extraprec(_extra(x)):
        pdf = MP.exp(-x * x / 2) / MP.sqrt(2 * MP.pi)
        a = abs(x)
        if a <= 10**4:
            q = MP.erfc(a / MP.sqrt(2)) / 2
        else:
            term, total = MP.one, MP.zero
            for n in range(12):
                total += term
                term *= -(2 * n + 1) / (a * a)
            q = pdf / a * total
        return (q if x < 0 else 1 - q), pdf


def _tanh_parts(x):
    # 2u = 2 sqrt(2/pi) (x + 0.044715 x^3); with e = e^{-2|u|} <= 1 (no overflow),
    # sigma(2u) = 1/(1 + e) for x >= 0 and e/(1 + e) for x < 0: sums of positive terms,
    # no 1 + tanh(u) cancelling for u << 0. The rounding of u costs |2u| 2^-p in e: _extra.
    with MP.extraprec(_extra(x)):
        u = MP.sqrt(2 / MP.pi) * (x + _A * x**3)
        e = MP.exp(-2 * abs(u))
        s = 1 / (1 + e) if x >= 0 else e / (1 + e)
        du = MP.sqrt(2 / MP.pi) * (1 + 3 * _A * x * x)
        return s, e / (1 + e) ** 2, du  # sigma(2u), sigma(2u)(1 - sigma(2u)), u'


def f(x, approximate="none"):
    if MP.isinf(x):  # the limits: 0 at -inf, inf at +inf
        return MP.zero if x < 0 else x
    if approximate == "tanh":
        return x * _tanh_parts(x)[0]  # a product: nothing cancels
    return x * _phi_parts(x)[0]


def df(x, approximate="none"):
    # s + x (...): for x >= 0 two positive terms; for x < 0 they cancel only at the root
    # (the function's own cancellation, kappa: at 199 bits it still leaves ~140 correct bits
    # at a float next to it); for x -> -inf the second term dominates by a factor x^2.
    if MP.isinf(x):
        return MP.zero if x < 0 else MP.one
    if approximate == "tanh":
        s, ss, du = _tanh_parts(x)
        with MP.extraprec(_extra(x)):
            return s + 2 * x * ss * du
    cdf, pdf = _phi_parts(x)
    with MP.extraprec(_extra(x)):
        return cdf + x * pdf


def limits(approximate="none"):
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly, in both forms."""
    return 0.0, math.inf, 0.0, 1.0
