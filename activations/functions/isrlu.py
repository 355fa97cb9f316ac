"""ISRLU (inverse square root linear unit)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise, real_param
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Parameter, Properties, Text
from .isru import _CARLILE


@elementwise
def isrlu(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    r"""Inverse square root linear unit, element-wise.

    .. math:: \operatorname{ISRLU}(x) = \begin{cases} x & x \ge 0 \\
              \dfrac{x}{\sqrt{1 + \alpha x^2}} & x < 0 \end{cases}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.
    alpha : float, default 1.0
        alpha > 0: ISRLU tends to -1/sqrt(alpha) as x -> -inf.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [-1/sqrt(alpha), inf].

    Raises
    ------
    ValueError
        If ``alpha`` is not finite or not > 0.

    Notes
    -----
    With t = min(x, 0) (``np.minimum``), v = alpha t^2 and w = min(v, 1/v),
    the result is max(x, -c) / sqrt(1 + w), c = 1/sqrt(alpha)
    (``np.maximum``, ``np.sqrt``), as in
    :func:`activations.functions.isru.isru`: neither alpha x^2 overflowing
    nor x = -inf gives 0 or NaN. For x >= 0, t = 0, w = 0 and the
    denominator is exactly 1, so the result is x itself.

    Examples
    --------
    >>> isrlu([-np.inf, -1.0, 0.0, 2.0])
    array([-1.        , -0.70710678,  0.        ,  2.        ])
    """
    a = real_param(alpha, "alpha", positive=True)
    dt = x.dtype.type
    c = dt(1 / np.sqrt(np.longdouble(dt(a))))  # 1/sqrt(alpha), rounded once
    out = np.minimum(x, 0)  # t: only x < 0 takes the ISRU piece
    with np.errstate(over="ignore", divide="ignore"):
        # inf where alpha t^2 or its reciprocal overflows: the minimum drops it
        np.square(out, out=out)
        if a != 1:
            np.multiply(out, dt(a), out=out)  # v = alpha t^2
        r = np.divide(1, out)  # 1/v
    np.minimum(out, r, out=out)  # w = min(v, 1/v) <= 1
    np.add(out, 1, out=out)
    np.sqrt(out, out=out)
    # max(x, -c): x for x >= 0 (divided by 1, exact), the ISRU numerator below
    np.maximum(x, -c, out=r)
    np.divide(r, out, out=out)
    return out


@elementwise
def isrlu_derivative(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    r"""Derivative of ISRLU with respect to x, element-wise.

    .. math:: \operatorname{ISRLU}'(x) = \begin{cases} 1 & x \ge 0 \\
              \left(\dfrac{1}{\sqrt{1 + \alpha x^2}}\right)^{3} & x < 0 \end{cases}

    Both pieces are 1 at x = 0, and so are both one-sided second
    derivatives' limits 0: the function is C^2 there.

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`isrlu`).
    alpha : float, default 1.0
        See :func:`isrlu`.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [0, 1].

    Notes
    -----
    q = 1 / (1 + alpha t^2) with t = min(x, 0) (``np.minimum``,
    ``np.square``, ``np.reciprocal``), then q * sqrt(q) (``np.sqrt``): for
    x >= 0, t = 0 and the result is exactly 1. Where alpha t^2 overflows,
    q = 0, and the true value (below 1e-462) also rounds to 0.

    Examples
    --------
    >>> isrlu_derivative([-1.0, 0.0, 2.0])
    array([0.35355339, 1.        , 1.        ])
    """
    a = real_param(alpha, "alpha", positive=True)
    dt = x.dtype.type
    out = np.minimum(x, 0)  # t = min(x, 0): 1 below for x >= 0
    with np.errstate(over="ignore"):  # inf gives q = 0: the right value
        np.square(out, out=out)
        if a != 1:
            np.multiply(out, dt(a), out=out)
    np.add(out, 1, out=out)
    np.reciprocal(out, out=out)  # q = 1 / (1 + alpha t^2) <= 1
    r = np.sqrt(out)
    np.multiply(out, r, out=out)  # q^(3/2)
    return out


def _naive(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    return np.where(x >= 0, x, x / np.sqrt(1 + alpha * x**2))


def _naive_derivative(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    return np.where(x >= 0, 1.0, 1 / (1 + alpha * x**2) ** 1.5)


SPEC = register(Activation(
    name="isrlu",
    slug="isrlu",
    order=360,
    title=Text("ISRLU", "ISRLU"),
    full_name=Text("逆平方根线性单元", "inverse square root linear unit"),
    summary=Text(
        "正半轴为恒等，负半轴用 ISRU 平滑地趋向 $-1/\\sqrt{\\alpha}$：形状像 ELU，但只用平方根，不用指数，"
        "且二阶导数连续。",
        "The identity for positive input and ISRU for negative input, which approaches "
        "$-1/\\sqrt{\\alpha}$ smoothly: shaped like ELU, but with a square root instead of an exponential, "
        "and with a continuous second derivative.",
    ),
    forward=isrlu,
    derivative=isrlu_derivative,
    latex=r"\operatorname{ISRLU}(x) = \begin{cases} x, & x \ge 0 \\ \dfrac{x}{\sqrt{1 + \alpha x^{2}}}, "
          r"& x < 0 \end{cases}",
    latex_derivative=r"\operatorname{ISRLU}'(x) = \begin{cases} 1, & x \ge 0 \\ "
                     r"\left(\dfrac{1}{\sqrt{1 + \alpha x^{2}}}\right)^{3}, & x < 0 \end{cases}",
    parameters=(
        Parameter(
            "alpha", r"\alpha", 1.0, r"\alpha > 0",
            Text("论文中的超参数 α：x → −∞ 时 ISRLU 趋向 $-1/\\sqrt{\\alpha}$，决定负半轴的饱和值；"
                 "论文没有给默认值，1.0 使饱和值为 −1，与 α = 1 的 ELU 相同",
                 "the paper's hyperparameter α: ISRLU tends to $-1/\\sqrt{\\alpha}$ as x → −∞, the "
                 "saturation value for negative input; the paper gives no default, and 1.0 makes it −1, "
                 "as for ELU with α = 1"),
            check=lambda v: v > 0,
        ),
    ),
    properties=Properties(
        range=r"(-1,\ +\infty)",
        monotonic=True,
        smoothness=r"C^2",
        zero_centred=False,
        saturation=("soft", "none"),
        bounded="below",
        lower=-1.0,
        upper=float("inf"),
        note=Text(
            "表中是默认 α = 1 时的性质；一般地值域是 $(-1/\\sqrt{\\alpha},\\ +\\infty)$。"
            "在 x = 0 处两段的函数值（0）、导数（1）和二阶导数（0）都相接，三阶导数从 −3α 跳到 0，"
            "所以是 $C^2$（ELU 在 α = 1 时只是 $C^1$）。",
            "The table holds at the default α = 1; in general the range is "
            "$(-1/\\sqrt{\\alpha},\\ +\\infty)$. At x = 0 the two pieces meet in value (0), derivative (1) "
            "and second derivative (0); the third derivative jumps from −3α to 0, so ISRLU is $C^2$ (ELU "
            "with α = 1 is only $C^1$)."),
    ),
    kink=None,
    references=(_CARLILE,),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.maximum", "(input, other, *, out=None)",
            difference=Text(
                "PyTorch 没有这个函数。因为 x ≥ 0 时 ISRU(x) ≤ x、x < 0 时 ISRU(x) > x，ISRLU 就是两者中较大的一个，"
                "这里写成 torch.maximum(x, torch.rsqrt(1 + x * x) * x)（α = 1）。x = ±∞ 时 ISRU 部分是 0·∞ = NaN，"
                "取大后仍是 NaN；x < −1.34·10¹⁵⁴ 时 x·x 上溢，结果为 −0（真值 −1）。负半轴的导数与 ISRU "
                "的组合写法一样按乘积法则两项相减，|x| 越大丢失的位数越多，x = −10¹⁰³ 时得 −1.9·10⁻¹¹⁸（真值 "
                "10⁻³⁰⁹）；±∞ 处为 NaN。",
                "PyTorch does not ship this function. Since ISRU(x) ≤ x for x ≥ 0 and ISRU(x) > x for x < 0, ISRLU "
                "is the larger of the two; the row writes it as torch.maximum(x, torch.rsqrt(1 + x * x) * x) (α = "
                "1). At x = ±∞ the ISRU part is 0·∞ = NaN, and the maximum keeps the NaN; for x < −1.34·10¹⁵⁴, x·x "
                "overflows and the result is −0 (the true value is −1). On the negative side autograd subtracts the "
                "two terms of the product rule as for the ISRU composition, losing more bits the larger |x| is: "
                "−1.9·10⁻¹¹⁸ at x = −10¹⁰³ (the true value is 10⁻³⁰⁹); at ±∞ it is NaN."),
            call="torch.maximum(x, torch.rsqrt(1 + x * x) * x)",
            deviations=(
                Deviation("f", float("inf"), float("nan")),
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -1e+300, -0.0),
                Deviation("f", -1e+155, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -88.72, 1.431702039231958e-06),
                Deviation("df", -709.78, 2.796581199254744e-09),
                Deviation("df", -710.0, 2.793982370984105e-09),
                Deviation("df", -745.13, 2.4171448651227195e-09),
                Deviation("df", -800.0, 1.9531204223377507e-09),
                Deviation("df", -2.5, 0.05122630018677299),
                Deviation("df", -10.0, 0.000985185336841568),
                Deviation("df", -25.0, 6.384670662758912e-05),
                Deviation("df", -37.0, 1.9720555728408584e-05),
                Deviation("df", -40.0, 1.561036299825222e-05),
                Deviation("df", -1e+103, -1.8588441191276728e-118),
            ),
            composed=True,
        ),
        FrameworkName(
            "Keras", "keras.ops.maximum", "(x1, x2)",
            difference=Text(
                "Keras 没有这个函数，这里写成 keras.ops.maximum(x, keras.ops.rsqrt(1 + x * x) * x)（JAX 后端）。x = "
                "±∞ 时 ISRU 部分是 0·∞ = NaN，取大后仍是 NaN；x < −1.34·10¹⁵⁴ 时 x·x 上溢，结果为 −0（真值 −1）。"
                "负半轴的导数与 ISRU 的组合写法一样按乘积法则两项相减，|x| 越大丢失的位数越多，x = −10¹⁰³ 时得 "
                "10⁻¹⁰³（真值 10⁻³⁰⁹）；±∞ 处为 NaN。",
                "Keras does not ship this function; the row writes it as keras.ops.maximum(x, keras.ops.rsqrt(1 + x "
                "* x) * x) (on the JAX backend). At x = ±∞ the ISRU part is 0·∞ = NaN, and the maximum keeps the "
                "NaN; for x < −1.34·10¹⁵⁴, x·x overflows and the result is −0 (the true value is −1). On the "
                "negative side autograd subtracts the two terms of the product rule as for the ISRU composition, "
                "losing more bits the larger |x| is: 10⁻¹⁰³ at x = −10¹⁰³ (the true value is 10⁻³⁰⁹); at ±∞ it is "
                "NaN."),
            call="keras.ops.maximum(x, keras.ops.rsqrt(1 + x * x) * x)",
            deviations=(
                Deviation("f", float("inf"), float("nan")),
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -1e+300, -0.0),
                Deviation("f", -1e+155, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -88.72, 1.4317020392302232e-06),
                Deviation("df", -709.78, 2.796581199254744e-09),
                Deviation("df", -710.0, 2.793982370984105e-09),
                Deviation("df", -745.13, 2.41714486533956e-09),
                Deviation("df", -800.0, 1.9531204223377507e-09),
                Deviation("df", -2.5, 0.05122630018677299),
                Deviation("df", -10.0, 0.000985185336841568),
                Deviation("df", -25.0, 6.384670662758912e-05),
                Deviation("df", -37.0, 1.9720555728405115e-05),
                Deviation("df", -40.0, 1.561036299825569e-05),
                Deviation("df", -1e+103, 1e-103),
            ),
            composed=True,
        ),
        FrameworkName(
            "JAX", "jax.numpy.where", "(condition, x=None, y=None, /)",
            difference=Text(
                "JAX 没有这个函数，这里写成 jax.numpy.where(x >= 0, x, jax.lax.rsqrt(1 + x * x) * x)。x = −∞ "
                "时被选中的分支是 0·∞ = NaN；x < −1.34·10¹⁵⁴ 时 x·x 上溢，结果为 −0（真值 −1）。jax.grad "
                "对没被选中的分支传回 0，但 0 乘以该分支在 x = +∞ 处的 NaN 导数仍是 NaN，所以 ±∞ 处导数为 NaN；"
                "负半轴的导数与 ISRU 一样两项相减，x = −10¹⁰³ 时得 10⁻¹⁰³（真值 10⁻³⁰⁹）。",
                "JAX does not ship this function; the row writes it as jax.numpy.where(x >= 0, x, jax.lax.rsqrt(1 + "
                "x * x) * x). At x = −∞ the selected branch is 0·∞ = NaN; for x < −1.34·10¹⁵⁴, x·x overflows and "
                "the result is −0 (the true value is −1). jax.grad sends 0 into the branch that is not selected, "
                "but 0 times that branch's NaN derivative at x = +∞ is still NaN, so the derivative is NaN at ±∞; "
                "on the negative side it subtracts two terms as for ISRU, and gives 10⁻¹⁰³ at x = −10¹⁰³ (the true "
                "value is 10⁻³⁰⁹)."),
            call="jax.numpy.where(x >= 0, x, jax.lax.rsqrt(1 + x * x) * x)",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -1e+300, -0.0),
                Deviation("f", -1e+155, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -88.72, 1.4317020392302232e-06),
                Deviation("df", -709.78, 2.796581199254744e-09),
                Deviation("df", -710.0, 2.793982370984105e-09),
                Deviation("df", -745.13, 2.41714486533956e-09),
                Deviation("df", -800.0, 1.9531204223377507e-09),
                Deviation("df", -2.5, 0.05122630018677299),
                Deviation("df", -10.0, 0.000985185336841568),
                Deviation("df", -25.0, 6.384670662758912e-05),
                Deviation("df", -37.0, 1.9720555728405115e-05),
                Deviation("df", -40.0, 1.561036299825569e-05),
                Deviation("df", -1e+103, 1e-103),
            ),
            composed=True,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.maximum", "(x, y, name=None)",
            difference=Text(
                "PaddlePaddle 没有这个函数，这里写成 paddle.maximum(x, paddle.rsqrt(1 + x * x) * x)。x = ±∞ 时 ISRU "
                "部分是 0·∞ = NaN，取大后仍是 NaN；x < −1.34·10¹⁵⁴ 时 x·x 上溢，结果为 −0（真值 −1）。"
                "负半轴的导数与 ISRU 的组合写法一样按乘积法则两项相减，|x| 越大丢失的位数越多，x = −10¹⁰³ 时得 "
                "1.2·10⁻¹¹⁹（真值 10⁻³⁰⁹）；±∞ 处为 NaN。",
                "PaddlePaddle does not ship this function; the row writes it as paddle.maximum(x, paddle.rsqrt(1 + "
                "x * x) * x). At x = ±∞ the ISRU part is 0·∞ = NaN, and the maximum keeps the NaN; for x < "
                "−1.34·10¹⁵⁴, x·x overflows and the result is −0 (the true value is −1). On the negative side "
                "autograd subtracts the two terms of the product rule as for the ISRU composition, losing more bits "
                "the larger |x| is: 1.2·10⁻¹¹⁹ at x = −10¹⁰³ (the true value is 10⁻³⁰⁹); at ±∞ it is NaN."),
            call="paddle.maximum(x, paddle.rsqrt(1 + x * x) * x)",
            deviations=(
                Deviation("f", float("inf"), float("nan")),
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -1e+300, -0.0),
                Deviation("f", -1e+155, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -88.72, 1.431702039231958e-06),
                Deviation("df", -709.78, 2.796581199254744e-09),
                Deviation("df", -710.0, 2.793982371417786e-09),
                Deviation("df", -745.13, 2.4171448651227195e-09),
                Deviation("df", -800.0, 1.953120422554591e-09),
                Deviation("df", -2.5, 0.05122630018677299),
                Deviation("df", -10.0, 0.000985185336841568),
                Deviation("df", -25.0, 6.384670662758912e-05),
                Deviation("df", -37.0, 1.9720555728408584e-05),
                Deviation("df", -40.0, 1.561036299825222e-05),
                Deviation("df", -1e+103, 1.2392294127517818e-119),
            ),
            composed=True,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.maximum", "(input, other)",
            difference=Text(
                "MindSpore 没有这个函数，可以写成 mindspore.ops.maximum(x, mindspore.ops.rsqrt(1 + x * x) * x)。",
                "MindSpore does not ship this function; it can be written as "
                "mindspore.ops.maximum(x, mindspore.ops.rsqrt(1 + x * x) * x)."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.maximum.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-1e103, -1e155, float("-inf")),
    plot_range=(-5.0, 3.0),
    breakpoints=lambda **_: (0.0,),  # f, f' and f'' are continuous at 0; f''' jumps from -3 alpha to 0
    implementation=Text(
        "负半轴就是 ISRU，记 $t = \\min(x, 0)$（`np.minimum`），$c = 1/\\sqrt{\\alpha}$（先在 `np.longdouble` "
        "中用 `np.sqrt` 求出，再舍入一次）。教科书公式在 $\\alpha x^{2}$ 上溢时（α = 1 时 x < −1.34·10¹⁵⁴）得 0，"
        "在 x = −∞ 时得 NaN，而真值是 −c。本包用 `np.square` 求 $v = \\alpha t^{2}$ 和 1/v，用 `np.minimum` 取 "
        "$w = \\min(v, 1/v) \\le 1$，结果是 $\\max(x, -c)/\\sqrt{1 + w}$（`np.maximum`、`np.sqrt`）："
        "$-c \\le x < 0$ 时这就是教科书公式，$x < -c$ 时是 $-c/\\sqrt{1 + 1/v}$，没有会上溢的量；"
        "x ≥ 0 时 t = 0、w = 0，分母恰好是 1，结果就是 x 本身。v 或 1/v 上溢成 ∞ 时总被取小丢掉，"
        "所以在 `np.errstate` 下忽略这两种警告。导数是 $q\\sqrt{q}$，$q = 1/(1 + \\alpha t^{2})$（`np.reciprocal`）："
        "x ≥ 0 时 t = 0，结果恰好是 1；$\\alpha t^{2}$ 上溢时 q = 0，真值（小于 10⁻⁴⁶²）也舍入为 0。",
        "The negative side is ISRU: let $t = \\min(x, 0)$ (`np.minimum`) and $c = 1/\\sqrt{\\alpha}$ (computed "
        "with `np.sqrt` in `np.longdouble`, then rounded once). The textbook formula gives 0 where $\\alpha x^{2}$ "
        "overflows (x < −1.34·10¹⁵⁴ for α = 1) and NaN at x = −∞, where the true value is −c. The package forms "
        "$v = \\alpha t^{2}$ with `np.square` and 1/v, takes $w = \\min(v, 1/v) \\le 1$ with `np.minimum`, and "
        "returns $\\max(x, -c)/\\sqrt{1 + w}$ (`np.maximum`, `np.sqrt`): for $-c \\le x < 0$ this is the textbook "
        "formula, for $x < -c$ it is $-c/\\sqrt{1 + 1/v}$, with nothing left to overflow; for x ≥ 0, t = 0 and "
        "w = 0, the denominator is exactly 1 and the result is x itself. An infinite v or 1/v is always dropped "
        "by the minimum, so those warnings are ignored under `np.errstate`. The derivative is $q\\sqrt{q}$ with "
        "$q = 1/(1 + \\alpha t^{2})$ (`np.reciprocal`): for x ≥ 0, t = 0 and the result is exactly 1; where "
        "$\\alpha t^{2}$ overflows, q = 0, and the true value (below 10⁻⁴⁶²) rounds to 0 as well.",
    ),
))
