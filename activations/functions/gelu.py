"""GELU (Gaussian error linear unit), exact and in its tanh form."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import special

from .._checks import choice_param, elementwise
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Parameter, Properties, Reference, Text

#: The two forms, with PyTorch's names.
_FORMS = ("none", "tanh")
#: 2^27 + 1: Veltkamp's constant, splitting a float64 into two 26-bit halves.
_SPLITTER = 134217729.0
_SQRT1_2 = 0.7071067811865476  # 1/sqrt(2), rounded
_RSQRT_2PI = 0.3989422804014327  # 1/sqrt(2 pi), rounded
#: Below _CUT, Phi(x) = erfcx(-x/sqrt 2) e^{-x^2/2} / 2 (scipy's erfc loses
#: digits there); beyond |x| = _BIG, x Phi(x) and x phi(x) are 0 (or x, 1).
_CUT = -1.0
_BIG = 40.0
#: e^{-x^2/2} is subnormal below _DEEP: then e^{-x^2/4} is applied twice.
_DEEP = -37.5
#: GELU' = 0 at x0 = -0.75179; _C is the float64 next to it. Within
#: |x - _C| <= _R, GELU' is the Taylor series about _C below (coefficients
#: from mpmath at 60 digits, rounded), in Horner form: it keeps full relative
#: accuracy up to the root, where Phi(x) + x phi(x) cancels (GELU' is entire:
#: 35 terms leave < 1e-19 at |x - _C| = 0.8).
_C = -0.7517915246935645
_R = 0.8
_TAYLOR = (
    -6.453751729367753e-18,
    0.4314939923140469,
    0.388284982990552,
    -0.01819967639867108,
    -0.1140082332972217,
    -0.01477152214824434,
    0.019421679838189064,
    0.004539228379125416,
    -0.002239538068073497,
    -0.0007448268386746817,
    0.0001863397462323351,
    8.615947861116571e-05,
    -1.121438018842664e-05,
    -7.74846130700372e-06,
    4.3284506257392263e-07,
    5.702764979242107e-07,
    -1.6044265494246338e-09,
    -3.5459866461783865e-08,
    -1.3969420864262027e-09,
    1.90319840501314e-09,
    1.4506418938779429e-10,
    -8.950037692726255e-11,
    -9.950340824808054e-12,
    3.725967039270118e-12,
    5.482292964742325e-13,
    -1.3820118240601056e-13,
    -2.587150847550751e-14,
    4.5781678242713335e-15,
    1.0789662518230159e-15,
    -1.3507094681149317e-16,
    -4.0514385281601486e-17,
    3.508210778008598e-18,
    1.386912168501325e-18,
    -7.77715004568655e-20,
    -4.367664669884747e-20,
)
#: The tanh form's constants as double-doubles (hi + lo, lo from mpmath):
#: k = 2 sqrt(2/pi) and a = 0.044715 (the decimal), so 2u = k x (1 + a x^2).
_K_HI, _K_LO = 1.5957691216057308, -9.96930880911092e-17
_A_HI, _A_LO = 0.044715, 2.1960211427085595e-18
#: Its derivative's root x1 = -0.75246: _T is the float64 next to it,
#: _E_T = e^{2u(_T)} and _N_T = 1 + e^{2u(_T)} + 2 _T u'(_T), from mpmath.
_T = -0.7524614220710163
_E_T = 0.29195521191476714
_N_T = -8.945866560204453e-17
#: The expansion about _T is used for x in [_T_LO, _T_HI]: N cancels there.
_T_LO, _T_HI = -1.6, -0.35
#: Beyond |x| = _TBIG, e^{2u(-|x|)} = 0; below _TDEEP it is subnormal.
_TBIG = 30.0
_TDEEP = -21.0


#: Elements per block: every temporary is a block, not the whole array.
_BLOCK = 1 << 14


def _blocks(kernel: Callable[[np.ndarray], np.ndarray],
            x: np.ndarray) -> np.ndarray:
    """kernel(x) in float64, block by block, rounded once to x's dtype."""
    flat = x.reshape(-1)
    out = np.empty(flat.shape, x.dtype)
    for i in range(0, flat.size, _BLOCK):
        out[i:i + _BLOCK] = kernel(flat[i:i + _BLOCK].astype(np.float64))
    return out.reshape(x.shape)


def _split(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Veltkamp's split: x = hi + lo exactly, hi holding the upper 26 bits."""
    t = _SPLITTER * x
    hi = t - (t - x)
    return hi, x - hi


def _two_product(a: np.ndarray, b: float) -> tuple[np.ndarray, np.ndarray]:
    """Dekker's product: a b = p + e exactly, from the halves of a and b."""
    p = a * b
    ah, al = _split(a)
    bh, bl = _split(b)
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl


def _two_sum(a: float, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Knuth's sum: a + b = s + e exactly."""
    s = a + b
    bb = s - a
    return s, (a - (s - bb)) + (b - bb)


def _gauss(x: np.ndarray, s: float) -> np.ndarray:
    """e^{-s x^2} for s = 1/2 or 1/4, from x^2 = hi^2 + (2 hi + lo) lo."""
    hi, lo = _split(x)
    e = np.exp(-s * hi * hi)  # hi^2 is exact: no rounding of x^2
    return e + e * np.expm1(-s * (2 * hi + lo) * lo)


def _two_u(n: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """2u = k n (1 + a n^2) as a double-double r + re (|n| <= 30)."""
    p, pe = _two_product(n, n)
    q, qe = _two_product(p, _A_HI)
    s, se = _two_sum(1.0, q)
    se += qe + pe * _A_HI + p * _A_LO
    m, me = _two_product(n, s)
    r, re = _two_product(m, _K_HI)
    re += m * _K_LO + (me + n * se) * _K_HI
    return r, re


def _exact(x: np.ndarray) -> np.ndarray:
    """x Phi(x), in float64."""
    out = special.ndtr(x)
    # max(x, -40): at -inf, -40 * 0 = -0 rather than -inf * 0 = NaN
    np.multiply(np.maximum(x, -_BIG), out, out=out)
    tail = x < _CUT
    if tail.any():  # erfcx: no exp(-z^2) from a rounded z^2 inside
        t = np.maximum(x[tail], -_BIG)
        cx = special.erfcx(t * -_SQRT1_2)
        out[tail] = ((0.5 * t) * cx) * _gauss(t, 0.5)
    return out


def _exact_derivative(x: np.ndarray) -> np.ndarray:
    """Phi(x) + x phi(x), in float64."""
    t = np.clip(x, -_BIG, _BIG)  # phi(+-40) = 0: no inf * 0
    out = _gauss(t, 0.5)
    np.multiply(out, t * _RSQRT_2PI, out=out)
    np.add(out, special.ndtr(x), out=out)
    tail = x < _C - _R
    if tail.any():  # e^{-x^2/2} (erfcx(z)/2 + x/sqrt(2 pi))
        t = t[tail]
        g = 0.5 * special.erfcx(t * -_SQRT1_2) + t * _RSQRT_2PI
        deep = t < _DEEP  # e^{-x^2/4} twice: normal where e^{-x^2/2} is not
        g[~deep] *= _gauss(t[~deep], 0.5)
        h = _gauss(t[deep], 0.25)
        g[deep] = (g[deep] * h) * h
        out[tail] = g
    near = np.abs(x - _C) <= _R
    if near.any():  # the Taylor series about the root, in Horner form
        d = x[near] - _C
        s = np.full_like(d, _TAYLOR[-1])
        for c in _TAYLOR[-2::-1]:
            s *= d
            s += c
        out[near] = s
    return out


def _tanh_form(x: np.ndarray) -> np.ndarray:
    """x sigma(2u) = x / (1 + e^{-2u}), in float64."""
    n = -np.minimum(np.abs(x), _TBIG)  # n = -|x|: e^{2u(n)} <= 1
    r, re = _two_u(n)
    e = np.exp(r)
    e += e * re  # e^{r + re} = e^r (1 + re): 2u kept to ~2^-100 absolute
    # sigma(2u(x)) = num / (1 + e): num = 1 for x >= 0, e for x < 0
    num = np.maximum(e, x >= 0)
    np.divide(num, 1 + e, out=num)
    out = np.maximum(x, -_TBIG) * num  # -30 * 0 = -0 at -inf, not NaN
    deep = x < _TDEEP
    if deep.any():  # (x e^u) e^u, with e^u normal where e^{2u} is not
        r, re = _two_u(n[deep])
        h = np.exp(0.5 * r)
        h += h * (0.5 * re)
        out[deep] = (np.maximum(x[deep], -_TBIG) * h) * h
    return out


def _tanh_form_derivative(x: np.ndarray) -> np.ndarray:
    """sigma + 2x sigma (1 - sigma) u', from g = f'(-|x|) as 1 - g or g."""
    n = -np.minimum(np.abs(x), _TBIG)
    r, re = _two_u(n)
    e = np.exp(r)
    e += e * re
    # g = e N / (1 + e)^2 with N = 1 + e + k n (1 + 3 a n^2)
    big_n = n * n
    np.multiply(big_n, 3 * _A_HI, out=big_n)
    np.add(big_n, 1, out=big_n)
    np.multiply(big_n, n * _K_HI, out=big_n)
    big_n += 1 + e
    mid = (_T_LO <= n) & (n <= _T_HI)
    if mid.any():  # N about _T: d and expm1 share a sign, only _N_T cancels
        m = n[mid]
        d = m - _T
        q = m * m + m * _T + _T * _T  # (m^3 - _T^3) = d q
        w = _K_HI * d * (1 + _A_HI * q)  # 2u(m) - 2u(_T)
        w = _E_T * np.expm1(w) + _K_HI * d * (1 + 3 * _A_HI * q)
        big_n[mid] = _N_T + w
    out = e * big_n
    deep = n < _TDEEP
    if deep.any():  # ((N e^u) e^u): e^u normal where e^{2u} is not
        r, re = _two_u(n[deep])
        h = np.exp(0.5 * r)
        h += h * (0.5 * re)
        out[deep] = (big_n[deep] * h) * h
    np.divide(out, 1 + e, out=out)
    np.divide(out, 1 + e, out=out)  # g = f'(-|x|), in [-0.13, 0.5]
    # f'(x) + f'(-x) = 1: f' = g for x < 0 and 1 - g for x >= 0
    s = np.copysign(1.0, x)
    np.multiply(out, s, out=out)
    np.subtract(np.maximum(s, 0), out, out=out)
    return out


@elementwise
def gelu(x: np.ndarray, approximate: str = "none") -> np.ndarray:
    r"""Gaussian error linear unit, exact or in its tanh form, element-wise.

    .. math:: \operatorname{GELU}(x) = x\,\Phi(x)
              = \frac{x}{2}\Bigl(1 + \operatorname{erf}\frac{x}{\sqrt 2}\Bigr)

    With ``approximate="tanh"``:
    :math:`\frac{x}{2}\bigl(1 + \tanh(\sqrt{2/\pi}\,(x + 0.044715\,x^{3}))\bigr)`.

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.
    approximate : {"none", "tanh"}, default "none"
        ``"none"``: the exact x Phi(x); ``"tanh"``: the tanh formula of
        Hendrycks and Gimpel, as PyTorch names it.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [-0.17, inf].

    Raises
    ------
    ValueError
        If ``approximate`` is a string other than "none" and "tanh".
    TypeError
        If ``approximate`` is not a string.

    Notes
    -----
    Computed in float64 whatever the dtype, in blocks of 16384 elements (so
    that no temporary is as large as x), and rounded once. The exact form
    is x ``scipy.special.ndtr(x)`` for x >= -1. Below, ndtr (through erfc)
    computes exp(-z^2) from a rounded z^2 and loses up to ~450 ulp, so
    Phi(x) = erfcx(z) e^{-x^2/2} / 2 with z = -x/sqrt(2) instead: erfcx is
    well conditioned in z, and x^2 is split exactly (Veltkamp), so the
    exponential sees no rounded square. The tanh form is x sigma(2u) with
    2u = k x (1 + a x^2) in double-double arithmetic: e^{2u} turns an
    absolute error of 2u into a relative one, |2u| up to ~745 times larger.

    Examples
    --------
    >>> gelu([-1.0, 0.0, 2.0])
    array([-0.15865525,  0.        ,  1.95449974])
    >>> gelu([-1.0, 0.0, 2.0], approximate="tanh")
    array([-0.15880801,  0.        ,  1.95459769])
    """
    form = choice_param(approximate, "approximate", _FORMS)
    return _blocks(_tanh_form if form == "tanh" else _exact, x)


@elementwise
def gelu_derivative(x: np.ndarray, approximate: str = "none") -> np.ndarray:
    r"""Derivative of GELU with respect to x, element-wise.

    .. math:: \operatorname{GELU}'(x) = \Phi(x) + x\,\varphi(x),
              \qquad \varphi(x) = \frac{e^{-x^{2}/2}}{\sqrt{2\pi}}

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`gelu`).
    approximate : {"none", "tanh"}, default "none"
        See :func:`gelu`; ``"tanh"`` gives the derivative of the tanh form.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in about [-0.129, 1.129].

    Notes
    -----
    GELU'(x) + GELU'(-x) = 1 in both forms. The exact form is
    ndtr(x) + x phi(x), with phi from the exact split of x^2; below
    x = -1.55 it is e^{-x^2/2} (erfcx(z)/2 + x/sqrt(2 pi)). Near its root
    x0 = -0.75179 the sum cancels whatever the formula, so within 0.8 of x0
    it is a Taylor series about x0 (coefficients from mpmath). The tanh form
    computes g = e N / (1 + e)^2 at n = -|x|, e = e^{2u(n)} <= 1 and
    N = 1 + e + 2 n u'(n), and takes 1 - g for x >= 0. N vanishes at the
    root x1 = -0.75246, so near it N is expanded about x1 exactly:
    N = N(x1) + e^{2u(x1)} expm1(2u(n) - 2u(x1)) + k d (1 + 3 a q), with
    d = n - x1 and q = n^2 + n x1 + x1^2, two terms of one sign.

    Examples
    --------
    >>> gelu_derivative([-1.0, 0.0, 2.0])
    array([-0.08331547,  0.5       ,  1.0852318 ])
    """
    form = choice_param(approximate, "approximate", _FORMS)
    if form == "tanh":
        return _blocks(_tanh_form_derivative, x)
    return _blocks(_exact_derivative, x)


def _naive(x: np.ndarray, approximate: str = "none") -> np.ndarray:
    if approximate == "tanh":
        u = np.sqrt(2 / np.pi) * (x + 0.044715 * x**3)
        return 0.5 * x * (1 + np.tanh(u))
    return 0.5 * x * (1 + special.erf(x / np.sqrt(2)))


def _naive_derivative(x: np.ndarray, approximate: str = "none") -> np.ndarray:
    if approximate == "tanh":
        u = np.sqrt(2 / np.pi) * (x + 0.044715 * x**3)
        t = np.tanh(u)
        du = np.sqrt(2 / np.pi) * (1 + 3 * 0.044715 * x**2)
        return 0.5 * (1 + t) + 0.5 * x * (1 - t**2) * du
    cdf = 0.5 * (1 + special.erf(x / np.sqrt(2)))
    return cdf + x * np.exp(-x**2 / 2) / np.sqrt(2 * np.pi)


SPEC = register(Activation(
    name="gelu",
    slug="gelu",
    order=410,
    title=Text("GELU", "GELU"),
    full_name=Text("高斯误差线性单元", "Gaussian error linear unit"),
    summary=Text(
        "输入乘以标准正态分布函数 Φ(x)：光滑、非单调，负半轴有一个浅谷后趋于 0，"
        "是 BERT、GPT 等 Transformer 的默认激活函数。",
        "The input times the standard normal distribution function Φ(x): smooth and "
        "non-monotonic, with a shallow dip for negative input before it tends to 0; the "
        "default activation of Transformers such as BERT and GPT.",
    ),
    forward=gelu,
    derivative=gelu_derivative,
    latex=r"\operatorname{GELU}(x) = x\,\Phi(x)"
    r" = \frac{x}{2}\left(1 + \operatorname{erf}\frac{x}{\sqrt{2}}\right)",
    latex_derivative=r"\operatorname{GELU}'(x) = \Phi(x) + x\,\varphi(x),"
    r"\qquad \varphi(x) = \frac{1}{\sqrt{2\pi}}\,e^{-x^{2}/2}",
    parameters=(
        Parameter(
            "approximate", "", "none", r'\texttt{"none"},\ \texttt{"tanh"}',
            Text("\"none\"：精确的 $x\\,\\Phi(x)$；\"tanh\"：用 tanh 近似 Φ 的公式 "
                 "$\\frac{x}{2}\\bigl(1 + \\tanh(\\sqrt{2/\\pi}\\,(x + 0.044715\\,x^{3}))\\bigr)$",
                 "\"none\": the exact $x\\,\\Phi(x)$; \"tanh\": the formula that approximates Φ "
                 "with tanh, $\\frac{x}{2}\\bigl(1 + \\tanh(\\sqrt{2/\\pi}\\,(x + 0.044715\\,x^{3}))\\bigr)$"),
            check=lambda v: v in _FORMS,
        ),
    ),
    properties=Properties(
        range=r"[-0.1700,\ +\infty)",
        monotonic=False,
        smoothness=r"C^\infty",
        zero_centred=False,
        saturation=("soft", "none"),
        bounded="below",
        lower=-0.16997120747990367,
        upper=float("inf"),
        note=Text(
            "最小值在 x₀ ≈ −0.7518 处，GELU(x₀) ≈ −0.1700；导数的取值范围约为 [−0.1289, 1.1289]，"
            "极值在 x = ∓√2 处，且 GELU′(x) + GELU′(−x) = 1。tanh 形式的最小值在 x ≈ −0.7525 处，"
            "约为 −0.1700，与精确形式之差不超过 0.0005。",
            "The minimum is at x₀ ≈ −0.7518, where GELU(x₀) ≈ −0.1700; the derivative lies in "
            "about [−0.1289, 1.1289], with its extrema at x = ∓√2, and GELU′(x) + GELU′(−x) = 1. "
            "The tanh form has its minimum at x ≈ −0.7525, also about −0.1700, and differs from "
            "the exact form by at most 0.0005."),
    ),
    kink=None,
    references=(
        Reference(
            "Dan Hendrycks, Kevin Gimpel", 2016,
            "Gaussian error linear units (GELUs)",
            "arXiv:1606.08415", "https://arxiv.org/abs/1606.08415",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.gelu", "(input, approximate='none')",
            module="torch.nn.GELU(approximate='none')",
            difference=Text(
                "前向按 $\\tfrac{x}{2}\\bigl(1 + \\operatorname{erf}(x/\\sqrt2)\\bigr)$ 计算，"
                "负半轴的尾部 1 + erf 相消：x = −2.5 处差 35 个 ulp，x = −8 处差约 2%，"
                "x ≤ −10 时结果为 −0（真值到 x ≈ −38.6 仍不为 0），x = −∞ 时 0 与 −∞ 相乘得 NaN。"
                "自动求导在 ±∞ 处给出 NaN；尾部的导数丢掉了 Φ(x) 一项，只剩 $x\\varphi(x)$，"
                "x = −10 处偏大约 1%。",
                "The forward pass computes $\\tfrac{x}{2}\\bigl(1 + \\operatorname{erf}(x/\\sqrt2)"
                "\\bigr)$, and 1 + erf cancels in the negative tail: off by 35 ulp at "
                "x = −2.5, by about 2% at x = −8, and −0 for x ≤ −10 (the true value is not 0 down to "
                "x ≈ −38.6); at x = −∞, (−∞)·0 is NaN. Autograd gives NaN at ±∞, and in the tail the "
                "derivative loses the term Φ(x), leaving $x\\varphi(x)$ only: about 1% too large "
                "in magnitude at x = −10."),
            call="torch.nn.functional.gelu(x)",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -2.5, -0.015524163314440398),
                Deviation("f", -10.0, -0.0),
                Deviation("f", -25.0, -0.0),
                Deviation("f", -37.0, -0.0),
                Deviation("f", -8.0, -4.884981308350689e-15),
                Deviation("f", -30.0, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -10.0, -7.694598626706419e-22),
                Deviation("df", -25.0, -1.9134824341048484e-135),
                Deviation("df", -37.0, -7.84402424064104e-297),
                Deviation("df", -8.0, -3.9807546004751306e-14),
                Deviation("df", -30.0, -4.420938404635643e-195),
            ),
        ),
        FrameworkName(
            "Keras", "keras.activations.gelu", "(x, approximate=False)",
            difference=Text(
                "keras.activations.gelu 默认是精确形式，而 keras.ops.gelu(x, approximate=True) "
                "默认是 tanh 形式。在 JAX 后端上它调用 jax.nn.gelu(x, approximate=False)，"
                "按 $\\tfrac{x}{2}\\operatorname{erfc}(-x/\\sqrt2)$ 计算，没有相消，"
                "但 erfc 在尾部的误差使 x = −8、−10、−30、−37 等处的值差出几十到几百个 ulp"
                "（相对误差从 x = −8 处的 7e−15 到 x = −37 处的 1.1e−13）；"
                "x = −∞ 时得 NaN，自动求导在 ±∞ 处给出 NaN。",
                "keras.activations.gelu defaults to the exact form, while "
                "keras.ops.gelu(x, approximate=True) defaults to the tanh form. On the JAX backend "
                "it calls jax.nn.gelu(x, approximate=False), which computes "
                "$\\tfrac{x}{2}\\operatorname{erfc}(-x/\\sqrt2)$: nothing cancels, but the error of "
                "erfc in the tail puts the values at x = −8, −10, −30, −37 and the like tens to hundreds "
                "of ulp off (relative errors from 7e−15 at x = −8 to 1.1e−13 at x = −37); x = −∞ gives "
                "NaN, and autograd gives NaN at ±∞."),
            call="keras.activations.gelu(x)",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -10.0, -7.619853024160472e-23),
                Deviation("f", -37.0, -2.1184613523338515e-298),
                Deviation("f", -8.0, -4.976768459417392e-15),
                Deviation("f", -30.0, -1.4720141781443724e-196),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -10.0, -7.618400096464759e-22),
                Deviation("df", -37.0, -7.838298669417625e-297),
                Deviation("df", -8.0, -3.979607261086768e-14),
                Deviation("df", -30.0, -4.416031690708244e-195),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.gelu", "(x, approximate=True)",
            difference=Text(
                "默认 approximate=True，即 tanh 形式（本包的 approximate=\"tanh\"）；"
                "approximate=False 给出精确形式。tanh 形式按 $\\tfrac{x}{2}(1 + \\tanh u)$ 计算，"
                "负半轴 1 + tanh u 相消：x = −2.5 处差 163 个 ulp，x ≤ −8 时结果为 −0，"
                "导数为 0；x = −∞ 时得 NaN。导数在 ±∞ 和 ±1e300 处为 NaN（$x^{3}$ 上溢），"
                "在普通输入上也有最大约 $3.6 \\times 10^{-14}$ 的绝对误差（x ≈ 7.3）。",
                "The default approximate=True is the tanh form (this package's "
                "approximate=\"tanh\"); approximate=False gives the exact form. The tanh form is "
                "computed as $\\tfrac{x}{2}(1 + \\tanh u)$, and 1 + tanh u cancels for negative "
                "input: off by 163 ulp at x = −2.5, −0 for x ≤ −8 with a derivative of "
                "0; x = −∞ gives NaN. The derivative is NaN at ±∞ and ±1e300 ($x^{3}$ overflows), "
                "and errs by up to about $3.6 \\times 10^{-14}$ at ordinary inputs (x ≈ 7.3)."),
            call="jax.nn.gelu(x)",
            params=(("approximate", "tanh"),),
            ordinary_error=4e-14,
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -2.5, -0.0150842660899983),
                Deviation("f", -10.0, -0.0),
                Deviation("f", -8.0, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", 1e+300, float("nan")),
                Deviation("df", -1e+300, float("nan")),
                Deviation("df", -2.5, -0.037951576212665414),
                Deviation("df", -10.0, 0.0),
                Deviation("df", -8.0, 0.0),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.gelu", "(x, approximate=False, name=None)",
            module="paddle.nn.GELU(approximate=False)",
            difference=Text(
                "approximate 是布尔值（也接受 \"none\"、\"tanh\"），默认 False 即精确形式。"
                "前向和自动求导的差异与 PyTorch 一行相同：尾部 1 + erf 相消，x ≤ −10 时得 −0，"
                "−∞ 处得 NaN，导数在 ±∞ 处为 NaN、在尾部丢掉 Φ(x) 一项。",
                "approximate is a bool (\"none\" and \"tanh\" are accepted too), False by default: "
                "the exact form. The forward pass and autograd differ as in the PyTorch row: 1 + erf "
                "cancels in the tail, x ≤ −10 gives −0 and −∞ NaN, and the derivative is NaN at ±∞ "
                "and loses the term Φ(x) in the tail."),
            call="paddle.nn.functional.gelu(x)",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -2.5, -0.015524163314440398, varies=1e-13),  # ...440259 on AVX-512
                Deviation("f", -10.0, -0.0),
                Deviation("f", -25.0, -0.0),
                Deviation("f", -37.0, -0.0),
                Deviation("f", -8.0, -4.884981308350689e-15),
                Deviation("f", -30.0, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -10.0, -7.694598626706419e-22),
                Deviation("df", -25.0, -1.913482434104848e-135),
                Deviation("df", -37.0, -7.844024240641042e-297),
                Deviation("df", -8.0, -3.9807546004751306e-14),
                Deviation("df", -30.0, -4.420938404635643e-195),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.gelu", "(input, approximate='none')",
            module="mindspore.nn.GELU(approximate=True)",
            difference=Text(
                "函数式 ops.gelu 默认 \"none\"（精确形式），而层 nn.GELU 的 approximate 是布尔值，"
                "默认 True，即 tanh 形式。",
                "The functional ops.gelu defaults to \"none\" (the exact form), while the layer "
                "nn.GELU takes a bool approximate that defaults to True: the tanh form."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.gelu.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-8.0, -10.0, -30.0),
    plot_range=(-4.0, 4.0),
    speed_exemption=(
        "Exact GELU within 4 ulp has no fast primitive in NumPy or SciPy: scipy.special.ndtr and "
        "erfcx are scalar C loops (Cephes, Faddeeva), several times slower than torch's vectorized "
        "erf, and the accuracy costs more passes on top (the exact split of x^2 for e^{-x^2/2}, the "
        "Taylor series near the derivative's root, double-double arithmetic in the tanh form; "
        "float32 is computed in float64). Within 3x it would take a vectorized, accurate "
        "erfc/erfcx ufunc, e.g. SLEEF's, exposed in NumPy or SciPy."),
    implementation=Text(
        "所有输入都先转成双精度计算，最后只舍入一次到原来的类型。"
        "精确形式在 x ≥ −1 时算 x 乘以 `scipy.special.ndtr(x)`（即 Φ(x)），"
        "乘数先经 `np.maximum` 截到 −40，使 $-\\infty \\cdot 0$ 变成 −0 而不是 NaN。"
        "x < −1 时 ndtr 内部的 erfc 用舍入过的 $z^{2}$ 去算 $e^{-z^{2}}$，误差可达数百 ulp，"
        "所以改用 $\\Phi(x) = \\tfrac12\\,\\mathrm{erfcx}(z)\\,e^{-x^{2}/2}$，$z = -x/\\sqrt2$："
        "`scipy.special.erfcx` 对 z 的条件数约为 1，z 的舍入几乎不影响结果；"
        "$e^{-x^{2}/2}$ 则先用 Veltkamp 拆分把 x 写成高 26 位与低位之和 $x = h + l$，"
        "$h^{2}$ 精确，再算 $e^{-h^{2}/2}\\,(1 + \\mathrm{expm1}(-(2h + l)\\,l/2))$"
        "（`np.exp`、`np.expm1`），指数里没有舍入过的平方；"
        "x < −37.5 时 $e^{-x^{2}/2}$ 是次正规数，改为乘两次 $e^{-x^{2}/4}$。"
        "导数 $\\Phi(x) + x\\varphi(x)$ 用 `np.clip` 把 x 截到 [−40, 40] 后同样计算 φ，"
        "x < −1.55 时写成 $e^{-x^{2}/2}\\bigl(\\tfrac12\\mathrm{erfcx}(z) + x/\\sqrt{2\\pi}\\bigr)$。"
        "导数的零点 $x_0 \\approx -0.7518$ 附近两项相消，无论用哪个公式都会丢掉有效数字，"
        "所以在 $|x - x_0| \\le 0.8$ 内改用在 $x_0$ 处展开的 35 项泰勒级数"
        "（系数由 mpmath 算好，`np.full_like` 起头，按秦九韶（Horner）法求和），直到零点都保持相对精度。"
        "tanh 形式按 $x\\,\\sigma(2u)$、$2u = k x (1 + a x^{2})$ 计算，"
        "$k = 2\\sqrt{2/\\pi}$ 和 $a = 0.044715$ 都存成“双双精度”（高位加低位），"
        "$2u$ 用 Dekker 的精确乘积和 Knuth 的精确加法算到约 $2^{-100}$ 的绝对误差："
        "负半轴的 $e^{2u}$ 会把 2u 的绝对误差放大成相对误差，|2u| 可达 745。"
        "只在 $n = -|x|$（`np.abs`、`np.minimum` 截到 30）处求 $e = e^{2u(n)} \\le 1$，"
        "不会上溢；分子取 `np.maximum(e, x >= 0)`，x ≥ 0 时为 1、x < 0 时为 e，再除以 1 + e。"
        "导数利用 $f'(x) + f'(-x) = 1$：算 $g = e N / (1 + e)^{2}$，"
        "$N = 1 + e + k n (1 + 3 a n^{2})$，x ≥ 0 时取 $1 - g$（`np.copysign` 和 `np.maximum`）；"
        "N 在零点 $x_1 \\approx -0.7525$ 附近相消，在 [−1.6, −0.35] 内改写成精确恒等式 "
        "$N = N(x_1) + e^{2u(x_1)}\\,\\mathrm{expm1}(2u(n) - 2u(x_1)) + k d (1 + 3 a q)$，"
        "$d = n - x_1$、$q = n^{2} + n x_1 + x_1^{2}$，后两项同号，只有 mpmath 给出的小常数 $N(x_1)$ 会抵消。"
        "$e^{2u}$ 是次正规数时（x < −21）改为乘两次 $e^{u}$。"
        "直接使用 scipy 的这些函数是有代价的：单是 erfcx 的误差就可达 5 ulp，"
        "所以本包对 GELU 的要求是 float64 下 6 ulp，而不是其他函数的 4 ulp"
        "（实测最坏：精确形式的 f 在 [−3, −1] 内为 6，tanh 形式的 f′ 为 5）；float32 在 1 ulp 以内。",
        "Every input is computed in float64 and rounded once to its own dtype at the end. The "
        "exact form is x times `scipy.special.ndtr(x)` (that is, Φ(x)) for x ≥ −1, the factor x "
        "first raised to −40 by `np.maximum`, so that −∞ · 0 gives −0, not NaN. Below −1 the erfc "
        "inside ndtr computes $e^{-z^{2}}$ from a rounded $z^{2}$ and errs by up to hundreds of "
        "ulp, so there $\\Phi(x) = \\tfrac12\\,\\mathrm{erfcx}(z)\\,e^{-x^{2}/2}$ with "
        "$z = -x/\\sqrt2$: `scipy.special.erfcx` has a condition number of about 1 in z, so the "
        "rounding of z costs next to nothing, and $e^{-x^{2}/2}$ comes from Veltkamp's split "
        "$x = h + l$ (h the upper 26 bits, so $h^{2}$ is exact) as "
        "$e^{-h^{2}/2}\\,(1 + \\mathrm{expm1}(-(2h + l)\\,l/2))$ (`np.exp`, `np.expm1`): no "
        "rounded square enters an exponential. Below −37.5, where $e^{-x^{2}/2}$ is subnormal, "
        "$e^{-x^{2}/4}$ is applied twice instead. The derivative $\\Phi(x) + x\\varphi(x)$ "
        "computes φ the same way from x clipped to [−40, 40] (`np.clip`), and below −1.55 as "
        "$e^{-x^{2}/2}\\bigl(\\tfrac12\\mathrm{erfcx}(z) + x/\\sqrt{2\\pi}\\bigr)$. Near the "
        "derivative's root $x_0 \\approx -0.7518$ the two terms cancel whatever the formula, so "
        "for $|x - x_0| \\le 0.8$ it is the 35-term Taylor series about $x_0$ instead "
        "(coefficients from mpmath, started with `np.full_like` and summed in Horner form), which "
        "keeps full relative accuracy up to the root. The tanh form is $x\\,\\sigma(2u)$ with "
        "$2u = k x (1 + a x^{2})$, where $k = 2\\sqrt{2/\\pi}$ and $a = 0.044715$ are stored as "
        "double-doubles (a high and a low part) and 2u is computed with Dekker's exact product "
        "and Knuth's exact sum to an absolute error of about $2^{-100}$: on the negative side "
        "$e^{2u}$ turns the absolute error of 2u into a relative one, and |2u| reaches 745. It "
        "takes $e = e^{2u(n)} \\le 1$ at $n = -|x|$ only (`np.abs`, then `np.minimum` at 30), "
        "so nothing overflows; the numerator `np.maximum(e, x >= 0)` is 1 for x ≥ 0 and e for "
        "x < 0, divided by 1 + e. The derivative uses $f'(x) + f'(-x) = 1$: it computes "
        "$g = e N / (1 + e)^{2}$ with $N = 1 + e + k n (1 + 3 a n^{2})$ and takes $1 - g$ for "
        "x ≥ 0 (`np.copysign` and `np.maximum`); N cancels near its root $x_1 \\approx -0.7525$, "
        "so on [−1.6, −0.35] it is the exact identity "
        "$N = N(x_1) + e^{2u(x_1)}\\,\\mathrm{expm1}(2u(n) - 2u(x_1)) + k d (1 + 3 a q)$ with "
        "$d = n - x_1$ and $q = n^{2} + n x_1 + x_1^{2}$, whose last two terms share a sign: only "
        "the small constant $N(x_1)$ from mpmath can cancel. Where $e^{2u}$ is subnormal "
        "(x < −21), $e^{u}$ is applied twice instead. The price of using scipy's primitives as "
        "they are: erfcx alone errs by up to 5 ulp, so this package holds GELU to 6 ulp in "
        "float64 (measured worst: 6 for exact f at x in [−3, −1], 5 for the tanh form's f′), "
        "not the 4 of the other functions; float32 is within 1 ulp.",
    ),
))
