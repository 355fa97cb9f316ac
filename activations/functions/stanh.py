"""STanh (scaled hyperbolic tangent, LeCun's tanh)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise, real_param
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Parameter, Properties, Reference, Text

#: Elements per block of the derivative: its temporaries stay small.
_BLOCK = 8192
#: Clears the low 27 of the 52 stored significand bits of a float64.
_HIGH26 = np.uint64(0xFFFFFFFFF8000000)


def _high(v: np.ndarray) -> np.ndarray:
    """v with its significand cut to its leading 26 bits (exact; a new array)."""
    bits = np.asarray(v, np.float64).view(np.uint64) & _HIGH26
    return bits.view(np.float64)


@elementwise
def stanh(x: np.ndarray, scale_a: float = 0.67,
          scale_b: float = 1.7159) -> np.ndarray:
    r"""Scaled tanh, b * tanh(a * x), element-wise.

    .. math:: \operatorname{STanh}(x) = b \tanh(a x)

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.
    scale_a : float, optional
        The input scale a > 0 (default 0.67, Paddle's; the paper has 2/3).
    scale_b : float, optional
        The output scale b > 0 (default 1.7159).

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [-b, b].

    Raises
    ------
    ValueError
        If ``scale_a`` or ``scale_b`` is not a finite number > 0.

    Notes
    -----
    The rounding of a * x moves tanh by at most half an ulp, since the
    conditioning of tanh, 2t / sinh(2t), is at most 1; ``np.tanh`` and the
    two products give at most 2 ulp in all (measured in float64 and
    float32). a * x overflows to ±inf only where tanh is ±1 anyway.

    Examples
    --------
    >>> stanh([-1000.0, 0.0, 1.0])
    array([-1.7159    ,  0.        ,  1.00376698])
    """
    a = real_param(scale_a, "scale_a", positive=True)
    b = real_param(scale_b, "scale_b", positive=True)
    # a * x = ±inf only where tanh(a x) = ±1: the right value
    with np.errstate(over="ignore"):
        out = np.multiply(x, x.dtype.type(a))
    np.tanh(out, out=out)
    np.multiply(out, x.dtype.type(b), out=out)
    return out


def _sech2_block(x: np.ndarray, a: float, c: float) -> np.ndarray:
    """c e^{-2t} / (1 + e^{-2t})^2 = c sech^2(t) / 4, t = a |x|, in float64."""
    y = np.abs(x, dtype=np.float64)
    np.minimum(y, 800.0 / a, out=y)  # beyond, e^{-2t} = 0: no overflow
    t = np.multiply(y, a)
    e = np.multiply(t, -2.0)
    np.exp(e, out=e)
    if x.dtype != np.float64:  # float32/16: a |x| is exact in float64
        d = None
    else:  # Dekker's product: d = a y - t exactly, from 26-bit halves
        a_hi = float(_high(a))
        hi = _high(y)
        d = np.multiply(hi, a_hi)
        d -= t
        np.subtract(y, hi, out=y)  # the low half of y
        d += y * a_hi
        d += hi * (a - a_hi)
        d += y * (a - a_hi)
        # e^{-2(t + d)} = e^{-2t} (1 - 2d): the rounding of a|x| undone
        np.multiply(d, e, out=y)
        np.multiply(y, 2.0, out=y)
        np.subtract(e, y, out=e)
    np.add(e, 1.0, out=y)
    np.square(y, out=y)
    np.multiply(e, c, out=e)
    np.divide(e, y, out=e)
    if d is not None:
        tail = t > 354.0  # e^{-2t} subnormal: (c e^{-t}) e^{-t}
        if tail.any():
            h = np.exp(-t[tail])
            h -= h * d[tail]
            e[tail] = (c * h) * h
    return e


@elementwise
def stanh_derivative(x: np.ndarray, scale_a: float = 0.67,
                     scale_b: float = 1.7159) -> np.ndarray:
    r"""Derivative of the scaled tanh with respect to x, element-wise.

    .. math:: \operatorname{STanh}'(x) = a b \operatorname{sech}^2(a x)
              = \frac{4 a b\, e^{-2a|x|}}{\left(1 + e^{-2a|x|}\right)^2}

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`stanh`).
    scale_a, scale_b : float, optional
        As in :func:`stanh`.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [0, a b].

    Notes
    -----
    The rounding of t = a|x| (up to t 2^-53) changes sech^2(t) by up to a
    factor e^{2t 2^-53}: ab / cosh(t)^2 is 15 ulp off near x = 20 and 34 ulp
    on [-40, 40] (measured). In float64 the exact error
    d = a|x| - t is computed by Dekker's product (a and |x| cut into 26-bit
    halves, whose products are exact) and folded in as
    e^{-2(t + d)} = e^{-2t} (1 - 2d); in float32 and float16, t is formed in
    float64, where it is exact. ``np.exp`` of -2t <= 0 cannot overflow, and
    1 + e^{-2t} does not cancel, unlike 1 - tanh^2. Where e^{-2t} is
    subnormal (t > 354) the result is (4ab e^{-t}) e^{-t}, rounded once.
    Within 4 ulp in float64 and 1 ulp in float32 (measured).

    Examples
    --------
    >>> stanh_derivative([0.0, 20.0])
    array([1.14965300e+00, 1.05568574e-11])
    """
    a = real_param(scale_a, "scale_a", positive=True)
    b = real_param(scale_b, "scale_b", positive=True)
    dt = x.dtype.type
    a, b = float(dt(a)), float(dt(b))  # the values the dtype holds
    c = 4 * a * b
    out = np.empty(x.shape, x.dtype)  # C order, so that res is a view
    flat, res = x.reshape(-1), out.reshape(-1)
    for i in range(0, flat.size, _BLOCK):
        res[i:i + _BLOCK] = _sech2_block(flat[i:i + _BLOCK], a, c)
    return out


def _naive(x: np.ndarray, scale_a: float = 0.67, scale_b: float = 1.7159) -> np.ndarray:
    ax = scale_a * x
    return scale_b * (np.exp(ax) - np.exp(-ax)) / (np.exp(ax) + np.exp(-ax))


def _naive_derivative(x: np.ndarray, scale_a: float = 0.67,
                      scale_b: float = 1.7159) -> np.ndarray:
    t = _naive(x, scale_a, 1.0)
    return scale_a * scale_b * (1 - t**2)


_LECUN = Reference(
    "Yann LeCun, Léon Bottou, Genevieve B. Orr, Klaus-Robert Müller", 1998,
    "Efficient BackProp",
    "Neural Networks: Tricks of the Trade, LNCS 1524, 9–50",
    "https://doi.org/10.1007/3-540-49430-8_2",
)

SPEC = register(Activation(
    name="stanh",
    slug="stanh",
    order=22,
    title=Text("STanh", "STanh"),
    full_name=Text("缩放双曲正切（LeCun tanh）", "scaled hyperbolic tangent (LeCun's tanh)"),
    summary=Text(
        "把 Tanh 的输入乘以 a、输出乘以 b：$1.7159\\tanh(2x/3)$ 让 f(±1) ≈ ±1，值域为 $(-b, b)$。",
        "Tanh with its input scaled by a and its output by b: $1.7159\\tanh(2x/3)$ makes "
        "f(±1) ≈ ±1; the range is $(-b, b)$.",
    ),
    forward=stanh,
    derivative=stanh_derivative,
    latex=r"\operatorname{STanh}(x) = b\,\tanh(a x)",
    latex_derivative=r"\operatorname{STanh}'(x) = a b \operatorname{sech}^{2}(a x)"
    r" = a b\left(1 - \tanh^{2}(a x)\right)",
    parameters=(
        Parameter(
            "scale_a", "a", 0.67, r"a > 0",
            Text("输入的缩放系数；论文取 2/3，0.67 是它保留两位小数的值（PaddlePaddle 的默认值）",
                 "the input scale; the paper has 2/3, and 0.67 is 2/3 rounded to two decimals "
                 "(PaddlePaddle's default)"),
            check=lambda v: v > 0,
        ),
        Parameter(
            "scale_b", "b", 1.7159, r"b > 0",
            Text("输出的缩放系数，也是函数的上确界；1.7159 ≈ 1/tanh(2/3)，使 f(1) ≈ 1",
                 "the output scale, also the supremum; 1.7159 ≈ 1/tanh(2/3), so that f(1) ≈ 1"),
            check=lambda v: v > 0,
        ),
    ),
    properties=Properties(
        range=r"(-b,\ b)",
        monotonic=True,
        smoothness=r"C^\infty",
        zero_centred=True,
        saturation=("soft", "soft"),
        bounded="both",
        lower=-1.7159,
        upper=1.7159,
        note=Text(
            "导数在 x = 0 处取最大值 ab（默认参数下为 1.149653）。"
            "a = 2/3 时 f(1) = 0.9999973，a = 0.67 时 f(1) = 1.0037670。",
            "The derivative peaks at x = 0 with the value ab (1.149653 at the defaults). "
            "With a = 2/3, f(1) = 0.9999973; with a = 0.67, f(1) = 1.0037670."),
    ),
    kink=None,
    references=(_LECUN,),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.tanh", "(input, *, out=None)",
            difference=Text(
                "PyTorch 没有这个函数，这里用 torch.tanh 乘以两个常数组合。"
                "自动求导按 $1 - \\tanh^{2}$ 计算导数：|x| 越大丢失的有效数字越多（x = 25 时偏大 0.19%），"
                "|x| ≳ 28.45 时为 0（真值约 $4ab\\,e^{-1.34|x|}$）。",
                "PyTorch does not ship this function; the row composes it from torch.tanh and two constants. "
                "Autograd computes the derivative as $1 - \\tanh^{2}$: the larger |x|, the more digits are lost "
                "(0.19 % too large at x = 25), and for |x| ≳ 28.45 it is 0 (the true value is about "
                "$4ab\\,e^{-1.34|x|}$)."),
            call="torch.tanh(0.67 * x) * 1.7159",
            deviations=(
                Deviation("df", 88.72, 0.0),
                Deviation("df", -88.72, 0.0),
                Deviation("df", 10.0, 6.967538782281474e-06),
                Deviation("df", -10.0, 6.967538782281474e-06),
                Deviation("df", 25.0, 1.3018986555479692e-14),
                Deviation("df", -25.0, 1.3018986555479692e-14),
                Deviation("df", 37.0, 0.0),
                Deviation("df", -37.0, 0.0),
                Deviation("df", 40.0, 0.0),
                Deviation("df", -40.0, 0.0),
                Deviation("df", 30.0, 0.0),
                Deviation("df", -30.0, 0.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "Keras", "keras.ops.tanh", "(x)",
            difference=Text(
                "Keras 没有这个函数，这里用 keras.ops.tanh 乘以两个常数组合。在 JAX 后端上 keras.ops.tanh "
                "把 float64 输入先转成 float32 再计算，所以函数值和导数只有 float32 的精度"
                "（普通点上误差可达 5·10⁻⁷，f(±∞) = ±1.71589994），|x| = 10⁻³⁰⁰ 时得 0，导数在 |x| ≥ 25 时已为 0。",
                "Keras does not ship this function; the row composes it from keras.ops.tanh and two "
                "constants. On the JAX backend keras.ops.tanh casts a float64 input to float32 before "
                "computing, so the value and the derivative have float32 precision only (errors up to "
                "5·10⁻⁷ at ordinary points, f(±∞) = ±1.71589994); |x| = 10⁻³⁰⁰ gives 0, and the derivative "
                "is already 0 for |x| ≥ 25."),
            call="keras.ops.tanh(0.67 * x) * 1.7159",
            deviations=(
                Deviation("f", float("inf"), 1.71589994430542),
                Deviation("f", float("-inf"), -1.71589994430542),
                Deviation("f", 88.72, 1.71589994430542),
                Deviation("f", -88.72, -1.71589994430542),
                Deviation("f", 709.78, 1.71589994430542),
                Deviation("f", -709.78, -1.71589994430542),
                Deviation("f", 710.0, 1.71589994430542),
                Deviation("f", -710.0, -1.71589994430542),
                Deviation("f", 745.13, 1.71589994430542),
                Deviation("f", -745.13, -1.71589994430542),
                Deviation("f", 800.0, 1.71589994430542),
                Deviation("f", -800.0, -1.71589994430542),
                Deviation("f", 1e-300, 0.0),
                Deviation("f", -1e-300, -0.0),
                Deviation("f", 1e+300, 1.71589994430542),
                Deviation("f", -1e+300, -1.71589994430542),
                Deviation("f", 0.5, 0.5542464852333069),
                Deviation("f", -0.5, -0.5542464852333069),
                Deviation("f", 1.0, 1.0037670135498047),
                Deviation("f", -1.0, -1.0037670135498047),
                Deviation("f", 2.5, 1.5995784997940063),
                Deviation("f", -2.5, -1.5995784997940063),
                Deviation("f", 10.0, 1.7158946990966797),
                Deviation("f", -10.0, -1.7158946990966797),
                Deviation("f", 25.0, 1.71589994430542),
                Deviation("f", -25.0, -1.71589994430542),
                Deviation("f", 37.0, 1.71589994430542),
                Deviation("f", -37.0, -1.71589994430542),
                Deviation("f", 40.0, 1.71589994430542),
                Deviation("f", -40.0, -1.71589994430542),
                Deviation("f", 1e-20, 1.1496530161683475e-20),
                Deviation("f", -1e-20, -1.1496530161683475e-20),
                Deviation("f", 30.0, 1.71589994430542),
                Deviation("f", -30.0, -1.71589994430542),
                Deviation("f", 1100.0, 1.71589994430542),
                Deviation("f", -1100.0, -1.71589994430542),
                Deviation("df", 0.0, 1.1496529626846315),
                Deviation("df", -0.0, 1.1496529626846315),
                Deviation("df", 88.72, 0.0),
                Deviation("df", -88.72, 0.0),
                Deviation("df", 1e-300, 1.1496529626846315),
                Deviation("df", -1e-300, 1.1496529626846315),
                Deviation("df", 5e-324, 1.1496529626846315),
                Deviation("df", -5e-324, 1.1496529626846315),
                Deviation("df", 0.5, 1.029706176519394),
                Deviation("df", -0.5, 1.02970609664917),
                Deviation("df", 1.0, 0.7562400341033936),
                Deviation("df", -1.0, 0.7562400341033936),
                Deviation("df", 2.5, 0.1505874401330948),
                Deviation("df", -2.5, 0.1505874800682068),
                Deviation("df", 10.0, 6.989503799559316e-06),
                Deviation("df", -10.0, 7.028579711914063e-06),
                Deviation("df", 25.0, 0.0),
                Deviation("df", -25.0, 0.0),
                Deviation("df", 37.0, 0.0),
                Deviation("df", -37.0, 0.0),
                Deviation("df", 40.0, 0.0),
                Deviation("df", -40.0, 0.0),
                Deviation("df", 1e-20, 1.1496529626846315),
                Deviation("df", -1e-20, 1.1496529626846315),
                Deviation("df", 30.0, 0.0),
                Deviation("df", -30.0, 0.0),
            ),
            composed=True,
            ordinary_error=6e-07,
        ),
        FrameworkName(
            "JAX", "jax.numpy.tanh", "(x, /)",
            difference=Text(
                "JAX 没有这个函数，这里用 jax.numpy.tanh 乘以两个常数组合。与 PyTorch 一样，导数按 "
                "$1 - \\tanh^{2}$ 计算，|x| 越大丢失的有效数字越多；但 |x| 约在 26.1 到 29.85 之间时"
                "它停在 1.79e−15 不变（真值从 2.8e−15 降到 2.0e−17），|x| ≳ 29.85 时才为 0。",
                "JAX does not ship this function; the row composes it from jax.numpy.tanh and two "
                "constants. As in PyTorch, the derivative is computed as $1 - \\tanh^{2}$, and the larger |x|, "
                "the more digits are lost; but for |x| from about 26.1 to 29.85 it stays at 1.79e−15 (the "
                "true value falls from 2.8e−15 to 2.0e−17 there), and it is 0 only for |x| ≳ 29.85."),
            call="jax.numpy.tanh(0.67 * x) * 1.7159",
            deviations=(
                Deviation("df", 88.72, 0.0),
                Deviation("df", -88.72, 0.0),
                Deviation("df", 2.5, 0.15058744538725855),
                Deviation("df", -2.5, 0.15058744538725855),
                Deviation("df", 10.0, 6.967538782536748e-06),
                Deviation("df", -10.0, 6.967538782611804e-06),
                Deviation("df", 25.0, 1.3529535047851443e-14),
                Deviation("df", -25.0, 1.3389289676979389e-14),
                Deviation("df", 37.0, 0.0),
                Deviation("df", -37.0, 0.0),
                Deviation("df", 40.0, 0.0),
                Deviation("df", -40.0, 0.0),
                Deviation("df", 30.0, 0.0),
                Deviation("df", -30.0, 0.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.stanh", "(x, scale_a=0.67, scale_b=1.7159, name=None)",
            difference=Text(
                "名称、参数和默认值与本包相同，但 scale_a 和 scale_b 以 float32 保存"
                "（0.67 变成 0.6700000166893005，1.7159 变成 1.71589994430542），"
                "所以 float64 输入的结果也只在约 8 位有效数字上一致（普通点上误差可达 6·10⁻⁸），"
                "f(±∞) = ±1.71589994，f′(0) = 1.14965299；导数按 $1 - \\tanh^{2}$ 计算，|x| ≳ 28.45 时为 0。"
                "参数不检查取值，0 和负数也接受。",
                "Same name, parameters and defaults as here, but scale_a and scale_b are stored as float32 "
                "(0.67 becomes 0.6700000166893005 and 1.7159 becomes 1.71589994430542), so even for float64 "
                "input the results agree to about 8 significant digits only (errors up to 6·10⁻⁸ at "
                "ordinary points), with f(±∞) = ±1.71589994 and f′(0) = 1.14965299; the derivative is "
                "computed as $1 - \\tanh^{2}$ and is 0 for |x| ≳ 28.45. The parameters are not checked: "
                "0 and negative values are accepted."),
            call="paddle.stanh(x)",
            deviations=(
                Deviation("f", float("inf"), 1.71589994430542),
                Deviation("f", float("-inf"), -1.71589994430542),
                Deviation("f", 88.72, 1.71589994430542),
                Deviation("f", -88.72, -1.71589994430542),
                Deviation("f", 709.78, 1.71589994430542),
                Deviation("f", -709.78, -1.71589994430542),
                Deviation("f", 710.0, 1.71589994430542),
                Deviation("f", -710.0, -1.71589994430542),
                Deviation("f", 745.13, 1.71589994430542),
                Deviation("f", -745.13, -1.71589994430542),
                Deviation("f", 800.0, 1.71589994430542),
                Deviation("f", -800.0, -1.71589994430542),
                Deviation("f", 1e-300, 1.1496529913218013e-300),
                Deviation("f", -1e-300, -1.1496529913218013e-300),
                Deviation("f", 1e+300, 1.71589994430542),
                Deviation("f", -1e+300, -1.71589994430542),
                Deviation("f", 0.5, 0.5542465365876736),
                Deviation("f", -0.5, -0.5542465365876736),
                Deviation("f", 1.0, 1.0037669672923217),
                Deviation("f", -1.0, -1.0037669672923217),
                Deviation("f", 2.5, 1.5995785330971144),
                Deviation("f", -2.5, -1.5995785330971144),
                Deviation("f", 10.0, 1.7158947446436386),
                Deviation("f", -10.0, -1.7158947446436386),
                Deviation("f", 25.0, 1.7158999443054102),
                Deviation("f", -25.0, -1.7158999443054102),
                Deviation("f", 37.0, 1.71589994430542),
                Deviation("f", -37.0, -1.71589994430542),
                Deviation("f", 40.0, 1.71589994430542),
                Deviation("f", -40.0, -1.71589994430542),
                Deviation("f", 1e-20, 1.1496529913218011e-20),
                Deviation("f", -1e-20, -1.1496529913218011e-20),
                Deviation("f", 30.0, 1.71589994430542),
                Deviation("f", -30.0, -1.71589994430542),
                Deviation("f", 1100.0, 1.71589994430542),
                Deviation("f", -1100.0, -1.71589994430542),
                Deviation("df", 0.0, 1.1496529913218012),
                Deviation("df", -0.0, 1.1496529913218012),
                Deviation("df", 88.72, 0.0),
                Deviation("df", -88.72, 0.0),
                Deviation("df", 1e-300, 1.1496529913218012),
                Deviation("df", -1e-300, 1.1496529913218012),
                Deviation("df", 5e-324, 1.1496529913218012),
                Deviation("df", -5e-324, 1.1496529913218012),
                Deviation("df", 0.5, 1.0297061462660395),
                Deviation("df", -0.5, 1.0297061462660395),
                Deviation("df", 1.0, 0.7562400405516612),
                Deviation("df", -1.0, 0.7562400405516612),
                Deviation("df", 2.5, 0.15058743253640114),
                Deviation("df", -2.5, 0.15058743253640114),
                Deviation("df", 10.0, 6.9675364038420175e-06),
                Deviation("df", -10.0, 6.9675364038420175e-06),
                Deviation("df", 25.0, 1.301898645720542e-14),
                Deviation("df", -25.0, 1.301898645720542e-14),
                Deviation("df", 37.0, 0.0),
                Deviation("df", -37.0, 0.0),
                Deviation("df", 40.0, 0.0),
                Deviation("df", -40.0, 0.0),
                Deviation("df", 1e-20, 1.1496529913218012),
                Deviation("df", -1e-20, 1.1496529913218012),
                Deviation("df", 30.0, 0.0),
                Deviation("df", -30.0, 0.0),
            ),
            ordinary_error=6e-08,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.tanh", "(input)",
            difference=Text(
                "MindSpore 没有这个函数，可以写成 1.7159 * mindspore.ops.tanh(0.67 * x)。",
                "MindSpore does not ship this function; it can be written as "
                "1.7159 * mindspore.ops.tanh(0.67 * x)."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.tanh.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(1e-20, 30.0, 1100.0),
    plot_range=(-5.0, 5.0),
    implementation=Text(
        "前向按 $b\\tanh(a x)$ 计算：`np.multiply` 求 $a x$，`np.tanh` 求双曲正切，再乘以 b。"
        "$a x$ 的舍入最多让结果偏半个 ulp，因为 tanh 的条件数 $2t/\\sinh 2t$ 不超过 1；"
        '$a x$ 上溢为 $\\pm\\infty$ 时 tanh 恰好是 $\\pm 1$，所以放在 `np.errstate(over="ignore")` 中。'
        "导数不经过 $1 - \\tanh^{2}$，而是令 $t = a|x|$（`np.abs`，并用 `np.minimum` 截到 800/a），"
        "按 $f' = 4ab\\,E/(1 + E)^{2}$、$E = e^{-2t}$ 计算（`np.exp`、`np.add`、`np.square`、`np.divide`），"
        "指数的自变量不大于 0，不会上溢，分母也没有相消。"
        "$a|x|$ 舍入后的相对误差最大为 $2^{-53}$，会让 $e^{-2t}$ 的相对误差达到 $2t \\cdot 2^{-53}$"
        "（直接按 $ab/\\cosh^{2}$ 计算，实测在 [−40, 40] 上差到 34 ulp），"
        "所以双精度下用 Dekker 乘法求出精确的舍入误差 $d = a|x| - t$："
        "a 和 |x| 各按位截成高 26 位与余下部分（`np.asarray` 的 uint64 视图按位与），四个部分积都是精确的，"
        "再按 $e^{-2(t + d)} = e^{-2t}(1 - 2d)$ 修正（`np.multiply`、`np.subtract`）。"
        "单精度和半精度输入直接在双精度下算 t，此时 $a|x|$ 是精确的。"
        "$E$ 成为次正规数时（t > 354）改算 $(4ab\\,e^{-t})\\,e^{-t}$，只在最后一步舍入一次。"
        "计算按 8192 个元素一块进行，临时数组很小。"
        "与 mpmath 相比，实测前向在双精度和单精度下至多 2 ulp，导数在双精度下至多 4 ulp、单精度下至多 1 ulp。",
        "The forward pass computes $b\\tanh(a x)$: `np.multiply` forms $a x$, `np.tanh` the "
        "hyperbolic tangent, and the result is multiplied by b. The rounding of $a x$ moves the result by "
        "at most half an ulp, since the condition number of tanh, $2t/\\sinh 2t$, is at most 1; where "
        "$a x$ overflows to $\\pm\\infty$, tanh is exactly $\\pm 1$, so that product runs inside "
        '`np.errstate(over="ignore")`. The derivative never forms $1 - \\tanh^{2}$: with $t = a|x|$ '
        "(`np.abs`, clipped to 800/a by `np.minimum`) it computes $f' = 4ab\\,E/(1 + E)^{2}$, "
        "$E = e^{-2t}$ (`np.exp`, `np.add`, `np.square`, `np.divide`): the exponent is never positive, so "
        "nothing overflows, and the denominator does not cancel. Rounding $a|x|$ leaves a relative error "
        "of up to $2^{-53}$, which gives $e^{-2t}$ a relative error of up to $2t \\cdot 2^{-53}$ "
        "(computed directly as $ab/\\cosh^{2}$, it is off by up to 34 ulp on [−40, 40], measured), "
        "so in float64 Dekker's product gives the exact rounding error $d = a|x| - t$: a and |x| are cut "
        "into their leading 26 bits and the rest (a bitwise and on a uint64 view from `np.asarray`), all "
        "four partial products are exact, and $e^{-2(t + d)} = e^{-2t}(1 - 2d)$ corrects for it "
        "(`np.multiply`, `np.subtract`). float32 and float16 inputs form t in float64, where $a|x|$ is "
        "exact. Where $E$ is subnormal (t > 354) it computes $(4ab\\,e^{-t})\\,e^{-t}$ instead, rounded "
        "once at the end. The work runs in blocks of 8192 elements, so the temporaries stay small. "
        "Measured against mpmath, the forward pass is within 2 ulp in float64 and float32, the derivative "
        "within 4 ulp in float64 and 1 ulp in float32.",
    ),
))
