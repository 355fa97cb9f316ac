"""SoftPlus."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise, real_param
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Parameter, Properties, Reference, Text
from .sigmoid import sigmoid


def _scaled_abs(x: np.ndarray, beta: float) -> np.ndarray:
    """beta * |x| in a new array; inf where the product overflows."""
    out = np.abs(x)
    # beta*|x| = inf is right here: it only feeds exp(-.) or sigmoid
    with np.errstate(over="ignore"):
        np.multiply(out, beta, out=out)
    return out


@elementwise
def softplus(x: np.ndarray, beta: float = 1.0) -> np.ndarray:
    r"""SoftPlus, a smooth approximation of ReLU, element-wise.

    .. math:: \operatorname{SoftPlus}(x) = \frac{1}{\beta}\,\ln\!\left(1 + e^{\beta x}\right)

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.
    beta : float, default 1.0
        Sharpness: larger beta brings SoftPlus closer to ReLU. Must be > 0.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [0, inf].

    Raises
    ------
    ValueError
        If ``beta`` is not finite or not > 0.

    Notes
    -----
    In float64 ``log(1 + exp(x))`` is inf above x = 709.78, where exp
    overflows, and 0 below x = -36.74, where 1 + exp(x) rounds to 1 although
    the answer is about e^x. The identity (z = beta x)

    .. math:: \ln(1 + e^{z}) = \max(z, 0) + \ln\!\left(1 + e^{-|z|}\right)

    needs only ``np.exp`` of -|z|, in [0, 1], and ``np.log1p`` keeps the tiny
    values. beta |x| is formed under ``np.errstate(over="ignore")``: where it
    overflows to inf, exp(-inf) = 0 and the result is ``np.maximum(x, 0)``.
    Unlike ``torch.nn.functional.softplus`` there is no ``threshold``: the
    result is never replaced by x above a cut-off.

    Accuracy: for beta = 1, or any power of 2, beta x is exact and the result
    is within 4 ulp of the correctly rounded value for every x (measured: 1
    ulp in float64, 2 in float32). For any other beta, beta x is rounded once,
    and in the negative tail, where softplus(x) ~ e^{beta x} / beta, that
    rounding becomes a relative error of up to |beta x| 2^-53: up to about
    500 ulp in float64 for beta x between -512 and -708 (measured: 510 ulp at
    beta = 10, beta x = -672), and up to about 65 ulp in float32. Within
    |beta x| <= 4 it stays within 4 ulp.

    Examples
    --------
    >>> softplus([-800.0, 0.0, 800.0])
    array([0.00000000e+00, 6.93147181e-01, 8.00000000e+02])
    """
    b = real_param(beta, "beta", positive=True)
    t = _scaled_abs(x, b)  # |beta x|
    np.negative(t, out=t)
    np.exp(t, out=t)  # exp(-|beta x|) in (0, 1]: never overflows
    np.log1p(t, out=t)  # log(1 + tiny) without losing tiny
    np.divide(t, b, out=t)
    out = np.maximum(x, 0)  # max(x, 0); NaN stays NaN
    np.add(out, t, out=out)
    return out


@elementwise
def softplus_derivative(x: np.ndarray, beta: float = 1.0) -> np.ndarray:
    r"""Derivative of SoftPlus with respect to x, element-wise.

    .. math:: \operatorname{SoftPlus}'(x) = \frac{1}{1 + e^{-\beta x}} = \sigma(\beta x)

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`softplus`).
    beta : float, default 1.0
        See :func:`softplus`.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [0, 1].

    Notes
    -----
    For beta = 1 this is the package's sigmoid of x. Otherwise beta x is
    formed as beta |x| (overflow to inf allowed) with the sign of x put back
    by ``np.copysign``, and handed to the same sigmoid. For a beta that is not
    a power of 2 the rounding of beta x costs up to about 500 ulp in the
    negative tail, as for :func:`softplus`.

    Examples
    --------
    >>> softplus_derivative([-800.0, 0.0, 800.0])
    array([0. , 0.5, 1. ])
    """
    b = real_param(beta, "beta", positive=True)
    if b == 1:
        return sigmoid(x)  # the common case: no product to form
    z = _scaled_abs(x, b)
    np.copysign(z, x, out=z)  # beta * x, with overflow to ±inf allowed
    return sigmoid(z)  # the stable sigmoid of the SoftPlus page's neighbour


def _naive(x: np.ndarray, beta: float = 1.0) -> np.ndarray:
    return np.log(1 + np.exp(beta * x)) / beta


def _naive_derivative(x: np.ndarray, beta: float = 1.0) -> np.ndarray:
    return 1 / (1 + np.exp(-beta * x))


SPEC = register(Activation(
    name="softplus",
    slug="softplus",
    order=60,
    title=Text("SoftPlus", "SoftPlus"),
    full_name=Text("SoftPlus 函数（ReLU 的平滑近似）", "softplus, a smooth approximation of ReLU"),
    summary=Text(
        "ReLU 的平滑近似，处处可导，导数是 σ(βx)（默认 β = 1 时就是 Sigmoid）。",
        "A smooth approximation of ReLU, differentiable everywhere; its derivative is "
        "σ(βx), the sigmoid at the default β = 1.",
    ),
    forward=softplus,
    derivative=softplus_derivative,
    latex=r"\operatorname{SoftPlus}(x) = \frac{1}{\beta}\ln\!\left(1 + e^{\beta x}\right)",
    latex_derivative=r"\operatorname{SoftPlus}'(x) = \frac{e^{\beta x}}{1 + e^{\beta x}}"
    r" = \frac{1}{1 + e^{-\beta x}} = \sigma(\beta x)",
    parameters=(
        Parameter(
            "beta", r"\beta", 1.0, r"\beta > 0",
            Text("锐度：β 越大越接近 ReLU", "sharpness: the larger β, the closer to ReLU"),
            check=lambda v: v > 0,
        ),
    ),
    properties=Properties(
        range=r"(0,\ +\infty)",
        monotonic=True,
        smoothness=r"C^\infty",
        zero_centred=False,
        saturation=("soft", "none"),
        bounded="below",
        lower=0.0,
        upper=float("inf"),
        note=Text("SoftPlus(0) = ln 2 / β；SoftPlus(x) − SoftPlus(−x) = x。",
                  "SoftPlus(0) = ln 2 / β; SoftPlus(x) − SoftPlus(−x) = x."),
    ),
    kink=None,
    references=(
        Reference(
            "Charles Dugas, Yoshua Bengio, François Bélisle, Claude Nadeau, René Garcia", 2001,
            "Incorporating second-order functional knowledge for better option pricing",
            "Advances in Neural Information Processing Systems 13, 472–478",
            "https://papers.nips.cc/paper_files/paper/2000/hash/"
            "44968aece94f667e4095002d140b5896-Abstract.html",
        ),
        Reference(
            "Xavier Glorot, Antoine Bordes, Yoshua Bengio", 2011,
            "Deep sparse rectifier neural networks",
            "AISTATS 2011, PMLR 15, 315–323", "https://proceedings.mlr.press/v15/glorot11a.html",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.softplus", "(input, beta=1.0, threshold=20.0)",
            module="torch.nn.Softplus(beta=1.0, threshold=20.0)",
            difference=Text(
                "βx > threshold 时直接返回 x、导数取 1，相对误差约 $e^{-20}/20 \\approx 10^{-10}$；"
                "本包没有 threshold，对每个 x 都精确。",
                "Where βx > threshold it returns x itself and the derivative 1, a relative error of about "
                "$e^{-20}/20 \\approx 10^{-10}$; this package has no threshold and is accurate for every x."),
            call="torch.nn.functional.softplus(x)",
            backward="torch.ops.aten.softplus_backward(g, x, beta, 20.0)",
            deviations=(
                Deviation("f", 25.0, 25.0),
                Deviation("df", 25.0, 1.0),
            ),
        ),
        FrameworkName(
            "Keras", "keras.activations.softplus", "(x)",
            difference=Text(
                "没有 β 参数（相当于 β = 1）。在 JAX 后端上调用 jax.nn.softplus，"
                "差异与 JAX 一行相同。",
                "No β parameter (β = 1). On the JAX backend it calls jax.nn.softplus: the differences are "
                "those of the JAX row."),
            call="keras.activations.softplus(x)",
            deviations=(
                Deviation("f", -709.78, 0.0),
                Deviation("f", -710.0, 0.0),
                Deviation("df", -709.78, 0.0),
                Deviation("df", -710.0, 0.0),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.softplus", "(x)",
            difference=Text(
                "没有 β 参数（相当于 β = 1），按 logaddexp(x, 0) 计算。"
                "CPU 上的 XLA 把次正规数按 0 处理（flush-to-zero）："
                "x ≲ −708.4 时函数值与导数都是 0（本包给出次正规数 $e^{x}$）。",
                "No β parameter (β = 1); computed as logaddexp(x, 0). XLA on the CPU flushes subnormal "
                "numbers to 0: for x ≲ −708.4 both the value and the derivative are 0 (this package returns "
                "the subnormal number $e^{x}$)."),
            call="jax.nn.softplus(x)",
            deviations=(
                Deviation("f", -709.78, 0.0),
                Deviation("f", -710.0, 0.0),
                Deviation("df", -709.78, 0.0),
                Deviation("df", -710.0, 0.0),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.softplus", "(x, beta=1, threshold=20, name=None)",
            module="paddle.nn.Softplus(beta=1, threshold=20)",
            difference=Text(
                "与 PyTorch 一样，βx > threshold（默认 20）时返回 x、"
                "导数取 1。其余输入按 $\\log(1 + e^{x})$ 计算，不用 log1p："
                "负半轴上相对误差随 |x| 增大，x ≲ −37 时得 0（真值约 $e^{x}$）；"
                "x ≲ −709.78 时导数也为 0。",
                "As in PyTorch, where βx > threshold (20 by default) it returns x and the derivative 1. "
                "Elsewhere it computes $\\log(1 + e^{x})$ without log1p: on the negative side the relative "
                "error grows with |x|, and x ≲ −37 gives 0 (the true value is about $e^{x}$); for x ≲ "
                "−709.78 the derivative is 0 too."),
            call="paddle.nn.functional.softplus(x)",
            deviations=(
                Deviation("f", -88.72, 0.0),
                Deviation("f", -709.78, 0.0),
                Deviation("f", -710.0, 0.0),
                Deviation("f", -10.0, 4.5398899216870535e-05),
                Deviation("f", 25.0, 25.0),
                Deviation("f", -25.0, 1.388800185954457e-11),
                Deviation("f", -37.0, 0.0),
                Deviation("f", -40.0, 0.0),
                Deviation("df", -710.0, 0.0),
                Deviation("df", 25.0, 1.0),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.mint.nn.functional.softplus", "(input, beta=1, threshold=20)",
            difference=Text(
                "与 PyTorch 一样有 threshold（默认 20）：βx > threshold 时改用线性函数 x。"
                "文档只列出 Ascend 平台。",
                "Like PyTorch it has a threshold (20 by default): where βx > threshold it switches to the "
                "linear function x. Its documentation lists the Ascend platform only."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/mint/mindspore.mint.nn.functional.softplus.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-40.0, 800.0, -800.0),
    plot_range=(-5.0, 5.0),
    implementation=Text(
        "前向按公式一节的恒等式计算：在 `np.errstate(over=\"ignore\")` 下算出 β|x|（β 很大时允许上溢为"
        "无穷大，那里 $e^{-\\infty} = 0$，结果就是 $\\max(x, 0)$），取负后求 `np.exp`，结果落在 $[0, 1]$，"
        "不会上溢。`np.log1p` 求 $\\ln(1 + t)$，很小的 $t$ 不会被舍入掉；除以 β 后再加上 `np.maximum(x, 0)`。"
        "导数在 β = 1 时直接调用本包的 Sigmoid；其他 β 用 `np.copysign` 把 x 的符号放回 β|x|，"
        "得到 βx 后交给同一个 Sigmoid。β 是 2 的幂时 βx 没有舍入，f 与 f′ 处处在 4 个 ulp 以内；"
        "其他 β 下 βx 要舍入一次，在负半轴尾部（结果约为 $e^{\\beta x}$）这次舍入会放大成至多约 "
        "$|\\beta x|\\,u$ 的相对误差（$u$ 为单位舍入误差，双精度下是 $2^{-53}$）："
        "双精度下 βx 在 −512 与 −708 之间时可达约 500 ulp"
        "（实测最大 510 ulp），单精度下约 65 ulp。",
        "The forward pass follows the identity derived under Formula: β|x| is formed under "
        "`np.errstate(over=\"ignore\")` (for a huge β it may overflow to infinity; there "
        "$e^{-\\infty} = 0$ and the result is $\\max(x, 0)$), negated and passed to `np.exp`, which "
        "gives a number in $[0, 1]$ and cannot overflow. `np.log1p` computes $\\ln(1 + t)$ without "
        "losing a tiny $t$, and the result, divided by β, is added to `np.maximum(x, 0)`. The "
        "derivative is the package's sigmoid of x for β = 1; for other β, `np.copysign` puts the "
        "sign of x back on β|x| and the same sigmoid takes βx. For a β that is a power of 2, βx is "
        "exact and f and f′ are within 4 ulp everywhere; for any other β, βx is rounded once, and "
        "in the negative tail, where the result is about $e^{\\beta x}$, that rounding becomes a "
        "relative error of up to $|\\beta x|\\,u$ ($u$ the unit roundoff, $2^{-53}$ in float64): "
        "up to about 500 ulp in float64 for βx "
        "between −512 and −708 (measured worst: 510 ulp), about 65 ulp in float32.",
    ),
))
