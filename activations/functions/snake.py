"""Snake, x + sin^2(a x)/a (a periodic activation that keeps ReLU's slope)."""

from __future__ import annotations

import math

import numpy as np

from .._checks import elementwise, real_param
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Parameter, Properties, Reference, Text
from .sine import _sin_affine


@elementwise
def snake(x: np.ndarray, a: float = 1.0) -> np.ndarray:
    r"""Snake, x plus sin squared of a x over a, element-wise.

    .. math:: \operatorname{Snake}_a(x) = x + \frac{\sin^{2}(a x)}{a}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.
    a : float, default 1.0
        The frequency a: the periodic part has period pi/|a|. Any finite
        real number but 0.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``; +-inf at +-inf.

    Raises
    ------
    ValueError
        If ``a`` is 0 or not finite.

    Notes
    -----
    s = sin(a x) comes from :func:`~activations.sine`'s kernel, with the
    product a x exact, so that s keeps its relative accuracy at every x;
    then x + s^2 / a. At +-inf, where sin is NaN, the term is set to 0 by
    ``np.fmax`` (``np.fmin`` for a < 0) and the result is x.

    Examples
    --------
    >>> snake([-1.0, 0.0, 2.0])
    array([-0.29192658,  0.        ,  2.82682181])
    """
    w = real_param(a, "a", nonzero=True)
    s = _sin_affine(x, w, 0)  # sin(a x), a x exact
    np.square(s, out=s)
    np.divide(s, x.dtype.type(w), out=s)  # sin^2(a x) / a
    # at +-inf sin is NaN: fmax / fmin with 0 (the term's bound) give 0 and
    # the result x (a NaN x still gives NaN)
    (np.fmax if w > 0 else np.fmin)(s, 0, out=s)
    np.add(s, x, out=s)
    return s


@elementwise
def snake_derivative(x: np.ndarray, a: float = 1.0) -> np.ndarray:
    r"""Derivative of Snake with respect to x, element-wise.

    .. math:: \operatorname{Snake}_a'(x) = 1 + \sin(2 a x)
              = 2 \sin^{2}\!\left(a x + \frac{\pi}{4}\right)

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`snake`).
    a : float, default 1.0
        See :func:`snake`.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [0, 2]; NaN at +-inf.

    Notes
    -----
    1 + sin(2 a x) cancels where sin(2 a x) is near -1, at the roots
    x = (k pi - pi/4) / a, which are infinitely many. The identity
    1 + sin(t) = 2 sin^2(t/2 + pi/4) has no subtraction: sin(a x + pi/4)
    comes from the sine kernel, with pi/4 added exactly to the exact product.

    Examples
    --------
    >>> snake_derivative([-1.0, 0.0, 2.0])
    array([0.09070257, 1.        , 0.2431975 ])
    """
    w = real_param(a, "a", nonzero=True)
    s = _sin_affine(x, w, 1)  # sin(a x + pi/4)
    np.square(s, out=s)
    np.multiply(s, 2, out=s)
    return s


def _naive(x: np.ndarray, a: float = 1.0) -> np.ndarray:
    return x + np.sin(a * x) ** 2 / a


def _naive_derivative(x: np.ndarray, a: float = 1.0) -> np.ndarray:
    return 1 + np.sin(2 * a * x)


SPEC = register(Activation(
    name="snake",
    slug="snake",
    order=500,
    title=Text("Snake", "Snake"),
    full_name=Text("Snake 函数（恒等加正弦平方）", "Snake, the identity plus a squared sine"),
    summary=Text(
        "$x + \\sin^{2}(a x)/a$：在直线 y = x 上叠加周期起伏，单调不减，用来让网络学会并外推周期函数。",
        "$x + \\sin^{2}(a x)/a$: periodic ripples on the line y = x, non-decreasing; it lets a network "
        "learn and extrapolate periodic functions.",
    ),
    forward=snake,
    derivative=snake_derivative,
    latex=r"\operatorname{Snake}_a(x) = x + \frac{\sin^{2}(a x)}{a}",
    latex_derivative=r"\operatorname{Snake}_a'(x) = 1 + \sin(2 a x)"
    r" = 2\sin^{2}\!\left(a x + \frac{\pi}{4}\right)",
    parameters=(
        Parameter(
            r"a", "a", 1.0, r"a \in \mathbb{R},\ a \ne 0",
            Text("频率：周期部分的周期为 π/|a|，起伏的高度为 1/|a|。"
                 "a = 0 时公式无定义（极限是恒等函数），因此不允许",
                 "the frequency: the periodic part has period π/|a| and height 1/|a|. The formula is "
                 "undefined at a = 0 (its limit is the identity), so a = 0 is not allowed"),
            check=lambda v: math.isfinite(v) and v != 0,
        ),
    ),
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
            "导数 $1 + \\sin(2 a x)$ 在 [0, 2] 内周期变化，在 $x = (k\\pi - \\pi/4)/a$ 处恰好为 0（但不变号），"
            "所以函数单调不减；a > 0 时 $x \\le \\operatorname{Snake}_a(x) \\le x + 1/a$。"
            "导数在 ±∞ 处没有极限，本包给出 NaN。",
            "The derivative $1 + \\sin(2 a x)$ varies periodically within [0, 2] and is exactly 0 (without "
            "changing sign) at $x = (k\\pi - \\pi/4)/a$, so the function is non-decreasing; for a > 0, "
            "$x \\le \\operatorname{Snake}_a(x) \\le x + 1/a$. The derivative has no limit at ±∞, and this "
            "package gives NaN there."),
    ),
    kink=None,
    references=(
        Reference(
            "Liu Ziyin, Tilman Hartwig, Masahito Ueda", 2020,
            "Neural networks fail to learn periodic functions and how to fix it",
            "NeurIPS 2020", "https://arxiv.org/abs/2006.08195",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.sin", "(input, *, out=None)",
            difference=Text(
                r"PyTorch 没有这个函数，这里写成 torch.sin(x) ** 2 + x（a = 1）。±∞ 处前向得 NaN（$\sin(\pm\infty"
                r")$ 是 NaN，真值是 ±∞）。自动求导算的是 $1 + 2\sin x\cos x$，在 $\sin 2x \approx -1$ 附"
                "近相消：x = −1 处差 10 ulp，x = 40 处差 163 ulp，在 −π/4 与 3π/4 的浮点数处给出 0（真"
                "值约 1.9e−33 和 1.7e−32）。",
                "PyTorch does not ship this function; the row writes it as torch.sin(x) ** 2 + x (a = 1)."
                r" At ±∞ the forward pass gives NaN ($\sin(\pm\infty)$ is NaN; the true value is ±∞). Autograd"
                r" computes $1 + 2\sin x\cos x$, which cancels near $\sin 2x = -1$: 10 ulp off at x = −1,"
                " 163 ulp at x = 40, and 0 at the floats nearest −π/4 and 3π/4 (the true values are about"
                " 1.9e−33 and 1.7e−32)."),
            call="torch.sin(x) ** 2 + x",
            deviations=(
                Deviation("f", float("inf"), float("nan")),
                Deviation("f", float("-inf"), float("nan")),
                Deviation("df", -88.72, 0.0017985563900766444),
                Deviation("df", -1.0, 0.09070257317431818),
                Deviation("df", 2.5, 0.041075725336861435),
                Deviation("df", 37.0, 0.014853739531752508),
                Deviation("df", 40.0, 0.0061113460766246686),
                Deviation("df", -0.7853981633974483, 0.0),
                Deviation("df", 2.356194490192345, 0.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "Keras", "keras.ops.sin", "(x)",
            difference=Text(
                "Keras 没有这个函数，这里写成 keras.ops.sin(x) ** 2 + x（a = 1，JAX 后端）。keras.ops.sin"
                " 把 float64 输入转成 float32 计算，所以普通输入上前向和导数的误差可达 9.4e−7；x = ±1e300"
                " 时 float32 上溢，得 NaN；±∞ 处前向得 NaN。",
                "Keras does not ship this function; the row writes it as keras.ops.sin(x) ** 2 + x (a ="
                " 1, on the JAX backend). keras.ops.sin computes a float64 input in float32, so on ordinary"
                " input the forward pass and the derivative are up to 9.4e−7 off; at x = ±1e300 float32"
                " overflows and gives NaN, and at ±∞ the forward pass gives NaN."),
            call="keras.ops.sin(x) ** 2 + x",
            deviations=(
                Deviation("f", float("inf"), float("nan")),
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", 88.72, 89.19002673149109),
                Deviation("f", -88.72, -88.24997326850891),
                Deviation("f", 709.78, 709.8275860163569),
                Deviation("f", -709.78, -709.732413983643),
                Deviation("f", 745.13, 745.423518781662),
                Deviation("f", -745.13, -744.836481218338),
                Deviation("f", 800.0, 800.7991817593575),
                Deviation("f", -800.0, -799.2008182406425),
                Deviation("f", 1e+300, float("nan")),
                Deviation("f", -1e+300, float("nan")),
                Deviation("f", 0.5, 0.7298488616943359),
                Deviation("f", -0.5, -0.27015113830566406),
                Deviation("f", 1.0, 1.708073377609253),
                Deviation("f", -1.0, -0.29192662239074707),
                Deviation("f", 2.5, 2.8581688702106476),
                Deviation("f", -2.5, -2.1418311297893524),
                Deviation("f", 10.0, 10.295958995819092),
                Deviation("f", -10.0, -9.704041004180908),
                Deviation("f", 25.0, 25.017516987398267),
                Deviation("f", -25.0, -24.982483012601733),
                Deviation("f", 37.0, 37.41414129734039),
                Deviation("f", -37.0, -36.58585870265961),
                Deviation("f", 40.0, 40.55519360303879),
                Deviation("f", -40.0, -39.44480639696121),
                Deviation("f", 0.7853981633974483, 1.285398133595126),
                Deviation("f", -0.7853981633974483, -0.28539819319977067),
                Deviation("f", 2.356194490192345, 2.8561944603900224),
                Deviation("f", -2.356194490192345, -1.8561945199946672),
                Deviation("df", 88.72, 1.998201608657837),
                Deviation("df", -88.72, 0.001798391342163086),
                Deviation("df", 709.78, 0.5742226541042328),
                Deviation("df", -709.78, 1.4257773458957672),
                Deviation("df", 710.0, 1.0001205774169648),
                Deviation("df", -710.0, 0.9998794225830352),
                Deviation("df", 745.13, 1.9107480645179749),
                Deviation("df", -745.13, 0.08925193548202515),
                Deviation("df", 800.0, 0.19877523183822632),
                Deviation("df", -800.0, 1.8012247681617737),
                Deviation("df", 1e+300, float("nan")),
                Deviation("df", -1e+300, float("nan")),
                Deviation("df", 0.5, 1.841471016407013),
                Deviation("df", -0.5, 0.15852898359298706),
                Deviation("df", 1.0, 1.9092973470687866),
                Deviation("df", -1.0, 0.09070265293121338),
                Deviation("df", 2.5, 0.041075825691223145),
                Deviation("df", -2.5, 1.9589241743087769),
                Deviation("df", 10.0, 1.91294527053833),
                Deviation("df", -10.0, 0.08705472946166992),
                Deviation("df", 25.0, 0.7376251220703125),
                Deviation("df", -25.0, 1.2623748779296875),
                Deviation("df", 37.0, 0.01485377550125122),
                Deviation("df", -37.0, 1.9851462244987488),
                Deviation("df", 40.0, 0.0061113834381103516),
                Deviation("df", -40.0, 1.9938886165618896),
                Deviation("df", 0.7853981633974483, 1.9999999403953552),
                Deviation("df", -0.7853981633974483, 5.960464477539063e-08),
                Deviation("df", 2.356194490192345, 5.960464477539063e-08),
                Deviation("df", -2.356194490192345, 1.9999999403953552),
            ),
            ordinary_error=9.4e-7,
            composed=True,
        ),
        FrameworkName(
            "JAX", "jax.numpy.sin", "(x, /)",
            difference=Text(
                r"JAX 没有这个函数，这里写成 jax.numpy.sin(x) ** 2 + x（a = 1）。±∞ 处前向得 NaN（$\sin(\pm\infty"
                r")$ 是 NaN，真值是 ±∞）。自动求导算的是 $1 + 2\sin x\cos x$，在 $\sin 2x \approx -1$ 附"
                "近相消：x = −1 处差 10 ulp，x = 40 处差 163 ulp，在 −π/4 与 3π/4 的浮点数处给出 0（真"
                "值约 1.9e−33 和 1.7e−32）。",
                "JAX does not ship this function; the row writes it as jax.numpy.sin(x) ** 2 + x (a = 1)."
                r" At ±∞ the forward pass gives NaN ($\sin(\pm\infty)$ is NaN; the true value is ±∞). Autograd"
                r" computes $1 + 2\sin x\cos x$, which cancels near $\sin 2x = -1$: 10 ulp off at x = −1,"
                " 163 ulp at x = 40, and 0 at the floats nearest −π/4 and 3π/4 (the true values are about"
                " 1.9e−33 and 1.7e−32)."),
            call="jax.numpy.sin(x) ** 2 + x",
            deviations=(
                Deviation("f", float("inf"), float("nan")),
                Deviation("f", float("-inf"), float("nan")),
                Deviation("df", -88.72, 0.0017985563900766444),
                Deviation("df", -1.0, 0.09070257317431818),
                Deviation("df", 2.5, 0.041075725336861435),
                Deviation("df", 37.0, 0.014853739531752508),
                Deviation("df", 40.0, 0.0061113460766246686),
                Deviation("df", -0.7853981633974483, 0.0),
                Deviation("df", 2.356194490192345, 0.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.sin", "(x, name=None)",
            difference=Text(
                r"PaddlePaddle 没有这个函数，这里写成 paddle.sin(x) ** 2 + x（a = 1）。±∞ 处前向得 NaN（$\sin(\pm"
                r"\infty)$ 是 NaN，真值是 ±∞）。自动求导算的是 $1 + 2\sin x\cos x$，在 $\sin 2x \approx -1$"
                " 附近相消：x = −1 处差 10 ulp，x = 40 处差 163 ulp，在 −π/4 与 3π/4 的浮点数处给出 0（"
                "真值约 1.9e−33 和 1.7e−32）。",
                "PaddlePaddle does not ship this function; the row writes it as paddle.sin(x) ** 2 + x (a"
                r" = 1). At ±∞ the forward pass gives NaN ($\sin(\pm\infty)$ is NaN; the true value is ±∞)."
                r" Autograd computes $1 + 2\sin x\cos x$, which cancels near $\sin 2x = -1$: 10 ulp off at"
                " x = −1, 163 ulp at x = 40, and 0 at the floats nearest −π/4 and 3π/4 (the true values"
                " are about 1.9e−33 and 1.7e−32)."),
            call="paddle.sin(x) ** 2 + x",
            deviations=(
                Deviation("f", float("inf"), float("nan")),
                Deviation("f", float("-inf"), float("nan")),
                Deviation("df", -88.72, 0.0017985563900766444),
                Deviation("df", -1.0, 0.09070257317431818),
                Deviation("df", 2.5, 0.04107572533686166),
                Deviation("df", 37.0, 0.014853739531752508),
                Deviation("df", 40.0, 0.0061113460766246686),
                Deviation("df", -0.7853981633974483, 0.0),
                Deviation("df", 2.356194490192345, 0.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.sin", "(input)",
            difference=Text(
                "MindSpore 没有这个函数，可以写成 mindspore.ops.sin(x) ** 2 + x（a = 1）。",
                "MindSpore does not ship this function; it can be written as x + mindspore.ops.sin(x) **"
                " 2 (a = 1)."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.sin.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-0.7853981633974483, 2.356194490192345, 40.0),
    plot_range=(-6.0, 6.0),
    speed_exemption=(
        "It calls the sine kernel (see sine), whose float64 np.sin is the C library's scalar sin, "
        "several times slower than torch's vectorized sin, and which computes float32 input in "
        "float64 too; within 3x it would take a vectorized float64 sin in NumPy."),
    implementation=Text(
        "两个核函数都调用 Sine 的内核：$\\sin(a x)$ 和 $\\sin(a x + \\pi/4)$ 的自变量 $a x$ "
        "按 Dekker 的方法精确表示为两个浮点数之和，"
        "$\\pi/4$ 也以两个浮点数之和精确加上，所以正弦在每个 x 处都保持相对精度。"
        "前向计算 $x + s^{2}/a$，$s = \\sin(a x)$；±∞ 处 s 是 NaN，"
        "用 `np.fmax`（a < 0 时用 `np.fmin`）与 0 比较，把这一项置 0，"
        "结果就是 x（输入本身是 NaN 时结果仍是 NaN）。"
        "导数 $1 + \\sin(2 a x)$ 在 $\\sin(2 a x) \\approx -1$ 处相消，而这样的点有无穷多个；"
        "改用恒等式 $1 + \\sin t = 2\\sin^{2}(t/2 + \\pi/4)$，没有减法，平方用 `np.square`。",
        "Both kernels call the sine kernel: the argument $a x$ of $\\sin(a x)$ and $\\sin(a x + \\pi/4)$ is held "
        "exactly as a sum of two floats (Dekker's product), and $\\pi/4$ is added exactly as a sum of two "
        "floats too, so the sine keeps its relative accuracy at every x. The forward pass computes "
        "$x + s^{2}/a$ with $s = \\sin(a x)$; at ±∞, where s is NaN, `np.fmax` with 0 (`np.fmin` for a < 0) "
        "sets that term to 0 and the result is x (a NaN input still gives NaN). The derivative "
        "$1 + \\sin(2 a x)$ cancels where $\\sin(2 a x) \\approx -1$, at infinitely many points; the identity "
        "$1 + \\sin t = 2\\sin^{2}(t/2 + \\pi/4)$ has no subtraction, and `np.square` does the square.",
    ),
))
