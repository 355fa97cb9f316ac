"""StarReLU (MetaFormer baselines): s * relu(x)^2 + b."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from .._checks import elementwise, real_param
from .._registry import register
from .._spec import Activation, Deviation, Elsewhere, FrameworkName, Parameter, Properties, Reference, Text

#: The paper's rounded constants 1/sqrt(5/4) and -(1/2)/sqrt(5/4): their
#: ratio is -1/2 exactly in binary too (0.8944 is exactly 2 * 0.4472).
SCALE, BIAS = 0.8944, -0.4472


def _root(scale: float, bias: float, dtype: np.dtype) -> tuple:
    """The positive root x0 = sqrt(-bias/scale) as hi + lo in ``dtype``, and
    whether the kernel's product at r = 0 lies on the far side of bias, so
    that clamping it to bias gives bias exactly there."""
    q = Fraction(-bias) / Fraction(scale)  # exact, > 0
    e = q.numerator.bit_length() - q.denominator.bit_length()  # ~ log2 q
    k = max(130 - e // 2, 0)  # sqrt(q) * 2^k has >= 130 bits: far more
    n = math.isqrt(q.numerator * 4**k // q.denominator)
    x0 = Fraction(n, 2**k)
    hi = dtype.type(float(x0))
    lo = dtype.type(float(x0 - Fraction(float(hi))))
    zero = np.zeros(1, dtype)  # the kernel's operations at r = 0
    g0 = ((zero - hi) - lo) * scale * (zero + hi)
    return hi, lo, bool(g0[0] <= bias if scale > 0 else g0[0] >= bias)


@elementwise
def star_relu(x: np.ndarray, scale: float = SCALE,
              bias: float = BIAS) -> np.ndarray:
    r"""StarReLU, a scaled and shifted squared ReLU, element-wise.

    .. math:: \operatorname{StarReLU}(x) = s \max(0, x)^2 + b

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.
    scale : float, default 0.8944
        s, any finite nonzero number. The default is the paper's
        1/sqrt(Var(relu(z)^2)) = 1/sqrt(5/4) for z ~ N(0, 1), rounded.
    bias : float, default -0.4472
        b, any finite number. The default is the paper's
        -E(relu(z)^2)/sqrt(Var(relu(z)^2)) = -(1/2)/sqrt(5/4), rounded.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``; exactly ``bias`` for x <= 0.

    Raises
    ------
    ValueError
        If ``scale`` is 0 or not finite, or ``bias`` is not finite.

    Notes
    -----
    Where s and b have opposite signs, s r^2 + b (r = max(x, 0)) has a root
    x0 = sqrt(-b/s), and near it the two terms cancel: at the defaults and
    x = 0.7071067811865476, s * x * x + b gives 1.1e-16 for the true 6.1e-17.
    The factored form s (r - x0)(r + x0) does not cancel: x0 is held as
    hi + lo to twice the precision, r - hi is exact near x0 (Sterbenz), and
    every other operation rounds once, relative to a factor of the result.
    The result is then kept on the right side of b (``np.maximum`` for
    s > 0, ``np.minimum`` for s < 0). Where r < ulp(x0)/2, x <= 0
    included, the true value rounds to b and the product is one value (its
    value at r = 0): if that lies beyond b, the clamp gives b exactly;
    otherwise the bound b + ((r + hi) - hi) * (+-largest float), which is b
    there and huge or infinite elsewhere, does, without a mask. Where s
    and b have the same sign there is nothing to cancel and s r^2 + b is
    computed directly, (r * s) * r + b.

    Examples
    --------
    >>> star_relu([-1.0, 0.0, 1.0, 2.0])
    array([-0.4472, -0.4472,  0.4472,  3.1304])
    """
    s = real_param(scale, "scale", nonzero=True)
    b = real_param(bias, "bias")
    r = np.maximum(x, 0)  # exact; NaN stays NaN
    with np.errstate(over="ignore"):  # +inf beyond the range is the value
        if b == 0 or (s > 0) == (b > 0):  # no root: one sign, no cancelling
            out = np.multiply(r, s)
            np.multiply(out, r, out=out)
            np.add(out, b, out=out)
            return out
        hi, lo, clamped = _root(s, b, x.dtype)
        out = np.subtract(r, hi)  # exact near the root
        np.subtract(out, lo, out=out)  # r - x0
        np.multiply(out, s, out=out)
        np.add(r, hi, out=r)  # r + x0 (lo is below its rounding)
        np.multiply(out, r, out=out)  # s (r - x0)(r + x0)
        # b is the infimum (s > 0) or supremum (s < 0): keep the roundings
        # of the product from crossing it
        pair = (np.maximum, np.minimum)
        inner, outer = pair if s > 0 else pair[::-1]
        inner(out, b, out=out)
        if clamped:  # the clamp already gives b exactly at r = 0
            return out
        # (r + hi) - hi is 0 exactly for r < ulp(hi)/2 (x <= 0 included),
        # where f rounds to b: b + that * (+-max float) is b there and
        # +-huge or +-inf elsewhere, a bound that gives b exactly, no mask
        np.subtract(r, hi, out=r)
        np.multiply(r, math.copysign(np.finfo(x.dtype).max, s), out=r)
        np.add(r, b, out=r)
        outer(out, r, out=out)
    return out


@elementwise
def star_relu_derivative(x: np.ndarray, scale: float = SCALE,
                         bias: float = BIAS) -> np.ndarray:
    r"""Derivative of StarReLU with respect to x, element-wise.

    .. math:: \operatorname{StarReLU}'(x) = 2 s \max(0, x)

    Continuous: both one-sided derivatives at 0 are 0, the value autograd
    gives there for ``torch.nn.functional.relu(x) ** 2 * 0.8944 - 0.4472``.

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`star_relu`).
    scale : float, default 0.8944
        See :func:`star_relu`.
    bias : float, default -0.4472
        See :func:`star_relu`; the derivative does not depend on it.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``. Correctly rounded: 2s is exact, so
        r * (2s) rounds once (also where the result is subnormal).

    Examples
    --------
    >>> star_relu_derivative([-1.0, 0.0, 1.0, 2.0])
    array([0.    , 0.    , 1.7888, 3.5776])
    """
    s = real_param(scale, "scale", nonzero=True)
    real_param(bias, "bias")
    out = np.maximum(x, 0)  # NaN stays NaN
    with np.errstate(over="ignore"):  # +inf beyond the range is the value
        if math.isfinite(2 * s):
            np.multiply(out, 2 * s, out=out)  # 2s is exact: one rounding
        else:  # |s| > max/2: r s rounds once, doubling it is exact
            np.multiply(out, s, out=out)
            np.add(out, out, out=out)
    return out


def _naive(x: np.ndarray, scale: float = SCALE, bias: float = BIAS) -> np.ndarray:
    return scale * np.maximum(x, 0) ** 2 + bias


def _naive_derivative(x: np.ndarray, scale: float = SCALE, bias: float = BIAS) -> np.ndarray:
    return 2 * scale * np.maximum(x, 0)


_YU = Reference(
    "Weihao Yu, Chenyang Si, Pan Zhou, Mi Luo, Yichen Zhou, Jiashi Feng, Shuicheng Yan, Xinchao Wang", 2022,
    "MetaFormer baselines for vision",
    "arXiv:2210.13452; IEEE Transactions on Pattern Analysis and Machine Intelligence, 2023",
    "https://arxiv.org/abs/2210.13452",
)

SPEC = register(Activation(
    name="star_relu",
    slug="star-relu",
    order=160,
    title=Text("StarReLU", "StarReLU"),
    full_name=Text("StarReLU（缩放并平移的平方 ReLU）", "StarReLU, a scaled and shifted squared ReLU"),
    summary=Text(
        "s·relu(x)² + b：把平方 ReLU 缩放、平移，使标准正态输入下输出的均值为 0、方差为 1；MetaFormer 基线模型使用。",
        "s·relu(x)² + b: squared ReLU scaled and shifted so that for a standard normal input the output "
        "has mean 0 and variance 1; used in the MetaFormer baselines.",
    ),
    forward=star_relu,
    derivative=star_relu_derivative,
    latex=r"\operatorname{StarReLU}(x) = s\,\max(0,\ x)^{2} + b = \begin{cases} s\,x^{2} + b, & x > 0 \\ b, "
    r"& x \le 0 \end{cases}",
    latex_derivative=r"\operatorname{StarReLU}'(x) = 2s\max(0,\ x) = \begin{cases} 2s\,x, & x > 0 \\ 0, "
    r"& x \le 0 \end{cases}",
    parameters=(
        Parameter(
            "scale", "s", SCALE, r"s \in \mathbb{R},\ s \ne 0",
            Text("缩放系数。默认值 0.8944 是论文中 $1/\\sqrt{5/4}$ 的四位小数（标准正态输入下 relu(x)² 的方差为 5/4）；"
                 "论文的参考代码把它初始化为 1.0 并作为可学习参数",
                 "The scale. The default 0.8944 is the paper's $1/\\sqrt{5/4}$ to four decimals (for a standard "
                 "normal input relu(x)² has variance 5/4); the paper's reference code initializes it to 1.0 "
                 "and learns it"),
            check=lambda v: v != 0,
        ),
        Parameter(
            "bias", "b", BIAS, r"b \in \mathbb{R}",
            Text("偏置，即 x ≤ 0 时的输出。默认值 −0.4472 是论文中 $-\\tfrac12/\\sqrt{5/4}$ 的四位小数"
                 "（relu(x)² 的均值为 1/2）；参考代码把它初始化为 0.0 并作为可学习参数",
                 "The bias, the output for x ≤ 0. The default −0.4472 is the paper's "
                 "$-\\tfrac12/\\sqrt{5/4}$ to four decimals (relu(x)² has mean 1/2); the reference code "
                 "initializes it to 0.0 and learns it"),
        ),
    ),
    properties=Properties(
        range=r"[b,\ +\infty)",
        monotonic=True,
        smoothness=r"C^1",
        zero_centred=False,
        saturation=("hard", "none"),
        bounded="below",
        lower=BIAS,
        upper=float("inf"),
        note=Text(
            "单调和下界 b 都要求 s > 0；s < 0 时函数单调不增、以 b 为上界。导数在 0 处连续，二阶导数从 0 跳到 2s。"
            "默认参数下 b/s 恰好为 −1/2，函数在 $x = 1/\\sqrt{2}$ 处为 0。",
            "Monotonic, with lower bound b, for s > 0; for s < 0 it is non-increasing with upper bound b. "
            "The derivative is continuous at 0; the second derivative jumps there from 0 to 2s. At the "
            "defaults b/s is exactly −1/2 and the function is 0 at $x = 1/\\sqrt{2}$."),
    ),
    kink=None,
    references=(_YU,),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.relu", "(input, inplace=False)",
            difference=Text(
                "PyTorch 没有这个函数，这里用 ReLU 的平方乘以 s 再加 b。这个组合在根 $1/\\sqrt{2}$ "
                "附近两项相减抵消：x = 0.7071067811865476 处得 1.1e−16（真值 6.1e−17），"
                "x = 0.70710678 处只剩 9 位有效数字；x = 1.4e154 处先算的平方上溢，得 +∞"
                "（真值约 1.753e308，仍可表示）。",
                "PyTorch does not ship this function; the row squares ReLU, multiplies by s and adds b. "
                "Near the root $1/\\sqrt{2}$ the two terms of this composition cancel: it gives 1.1e−16 "
                "at x = 0.7071067811865476 (true value 6.1e−17) and only 9 correct digits at "
                "x = 0.70710678; at x = 1.4e154 the square overflows first and it gives +∞ (the true "
                "value, about 1.753e308, is representable)."),
            call="torch.nn.functional.relu(x) ** 2 * 0.8944 - 0.4472",
            deviations=(
                Deviation("f", 0.7071067811865476, 1.1102230246251565e-16),
                Deviation("f", 0.70710678, -1.5008314036002446e-09),
                Deviation("f", 1.4e154, float("inf")),
            ),
            composed=True,
        ),
        FrameworkName(
            "Keras", "keras.activations.relu", "(x, negative_slope=0.0, max_value=None, threshold=0.0)",
            difference=Text(
                "Keras 没有这个函数，这里用 ReLU 的平方乘以 s 再加 b。根附近的相消和 x = 1.4e154 "
                "处的上溢与 PyTorch 一行相同；在 JAX 后端上 NaN 处的导数为 0（本包为 NaN），与 JAX 一行相同。",
                "Keras does not ship this function; the row squares ReLU, multiplies by s and adds b. It "
                "cancels near the root and overflows at x = 1.4e154 as the PyTorch row does; on the JAX "
                "backend the derivative at NaN is 0 (this package: NaN), as in the JAX row."),
            call="keras.activations.relu(x) ** 2 * 0.8944 - 0.4472",
            deviations=(
                Deviation("f", 0.7071067811865476, 1.1102230246251565e-16),
                Deviation("f", 0.70710678, -1.5008314036002446e-09),
                Deviation("f", 1.4e154, float("inf")),
                Deviation("df", float("nan"), 0.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "JAX", "jax.nn.relu", "(x)",
            difference=Text(
                "JAX 没有这个函数，这里用 ReLU 的平方乘以 s 再加 b。根附近的相消和 x = 1.4e154 "
                "处的上溢与 PyTorch 一行相同；jax.nn.relu 在 NaN 处的导数为 0，所以这里 NaN 处的导数"
                "也是 0（本包为 NaN）。",
                "JAX does not ship this function; the row squares ReLU, multiplies by s and adds b. It "
                "cancels near the root and overflows at x = 1.4e154 as the PyTorch row does; the "
                "derivative of jax.nn.relu at NaN is 0, so the derivative here is 0 at NaN too (this "
                "package: NaN)."),
            call="jax.nn.relu(x) ** 2 * 0.8944 - 0.4472",
            deviations=(
                Deviation("f", 0.7071067811865476, 1.1102230246251565e-16),
                Deviation("f", 0.70710678, -1.5008314036002446e-09),
                Deviation("f", 1.4e154, float("inf")),
                Deviation("df", float("nan"), 0.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.relu", "(x, name=None)",
            difference=Text(
                "PaddlePaddle 没有这个函数，这里用 ReLU 的平方乘以 s 再加 b。根附近同样相减抵消："
                "x = 0.7071067811865476 处得 0（真值 6.1e−17），x = 0.70710678 处只剩 9 位有效数字；"
                "x = 1.4e154 处同样上溢为 +∞。paddle.nn.functional.relu(NaN) 返回 0，所以 NaN "
                "处函数值为 b = −0.4472、导数为 0（本包两者都是 NaN）。",
                "PaddlePaddle does not ship this function; the row squares ReLU, multiplies by s and "
                "adds b. It too cancels near the root, giving 0 at x = 0.7071067811865476 (true value "
                "6.1e−17) and only 9 correct digits at x = 0.70710678, and it overflows to +∞ at "
                "x = 1.4e154 as well. paddle.nn.functional.relu(NaN) returns 0, so at NaN the value is "
                "b = −0.4472 and the derivative 0 (this package: NaN for both)."),
            call="paddle.nn.functional.relu(x) ** 2 * 0.8944 - 0.4472",
            deviations=(
                Deviation("f", float("nan"), -0.4472),
                Deviation("f", 0.7071067811865476, 0.0),
                Deviation("f", 0.70710678, -1.5008314036002446e-09),
                Deviation("f", 1.4e154, float("inf")),
                Deviation("df", float("nan"), 0.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.relu", "(input, inplace=False)",
            difference=Text(
                "MindSpore 没有这个函数，可以写成 mindspore.ops.relu(x) ** 2 * 0.8944 − 0.4472。",
                "MindSpore does not ship this function; it can be written as "
                "mindspore.ops.relu(x) ** 2 * 0.8944 − 0.4472."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.relu.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(0.7071067811865476, 0.70710678, 1.4e154),
    plot_range=(-2.0, 2.0),
    breakpoints=lambda **_: (0.0,),
    implementation=Text(
        "两个核函数都先用 `np.maximum(x, 0)` 得到 r = max(x, 0)（精确，NaN 仍是 NaN）。"
        "s 与 b 异号时，$s r^{2} + b$ 在 $x_0 = \\sqrt{-b/s}$ 处为 0，附近两项相互抵消；"
        "前向因此按因式分解 $s (r - x_0)(r + x_0)$ 计算：$x_0$ 事先用 Python 的整数平方根精确算到远超浮点精度，"
        "存成高低两部分 hi + lo；r − hi 在 $x_0$ 附近是精确的（Sterbenz 引理），减去 lo 后得到 r − x₀，"
        "其余每一步都只相对于结果的一个因子舍入一次，所以在根附近也没有相消误差。"
        "b 是函数的下确界（s > 0）或上确界（s < 0），乘积的舍入可能让结果越过它，"
        "所以再用 `np.maximum`（s > 0）或 `np.minimum`（s < 0）把结果限制在 b 的一侧。"
        "r 小于 hi 的半个 ulp 时（x ≤ 0 在内），真值舍入为 b，乘积则恒为它在 r = 0 处的值"
        "（事先用 `np.zeros` 按同样的步骤算出）：这个值若落在 b 的另一侧，上面的限制就已给出恰好的 b；"
        "否则 $(r + \\text{hi}) - \\text{hi}$ 在那里恰好为 0，把它乘以带 s 符号的最大浮点数（`np.finfo`）"
        "再加 b，得到的界在那里恰好是 b，在别处是极大的数或 ±∞，再用 `np.minimum`（或 `np.maximum`）"
        "与结果比较一次，x ≤ 0 处就恰好等于 b。两种情形都不需要掩码。"
        "s 与 b 同号时没有可抵消的项，直接按 $(r \\cdot s) \\cdot r + b$ 计算。"
        "导数是 2sr：2s 是精确的，r 乘以 2s 只舍入一次，结果是正确舍入的（|s| 超过最大浮点数的一半时，"
        "先算 r·s 再加上自身）。"
        "r 很大时平方上溢为 ±∞，这正是真值舍入后的结果，所以在 `np.errstate` 中不报上溢。",
        "Both kernels start from r = max(x, 0) with `np.maximum(x, 0)` (exact, NaN stays NaN). When s "
        "and b have opposite signs, $s r^{2} + b$ is 0 at $x_0 = \\sqrt{-b/s}$ and its two terms cancel "
        "nearby, so the forward pass computes the factored form $s (r - x_0)(r + x_0)$: $x_0$ is computed "
        "beforehand with Python's integer square root to far more bits than any float holds, and stored "
        "as hi + lo; r − hi is exact near $x_0$ (Sterbenz's lemma), subtracting lo gives r − x₀, and every "
        "other step rounds once relative to a factor of the result, so nothing cancels near the root. "
        "b is the infimum (s > 0) or the supremum (s < 0), and the roundings of the product could cross "
        "it, so `np.maximum` (s > 0) or `np.minimum` (s < 0) keeps the result on its side. Where r is "
        "below half an ulp of hi (x ≤ 0 included), the true value rounds to b and the product is always "
        "its value at r = 0 (computed beforehand by the same steps, from `np.zeros`): if that lies beyond "
        "b, the clamp already gives exactly b; otherwise $(r + \\text{hi}) - \\text{hi}$ is exactly 0 "
        "there, and times the largest float (`np.finfo`) with the sign of s, plus b, it gives a bound that "
        "is exactly b there and huge or ±∞ elsewhere, so that one more `np.minimum` (or `np.maximum`) "
        "makes x ≤ 0 give exactly b. Neither case needs a mask. When s and b have the same "
        "sign nothing can cancel and $(r \\cdot s) \\cdot r + b$ is computed directly. The derivative "
        "is 2sr: 2s is exact, so r times 2s rounds once and is correctly rounded (for |s| above half the "
        "largest float, r·s is computed and added to itself). For large r the square overflows to ±∞, "
        "the true value correctly rounded, so `np.errstate` keeps that overflow from being reported.",
    ),
    elsewhere=(
        Elsewhere(
            "MetaFormer (sail-sg/metaformer)", "metaformer_baselines.StarReLU",
            "https://github.com/sail-sg/metaformer/blob/64c534ab8f65105fd21713b38e3393a449ca742d/metaformer_baselines.py",
            Text("论文的参考实现：StarReLU(scale_value=1.0, bias_value=0.0, scale_learnable=True, "
                 "bias_learnable=True)，s 和 b 是所有通道共享的可学习标量，初始值为 1 和 0（不是 0.8944 和 −0.4472）。",
                 "The paper's reference implementation: StarReLU(scale_value=1.0, bias_value=0.0, "
                 "scale_learnable=True, bias_learnable=True); s and b are learnable scalars shared by all "
                 "channels, initialized to 1 and 0 (not 0.8944 and −0.4472)."),
        ),
    ),
))
