"""xIELU (expanded integral of the exponential linear unit)."""

from __future__ import annotations

import functools
import math
from decimal import Decimal, localcontext
from typing import NamedTuple

import numpy as np

from .._checks import elementwise, real_param
from .._registry import register
from .._spec import Activation, Deviation, Elsewhere, FrameworkName, Parameter, Properties, Reference, Text
from .quick_gelu import _blocks

#: 1/(k+2)!, k = 0..19: g(d) = e^d - 1 - d = d^2 sum_k d^k / (k+2)!; for
#: |d| <= 1 the terms left out are below 1/22! < 1e-21 of the first, 1/2.
_G = tuple(1.0 / math.factorial(k + 2) for k in range(20))


class _Anchors(NamedTuple):
    """Constants of the side x <= 0, from the parameters as the dtype holds them."""

    b: float  # alpha_n - beta > 0, the slope of -f for x -> -inf
    eps: float  # eps as the dtype holds it
    h_eps: float  # f(eps): f(x) = f(eps) - b (x - eps) on (eps, 0]
    x0: float  # x0 = ln(1 - beta / alpha_n), the root of f' (the minimum),
    x0_lo: float  # as x0 + x0_lo
    fmin: float  # f(x0) = -beta - b x0, the minimum value
    xr: float  # xr < x0, the negative root of f,
    xr_lo: float  # as xr + xr_lo
    a: float  # alpha_n e^xr
    f1: float  # f'(xr) = alpha_n e^xr - b < 0
    d_eps: float  # f'(eps): the mean of the two one-sided derivatives
    m1: float  # x0 / 2: above it the expansion about 0 is used
    m2: float  # (x0 + xr) / 2: between m2 and m1 the one about x0


def _constants(
    alpha_n: float, beta: float, eps: float, dtype: str
) -> _Anchors:
    """The roots x0 of f' and xr of f and the values there, with Python's
    decimal module at 50 digits, from the parameters as the dtype holds
    them (scalars, once per call: a root known only to a float would cost
    the kernels their accuracy there)."""
    t = np.dtype(dtype).type
    with localcontext() as ctx:
        ctx.prec = 50
        an, b, e = (Decimal(float(t(v))) for v in (alpha_n, beta, eps))
        slope = an - b
        x0 = (slope / an).ln()  # alpha_n e^x0 = alpha_n - beta

        def h(x: Decimal) -> Decimal:
            return an * (x.exp() - 1 - x) + b * x

        xr = -2 * b / an  # doubled until h > 0: left of the root
        while h(xr) <= 0:
            xr *= 2
        for _ in range(200):  # Newton from the left: h is convex
            step = h(xr) / (an * (xr.exp() - 1) + b)
            xr -= step
            if abs(step) <= abs(xr) * Decimal(10) ** -45:
                break

        def split(v: Decimal) -> tuple[float, float]:
            hi = float(t(float(v)))  # v = hi + lo, two floats
            return hi, float(t(float(v - Decimal(hi))))

        x0_hi, x0_lo = split(x0)
        xr_hi, xr_lo = split(xr)
        ea = xr.exp() * an
        # f'(eps) from the parameters as given: one value in every dtype
        a64, b64 = Decimal(alpha_n), Decimal(beta)
        d_eps = a64 * Decimal(eps).exp() / 2 + b64 - a64
        return _Anchors(
            b=float(alpha_n) - float(beta), eps=float(e), h_eps=float(h(e)),
            x0=x0_hi, x0_lo=x0_lo, fmin=float(-b - slope * x0),
            xr=xr_hi, xr_lo=xr_lo, a=float(ea), f1=float(ea - slope),
            d_eps=float(d_eps), m1=float(x0 / 2), m2=float((x0 + xr) / 2),
        )


#: The constants, cached: one decimal computation per parameters and dtype.
_anchors = functools.lru_cache(maxsize=64)(_constants)


def _params(
    alpha_p: float, alpha_n: float, beta: float, eps: float
) -> tuple[float, float, float, float]:
    """The four parameters, checked: finite, alpha_p > 0, 0 < beta < alpha_n,
    eps < 0."""
    ap = real_param(alpha_p, "alpha_p", positive=True)
    an = real_param(alpha_n, "alpha_n")
    b = real_param(beta, "beta", positive=True)
    e = real_param(eps, "eps")
    if not an > b:
        raise ValueError(f"alpha_n must be > beta, got alpha_n={an}, beta={b}")
    if not e < 0:
        raise ValueError(f"eps must be < 0, got {e}")
    return ap, an, b, e


def _g(d: np.ndarray) -> np.ndarray:
    """g(d) = e^d - 1 - d >= 0, without the cancellation of expm1(d) - d."""
    out = np.empty_like(d)
    small = np.abs(d) <= 1
    t = d[small]
    acc = np.full_like(t, _G[-1])
    for c in _G[-2::-1]:  # Horner: 1/2 + t (1/6 + t (1/24 + ...))
        acc *= t
        acc += c
    acc *= t * t
    out[small] = acc
    low = d < -1  # (-1 - d) + e^d: two terms >= 0, nothing cancels
    out[low] = (-1 - d[low]) + np.exp(d[low])
    high = ~(small | low)  # d > 1: expm1(d) > 1.7 d, a mild loss at most
    out[high] = np.expm1(d[high]) - d[high]
    return out


def _computed_in(dtype: np.dtype) -> str:
    """The dtype the kernels compute in: float16 in float32 (see _blocks)."""
    return "f" if dtype == np.float16 else dtype.char


def _forward_block(x: np.ndarray, out: np.ndarray, *, ap: float, an: float,
                   b: float, e: float, k: _Anchors) -> None:
    """xIELU of one block of a float32/64 array, into out."""
    pos = x > 0
    xp = x[pos]
    # x (alpha_p x + beta) beyond the largest float: inf is the right value
    with np.errstate(over="ignore"):
        out[pos] = xp * (ap * xp + b)
    flat = (x > e) & ~pos  # (eps, 0]: min(x, eps) = eps
    # f(eps) - b (x - eps): two terms <= 0, x - eps exact near eps
    out[flat] = k.h_eps - k.b * (x[flat] - k.eps)
    neg = ~(x > e)  # x <= eps, -inf and NaN
    near0 = neg & (x >= k.m1)  # beta x dominates alpha_n g(x)
    t = x[near0]
    out[near0] = b * t + an * _g(t)
    mid = neg & (x < k.m1) & (x >= k.m2)  # about the minimum x0
    t = (x[mid] - k.x0) - k.x0_lo  # x - x0 exact, then its low part
    out[mid] = k.fmin + k.b * _g(t)
    far = neg & ~(x >= k.m2)  # about the root xr; also -inf and NaN
    t = (x[far] - k.xr) - k.xr_lo  # x - xr exact near xr
    # f'(xr) t + alpha_n e^xr g(t): nothing cancels for t < 0, little above
    out[far] = k.f1 * t + k.a * _g(t)


def _derivative_block(x: np.ndarray, out: np.ndarray, *, ap: float, b: float,
                      e: float, k: _Anchors) -> None:
    """xIELU' of one block, into out."""
    pos = x > 0
    # 2 alpha_p x + beta beyond the largest float: inf is the right value
    with np.errstate(over="ignore"):
        out[pos] = (2 * ap) * x[pos] + b
    out[(x > e) & ~pos] = -k.b  # (eps, 0]: the slope beta - alpha_n
    out[x == e] = k.d_eps  # the tie of min(x, eps): the mean of both sides
    left = ~(x >= e)  # x < eps, -inf and NaN
    t = (x[left] - k.x0) - k.x0_lo  # x - x0 exact near x0
    out[left] = k.b * np.expm1(t)


@elementwise
def xielu(
    x: np.ndarray,
    alpha_p: float = 0.8,
    alpha_n: float = 0.8,
    beta: float = 0.5,
    eps: float = -1e-6,
) -> np.ndarray:
    r"""xIELU, element-wise.

    .. math:: \operatorname{xIELU}(x) = \begin{cases}
              \alpha_p x^2 + \beta x & x > 0 \\
              \alpha_n\,(\operatorname{expm1}(\min(x, \varepsilon)) - x)
              + \beta x & x \le 0 \end{cases}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.
    alpha_p : float, default 0.8
        Curvature of the positive side. Finite, > 0.
    alpha_n : float, default 0.8
        Scale of the negative side. Finite, > beta.
    beta : float, default 0.5
        Slope at 0 from the right. Finite, 0 < beta < alpha_n.
    eps : float, default -1e-6
        Where min(x, eps) stops the exponential. Finite, < 0.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [f(x0), inf].

    Raises
    ------
    ValueError
        If a parameter is not finite, alpha_p or beta is not > 0, alpha_n
        is not > beta, or eps is not < 0.

    Notes
    -----
    For x > 0 the value is x (alpha_p x + beta): no x * x to overflow
    before alpha_p scales it down. On (eps, 0] it is f(eps) - (alpha_n -
    beta)(x - eps), two terms of one sign. For x <= eps the formula is
    h(x) = alpha_n (e^x - 1 - x) + beta x, which cancels near its negative
    root xr, near its minimum at x0 = ln(1 - beta / alpha_n) and near 0. So
    h is expanded about the anchor nearest x: with g(d) = e^d - 1 - d,
    h = beta x + alpha_n g(x) above x0 / 2, h = h(x0) + (alpha_n - beta)
    g(x - x0) down to (x0 + xr) / 2, and h = h'(xr)(x - xr) + alpha_n e^xr
    g(x - xr) below: exact identities (Taylor's theorem, h'' = alpha_n e^x),
    each a sum of two terms that cancel by at most a factor of about 3.
    x0 and xr are computed once (decimal, 50 digits) and kept as two floats
    each, so that x - x0 and x - xr keep their relative accuracy even at
    the roots. g is a Taylor series for |d| <= 1, (-1 - d) + e^d below -1
    and expm1(d) - d above 1. float16 is computed in float32.

    Examples
    --------
    >>> xielu([-1.0, 0.0, 2.0])
    array([-2.05696447e-01, -7.99999600e-07,  4.20000000e+00])
    """
    ap, an, b, e = _params(alpha_p, alpha_n, beta, eps)
    k = _anchors(an, b, e, _computed_in(x.dtype))
    e = float(x.dtype.type(e))  # eps as the input's dtype holds it: the tie
    block = functools.partial(_forward_block, ap=ap, an=an, b=b, e=e, k=k)
    return _blocks(block, x)


@elementwise
def xielu_derivative(
    x: np.ndarray,
    alpha_p: float = 0.8,
    alpha_n: float = 0.8,
    beta: float = 0.5,
    eps: float = -1e-6,
) -> np.ndarray:
    r"""Derivative of xIELU with respect to x, element-wise.

    .. math:: \operatorname{xIELU}'(x) = \begin{cases}
              2\alpha_p x + \beta & x > 0 \\ \beta - \alpha_n
              & \varepsilon < x \le 0 \\ \alpha_n (e^{x} - 1) + \beta
              & x < \varepsilon \end{cases}

    At x = 0 the value is beta - alpha_n, and at x = eps the mean of the two
    one-sided derivatives, alpha_n e^eps / 2 + beta - alpha_n: what PyTorch
    autograd gives for the Transformers formula (torch.min splits the
    gradient in two at a tie).

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`xielu`).
    alpha_p, alpha_n, beta, eps : float
        See :func:`xielu`.

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``.

    Notes
    -----
    alpha_n (e^x - 1) + beta cancels at its root x0 = ln(1 - beta /
    alpha_n); it equals (alpha_n - beta) expm1(x - x0), with x0 kept as two
    floats (see :func:`xielu`): then x - x0 is exact near x0 and nothing
    cancels anywhere. The value at eps is computed once, with the constants.

    Examples
    --------
    >>> xielu_derivative([-1.0, 0.0, 2.0])
    array([-0.00569645, -0.3       ,  3.7       ])
    """
    ap, an, b, e = _params(alpha_p, alpha_n, beta, eps)
    k = _anchors(an, b, e, _computed_in(x.dtype))
    e = float(x.dtype.type(e))  # eps as the input's dtype holds it: the tie
    block = functools.partial(_derivative_block, ap=ap, b=b, e=e, k=k)
    return _blocks(block, x)


def _naive(
    x: np.ndarray, alpha_p: float = 0.8, alpha_n: float = 0.8, beta: float = 0.5, eps: float = -1e-6
) -> np.ndarray:
    return np.where(x > 0, alpha_p * x**2 + beta * x,
                    alpha_n * (np.exp(np.minimum(x, eps)) - 1 - x) + beta * x)


def _naive_derivative(
    x: np.ndarray, alpha_p: float = 0.8, alpha_n: float = 0.8, beta: float = 0.5, eps: float = -1e-6
) -> np.ndarray:
    return np.where(x > 0, 2 * alpha_p * x + beta,
                    np.where(x < eps, alpha_n * (np.exp(x) - 1) + beta, beta - alpha_n))


_PAPER = Reference(
    "Allen Hao Huang, Imanol Schlag", 2024,
    "Deriving activation functions using integration",
    "arXiv preprint arXiv:2411.13010", "https://arxiv.org/abs/2411.13010",
)

#: The frameworks rows, at this package's defaults (alpha_p = alpha_n = 0.8 is
#: factored out), each with min(x, eps) in the framework's shortest form.
_TORCH = "torch.where(x > 0, x*x, x.clamp(max=-1e-6).expm1() - x)*0.8 + 0.5*x"
_KERAS = "keras.ops.where(x > 0, x*x, keras.ops.expm1(keras.ops.minimum(x, -1e-6)) - x)*0.8 + 0.5*x"
_JAX = "jax.numpy.where(x > 0, x*x, jax.nn.elu(x.clip(max=-1e-6)) - x)*0.8 + 0.5*x"
_PADDLE = "paddle.where(x > 0, x*x, x.clip(max=-1e-6).expm1() - x)*0.8 + 0.5*x"

SPEC = register(Activation(
    name="xielu",
    slug="xielu",
    order=350,
    title=Text("xIELU", "xIELU"),
    full_name=Text("扩展 ELU 积分（xIELU）", "expanded integral of the exponential linear unit (xIELU)"),
    summary=Text(
        "由导数积分得到：正半轴为 α_p x² + βx，负半轴导数可以为负，x → −∞ 时函数值回升；Apertus 模型使用。",
        "Derived by integrating its derivative: α_p x² + βx for positive input, a derivative that can "
        "be negative for negative input, so that f rises again as x → −∞; used in the Apertus models.",
    ),
    forward=xielu,
    derivative=xielu_derivative,
    latex=r"\operatorname{xIELU}(x) = \begin{cases} \alpha_p x^{2} + \beta x, & x > 0 \\ "
          r"\alpha_n\left(e^{\min(x,\,\varepsilon)} - 1 - x\right) + \beta x, & x \le 0 \end{cases}",
    latex_derivative=r"\operatorname{xIELU}'(x) = \begin{cases} 2\alpha_p x + \beta, & x > 0 \\ "
                     r"\beta - \alpha_n, & \varepsilon < x \le 0 \\ "
                     r"\alpha_n\left(e^{x} - 1\right) + \beta, & x < \varepsilon \end{cases}",
    parameters=(
        Parameter(
            "alpha_p", r"\alpha_p", 0.8, r"\alpha_p > 0",
            Text("正半轴二次项的系数，决定导数 2α_p x + β 增长多快。Transformers 里它是可学习参数，"
                 "存的是 softplus 之前的值，初始化为 softplus⁻¹(0.8)",
                 "the coefficient of the square on the positive side: how fast the derivative 2α_p x + β "
                 "grows. Learnable in Transformers, stored before a softplus and initialized to "
                 "softplus⁻¹(0.8)"),
            check=lambda v: v > 0,
        ),
        Parameter(
            "alpha_n", r"\alpha_n", 0.8, r"\alpha_n > \beta",
            Text("负半轴的尺度：x → −∞ 时导数趋向 β − α_n < 0。Transformers 里它是可学习参数，"
                 "α_n = β + softplus(·)，初始化使 α_n = 0.8，因而总有 α_n > β",
                 "the scale of the negative side: the derivative tends to β − α_n < 0 as x → −∞. "
                 "Learnable in Transformers as α_n = β + softplus(·), initialized so that α_n = 0.8: "
                 "hence always α_n > β"),
            check=lambda v: v > 0.5,  # at the default beta
        ),
        Parameter(
            "beta", r"\beta", 0.5, r"0 < \beta < \alpha_n",
            Text("x = 0 右侧的斜率，也是两段线性项的系数。Transformers 和论文代码里它是固定的缓冲区，不参与训练",
                 "the slope just right of 0, and the coefficient of the linear term on both sides. A fixed "
                 "buffer in Transformers and the paper's code: not trained"),
            check=lambda v: 0 < v < 0.8,  # at the default alpha_n
        ),
        Parameter(
            "eps", r"\varepsilon", -1e-6, r"\varepsilon < 0",
            Text("指数里 min(x, ε) 的截断点：(ε, 0] 上函数是一段直线。固定值，不参与训练",
                 "where min(x, ε) stops the exponential: on (ε, 0] the function is a straight line. "
                 "Fixed, not trained"),
            check=lambda v: v < 0,
        ),
    ),
    properties=Properties(
        range=r"[-0.20575\ldots,\ +\infty)",
        monotonic=False,
        smoothness=Text("不连续（在 x = 0 处向上跳 −α_n·expm1(ε) ≈ 8.0e−7；导数在 ε 处跳跃）",
                        "discontinuous (jumps up by −α_n·expm1(ε) ≈ 8.0e−7 at x = 0; the derivative jumps at ε)"),
        zero_centred=False,
        saturation=("none", "none"),
        bounded="below",
        lower=-0.2057512240964821,
        upper=float("inf"),
        note=Text(
            "默认参数下最小值在 $x_0 = \\ln(1 - \\beta/\\alpha_n) = \\ln(3/8) \\approx -0.98083$，"
            "f(x₀) ≈ −0.20575；负零点在 x ≈ −2.4325，再往左 f 以斜率 β − α_n = −0.3 回升到 +∞。"
            "两侧都无上界，不单调。(ε, 0] 上导数是常数 β − α_n = −0.3：f 从 ε 到 0 下降 3.0e−7，"
            "再在 0 处向上跳约 8.0e−7。",
            "At the defaults the minimum is at $x_0 = \\ln(1 - \\beta/\\alpha_n) = \\ln(3/8) \\approx -0.98083$, "
            "f(x₀) ≈ −0.20575; the negative root is at x ≈ −2.4325, and further left f rises back to +∞ with "
            "slope β − α_n = −0.3. Unbounded above on both sides, not monotonic. On (ε, 0] the derivative "
            "is the constant β − α_n = −0.3: f falls by 3.0e−7 from ε to 0, then jumps up by about 8.0e−7 "
            "at 0."),
    ),
    kink=Text(
        "x = 0 处函数本身跳跃：本包取 f(0) = α_n·expm1(ε) ≈ −8.0e−7（负半轴的公式），"
        "导数取 f′(0) = β − α_n = −0.3；x = ε 处导数从左侧的 α_n(e^ε − 1) + β ≈ 0.4999992 跳到右侧的 −0.3，"
        "本包取两侧的平均 α_n e^ε/2 + β − α_n ≈ 0.0999996。两者都与 PyTorch 自动求导对 Transformers 公式"
        "（torch.where 与 torch.min）给出的值一致：torch.min 在 x = ε 处两个自变量相等，把梯度各分一半。",
        "The function itself jumps at x = 0: this package takes f(0) = α_n·expm1(ε) ≈ −8.0e−7 (the "
        "formula of the negative side) and f′(0) = β − α_n = −0.3; at x = ε the derivative jumps from "
        "α_n(e^ε − 1) + β ≈ 0.4999992 on the left to −0.3 on the right, and this package takes the mean "
        "of the two, α_n e^ε/2 + β − α_n ≈ 0.0999996. Both are the values PyTorch autograd gives for "
        "the Transformers formula (torch.where and torch.min): at x = ε the two arguments of torch.min "
        "are equal, and it splits the gradient between them.",
    ),
    references=(_PAPER,),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.where", "(condition, input, other, *, out=None)",
            difference=Text(
                "PyTorch 没有这个函数，这里在本包默认值下组合（α_p = α_n = 0.8 提到括号外），"
                "min(x, ε) 写成 clamp："
                "x = ε 处自动求导给出左侧的导数 0.4999992（本包取两侧平均 0.0999996，"
                "即 Transformers 所用 torch.min 的值）。"
                "x = −∞ 处 inf − inf 得 NaN，函数值和导数都是 NaN（真值 +∞ 与 −0.3）；"
                "x·x 在 x = 1.4e154 处上溢为 +∞（真值 1.568e308）；公式在零点附近相消："
                "x = −2.5 处函数值的相对误差约 2e−15，"
                "导数在最小值点 x₀ 的最近浮点数处为 0（真值 −1.3e−17）。",
                "PyTorch does not ship this function; the row composes it at this package's defaults (α_p = "
                "α_n = 0.8 factored out), with clamp for min(x, ε): at x = ε autograd gives the left "
                "derivative 0.4999992 (this package takes the mean of both sides, 0.0999996, the value of the "
                "torch.min that Transformers uses). At x = −∞, inf − inf gives NaN for both the value and the "
                "derivative (the true values are +∞ and −0.3); x·x overflows to +∞ at x = 1.4e154 (the true "
                "value is 1.568e308); the formula cancels near the roots: at x = −2.5 the value has a "
                "relative error of about 2e−15, and at the float nearest the minimum x₀ the derivative is 0 "
                "(the true value is −1.3e−17)."),
            call=_TORCH,
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -2.5, 0.015667998899119073),
                Deviation("f", 1.4e+154, float("inf")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -0.9808292530117262, 0.0),
                Deviation("df", -1e-06, 0.4999992000004),
            ),
            composed=True,
        ),
        FrameworkName(
            "Keras", "keras.ops.where", "(condition, x1=None, x2=None)",
            difference=Text(
                "Keras 没有这个函数，这里与 PyTorch 一行同样组合，"
                "min(x, ε) 写成 keras.ops.minimum。在 JAX 后端上差异与 JAX 一行相同。",
                "Keras does not ship this function; the row composes it as the PyTorch row does, with "
                "keras.ops.minimum for min(x, ε). On the JAX backend it differs as in the JAX row."),
            call=_KERAS,
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -2.5, 0.015667998899119073),
                Deviation("f", 1.4e+154, float("inf")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -0.9808292530117262, 0.0),
                Deviation("f", 5e-324, -7.999996000001332e-07),
                Deviation("df", 5e-324, -0.30000000000000004),
            ),
            composed=True,
        ),
        FrameworkName(
            "JAX", "jax.numpy.where", "(condition, x=None, y=None, /)",
            difference=Text(
                "JAX 没有这个函数，这里与 PyTorch 一行同样组合，"
                "expm1(min(x, ε)) 写成 jax.nn.elu(x.clip(max=ε))；"
                "clip 在 x = ε 处把梯度平分，与本包相同。x = −∞ 处 inf − inf 得 NaN，"
                "函数值和导数都是 NaN（真值 +∞ 与 −0.3）；"
                "x·x 在 x = 1.4e154 处上溢为 +∞（真值 1.568e308）；公式在零点附近相消："
                "x = −2.5 处函数值的相对误差约 2e−15，"
                "导数在最小值点 x₀ 的最近浮点数处为 0（真值 −1.3e−17）。"
                "此外 CPU 上次正规数 5e−324 被当作 0，落到负半轴的公式里："
                "函数值 −8.0e−7、导数 −0.3（本包为 0 与 0.5）。",
                "JAX does not ship this function; the row composes it as the PyTorch row does, with "
                "jax.nn.elu(x.clip(max=ε)) for expm1(min(x, ε)); at x = ε the clip splits the gradient in "
                "two, as this package does. At x = −∞, inf − inf gives NaN for both the value and the "
                "derivative (the true values are +∞ and −0.3); x·x overflows to +∞ at x = 1.4e154 (the true "
                "value is 1.568e308); the formula cancels near the roots: at x = −2.5 the value has a "
                "relative error of about 2e−15, and at the float nearest the minimum x₀ the derivative is 0 "
                "(the true value is −1.3e−17). Besides, on the CPU the subnormal 5e−324 is taken as 0 and "
                "falls into the formula of the negative side: the value −8.0e−7 and the derivative −0.3 (this "
                "package: 0 and 0.5)."),
            call=_JAX,
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -2.5, 0.015667998899119073),
                Deviation("f", 1.4e+154, float("inf")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -0.9808292530117262, 0.0),
                Deviation("f", 5e-324, -7.999996000001332e-07),
                Deviation("df", 5e-324, -0.30000000000000004),
            ),
            composed=True,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.where", "(condition, x=None, y=None, name=None)",
            difference=Text(
                "PaddlePaddle 没有这个函数，这里与 PyTorch 一行同样组合，"
                "min(x, ε) 写成 clip，x = ε 处同样给出左侧的导数 0.4999992。"
                "x = −∞ 处 inf − inf 得 NaN，函数值和导数都是 NaN（真值 +∞ 与 −0.3）；"
                "x·x 在 x = 1.4e154 处上溢为 +∞（真值 1.568e308）；公式在零点附近相消："
                "x = −2.5 处函数值的相对误差约 2e−15，"
                "导数在最小值点 x₀ 的最近浮点数处为 0（真值 −1.3e−17）。"
                "x = −1 处导数的相对误差约 1e−14。",
                "PaddlePaddle does not ship this function; the row composes it as the PyTorch row does, with "
                "clip for min(x, ε), which also gives the left derivative 0.4999992 at x = ε. At x = −∞, inf "
                "− inf gives NaN for both the value and the derivative (the true values are +∞ and −0.3); x·x "
                "overflows to +∞ at x = 1.4e154 (the true value is 1.568e308); the formula cancels near the "
                "roots: at x = −2.5 the value has a relative error of about 2e−15, and at the float nearest "
                "the minimum x₀ the derivative is 0 (the true value is −1.3e−17). At x = −1 the derivative "
                "has a relative error of about 1e−14."),
            call=_PADDLE,
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -2.5, 0.015667998899119073),
                Deviation("f", 1.4e+154, float("inf")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -0.9808292530117262, 0.0),
                Deviation("df", -1e-06, 0.4999992000004),
                Deviation("df", -1.0, -0.005696447062846111),
            ),
            composed=True,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.where", "(condition, input, other)",
            difference=Text(
                "MindSpore 没有这个函数，"
                "可以用 mindspore.ops.where、mindspore.ops.expm1 和 mindspore.ops.minimum 按 Transformers 的写法组合。",
                "MindSpore does not ship this function; it can be composed as Transformers writes it, with "
                "mindspore.ops.where, mindspore.ops.expm1 and mindspore.ops.minimum."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.where.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-1e-7, -0.9808292530117262, 1.4e154),
    plot_range=(-6.0, 2.0),
    kink_points=lambda alpha_p=0.8, alpha_n=0.8, beta=0.5, eps=-1e-6: (eps, 0.0),
    implementation=Text(
        "正半轴按 $x(\\alpha_p x + \\beta)$ 计算：不先形成 $x^{2}$，x 超过 1.34e154 时也不会在乘以 α_p 之前上溢，"
        "只有真值本身超过最大浮点数时才得到 +∞（`np.errstate` 中不报上溢，导数 $2\\alpha_p x + \\beta$ 同样）。"
        "(ε, 0] 上按 $f(\\varepsilon) - (\\alpha_n - \\beta)(x - \\varepsilon)$ 计算，两项同号。"
        "x ≤ ε 时公式 $h(x) = \\alpha_n(e^{x} - 1 - x) + \\beta x$ 在三处相消：负零点 $x_r \\approx -2.4325$、"
        "最小值点 $x_0 = \\ln(1 - \\beta/\\alpha_n) \\approx -0.98083$ 和 0 附近。所以按 x 离哪个点最近，"
        "用 h 在该点的展开（$h'' = \\alpha_n e^{x}$，三个式子都是恒等式），记 $g(d) = e^{d} - 1 - d \\ge 0$："
        "$x \\ge x_0/2$ 时用 $\\beta x + \\alpha_n g(x)$，$(x_0 + x_r)/2 \\le x < x_0/2$ 时用 "
        "$h(x_0) + (\\alpha_n - \\beta)\\,g(x - x_0)$，更左用 $h'(x_r)(x - x_r) + \\alpha_n e^{x_r} g(x - x_r)$，"
        "每个式子的两项最多相消约 3 倍。$x_0$、$x_r$ 及各点的值在每组参数和浮点类型下用 Python 的 decimal 模块"
        "以 50 位有效数字算一次（$x_r$ 用牛顿法），各存成两个浮点数之和，所以 $x - x_0$、$x - x_r$ 在零点附近是精确的。"
        "g 在 |d| ≤ 1 时用泰勒级数（20 项，Horner 求和，`np.full_like` 起始），d < −1 时用 $(-1 - d) + e^{d}$"
        "（`np.exp`，两项都非负），d > 1 时用 `np.expm1` 减去 d。"
        "导数在 x < ε 时写成 $(\\alpha_n - \\beta)\\operatorname{expm1}(x - x_0)$（`np.expm1`），"
        "在根 $x_0$ 处也不相消；x = ε 处取预先算好的两侧平均值。"
        "两个核都像 QuickGELU 那样按每块 65536 个元素分块计算（各段的布尔掩码只占一块的内存），"
        "float16 输入按 float32 计算，超出 float16 范围的结果舍入为 +∞。",
        "The positive side is computed as $x(\\alpha_p x + \\beta)$: $x^{2}$ is never formed, so beyond 1.34e154 "
        "nothing overflows before α_p scales it, and +∞ comes only where the true value exceeds the largest float "
        "(`np.errstate` keeps that overflow quiet, as for the derivative $2\\alpha_p x + \\beta$). On (ε, 0] the "
        "value is $f(\\varepsilon) - (\\alpha_n - \\beta)(x - \\varepsilon)$, two terms of one sign. For x ≤ ε the "
        "formula $h(x) = \\alpha_n(e^{x} - 1 - x) + \\beta x$ cancels in three places: at the negative root "
        "$x_r \\approx -2.4325$, at the minimum $x_0 = \\ln(1 - \\beta/\\alpha_n) \\approx -0.98083$ and near 0. So "
        "h is expanded about the nearest of the three ($h'' = \\alpha_n e^{x}$; each form is an identity), with "
        "$g(d) = e^{d} - 1 - d \\ge 0$: $\\beta x + \\alpha_n g(x)$ for $x \\ge x_0/2$, "
        "$h(x_0) + (\\alpha_n - \\beta)\\,g(x - x_0)$ for $(x_0 + x_r)/2 \\le x < x_0/2$, and "
        "$h'(x_r)(x - x_r) + \\alpha_n e^{x_r} g(x - x_r)$ further left; in each the two terms cancel by at most a "
        "factor of about 3. $x_0$, $x_r$ and the values there are computed once per parameters and floating type "
        "with Python's decimal module at 50 digits ($x_r$ by Newton's method) and kept as sums of two floats, so "
        "$x - x_0$ and $x - x_r$ are exact near the roots. g is a Taylor series for |d| ≤ 1 (20 terms, Horner's "
        "rule, started with `np.full_like`), $(-1 - d) + e^{d}$ for d < −1 (`np.exp`; both terms are not negative) "
        "and `np.expm1` minus d for d > 1. The derivative for x < ε is "
        "$(\\alpha_n - \\beta)\\operatorname{expm1}(x - x_0)$ (`np.expm1`), which does not cancel even at its root "
        "$x_0$; at x = ε it is the mean of the two sides, computed in advance. Both kernels run on "
        "blocks of 65536 elements, as QuickGELU's do (the boolean masks of the pieces take one block's "
        "memory), and float16 input is computed in float32, with results beyond float16's range "
        "rounded to +∞.",
    ),
    elsewhere=(
        Elsewhere(
            "Hugging Face Transformers", "transformers.activations.XIELUActivation",
            "https://github.com/huggingface/transformers/blob/v4.56.0/src/transformers/activations.py",
            Text("α_p = softplus(p)、α_n = β + softplus(q)，p、q 是可学习参数；β、ε 是不训练的缓冲区。"
                 "默认 dtype 为 bfloat16，初始化后实际是 α_p = 0.8046875、α_n = 0.80078125、ε ≈ −9.984e−7。"
                 "装有 xielu CUDA 扩展时，GPU 上改用它的融合核。",
                 "α_p = softplus(p) and α_n = β + softplus(q) with learnable p, q; β and ε are buffers, not "
                 "trained. The default dtype is bfloat16, so at initialization α_p = 0.8046875, "
                 "α_n = 0.80078125 and ε ≈ −9.984e−7. With the xielu CUDA extension installed it runs that "
                 "fused kernel on the GPU instead."),
        ),
        Elsewhere(
            "MLX LM", "mlx_lm.models.activations.XieLU",
            "https://github.com/ml-explore/mlx-lm/blob/6e32709cd70d5b82197cebd8928a0bc6fcaf457b/"
            "mlx_lm/models/activations.py",
            Text("与 Transformers 相同的 softplus 参数化，min(x, ε) 写作 mx.minimum。",
                 "The same softplus parametrization as Transformers, with mx.minimum for min(x, ε)."),
        ),
        Elsewhere(
            "nanotron", "nanotron.nn.activations.XIELU",
            "https://github.com/Anonymous5823/xielu/blob/2c9fc8f91d860890a2e51297d25763683b8c0f7b/"
            "src/nanotron/nn/activations.py",
            Text("论文给出的参考实现（基于 nanotron）：α_p、α_n 按同样的 softplus 参数化训练，"
                 "β = 0.5 是固定的 Python 浮点数；eps=1e-6 取正值，在公式里写成 min(x, −eps)。",
                 "The paper's reference implementation (on nanotron): α_p and α_n are trained in the same "
                 "softplus parametrization, β = 0.5 is a fixed Python float; eps=1e-6 is positive and enters "
                 "the formula as min(x, −eps)."),
        ),
    ),
))
