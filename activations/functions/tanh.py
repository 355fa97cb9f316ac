"""Tanh (hyperbolic tangent)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Properties, Reference, Text


@elementwise
def tanh(x: np.ndarray) -> np.ndarray:
    r"""Hyperbolic tangent, element-wise.

    .. math:: \tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``, values in [-1, 1].

    Notes
    -----
    The textbook quotient of exponentials is NaN (inf/inf) for |x| > 709.78
    (float64) and returns 0 for 0 < |x| < 2^{-54} = 5.6e-17, where e^x and
    e^{-x} both round to 1 (tanh(1e-20) is 1e-20). ``np.tanh``, the C library's
    tanh, has neither problem: it returns x itself for tiny x and ±1 in the
    tails, and is within 1 ulp of the exact value (measured in float64 and
    float32).

    Examples
    --------
    >>> tanh([-1000.0, 1e-20, 1000.0])
    array([-1.e+00,  1.e-20,  1.e+00])
    """
    # the library primitive: accurate near 0 and in the tails
    return np.tanh(x)


@elementwise
def tanh_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of tanh with respect to x, element-wise.

    .. math:: \tanh'(x) = 1 - \tanh^2(x) = \operatorname{sech}^2(x) = \frac{1}{\cosh^2(x)}

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`tanh`).

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``, values in [0, 1].

    Notes
    -----
    The textbook ``1 - tanh(x)**2`` loses relative accuracy as |x| grows
    (the subtraction cancels: 4 % error at x = 18) and is 0 once tanh(x)
    rounds to ±1, from |x| = 18.71 with the textbook quotient and from
    |x| = 18.99 with ``np.tanh``, although the true value is about
    4e^{-2|x|}. This function computes ``(1 / cosh(x))**2``: no subtraction,
    within 4 ulp of the exact value (measured in float64 and float32) for
    every x. ``cosh(x)`` overflows (allowed under
    ``np.errstate(over="ignore")``) only for |x| > 710.48, where tanh' is
    far below the smallest subnormal and 1 / inf = 0 is the rounded value.

    Examples
    --------
    >>> tanh_derivative([0.0, 20.0])
    array([1.0000000e+00, 1.6993417e-17])
    """
    # cosh(x) = inf only where tanh' underflows to 0 anyway
    with np.errstate(over="ignore"):
        out = np.cosh(x)
    np.reciprocal(out, out=out)
    np.square(out, out=out)  # sech^2(x): no cancellation, unlike 1 - tanh^2
    return out


def _naive(x: np.ndarray) -> np.ndarray:
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    return 1 - _naive(x) ** 2


SPEC = register(Activation(
    name="tanh",
    slug="tanh",
    order=20,
    title=Text("Tanh", "Tanh"),
    full_name=Text("双曲正切函数", "hyperbolic tangent"),
    summary=Text(
        "把实数压到 $(-1, 1)$，输出以零为中心；两侧软饱和。",
        "Squashes a real number into $(-1, 1)$ with zero-centred output; saturates softly on "
        "both sides.",
    ),
    forward=tanh,
    derivative=tanh_derivative,
    latex=r"\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
    latex_derivative=r"\tanh'(x) = 1 - \tanh^{2}(x) = \frac{4}{\left(e^{x} + e^{-x}\right)^{2}}",
    parameters=(),
    properties=Properties(
        range=r"(-1,\ 1)",
        monotonic=True,
        smoothness=r"C^\infty",
        zero_centred=True,
        saturation=("soft", "soft"),
        bounded="both",
        lower=-1.0,
        upper=1.0,
        note=Text(
            "导数在 x = 0 处取最大值 tanh′(0) = 1；tanh(x) = 2σ(2x) − 1。",
            "The derivative peaks at tanh′(0) = 1; tanh(x) = 2σ(2x) − 1.",
        ),
    ),
    kink=None,
    references=(
        Reference(
            "Yann LeCun, Léon Bottou, Genevieve B. Orr, Klaus-Robert Müller", 1998,
            "Efficient BackProp",
            "Neural Networks: Tricks of the Trade, LNCS 1524, 9–50",
            "https://doi.org/10.1007/3-540-49430-8_2",
        ),
        Reference(
            "Xavier Glorot, Yoshua Bengio", 2010,
            "Understanding the difficulty of training deep feedforward neural networks",
            "AISTATS 2010, PMLR 9, 249–256", "https://proceedings.mlr.press/v9/glorot10a.html",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.tanh", "(input)",
            module="torch.nn.Tanh()",
            difference=Text(
                "反向传播用输出按 1 − tanh² 计算：|x| 越大丢失的有效数字越多，"
                "|x| ≳ 19 时导数为 0（真值约 $4e^{-2|x|}$）。",
                "The backward pass computes 1 − tanh² from the output: the larger |x|, the more digits are "
                "lost, and for |x| ≳ 19 the derivative is 0 (the true value is about $4e^{-2|x|}$)."),
            call="torch.tanh(x)",
            backward="torch.ops.aten.tanh_backward(g, y)",
            deviations=(
                Deviation("df", 88.72, 0.0),
                Deviation("df", -88.72, 0.0),
                Deviation("df", 2.5, 0.02659222668316057),
                Deviation("df", -2.5, 0.02659222668316057),
                Deviation("df", 10.0, 8.244614529632978e-09),
                Deviation("df", -10.0, 8.244614529632978e-09),
                Deviation("df", 25.0, 0.0),
                Deviation("df", -25.0, 0.0),
                Deviation("df", 37.0, 0.0),
                Deviation("df", -37.0, 0.0),
                Deviation("df", 40.0, 0.0),
                Deviation("df", -40.0, 0.0),
                Deviation("df", 20.0, 0.0),
                Deviation("df", -20.0, 0.0),
            ),
        ),
        FrameworkName(
            "Keras", "keras.activations.tanh", "(x)",
            difference=Text(
                "在 JAX 后端上，Keras 把 float64 输入先转成 float32 再计算（floatx 设为 float64 也一样），"
                "所以函数值和导数只有 float32 的精度：|x| < 1.4·10⁻⁴⁵ 时得 0，"
                "|x| ≳ 9 时导数已为 0。",
                "On the JAX backend Keras casts a float64 input to float32 before computing (even with "
                "floatx set to float64), so the value and the derivative have float32 precision only: |x| < "
                "1.4·10⁻⁴⁵ gives 0, and the derivative is already 0 for |x| ≳ 9."),
            call="keras.activations.tanh(x)",
            deviations=(
                Deviation("f", 1e-300, 0.0),
                Deviation("f", -1e-300, -0.0),
                Deviation("f", 0.5, 0.46211716532707214),
                Deviation("f", -0.5, -0.46211716532707214),
                Deviation("f", 1.0, 0.7615941762924194),
                Deviation("f", -1.0, -0.7615941762924194),
                Deviation("f", 2.5, 0.9866143465042114),
                Deviation("f", -2.5, -0.9866143465042114),
                Deviation("f", 10.0, 1.0),
                Deviation("f", -10.0, -1.0),
                Deviation("f", 1e-20, 9.999999682655225e-21),
                Deviation("f", -1e-20, -9.999999682655225e-21),
                Deviation("df", 88.72, 0.0),
                Deviation("df", -88.72, 0.0),
                Deviation("df", 0.5, 0.7864477038383484),
                Deviation("df", -0.5, 0.7864477634429932),
                Deviation("df", 1.0, 0.41997432708740234),
                Deviation("df", -1.0, 0.41997432708740234),
                Deviation("df", 2.5, 0.026592131704092026),
                Deviation("df", -2.5, 0.026592135429382324),
                Deviation("df", 10.0, 0.0),
                Deviation("df", -10.0, 0.0),
                Deviation("df", 25.0, 0.0),
                Deviation("df", -25.0, 0.0),
                Deviation("df", 37.0, 0.0),
                Deviation("df", -37.0, 0.0),
                Deviation("df", 40.0, 0.0),
                Deviation("df", -40.0, 0.0),
                Deviation("df", 20.0, 0.0),
                Deviation("df", -20.0, 0.0),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.tanh", "(x)",
            difference=Text(
                "与 PyTorch 相同，导数按 1 − tanh² 计算：|x| 越大丢失的有效数字越多，"
                "|x| ≳ 19 时为 0。",
                "As in PyTorch, the derivative is computed as 1 − tanh²: the larger |x|, the more digits are "
                "lost, and it is 0 for |x| ≳ 19."),
            call="jax.nn.tanh(x)",
            deviations=(
                Deviation("df", 88.72, 0.0),
                Deviation("df", -88.72, 0.0),
                Deviation("df", 2.5, 0.02659222668316079),
                Deviation("df", -2.5, 0.026592226683160858),
                Deviation("df", 10.0, 8.244614751677581e-09),
                Deviation("df", -10.0, 8.244614768671e-09),
                Deviation("df", 25.0, 0.0),
                Deviation("df", -25.0, 0.0),
                Deviation("df", 37.0, 0.0),
                Deviation("df", -37.0, 0.0),
                Deviation("df", 40.0, 0.0),
                Deviation("df", -40.0, 0.0),
                Deviation("df", 20.0, 0.0),
                Deviation("df", -20.0, 0.0),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.tanh", "(x, name=None)",
            module="paddle.nn.Tanh()",
            difference=Text(
                "与 PyTorch 相同，导数按 1 − tanh² 计算：|x| 越大丢失的有效数字越多，"
                "|x| ≳ 19 时为 0。",
                "As in PyTorch, the derivative is computed as 1 − tanh²: the larger |x|, the more digits are "
                "lost, and it is 0 for |x| ≳ 19."),
            call="paddle.nn.functional.tanh(x)",
            deviations=(
                Deviation("df", 88.72, 0.0),
                Deviation("df", -88.72, 0.0),
                Deviation("df", 2.5, 0.026592226683160525),
                Deviation("df", -2.5, 0.026592226683160525),
                Deviation("df", 10.0, 8.244614546626394e-09),
                Deviation("df", -10.0, 8.244614546626394e-09),
                Deviation("df", 25.0, 0.0),
                Deviation("df", -25.0, 0.0),
                Deviation("df", 37.0, 0.0),
                Deviation("df", -37.0, 0.0),
                Deviation("df", 40.0, 0.0),
                Deviation("df", -40.0, 0.0),
                Deviation("df", 20.0, 0.0),
                Deviation("df", -20.0, 0.0),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.tanh", "(input)",
            module="mindspore.nn.Tanh",
            difference=Text(
                "文档写明 nn.Tanh 只接受 float16 和 float32 输入。",
                "Its documentation says that nn.Tanh accepts float16 and float32 input only."),
            source="https://mindspore.cn/docs/en/r2.5.0/api_python/nn/mindspore.nn.Tanh.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(1e-20, 20.0, 711.0),
    plot_range=(-5.0, 5.0),
    implementation=Text(
        r"前向直接调用 `np.tanh`，即 C 数学库的 tanh：它对很小的 $x$ 返回 $x$ 本身，在两端返回 $\pm 1$，"
        r"实测误差不超过 1 ulp。导数不经过 $1 - \tanh^{2}$，而是用 `np.cosh` 按 "
        r"$\tanh'(x) = \bigl(1/\cosh x\bigr)^{2} = \operatorname{sech}^{2} x$ 计算，式中没有减法。"
        r'`np.cosh` 在 $|x| > 710.48$（双精度）时上溢为 $+\infty$，这里有意放在 `np.errstate(over="ignore")` 中、'
        r"不发警告：那里 $1/\infty = 0$ 正是正确舍入的结果，因为真值约 $4e^{-2|x|}$ 远小于最小的次正规数。"
        r"与 mpmath 相比，双精度和单精度下导数的误差至多 4 ulp。",
        r"The forward pass calls `np.tanh`, the C library's tanh, which returns $x$ itself for tiny $x$ "
        r"and $\pm 1$ in the tails and is within 1 ulp of the exact value (measured). The derivative never "
        r"forms $1 - \tanh^{2}$: it computes $\tanh'(x) = \bigl(1/\cosh x\bigr)^{2} = \operatorname{sech}^{2} x$ "
        r"with `np.cosh`, which involves no subtraction. `np.cosh` overflows to $+\infty$ for "
        r'$|x| > 710.48$ (float64), deliberately and without a warning inside `np.errstate(over="ignore")`: '
        r"there $1/\infty = 0$ is the correctly rounded result, since the true value, about $4e^{-2|x|}$, is "
        r"far below the smallest subnormal number. Measured against mpmath, the derivative is within 4 ulp "
        r"in float64 and float32.",
    ),
))
