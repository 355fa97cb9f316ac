"""Gaussian, e^{-x^2} (the radial basis function as an activation)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Properties, Reference, Text

#: Beyond |x| = cap, e^{-x^2} is 0 in the dtype: 40^2 = 1600 > 745 (float64),
#: 12^2 > 104 (float32), 5^2 > 17.3 (float16). Clipping keeps x * 2^s from
#: overflowing in the split and inf * 0 out of the derivative.
_CAP = {np.dtype(np.float64): 40.0, np.dtype(np.float32): 12.0,
        np.dtype(np.float16): 5.0}


#: Blocks of this many elements keep the temporaries small (and in cache).
_BLOCK = 1 << 14


def _square(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """a * a = hi + lo, lo to far better than a relative 2^-20 (Dekker)."""
    c = 2.0 ** ((np.finfo(a.dtype).nmant + 2) // 2) + 1  # 2^27 + 1 (float64)
    h = a * c
    np.subtract(h, np.subtract(h, a), out=h)  # Veltkamp: the upper half of a
    lo = a - h  # the lower half l: a = h + l exactly
    hi = np.square(a)  # x^2 rounded
    # lo = (h h - hi) + l (h + a): h h is exact, and only a relative 2^-25
    # of lo is lost in rounding l (h + a) = l (2h + l)
    np.multiply(lo, a + h, out=lo)
    np.add(lo, np.square(h, out=h) - hi, out=lo)
    return hi, lo


def _gauss(x: np.ndarray, derivative: bool) -> np.ndarray:
    """e^{-x^2} (or -2x e^{-x^2}), block by block."""
    cap = _CAP[x.dtype]
    flat = x.reshape(-1)
    out = np.empty_like(flat)
    for i in range(0, flat.size, _BLOCK):
        b = flat[i:i + _BLOCK]
        a = np.minimum(np.abs(b), cap)  # e^{-a^2} = 0 beyond the cap
        hi, lo = _square(a)
        e = np.exp(np.negative(hi, out=hi), out=hi)  # e^{-hi}
        np.multiply(lo, e, out=lo)
        np.subtract(e, lo, out=e)  # e^{-hi} (1 - lo) = e^{-x^2}
        if derivative:
            c = np.clip(b, -cap, cap)  # no inf * 0
            np.multiply(c, -2, out=c)
            np.multiply(e, c, out=e)  # -2x e^{-x^2}
        out[i:i + _BLOCK] = e
    return out.reshape(x.shape)


@elementwise
def gaussian(x: np.ndarray) -> np.ndarray:
    r"""Gaussian, e to the minus x squared, element-wise.

    .. math:: \operatorname{Gaussian}(x) = e^{-x^{2}}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [0, 1].

    Notes
    -----
    ``x * x`` is rounded, and an absolute error d in the exponent is a
    relative error d of e^{-x^2}: at x = 24.3 the rounding of x^2 = 590.49
    costs about 120 ulp. Here x^2 = hi + lo (Dekker's product of |x| with
    itself, |x| capped at 40 where the result is 0 anyway), and
    e^{-x^2} = e^{-hi} e^{-lo} = e^{-hi} (1 - lo) to within lo^2 / 2,
    |lo| <= 2^-53 hi.

    Examples
    --------
    >>> gaussian([-1.0, 0.0, 2.0])
    array([0.36787944, 1.        , 0.01831564])
    """
    return _gauss(x, False)


@elementwise
def gaussian_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of the Gaussian with respect to x, element-wise.

    .. math:: \operatorname{Gaussian}'(x) = -2x\,e^{-x^{2}}

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`gaussian`).

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in
        [-sqrt(2/e), sqrt(2/e)], sqrt(2/e) = 0.8577638849607068.

    Notes
    -----
    -2x e^{-x^2} from the same split of x^2, with x clipped to +-40 (so that
    +-inf gives -+0, not inf * 0). Where e^{-x^2} is subnormal (x^2 beyond
    -ln(tiny), about 708.4 in float64) but -2x e^{-x^2} is still normal,
    the subnormal factor has lost relative precision; there the result is
    recomputed as ((-2x e^{-hi/2}) e^{-hi/2}) (1 - lo).

    Examples
    --------
    >>> gaussian_derivative([-1.0, 0.0, 2.0])
    array([ 0.73575888, -0.        , -0.07326256])
    """
    out = _gauss(x, True)
    tail = np.abs(x) > np.sqrt(-np.log(np.finfo(x.dtype).tiny))
    if tail.any():  # e^{-x^2} subnormal: two normal factors instead
        t = np.minimum(np.abs(x[tail]), _CAP[x.dtype])
        hi, lo = _square(t)
        e = np.exp(hi * -0.5)  # e^{-hi/2}, normal
        v = (np.copysign(t, x[tail]) * -2) * e * e
        out[tail] = v - v * lo
    return out


def _naive(x: np.ndarray) -> np.ndarray:
    return np.exp(-x * x)


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    return -2 * x * np.exp(-x * x)


_PARK_SANDBERG = Reference(
    "J. Park, I. W. Sandberg", 1991,
    "Universal approximation using radial-basis-function networks",
    "Neural Computation 3(2), 246–257", "https://doi.org/10.1162/neco.1991.3.2.246",
)

SPEC = register(Activation(
    name="gaussian",
    slug="gaussian",
    order=520,
    title=Text("Gaussian", "Gaussian"),
    full_name=Text("高斯函数（径向基函数）", "Gaussian, the radial basis function"),
    summary=Text(
        "$e^{-x^{2}}$：钟形、偶函数，0 处取最大值 1，两侧迅速衰减到 0，是径向基函数网络的核函数。",
        "$e^{-x^{2}}$: a bell-shaped even function, 1 at 0 and falling quickly to 0 on both sides; "
        "the kernel of radial basis function networks.",
    ),
    forward=gaussian,
    derivative=gaussian_derivative,
    latex=r"\operatorname{Gaussian}(x) = e^{-x^{2}}",
    latex_derivative=r"\operatorname{Gaussian}'(x) = -2x\,e^{-x^{2}}",
    parameters=(),
    properties=Properties(
        range=r"(0,\ 1]",
        monotonic=False,
        smoothness=r"C^\infty",
        zero_centred=False,
        saturation=("soft", "soft"),
        bounded="both",
        lower=0.0,
        upper=1.0,
        note=Text(
            "偶函数，$f(-x) = f(x)$；x < 0 时递增，x > 0 时递减。导数在 $x = \\mp 1/\\sqrt{2}$ 处取最大值和最小值 "
            "$\\pm\\sqrt{2/e} \\approx \\pm 0.8578$，这两点也是函数的拐点。"
            "浮点数中 |x| ≳ 27.3 时函数值下溢为 0，所以下确界 0 在浮点网格上取得。",
            "Even, $f(-x) = f(x)$: increasing for x < 0 and decreasing for x > 0. The derivative has its "
            "maximum and minimum $\\pm\\sqrt{2/e} \\approx \\pm 0.8578$ at $x = \\mp 1/\\sqrt{2}$, which are "
            "also the inflection points of f. In float64 the value underflows to 0 for |x| ≳ 27.3, so the "
            "infimum 0 is attained on the float grid."),
    ),
    kink=None,
    references=(_PARK_SANDBERG,),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.exp", "(input, *, out=None)",
            difference=Text(
                "PyTorch 没有这个函数，这里写成 torch.exp(-x * x)。x * x 先舍入，指数中的绝对误差就是结果的相对误差："
                "x = ±10.3 处前向差 26 ulp，±24.3 处差 123 ulp，导数分别差 16 和 186 ulp；"
                "x = ±26.7 处 $e^{-x^{2}}$ 已是次正规数，导数差约 48 ulp；±∞ 处自动求导得 NaN（0 乘以 ∞）。",
                "PyTorch does not ship this function; the row writes it as torch.exp(-x * x). x * x is rounded "
                "first, and an absolute error in the exponent is a relative error of the result: the forward "
                "pass is 26 ulp off at x = ±10.3 and 123 ulp at ±24.3, the derivative 16 and 186 ulp; at "
                "x = ±26.7, where $e^{-x^{2}}$ is subnormal, the derivative is about 48 ulp off, and at ±∞ "
                "autograd gives NaN (0 times ∞)."),
            call="torch.exp(-x * x)",
            deviations=(
                Deviation("f", 10.3, 8.427493279864042e-47),
                Deviation("f", -10.3, 8.427493279864042e-47),
                Deviation("f", 24.3, 3.57644360227079e-257),
                Deviation("f", -24.3, 3.57644360227079e-257),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", 10.3, -1.736063615651993e-45),
                Deviation("df", -10.3, 1.736063615651993e-45),
                Deviation("df", 24.3, -1.7381515907036039e-255),
                Deviation("df", -24.3, 1.7381515907036039e-255),
                Deviation("df", 26.7, -1.328458686835808e-308),
                Deviation("df", -26.7, 1.328458686835808e-308),
            ),
            composed=True,
        ),
        FrameworkName(
            "Keras", "keras.ops.exp", "(x)",
            difference=Text(
                "Keras 没有这个函数，这里写成 keras.ops.exp(-x * x)（JAX 后端），差异与 JAX 一行相同。",
                "Keras does not ship this function; the row writes it as keras.ops.exp(-x * x), which on the "
                "JAX backend differs as the JAX row does."),
            call="keras.ops.exp(-x * x)",
            deviations=(
                Deviation("f", 10.3, 8.427493279864042e-47),
                Deviation("f", -10.3, 8.427493279864042e-47),
                Deviation("f", 24.3, 3.5764436022707904e-257),
                Deviation("f", -24.3, 3.5764436022707904e-257),
                Deviation("f", 26.7, 0.0),
                Deviation("f", -26.7, 0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", 10.3, -1.736063615651993e-45),
                Deviation("df", -10.3, 1.736063615651993e-45),
                Deviation("df", 24.3, -1.738151590703604e-255),
                Deviation("df", -24.3, 1.738151590703604e-255),
                Deviation("df", 26.7, -0.0),
                Deviation("df", -26.7, 0.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "JAX", "jax.numpy.exp", "(x, /)",
            difference=Text(
                "JAX 没有这个函数，这里写成 jax.numpy.exp(-x * x)。x * x 的舍入带来的误差与 PyTorch 一行相同；"
                "此外 CPU 上的 XLA 把次正规数按 0 处理，x = ±26.7 处前向得 0、导数得 ∓0"
                "（真值约 2.5e−310 和 ∓1.3e−308）；±∞ 处自动求导得 NaN。",
                "JAX does not ship this function; the row writes it as jax.numpy.exp(-x * x). The rounding of "
                "x * x costs what it costs in the PyTorch row; besides, XLA on the CPU flushes subnormal "
                "numbers to 0, so at x = ±26.7 the forward pass gives 0 and the derivative ∓0 (the true "
                "values are about 2.5e−310 and ∓1.3e−308), and at ±∞ autograd gives NaN."),
            call="jax.numpy.exp(-x * x)",
            deviations=(
                Deviation("f", 10.3, 8.427493279864042e-47),
                Deviation("f", -10.3, 8.427493279864042e-47),
                Deviation("f", 24.3, 3.5764436022707904e-257),
                Deviation("f", -24.3, 3.5764436022707904e-257),
                Deviation("f", 26.7, 0.0),
                Deviation("f", -26.7, 0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", 10.3, -1.736063615651993e-45),
                Deviation("df", -10.3, 1.736063615651993e-45),
                Deviation("df", 24.3, -1.738151590703604e-255),
                Deviation("df", -24.3, 1.738151590703604e-255),
                Deviation("df", 26.7, -0.0),
                Deviation("df", -26.7, 0.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.exp", "(x, name=None)",
            difference=Text(
                "PaddlePaddle 没有这个函数，这里写成 paddle.exp(-x * x)。除了 x * x 的舍入误差（与 PyTorch 一行相同），"
                "paddle.exp 的向量化 CPU 内核（四个元素一组）对小于约 −709.1 的自变量返回 5.56e−309 而不是 0"
                "（数组末尾凑不满一组的元素走标量代码，结果是 0），"
                "所以 |x| ≳ 26.63 直到 ±∞ 时前向是 5.56e−309，导数是 −2x 乘以它（x = 1e300 处为 −1.1e−8，"
                "±∞ 处为 ∓∞）。",
                "PaddlePaddle does not ship this function; the row writes it as paddle.exp(-x * x). Besides "
                "the rounding of x * x (as in the PyTorch row), the vectorized CPU kernel of paddle.exp (four "
                "elements at a time) returns 5.56e−309 instead of 0 for every argument below about −709.1 "
                "(the last elements of an array that fill no group of four take the scalar code and give "
                "0), so for |x| ≳ 26.63, up to ±∞, the forward pass is 5.56e−309 and the derivative −2x times that "
                "(−1.1e−8 at x = 1e300, ∓∞ at ±∞)."),
            call="paddle.exp(-x * x)",
            deviations=(
                Deviation("f", float("inf"), 5.55552948377339e-309),
                Deviation("f", float("-inf"), 5.55552948377339e-309),
                Deviation("f", 88.72, 5.55552948377339e-309),
                Deviation("f", -88.72, 5.55552948377339e-309),
                Deviation("f", 709.78, 5.55552948377339e-309),
                Deviation("f", -709.78, 5.55552948377339e-309),
                Deviation("f", 710.0, 5.55552948377339e-309),
                Deviation("f", -710.0, 5.55552948377339e-309),
                Deviation("f", 745.13, 5.55552948377339e-309),
                Deviation("f", -745.13, 5.55552948377339e-309),
                Deviation("f", 800.0, 5.55552948377339e-309),
                Deviation("f", -800.0, 5.55552948377339e-309),
                Deviation("f", 1e+300, 5.55552948377339e-309),
                Deviation("f", -1e+300, 5.55552948377339e-309),
                Deviation("f", 37.0, 5.55552948377339e-309),
                Deviation("f", -37.0, 5.55552948377339e-309),
                Deviation("f", 40.0, 5.55552948377339e-309),
                Deviation("f", -40.0, 5.55552948377339e-309),
                Deviation("f", 10.3, 8.427493279864042e-47),
                Deviation("f", -10.3, 8.427493279864042e-47),
                Deviation("f", 24.3, 3.5764436022707904e-257),
                Deviation("f", -24.3, 3.5764436022707904e-257),
                Deviation("f", 26.7, 5.55552948377339e-309),
                Deviation("df", float("inf"), float("-inf")),
                Deviation("df", float("-inf"), float("inf")),
                Deviation("df", 88.72, -9.8577315160075e-307),
                Deviation("df", -88.72, 9.8577315160075e-307),
                Deviation("df", 709.78, -7.886407433985351e-306),
                Deviation("df", -709.78, 7.886407433985351e-306),
                Deviation("df", 710.0, -7.888851866958212e-306),
                Deviation("df", -710.0, 7.888851866958212e-306),
                Deviation("df", 745.13, -8.27918336848813e-306),
                Deviation("df", -745.13, 8.27918336848813e-306),
                Deviation("df", 800.0, -8.888847174037422e-306),
                Deviation("df", -800.0, 8.888847174037422e-306),
                Deviation("df", 1e+300, -1.1111058967546778e-08),
                Deviation("df", -1e+300, 1.1111058967546778e-08),
                Deviation("df", 37.0, -4.111091817992308e-307),
                Deviation("df", -37.0, 4.111091817992308e-307),
                Deviation("df", 40.0, -4.444423587018711e-307),
                Deviation("df", -40.0, 4.444423587018711e-307),
                Deviation("df", 10.3, -1.736063615651993e-45),
                Deviation("df", -10.3, 1.736063615651993e-45),
                Deviation("df", 24.3, -1.738151590703604e-255),
                Deviation("df", -24.3, 1.738151590703604e-255),
                Deviation("df", 26.7, -2.9666527443349893e-307),
                Deviation("df", -26.7, 1.328458686835808e-308),
            ),
            composed=True,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.exp", "(input)",
            difference=Text(
                "MindSpore 没有这个函数，可以写成 mindspore.ops.exp(-x * x)。",
                "MindSpore does not ship this function; it can be written as mindspore.ops.exp(-x * x)."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.exp.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(10.3, 24.3, 26.7),
    plot_range=(-3.0, 3.0),
    implementation=Text(
        "先用 `np.abs` 取 |x|，再用 `np.minimum` 截到 40（40² = 1600，$e^{-1600}$ 在双精度中已是 0；"
        "单精度截到 12，半精度截到 5），这样后面的乘法不会上溢。"
        "$x^{2}$ 按 Dekker 的方法拆成两个浮点数之和 $\\mathrm{hi} + \\mathrm{lo}$：hi 是 `np.square` 舍入后的 $x^{2}$，"
        "lo 是它的舍入误差。用 Veltkamp 的拆分（乘以 $2^{27} + 1$，位数由 `np.finfo` 给出）把 |x| 分成高低两半 h 与 l，"
        "$h^{2}$ 是精确的，$\\mathrm{lo} = (h^{2} - \\mathrm{hi}) + l\\,(h + |x|)$ "
        "只在最后一项损失 lo 自身约 $2^{-25}$ 的相对精度，"
        "而 lo 只是一个很小的修正，这已足够。于是 $e^{-x^{2}} = e^{-\\mathrm{hi}}\\,e^{-\\mathrm{lo}}$，"
        "$|\\mathrm{lo}| \\le 2^{-53}\\,\\mathrm{hi}$，$e^{-\\mathrm{lo}}$ 取 $1 - \\mathrm{lo}$ 已足够，"
        "只需一次 `np.exp`。导数是 $-2x$ 乘以前向的结果，x 先用 `np.clip` 截到 ±40，免得 ±∞ 与 0 相乘；"
        "$e^{-x^{2}}$ 是次正规数而导数仍是正规数的那一段（$x^{2}$ 大于 $-\\ln m$，m 是最小正规数，"
        "由 `np.log` 和 `np.sqrt` 求出界限），改用两个正规的因子 $e^{-\\mathrm{hi}/2}$ 相乘，"
        "符号由 `np.copysign` 取回。计算分块进行（每块 16384 个元素），临时数组都很小。",
        "`np.abs` takes |x| and `np.minimum` caps it at 40 (40² = 1600, and $e^{-1600}$ is 0 in float64; "
        "12 in float32, 5 in float16), so that no product below can overflow. $x^{2}$ is split, after "
        "Dekker, into a sum of two floats $\\mathrm{hi} + \\mathrm{lo}$: hi is $x^{2}$ rounded by "
        "`np.square`, lo its rounding error. Veltkamp's split (a product with $2^{27} + 1$, the width from "
        "`np.finfo`) cuts |x| into an upper half h and a lower half l; $h^{2}$ is exact, and "
        "$\\mathrm{lo} = (h^{2} - \\mathrm{hi}) + l\\,(h + |x|)$ loses only about $2^{-25}$ of lo's own "
        "relative precision in its last term, plenty for a small correction. Then "
        "$e^{-x^{2}} = e^{-\\mathrm{hi}}\\,e^{-\\mathrm{lo}}$ with $|\\mathrm{lo}| \\le 2^{-53}\\,\\mathrm{hi}$, "
        "so $1 - \\mathrm{lo}$ is enough for $e^{-\\mathrm{lo}}$ and one `np.exp` does the work. The "
        "derivative is $-2x$ times the forward result, with x first clipped to ±40 by `np.clip`, so that "
        "±∞ never meets a 0. Where $e^{-x^{2}}$ is subnormal but the derivative is still normal "
        "($x^{2}$ beyond $-\\ln m$, m the smallest normal number; the bound from `np.log` and `np.sqrt`), "
        "the product is taken of two normal factors $e^{-\\mathrm{hi}/2}$ instead, and `np.copysign` "
        "restores the sign. The work runs in blocks of 16384 elements, so every temporary is small.",
    ),
))
