"""Mish (self-regularized non-monotonic activation)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Properties, Reference, Text
from .sigmoid import sigmoid
from .silu import _tail, silu

#: Mish' = 0 at x0 = -1.19243; c = -1221/1024 is a float next to it.
_C = -1.1923828125
#: Taylor coefficients of Mish' about c (mpmath, 50 digits, rounded): within
#: |x - c| <= 0.8 the series is summed in Horner form, which keeps full
#: relative accuracy up to the root (the nearest singularity of Mish' is
#: 2.81 away, so 37 terms leave < 1e-18).
_TAYLOR = (
    1.2921296712205987e-05,
    0.26696773315569733,
    0.204737349064147,
    0.04190389588464301,
    -0.0202756517068438,
    -0.015822102491526557,
    -0.0033603147396821698,
    0.001092788835906011,
    0.000989928801064794,
    0.00025410904645802664,
    -4.1991223258967234e-05,
    -5.583896333610181e-05,
    -1.7298676995839945e-05,
    9.447074948273006e-07,
    2.9095980137225135e-06,
    1.0716974740047017e-06,
    2.6763234104496593e-08,
    -1.412263552066445e-07,
    -6.174926218268267e-08,
    -5.4539991337281415e-09,
    6.393011376223914e-09,
    3.3609140841031195e-09,
    4.814667029958389e-10,
    -2.6772135691443314e-10,
    -1.7446311587108263e-10,
    -3.389201021314189e-11,
    1.0113074500378768e-11,
    8.684261377318288e-12,
    2.1239358898679862e-12,
    -3.209477525921366e-13,
    -4.1555262755474296e-13,
    -1.234774109471704e-13,
    6.367881502267233e-15,
    1.911459925140712e-14,
    6.794105191013291e-15,
    1.6037124466917876e-16,
    -8.428010076994389e-16,
)
_R = 0.8


@elementwise
def mish(x: np.ndarray) -> np.ndarray:
    r"""Mish, x times tanh(softplus(x)), element-wise.

    .. math:: \operatorname{Mish}(x) = x \tanh\bigl(\ln(1 + e^{x})\bigr)

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [-0.30884341301725043, inf].

    Notes
    -----
    With v = sigma(-x) = e^{-softplus(x)}, tanh(softplus(x)) =
    sigma(x) (1 + v) / (1 + v^2), so Mish(x) = SiLU(x) (1 + v) / (1 + v^2):
    :func:`~activations.silu` keeps the tail x e^x, and the factor
    (1 + v) / (1 + v^2) lies in [1, 1.21] with nothing to cancel. Unlike
    ``log(1 + exp(x))``, nothing overflows.

    Examples
    --------
    >>> mish([-1.0, 0.0, 2.0])
    array([-0.30340146,  0.        ,  1.94395896])
    """
    v = sigmoid(np.negative(x))  # v = sigma(-x) = 1 / (1 + e^x), in [0, 1]
    den = np.square(v)
    np.add(den, 1, out=den)  # 1 + v^2
    np.add(v, 1, out=v)
    np.divide(v, den, out=v)  # (1 + v) / (1 + v^2)
    del den  # before silu allocates its result
    out = silu(x)  # x sigma(x), with its tail
    np.multiply(out, v, out=out)
    return out


@elementwise
def mish_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of Mish with respect to x, element-wise.

    .. math:: \operatorname{Mish}'(x) = \tanh(s) + x\,\sigma(x)\,\operatorname{sech}^2(s),
              \quad s = \ln(1 + e^{x})

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`mish`).

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in about [-0.1125, 1.0885].

    Notes
    -----
    With v = sigma(-x) and r = v^2 / (1 + v^2) in [0, 1/2]:
    tanh(s) = sigma(x) (1 + v) (1 - r) and sech^2(s) = 4 r (1 - r), so
    Mish'(x) = sigma(x) ((1 + v) + 4 x r) / (1 + v^2): no 1 - tanh^2 to
    cancel (1 - r = 1 / (1 + v^2)).
    The bracket vanishes at the root x0 = -1.19243; within |x - c| <= 0.8
    of c = -1221/1024 the Taylor series of Mish' about c is used instead,
    where d = x - c is exact near c (Sterbenz) and only the tiny constant
    term can cancel, at x0 itself. Below log(tiny) sigma(x) is subnormal and
    (1 + x) e^x, to which Mish' rounds there, is computed as
    ((1 + x) e^{x/2}) e^{x/2}.

    Examples
    --------
    >>> mish_derivative([-1.0, 0.0, 2.0])
    array([0.05921676, 0.6       , 1.06931793])
    """
    v = sigmoid(np.negative(x))  # sigma(-x), in [0, 1]
    out = np.square(v)
    with np.errstate(divide="ignore", over="ignore"):  # 1/v^2 = inf: r = 0
        np.reciprocal(out, out=out)
    np.add(out, 1, out=out)
    np.reciprocal(out, out=out)  # r = v^2/(1 + v^2) = 1/(1 + 1/v^2)
    np.multiply(out, 4, out=out)
    # inf * 0 at x = inf, overflow for x < -1e307: both are set below
    with np.errstate(invalid="ignore", over="ignore"):
        np.multiply(out, x, out=out)
    np.add(out, v, out=out)
    np.add(out, 1, out=out)  # (1 + v) + 4 x r
    np.square(v, out=v)
    np.add(v, 1, out=v)
    np.divide(out, v, out=out)  # times 1 - r = 1 / (1 + v^2)
    del v  # before sigmoid allocates its result
    with np.errstate(invalid="ignore"):  # -inf * 0: x in the tail below
        np.multiply(out, sigmoid(x), out=out)
    np.copyto(out, 1, where=np.equal(x, np.inf))  # f'(inf) = 1
    d = np.subtract(x, _C)
    near = np.abs(d, out=d) <= _R
    del d
    if near.any():  # Horner sum of the Taylor series about c
        d = x[near] - _C
        acc = np.full_like(d, _TAYLOR[-1])
        for a in _TAYLOR[-2::-1]:
            acc = acc * d + a
        out[near] = acc
    low = np.log(np.finfo(x.dtype).tiny)
    tail = x < low
    if tail.any():  # (1 + x) e^x, without the subnormal e^x
        out[tail] = _tail(x[tail], True)
    return out


def _naive(x: np.ndarray) -> np.ndarray:
    return x * np.tanh(np.log(1 + np.exp(x)))


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    sp = np.log(1 + np.exp(x))
    return np.tanh(sp) + x * (1 / (1 + np.exp(-x))) * (1 - np.tanh(sp) ** 2)


SPEC = register(Activation(
    name="mish",
    slug="mish",
    order=420,
    title=Text("Mish", "Mish"),
    full_name=Text("Mish 函数（x 乘以 SoftPlus 的双曲正切）", "Mish, x times the tanh of softplus"),
    summary=Text(
        "x·tanh(SoftPlus(x))：光滑、非单调，形状与 SiLU 相近，负半轴的谷更深一些。",
        "x·tanh(softplus(x)): smooth and non-monotonic, shaped like SiLU with a slightly "
        "deeper dip for negative input.",
    ),
    forward=mish,
    derivative=mish_derivative,
    latex=r"\operatorname{Mish}(x) = x\,\tanh\bigl(\operatorname{SoftPlus}(x)\bigr)"
    r" = x\,\tanh\bigl(\ln(1 + e^{x})\bigr)",
    latex_derivative=r"\operatorname{Mish}'(x) = \tanh\bigl(s(x)\bigr) + x\,\sigma(x)\,"
    r"\operatorname{sech}^{2}\bigl(s(x)\bigr), \quad s(x) = \ln(1 + e^{x})",
    parameters=(),
    properties=Properties(
        range=r"[-0.3088,\ +\infty)",
        monotonic=False,
        smoothness=r"C^\infty",
        zero_centred=False,
        saturation=("soft", "none"),
        bounded="below",
        lower=-0.30884341301725043,
        upper=float("inf"),
        note=Text(
            "最小值约 −0.3088，在 x₀ ≈ −1.1924 处；导数的取值范围约为 [−0.1125, 1.0885]。",
            "The minimum, about −0.3088, is at x₀ ≈ −1.1924; the derivative lies in about "
            "[−0.1125, 1.0885]."),
    ),
    kink=None,
    references=(
        Reference(
            "Diganta Misra", 2019,
            "Mish: a self regularized non-monotonic activation function",
            "arXiv:1908.08681 (BMVC 2020)", "https://arxiv.org/abs/1908.08681",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.mish", "(input, inplace=False)",
            module="torch.nn.Mish(inplace=False)",
            difference=Text(
                "前向在 x ≲ −745 前就已为 −0（真值是次正规数），x = −∞ 时得 NaN；"
                "自动求导在 ±∞ 处为 NaN，x = −710 处给出 4.5e−309（真值 −3.17e−306），"
                "x = −1 处误差约 30 ulp。",
                "The forward pass is −0 already at x = −745.13 (the true value is subnormal) and NaN at "
                "x = −∞; autograd gives NaN at ±∞, 4.5e−309 at x = −710 (the true value is −3.17e−306), "
                "and an error of about 30 ulp at x = −1."),
            call="torch.nn.functional.mish(x)",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -745.13, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -710.0, 4.476286225675135e-309),
                Deviation("df", -745.13, 0.0),
                Deviation("df", -1.0, 0.059216755877395014),
            ),
        ),
        FrameworkName(
            "Keras", "keras.activations.mish", "(x)",
            difference=Text(
                "在 JAX 后端上调用 jax.nn.mish，差异与 JAX 一行相同。",
                "On the JAX backend it calls jax.nn.mish: it differs as the JAX row does."),
            call="keras.activations.mish(x)",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -709.78, -0.0),
                Deviation("f", -710.0, -0.0),
                Deviation("f", -745.13, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -709.78, 0.0),
                Deviation("df", -710.0, 0.0),
                Deviation("df", -745.13, 0.0),
                Deviation("df", 10.0, 1.0000000783129803),
            ),
            ordinary_error=1.3e-14,
        ),
        FrameworkName(
            "JAX", "jax.nn.mish", "(x)",
            difference=Text(
                "x ≲ −709.78 时前向为 −0、导数为 0（CPU 上的 XLA 把次正规数按 0 处理），"
                "±∞ 处得 NaN；x = 10 处导数的相对误差约 3e−15。在 |x| ≤ 15 的普通输入上，"
                "误差可达 1.3e−14（绝对误差），超出本包测试的容差。",
                "For x ≲ −709.78 the forward pass is −0 and the derivative 0 (XLA on the CPU flushes "
                "subnormal numbers to 0), and ±∞ give NaN; at x = 10 the derivative has a relative "
                "error of about 3e−15. On ordinary input, |x| ≤ 15, the error reaches 1.3e−14 "
                "(absolute), beyond the tolerance of this package's tests."),
            call="jax.nn.mish(x)",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -709.78, -0.0),
                Deviation("f", -710.0, -0.0),
                Deviation("f", -745.13, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -709.78, 0.0),
                Deviation("df", -710.0, 0.0),
                Deviation("df", -745.13, 0.0),
                Deviation("df", 10.0, 1.0000000783129803),
            ),
            ordinary_error=1.3e-14,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.mish", "(x, name=None)",
            module="paddle.nn.Mish()",
            difference=Text(
                "负半轴误差较大：x = −6 处前向与教科书公式一样差约 320 ulp，"
                "x = −10 处前向的相对误差约 1.3e−13，x = −25 处约 4e−6，"
                "x ≲ −37 时前向为 −0、导数为 0；±∞ 处得 NaN。",
                "Large errors for negative input: at x = −6 the forward pass is about 320 ulp off, as "
                "the textbook formula is; it has a relative error of about "
                "1.3e−13 at x = −10 and 4e−6 at x = −25, and for x ≲ −37 it is −0 and the derivative 0; "
                "±∞ give NaN."),
            call="paddle.nn.functional.mish(x)",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -88.72, -0.0),
                Deviation("f", -709.78, -0.0),
                Deviation("f", -710.0, -0.0),
                Deviation("f", -745.13, -0.0),
                Deviation("f", -6.0, -0.01485408047942444),
                Deviation("df", -6.0, -0.012359967931780697),
                Deviation("f", -10.0, -0.0004539889918568059),
                Deviation("f", -25.0, -3.472000464886143e-10),
                Deviation("f", -37.0, -0.0),
                Deviation("f", -40.0, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -88.72, 0.0),
                Deviation("df", -709.78, 0.0),
                Deviation("df", -710.0, 0.0),
                Deviation("df", -745.13, 0.0),
                Deviation("df", -2.5, -0.1097435727501855),
                Deviation("df", -10.0, -0.0004085797869025458),
                Deviation("df", -25.0, -3.333120446314806e-10),
                Deviation("df", -37.0, 0.0),
                Deviation("df", -40.0, 0.0),
            ),
            ordinary_error=2.1e-15,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.mish", "(input)",
            module="mindspore.nn.Mish()",
            difference=Text(
                "文档写明输入只支持 float16 和 float32。",
                "Its documentation says that the input must be float16 or float32."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.mish.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-6.0, -40.0, 710.0),
    plot_range=(-6.0, 4.0),
    implementation=Text(
        "记 $v = \\sigma(-x) = e^{-s}$（s 是 SoftPlus(x)），则 $\\tanh(s) = \\sigma(x)(1 + v)/(1 + v^{2})$，"
        "所以前向是 $\\operatorname{SiLU}(x) \\cdot (1 + v)/(1 + v^{2})$：v 由本包的 Sigmoid 对 `np.negative(x)` 求得，"
        "`np.square` 求 $v^{2}$，SiLU 取自本包（它保留了 $x e^{x}$ 的尾部），"
        "因子 $(1 + v)/(1 + v^{2})$ 在 [1, 1.21] 内，"
        "没有相减，也没有任何上溢。导数写成 $\\sigma(x)(1 - r)\\bigl((1 + v) + 4 x r\\bigr)$，"
        "$r = v^{2}/(1 + v^{2}) \\in [0, 1/2]$，避免了 $1 - \\tanh^{2}$ 的相消；"
        "r 按 $1/(1 + 1/v^{2})$ 用 `np.reciprocal` 求，不必多占一块与输入一样大的内存"
        "（v 为 0 或极小时 1/v² 是 ∞，r 得 0，这对结果的影响远小于一个 ulp；"
        "除以零与上溢的警告在 `np.errstate` 下忽略）。"
        "x = +∞ 处 4xr 是 ∞·0 = NaN，$x < -10^{307}$ 时 4xr 上溢（都不报警告）："
        "+∞ 处最后由 `np.copyto` 在 `np.equal(x, ∞)` 处填上 1，很负的 x 属于下面的尾部，结果在那里重算。"
        "括号在零点 $x_0 \\approx -1.1924$ 处相消，"
        "所以在 $|x - c| \\le 0.8$（$c = -1221/1024$）内改用 Mish′ 在 c 处的泰勒级数"
        "（37 项，系数由 mpmath 算出，Horner 求和；`np.abs` 选出这一段，`np.full_like` 起始），"
        "$d = x - c$ 在 c 附近是精确的，只有常数项会在 $x_0$ 本身抵消。"
        "x < ln m（m 是最小正规数，由 `np.log` 和 `np.finfo` 给出）时 σ(x) 是次正规数，"
        "改算 $((1 + x) e^{x/2})\\,e^{x/2}$。",
        "With $v = \\sigma(-x) = e^{-s}$ (s the softplus of x), $\\tanh(s) = \\sigma(x)(1 + v)/(1 + v^{2})$, so "
        "the forward pass is $\\operatorname{SiLU}(x) \\cdot (1 + v)/(1 + v^{2})$: v is this package's sigmoid of "
        "`np.negative(x)`, `np.square` gives $v^{2}$, SiLU is this package's (which keeps the tail "
        "$x e^{x}$), and the factor $(1 + v)/(1 + v^{2})$ lies in [1, 1.21], with no subtraction and no "
        "overflow anywhere. The derivative is written $\\sigma(x)(1 - r)\\bigl((1 + v) + 4 x r\\bigr)$ with "
        "$r = v^{2}/(1 + v^{2}) \\in [0, 1/2]$, which avoids the cancellation of $1 - \\tanh^{2}$; r is "
        "computed as $1/(1 + 1/v^{2})$ with `np.reciprocal`, so that no second input-sized array is "
        "needed (where v is 0 or tiny, 1/v² is ∞ and r = 0, which changes "
        "the result by far less than an ulp; the division and overflow warnings are silenced by "
        "`np.errstate`). At "
        "x = +∞, 4xr is ∞·0 = NaN, and for $x < -10^{307}$ it overflows (both silenced): at +∞ "
        "`np.copyto` puts 1 at the end, where `np.equal(x, ∞)`, and very negative x belong to the tail "
        "below, where the result is computed anew. The bracket cancels at the root "
        "$x_0 \\approx -1.1924$, so within $|x - c| \\le 0.8$ ($c = -1221/1024$) the Taylor series of Mish′ about "
        "c is summed instead (37 terms, coefficients from mpmath, Horner's rule; `np.abs` selects the "
        "stretch and `np.full_like` starts the sum): $d = x - c$ is exact near c, and only the constant term "
        "can cancel, at $x_0$ itself. Below ln m (m the smallest normal number, from `np.log` and "
        "`np.finfo`) σ(x) is subnormal, and $((1 + x) e^{x/2})\\,e^{x/2}$ is computed instead.",
    ),
))
