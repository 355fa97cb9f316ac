"""Tanhshrink (x minus tanh x)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Properties, Reference, Text

#: Below this |x|, x - tanh(x) loses more than 2 ulp to cancellation.
_CUT = 1.125


def _lambert(y: np.ndarray) -> np.ndarray:
    """y - tanh(y) for |y| < _CUT from Lambert's continued fraction."""
    # y - tanh y = y^3 / (D + y^2), D = 3 + y^2/(5 + y^2/(7 + ...)):
    # all terms positive, no cancellation; 8 levels reach float64's 2^-53
    # for |y| < 1.125, 4 levels float32's 2^-24
    levels = 8 if y.dtype == np.float64 else 4
    y2 = np.square(y)
    d = np.full_like(y, 2 * levels + 3)
    for k in range(levels, 0, -1):
        np.divide(y2, d, out=d)
        np.add(d, 2 * k + 1, out=d)
    np.add(d, y2, out=d)
    np.divide(y2, d, out=d)
    return np.multiply(d, y, out=d)


@elementwise
def tanhshrink(x: np.ndarray) -> np.ndarray:
    r"""Tanhshrink, x minus its hyperbolic tangent, element-wise.

    .. math:: \operatorname{Tanhshrink}(x) = x - \tanh(x)

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``; odd, about x^3/3 near 0 and x -+ 1
        in the tails.

    Notes
    -----
    For |x| >= 1.125 the difference x - ``np.tanh(x)`` loses at most two
    bits (tanh(x) < x/1.2 there). Below, where it cancels (every digit for
    |x| < 1e-8), the entries with |x| < 1.125 are picked out by their
    indices (``np.less``, ``np.flatnonzero``; no masked ufunc over the whole
    array) and replaced by x^3/(D + x^2), D = 3 + x^2/(5 + x^2/(7 + ...)),
    Lambert's continued fraction of tanh cut after 8 levels (float64) or 4
    (float32): a sum and quotients of positive numbers. NaN and ±inf go
    through np.tanh.

    Examples
    --------
    >>> tanhshrink([-2.0, 1e-6, 1.0])
    array([-1.03597242e+00,  3.33333333e-19,  2.38405844e-01])
    """
    flat = x.reshape(-1)  # a view of a contiguous x
    out = np.abs(flat)
    small = np.flatnonzero(np.less(out, _CUT))  # NaN and ±inf not among them
    np.tanh(flat, out=out)
    np.subtract(flat, out, out=out)  # accurate for |x| >= 1.125
    out[small] = _lambert(flat[small])  # cancellation-free for |x| < 1.125
    return out.reshape(x.shape)


@elementwise
def tanhshrink_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of Tanhshrink with respect to x, element-wise.

    .. math:: \operatorname{Tanhshrink}'(x) = 1 - \operatorname{sech}^2(x) = \tanh^2(x)

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`tanhshrink`).

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``, values in [0, 1].

    Notes
    -----
    1 - sech^2(x) cancels near 0 (it is 0 for |x| < 1e-8, where the true
    value is about x^2); the equal tanh(x)^2 (``np.tanh``, ``np.square``)
    has no subtraction and is within 3 ulp of the exact value.

    Examples
    --------
    >>> tanhshrink_derivative([0.0, 1e-9, 1.0])
    array([0.00000000e+00, 1.00000000e-18, 5.80025658e-01])
    """
    out = np.tanh(x)
    np.square(out, out=out)  # tanh^2 = 1 - sech^2, without the subtraction
    return out


def _naive(x: np.ndarray) -> np.ndarray:
    return x - np.tanh(x)


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    return 1 - (1 - np.tanh(x) ** 2)


SPEC = register(Activation(
    name="tanhshrink",
    slug="tanhshrink",
    order=220,
    title=Text("Tanhshrink", "Tanhshrink"),
    full_name=Text("Tanh 收缩函数", "tanh shrinkage function"),
    summary=Text(
        "x 减去 tanh(x)：0 附近约为 $x^3/3$，很平；远离 0 时趋向 $x \\mp 1$，把输入向 0 拉近至多 1。",
        "x minus tanh(x): flat near 0, about $x^3/3$; far from 0 it approaches $x \\mp 1$, pulling "
        "the input towards 0 by at most 1.",
    ),
    forward=tanhshrink,
    derivative=tanhshrink_derivative,
    latex=r"\operatorname{Tanhshrink}(x) = x - \tanh(x)",
    latex_derivative=r"\operatorname{Tanhshrink}'(x) = 1 - \operatorname{sech}^{2}(x) = \tanh^{2}(x)",
    parameters=(),
    properties=Properties(
        range=r"(-\infty,\ +\infty)",
        monotonic=True,
        smoothness=r"C^\infty",
        zero_centred=True,
        saturation=("none", "none"),
        bounded="none",
        lower=float("-inf"),
        upper=float("inf"),
        note=Text(
            "导数 tanh²(x) 在 x = 0 处为 0（只在这一点），向两侧增大并趋于 1；"
            "渐近线是 y = x − 1（x → +∞）和 y = x + 1（x → −∞）。",
            "The derivative tanh²(x) is 0 at x = 0 (and only there) and grows towards 1 on both "
            "sides; the asymptotes are y = x − 1 (x → +∞) and y = x + 1 (x → −∞).",
        ),
    ),
    kink=None,
    references=(
        Reference(
            "Ronan Collobert, Koray Kavukcuoglu, Clément Farabet", 2011,
            "Torch7: A Matlab-like environment for machine learning",
            "BigLearn, NIPS 2011 Workshop", "https://infoscience.epfl.ch/record/192376",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.tanhshrink", "(input)",
            module="torch.nn.Tanhshrink()",
            difference=Text(
                "按定义直接算 x − tanh(x)，在 0 附近相消：x = 10⁻⁹ 时得 0（真值约 3.3·10⁻²⁸"
                "），x = 10⁻³ 时相对误差约 5·10⁻¹¹，只剩约 10 位有效数字。自动求导按 1 − (1 −"
                " tanh²x) 求导数，同样相消，x = 10⁻⁹ 时得 0（真值约 10⁻¹⁸）。",
                "It computes x − tanh(x) as written, which cancels near 0: x = 10⁻⁹ gives 0 (the true value is"
                " about 3.3·10⁻²⁸), and at x = 10⁻³ the relative error is about 5·10⁻¹¹, about 10 significant"
                " digits left. Autograd forms the derivative as 1 − (1 − tanh²x), which cancels too: 0 at x ="
                " 10⁻⁹ (the true value is about 10⁻¹⁸)."),
            call="torch.nn.functional.tanhshrink(x)",
            deviations=(
                Deviation("f", 1e-09, 0.0),
                Deviation("f", -1e-09, 0.0),
                Deviation("f", 0.001, 3.333332000178546e-10),
                Deviation("f", -0.001, -3.333332000178546e-10),
                Deviation("f", 0.1, 0.0003320053750441865),
                Deviation("f", -0.1, -0.0003320053750441865),
                Deviation("df", 1e-09, 0.0),
                Deviation("df", -1e-09, 0.0),
                Deviation("df", 0.001, 9.999993333398294e-07),
                Deviation("df", -0.001, 9.999993333398294e-07),
                Deviation("df", 0.1, 0.0099337091525602),
                Deviation("df", -0.1, 0.0099337091525602),
            ),
        ),
        FrameworkName(
            "Keras", "keras.activations.tanh_shrink", "(x)",
            difference=Text(
                "函数名写作 tanh_shrink；没有对应的层。在 JAX 后端上同样直接算 x − tanh(x)，0"
                " 附近的相消与 PyTorch 一行相同；导数由 jax.grad 按 1 − (1 − tanh²x)"
                " 得到，0 附近甚至是负的：x = 10⁻⁹ 时约为 −2.7·10⁻¹⁷，x = 10⁻³⁰⁰ 时为 −10⁻³⁰⁰"
                "（真值约 x² ≥ 0）。",
                "Spelled tanh_shrink; there is no layer. On the JAX backend it also computes x − tanh(x), with"
                " the cancellation near 0 of the PyTorch row; the derivative, from jax.grad as 1 − (1 − tanh²x),"
                " is even negative near 0: about −2.7·10⁻¹⁷ at x = 10⁻⁹ and −10⁻³⁰⁰ at x = 10⁻³⁰⁰ (the true value"
                " is about x² ≥ 0)."),
            call="keras.activations.tanh_shrink(x)",
            deviations=(
                Deviation("f", 1e-09, 0.0),
                Deviation("f", -1e-09, 0.0),
                Deviation("f", 0.001, 3.333332000178546e-10),
                Deviation("f", -0.001, -3.333332000178546e-10),
                Deviation("f", 0.1, 0.0003320053750441726),
                Deviation("f", -0.1, -0.0003320053750441726),
                Deviation("df", 1e-300, -1e-300),
                Deviation("df", -1e-300, 1e-300),
                Deviation("df", 1e-09, -2.7281931583290744e-17),
                Deviation("df", -1e-09, -8.17403707875975e-17),
                Deviation("df", 0.001, 9.99999333284752e-07),
                Deviation("df", -0.001, 9.999993333827638e-07),
                Deviation("df", 0.1, 0.009933709152560186),
                Deviation("df", -0.1, 0.009933709152560158),
            ),
        ),
        FrameworkName(
            "JAX", "jax.numpy.tanh", "(x, /)",
            difference=Text(
                "jax.nn 没有这个函数，用 x − jax.numpy.tanh(x) 组合，0 附近的相消与 PyTorch"
                " 一行相同；jax.grad 给出的导数在 0 附近是负的（x = 10⁻⁹ 时约 −2.7·10⁻¹⁷"
                "，真值约 10⁻¹⁸）。",
                "jax.nn does not ship it; composed as x − jax.numpy.tanh(x), it cancels near 0 as in the PyTorch"
                " row, and the derivative from jax.grad is negative near 0 (about −2.7·10⁻¹⁷ at x = 10⁻⁹; the"
                " true value is about 10⁻¹⁸)."),
            call="jax.numpy.subtract(x, jax.numpy.tanh(x))",
            deviations=(
                Deviation("f", 1e-09, 0.0),
                Deviation("f", -1e-09, 0.0),
                Deviation("f", 0.001, 3.333332000178546e-10),
                Deviation("f", -0.001, -3.333332000178546e-10),
                Deviation("f", 0.1, 0.0003320053750441726),
                Deviation("f", -0.1, -0.0003320053750441726),
                Deviation("df", 1e-300, -1e-300),
                Deviation("df", -1e-300, 1e-300),
                Deviation("df", 1e-09, -2.7281931583290744e-17),
                Deviation("df", -1e-09, -8.17403707875975e-17),
                Deviation("df", 0.001, 9.99999333284752e-07),
                Deviation("df", -0.001, 9.999993333827638e-07),
                Deviation("df", 0.1, 0.009933709152560186),
                Deviation("df", -0.1, 0.009933709152560158),
            ),
            composed=True,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.tanhshrink", "(x, name=None)",
            module="paddle.nn.Tanhshrink()",
            difference=Text(
                "前向同样直接算 x − tanh(x)，0 附近的相消与 PyTorch 一行相同；导数在这些输入上与本"
                "包一致。",
                "The forward pass also computes x − tanh(x), with the cancellation near 0 of the PyTorch row;"
                " the derivative agrees with this package on these inputs."),
            call="paddle.nn.functional.tanhshrink(x)",
            deviations=(
                Deviation("f", 1e-09, 0.0),
                Deviation("f", -1e-09, 0.0),
                Deviation("f", 0.001, 3.333332000178546e-10),
                Deviation("f", -0.001, -3.333332000178546e-10),
                Deviation("f", 0.1, 0.0003320053750441865),
                Deviation("f", -0.1, -0.0003320053750441865),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.tanhshrink", "(input)",
            module="mindspore.nn.Tanhshrink()",
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.tanhshrink.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(1e-9, 1e-3, 0.1),
    plot_range=(-4.0, 4.0),
    implementation=Text(
        r"前向先用 `np.abs` 和 `np.less` 标出 $|x| < 1.125$ 的元素（布尔数组，NaN 和 $\pm\infty$ 不在其中），"
        r"再对整个数组算 $x - \tanh x$（`np.tanh`）：$|x| \ge 1.125$ 时 $\tanh x < x/1.2$，"
        r"相减至多损失两位。标出的元素由 `np.flatnonzero` 给出下标、按下标取出，按 Lambert 连分式 "
        r"$x - \tanh x = x^{3}/(D + x^{2})$、$D = 3 + x^{2}/(5 + x^{2}/(7 + \cdots))$ 重算"
        r"（`np.square`、`np.full_like` 起步，逐层 `np.divide`、`np.add`，最后 `np.multiply`），"
        r"双精度截到 8 层、单精度 4 层；式中只有正数的加法和除法，没有相消，结果写回原位。"
        r"这样不在整个数组上用带掩码的 ufunc。导数是 $\tanh^{2} x$（`np.tanh` 后 `np.square`），"
        r"与 $1 - \operatorname{sech}^{2} x$ 相等，但没有减法。",
        r"The forward pass marks the entries with $|x| < 1.125$ with `np.abs` and `np.less` (a "
        r"boolean array; NaN and $\pm\infty$ are not among them), then computes $x - \tanh x$ "
        r"(`np.tanh`) over the whole array: for $|x| \ge 1.125$, $\tanh x < x/1.2$ and the "
        r"subtraction loses at most two bits. The marked entries are taken out by their indices, from "
        r"`np.flatnonzero`, "
        r"and recomputed from Lambert's continued fraction, $x - \tanh x = x^{3}/(D + x^{2})$ with "
        r"$D = 3 + x^{2}/(5 + x^{2}/(7 + \cdots))$ (`np.square`, a start from `np.full_like`, "
        r"`np.divide` and `np.add` per level, `np.multiply` at the end), cut after 8 levels in "
        r"float64 and 4 in float32: only sums and quotients of positive numbers, no cancellation; "
        r"the results are written back in place. No masked ufunc runs over the whole array. The "
        r"derivative is $\tanh^{2} x$ (`np.tanh`, then `np.square`), equal to "
        r"$1 - \operatorname{sech}^{2} x$ but without the subtraction.",
    ),
))
