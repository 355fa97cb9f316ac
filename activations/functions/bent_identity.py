"""Bent identity."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Properties, Reference, Text


def _ratio(x: np.ndarray) -> np.ndarray:
    """The ratio x / sqrt(x^2 + 1), a new array: 1 at inf, -1 at -inf."""
    # beyond 2^60, x / hypot(x, 1) is ±1 in every dtype: no inf / inf
    big = min(2.0**60, float(np.finfo(x.dtype).max))
    r = np.clip(x, -big, big)
    np.divide(r, np.hypot(r, 1), out=r)
    return r


@elementwise
def bent_identity(x: np.ndarray) -> np.ndarray:
    r"""Bent identity, element-wise.

    .. math:: \operatorname{BentIdentity}(x) = \frac{\sqrt{x^{2} + 1} - 1}{2} + x

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``.

    Notes
    -----
    With r = x / sqrt(x^2 + 1) and sqrt(x^2 + 1) - 1 = x^2 / (sqrt(x^2 + 1)
    + 1), the function is x (1 + q / 2), q = x / (sqrt(x^2 + 1) + 1) in
    (-1, 1): nothing cancels near 0, where sqrt(x^2 + 1) - 1 would, and
    ``np.hypot`` never forms x^2, which overflows for |x| > 1.34e154.

    Examples
    --------
    >>> bent_identity([-1e300, -1.0, 0.0, 1e-5, 1.0])
    array([-5.00000000e+299, -7.92893219e-001,  0.00000000e+000,
            1.00000250e-005,  1.20710678e+000])
    """
    big = min(2.0**60, float(np.finfo(x.dtype).max))
    out = np.clip(x, -big, big)  # ±inf -> ±2^60, where q = ±1
    tmp = np.hypot(out, 1)
    np.add(tmp, 1, out=tmp)
    np.divide(out, tmp, out=out)  # q = x / (sqrt(x^2 + 1) + 1)
    np.multiply(out, 0.5, out=out)
    np.add(out, 1, out=out)
    # x (1 + q / 2) = inf only where 1.5 x is beyond the largest float
    with np.errstate(over="ignore"):
        np.multiply(out, x, out=out)
    return out


@elementwise
def bent_identity_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of the bent identity with respect to x, element-wise.

    .. math:: \operatorname{BentIdentity}'(x) = 1 + \frac{x}{2\sqrt{x^{2} + 1}}

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`bent_identity`).

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [1/2, 3/2].

    Notes
    -----
    x / hypot(x, 1) lies in [-1, 1] and never overflows; the sum with 1
    loses at most one bit for x < 0.

    Examples
    --------
    >>> bent_identity_derivative([-np.inf, 0.0, 1e200])
    array([0.5, 1. , 1.5])
    """
    out = _ratio(x)
    np.multiply(out, 0.5, out=out)
    np.add(out, 1, out=out)
    return out


def _naive(x: np.ndarray) -> np.ndarray:
    return (np.sqrt(x * x + 1) - 1) / 2 + x


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    return x / (2 * np.sqrt(x * x + 1)) + 1


SPEC = register(Activation(
    name="bent_identity",
    slug="bent-identity",
    order=180,
    title=Text("Bent Identity", "Bent Identity"),
    full_name=Text("弯曲恒等函数", "bent identity"),
    summary=Text(
        "恒等映射加上半条双曲线 $(\\sqrt{x^{2} + 1} - 1)/2$：处处光滑、严格递增，"
        "导数在 1/2 与 3/2 之间，两侧都不饱和。",
        "The identity plus half a hyperbola, $(\\sqrt{x^{2} + 1} - 1)/2$: smooth and strictly "
        "increasing, with a derivative between 1/2 and 3/2 and no saturation on either side.",
    ),
    forward=bent_identity,
    derivative=bent_identity_derivative,
    latex=r"\operatorname{BentIdentity}(x) = \frac{\sqrt{x^{2} + 1} - 1}{2} + x",
    latex_derivative=r"\operatorname{BentIdentity}'(x) = \frac{x}{2\sqrt{x^{2} + 1}} + 1",
    parameters=(),
    properties=Properties(
        range=r"(-\infty,\ +\infty)",
        monotonic=True,
        smoothness=r"C^\infty",
        zero_centred=False,
        saturation=("none", "none"),
        bounded="none",
        lower=float("-inf"),
        upper=float("inf"),
        note=Text(
            "凸函数；导数在 $(1/2,\\ 3/2)$ 内严格递增，f(0) = 0、f′(0) = 1。"
            "x → +∞ 时 f(x) ≈ 3x/2 − 1/2，x → −∞ 时 f(x) ≈ x/2 − 1/2。",
            "Convex; the derivative increases strictly within $(1/2,\\ 3/2)$, with f(0) = 0 and "
            "f′(0) = 1. As x → +∞, f(x) ≈ 3x/2 − 1/2; as x → −∞, f(x) ≈ x/2 − 1/2."),
    ),
    kink=None,
    references=(
        Reference(
            "Wikipedia contributors", 2018,
            "Activation function: table of activation functions (bent identity)",
            "Wikipedia (the function is listed there by February 2018; no origin paper is known)",
            "https://en.wikipedia.org/wiki/Activation_function",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.sqrt", "(input, *, out=None)",
            difference=Text(
                "PyTorch 没有这个函数，这里用 torch.sqrt 按定义组合。"
                "$x^{2}$ 在 $|x| > 1.34 \\times 10^{154}$ 时上溢："
                "x = −10³⁰⁰ 处得 +∞（真值 −5·10²⁹⁹），x = −∞ 处得 NaN（∞ − ∞），这些 |x| 处导数得 1"
                "（真值 1/2 或 3/2），±∞ 处得 NaN；原点附近 $\\sqrt{x^{2} + 1} - 1$ 相消，"
                "x = 10⁻⁵ 处只剩约 12 位有效数字。",
                "PyTorch does not ship this function; the row composes it from torch.sqrt, "
                "as the definition reads. $x^{2}$ overflows for $|x| > 1.34 \\times 10^{154}$: x = −10³⁰⁰ gives +∞ "
                "(the true value is −5·10²⁹⁹) and x = −∞ gives NaN (∞ − ∞), the derivative is 1 at those |x| "
                "(the true value is 1/2 or 3/2) and NaN at ±∞; near 0, $\\sqrt{x^{2} + 1} - 1$ cancels, "
                "leaving about 12 significant digits at x = 10⁻⁵."),
            call="torch.sqrt(x * x + 1) / 2 - 0.5 + x",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", 1e+300, float("inf")),
                Deviation("f", -1e+300, float("inf")),
                Deviation("f", 1e-05, 1.000002500000207e-05),
                Deviation("f", -1e-05, -9.999974999997932e-06),
                Deviation("f", 2e+154, float("inf")),
                Deviation("f", -2e+154, float("inf")),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", 1e+300, 1.0),
                Deviation("df", -1e+300, 1.0),
                Deviation("df", 2e+154, 1.0),
                Deviation("df", -2e+154, 1.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "Keras", "keras.ops.sqrt", "(x)",
            difference=Text(
                "Keras 没有这个函数，这里用 keras.ops.sqrt 按定义组合。"
                "$x^{2}$ 在 $|x| > 1.34 \\times 10^{154}$ 时上溢："
                "x = −10³⁰⁰ 处得 +∞（真值 −5·10²⁹⁹），x = −∞ 处得 NaN（∞ − ∞），这些 |x| 处导数得 1"
                "（真值 1/2 或 3/2），±∞ 处得 NaN；原点附近 $\\sqrt{x^{2} + 1} - 1$ 相消，"
                "x = 10⁻⁵ 处只剩约 12 位有效数字。",
                "Keras does not ship this function; the row composes it from keras.ops.sqrt, as "
                "the definition reads. $x^{2}$ overflows for $|x| > 1.34 \\times 10^{154}$: x = −10³⁰⁰ gives +∞ "
                "(the true value is −5·10²⁹⁹) and x = −∞ gives NaN (∞ − ∞), the derivative is 1 at those |x| "
                "(the true value is 1/2 or 3/2) and NaN at ±∞; near 0, $\\sqrt{x^{2} + 1} - 1$ cancels, "
                "leaving about 12 significant digits at x = 10⁻⁵."),
            call="keras.ops.sqrt(x * x + 1) / 2 - 0.5 + x",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", 1e+300, float("inf")),
                Deviation("f", -1e+300, float("inf")),
                Deviation("f", 1e-05, 1.000002500000207e-05),
                Deviation("f", -1e-05, -9.999974999997932e-06),
                Deviation("f", 2e+154, float("inf")),
                Deviation("f", -2e+154, float("inf")),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", 1e+300, 1.0),
                Deviation("df", -1e+300, 1.0),
                Deviation("df", 2e+154, 1.0),
                Deviation("df", -2e+154, 1.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "JAX", "jax.numpy.sqrt", "(x, /)",
            difference=Text(
                "JAX 没有这个函数，这里用 jax.numpy.sqrt 按定义组合。"
                "$x^{2}$ 在 $|x| > 1.34 \\times 10^{154}$ 时上溢："
                "x = −10³⁰⁰ 处得 +∞（真值 −5·10²⁹⁹），x = −∞ 处得 NaN（∞ − ∞），这些 |x| 处导数得 1"
                "（真值 1/2 或 3/2），±∞ 处得 NaN；原点附近 $\\sqrt{x^{2} + 1} - 1$ 相消，"
                "x = 10⁻⁵ 处只剩约 12 位有效数字。",
                "JAX does not ship this function; the row composes it from jax.numpy.sqrt, as "
                "the definition reads. $x^{2}$ overflows for $|x| > 1.34 \\times 10^{154}$: x = −10³⁰⁰ gives +∞ "
                "(the true value is −5·10²⁹⁹) and x = −∞ gives NaN (∞ − ∞), the derivative is 1 at those |x| "
                "(the true value is 1/2 or 3/2) and NaN at ±∞; near 0, $\\sqrt{x^{2} + 1} - 1$ cancels, "
                "leaving about 12 significant digits at x = 10⁻⁵."),
            call="jax.numpy.sqrt(x * x + 1) / 2 - 0.5 + x",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", 1e+300, float("inf")),
                Deviation("f", -1e+300, float("inf")),
                Deviation("f", 1e-05, 1.000002500000207e-05),
                Deviation("f", -1e-05, -9.999974999997932e-06),
                Deviation("f", 2e+154, float("inf")),
                Deviation("f", -2e+154, float("inf")),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", 1e+300, 1.0),
                Deviation("df", -1e+300, 1.0),
                Deviation("df", 2e+154, 1.0),
                Deviation("df", -2e+154, 1.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.sqrt", "(x, name=None)",
            difference=Text(
                "PaddlePaddle 没有这个函数，这里用 paddle.sqrt 按定义组合。"
                "$x^{2}$ 在 $|x| > 1.34 \\times 10^{154}$ 时上溢："
                "x = −10³⁰⁰ 处得 +∞（真值 −5·10²⁹⁹），x = −∞ 处得 NaN（∞ − ∞），这些 |x| 处导数得 1"
                "（真值 1/2 或 3/2），±∞ 处得 NaN；原点附近 $\\sqrt{x^{2} + 1} - 1$ 相消，"
                "x = 10⁻⁵ 处只剩约 12 位有效数字。",
                "PaddlePaddle does not ship this function; the row composes it from paddle.sqrt, "
                "as the definition reads. $x^{2}$ overflows for $|x| > 1.34 \\times 10^{154}$: x = −10³⁰⁰ gives +∞ "
                "(the true value is −5·10²⁹⁹) and x = −∞ gives NaN (∞ − ∞), the derivative is 1 at those |x| "
                "(the true value is 1/2 or 3/2) and NaN at ±∞; near 0, $\\sqrt{x^{2} + 1} - 1$ cancels, "
                "leaving about 12 significant digits at x = 10⁻⁵."),
            call="paddle.sqrt(x * x + 1) / 2 - 0.5 + x",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", 1e+300, float("inf")),
                Deviation("f", -1e+300, float("inf")),
                Deviation("f", 1e-05, 1.000002500000207e-05),
                Deviation("f", -1e-05, -9.999974999997932e-06),
                Deviation("f", 2e+154, float("inf")),
                Deviation("f", -2e+154, float("inf")),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", 1e+300, 1.0),
                Deviation("df", -1e+300, 1.0),
                Deviation("df", 2e+154, 1.0),
                Deviation("df", -2e+154, 1.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.sqrt", "(x)",
            difference=Text(
                "MindSpore 没有这个函数，可以写成 mindspore.ops.sqrt(x * x + 1) / 2 − 0.5 + x。",
                "MindSpore does not ship this function; it can be written as "
                "mindspore.ops.sqrt(x * x + 1) / 2 − 0.5 + x."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.sqrt.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(1e-5, 2e154, -1e300),
    plot_range=(-4.0, 4.0),
    implementation=Text(
        "前向利用 $\\sqrt{x^{2} + 1} - 1 = x^{2}/(\\sqrt{x^{2} + 1} + 1)$，把函数写成 $x\\,(1 + q/2)$，"
        "其中 $q = x/(\\sqrt{x^{2} + 1} + 1)$ 在 $(-1, 1)$ 内：原点附近没有相减，"
        "$\\sqrt{x^{2} + 1}$ 由 `np.hypot` 计算，它不会先算出 $x^{2}$，所以 $|x| > 1.34 \\times 10^{154}$ 时也不上溢。"
        "x 先用 `np.clip` 截到 $\\pm 2^{60}$，那里 q 已舍入为 $\\pm 1$，$\\pm\\infty$ 因而不会产生 $\\infty/\\infty$；"
        "q 由 `np.add` 和 `np.divide` 得到，再用 `np.multiply` 乘回 x。$1.5x$ 超过最大浮点数时结果上溢为 $+\\infty$，"
        '这正是正确舍入的值，所以最后一次乘法放在 `np.errstate(over="ignore")` 中。'
        "导数是 $1 + r/2$，$r = x/\\sqrt{x^{2} + 1}$ 同样由 `np.clip` 和 `np.hypot` 计算，位于 $[-1, 1]$。"
        "与 mpmath 相比，实测前向在双精度和单精度下至多 2 ulp，导数至多 1 ulp。",
        "The forward pass uses $\\sqrt{x^{2} + 1} - 1 = x^{2}/(\\sqrt{x^{2} + 1} + 1)$ to write the "
        "function as $x\\,(1 + q/2)$ with $q = x/(\\sqrt{x^{2} + 1} + 1)$ in $(-1, 1)$: nothing is "
        "subtracted near 0, and $\\sqrt{x^{2} + 1}$ comes from `np.hypot`, which never forms $x^{2}$ and "
        "so does not overflow for $|x| > 1.34 \\times 10^{154}$. x is first clipped to $\\pm 2^{60}$ by "
        "`np.clip`, where q has rounded to $\\pm 1$, so $\\pm\\infty$ never gives $\\infty/\\infty$; q "
        "comes from `np.add` and `np.divide`, and `np.multiply` multiplies it back by x. Where $1.5x$ is "
        "beyond the largest float the result overflows to $+\\infty$, the correctly rounded value, so "
        'that last product runs inside `np.errstate(over="ignore")`. The derivative is $1 + r/2$ with '
        "$r = x/\\sqrt{x^{2} + 1}$ in $[-1, 1]$, from `np.clip` and `np.hypot` as well. Measured against "
        "mpmath, the forward pass is within 2 ulp in float64 and float32, the derivative within 1 ulp.",
    ),
))
