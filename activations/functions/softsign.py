"""Softsign (x / (1 + |x|))."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Properties, Reference, Text


@elementwise
def softsign(x: np.ndarray) -> np.ndarray:
    r"""Softsign, element-wise.

    .. math:: \operatorname{Softsign}(x) = \frac{x}{1 + |x|}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [-1, 1].

    Notes
    -----
    x / (1 + |x|) is inf / inf = NaN at x = ±inf. Clipping x to the largest
    finite float first (``np.clip``) gives max / (1 + max) = max / max = ±1
    there, the limit, and changes nothing else: 1 + |c| (``np.abs``) cannot
    overflow, and the quotient is two roundings, within 1 ulp.

    Examples
    --------
    >>> softsign([-np.inf, -1.0, 0.5, 3.0])
    array([-1.        , -0.5       ,  0.33333333,  0.75      ])
    """
    big = np.finfo(x.dtype).max
    out = np.clip(x, -big, big)  # ±inf -> ±max: max/(1 + max) = ±1
    den = np.abs(out)
    np.add(den, 1, out=den)  # 1 + |x| <= max: no overflow
    np.divide(out, den, out=out)
    return out


@elementwise
def softsign_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of Softsign with respect to x, element-wise.

    .. math:: \operatorname{Softsign}'(x) = \frac{1}{(1 + |x|)^2}

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`softsign`).

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``, values in [0, 1].

    Notes
    -----
    The textbook 1 / (1 + |x|)^2 overflows in the square for |x| > 1.3e154
    (float64) and returns 0 with a warning where the true value is still a
    normal or subnormal float. (1 / (1 + |x|))^2 (``np.abs``,
    ``np.reciprocal``, ``np.square``) squares a number <= 1 instead: it only
    underflows where the true value does. At x = ±inf it gives 1/inf = 0.

    Examples
    --------
    >>> softsign_derivative([0.0, 1.0, 1e155])
    array([1.0e+000, 2.5e-001, 1.0e-310])
    """
    out = np.abs(x)
    np.add(out, 1, out=out)
    np.reciprocal(out, out=out)
    np.square(out, out=out)  # the square of a number <= 1: no overflow
    return out


def _naive(x: np.ndarray) -> np.ndarray:
    return x / (1 + np.abs(x))


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.abs(x)) ** 2


SPEC = register(Activation(
    name="softsign",
    slug="softsign",
    order=240,
    title=Text("Softsign", "Softsign"),
    full_name=Text("软符号函数", "softsign function"),
    summary=Text(
        "把实数压到 $(-1, 1)$，形状像 Tanh，但按 $1/|x|$ 的多项式速度而不是指数速度趋近 ±1。",
        "Squashes a real number into $(-1, 1)$ like Tanh, but approaches ±1 polynomially, "
        "like $1/|x|$, instead of exponentially.",
    ),
    forward=softsign,
    derivative=softsign_derivative,
    latex=r"\operatorname{Softsign}(x) = \frac{x}{1 + |x|}",
    latex_derivative=r"\operatorname{Softsign}'(x) = \frac{1}{(1 + |x|)^{2}}",
    parameters=(),
    properties=Properties(
        range=r"(-1,\ 1)",
        monotonic=True,
        smoothness=r"C^1",
        zero_centred=True,
        saturation=("soft", "soft"),
        bounded="both",
        lower=-1.0,
        upper=1.0,
        note=Text(
            "导数在 x = 0 处取最大值 1，两侧按 $1/x^2$ 衰减（Tanh 的导数按 $e^{-2|x|}$ 衰减）。"
            "导数连续，但二阶导数在 0 处从 2 跳到 −2，所以只是 $C^1$。",
            "The derivative peaks at 1 at x = 0 and decays like $1/x^2$ on both sides (Tanh's "
            "like $e^{-2|x|}$). The derivative is continuous, but the second derivative jumps "
            "from 2 to −2 at 0, so it is $C^1$ only.",
        ),
    ),
    kink=None,
    references=(
        Reference(
            "Joseph Turian, James Bergstra, Yoshua Bengio", 2009,
            "Quadratic features and deep architectures for chunking",
            "NAACL HLT 2009, Short Papers, 245–248", "https://aclanthology.org/N09-2062/",
        ),
        Reference(
            "Xavier Glorot, Yoshua Bengio", 2010,
            "Understanding the difficulty of training deep feedforward neural networks",
            "AISTATS 2010, PMLR 9, 249–256", "https://proceedings.mlr.press/v9/glorot10a.html",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.softsign", "(input)",
            module="torch.nn.Softsign()",
            difference=Text(
                "按 x/(1 + |x|) 计算，x = ±∞ 时是 ∞/∞ = NaN（极限为 ±1）。自动求导按商的"
                "求导法则得到 1/(1 + |x|) − |x|/(1 + |x|)²，两项几乎相等，|x| 越大丢失的"
                "位数越多（|x| ≈ 40 时差几个 ulp），x = ±10¹⁵⁵ 时为 0（真值约 10⁻³¹⁰），±∞"
                " 处为 NaN（真值为 0）。",
                "It computes x/(1 + |x|), which is ∞/∞ = NaN at x = ±∞ (the limit is ±1). Autograd applies the"
                " quotient rule, 1/(1 + |x|) − |x|/(1 + |x|)², two nearly equal terms: the larger |x|, the more"
                " bits are lost (a few ulp at |x| ≈ 40); it is 0 at x = ±10¹⁵⁵ (the true value is about 10⁻³¹⁰)"
                " and NaN at ±∞ (the true value is 0)."),
            call="torch.nn.functional.softsign(x)",
            deviations=(
                Deviation("f", float("inf"), float("nan")),
                Deviation("f", float("-inf"), float("nan")),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", 88.72, 0.000124228565454243),
                Deviation("df", -88.72, 0.000124228565454243),
                Deviation("df", 709.78, 1.9793819327816684e-06),
                Deviation("df", -709.78, 1.9793819327816684e-06),
                Deviation("df", 710.0, 1.97815718832651e-06),
                Deviation("df", -710.0, 1.97815718832651e-06),
                Deviation("df", 745.13, 1.7962674309672175e-06),
                Deviation("df", -745.13, 1.7962674309672175e-06),
                Deviation("df", 800.0, 1.5586010620306876e-06),
                Deviation("df", -800.0, 1.5586010620306876e-06),
                Deviation("df", 37.0, 0.0006925207756232656),
                Deviation("df", -37.0, 0.0006925207756232656),
                Deviation("df", 40.0, 0.0005948839976204663),
                Deviation("df", -40.0, 0.0005948839976204663),
                Deviation("df", 1e+155, 0.0),
                Deviation("df", -1e+155, 0.0),
            ),
        ),
        FrameworkName(
            "Keras", "keras.activations.softsign", "(x)",
            difference=Text(
                "在 JAX 后端上调用 jax.nn.soft_sign，函数值和导数的差异与 JAX 一行相同；没有对"
                "应的层。",
                "On the JAX backend it calls jax.nn.soft_sign: the value and the derivative differ as in the JAX"
                " row; there is no layer."),
            call="keras.activations.softsign(x)",
            deviations=(
                Deviation("f", float("inf"), float("nan")),
                Deviation("f", float("-inf"), float("nan")),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", 88.72, 0.00012422856545424125),
                Deviation("df", -88.72, 0.00012422856545424125),
                Deviation("df", 709.78, 1.9793819327818853e-06),
                Deviation("df", -709.78, 1.9793819327818853e-06),
                Deviation("df", 710.0, 1.97815718832651e-06),
                Deviation("df", -710.0, 1.97815718832651e-06),
                Deviation("df", 745.13, 1.7962674309672175e-06),
                Deviation("df", -745.13, 1.7962674309672175e-06),
                Deviation("df", 800.0, 1.5586010620309045e-06),
                Deviation("df", -800.0, 1.5586010620309045e-06),
                Deviation("df", 1e+300, 1e-300),
                Deviation("df", -1e+300, 1e-300),
                Deviation("df", 37.0, 0.0006925207756232656),
                Deviation("df", -37.0, 0.0006925207756232656),
                Deviation("df", 40.0, 0.0005948839976204628),
                Deviation("df", -40.0, 0.0005948839976204628),
                Deviation("df", 1e+155, 1e-155),
                Deviation("df", -1e+155, 1e-155),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.soft_sign", "(x)",
            difference=Text(
                "函数名写作 soft_sign。按 x/(1 + |x|) 计算，x = ±∞ 时为 NaN（极限为 ±1"
                "）；jax.grad 按商的求导法则相减，|x| 越大丢失的位数越多，x = ±10³⁰⁰ 时得 10⁻³⁰⁰"
                "（真值约 10⁻⁶⁰⁰，舍入为 0），±∞ 处为 NaN（真值为 0）。",
                "Spelled soft_sign. It computes x/(1 + |x|), NaN at x = ±∞ (the limit is ±1); jax.grad subtracts"
                " by the quotient rule, losing more bits the larger |x| is: 10⁻³⁰⁰ at x = ±10³⁰⁰ (the true value"
                " is about 10⁻⁶⁰⁰, which rounds to 0), and NaN at ±∞ (the true value is 0)."),
            call="jax.nn.soft_sign(x)",
            deviations=(
                Deviation("f", float("inf"), float("nan")),
                Deviation("f", float("-inf"), float("nan")),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", 88.72, 0.00012422856545424125),
                Deviation("df", -88.72, 0.00012422856545424125),
                Deviation("df", 709.78, 1.9793819327818853e-06),
                Deviation("df", -709.78, 1.9793819327818853e-06),
                Deviation("df", 710.0, 1.97815718832651e-06),
                Deviation("df", -710.0, 1.97815718832651e-06),
                Deviation("df", 745.13, 1.7962674309672175e-06),
                Deviation("df", -745.13, 1.7962674309672175e-06),
                Deviation("df", 800.0, 1.5586010620309045e-06),
                Deviation("df", -800.0, 1.5586010620309045e-06),
                Deviation("df", 1e+300, 1e-300),
                Deviation("df", -1e+300, 1e-300),
                Deviation("df", 37.0, 0.0006925207756232656),
                Deviation("df", -37.0, 0.0006925207756232656),
                Deviation("df", 40.0, 0.0005948839976204628),
                Deviation("df", -40.0, 0.0005948839976204628),
                Deviation("df", 1e+155, 1e-155),
                Deviation("df", -1e+155, 1e-155),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.softsign", "(x, name=None)",
            module="paddle.nn.Softsign()",
            difference=Text(
                "x = ±∞ 处输出 NaN（极限为 ±1）。导数按 1/(1 + |x|)² 计算，平方在 |x| >"
                " 1.3·10¹⁵⁴ 时上溢，x = ±10¹⁵⁵ 时得 0（真值约 10⁻³¹⁰）。",
                "At x = ±∞ it returns NaN (the limit is ±1). The derivative is computed as 1/(1 + |x|)², whose"
                " square overflows for |x| > 1.3·10¹⁵⁴: 0 at x = ±10¹⁵⁵ (the true value is about 10⁻³¹⁰)."),
            call="paddle.nn.functional.softsign(x)",
            deviations=(
                Deviation("f", float("inf"), float("nan")),
                Deviation("f", float("-inf"), float("nan")),
                Deviation("df", 1e+155, 0.0),
                Deviation("df", -1e+155, 0.0),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.softsign", "(x)",
            module="mindspore.nn.Softsign()",
            difference=Text(
                "文档写明输入只支持 float16 和 float32。",
                "The documentation says the input must be float16 or float32."),
            source="https://mindspore.cn/docs/en/r2.5.0/api_python/ops/mindspore.ops.softsign.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(float("inf"), float("-inf"), 1e155),
    plot_range=(-6.0, 6.0),
    breakpoints=lambda **_: (0.0,),  # f' is continuous at 0, f'' jumps from 2 to -2
    implementation=Text(
        r"前向先用 `np.clip` 把 $x$ 截到最大有限浮点数 $\pm M$ 以内：$x = \pm\infty$ 时教科书公式是 "
        r"$\infty/\infty = \text{NaN}$，截断后得到 $M/(1 + M) = M/M = \pm 1$，正是极限；其余输入不变。"
        r"然后用 `np.abs` 求 $1 + |x|$（不会上溢），再相除：两次舍入，误差不超过 1 ulp。"
        r"导数按 $\bigl(1/(1 + |x|)\bigr)^{2}$ 计算（`np.abs`、`np.reciprocal`、`np.square`）："
        r"先取倒数再平方，平方的是不超过 1 的数，不会上溢；$x = \pm\infty$ 时 $1/\infty = 0$。",
        r"The forward pass first clips $x$ to the largest finite float $\pm M$ with `np.clip`: at "
        r"$x = \pm\infty$ the textbook formula is $\infty/\infty = \text{NaN}$, while the clipped "
        r"value gives $M/(1 + M) = M/M = \pm 1$, the limit; no other input changes. It then forms "
        r"$1 + |x|$ with `np.abs` (no overflow) and divides: two roundings, within 1 ulp. The "
        r"derivative is computed as $\bigl(1/(1 + |x|)\bigr)^{2}$ (`np.abs`, `np.reciprocal`, "
        r"`np.square`): the reciprocal first, so the square is of a number at most 1 and cannot "
        r"overflow; at $x = \pm\infty$, $1/\infty = 0$.",
    ),
))
