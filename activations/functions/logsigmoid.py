"""LogSigmoid, the logarithm of the logistic sigmoid."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Properties, Reference, Text
from .sigmoid import sigmoid


@elementwise
def logsigmoid(x: np.ndarray) -> np.ndarray:
    r"""Logarithm of the logistic sigmoid, element-wise.

    .. math:: \operatorname{LogSigmoid}(x) = \ln\sigma(x)
              = -\ln\!\left(1 + e^{-x}\right)

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [-inf, 0].

    Notes
    -----
    ``log(1 / (1 + exp(-x)))`` is -inf for x <= -710, where exp(-x)
    overflows, and 0 for x > 36.7, where 1 + exp(-x) rounds to 1 although
    the answer is about -e^{-x}. The identity

    .. math:: \ln\sigma(x) = \min(x, 0) - \ln\!\left(1 + e^{-|x|}\right)

    needs only ``np.exp`` of -|x|, in [0, 1], and ``np.log1p`` keeps its
    tiny values; both terms are <= 0, so the difference never cancels.

    Examples
    --------
    >>> logsigmoid([-800.0, 0.0, 40.0])
    array([-8.00000000e+02, -6.93147181e-01, -4.24835426e-18])
    """
    t = np.abs(x)
    np.negative(t, out=t)
    np.exp(t, out=t)  # exp(-|x|) in [0, 1]: never overflows
    np.log1p(t, out=t)  # log(1 + tiny) keeps tiny
    out = np.minimum(x, 0)  # NaN stays NaN
    # both terms <= 0: the difference never cancels
    np.subtract(out, t, out=out)
    return out


@elementwise
def logsigmoid_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of LogSigmoid with respect to x, element-wise.

    .. math:: \operatorname{LogSigmoid}'(x) = \frac{1}{1 + e^{x}}
              = \sigma(-x)

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`logsigmoid`).

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [0, 1].

    Notes
    -----
    ``1 - sigmoid(x)`` cancels for large x (0 for x > 36.7, where the answer
    is about e^{-x}); the package's sigmoid of -x has no cancellation.

    Examples
    --------
    >>> logsigmoid_derivative([-800.0, 0.0, 40.0])
    array([1.00000000e+00, 5.00000000e-01, 4.24835426e-18])
    """
    return sigmoid(np.negative(x))  # sigma(-x): 1 - sigma(x) would cancel


def _naive(x: np.ndarray) -> np.ndarray:
    return np.log(1 / (1 + np.exp(-x)))


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    return 1 - 1 / (1 + np.exp(-x))


SPEC = register(Activation(
    name="logsigmoid",
    slug="logsigmoid",
    order=330,
    title=Text("LogSigmoid", "LogSigmoid"),
    full_name=Text("对数 Sigmoid 函数", "logarithm of the logistic sigmoid"),
    summary=Text(
        "Sigmoid 的对数，等于 −SoftPlus(−x)，即二分类交叉熵与负采样损失中的那一项，取值在 $(-\\infty, 0)$ 内。",
        "The logarithm of the sigmoid, equal to −SoftPlus(−x): the term inside binary cross-entropy "
        "and negative-sampling losses, with values in $(-\\infty, 0)$.",
    ),
    forward=logsigmoid,
    derivative=logsigmoid_derivative,
    latex=r"\operatorname{LogSigmoid}(x) = \ln\sigma(x) = \ln\frac{1}{1 + e^{-x}} = -\ln\!\left(1 + e^{-x}\right)",
    latex_derivative=r"\operatorname{LogSigmoid}'(x) = \frac{1}{1 + e^{x}} = 1 - \sigma(x) = \sigma(-x)",
    parameters=(),
    properties=Properties(
        range=r"(-\infty,\ 0)",
        monotonic=True,
        smoothness=r"C^\infty",
        zero_centred=False,
        saturation=("none", "soft"),
        bounded="above",
        lower=float("-inf"),
        upper=0.0,
        note=Text(
            "x → −∞ 时渐近于直线 y = x（导数趋于 1），x → +∞ 时从下方趋于 0；"
            "严格凹，导数 σ(−x) 单调递减。",
            "Asymptotic to the line y = x as x → −∞ (the derivative tends to 1), and tends to 0 from "
            "below as x → +∞; strictly concave, with a decreasing derivative σ(−x)."),
    ),
    kink=None,
    references=(
        Reference(
            "Tomas Mikolov, Ilya Sutskever, Kai Chen, Greg Corrado, Jeffrey Dean", 2013,
            "Distributed representations of words and phrases and their compositionality",
            "Advances in Neural Information Processing Systems 26 (NIPS 2013), 3111–3119",
            "https://arxiv.org/abs/1310.4546",
        ),
        Reference(
            "Martin Mächler", 2012,
            "Accurately computing log(1 − exp(−|a|)), assessed by the Rmpfr package",
            "Vignette of the R package Rmpfr",
            "https://CRAN.R-project.org/package=Rmpfr/vignettes/log1mexp-note.pdf",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.logsigmoid", "(input)",
            module="torch.nn.LogSigmoid()",
            call="torch.nn.functional.logsigmoid(x)",
        ),
        FrameworkName(
            "Keras", "keras.activations.log_sigmoid", "(x)",
            difference=Text(
                "在 JAX 后端上调用 jax.nn.log_sigmoid，差异与 JAX 一行相同。",
                "On the JAX backend it calls jax.nn.log_sigmoid: it differs as in the JAX row."),
            call="keras.activations.log_sigmoid(x)",
            deviations=(
                Deviation("f", 709.78, -0.0),
                Deviation("f", 710.0, -0.0),
                Deviation("df", 709.78, 0.0),
                Deviation("df", 710.0, 0.0),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.log_sigmoid", "(x)",
            difference=Text(
                "CPU 上的 XLA 把次正规数按 0 处理（flush-to-zero）：x = 709.78、710 处函数值的真值约为 "
                "$-e^{-x}$，是次正规数，JAX 得 −0；导数的真值约为 $e^{-x}$，JAX 得 0。",
                "XLA on the CPU flushes subnormal numbers to 0: at x = 709.78 and 710 the true value is "
                "about $-e^{-x}$, a subnormal number, and JAX gives −0; the derivative, about $e^{-x}$, "
                "comes out as 0."),
            call="jax.nn.log_sigmoid(x)",
            deviations=(
                Deviation("f", 709.78, -0.0),
                Deviation("f", 710.0, -0.0),
                Deviation("df", 709.78, 0.0),
                Deviation("df", 710.0, 0.0),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.log_sigmoid", "(x, name=None)",
            module="paddle.nn.LogSigmoid(name=None)",
            difference=Text(
                "前向按 $-t - \\ln\\left(e^{-t} + e^{-x-t}\\right)$（$t = \\max(-x, 0)$）计算，用的是 log "
                "而不是 log1p：x > 0 时 $\\ln(1 + e^{-x})$ 丢失有效数字，"
                "x = 10 处只剩约 11 位有效数字，x = 25 处约 5 位，"
                "x ≥ 37 时得 0（真值约为 $-e^{-x}$）；x = −∞ 时 $\\infty - \\infty$ 得 NaN。"
                "导数在 x = −∞ 处为 NaN；x ≥ 710 时为 5.6e−309 而不是真值 $e^{-x}$ 或 0。",
                "The forward pass computes $-t - \\ln\\left(e^{-t} + e^{-x-t}\\right)$ with $t = \\max(-x, 0)$, "
                "with log rather than log1p: for x > 0, $\\ln(1 + e^{-x})$ loses digits, about 11 correct "
                "ones are left at "
                "x = 10 and 5 at x = 25, and x ≥ 37 gives 0 (the true value is about $-e^{-x}$); at x = −∞, "
                "$\\infty - \\infty$ gives NaN. The derivative is NaN at x = −∞, and 5.6e−309 for x ≥ 710 "
                "instead of the true $e^{-x}$ or 0."),
            call="paddle.nn.functional.log_sigmoid(x)",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", 88.72, 0.0),
                Deviation("f", 709.78, 0.0),
                Deviation("f", 710.0, 0.0),
                Deviation("f", 10.0, -4.5398899216870535e-05),
                Deviation("f", 25.0, -1.388800185954457e-11),
                Deviation("f", 37.0, 0.0),
                Deviation("f", 40.0, -0.0),
                Deviation("df", float("inf"), 5.55552948377339e-309),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", 710.0, 5.55552948377339e-309),
                Deviation("df", 745.13, 5.55552948377339e-309),
                Deviation("df", 800.0, 5.55552948377339e-309),
                Deviation("df", 1e+300, 5.55552948377339e-309),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.logsigmoid", "(x)",
            module="mindspore.nn.LogSigmoid()",
            difference=Text(
                "文档写明输入只支持 float16 和 float32，并把公式写作 $\\log(1/(1 + \\exp(-x)))$。",
                "Its documentation says that the input supports float16 and float32 only, and writes "
                "the formula as $\\log(1/(1 + \\exp(-x)))$."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.logsigmoid.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-710.0, -800.0, 40.0),
    plot_range=(-6.0, 6.0),
    implementation=Text(
        "前向用恒等式 $\\ln\\sigma(x) = \\min(x, 0) - \\ln\\left(1 + e^{-|x|}\\right)$："
        "先取 `np.abs` 再取负，`np.exp` 只作用在不大于 0 的数上，结果在 [0, 1] 内，不会上溢；"
        "`np.log1p` 直接算 $\\ln(1 + t)$，t 很小时不丢失 t 的有效数字；最后从 `np.minimum(x, 0)` "
        "中减去它。两项都不大于 0，相减实为两个非负数相加，没有相消误差。"
        "导数是 $\\sigma(-x)$：`np.negative` 取 −x 后交给本包的 Sigmoid，"
        "不用会在 x 很大时相消的 $1 - \\sigma(x)$。",
        "The forward pass uses the identity $\\ln\\sigma(x) = \\min(x, 0) - \\ln\\left(1 + "
        "e^{-|x|}\\right)$: `np.abs` then a negation, so `np.exp` only sees numbers that are not "
        "positive and returns a value in [0, 1], with no overflow; `np.log1p` computes "
        "$\\ln(1 + t)$ without losing the digits of a tiny t; the result is subtracted from "
        "`np.minimum(x, 0)`. Both terms are at most 0, so the subtraction adds two magnitudes and "
        "nothing cancels. The derivative is $\\sigma(-x)$: `np.negative` forms −x and the "
        "package's sigmoid takes it, rather than $1 - \\sigma(x)$, which cancels for large x.",
    ),
))
