"""QuickGELU (the sigmoid approximation of GELU, x sigma(1.702 x))."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import (
    Activation,
    Deviation,
    Elsewhere,
    FrameworkName,
    Properties,
    Reference,
    Text,
)
from .silu import _C as _SC
from .silu import _E, _K

#: The split of a = 1.702 (the decimal constant) per dtype: (L, M, a, a1, a2).
#: |x| is clipped to L, beyond which f and f' are exact (x, 0) or underflow;
#: (x + M) - M rounds x to the grid 2^-16 (float64) / 2^-5 (float32), so x_h
#: has at most 27 / 12 bits and a1 (a rounded to 26 / 12 bits) * x_h is
#: exact; a2 = 1.702 - a1 (from mpmath, rounded to the dtype).
_SPLIT = {
    np.dtype(np.float64): (1024.0, 1.5 * 2.0**36, 1.702,
                           1.701999992132187, 7.867813110351563e-09),
    np.dtype(np.float32): (64.0, 1.5 * 2.0**18, 1.7020000219345093,
                           1.7021484375, -0.0001484374952269718),
}
#: z0 = -1.27846 is the root of 1 + z + e^z (QuickGELU' = SiLU'(1.702 x) = 0
#: at x0 = z0 / 1.702); for n = -|z| in [z0 - 0.5, 0] the sum N = 1 + n + e^n
#: is expanded about SiLU's c = -1309/1024, as silu_derivative does.
_NEAR = -1.2784645427610738 - 0.5
#: The kernels run on blocks of this many elements, so that their
#: temporaries stay small (and in cache) whatever the size of x.
_BLOCK = 1 << 16


def _split(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(xc, zh, zl): xc = x clipped to ±L and zh + zl = 1.702 xc, where zh
    is the rounded product and zl its error, to about 2^-69 (float64)."""
    lim, big, a, a1, a2 = _SPLIT[x.dtype]
    xc = np.clip(x, -lim, lim)  # ±inf -> ±L; NaN stays NaN
    zh = xc * a
    xh = xc + big
    xh -= big  # x_h: xc on the grid, few bits
    xl = xc - xh  # exact
    zl = xh * a1  # exact: 27 + 26 (12 + 12) bits
    zl -= zh  # exact (Sterbenz): a1 x_h and zh are close
    xh *= a2
    xl *= a
    xh += xl  # a2 x_h + a x_l, tiny: its rounding costs ~2^-69
    zl += xh
    return xc, zh, zl


def _forward_block(x: np.ndarray, out: np.ndarray) -> None:
    """QuickGELU of one block of a float32/64 array, into out."""
    xc, zh, zl = _split(x)
    low = np.log(np.finfo(x.dtype).tiny)  # below, e^z is subnormal
    tail = zh < low
    if tail.any():  # x e^z = (x e^{zh/2}) e^{zh/2} (1 + zl): no subnormal
        h = np.exp(zh[tail] / 2)
        patch = ((xc[tail] * h) * h) * (1 + zl[tail])
    e = np.maximum(zh, low, out=xc)  # e^{-zh} stays finite
    np.negative(e, out=e)
    np.exp(e, out=e)
    zl *= e
    e -= zl  # e^{-z} = e^{-zh} (1 - zl): the product's error put back
    e += 1
    np.divide(x, e, out=out)  # x / (1 + e^{-z})
    if tail.any():
        out[tail] = patch


def _derivative_block(x: np.ndarray, out: np.ndarray) -> None:
    """QuickGELU' = SiLU'(z), z = 1.702 x, of one block, into out."""
    n, zh, zl = _split(x)
    low = np.log(np.finfo(x.dtype).tiny)
    tail = zh < low
    if tail.any():  # (1 + z) e^z, without the subnormal e^z
        h = np.exp(zh[tail] / 2)
        t = ((1 + zh[tail]) + zl[tail]) * h
        patch = (t * h) * (1 + zl[tail])
    s = np.copysign(1, zh)
    zl *= s
    np.negative(zl, out=zl)  # nl: n + nl = -|z|
    np.abs(zh, out=n)
    np.negative(n, out=n)  # n = -|zh| <= 0
    near = n >= _NEAR
    nl = zl[near]
    en = np.exp(n, out=zh)
    g = en * zl
    en += g  # e^{n + nl}
    zl += en
    np.add(n, 1, out=g)  # exact for n <= -1
    g += zl  # N = (1 + n) + (nl + e^{n + nl})
    if near.any():  # N = K + d + e^c expm1(d), d = n - c: no cancellation
        d = n[near] - _SC
        m = np.expm1(d + nl)
        m *= _E
        m += _K
        m += nl
        g[near] = d + m
    g *= en
    np.add(en, 2, out=zl)
    zl *= en
    zl += 1  # (1 + e^n)^2, rounded once
    g /= zl  # g = e^n N / (1 + e^n)^2 = SiLU'(n)
    # SiLU'(z) = g for z < 0 and 1 - g for z >= 0: max(s, 0) - s g
    g *= s
    np.maximum(s, 0, out=out)
    out -= g
    if tail.any():
        out[tail] = patch


def _blocks(kernel: Callable[[np.ndarray, np.ndarray], None],
            x: np.ndarray) -> np.ndarray:
    """Run kernel on x block by block; float16 is computed in float32."""
    if x.dtype == np.float16:
        wide = _blocks(kernel, x.astype(np.float32))
        with np.errstate(over="ignore"):  # beyond float16's max: inf, rightly
            return wide.astype(np.float16)
    out = np.empty(x.shape, x.dtype)
    flat, res = x.reshape(-1), out.reshape(-1)
    for i in range(0, flat.size, _BLOCK):
        kernel(flat[i:i + _BLOCK], res[i:i + _BLOCK])
    return out


@elementwise
def quick_gelu(x: np.ndarray) -> np.ndarray:
    r"""QuickGELU, x times the logistic sigmoid of 1.702 x, element-wise.

    .. math:: \operatorname{QuickGELU}(x) = x\,\sigma(1.702\,x)
              = \frac{x}{1 + e^{-1.702\,x}}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in
        [-0.16361018963635357, inf].

    Notes
    -----
    The constant is the decimal 1.702 of Hendrycks & Gimpel. In the
    negative tail QuickGELU(x) ~ x e^{1.702 x}, and an absolute error in the
    exponent is a relative error of the result: the rounded product
    ``1.702 * x`` alone costs up to 333 ulp at x = -371 (float64). So the
    product is formed exactly as zh + zl (x split on a grid, 1.702 split
    into a short head and a tail), and e^{-z} = e^{-zh} (1 - zl).

    Below log(tiny) e^z is subnormal while x e^z is still normal down to
    x = -419.7: there x e^z is computed as (x e^{zh/2}) e^{zh/2} (1 + zl).
    The work runs on blocks of 65536 elements, so the temporaries stay
    small; float16 is computed in float32.

    Examples
    --------
    >>> quick_gelu([-1.0, 0.0, 2.0])
    array([-0.15420423,  0.        ,  1.93565862])
    """
    return _blocks(_forward_block, x)


@elementwise
def quick_gelu_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of QuickGELU with respect to x, element-wise.

    .. math:: \operatorname{QuickGELU}'(x) = \sigma(z)\bigl(1 + z\,(1 -
              \sigma(z))\bigr) = \operatorname{SiLU}'(z), \quad z = 1.702\,x

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`quick_gelu`).

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in about [-0.0998, 1.0998].

    Notes
    -----
    QuickGELU(x) = SiLU(z) / 1.702, so the derivative is SiLU'(z), computed
    as :func:`~activations.silu_derivative` does, at n = -|z| <= 0 only:
    g = e^n N / (1 + e^n)^2 with N = 1 + n + e^n, and 1 - g for x >= 0.
    z = zh + zl is the exact product of :func:`quick_gelu`, and zl enters
    both e^n and N. N vanishes at the root z0 = -1.27846 (x0 = -0.75115);
    for n >= z0 - 0.5 it is expanded about c = -1309/1024 as
    K + d + e^c expm1(d), d = n - c, where only the tiny K can cancel, at
    z0 itself; below, 1 + n is exact and nothing cancels. Below log(tiny)
    (1 + z) e^z is computed as ((1 + z) e^{zh/2}) e^{zh/2} (1 + zl).

    Examples
    --------
    >>> quick_gelu_derivative([-1.0, 0.0, 2.0])
    array([-0.06777961,  0.5       ,  1.07381535])
    """
    return _blocks(_derivative_block, x)


def _naive(x: np.ndarray) -> np.ndarray:
    return x * (1 / (1 + np.exp(-1.702 * x)))


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    s = 1 / (1 + np.exp(-1.702 * x))
    return s * (1 + 1.702 * x * (1 - s))


#: Where the compositions x * sigmoid(1.702 * x) of PyTorch, Keras and JAX differ
#: (measured by tests/test_frameworks.py); PaddlePaddle's differ at the same
#: inputs but x = -20.
_COMPOSED = (
    Deviation("f", float("-inf"), float("nan")),
    Deviation("f", -88.72, -2.3384569637580107e-64),
    Deviation("f", -25.0, -8.292964450406412e-18),
    Deviation("f", -37.0, -1.6555451171024526e-26),
    Deviation("f", -300.0, -5.3254804524962996e-220),
    Deviation("f", -420.0, -0.0),
    Deviation("df", float("inf"), float("nan")),
    Deviation("df", float("-inf"), float("nan")),
    Deviation("df", -88.72, -3.9536960318048854e-64),
    Deviation("df", -25.0, -1.3782906916575458e-17),
    Deviation("df", -37.0, -2.772993326683984e-26),
    Deviation("df", -40.0, -1.81896660574448e-28),
    Deviation("df", -300.0, -9.04621612864038e-220),
    Deviation("df", -420.0, 0.0),
    Deviation("df", 20.0, 1.0000000000000513),
    Deviation("df", -20.0, -5.440713718791758e-14),
)
_PADDLE = tuple(d for d in _COMPOSED if d.x != -20.0)

_TORCH_ZH = (
    "按 σ(1.702x)·x 计算，1.702 * x 先舍入：负半轴尾部 $f \\approx x e^{1.702x}$，指数里的绝对误差就是结果的相对误差，"
    "x = −25 处前向差 14 ulp，x = −300 处差 231 ulp（导数差 25 和 195 ulp）。"
    "x ≲ −417 时 σ(1.702x) 下溢为 0，前向为 −0、导数为 0，而真值到 x ≈ −420 仍不为 0"
    "（x = −420 处前向约 −1.5e−308）；x = −∞ 时 0 与 −∞ 相乘得 NaN，自动求导在 ±∞ 处得 NaN。"
    "导数在 x = 20 处因 1 − σ 相消差 14 ulp，在 x = −20 处差 8 ulp。")
_TORCH_EN = (
    "It computes σ(1.702x)·x with 1.702 * x rounded first: in the negative tail $f \\approx x e^{1.702x}$, and "
    "an absolute error in the exponent is a relative error of the result, so the forward pass is 14 ulp "
    "off at x = −25 and 231 ulp at x = −300 (the derivative 25 and 195 ulp). For x ≲ −417, "
    "σ(1.702x) underflows to 0 and the forward pass gives −0 and the derivative 0, while the true value "
    "is not 0 down to x ≈ −420 (about −1.5e−308 there); at x = −∞, 0 times −∞ is NaN, and autograd "
    "gives NaN at ±∞. The derivative is 14 ulp off at x = 20, where 1 − σ cancels, and 8 ulp at x = −20.")

_IMPLEMENTATION = Text(
    "核心是把乘积 $z = 1.702x$ 精确地表示成 $z_h + z_l$：负半轴尾部 $f \\approx x e^{z}$，"
    "指数里的绝对误差就是结果的相对误差，"
    "直接舍入的 `1.702 * x` 在 x ≈ −371 处会带来 333 ulp 的误差。"
    "x 先用 `np.clip` 截到 ±1024（单精度 ±64，截断后的结果不变），"
    "再用 $(x + M) - M$ 舍入到 $2^{-16}$"
    "（单精度 $2^{-5}$）的网格上得到位数很少的 $x_h$，$x_l = x - x_h$ 是精确的；"
    "1.702 拆成 26 位（单精度 12 位）的 $a_1$ 与余项 $a_2 = 1.702 - a_1$（由 mpmath 算出），"
    "于是 $a_1 x_h$ 是精确的，$z_l = (a_1 x_h - z_h) + (a_2 x_h + 1.702\\,x_l)$ 只在很小的量上舍入。"
    "前向按 $x / (1 + e^{-z})$ 计算：`np.maximum` 把 $z_h$ 限制在 ln m 以上"
    "（m 是最小的正规数，由 `np.log` 和 `np.finfo` 给出），`np.exp` 求 $e^{-z_h}$，"
    "再乘以 $1 - z_l$ 补上乘积的误差，最后用 x 去除。$z_h < \\ln m$ 时 $e^{z}$ 已是次正规数，"
    "改算 $(x e^{z_h/2})\\,e^{z_h/2}\\,(1 + z_l)$。"
    "导数等于 $\\operatorname{SiLU}'(z)$，按 SiLU 的办法只在 $n = -|z| \\le 0$ 处计算 "
    "$g = e^{n} N / (1 + e^{n})^{2}$，$N = 1 + n + e^{n}$，x ≥ 0 时取 $1 - g$"
    "（`np.copysign` 给出符号 s，结果为 $\\max(s, 0) - s g$，用 `np.maximum`）；"
    "$z_l$ 同时进入 $e^{n}$ 和 N。n ≤ −1 时 $1 + n$ 是精确的，N 没有相消；"
    "在零点 $z_0 \\approx -1.2785$ 附近（$n \\ge z_0 - 0.5$）N 改为在 $c = -1309/1024$ 处展开，"
    "$N = K + d + e^{c}\\,\\mathrm{expm1}(d)$，$d = n - c$（`np.expm1`，常数取自 SiLU），"
    "只有在 $z_0$ 本身才会抵消；分母 $(1 + e^{n})^{2}$ 写成 $1 + e^{n}(2 + e^{n})$，只舍入一次。"
    "两个核都按每块 65536 个元素分块计算，临时数组不随输入变大；"
    "半精度先转成单精度计算"
    "（`np.float16`、`np.float32`）。",
    "The core is an exact form of the product $z = 1.702x$ as $z_h + z_l$: in the negative tail "
    "$f \\approx x e^{z}$, and an absolute error in the exponent is a relative error of the result, "
    "so the rounded `1.702 * x` alone costs 333 ulp at x ≈ −371. x is clipped to ±1024 (±64 in "
    "float32, which changes no result) by `np.clip` and rounded to the grid $2^{-16}$ ($2^{-5}$) "
    "as $(x + M) - M$, which gives an $x_h$ with few bits and an exact $x_l = x - x_h$; 1.702 is "
    "split into $a_1$ of 26 bits (12 in float32) and the rest $a_2 = 1.702 - a_1$ (from mpmath), "
    "so that $a_1 x_h$ is exact and $z_l = (a_1 x_h - z_h) + (a_2 x_h + 1.702\\,x_l)$ rounds only "
    "tiny terms. The forward pass computes $x / (1 + e^{-z})$: `np.maximum` keeps $z_h$ above ln m "
    "(m the smallest normal number, from `np.log` and `np.finfo`), `np.exp` gives $e^{-z_h}$, "
    "which is multiplied by $1 - z_l$ to put the product's error back, and x is divided by one "
    "plus it. Where $z_h < \\ln m$, $e^{z}$ is subnormal and "
    "$(x e^{z_h/2})\\,e^{z_h/2}\\,(1 + z_l)$ is computed instead. The derivative is "
    "$\\operatorname{SiLU}'(z)$, computed as SiLU's is, at $n = -|z| \\le 0$ only: "
    "$g = e^{n} N / (1 + e^{n})^{2}$ with $N = 1 + n + e^{n}$, and $1 - g$ for x ≥ 0 "
    "(`np.copysign` gives the sign s and the result is $\\max(s, 0) - s g$, with `np.maximum`); "
    "$z_l$ enters both $e^{n}$ and N. For n ≤ −1, $1 + n$ is exact and N does not cancel; near "
    "the root $z_0 \\approx -1.2785$ ($n \\ge z_0 - 0.5$) N is expanded about $c = -1309/1024$ "
    "instead, $N = K + d + e^{c}\\,\\mathrm{expm1}(d)$ with $d = n - c$ (`np.expm1`, the constants "
    "from SiLU), which can cancel only at $z_0$ itself; the denominator $(1 + e^{n})^{2}$ is "
    "written $1 + e^{n}(2 + e^{n})$ and rounded once. Both kernels run on blocks of 65536 "
    "elements, so their temporaries do not grow with the input; float16 is computed in float32 "
    "(`np.float16`, `np.float32`).",
)

_HENDRYCKS = Reference(
    "Dan Hendrycks, Kevin Gimpel", 2016,
    "Gaussian error linear units (GELUs)",
    "arXiv:1606.08415", "https://arxiv.org/abs/1606.08415",
)
_CLIP = Reference(
    "Alec Radford, Jong Wook Kim, Chris Hallacy, Aditya Ramesh, Gabriel Goh, Sandhini Agarwal, "
    "Girish Sastry, Amanda Askell, Pamela Mishkin, Jack Clark, Gretchen Krueger, Ilya Sutskever",
    2021,
    "Learning transferable visual models from natural language supervision",
    "ICML 2021 (arXiv:2103.00020)", "https://arxiv.org/abs/2103.00020",
)


SPEC = register(Activation(
    name="quick_gelu",
    slug="quick-gelu",
    order=415,
    title=Text("QuickGELU", "QuickGELU"),
    full_name=Text("快速 GELU（GELU 的 Sigmoid 近似）", "quick GELU, the sigmoid approximation of GELU"),
    summary=Text(
        "x·σ(1.702x)：用 Sigmoid 近似 GELU 中的正态分布函数，"
        "形状与 GELU 几乎重合，CLIP 用的就是它。",
        "x·σ(1.702x): the sigmoid stands in for the normal CDF of GELU; the curve is nearly GELU's, "
        "and CLIP uses it.",
    ),
    forward=quick_gelu,
    derivative=quick_gelu_derivative,
    latex=r"\operatorname{QuickGELU}(x) = x\,\sigma(1.702\,x) = \frac{x}{1 + e^{-1.702\,x}}",
    latex_derivative=r"\operatorname{QuickGELU}'(x) = \sigma(1.702\,x)\bigl(1 + 1.702\,x\,"
    r"(1 - \sigma(1.702\,x))\bigr) = \operatorname{SiLU}'(1.702\,x)",
    parameters=(),
    properties=Properties(
        range=r"[-0.1636,\ +\infty)",
        monotonic=False,
        smoothness=r"C^\infty",
        zero_centred=False,
        saturation=("soft", "none"),
        bounded="below",
        lower=-0.16361018963635357,
        upper=float("inf"),
        note=Text(
            "QuickGELU(x) = SiLU(1.702x)/1.702。最小值在 x₀ ≈ −0.7512 处，约为 −0.1636；"
            "x < x₀ 时递减，x > x₀ 时递增。"
            "导数就是 SiLU′(1.702x)，取值范围约为 [−0.0998, 1.0998]，"
            "且 QuickGELU′(x) + QuickGELU′(−x) = 1。常数 1.702 取自 Hendrycks 与 Gimpel 的论文，"
            "本包按十进制的 1.702 计算。",
            "QuickGELU(x) = SiLU(1.702x)/1.702. The minimum, about −0.1636, is at x₀ ≈ −0.7512; the "
            "function decreases for x < x₀ and increases for x > x₀. The derivative is SiLU′(1.702x), "
            "in about [−0.0998, 1.0998], and QuickGELU′(x) + QuickGELU′(−x) = 1. The constant 1.702 is "
            "Hendrycks and Gimpel's; this package computes with the decimal 1.702."),
    ),
    kink=None,
    references=(_HENDRYCKS, _CLIP),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.sigmoid", "(input, *, out=None)",
            difference=Text(
                "PyTorch 没有这个函数，这里按 CLIP 和 Hugging Face 的写法组合。" + _TORCH_ZH,
                "PyTorch does not ship this function; the row composes it as CLIP and Hugging Face "
                "write it. " + _TORCH_EN),
            call="torch.sigmoid(1.702 * x) * x",
            deviations=_COMPOSED,
            composed=True,
        ),
        FrameworkName(
            "Keras", "keras.ops.sigmoid", "(x)",
            difference=Text(
                "Keras 没有这个函数，这里用 keras.ops.sigmoid 组合（JAX 后端），"
                "差异与 PyTorch 一行相同。",
                "Keras does not ship this function; the row composes it with keras.ops.sigmoid (on "
                "the JAX backend), and it differs as the PyTorch row does."),
            call="keras.ops.sigmoid(1.702 * x) * x",
            deviations=_COMPOSED,
            composed=True,
        ),
        FrameworkName(
            "JAX", "jax.nn.sigmoid", "(x)",
            difference=Text(
                "JAX 没有这个函数，这里用 jax.nn.sigmoid 组合，差异与 PyTorch 一行相同。",
                "JAX does not ship this function; the row composes it with jax.nn.sigmoid, and it "
                "differs as the PyTorch row does."),
            call="jax.nn.sigmoid(1.702 * x) * x",
            deviations=_COMPOSED,
            composed=True,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.sigmoid", "(x, name=None)",
            difference=Text(
                "PaddlePaddle 没有这个函数，这里用 paddle.nn.functional.sigmoid 组合，"
                "差异与 PyTorch 一行相同，只是 x = −20 处的导数与本包一致。",
                "PaddlePaddle does not ship this function; the row composes it with "
                "paddle.nn.functional.sigmoid. It differs as the PyTorch row does, but its "
                "derivative at x = −20 agrees with this package."),
            call="paddle.nn.functional.sigmoid(1.702 * x) * x",
            deviations=_PADDLE,
            composed=True,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.sigmoid", "(input)",
            difference=Text(
                "MindSpore 没有这个函数，可以写成 x * mindspore.ops.sigmoid(1.702 * x)。",
                "MindSpore does not ship this function; it can be written as "
                "x * mindspore.ops.sigmoid(1.702 * x)."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.sigmoid.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-300.0, -420.0, 20.0),
    plot_range=(-4.0, 3.0),
    implementation=_IMPLEMENTATION,
    elsewhere=(
        Elsewhere(
            "Hugging Face Transformers", "transformers.activations.QuickGELUActivation",
            "https://github.com/huggingface/transformers/blob/v4.46.3/src/transformers/activations.py",
            Text("计算 input * torch.sigmoid(1.702 * input)，与 PyTorch 一行的组合相同；"
                 "配置里的名字是 \"quick_gelu\"。",
                 "It computes input * torch.sigmoid(1.702 * input), the composition of the PyTorch "
                 "row; its name in model configurations is \"quick_gelu\"."),
        ),
        Elsewhere(
            "OpenAI CLIP", "clip.model.QuickGELU",
            "https://github.com/openai/CLIP/blob/d05afc436d78f1c48dc0dbf8e5980a9d471f35f6/clip/model.py",
            Text("计算 x * torch.sigmoid(1.702 * x)，用在 Transformer 各层的 MLP 中。",
                 "It computes x * torch.sigmoid(1.702 * x), in the MLP of every Transformer block."),
        ),
    ),
))
