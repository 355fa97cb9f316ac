"""Arctan (the inverse tangent as an activation function)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Properties, Reference, Text


@elementwise
def arctan(x: np.ndarray) -> np.ndarray:
    r"""Inverse tangent, element-wise.

    .. math:: \operatorname{Arctan}(x) = \arctan x

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [-pi/2, pi/2] (the rounded
        pi/2 at x = ±inf).

    Notes
    -----
    ``np.arctan`` is the C library's atan, within 1 ulp of the true value
    for every input (measured against mpmath); it is odd, gives x itself
    for tiny x and the rounded ±pi/2 at ±inf, with nothing to overflow.

    Examples
    --------
    >>> arctan([-np.inf, -1.0, 0.0, 2.0])
    array([-1.57079633, -0.78539816,  0.        ,  1.10714872])
    """
    return np.arctan(x)


@elementwise
def arctan_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of Arctan with respect to x, element-wise.

    .. math:: \operatorname{Arctan}'(x) = \frac{1}{1 + x^2}

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`arctan`).

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [0, 1].

    Notes
    -----
    The textbook 1 / (1 + x^2) overflows in x^2 for |x| > 1.34e154 (float64)
    and gives 0 where the true value 1/x^2 still rounds to a nonzero
    subnormal float, up to |x| ~ 6.4e161. With v = x^2 and r = (1/x)^2, the
    square of the reciprocal, 1 / (1 + x^2) = m / (1 + w) with
    w = min(v, r) <= 1 and m = min(1, r) (``np.minimum``): for |x| <= 1 that
    is 1 / (1 + x^2), for |x| > 1 it is r / (1 + r). Nothing overflows where it matters: v = inf
    (huge x) and r = inf (x = 0 or tiny x) are both discarded by the
    minimum.

    Examples
    --------
    >>> arctan_derivative([0.0, 1.0, 2.0, 1e155])
    array([1.e+000, 5.e-001, 2.e-001, 1.e-310])
    """
    with np.errstate(over="ignore", divide="ignore"):
        # inf where x^2 or 1/x^2 overflows: the minimum below drops it
        out = np.square(x)  # v = x^2
        r = np.divide(1, x)
        np.square(r, out=r)  # r = (1/x)^2, never formed from x^2
    np.minimum(out, r, out=out)  # w = min(v, r) <= 1
    np.minimum(r, 1, out=r)  # m = min(1, r)
    np.add(out, 1, out=out)
    np.divide(r, out, out=r)  # m / (1 + w) = 1 / (1 + x^2)
    return r


def _naive(x: np.ndarray) -> np.ndarray:
    return np.arctan(x)


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + x**2)


SPEC = register(Activation(
    name="arctan",
    slug="arctan",
    order=24,
    title=Text("Arctan", "Arctan"),
    full_name=Text("反正切函数", "inverse tangent (arctangent)"),
    summary=Text(
        "把实数压到 $(-\\pi/2,\\ \\pi/2)$ 的 S 形函数，像 Tanh，但按 $1/|x|$ 的速度趋近渐近线，导数按 $1/x^{2}$ 衰减。",
        "An S-shaped squashing function onto $(-\\pi/2,\\ \\pi/2)$, like Tanh, but it approaches its "
        "asymptotes like $1/|x|$ and its derivative decays like $1/x^{2}$.",
    ),
    forward=arctan,
    derivative=arctan_derivative,
    latex=r"\operatorname{Arctan}(x) = \arctan x",
    latex_derivative=r"\operatorname{Arctan}'(x) = \frac{1}{1 + x^{2}}",
    parameters=(),
    properties=Properties(
        range=r"\left(-\tfrac{\pi}{2},\ \tfrac{\pi}{2}\right)",
        monotonic=True,
        smoothness=r"C^\infty",
        zero_centred=True,
        saturation=("soft", "soft"),
        bounded="both",
        lower=-1.5707963267948966,
        upper=1.5707963267948966,
        note=Text(
            "导数在 x = 0 处取最大值 1，两侧按 $1/x^{2}$ 衰减，比 Tanh 导数的 $4e^{-2|x|}$ 慢得多。"
            "表中的上下确界是 π/2 舍入到双精度后的值，即 x = ±∞ 处的函数值。",
            "The derivative peaks at 1 at x = 0 and decays like $1/x^{2}$ on both sides, far more slowly "
            "than Tanh's $4e^{-2|x|}$. The bounds in the table are π/2 rounded to float64, the values at "
            "x = ±∞."),
    ),
    kink=None,
    references=(
        Reference(
            "Antonino Laudani, Gabriele Maria Lozito, Francesco Riganti Fulginei, Alessandro Salvini", 2015,
            "On training efficiency and computational costs of a feed forward neural network: a review",
            "Computational Intelligence and Neuroscience 2015, 818243",
            "https://doi.org/10.1155/2015/818243",
        ),
        Reference(
            "Nergis Pervan Akman, Talya Tümer Sivri, Ali Berkol", 2025,
            "The impact of irrationals on the range of arctan activation function for deep learning models",
            "International Journal of Engineering Technologies 9(3), 89–101",
            "https://doi.org/10.19072/ijet.1394093",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.atan", "(input: Tensor, *, out: Optional[Tensor])",
            difference=Text(
                "没有激活函数形式，也没有对应的层；逐元素数学函数 torch.atan（别名 torch.arctan）就是这个函数。"
                "自动求导按 1/(1 + x²) 计算，|x| > 1.34·10¹⁵⁴ 时 x² 上溢，x = ±2·10¹⁵⁴、±10¹⁵⁵、±10¹⁶⁰ 处得 "
                "0（真值约 2.5·10⁻³⁰⁹、10⁻³¹⁰、10⁻³²⁰，都是次正规数）。",
                "There is no activation function or layer of this name; the element-wise math function torch.atan "
                "(alias torch.arctan) is the function itself. Autograd computes 1/(1 + x²), whose x² overflows for "
                "|x| > 1.34·10¹⁵⁴: it gives 0 at x = ±2·10¹⁵⁴, ±10¹⁵⁵ and ±10¹⁶⁰ (the true values, about "
                "2.5·10⁻³⁰⁹, 10⁻³¹⁰ and 10⁻³²⁰, are subnormal numbers)."),
            call="torch.atan(x)",
            deviations=(
                Deviation("df", 2e+154, 0.0),
                Deviation("df", -2e+154, 0.0),
                Deviation("df", 1e+155, 0.0),
                Deviation("df", -1e+155, 0.0),
                Deviation("df", 1e+160, 0.0),
                Deviation("df", -1e+160, 0.0),
            ),
        ),
        FrameworkName(
            "Keras", "keras.ops.arctan", "(x)",
            difference=Text(
                "不在 keras.activations 中，这里用逐元素运算 keras.ops.arctan。在 JAX 后端上它先把 float64 "
                "输入转换成 float32 再计算（Keras 3.15.1 实测，floatx 设为 float64 时也一样），"
                "所以每个函数值和导数都只有单精度：|x| ≤ 15 时绝对误差可达 7·10⁻⁸，±10⁻³⁰⁰ 变成 ±0，x = ±∞ 处是 "
                "float32 的 π/2 ≈ 1.5707963705，超出 float32 范围的 |x| 导数为 0。",
                "It is not in keras.activations; the row uses the element-wise op keras.ops.arctan. On the JAX "
                "backend it first casts a float64 input to float32 (measured with Keras 3.15.1, also with floatx "
                "set to float64), so every value and derivative has float32 precision only: absolute errors up to "
                "7·10⁻⁸ for |x| ≤ 15, ±10⁻³⁰⁰ becomes ±0, x = ±∞ gives float32's π/2 ≈ 1.5707963705, and the "
                "derivative is 0 beyond float32's range."),
            call="keras.ops.arctan(x)",
            ordinary_error=7.2e-08,
            deviations=(
                Deviation("f", float("inf"), 1.5707963705062866),
                Deviation("f", float("-inf"), -1.5707963705062866),
                Deviation("f", 88.72, 1.559525489807129),
                Deviation("f", -88.72, -1.559525489807129),
                Deviation("f", 709.78, 1.569387435913086),
                Deviation("f", -709.78, -1.569387435913086),
                Deviation("f", 710.0, 1.5693879127502441),
                Deviation("f", -710.0, -1.5693879127502441),
                Deviation("f", 745.13, 1.569454312324524),
                Deviation("f", -745.13, -1.569454312324524),
                Deviation("f", 800.0, 1.5695463418960571),
                Deviation("f", -800.0, -1.5695463418960571),
                Deviation("f", 1e-300, 0.0),
                Deviation("f", -1e-300, -0.0),
                Deviation("f", 1e+300, 1.5707963705062866),
                Deviation("f", -1e+300, -1.5707963705062866),
                Deviation("f", 0.5, 0.4636475443840027),
                Deviation("f", -0.5, -0.4636475443840027),
                Deviation("f", 1.0, 0.7853981256484985),
                Deviation("f", -1.0, -0.7853981256484985),
                Deviation("f", 2.5, 1.1902899742126465),
                Deviation("f", -2.5, -1.1902899742126465),
                Deviation("f", 10.0, 1.4711277484893799),
                Deviation("f", -10.0, -1.4711277484893799),
                Deviation("f", 25.0, 1.5308176279067993),
                Deviation("f", -25.0, -1.5308176279067993),
                Deviation("f", 37.0, 1.5437759160995483),
                Deviation("f", -37.0, -1.5437759160995483),
                Deviation("f", 40.0, 1.5458015203475952),
                Deviation("f", -40.0, -1.5458015203475952),
                Deviation("f", 2e+154, 1.5707963705062866),
                Deviation("f", -2e+154, -1.5707963705062866),
                Deviation("f", 1e+155, 1.5707963705062866),
                Deviation("f", -1e+155, -1.5707963705062866),
                Deviation("f", 1e+160, 1.5707963705062866),
                Deviation("f", -1e+160, -1.5707963705062866),
                Deviation("df", 88.72, 0.0001270286738872528),
                Deviation("df", -88.72, 0.0001270286738872528),
                Deviation("df", 709.78, 1.9849592263199156e-06),
                Deviation("df", -709.78, 1.9849592263199156e-06),
                Deviation("df", 710.0, 1.983729362109443e-06),
                Deviation("df", -710.0, 1.983729362109443e-06),
                Deviation("df", 745.13, 1.801088615138724e-06),
                Deviation("df", -745.13, 1.801088615138724e-06),
                Deviation("df", 800.0, 1.5624975731043378e-06),
                Deviation("df", -800.0, 1.5624975731043378e-06),
                Deviation("df", 0.5, 0.800000011920929),
                Deviation("df", -0.5, 0.800000011920929),
                Deviation("df", 2.5, 0.13793103396892548),
                Deviation("df", -2.5, 0.13793103396892548),
                Deviation("df", 10.0, 0.009900989942252636),
                Deviation("df", -10.0, 0.009900989942252636),
                Deviation("df", 25.0, 0.00159744406118989),
                Deviation("df", -25.0, 0.00159744406118989),
                Deviation("df", 37.0, 0.000729926978237927),
                Deviation("df", -37.0, 0.000729926978237927),
                Deviation("df", 40.0, 0.0006246096454560757),
                Deviation("df", -40.0, 0.0006246096454560757),
                Deviation("df", 2e+154, 0.0),
                Deviation("df", -2e+154, 0.0),
                Deviation("df", 1e+155, 0.0),
                Deviation("df", -1e+155, 0.0),
                Deviation("df", 1e+160, 0.0),
                Deviation("df", -1e+160, 0.0),
            ),
        ),
        FrameworkName(
            "JAX", "jax.numpy.arctan", "(x, /)",
            difference=Text(
                "不在 jax.nn 中，这里用 jax.numpy.arctan。自动求导按 1/(1 + x²) 计算，|x| > 1.34·10¹⁵⁴ 时 x² 上溢，"
                "x = ±2·10¹⁵⁴、±10¹⁵⁵、±10¹⁶⁰ 处得 0（真值约 2.5·10⁻³⁰⁹、10⁻³¹⁰、10⁻³²⁰，都是次正规数）。",
                "It is not in jax.nn; the row uses jax.numpy.arctan. Autograd computes 1/(1 + x²), whose x² "
                "overflows for |x| > 1.34·10¹⁵⁴: it gives 0 at x = ±2·10¹⁵⁴, ±10¹⁵⁵ and ±10¹⁶⁰ (the true values, "
                "about 2.5·10⁻³⁰⁹, 10⁻³¹⁰ and 10⁻³²⁰, are subnormal numbers)."),
            call="jax.numpy.arctan(x)",
            deviations=(
                Deviation("df", 2e+154, 0.0),
                Deviation("df", -2e+154, 0.0),
                Deviation("df", 1e+155, 0.0),
                Deviation("df", -1e+155, 0.0),
                Deviation("df", 1e+160, 0.0),
                Deviation("df", -1e+160, 0.0),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.atan", "(x, name=None)",
            difference=Text(
                "不在 paddle.nn.functional 中，这里用逐元素数学函数 paddle.atan。自动求导按 1/(1 + x²) 计算，|x| > "
                "1.34·10¹⁵⁴ 时 x² 上溢，x = ±2·10¹⁵⁴、±10¹⁵⁵、±10¹⁶⁰ 处得 0（真值约 2.5·10⁻³⁰⁹、10⁻³¹⁰、10⁻³²⁰，"
                "都是次正规数）。",
                "It is not in paddle.nn.functional; the row uses the element-wise math function paddle.atan. "
                "Autograd computes 1/(1 + x²), whose x² overflows for |x| > 1.34·10¹⁵⁴: it gives 0 at x = ±2·10¹⁵⁴, "
                "±10¹⁵⁵ and ±10¹⁶⁰ (the true values, about 2.5·10⁻³⁰⁹, 10⁻³¹⁰ and 10⁻³²⁰, are subnormal numbers)."),
            call="paddle.atan(x)",
            deviations=(
                Deviation("df", 2e+154, 0.0),
                Deviation("df", -2e+154, 0.0),
                Deviation("df", 1e+155, 0.0),
                Deviation("df", -1e+155, 0.0),
                Deviation("df", 1e+160, 0.0),
                Deviation("df", -1e+160, 0.0),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.atan", "(input)",
            difference=Text(
                "不是激活函数，用逐元素数学函数 mindspore.ops.atan。",
                "It is not among the activation functions; the element-wise math function mindspore.ops.atan "
                "computes it."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.atan.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(2e154, 1e155, 1e160),
    plot_range=(-6.0, 6.0),
    speed_exemption=(
        "On a CPU without AVX-512 NumPy's np.arctan is the C library's scalar atan/atanf (its SIMD "
        "loops for arctan need AVX-512), several times slower than the vectorized (SLEEF) atan torch "
        "calls: float32 forward measured at 2.5-11x torch on an AVX2 machine, float64 at 1.1-1.5x. "
        "With AVX-512 NumPy's SIMD loop is the faster one (0.1-0.3x torch, measured on an AVX-512 "
        "machine). Within 3x everywhere it would take a vectorized arctan in NumPy on every CPU; the "
        "handbook does not hand-write one."),
    implementation=Text(
        "前向直接调用 `np.arctan`（C 库的 atan，对照 mpmath 测得误差不超过 1 ulp），它是奇函数，"
        "x 很小时给出 x 本身，x = ±∞ 时给出舍入后的 ±π/2，没有会上溢的中间量。"
        "导数不按 $1/(1 + x^{2})$ 直接计算：|x| > 1.34·10¹⁵⁴ 时 $x^{2}$ 上溢，结果变成 0，"
        "而真值 $1/x^{2}$ 在 |x| 到约 6.4·10¹⁶¹ 之前舍入后仍是非零的次正规数。本包用 `np.square` 求 $v = x^{2}$，"
        "再求倒数的平方 $r = (1/x)^{2}$（不经过 $x^{2}$），用 `np.minimum` 取 $w = \\min(v, r) \\le 1$ 和 "
        "$m = \\min(1, r)$，结果是 $m/(1 + w)$：|x| ≤ 1 时就是 $1/(1 + x^{2})$，|x| > 1 时是 $r/(1 + r)$。"
        "上溢得到的 ∞（x 很大时的 v，x = 0 或 x 很小时的 r）都被取小丢掉，所以在 `np.errstate` 下忽略这两种警告。",
        "The forward pass calls `np.arctan` (the C library's atan, measured within 1 ulp of mpmath): it is "
        "odd, returns x itself for tiny x and the rounded ±π/2 at x = ±∞, and has no intermediate that "
        "could overflow. The derivative is not computed as $1/(1 + x^{2})$ directly: for "
        "|x| > 1.34·10¹⁵⁴, $x^{2}$ overflows and the result becomes 0, while the true value $1/x^{2}$ "
        "still rounds to a nonzero subnormal number up to |x| ≈ 6.4·10¹⁶¹. The package forms "
        "$v = x^{2}$ with `np.square` "
        "and the square of the reciprocal, $r = (1/x)^{2}$ (not formed from $x^{2}$), takes "
        "$w = \\min(v, r) \\le 1$ and $m = \\min(1, r)$ with `np.minimum`, and returns $m/(1 + w)$: that is "
        "$1/(1 + x^{2})$ for |x| ≤ 1 and $r/(1 + r)$ for |x| > 1. The infinities an overflow produces (v "
        "for huge x, r at x = 0 or tiny x) are always dropped by the minimum, so those warnings are "
        "ignored under `np.errstate`.",
    ),
))
