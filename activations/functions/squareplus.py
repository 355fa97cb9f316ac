"""Squareplus (an algebraic, softplus-like rectifier)."""

from __future__ import annotations

import math

import numpy as np

from .._checks import elementwise, real_param
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Parameter, Properties, Reference, Text


def _working(x: np.ndarray, b: float) -> np.ndarray:
    """x, or x in float64 where b / 8 or b / 4 leaves x's dtype's normal range
    (a float16 x with b = 1e6): the kernels use them as exact constants."""
    info = np.finfo(x.dtype)
    fits = float(info.tiny) <= b / 8 and b / 4 <= float(info.max)
    return x if fits else x.astype(np.float64)


def _as(out: np.ndarray, x: np.ndarray) -> np.ndarray:
    """out back in x's dtype; inf where it overflows is the rounded value."""
    if out.dtype == x.dtype:
        return out
    with np.errstate(over="ignore"):
        return out.astype(x.dtype)


@elementwise
def squareplus(x: np.ndarray, b: float = 4.0) -> np.ndarray:
    r"""Squareplus, an algebraic smooth approximation of ReLU, element-wise.

    .. math:: \operatorname{Squareplus}(x) = \frac{x + \sqrt{x^{2} + b}}{2}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.
    b : float, default 4.0
        Size of the curved region around 0: Squareplus(0) = sqrt(b) / 2.
        Must be >= 0; b = 0 gives ReLU.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [0, inf].

    Raises
    ------
    ValueError
        If ``b`` is not finite or is negative.

    Notes
    -----
    With h = sqrt(x^2 + b), the textbook (x + h) / 2 cancels for x -> -inf:
    x + h is a sum of nearly opposite numbers, and in float64 (b = 4) it is
    often 0 from x = -1.34e8 on and always 0 below -2.68e8. Since
    (h - |x|)(h + |x|) = b,

    .. math:: \operatorname{Squareplus}(x) = \max(x, 0) + \frac{b}{2(h + |x|)}

    where nothing cancels. With t = |x| / 2 and c = sqrt(b) / 2,
    ``np.hypot(t, c)`` is h / 2 without forming x^2 (which overflows for
    |x| > 1.3e154), and the halved sum d = h / 2 + t cannot overflow either.
    The second term q is b / 4 divided by d (b / 4 is exact; where it or
    b / 8 does not fit x's dtype, a float16 x with b = 1e6, the kernel
    computes in float64 and rounds back; in float64 only b < 1.8e-307 makes
    b / 8 subnormal). The result is max(x + q, q): x + q
    for x >= 0 and q for x < 0, without a mask. For b = 0 it is
    ``np.maximum(x, 0)``.

    Examples
    --------
    >>> squareplus([-1e10, 0.0, 1.0, 3.0])
    array([1.00000000e-10, 1.00000000e+00, 1.61803399e+00, 3.30277564e+00])
    """
    b = real_param(b, "b", nonnegative=True)
    if b == 0:
        return np.maximum(x, 0)  # ReLU
    w = _working(x, b)
    t = np.abs(w)
    np.multiply(t, 0.5, out=t)  # |x| / 2
    out = np.hypot(t, math.sqrt(b) / 2)  # h / 2, no x^2 to overflow
    np.add(out, t, out=out)  # d = (h + |x|) / 2 <= the largest float
    # q = b / (2 (h + |x|)) = (h - |x|) / 2, without the cancellation
    np.divide(b / 4, out, out=out)
    np.add(w, out, out=t)
    np.maximum(t, out, out=out)  # x + q for x >= 0, q for x < 0
    return _as(out, x)


@elementwise
def squareplus_derivative(x: np.ndarray, b: float = 4.0) -> np.ndarray:
    r"""Derivative of Squareplus with respect to x, element-wise.

    .. math:: \operatorname{Squareplus}'(x) = \frac{1}{2}\left(1 +
              \frac{x}{\sqrt{x^{2} + b}}\right)

    With h = sqrt(x^2 + b), 1 + x/h cancels for x -> -inf like the function
    itself. Writing g = b / (2 h (h + |x|)), which lies in (0, 1/2], the
    derivative is g for x < 0 and 1 - g for x >= 0, i.e. |s - g| with the
    step s = (x >= 0) from ``np.greater_equal``. h / 2 and d = (h + |x|) / 2
    are formed with ``np.hypot`` as in :func:`squareplus`, and g is b / 8
    divided by both. For b = 0 (ReLU) the derivative is
    ``np.heaviside(x, 0)``: 0 at the kink x = 0, as for ``relu``.

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`squareplus`).
    b : float, default 4.0
        See :func:`squareplus`.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [0, 1].

    Examples
    --------
    >>> squareplus_derivative([-1e10, 0.0, 1.0, 3.0])
    array([1.00000000e-20, 5.00000000e-01, 7.23606798e-01, 9.16025147e-01])
    """
    b = real_param(b, "b", nonnegative=True)
    if b == 0:
        return np.heaviside(x, 0.0)  # ReLU's derivative; NaN stays NaN
    w = _working(x, b)
    t = np.abs(w)
    np.multiply(t, 0.5, out=t)
    out = np.hypot(t, math.sqrt(b) / 2)  # h / 2
    np.add(t, out, out=t)  # d = (h + |x|) / 2
    np.divide(b / 8, t, out=t)
    np.divide(t, out, out=t)  # g = b / (2 h (h + |x|)), in (0, 1/2]
    np.greater_equal(w, 0, out=out)  # the step s: 1 for x >= 0
    np.subtract(out, t, out=out)
    np.abs(out, out=out)  # 1 - g for x >= 0, g for x < 0; NaN stays NaN
    return _as(out, x)


def _naive(x: np.ndarray, b: float = 4.0) -> np.ndarray:
    return (x + np.sqrt(x * x + b)) / 2


def _naive_derivative(x: np.ndarray, b: float = 4.0) -> np.ndarray:
    return (1 + x / np.sqrt(x * x + b)) / 2


SPEC = register(Activation(
    name="squareplus",
    slug="squareplus",
    order=340,
    title=Text("Squareplus", "Squareplus"),
    full_name=Text("Squareplus（只用代数运算的 SoftPlus 式整流函数）",
                   "squareplus, a softplus-like algebraic rectifier"),
    summary=Text(
        "只用加法、乘法和平方根构成的 ReLU 光滑近似，形状与 SoftPlus 相似；"
        "b 控制原点附近弯曲部分的大小，b = 0 时就是 ReLU。",
        "A smooth approximation of ReLU built from addition, multiplication and a square root "
        "only, shaped like SoftPlus; b sets the size of the curved region at the origin, and "
        "b = 0 gives ReLU.",
    ),
    forward=squareplus,
    derivative=squareplus_derivative,
    latex=r"\operatorname{Squareplus}(x) = \frac{x + \sqrt{x^{2} + b}}{2}",
    latex_derivative=r"\operatorname{Squareplus}'(x) = \frac{1}{2}\left(1 + \frac{x}{\sqrt{x^{2} + b}}\right)",
    parameters=(
        Parameter(
            "b", "b", 4.0, r"b \ge 0",
            Text("原点附近弯曲部分的大小：Squareplus(0) = √b/2；b = 0 时就是 ReLU",
                 "size of the curved region at the origin: Squareplus(0) = √b/2; b = 0 gives ReLU"),
            check=lambda v: v >= 0,
        ),
    ),
    properties=Properties(
        range=r"(0,\ +\infty)",
        monotonic=True,
        smoothness=r"C^\infty",
        zero_centred=False,
        saturation=("soft", "none"),
        bounded="below",
        lower=0.0,
        upper=float("inf"),
        note=Text(
            "b > 0 时是光滑的严格凸函数；Squareplus(x) − Squareplus(−x) = x，"
            "Squareplus(x) · Squareplus(−x) = b/4。b = 0 时就是 ReLU，在 x = 0 处不可导。",
            "For b > 0 it is smooth and strictly convex; Squareplus(x) − Squareplus(−x) = x and "
            "Squareplus(x) · Squareplus(−x) = b/4. For b = 0 it is ReLU, with a kink at x = 0."),
    ),
    kink=Text(
        "只有 b = 0 时才有不可导点 x = 0（这时就是 ReLU）；本包取导数 0，与本包的 ReLU 以及 "
        "PyTorch、JAX 对 ReLU 自动求导的结果一致。jax.grad 对 jax.nn.squareplus(x, b=0) "
        "在 x = 0 处给出 NaN（公式中的 x/√(x²) 成了 0/0）。b > 0 时处处可导，Squareplus′(0) = 1/2。",
        "Only b = 0 has a kink, at x = 0 (it is ReLU then); this package takes the derivative 0 "
        "there, as its ReLU does and as PyTorch and JAX autograd give for ReLU. jax.grad of "
        "jax.nn.squareplus(x, b=0) gives NaN at x = 0 (the x/√(x²) of its formula is "
        "0/0). For b > 0 it is differentiable everywhere, with Squareplus′(0) = 1/2.",
    ),
    references=(
        Reference(
            "Jonathan T. Barron", 2021, "Squareplus: A softplus-like algebraic rectifier",
            "arXiv:2112.11687", "https://arxiv.org/abs/2112.11687",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.sqrt", "(input, *, out=None)",
            difference=Text(
                "PyTorch 没有这个函数，这里按教科书公式用 torch.sqrt 组合（b = 4）。负半轴上 "
                "x + √(x² + 4) 是两个相近的数相减：x = −10 时差 24 个 ulp，x = −800 时差约 "
                "29000 个 ulp，x ≲ −1.3 × 10⁸ 时得 0；|x| > 1.34 × 10¹⁵⁴ 时 x·x 上溢，"
                "x = −10³⁰⁰ 时得到 +∞，x = −∞ 时得 NaN。自动求导的 1 + x/√(x² + 4) 同样相消，"
                "|x| > 1.34 × 10¹⁵⁴ 时都是 1/2（真值为 0 或 1），在 ±∞ 处是 NaN。",
                "PyTorch does not ship this function; the row composes the textbook formula with "
                "torch.sqrt (b = 4). For negative x, x + √(x² + 4) subtracts two nearly equal "
                "numbers: 24 ulp off at x = −10, about 29000 ulp at x = −800, and 0 for "
                "x ≲ −1.3 × 10⁸; above |x| = 1.34 × 10¹⁵⁴, x·x overflows, so x = −10³⁰⁰ gives "
                "+∞ and x = −∞ gives NaN. Autograd's 1 + x/√(x² + 4) cancels in the same way; it "
                "is 1/2 for every |x| > 1.34 × 10¹⁵⁴ (the true value is 0 or 1) and NaN at ±∞."),
            call="torch.add(x, torch.sqrt(x * x + 4)) / 2",
            deviations=(
                Deviation("f", -10000.0, 9.999999929277692e-05),
                Deviation("df", -10000.0, 9.999999717180685e-09),
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -88.72, 0.011269984078666084),
                Deviation("f", -709.78, 0.0014088844642401455),
                Deviation("f", -710.0, 0.001408447910250743),
                Deviation("f", -745.13, 0.0013420452792161086),
                Deviation("f", -800.0, 0.0012499980468874128),
                Deviation("f", 1e+300, float("inf")),
                Deviation("f", -1e+300, float("inf")),
                Deviation("f", -10.0, 0.09901951359278449),
                Deviation("f", -25.0, 0.0399362039844533),
                Deviation("f", -37.0, 0.027007313648905296),
                Deviation("f", -40.0, 0.024984394500783935, varies=1e-12),  # ...787488 on AVX-512
                Deviation("f", -1000000000.0, 0.0),
                Deviation("f", 1e+155, float("inf")),
                Deviation("f", -1e+155, float("inf")),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -88.72, 0.00012699641099644943),
                Deviation("df", -709.78, 1.984951493616549e-06),
                Deviation("df", -710.0, 1.9837215807505526e-06),
                Deviation("df", -745.13, 1.801082287561373e-06),
                Deviation("df", -800.0, 1.5624926758828206e-06),
                Deviation("df", 1e+300, 0.5),
                Deviation("df", -1e+300, 0.5),
                Deviation("df", -10.0, 0.009709662154539861),
                Deviation("df", -25.0, 0.0015923607319374977),
                Deviation("df", -37.0, 0.0007288633612458628),
                Deviation("df", -40.0, 0.0006238305610776207, varies=1e-12),  # ...77704 on AVX-512
                Deviation("df", -1000000000.0, 0.0),
                Deviation("df", 1e+155, 0.5),
                Deviation("df", -1e+155, 0.5),
            ),
            composed=True,
        ),
        FrameworkName(
            "Keras", "keras.activations.squareplus", "(x, b=4)",
            difference=Text(
                "在 JAX 后端上调用 jax.nn.squareplus，差异与 JAX 一行相同。",
                "On the JAX backend it calls jax.nn.squareplus: it differs as the JAX row does."),
            call="keras.activations.squareplus(x)",
            deviations=(
                Deviation("f", -10000.0, 9.999999929277692e-05),
                Deviation("df", -10000.0, 9.999999732793197e-09),
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -88.72, 0.011269984078666084),
                Deviation("f", -709.78, 0.0014088844642401455),
                Deviation("f", -710.0, 0.001408447910250743),
                Deviation("f", -745.13, 0.0013420452792161086),
                Deviation("f", -800.0, 0.0012499980468874128),
                Deviation("f", 1e+300, float("inf")),
                Deviation("f", -1e+300, float("inf")),
                Deviation("f", -10.0, 0.09901951359278449),
                Deviation("f", -25.0, 0.0399362039844533),
                Deviation("f", -37.0, 0.027007313648905296),
                Deviation("f", -40.0, 0.024984394500787488),
                Deviation("f", -1000000000.0, 0.0),
                Deviation("f", 1e+155, float("inf")),
                Deviation("f", -1e+155, float("inf")),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -88.72, 0.00012699641099643989),
                Deviation("df", -709.78, 1.984951493589353e-06),
                Deviation("df", -710.0, 1.983721580748818e-06),
                Deviation("df", -745.13, 1.8010822875768851e-06),
                Deviation("df", -800.0, 1.5624926758585345e-06),
                Deviation("df", 1e+300, 0.5),
                Deviation("df", -1e+300, 0.5),
                Deviation("df", -10.0, 0.009709662154539889),
                Deviation("df", -25.0, 0.0015923607319375394),
                Deviation("df", -40.0, 0.0006238305610776762),
                Deviation("df", -1000000000.0, -3.114079572888993e-17),
                Deviation("df", 1e+155, 0.5),
                Deviation("df", -1e+155, 0.5),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.squareplus", "(x, b=4)",
            difference=Text(
                "按教科书公式 $(x + \\sqrt{x^{2} + b})/2$ 计算，差异与 PyTorch 一行的组合相同："
                "负半轴相消，x ≲ −1.3 × 10⁸ 时得 0，x = −10³⁰⁰ 时得 +∞，x = −∞ 时得 NaN。"
                "导数的末位与 PyTorch 略有不同，x = −10⁹ 处甚至为负（−3.1 × 10⁻¹⁷）。",
                "It computes the textbook formula $(x + \\sqrt{x^{2} + b})/2$ and differs as the PyTorch "
                "composition does: it cancels for negative x, gives 0 for x ≲ −1.3 × 10⁸, +∞ at "
                "x = −10³⁰⁰ and NaN at x = −∞. Its derivative differs from PyTorch's in the last "
                "digits, and at x = −10⁹ it is even negative (−3.1 × 10⁻¹⁷)."),
            call="jax.nn.squareplus(x)",
            deviations=(
                Deviation("f", -10000.0, 9.999999929277692e-05),
                Deviation("df", -10000.0, 9.999999732793197e-09),
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -88.72, 0.011269984078666084),
                Deviation("f", -709.78, 0.0014088844642401455),
                Deviation("f", -710.0, 0.001408447910250743),
                Deviation("f", -745.13, 0.0013420452792161086),
                Deviation("f", -800.0, 0.0012499980468874128),
                Deviation("f", 1e+300, float("inf")),
                Deviation("f", -1e+300, float("inf")),
                Deviation("f", -10.0, 0.09901951359278449),
                Deviation("f", -25.0, 0.0399362039844533),
                Deviation("f", -37.0, 0.027007313648905296),
                Deviation("f", -40.0, 0.024984394500787488),
                Deviation("f", -1000000000.0, 0.0),
                Deviation("f", 1e+155, float("inf")),
                Deviation("f", -1e+155, float("inf")),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -88.72, 0.00012699641099643989),
                Deviation("df", -709.78, 1.984951493589353e-06),
                Deviation("df", -710.0, 1.983721580748818e-06),
                Deviation("df", -745.13, 1.8010822875768851e-06),
                Deviation("df", -800.0, 1.5624926758585345e-06),
                Deviation("df", 1e+300, 0.5),
                Deviation("df", -1e+300, 0.5),
                Deviation("df", -10.0, 0.009709662154539889),
                Deviation("df", -25.0, 0.0015923607319375394),
                Deviation("df", -40.0, 0.0006238305610776762),
                Deviation("df", -1000000000.0, -3.114079572888993e-17),
                Deviation("df", 1e+155, 0.5),
                Deviation("df", -1e+155, 0.5),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.sqrt", "(x, name=None)",
            difference=Text(
                "PaddlePaddle 没有这个函数，这里按教科书公式用 paddle.sqrt 组合（b = 4），"
                "差异与 PyTorch 一行相同。",
                "PaddlePaddle does not ship this function; the row composes the textbook formula "
                "with paddle.sqrt (b = 4) and differs as the PyTorch row does."),
            call="paddle.add(x, paddle.sqrt(x * x + 4)) / 2",
            deviations=(
                Deviation("f", -10000.0, 9.999999929277692e-05),
                Deviation("df", -10000.0, 9.999999717180685e-09),
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -88.72, 0.011269984078666084),
                Deviation("f", -709.78, 0.0014088844642401455),
                Deviation("f", -710.0, 0.001408447910250743),
                Deviation("f", -745.13, 0.0013420452792161086),
                Deviation("f", -800.0, 0.0012499980468874128),
                Deviation("f", 1e+300, float("inf")),
                Deviation("f", -1e+300, float("inf")),
                Deviation("f", -10.0, 0.09901951359278449),
                Deviation("f", -25.0, 0.0399362039844533),
                Deviation("f", -37.0, 0.027007313648905296),
                Deviation("f", -40.0, 0.024984394500787488),
                Deviation("f", -1000000000.0, 0.0),
                Deviation("f", 1e+155, float("inf")),
                Deviation("f", -1e+155, float("inf")),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -88.72, 0.00012699641099644943),
                Deviation("df", -709.78, 1.984951493616549e-06),
                Deviation("df", -710.0, 1.9837215807505526e-06),
                Deviation("df", -745.13, 1.801082287561373e-06),
                Deviation("df", -800.0, 1.5624926758828206e-06),
                Deviation("df", 1e+300, 0.5),
                Deviation("df", -1e+300, 0.5),
                Deviation("df", -10.0, 0.009709662154539861),
                Deviation("df", -25.0, 0.0015923607319374977),
                Deviation("df", -37.0, 0.0007288633612458628),
                Deviation("df", -40.0, 0.000623830561077704),
                Deviation("df", -1000000000.0, 0.0),
                Deviation("df", 1e+155, 0.5),
                Deviation("df", -1e+155, 0.5),
            ),
            composed=True,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.sqrt", "(x)",
            difference=Text(
                "MindSpore 没有这个函数，可以写成 0.5 * (x + mindspore.ops.sqrt(x * x + b))，"
                "即教科书公式，负半轴上的相消与 PyTorch 一行相同。",
                "MindSpore does not ship this function; it can be written as "
                "0.5 * (x + mindspore.ops.sqrt(x * x + b)), the textbook formula, which cancels "
                "for negative x as in the PyTorch row."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.sqrt.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-1e4, -1e9, -1e155, 1e155),
    plot_range=(-5.0, 5.0),
    kink_points=lambda b=4.0: (0.0,) if b == 0 else (),
    implementation=Text(
        "记 $h = \\sqrt{x^{2} + b}$。由 $(h - |x|)(h + |x|) = b$，函数可以写成 "
        "$\\max(x, 0) + \\dfrac{b}{2(h + |x|)}$，其中只有非负数的相加和相除，没有相消。"
        "前向先算 $t = |x|/2$，用 `np.hypot(t, √b/2)` 得到 $h/2$：它不形成 $x^{2}$，"
        "所以 $|x| > 1.34 \\times 10^{154}$ 时也不会上溢；再加上 $t$ 得到 $(h + |x|)/2$，"
        "它不会超过最大浮点数。用 $b/4$ 除以它就是第二项 $q$。最后取 `np.maximum(x + q, q)`："
        "x ≥ 0 时是 $x + q$，x < 0 时是 $q$，不需要掩码。"
        "导数记 $g = \\dfrac{b}{2h(h + |x|)}$，取值在 $(0, 1/2]$ 内："
        "x < 0 时导数是 g，x ≥ 0 时是 1 − g，都没有相消。g 由 $b/8$ 依次除以 $(h + |x|)/2$ 和 $h/2$ 得到，"
        "阶跃 s（x ≥ 0 时为 1）由 `np.greater_equal` 给出，导数就是 |s − g|，NaN 仍为 NaN。"
        "$b/4$ 与 $b/8$ 作为常数是精确的；它们超出 x 的浮点类型的正规数范围时（由 `np.finfo` 判断，"
        "例如 float16 的 x 配 b = 10⁶），改用 `np.float64` 计算，再在 `np.errstate(over=\"ignore\")` 下"
        "舍入回原类型（那里的 +∞ 就是舍入的结果）。"
        "b = 0 时函数就是 ReLU：前向用 `np.maximum(x, 0)`，导数用 `np.heaviside(x, 0)`，"
        "在 x = 0 处取 0。在测试网格上（b = 4、10⁻⁶、10⁶），实测双精度下函数至多差 2 个 ulp、"
        "导数至多差 3 个 ulp，单精度下分别至多差 2 个和 5 个 ulp；"
        "b = 2 的随机抽样中，双精度导数最多差 4 个 ulp。",
        "Write $h = \\sqrt{x^{2} + b}$. Since $(h - |x|)(h + |x|) = b$, the function is "
        "$\\max(x, 0) + \\dfrac{b}{2(h + |x|)}$, in which non-negative numbers are only added "
        "and divided: nothing cancels. The forward pass forms $t = |x|/2$ and gets $h/2$ from "
        "`np.hypot(t, √b/2)`, which never forms $x^{2}$ and so does not overflow for "
        "$|x| > 1.34 \\times 10^{154}$; adding $t$ gives $(h + |x|)/2$, which cannot exceed "
        "the largest float. $b/4$ divided by it is the second term $q$, and the result is "
        "`np.maximum(x + q, q)`: $x + q$ for x ≥ 0 and $q$ for x < 0, without a mask. For the "
        "derivative, $g = \\dfrac{b}{2h(h + |x|)}$ lies in $(0, 1/2]$: the derivative is g for "
        "x < 0 and 1 − g for x ≥ 0, neither of which cancels. g is $b/8$ divided by "
        "$(h + |x|)/2$ and then by $h/2$; the step s (1 for x ≥ 0) comes from "
        "`np.greater_equal`, and the derivative is |s − g|, NaN staying NaN. The constants "
        "$b/4$ and $b/8$ are exact; where they leave the normal range of x's dtype (checked with "
        "`np.finfo`; a float16 x with b = 10⁶, say), the kernels compute in `np.float64` and "
        "round back under `np.errstate(over=\"ignore\")` (a +∞ there is the rounded value). "
        "For b = 0 the function is ReLU: the forward pass is `np.maximum(x, 0)` and the "
        "derivative `np.heaviside(x, 0)`, 0 at x = 0. On the test grid (b = 4, 10⁻⁶, 10⁶) the "
        "measured worst errors are 2 ulp for the function and 3 ulp for the derivative in "
        "float64, 2 and 5 ulp in float32; a random sample at b = 2 reaches 4 ulp for the "
        "float64 derivative.",
    ),
))
