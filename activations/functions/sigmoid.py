"""Sigmoid (logistic function)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Properties, Reference, Text


@elementwise
def sigmoid(x: np.ndarray) -> np.ndarray:
    r"""Logistic sigmoid, element-wise.

    .. math:: \sigma(x) = \frac{1}{1 + e^{-x}}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``, values in [0, 1].

    Notes
    -----
    Computed as ``1 / (1 + exp(-x))``, within 2 ulp of the exact value
    (measured in float64 and float32) wherever ``exp(-x)`` is finite. For
    x < -709.78 (float64; -88.72 in float32, -11.09 in float16) ``exp(-x)``
    overflows, which is allowed under ``np.errstate(over="ignore")``, and the
    formula would give 0, while the true value is a subnormal number down to
    x = -745.13 (float64). The entries where
    ``exp(-x)`` came out infinite are recomputed as ``exp(x)``: there
    sigma(x) = e^x / (1 + e^x) rounds to e^x.

    Examples
    --------
    >>> sigmoid([-800.0, 0.0, 800.0])
    array([0. , 0.5, 1. ])
    """
    out = np.negative(x)
    # e^{-x} = inf for x < -709.78 (float64): repaired below
    with np.errstate(over="ignore"):
        np.exp(out, out=out)
    overflow = np.isinf(out)
    np.add(out, 1, out=out)
    # 1 / (1 + e^{-x}): a few ulp wherever e^{-x} is finite
    np.reciprocal(out, out=out)
    # there sigma(x) = e^x / (1 + e^x) rounds to e^x, a subnormal or 0
    if overflow.any():
        out[overflow] = np.exp(x[overflow])
    return out


@elementwise
def sigmoid_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of the sigmoid with respect to x, element-wise.

    .. math:: \sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)
              = \tfrac14 \operatorname{sech}^2(x/2)

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`sigmoid`).

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``, values in [0, 1/4].

    Notes
    -----
    The textbook ``s * (1 - s)`` loses relative accuracy as x grows, since
    ``1 - s`` cancels (4 % error at x = 36), and gives 0 from x = 53 ln 2
    = 36.74 on, where ``1 + exp(-x)`` rounds to 1, although the true value is
    about e^{-x}. This function computes ``(0.5 / cosh(x / 2))**2``, equal to
    :math:`\tfrac14 \operatorname{sech}^2(x/2)`: no subtraction, within 4 ulp
    of the exact value (measured in float64 and float32) for every x. ``cosh(x / 2)`` overflows (allowed under
    ``np.errstate(over="ignore")``) only for |x| > 1420.95, where sigma' is
    far below the smallest subnormal and 0.5 / inf = 0 is the rounded value.

    Examples
    --------
    >>> sigmoid_derivative([0.0, 40.0])
    array([2.50000000e-01, 4.24835426e-18])
    """
    out = np.multiply(x, 0.5)
    # cosh(x/2) = inf only where sigma' underflows to 0 anyway
    with np.errstate(over="ignore"):
        np.cosh(out, out=out)
    np.divide(0.5, out, out=out)
    # sigma'(x) = (sech(x/2) / 2)^2: no subtraction, so no cancellation
    np.square(out, out=out)
    return out


def _naive(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-x))


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    return _naive(x) * (1 - _naive(x))


SPEC = register(Activation(
    name="sigmoid",
    slug="sigmoid",
    order=10,
    title=Text("Sigmoid", "Sigmoid"),
    full_name=Text("Logistic 函数（S 型函数）", "logistic sigmoid"),
    summary=Text(
        "把实数压到 $(0, 1)$，可读作概率；两侧软饱和，输出不以零为中心。",
        "Squashes a real number into $(0, 1)$, read as a probability; saturates softly on both "
        "sides and is not zero-centred.",
    ),
    forward=sigmoid,
    derivative=sigmoid_derivative,
    latex=r"\sigma(x) = \frac{1}{1 + e^{-x}}",
    latex_derivative=r"\sigma'(x) = \frac{e^{-x}}{\left(1 + e^{-x}\right)^{2}}"
    r" = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)",
    parameters=(),
    properties=Properties(
        range=r"(0,\ 1)",
        monotonic=True,
        smoothness=r"C^\infty",
        zero_centred=False,
        saturation=("soft", "soft"),
        bounded="both",
        lower=0.0,
        upper=1.0,
        note=Text(
            "导数在 x = 0 处取最大值 σ′(0) = 1/4；σ(x) + σ(−x) = 1。",
            "The derivative peaks at σ′(0) = 1/4; σ(x) + σ(−x) = 1.",
        ),
    ),
    kink=None,
    references=(
        Reference(
            "David E. Rumelhart, Geoffrey E. Hinton, Ronald J. Williams", 1986,
            "Learning representations by back-propagating errors",
            "Nature 323, 533–536", "https://doi.org/10.1038/323533a0",
        ),
        Reference(
            "Jun Han, Claudio Moraga", 1995,
            "The influence of the sigmoid function parameters on the speed of "
            "backpropagation learning",
            "IWANN 1995, LNCS 930, 195–201", "https://doi.org/10.1007/3-540-59497-3_175",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.sigmoid", "(input)",
            module="torch.nn.Sigmoid()",
            difference=Text(
                "反向传播用输出按 $(1 - \\sigma)\\,\\sigma$ 计算：x 越大，1 − σ 的舍入误差占比越大，"
                "x ≳ 37 时导数为 0（真值约 $e^{-x}$）。前向按 $1/(1 + e^{-x})$ 计算，"
                "x ≲ −709.78 时 $e^{-x}$ 上溢，函数值与导数都成为 0（真值约 $e^{x}$，"
                "是次正规数）。",
                "The backward pass computes (1 − σ)·σ from the output: the larger x, the larger the share of "
                "the rounding error of 1 − σ, and for x ≳ 37 the derivative is 0 (the true value is about "
                "$e^{-x}$). The forward pass computes $1/(1 + e^{-x})$; for x ≲ −709.78, $e^{-x}$ overflows "
                "and both the value and the derivative become 0 (the true value is about $e^{x}$, a "
                "subnormal number)."),
            call="torch.sigmoid(x)",
            backward="torch.ops.aten.sigmoid_backward(g, y)",
            deviations=(
                Deviation("f", -710.0, 0.0),
                Deviation("df", 88.72, 0.0),
                Deviation("df", 709.78, 0.0),
                Deviation("df", 710.0, 0.0),
                Deviation("df", -710.0, 0.0),
                Deviation("df", 10.0, 4.5395807735907655e-05),
                Deviation("df", 25.0, 1.3888001859448131e-11),
                Deviation("df", 37.0, 0.0),
                Deviation("df", 40.0, 0.0),
            ),
        ),
        FrameworkName(
            "Keras", "keras.activations.sigmoid", "(x)",
            difference=Text(
                "在 JAX 后端上调用 jax.nn.sigmoid，差异与 JAX 一行相同。",
                "On the JAX backend it calls jax.nn.sigmoid: the differences are those of the JAX row."),
            call="keras.activations.sigmoid(x)",
            deviations=(
                Deviation("f", -709.78, 0.0),
                Deviation("f", -710.0, 0.0),
                Deviation("df", 88.72, 0.0),
                Deviation("df", 709.78, 0.0),
                Deviation("df", -709.78, 0.0),
                Deviation("df", 710.0, 0.0),
                Deviation("df", -710.0, 0.0),
                Deviation("df", 10.0, 4.5395807735907655e-05),
                Deviation("df", 25.0, 1.3888001859448131e-11),
                Deviation("df", 37.0, 0.0),
                Deviation("df", 40.0, 0.0),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.sigmoid", "(x)",
            difference=Text(
                "导数同样由输出按 $(1 - \\sigma)\\,\\sigma$ 计算，x ≳ 37 时为 0。"
                "CPU 上的 XLA 把次正规数按 0 处理（flush-to-zero）："
                "x ≲ −708.4 时函数值与导数都是 0（本包给出次正规数）。",
                "The derivative is computed from the output as (1 − σ)·σ too, and is 0 for x ≳ 37. XLA on "
                "the CPU flushes subnormal numbers to 0: for x ≲ −708.4 both the value and the derivative "
                "are 0 (this package returns the subnormal number)."),
            call="jax.nn.sigmoid(x)",
            deviations=(
                Deviation("f", -709.78, 0.0),
                Deviation("f", -710.0, 0.0),
                Deviation("df", 88.72, 0.0),
                Deviation("df", 709.78, 0.0),
                Deviation("df", -709.78, 0.0),
                Deviation("df", 710.0, 0.0),
                Deviation("df", -710.0, 0.0),
                Deviation("df", 10.0, 4.5395807735907655e-05),
                Deviation("df", 25.0, 1.3888001859448131e-11),
                Deviation("df", 37.0, 0.0),
                Deviation("df", 40.0, 0.0),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.sigmoid", "(x, name=None)",
            module="paddle.nn.Sigmoid()",
            difference=Text(
                "与 PyTorch 相同：导数按 $(1 - \\sigma)\\,\\sigma$ 计算，x ≳ 37 时为 0；"
                "x ≲ −709.78 时 $e^{-x}$ 上溢，函数值与导数都是 0。",
                "As in PyTorch: the derivative is computed as (1 − σ)·σ and is 0 for x ≳ 37; for x ≲ "
                "−709.78, $e^{-x}$ overflows and both the value and the derivative are 0."),
            call="paddle.nn.functional.sigmoid(x)",
            deviations=(
                Deviation("f", -710.0, 0.0),
                Deviation("df", 88.72, 0.0),
                Deviation("df", 709.78, 0.0),
                Deviation("df", 710.0, 0.0),
                Deviation("df", -710.0, 0.0),
                Deviation("df", 10.0, 4.5395807735907655e-05),
                Deviation("df", 25.0, 1.3888001859448131e-11),
                Deviation("df", 37.0, 0.0),
                Deviation("df", 40.0, 0.0),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.sigmoid", "(input)",
            module="mindspore.nn.Sigmoid",
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.sigmoid.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-710.0, 40.0),
    plot_range=(-8.0, 8.0),
    implementation=Text(
        r'前向直接按 $1/(1 + e^{-x})$ 计算，`np.exp` 在 `np.errstate(over="ignore")` 下运行：'
        r"$x < -709.78$（双精度）时 $e^{-x}$ 上溢为 $+\infty$，这个式子会给出 0。"
        r"随后用 `np.isinf` 找出恰好这些元素，改用 `np.exp` 算 $e^{x}$："
        r"在那里 $\sigma(x) = e^{x}/(1 + e^{x})$ 舍入后就是 $e^{x}$，一个次正规数（$x < -745.13$ 时为 0）。"
        r"导数不经过 $1 - \sigma$，而是用 `np.cosh` 按 $\sigma'(x) = \bigl(0.5/\cosh(x/2)\bigr)^{2}"
        r" = \tfrac14\operatorname{sech}^{2}(x/2)$ 计算，式中没有减法；"
        r"`np.cosh` 只在 $|x| > 1420.95$ 时上溢（同样放在 `np.errstate` 中），"
        r"那里 $0.5/\infty = 0$ 正是正确舍入的结果。"
        r"与 mpmath 相比，双精度和单精度下 σ 的误差至多 2 ulp，σ′ 至多 4 ulp。",
        r"The forward pass evaluates $1/(1 + e^{-x})$ directly, with `np.exp` run under "
        r'`np.errstate(over="ignore")`: for $x < -709.78$ (float64) $e^{-x}$ overflows to $+\infty$ '
        r"and this formula would give 0. `np.isinf` then marks exactly those entries, and they are "
        r"recomputed as $e^{x}$ with `np.exp`, since there $\sigma(x) = e^{x}/(1 + e^{x})$ rounds to "
        r"$e^{x}$, a subnormal number (0 for $x < -745.13$). The derivative never forms $1 - \sigma$: it "
        r"computes $\sigma'(x) = \bigl(0.5/\cosh(x/2)\bigr)^{2} = \tfrac14\operatorname{sech}^{2}(x/2)$ "
        r"with `np.cosh`, which involves no subtraction; `np.cosh` overflows (again inside "
        r"`np.errstate`) only for $|x| > 1420.95$, where $0.5/\infty = 0$ is the correctly rounded "
        r"result. Measured against mpmath, σ is within 2 ulp and σ′ within 4 ulp in float64 and float32.",
    ),
))
