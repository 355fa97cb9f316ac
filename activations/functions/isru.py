"""ISRU (inverse square root unit)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise, real_param
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Parameter, Properties, Reference, Text

_CARLILE = Reference(
    "Brad Carlile, Guy Delamarter, Paul Kinney, Akiko Marti, Brian Whitney", 2017,
    "Improving deep learning by inverse square root linear units (ISRLUs)",
    "arXiv:1710.09967", "https://arxiv.org/abs/1710.09967",
)


@elementwise
def isru(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    r"""Inverse square root unit, element-wise.

    .. math:: \operatorname{ISRU}(x) = \frac{x}{\sqrt{1 + \alpha x^2}}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.
    alpha : float, default 1.0
        alpha > 0: ISRU tends to ±1/sqrt(alpha) as x -> ±inf.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [-1/sqrt(alpha),
        1/sqrt(alpha)].

    Raises
    ------
    ValueError
        If ``alpha`` is not finite or not > 0.

    Notes
    -----
    The textbook x / sqrt(1 + alpha x^2) gives 0 where alpha x^2 overflows
    (|x| > 1.34e154 for alpha = 1) and inf / inf = NaN at x = ±inf; the
    true value there is ±c, c = 1/sqrt(alpha). With v = alpha x^2 and
    w = min(v, 1/v) <= 1 (``np.minimum``), the function is
    clip(x, -c, c) / sqrt(1 + w) (``np.clip``, ``np.sqrt``): for
    |x| <= c this is the textbook formula, and for |x| > c it is
    ±c / sqrt(1 + 1/v), which has nothing left to overflow. c is rounded
    once, from ``np.longdouble``.

    Examples
    --------
    >>> isru([-np.inf, -1.0, 0.0, 1e200])
    array([-1.        , -0.70710678,  0.        ,  1.        ])
    """
    a = real_param(alpha, "alpha", positive=True)
    dt = x.dtype.type
    c = dt(1 / np.sqrt(np.longdouble(dt(a))))  # 1/sqrt(alpha), rounded once
    with np.errstate(over="ignore", divide="ignore"):
        # inf where alpha x^2 or its reciprocal overflows: the minimum drops it
        out = np.square(x)
        if a != 1:
            np.multiply(out, dt(a), out=out)  # v = alpha x^2
        r = np.divide(1, out)  # 1/v
    np.minimum(out, r, out=out)  # w = min(v, 1/v) <= 1
    np.add(out, 1, out=out)
    np.sqrt(out, out=out)
    np.clip(x, -c, c, out=r)  # x for |x| <= c, ±c beyond
    np.divide(r, out, out=out)
    return out


@elementwise
def isru_derivative(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    r"""Derivative of ISRU with respect to x, element-wise.

    .. math:: \operatorname{ISRU}'(x) = \left(\frac{1}{\sqrt{1 + \alpha x^2}}\right)^{3}

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`isru`).
    alpha : float, default 1.0
        See :func:`isru`.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [0, 1].

    Notes
    -----
    q = 1 / (1 + alpha x^2) (``np.square``, ``np.reciprocal``) and
    q^(3/2) = q * sqrt(q) (``np.sqrt``). Where alpha x^2 overflows, q = 0,
    and the true value (below 1e-462) also rounds to 0. q is never larger
    than 1, so q * sqrt(q) does not overflow; the textbook
    1 / (1 + alpha x^2)^(3/2) overflows in the power for alpha x^2 above
    ~3e205, while the true value is still a subnormal float.

    Examples
    --------
    >>> isru_derivative([0.0, 1.0, 1e103])
    array([1.00000000e+000, 3.53553391e-001, 1.00000000e-309])
    """
    a = real_param(alpha, "alpha", positive=True)
    dt = x.dtype.type
    with np.errstate(over="ignore"):  # inf gives q = 0: the right value
        out = np.square(x)
        if a != 1:
            np.multiply(out, dt(a), out=out)
    np.add(out, 1, out=out)
    np.reciprocal(out, out=out)  # q = 1 / (1 + alpha x^2) <= 1
    r = np.sqrt(out)
    np.multiply(out, r, out=out)  # q^(3/2)
    return out


def _naive(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    return x / np.sqrt(1 + alpha * x**2)


def _naive_derivative(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    return 1 / (1 + alpha * x**2) ** 1.5


SPEC = register(Activation(
    name="isru",
    slug="isru",
    order=26,
    title=Text("ISRU", "ISRU"),
    full_name=Text("逆平方根单元", "inverse square root unit"),
    summary=Text(
        "$x/\\sqrt{1 + \\alpha x^{2}}$：形状像 Tanh 的 S 形函数，值域 $(-1/\\sqrt{\\alpha},\\ 1/\\sqrt{\\alpha})$，"
        "只用乘法、加法和平方根。",
        "$x/\\sqrt{1 + \\alpha x^{2}}$: an S-shaped function like Tanh with range "
        "$(-1/\\sqrt{\\alpha},\\ 1/\\sqrt{\\alpha})$, computed with products, a sum and a square root only.",
    ),
    forward=isru,
    derivative=isru_derivative,
    latex=r"\operatorname{ISRU}(x) = \frac{x}{\sqrt{1 + \alpha x^{2}}}",
    latex_derivative=r"\operatorname{ISRU}'(x) = \left(\frac{1}{\sqrt{1 + \alpha x^{2}}}\right)^{3}",
    parameters=(
        Parameter(
            "alpha", r"\alpha", 1.0, r"\alpha > 0",
            Text("论文中的超参数 α：x → ±∞ 时 ISRU 趋向 $\\pm 1/\\sqrt{\\alpha}$，α 越大饱和越早；"
                 "论文没有给默认值，1.0 使值域与 Tanh 相同，即 $(-1,\\ 1)$",
                 "the paper's hyperparameter α: ISRU tends to $\\pm 1/\\sqrt{\\alpha}$ as x → ±∞, and a "
                 "larger α saturates earlier; the paper gives no default, and 1.0 makes the range "
                 "$(-1,\\ 1)$, that of Tanh"),
            check=lambda v: v > 0,
        ),
    ),
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
            "表中是默认 α = 1 时的性质；一般地值域是 $(-1/\\sqrt{\\alpha},\\ 1/\\sqrt{\\alpha})$。"
            "导数在 x = 0 处取最大值 1（与 α 无关），两侧按 $|x|^{-3}$ 衰减。",
            "The table holds at the default α = 1; in general the range is "
            "$(-1/\\sqrt{\\alpha},\\ 1/\\sqrt{\\alpha})$. The derivative peaks at 1 at x = 0 (for every α) "
            "and decays like $|x|^{-3}$ on both sides."),
    ),
    kink=None,
    references=(_CARLILE,),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.rsqrt", "(input, *, out=None)",
            difference=Text(
                "PyTorch 没有这个函数，这里写成 torch.rsqrt(1 + x * x) * x（α = 1）。x = ±∞ 时 rsqrt 给出 0，0·∞ = "
                "NaN；|x| > 1.34·10¹⁵⁴ 时 x·x 上溢，结果为 ±0（真值 ±1）。自动求导按乘积法则得到 $(1 + "
                "x^{2})^{-1/2} - x^{2}(1 + x^{2})^{-3/2}$，两项几乎相等，相对误差随 $x^{2}$ 增长：|x| = 10 时约 "
                "10⁻¹⁴，|x| = 800 时约 10⁻¹¹；x = ±10¹⁰³ 时两项完全相消，得 −1.9·10⁻¹¹⁸（真值 10⁻³⁰⁹）；±∞ 处为 NaN。",
                "PyTorch does not ship this function; the row writes it as torch.rsqrt(1 + x * x) * x (α = 1). At x "
                "= ±∞ rsqrt gives 0 and 0·∞ = NaN; for |x| > 1.34·10¹⁵⁴, x·x overflows and the result is ±0 (the "
                "true value is ±1). Autograd applies the product rule, $(1 + x^{2})^{-1/2} - x^{2}(1 + "
                "x^{2})^{-3/2}$, two nearly equal terms: the relative error grows like $x^{2}$, about 10⁻¹⁴ at |x| "
                "= 10 and 10⁻¹¹ at |x| = 800; at x = ±10¹⁰³ the terms cancel completely and give −1.9·10⁻¹¹⁸ (the "
                "true value is 10⁻³⁰⁹); at ±∞ it is NaN."),
            call="torch.rsqrt(1 + x * x) * x",
            deviations=(
                Deviation("f", float("inf"), float("nan")),
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", 1e+300, 0.0),
                Deviation("f", -1e+300, -0.0),
                Deviation("f", 1e+155, 0.0),
                Deviation("f", -1e+155, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", 88.72, 1.431702039231958e-06),
                Deviation("df", -88.72, 1.431702039231958e-06),
                Deviation("df", 709.78, 2.796581199254744e-09),
                Deviation("df", -709.78, 2.796581199254744e-09),
                Deviation("df", 710.0, 2.793982370984105e-09),
                Deviation("df", -710.0, 2.793982370984105e-09),
                Deviation("df", 745.13, 2.4171448651227195e-09),
                Deviation("df", -745.13, 2.4171448651227195e-09),
                Deviation("df", 800.0, 1.9531204223377507e-09),
                Deviation("df", -800.0, 1.9531204223377507e-09),
                Deviation("df", 2.5, 0.05122630018677299),
                Deviation("df", -2.5, 0.05122630018677299),
                Deviation("df", 10.0, 0.000985185336841568),
                Deviation("df", -10.0, 0.000985185336841568),
                Deviation("df", 25.0, 6.384670662758912e-05),
                Deviation("df", -25.0, 6.384670662758912e-05),
                Deviation("df", 37.0, 1.9720555728408584e-05),
                Deviation("df", -37.0, 1.9720555728408584e-05),
                Deviation("df", 40.0, 1.561036299825222e-05),
                Deviation("df", -40.0, 1.561036299825222e-05),
                Deviation("df", 1e+103, -1.8588441191276728e-118),
                Deviation("df", -1e+103, -1.8588441191276728e-118),
            ),
            composed=True,
        ),
        FrameworkName(
            "Keras", "keras.ops.rsqrt", "(x)",
            difference=Text(
                "Keras 没有这个函数，这里写成 keras.ops.rsqrt(1 + x * x) * x；在 JAX 后端上差异与 JAX 一行相同。",
                "Keras does not ship this function; the row writes it as keras.ops.rsqrt(1 + x * x) * x. On the JAX "
                "backend it differs as the JAX row does."),
            call="keras.ops.rsqrt(1 + x * x) * x",
            deviations=(
                Deviation("f", float("inf"), float("nan")),
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", 1e+300, 0.0),
                Deviation("f", -1e+300, -0.0),
                Deviation("f", 1e+155, 0.0),
                Deviation("f", -1e+155, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", 88.72, 1.4317020392302232e-06),
                Deviation("df", -88.72, 1.4317020392302232e-06),
                Deviation("df", 709.78, 2.796581199254744e-09),
                Deviation("df", -709.78, 2.796581199254744e-09),
                Deviation("df", 710.0, 2.793982370984105e-09),
                Deviation("df", -710.0, 2.793982370984105e-09),
                Deviation("df", 745.13, 2.41714486533956e-09),
                Deviation("df", -745.13, 2.41714486533956e-09),
                Deviation("df", 800.0, 1.9531204223377507e-09),
                Deviation("df", -800.0, 1.9531204223377507e-09),
                Deviation("df", 2.5, 0.05122630018677299),
                Deviation("df", -2.5, 0.05122630018677299),
                Deviation("df", 10.0, 0.000985185336841568),
                Deviation("df", -10.0, 0.000985185336841568),
                Deviation("df", 25.0, 6.384670662758912e-05),
                Deviation("df", -25.0, 6.384670662758912e-05),
                Deviation("df", 37.0, 1.9720555728405115e-05),
                Deviation("df", -37.0, 1.9720555728405115e-05),
                Deviation("df", 40.0, 1.561036299825569e-05),
                Deviation("df", -40.0, 1.561036299825569e-05),
                Deviation("df", 1e+103, 1e-103),
                Deviation("df", -1e+103, 1e-103),
            ),
            composed=True,
        ),
        FrameworkName(
            "JAX", "jax.lax.rsqrt", "(x, *, accuracy=None)",
            difference=Text(
                "JAX 没有这个函数，这里写成 jax.lax.rsqrt(1 + x * x) * x。x = ±∞ 时 rsqrt 给出 0，0·∞ = NaN；|x| > "
                "1.34·10¹⁵⁴ 时 x·x 上溢，结果为 ±0（真值 ±1）。自动求导按乘积法则得到 $(1 + x^{2})^{-1/2} - x^{2}(1 "
                "+ x^{2})^{-3/2}$，两项几乎相等，相对误差随 $x^{2}$ 增长：|x| = 10 时约 10⁻¹⁴，|x| = 800 时约 10⁻¹¹；"
                "x = ±10¹⁰³ 时两项完全相消，得 10⁻¹⁰³（真值 10⁻³⁰⁹）；±∞ 处为 NaN。",
                "JAX does not ship this function; the row writes it as jax.lax.rsqrt(1 + x * x) * x. At x = ±∞ "
                "rsqrt gives 0 and 0·∞ = NaN; for |x| > 1.34·10¹⁵⁴, x·x overflows and the result is ±0 (the true "
                "value is ±1). Autograd applies the product rule, $(1 + x^{2})^{-1/2} - x^{2}(1 + x^{2})^{-3/2}$, "
                "two nearly equal terms: the relative error grows like $x^{2}$, about 10⁻¹⁴ at |x| = 10 and 10⁻¹¹ "
                "at |x| = 800; at x = ±10¹⁰³ the terms cancel completely and give 10⁻¹⁰³ (the true value is "
                "10⁻³⁰⁹); at ±∞ it is NaN."),
            call="jax.lax.rsqrt(1 + x * x) * x",
            deviations=(
                Deviation("f", float("inf"), float("nan")),
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", 1e+300, 0.0),
                Deviation("f", -1e+300, -0.0),
                Deviation("f", 1e+155, 0.0),
                Deviation("f", -1e+155, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", 88.72, 1.4317020392302232e-06),
                Deviation("df", -88.72, 1.4317020392302232e-06),
                Deviation("df", 709.78, 2.796581199254744e-09),
                Deviation("df", -709.78, 2.796581199254744e-09),
                Deviation("df", 710.0, 2.793982370984105e-09),
                Deviation("df", -710.0, 2.793982370984105e-09),
                Deviation("df", 745.13, 2.41714486533956e-09),
                Deviation("df", -745.13, 2.41714486533956e-09),
                Deviation("df", 800.0, 1.9531204223377507e-09),
                Deviation("df", -800.0, 1.9531204223377507e-09),
                Deviation("df", 2.5, 0.05122630018677299),
                Deviation("df", -2.5, 0.05122630018677299),
                Deviation("df", 10.0, 0.000985185336841568),
                Deviation("df", -10.0, 0.000985185336841568),
                Deviation("df", 25.0, 6.384670662758912e-05),
                Deviation("df", -25.0, 6.384670662758912e-05),
                Deviation("df", 37.0, 1.9720555728405115e-05),
                Deviation("df", -37.0, 1.9720555728405115e-05),
                Deviation("df", 40.0, 1.561036299825569e-05),
                Deviation("df", -40.0, 1.561036299825569e-05),
                Deviation("df", 1e+103, 1e-103),
                Deviation("df", -1e+103, 1e-103),
            ),
            composed=True,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.rsqrt", "(x, name=None)",
            difference=Text(
                "PaddlePaddle 没有这个函数，这里写成 paddle.rsqrt(1 + x * x) * x。x = ±∞ 时 rsqrt 给出 0，0·∞ = NaN；"
                "|x| > 1.34·10¹⁵⁴ 时 x·x 上溢，结果为 ±0（真值 ±1）。自动求导按乘积法则得到 $(1 + x^{2})^{-1/2} - "
                "x^{2}(1 + x^{2})^{-3/2}$，两项几乎相等，相对误差随 $x^{2}$ 增长：|x| = 10 时约 10⁻¹⁴，|x| = 800 "
                "时约 10⁻¹¹；x = ±10¹⁰³ 时两项完全相消，得 1.2·10⁻¹¹⁹（真值 10⁻³⁰⁹）；±∞ 处为 NaN。",
                "PaddlePaddle does not ship this function; the row writes it as paddle.rsqrt(1 + x * x) * x. At x = "
                "±∞ rsqrt gives 0 and 0·∞ = NaN; for |x| > 1.34·10¹⁵⁴, x·x overflows and the result is ±0 (the true "
                "value is ±1). Autograd applies the product rule, $(1 + x^{2})^{-1/2} - x^{2}(1 + x^{2})^{-3/2}$, "
                "two nearly equal terms: the relative error grows like $x^{2}$, about 10⁻¹⁴ at |x| = 10 and 10⁻¹¹ "
                "at |x| = 800; at x = ±10¹⁰³ the terms cancel completely and give 1.2·10⁻¹¹⁹ (the true value is "
                "10⁻³⁰⁹); at ±∞ it is NaN."),
            call="paddle.rsqrt(1 + x * x) * x",
            deviations=(
                Deviation("f", float("inf"), float("nan")),
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", 1e+300, 0.0),
                Deviation("f", -1e+300, -0.0),
                Deviation("f", 1e+155, 0.0),
                Deviation("f", -1e+155, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", 88.72, 1.431702039231958e-06),
                Deviation("df", -88.72, 1.431702039231958e-06),
                Deviation("df", 709.78, 2.796581199254744e-09),
                Deviation("df", -709.78, 2.796581199254744e-09),
                Deviation("df", 710.0, 2.793982371417786e-09),
                Deviation("df", -710.0, 2.793982371417786e-09),
                Deviation("df", 745.13, 2.4171448651227195e-09),
                Deviation("df", -745.13, 2.4171448651227195e-09),
                Deviation("df", 800.0, 1.953120422554591e-09),
                Deviation("df", -800.0, 1.953120422554591e-09),
                Deviation("df", 2.5, 0.05122630018677299),
                Deviation("df", -2.5, 0.05122630018677299),
                Deviation("df", 10.0, 0.000985185336841568),
                Deviation("df", -10.0, 0.000985185336841568),
                Deviation("df", 25.0, 6.384670662758912e-05),
                Deviation("df", -25.0, 6.384670662758912e-05),
                Deviation("df", 37.0, 1.9720555728408584e-05),
                Deviation("df", -37.0, 1.9720555728408584e-05),
                Deviation("df", 40.0, 1.561036299825222e-05),
                Deviation("df", -40.0, 1.561036299825222e-05),
                Deviation("df", 1e+103, 1.2392294127517818e-119),
                Deviation("df", -1e+103, 1.2392294127517818e-119),
            ),
            composed=True,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.rsqrt", "(input)",
            difference=Text(
                "MindSpore 没有这个函数，可以写成 mindspore.ops.rsqrt(1 + x * x) * x。",
                "MindSpore does not ship this function; it can be written as "
                "mindspore.ops.rsqrt(1 + x * x) * x."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.rsqrt.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(1e103, 1e155, float("inf")),
    plot_range=(-5.0, 5.0),
    implementation=Text(
        "记 $c = 1/\\sqrt{\\alpha}$（先在 `np.longdouble` 中用 `np.sqrt` 求出，再舍入一次到输入的类型）。"
        "教科书公式在 $\\alpha x^{2}$ 上溢时（α = 1 时 |x| > 1.34·10¹⁵⁴）得 0，在 x = ±∞ 时得 ∞/∞ = NaN，"
        "而真值是 ±c。本包用 `np.square` 求 $v = \\alpha x^{2}$ 和它的倒数 1/v，用 `np.minimum` 取 "
        "$w = \\min(v, 1/v) \\le 1$，结果是 $\\operatorname{clip}(x, -c, c)/\\sqrt{1 + w}$（`np.clip`、`np.sqrt`）："
        "|x| ≤ c 时这就是教科书公式，|x| > c 时是 $\\pm c/\\sqrt{1 + 1/v}$，没有会上溢的量。"
        "v 或 1/v 上溢成 ∞ 时总被取小丢掉，所以在 `np.errstate` 下忽略这两种警告。"
        "导数先求 $q = 1/(1 + \\alpha x^{2}) \\le 1$（`np.reciprocal`），再算 $q\\sqrt{q}$：$\\alpha x^{2}$ 上溢时 "
        "q = 0，真值（小于 10⁻⁴⁶²）也舍入为 0；q 不超过 1，乘积不会上溢。",
        "Let $c = 1/\\sqrt{\\alpha}$ (computed with `np.sqrt` in `np.longdouble`, then rounded once to "
        "the input's type). The textbook formula gives 0 where $\\alpha x^{2}$ overflows (|x| > 1.34·10¹⁵⁴ "
        "for α = 1) and ∞/∞ = NaN at x = ±∞, where the true value is ±c. The package forms "
        "$v = \\alpha x^{2}$ with `np.square` and its reciprocal 1/v, takes $w = \\min(v, 1/v) \\le 1$ with "
        "`np.minimum`, and returns $\\operatorname{clip}(x, -c, c)/\\sqrt{1 + w}$ (`np.clip`, `np.sqrt`): "
        "for |x| ≤ c this is the textbook formula, for |x| > c it is $\\pm c/\\sqrt{1 + 1/v}$, with "
        "nothing left to overflow. An infinite v or 1/v is always dropped by the minimum, so those "
        "warnings are ignored under `np.errstate`. The derivative forms "
        "$q = 1/(1 + \\alpha x^{2}) \\le 1$ (`np.reciprocal`) and returns $q\\sqrt{q}$: where "
        "$\\alpha x^{2}$ overflows, q = 0, and the true value (below 10⁻⁴⁶²) rounds to 0 as well; q is at "
        "most 1, so the product cannot overflow.",
    ),
))
