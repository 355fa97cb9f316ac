"""TeLU (hyperbolic tangent exponential linear unit, x tanh(e^x))."""

from __future__ import annotations

import math

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, Elsewhere, FrameworkName, Properties, Reference, Text
from .quick_gelu import _blocks
from .silu import _tail

#: x is clipped to [-2000, 4]: tanh(e^x) is 1 in every dtype from x = 2.95
#: on (e^x > 19.06) and f'(x) rounds to 1 from x = 3.06 on, so f(4) = 4 and
#: f'(4) = 1 exactly, e^x cannot overflow and cosh(e^4) stays finite in
#: float32; below log(tiny) the tail formula takes over, and -2000 keeps
#: -inf from meeting a 0.
_LOW, _HIGH = -2000.0, 4.0
#: TeLU' = 0 at x0 = -1.07886; c = -1105/1024 is a float next to it.
_C = -1.0791015625
#: Taylor coefficients of TeLU' about c (mpmath, 60 digits, from the Cauchy
#: integral on |z - c| = 1 with 256 points, rounded): within |x - c| <= 0.8
#: the series is summed in Horner form, which keeps full relative accuracy
#: up to the root (the nearest singularities of TeLU', where e^z = ±i pi/2,
#: are 2.19 away, and 46 terms leave < 1e-18).
_TAYLOR = (
    -8.511208281296358e-05,
    0.35234656480996285,
    0.325148759774227,
    0.10788240130755931,
    -0.022820876629584354,
    -0.0456084622914988,
    -0.02547818172263261,
    -0.005635137634684783,
    0.0027642066402607246,
    0.0033962563439421203,
    0.0016633652052111415,
    0.0003028823750680709,
    -0.00020121094568914722,
    -0.0002115895685016219,
    -9.598125498113915e-05,
    -1.4841972865572452e-05,
    1.2598915257917833e-05,
    1.1968146451647594e-05,
    5.114323803348046e-06,
    6.618668002715468e-07,
    -7.329175141347043e-07,
    -6.400746403823363e-07,
    -2.5902675097255923e-07,
    -2.6867497091561986e-08,
    4.0716184190725864e-08,
    3.299916955287931e-08,
    1.2667487964789135e-08,
    9.72729524593879e-10,
    -2.1872062626201643e-09,
    -1.6565936146589897e-09,
    -6.033660371638675e-10,
    -2.9036611743481107e-11,
    1.1446490438372234e-10,
    8.146698670823961e-11,
    2.8133494017253645e-11,
    4.840556255822518e-13,
    -5.866067356891981e-12,
    -3.940319825315013e-12,
    -1.2882636265643446e-12,
    2.1356349986425746e-14,
    2.954732363883278e-13,
    1.8796598044181963e-13,
    5.805081630151999e-14,
    -3.13256941198148e-15,
    -1.4667975375448775e-14,
    -8.86143157220906e-15,
)
_R = 0.8
#: 1/3!, 1/5!, ..., 1/15! (correctly rounded: Python divides integers
#: exactly): q(u) = (sinh(2u) - 2u) / (2u) = sum_k (2u)^(2k) / (2k+1)!.
#: Left of the window, u <= e^-1.879 = 0.153 and (2u)^2 <= 0.094, so seven
#: terms leave < 1e-20 of q, and q is < 2% of the bracket it joins.
_Q = tuple(1 / math.factorial(2 * k + 1) for k in range(1, 8))


def _forward_block(x: np.ndarray, out: np.ndarray) -> None:
    """TeLU of one block of a float32/64 array, into out."""
    np.minimum(x, _HIGH, out=out)  # tanh(e^x) = 1 beyond: no overflow
    np.exp(out, out=out)
    np.tanh(out, out=out)  # tanh(u) ~ u for tiny u: no digit lost
    out *= np.maximum(x, _LOW)  # -inf -> -2000, where tanh(e^x) = 0
    low = np.log(np.finfo(x.dtype).tiny)  # below, e^x is subnormal
    tail = x < low
    if tail.any():  # x e^x = (x e^{x/2}) e^{x/2}, without the subnormal e^x
        out[tail] = _tail(x[tail], False)


def _derivative_block(x: np.ndarray, out: np.ndarray) -> None:
    """TeLU' of one block, into out."""
    xc = np.clip(x, _LOW, _HIGH)  # no infinity meets a 0; f'(4) = 1
    u = np.exp(xc)  # u = e^x in [0, e^4]
    np.tanh(u, out=out)
    w = np.cosh(u)
    t = xc * u
    t /= w
    t /= w  # x u sech^2(u), never 1 - tanh^2; twice: cosh^2 > float32 max
    out += t  # right of the window: no cancellation
    d = x - _C  # exact near c (Sterbenz)
    np.abs(d, out=d)
    near = d <= _R
    left = (x < _C) & ~near
    if left.any():  # u sech^2(u) ((1 + x) + q(u)): x u + tanh(u) cancels
        xl, ul = xc[left], u[left]
        v = 4 * ul * ul  # (2u)^2
        acc = np.full_like(v, _Q[-1])
        for a in _Q[-2::-1]:
            acc *= v
            acc += a
        acc *= v  # q(u) = (sinh(2u) - 2u) / (2u) > 0, by its series
        acc += 1 + xl  # 1 + x <= -0.879 and q < 0.016: no cancellation
        s = np.sinh(ul)
        s *= s
        s += 1  # cosh^2(u) = 1 + sinh^2(u): one rounding for small u
        acc *= ul
        acc /= s
        out[left] = acc
    if near.any():  # Horner sum of the Taylor series about c
        dn = x[near] - _C
        acc = np.full_like(dn, _TAYLOR[-1])
        for a in _TAYLOR[-2::-1]:
            acc *= dn
            acc += a
        out[near] = acc
    low = np.log(np.finfo(x.dtype).tiny)
    tail = x < low
    if tail.any():  # (1 + x) e^x, without the subnormal e^x
        out[tail] = _tail(xc[tail], True)


@elementwise
def telu(x: np.ndarray) -> np.ndarray:
    r"""TeLU, x times the tanh of e^x, element-wise.

    .. math:: \operatorname{TeLU}(x) = x \tanh(e^{x})

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in
        [-0.35328577784821125, inf].

    Notes
    -----
    tanh(e^x) rounds to 1 from x = 2.95 on, so x is clipped to 4 before
    the exponential, which then cannot overflow (``exp(x)`` does from
    x = 709.78 on). For x -> -inf, tanh(e^x) ~ e^x keeps its relative
    accuracy until e^x becomes subnormal below log(tiny) (-708.40 in
    float64), while TeLU(x) ~ x e^x is still normal down to x = -714.97:
    there it is computed as (x e^{x/2}) e^{x/2}. -inf is first raised to
    -2000, so that no infinity meets a 0. float16 is computed in float32.

    Examples
    --------
    >>> telu([-1.0, 0.0, 2.0])
    array([-0.35213549,  0.        ,  1.99999847])
    """
    return _blocks(_forward_block, x)


@elementwise
def telu_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of TeLU with respect to x, element-wise.

    .. math:: \operatorname{TeLU}'(x) = \tanh(u) + x\,u\,\operatorname{sech}^2(u),
              \quad u = e^{x}

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`telu`).

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in about [-0.1316, 1.0620].

    Notes
    -----
    sech^2(u) is 1 / cosh^2(u), never 1 - tanh^2(u), which cancels as
    tanh(u) -> 1. The two terms cancel at the root x0 = -1.07886: within
    |x - c| <= 0.8 of c = -1105/1024 the Taylor series of TeLU' about c is
    summed instead, where d = x - c is exact near c (Sterbenz) and only
    the tiny constant term can cancel, at x0 itself. Left of that window,
    TeLU'(x) = u sech^2(u) ((1 + x) + q(u)) with
    q(u) = (sinh(2u) - 2u) / (2u) > 0 from its series and
    cosh^2(u) = 1 + sinh^2(u): nothing cancels. Below log(tiny) TeLU'
    rounds to (1 + x) e^x, computed as ((1 + x) e^{x/2}) e^{x/2}.

    Examples
    --------
    >>> telu_derivative([-1.0, 0.0, 2.0])
    array([0.02987288, 0.76159416, 1.00002181])
    """
    return _blocks(_derivative_block, x)


def _naive(x: np.ndarray) -> np.ndarray:
    return x * np.tanh(np.exp(x))


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    return np.tanh(np.exp(x)) + x * np.exp(x) * (1 - np.tanh(np.exp(x)) ** 2)


SPEC = register(Activation(
    name="telu",
    slug="telu",
    order=450,
    title=Text("TeLU", "TeLU"),
    full_name=Text("TeLU（双曲正切指数线性单元）", "TeLU, the hyperbolic tangent exponential linear unit"),
    summary=Text(
        "x·tanh(eˣ)：光滑、非单调，正半轴很快贴近 y = x，负半轴的谷比 Mish 更深；"
        "与更早的 TanhExp 是同一个函数。",
        "x·tanh(eˣ): smooth and non-monotonic, close to y = x soon after 0, with a deeper dip "
        "than Mish for negative input; the same function as the earlier TanhExp.",
    ),
    forward=telu,
    derivative=telu_derivative,
    latex=r"\operatorname{TeLU}(x) = x\,\tanh\bigl(e^{x}\bigr)",
    latex_derivative=r"\operatorname{TeLU}'(x) = \tanh\bigl(e^{x}\bigr) + x\,e^{x}\,"
    r"\operatorname{sech}^{2}\bigl(e^{x}\bigr)",
    parameters=(),
    properties=Properties(
        range=r"[-0.3533,\ +\infty)",
        monotonic=False,
        smoothness=r"C^\infty",
        zero_centred=False,
        saturation=("soft", "none"),
        bounded="below",
        lower=-0.35328577784821125,
        upper=float("inf"),
        note=Text(
            "最小值约 −0.3533，在 x₀ ≈ −1.0789 处；导数的取值范围约为 [−0.1316, 1.0620]，"
            "最小值和最大值分别在 x ≈ −2.0660 和 x ≈ 0.6966 处。",
            "The minimum, about −0.3533, is at x₀ ≈ −1.0789; the derivative lies in about "
            "[−0.1316, 1.0620], with its minimum at x ≈ −2.0660 and its maximum at x ≈ 0.6966."),
    ),
    kink=None,
    references=(
        Reference(
            "Alfredo Fernandez, Ankur Mali", 2024,
            "TeLU Activation Function for Fast and Stable Deep Learning",
            "arXiv:2412.20269", "https://arxiv.org/abs/2412.20269",
        ),
        Reference(
            "Xinyu Liu, Xiaoguang Di", 2020,
            "TanhExp: A Smooth Activation Function with High Convergence Speed for Lightweight "
            "Neural Networks",
            "arXiv:2003.09855", "https://arxiv.org/abs/2003.09855",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.tanh", "(input, *, out=None)",
            difference=Text(
                "PyTorch 没有这个函数，这里用 torch.tanh 和 torch.exp 组合。x = −∞ 时 tanh(0) = 0 与 −∞ "
                "相乘得 NaN；自动求导按 $1 - \\tanh^{2}$ 求 $\\operatorname{sech}^{2}$，x = 2.5 处导数为 "
                "1.0000000031402698（真值 1.0000000031402732），x = 2.95 处已是 1（真值 1.0000000000000058）；"
                "x ≥ 710 时 $e^{x}$ 上溢，导数是 ∞·0 = NaN，±∞ 处也是 NaN。负半轴尾部与教科书公式一样丢位："
                "x = −714 处前向为 −5.853803403946526e−308（真值 −5.853803403946551e−308），"
                "x = −745.13 处为 −3.68e−321（真值 −1.85e−321）。",
                "PyTorch does not ship this function; the row composes it from torch.tanh and torch.exp. At "
                "x = −∞, tanh(0) = 0 times −∞ is NaN; autograd computes $\\operatorname{sech}^{2}$ as "
                "$1 - \\tanh^{2}$, so the derivative is 1.0000000031402698 at x = 2.5 (the true value is "
                "1.0000000031402732) and already 1 at x = 2.95 (the true value is 1.0000000000000058); for "
                "x ≥ 710, $e^{x}$ overflows and the derivative is ∞·0 = NaN, as it is at ±∞. In the negative "
                "tail it loses digits as the textbook formula does: the forward pass is −5.853803403946526e−308 "
                "at x = −714 (the true value is −5.853803403946551e−308) and −3.68e−321 at x = −745.13 (the "
                "true value is −1.85e−321)."),
            call="torch.tanh(torch.exp(x)) * x",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -745.13, -3.68e-321),
                Deviation("f", -714.0, -5.853803403946526e-308),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", 710.0, float("nan")),
                Deviation("df", 745.13, float("nan")),
                Deviation("df", -745.13, -3.676e-321),
                Deviation("df", 800.0, float("nan")),
                Deviation("df", 1e+300, float("nan")),
                Deviation("df", 2.5, 1.0000000031402698),
                Deviation("df", 2.95, 1.0),
                Deviation("df", 714.0, float("nan")),
                Deviation("df", -714.0, -5.845604799739317e-308),
            ),
            composed=True,
        ),
        FrameworkName(
            "Keras", "keras.ops.tanh", "(x)",
            difference=Text(
                "Keras 没有这个函数，这里用 keras.ops.tanh 和 keras.ops.exp 组合（JAX 后端）。"
                "keras.ops.tanh 把 float64 输入先转成 float32 再计算，所以结果只有 float32 的精度："
                "普通点上前向误差可达 2.2e−7，导数误差可达 3.5e−6（x = 2.5 处导数已是 1），"
                "x = ±10⁻³⁰⁰ 处前向为 ±7.615941762924194e−301，x ≲ −88.72 时前向为 −0；"
                "x = −∞ 处前向得 NaN，自动求导在 ±∞、x ≥ 710 和 x = ±10³⁰⁰ 处得 NaN。",
                "Keras does not ship this function; the row composes it from keras.ops.tanh and keras.ops.exp "
                "(JAX backend). keras.ops.tanh casts a float64 input to float32 before computing, so the "
                "results have float32 precision only: errors up to 2.2e−7 in the forward pass and 3.5e−6 in "
                "the derivative at ordinary points (the derivative is already 1 at x = 2.5), "
                "±7.615941762924194e−301 at x = ±10⁻³⁰⁰, and −0 for x ≲ −88.72; x = −∞ gives NaN, and so does "
                "autograd at ±∞, for x ≥ 710 and at x = ±10³⁰⁰."),
            call="keras.ops.tanh(keras.ops.exp(x)) * x",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -88.72, -0.0),
                Deviation("f", -709.78, -0.0),
                Deviation("f", -710.0, -0.0),
                Deviation("f", -745.13, -0.0),
                Deviation("f", 1e-300, 7.615941762924194e-301),
                Deviation("f", -1e-300, -7.615941762924194e-301),
                Deviation("f", 0.5, 0.4643409550189972),
                Deviation("f", -0.5, -0.2708401679992676),
                Deviation("f", 1.0, 0.9913289546966553),
                Deviation("f", -1.0, -0.35213547945022583),
                Deviation("f", 2.5, 2.5),
                Deviation("f", -2.5, -0.2047528140246868),
                Deviation("f", -10.0, -0.0004539993096841499),
                Deviation("f", -25.0, -3.471985936601141e-10),
                Deviation("f", -37.0, -3.157227623128029e-15),
                Deviation("f", -40.0, -1.699341652455464e-16),
                Deviation("f", -2.95, -0.15426129158586266),
                Deviation("f", -714.0, -0.0),
                Deviation("df", 0.0, 0.7615941762924194),
                Deviation("df", -0.0, 0.7615941762924194),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -88.72, -2.614659287865146e-37),
                Deviation("df", -709.78, 0.0),
                Deviation("df", 710.0, float("nan")),
                Deviation("df", -710.0, 0.0),
                Deviation("df", 745.13, float("nan")),
                Deviation("df", -745.13, 0.0),
                Deviation("df", 800.0, float("nan")),
                Deviation("df", 1e-300, 0.7615941762924194),
                Deviation("df", -1e-300, 0.7615941762924194),
                Deviation("df", 5e-324, 0.7615941762924194),
                Deviation("df", -5e-324, 0.7615941762924194),
                Deviation("df", 1e+300, float("nan")),
                Deviation("df", -1e+300, float("nan")),
                Deviation("df", 0.5, 1.0420726387393595),
                Deviation("df", -0.5, 0.3273983831961698),
                Deviation("df", 1.0, 1.0382652635526555),
                Deviation("df", -1.0, 0.02987287444711012),
                Deviation("df", 2.5, 1.0),
                Deviation("df", -2.5, -0.12193483444984529),
                Deviation("df", -10.0, -0.00040859936665643345),
                Deviation("df", -25.0, -3.3331065287769596e-10),
                Deviation("df", -37.0, -3.0718971452245463e-15),
                Deviation("df", -40.0, -1.656858160805249e-16),
                Deviation("df", 2.95, 1.0),
                Deviation("df", -2.95, -0.10168796548508799),
                Deviation("df", 714.0, float("nan")),
                Deviation("df", -714.0, 0.0),
            ),
            composed=True,
            ordinary_error=3.5e-06,
        ),
        FrameworkName(
            "JAX", "jax.numpy.tanh", "(x, /)",
            difference=Text(
                "JAX 没有这个函数，这里用 jax.numpy.tanh 和 jax.numpy.exp 组合。CPU 上的 XLA 把次正规数按 0 "
                "处理，x ≲ −709.78 时前向为 −0、导数为 0（x = −714 处的真值 −5.85e−308 还是正规数）；"
                "x = −∞ 处前向得 NaN，自动求导在 ±∞ 和 x ≥ 710 处得 NaN。导数按 $1 - \\tanh^{2}$ 计算："
                "x = 2.5 处为 1.0000000031402698，x = 2.95 处为 1.0000000000000868（真值 1.0000000000000058）；"
                "在 |x| ≤ 15 的普通输入上，导数的误差可达 8.9e−14（在 x ≈ 2.98 处），超出本包测试的容差。",
                "JAX does not ship this function; the row composes it from jax.numpy.tanh and jax.numpy.exp. "
                "XLA on the CPU flushes subnormal numbers to 0, so for x ≲ −709.78 the forward pass is −0 and "
                "the derivative 0 (the true value at x = −714, −5.85e−308, is still a normal number); x = −∞ "
                "gives NaN, and so does autograd at ±∞ and for x ≥ 710. The derivative is computed with "
                "$1 - \\tanh^{2}$: 1.0000000031402698 at x = 2.5 and 1.0000000000000868 at x = 2.95 (the true "
                "value is 1.0000000000000058); on ordinary input, |x| ≤ 15, its error reaches 8.9e−14 (near "
                "x = 2.98), beyond the tolerance of this package's tests."),
            call="jax.numpy.tanh(jax.numpy.exp(x)) * x",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -709.78, -0.0),
                Deviation("f", -710.0, -0.0),
                Deviation("f", -745.13, -0.0),
                Deviation("f", -714.0, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -709.78, 0.0),
                Deviation("df", 710.0, float("nan")),
                Deviation("df", -710.0, 0.0),
                Deviation("df", 745.13, float("nan")),
                Deviation("df", -745.13, 0.0),
                Deviation("df", 800.0, float("nan")),
                Deviation("df", 1e+300, float("nan")),
                Deviation("df", 2.5, 1.0000000031402698),
                Deviation("df", 2.95, 1.0000000000000868),
                Deviation("df", 714.0, float("nan")),
                Deviation("df", -714.0, 0.0),
            ),
            composed=True,
            ordinary_error=8.9e-14,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.tanh", "(x, name=None)",
            difference=Text(
                "PaddlePaddle 没有这个函数，这里用 paddle.tanh 和 paddle.exp 组合。x ≲ −709.78 时 paddle.exp "
                "不再变小（x = −710、−800、−10³⁰⁰ 处都是 5.5555e−309），所以前向在 x = −710 处为 "
                "−3.944e−306（真值 −3.178e−306），x = −10³⁰⁰ 处为 −5.56e−9，x = −∞ 处为 −∞，"
                "导数在 −∞ 处也是 −∞；x = −714 处前向与教科书公式一样为 −5.853803403946526e−308。"
                "导数按 $1 - \\tanh^{2}$ 计算：x = 2.5 处为 1.0000000031402698，x = 2.95 处为 1，"
                "x ≥ 710 和 +∞ 处为 NaN。",
                "PaddlePaddle does not ship this function; the row composes it from paddle.tanh and paddle.exp. "
                "For x ≲ −709.78, paddle.exp stops decreasing (it is 5.5555e−309 at x = −710, −800 and "
                "−10³⁰⁰), so the forward pass is −3.944e−306 at x = −710 (the true value is −3.178e−306), "
                "−5.56e−9 at x = −10³⁰⁰ and −∞ at x = −∞, where the derivative is −∞ as well; at x = −714 the "
                "forward pass is −5.853803403946526e−308, as with the textbook formula. The derivative is "
                "computed with $1 - \\tanh^{2}$: 1.0000000031402698 at x = 2.5, 1 at x = 2.95, and NaN for "
                "x ≥ 710 and at +∞."),
            call="paddle.tanh(paddle.exp(x)) * x",
            deviations=(
                Deviation("f", float("-inf"), float("-inf")),
                Deviation("f", -710.0, -3.944425933479106e-306),
                Deviation("f", -745.13, -4.139591684244065e-306),
                Deviation("f", -800.0, -4.444423587018711e-306),
                Deviation("f", -1e+300, -5.555529483773389e-09),
                Deviation("f", -714.0, -5.853803403946526e-308),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("-inf")),
                Deviation("df", 710.0, float("nan")),
                Deviation("df", -710.0, -3.9388704039953326e-306),
                Deviation("df", 745.13, float("nan")),
                Deviation("df", -745.13, -4.134036154760292e-306),
                Deviation("df", 800.0, float("nan")),
                Deviation("df", -800.0, -4.438868057534938e-306),
                Deviation("df", 1e+300, float("nan")),
                Deviation("df", -1e+300, -5.555529483773389e-09),
                Deviation("df", 2.5, 1.0000000031402698),
                Deviation("df", 2.95, 1.0),
                Deviation("df", 714.0, float("nan")),
                Deviation("df", -714.0, -5.845604799739317e-308),
            ),
            composed=True,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.tanh", "(input)",
            difference=Text(
                "MindSpore 没有这个函数，可以写成 mindspore.ops.tanh(mindspore.ops.exp(x)) * x。",
                "MindSpore does not ship this function; it can be written as "
                "mindspore.ops.tanh(mindspore.ops.exp(x)) * x."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.tanh.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(2.5, 2.95, 710.0, -714.0, -745.13),
    plot_range=(-6.0, 4.0),
    implementation=Text(
        "前向先用 `np.minimum` 把 x 截到 4 以下：x ≳ 2.95 时 $\\tanh(e^{x})$ 在 float64 下已舍入为 1，"
        "截断不改变结果，却让 `np.exp` 不会上溢；`np.tanh` 对很小的 $u = e^{x}$ 保留 $\\tanh(u) \\approx u$ "
        "的全部有效数字。再乘以 `np.maximum` 抬到 −2000 以上的 x（−∞ 处 $\\tanh(0) = 0$，不会出现 ∞ 乘 0）。"
        "x < ln m（m 是最小正规数，由 `np.log` 和 `np.finfo` 给出）时 $e^{x}$ 已是次正规数，"
        "改算 $(x e^{x/2})\\,e^{x/2}$（与本包的 SiLU 共用这段代码）。"
        "导数先用 `np.clip` 把 x 截到 [−2000, 4]（x ≥ 4 时导数恰为 1），$u = e^{x}$；"
        "$\\operatorname{sech}^{2}(u)$ 按 $1/\\cosh^{2}(u)$ 计算（`np.cosh`，连除两次，因为 float32 下 "
        "$\\cosh^{2}(e^{4})$ 会上溢），从不写成 $1 - \\tanh^{2}(u)$。x > c + 0.8 时直接求 "
        "$\\tanh(u) + x u\\,\\operatorname{sech}^{2}(u)$，x ≥ 0 时两项同号。两项在零点 $x_0 \\approx -1.0789$ "
        "处抵消，所以在 $|x - c| \\le 0.8$（$c = -1105/1024$，`np.abs` 选出这一段）内改用 TeLU′ 在 c 处的"
        "泰勒级数（46 项，系数由 mpmath 算出，Horner 求和，`np.full_like` 起始），"
        "$d = x - c$ 在 c 附近是精确的，只有常数项会在 $x_0$ 本身抵消。"
        "x < c − 0.8 时导数写成 $u\\,\\operatorname{sech}^{2}(u)\\bigl((1 + x) + q(u)\\bigr)$，"
        "$q(u) = (\\sinh 2u - 2u)/(2u)$ 按级数 $\\sum_{k \\ge 1} (2u)^{2k}/(2k+1)!$ 求前 7 项，"
        "$\\cosh^{2}(u)$ 按 $1 + \\sinh^{2}(u)$ 求（`np.sinh`）：这里 $1 + x < -0.879$，"
        "q 不到 0.016，没有相消。x < ln m 时导数改算 $((1 + x) e^{x/2})\\,e^{x/2}$。"
        "两个核都像 QuickGELU 那样按每块 65536 个元素分块计算，float16 输入按 float32 计算。",
        "The forward pass first clips x to at most 4 with `np.minimum`: for x ≳ 2.95, $\\tanh(e^{x})$ "
        "already rounds to 1 in float64, so the clipping changes nothing but keeps `np.exp` from "
        "overflowing; `np.tanh` keeps every digit of $\\tanh(u) \\approx u$ for tiny $u = e^{x}$. The "
        "result is multiplied by x raised to at least −2000 with `np.maximum` (at −∞, $\\tanh(0) = 0$, so "
        "no ∞ meets a 0). Below ln m (m the smallest normal number, from `np.log` and `np.finfo`) "
        "$e^{x}$ is subnormal, and $(x e^{x/2})\\,e^{x/2}$ is computed instead (code shared with this "
        "package's SiLU). The derivative first clips x to [−2000, 4] with `np.clip` (the derivative is "
        "exactly 1 from 4 on), $u = e^{x}$; $\\operatorname{sech}^{2}(u)$ is $1/\\cosh^{2}(u)$ (`np.cosh`, "
        "dividing twice, since $\\cosh^{2}(e^{4})$ overflows in float32), never $1 - \\tanh^{2}(u)$. For "
        "x > c + 0.8 the sum $\\tanh(u) + x u\\,\\operatorname{sech}^{2}(u)$ is taken as it stands; both "
        "terms are positive for x ≥ 0. The two terms cancel at the root $x_0 \\approx -1.0789$, so within "
        "$|x - c| \\le 0.8$ ($c = -1105/1024$; `np.abs` selects the stretch) the Taylor series of TeLU′ "
        "about c is summed instead (46 terms, coefficients from mpmath, Horner's rule; `np.full_like` "
        "starts the sum): $d = x - c$ is exact near c, and only the constant term can cancel, at $x_0$ "
        "itself. For x < c − 0.8 the derivative is written "
        "$u\\,\\operatorname{sech}^{2}(u)\\bigl((1 + x) + q(u)\\bigr)$, with "
        "$q(u) = (\\sinh 2u - 2u)/(2u)$ summed from its series $\\sum_{k \\ge 1} (2u)^{2k}/(2k+1)!$ "
        "(7 terms) and $\\cosh^{2}(u) = 1 + \\sinh^{2}(u)$ (`np.sinh`): there $1 + x < -0.879$ and q is "
        "below 0.016, so nothing cancels. Below ln m the derivative is $((1 + x) e^{x/2})\\,e^{x/2}$. Both "
        "kernels run on blocks of 65536 elements, as QuickGELU's do, and float16 input is computed in "
        "float32.",
    ),
    elsewhere=(
        Elsewhere(
            "TeLU-Experiments (alfredofernandez2021/TeLU-Experiments)", "telu",
            "https://github.com/alfredofernandez2021/TeLU-Experiments/blob/"
            "e08a40f6c780b2329523add011301c83f8b62aa4/PersistentGrad/gradient_calcs/PersistentGrad.py",
            Text("论文作者复现实验用的 PyTorch 脚本，写作 input * torch.tanh(torch.exp(input))，"
                 "与 PyTorch 一行的组合相同；它不是可安装的库。",
                 "The PyTorch scripts the paper's authors published to reproduce their experiments; they "
                 "write it as input * torch.tanh(torch.exp(input)), the composition of the PyTorch row. "
                 "It is not an installable library."),
        ),
    ),
))
