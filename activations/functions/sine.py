"""Sine, sin(w0 x) (SIREN's periodic activation)."""

from __future__ import annotations

import functools
import math

import numpy as np

from .._checks import elementwise, real_param
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Parameter, Properties, Reference, Text

#: Blocks of this many elements keep the temporaries of the fast path small.
_BLOCK = 1 << 14
#: The fast path for |w x| up to 2^20: there the low part d of the argument
#: is below 2^-32, so that sin(p + d) = sin(p) + d cos(p) to far below an ulp.
_FAST = 2.0**20
#: k pi/4 as a float64 pair hi + lo, k = 0, 1, 2.
_QUARTER = ((0.0, 0.0), (0.7853981633974483, 3.061616997868383e-17),
            (1.5707963267948966, 6.123233995736766e-17))
_PI_BITS = 4400  # pi to 4400 bits: enough for |w x| up to 2^2100


@functools.cache
def _pi() -> int:
    """floor(pi 2^4400), by Machin's formula in Python integers."""
    one = 1 << (_PI_BITS + 32)

    def atan_inv(n: int) -> int:  # arctan(1/n) 2^(4400+32)
        total, term, k = 0, one // n, 1
        while term:
            total += term // k if k % 4 == 1 else -(term // k)
            term //= n * n
            k += 2
        return total

    return (16 * atan_inv(5) - 4 * atan_inv(239)) >> 32


def _reduce(v: float, w: float, k: int) -> tuple[float, int]:
    """(r, q) with w v + k pi/4 = q pi/2 + r, |r| <= pi/4, r rounded once."""
    nv, dv = v.as_integer_ratio()  # v = nv / dv, dv a power of 2
    nw, dw = w.as_integer_ratio()
    s = (dv * dw).bit_length() - 1 + 4200  # fixed point: units of 2^-s
    pi = _pi()
    z = (nv * nw << (_PI_BITS + 4201)) // pi  # (w v) (2 / pi) 2^s
    z += k << (s - 1)  # + k pi/4, that is k/2 in units of pi/2
    q, frac = divmod(z, 1 << s)
    if frac >= 1 << (s - 1):  # the nearest q: |frac| <= 1/2
        frac -= 1 << s
        q += 1
    # frac 2^-s pi/2, correctly rounded by int / int
    return frac * pi / (1 << (s + _PI_BITS + 1)), q % 4


def _sin_exact(x: np.ndarray, w: float, k: int) -> np.ndarray:
    """sin(w x + k pi/4) by exact reduction, for large, inf and NaN x."""
    out = np.empty(x.shape)
    out[:] = math.nan  # sin(+-inf) and NaN: NaN
    ok = np.isfinite(x)
    rq = [_reduce(v, w, k) for v in x[ok].tolist()]
    r = np.array([a for a, _ in rq], dtype=float)
    q = np.array([b for _, b in rq], dtype=int)
    s = np.sin(r)
    odd = q % 2 == 1
    s[odd] = np.cos(r[odd])  # quadrants 1, 3: cos r
    s[q >= 2] *= -1  # quadrants 2, 3: minus
    out[ok] = s
    return out


def _split(a: np.ndarray, c: float) -> tuple[np.ndarray, np.ndarray]:
    """a = hi + lo, each half of a's bits (Veltkamp, c = 2^s + 1)."""
    t = a * c
    hi = t - (t - a)
    return hi, a - hi


def _sin_fast(x: np.ndarray, w: float, k: int) -> np.ndarray:
    """sin(w x + k pi/4) for one float64 block with |w x| within _FAST."""
    ty = x.dtype.type
    c = 2.0 ** ((np.finfo(x.dtype).nmant + 2) // 2) + 1
    wh, wl = _split(np.array([w], dtype=x.dtype), c)
    p = x * ty(w)  # w x rounded; e below is its error, exactly (Dekker)
    xh, xl = _split(x, c)
    e = xh * wh[0] - p
    e += xh * wl[0]
    e += xl * wh[0]
    e += xl * wl[0]
    if k:  # + k pi/4 as hi + lo: p + hi = s + err exactly (Knuth's TwoSum)
        hi = ty(_QUARTER[k][0])
        lo = ty((_QUARTER[k][0] - float(hi)) + _QUARTER[k][1])
        s = p + hi
        b = s - p
        e += (p - (s - b)) + (hi - b)
        e += lo
        p = s
    # sin(p + e) = sin(p) + e cos(p): cos(p) only scales a tiny correction,
    # so float32's cos of p reduced mod 2 pi (in float64) is accurate enough
    r = np.rint(p * (1 / (2 * math.pi)))
    r *= -2 * math.pi
    r += p
    cos = np.cos(r.astype("f4")).astype("f8")
    cos *= e
    cos += np.sin(p)
    return cos


def _sin_affine(x: np.ndarray, w: float, k: int) -> np.ndarray:
    """sin(w x + k pi/4), k = 0, 1, 2, with w x exact, in x's dtype.

    float32 and float16 blocks are computed in float64 and rounded once:
    near a root far from 0, a float32 sin(p) would carry an absolute error
    of 2^-24 |sin p|, where p can be 2^-24 from the root and the result far
    smaller."""
    w = float(x.dtype.type(w))  # the parameter as the dtype holds it
    lim = min(_FAST / abs(w), float(np.finfo(x.dtype).max))  # float16
    big = ~(np.abs(x) <= lim)  # large, inf and NaN
    flat = x.reshape(-1)
    out = np.empty_like(flat)
    for i in range(0, flat.size, _BLOCK):
        block = flat[i:i + _BLOCK].astype("f8")  # exact
        if big.reshape(-1)[i:i + _BLOCK].any():
            block = np.clip(block, -lim, lim)  # replaced below
        out[i:i + _BLOCK] = _sin_fast(block, w, k)
    out = out.reshape(x.shape)
    if big.any():
        out[big] = _sin_exact(x[big].astype("f8"), w, k)
    return out


@elementwise
def sine(x: np.ndarray, w0: float = 30.0) -> np.ndarray:
    r"""Sine activation, sin(w0 x), element-wise.

    .. math:: \operatorname{Sine}(x) = \sin(\omega_0 x)

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.
    w0 : float, default 30.0
        The frequency omega_0 (SIREN's default 30). Any finite real number
        but 0 (w0 = 0 would make the function and its derivative 0).

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [-1, 1]; NaN at +-inf.

    Raises
    ------
    ValueError
        If ``w0`` is 0 or not finite.

    Notes
    -----
    ``np.sin(w0 * x)`` rounds the product first: an absolute error of up
    to |w0 x| 2^-53 in the argument, which near a root of sin is a large
    relative error of the result. Here w0 x = p + e exactly (Dekker's
    product with Veltkamp's split) and sin(p + e) = sin(p) + e cos(p), for
    |w0 x| <= 2^20 (float64); beyond, w0 x is reduced modulo pi/2 exactly in
    Python integers (Payne and Hanek's idea, with 4400 bits of pi).

    Examples
    --------
    >>> sine([-0.1, 0.0, 0.05])
    array([-0.14112001,  0.        ,  0.99749499])
    """
    w = real_param(w0, "w0", nonzero=True)
    return _sin_affine(x, w, 0)


@elementwise
def sine_derivative(x: np.ndarray, w0: float = 30.0) -> np.ndarray:
    r"""Derivative of the sine activation with respect to x, element-wise.

    .. math:: \operatorname{Sine}'(x) = \omega_0 \cos(\omega_0 x)

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`sine`).
    w0 : float, default 30.0
        See :func:`sine`.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [-|w0|, |w0|].

    Notes
    -----
    cos(w0 x) = sin(w0 x + pi/2), with pi/2 as a pair of floats added to the
    exact product (Knuth's TwoSum), so that the roots of cos keep their
    relative accuracy; then one multiplication by w0.

    Examples
    --------
    >>> sine_derivative([-0.1, 0.0, 0.05])
    array([-29.6997749 ,  30.        ,   2.12211605])
    """
    w = real_param(w0, "w0", nonzero=True)
    out = _sin_affine(x, w, 2)
    np.multiply(out, x.dtype.type(w), out=out)
    return out


def _naive(x: np.ndarray, w0: float = 30.0) -> np.ndarray:
    return np.sin(w0 * x)


def _naive_derivative(x: np.ndarray, w0: float = 30.0) -> np.ndarray:
    return w0 * np.cos(w0 * x)


SPEC = register(Activation(
    name="sine",
    slug="sine",
    order=510,
    title=Text("Sine", "Sine"),
    full_name=Text("正弦激活函数（SIREN）", "sine activation (SIREN)"),
    summary=Text(
        "$\\sin(\\omega_0 x)$：周期函数，SIREN 用它（$\\omega_0 = 30$）表示图像、声音等连续信号及其导数。",
        "$\\sin(\\omega_0 x)$: periodic; SIREN uses it ($\\omega_0 = 30$) to represent continuous signals "
        "such as images and sound, together with their derivatives.",
    ),
    forward=sine,
    derivative=sine_derivative,
    latex=r"\operatorname{Sine}(x) = \sin(\omega_0 x)",
    latex_derivative=r"\operatorname{Sine}'(x) = \omega_0 \cos(\omega_0 x)",
    parameters=(
        Parameter(
            "w0", r"\omega_0", 30.0, r"\omega_0 \in \mathbb{R},\ \omega_0 \ne 0",
            Text("频率：周期为 2π/|ω₀|；默认值 30 来自 SIREN 论文（第 3.2 节）。"
                 "ω₀ = 0 会使函数和导数处处为 0，因此不允许",
                 "the frequency: the period is 2π/|ω₀|; the default 30 is the SIREN paper's "
                 "(section 3.2). ω₀ = 0 would make the function and its derivative 0 everywhere, so "
                 "it is not allowed"),
            check=lambda v: math.isfinite(v) and v != 0,
        ),
    ),
    properties=Properties(
        range=r"[-1,\ 1]",
        monotonic=False,
        smoothness=r"C^\infty",
        zero_centred=True,
        saturation=("none", "none"),
        bounded="both",
        lower=-1.0,
        upper=1.0,
        note=Text(
            "周期为 $2\\pi/\\omega_0$（默认约 0.2094）；在 $x = (k + 1/2)\\pi/\\omega_0$ 处取到 ±1，"
            "零点是 $x = k\\pi/\\omega_0$。导数在 $[-\\omega_0, \\omega_0]$ 内来回摆动，"
            "$x \\to \\pm\\infty$ 时函数和导数都没有极限，本包在 ±∞ 处给出 NaN。",
            "The period is $2\\pi/\\omega_0$ (about 0.2094 by default); ±1 is attained at "
            "$x = (k + 1/2)\\pi/\\omega_0$ and the roots are $x = k\\pi/\\omega_0$. The derivative swings "
            "within $[-\\omega_0, \\omega_0]$; neither the function nor the derivative has a limit as "
            "$x \\to \\pm\\infty$, and this package gives NaN at ±∞."),
    ),
    kink=None,
    references=(
        Reference(
            "Vincent Sitzmann, Julien N. P. Martel, Alexander W. Bergman, David B. Lindell, "
            "Gordon Wetzstein", 2020,
            "Implicit neural representations with periodic activation functions",
            "NeurIPS 2020", "https://arxiv.org/abs/2006.09661",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.sin", "(input, *, out=None)",
            difference=Text(
                "PyTorch 没有这个函数，这里写成 torch.sin(30.0 * x)。乘积 30.0 * x 先舍入，自变量带上最"
                r"多 $|30x| \cdot 2^{-53}$ 的绝对误差：x = ±100.1 处前向差约 2900 ulp，±709.78 处约 2.3 "
                "万 ulp，±12345.6 处约 7.9 万 ulp；x = ±1e300 时结果完全不对（−0.9991，真值 −0.4415）；x"
                " 为 π/3 的浮点数时真值约 −3.4e−15，它给出 −4.8e−15，一位有效数字都不对。导数的误差同理"
                "。",
                "PyTorch does not ship this function; the row writes it as torch.sin(30.0 * x). The product"
                r" 30.0 * x is rounded first, which leaves an absolute error of up to $|30x| \cdot 2^{-53}$"
                " in the argument: the forward pass is about 2900 ulp off at x = ±100.1, 23 000 ulp at ±709.78"
                " and 79 000 ulp at ±12345.6; at x = ±1e300 the result is plain wrong (−0.9991 where the"
                " truth is −0.4415); at the float nearest π/3 the true value is about −3.4e−15 and it gives"
                " −4.8e−15, not one correct digit. The derivative is off in the same way."),
            call="torch.sin(30.0 * x)",
            deviations=(
                Deviation("f", 88.72, -0.6217870490065215),
                Deviation("f", -88.72, 0.6217870490065215),
                Deviation("f", 709.78, -0.3098222060651382),
                Deviation("f", -709.78, 0.3098222060651382),
                Deviation("f", 745.13, -0.9947487486698942),
                Deviation("f", -745.13, 0.9947487486698942),
                Deviation("f", 1e+300, -0.999104682882931),
                Deviation("f", -1e+300, 0.999104682882931),
                Deviation("f", 1.0471975511965976, -4.777360477947854e-15),
                Deviation("f", -1.0471975511965976, 4.777360477947854e-15),
                Deviation("f", 100.1, -0.35468470978178057),
                Deviation("f", -100.1, 0.35468470978178057),
                Deviation("f", 12345.6, -0.5980910159154509),
                Deviation("f", -12345.6, 0.5980910159154509),
                Deviation("df", 88.72, -23.49559063141392),
                Deviation("df", -88.72, -23.49559063141392),
                Deviation("df", 709.78, 28.523835306039018),
                Deviation("df", -709.78, 28.523835306039018),
                Deviation("df", 745.13, -3.0704127275843325),
                Deviation("df", -745.13, -3.0704127275843325),
                Deviation("df", 1e+300, -1.2691924114405018),
                Deviation("df", -1e+300, -1.2691924114405018),
                Deviation("df", 100.1, 28.04957898048227),
                Deviation("df", -100.1, 28.04957898048227),
                Deviation("df", 12345.6, 24.042845568133185),
                Deviation("df", -12345.6, 24.042845568133185),
            ),
            ordinary_error=9e-13,
            composed=True,
        ),
        FrameworkName(
            "Keras", "keras.ops.sin", "(x)",
            difference=Text(
                "Keras 没有这个函数，这里写成 keras.ops.sin(30.0 * x)（JAX 后端）。keras.ops.sin 把 float64"
                " 输入转成 float32 计算（floatx 设为 float64 时也是如此），所以普通输入上前向的误差可达"
                " 1.5e−5、导数可达 4.4e−4；30 × 1e300 在单精度中上溢，得 NaN；|x| ≤ 1e−300 时下溢为 ±0"
                "。",
                "Keras does not ship this function; the row writes it as keras.ops.sin(30.0 * x) (on the"
                " JAX backend). keras.ops.sin computes a float64 input in float32 (even with floatx set"
                " to float64), so on ordinary input the forward pass is up to 1.5e−5 off and the derivative"
                " up to 4.4e−4; 30 × 1e300 overflows in float32 and gives NaN, and |x| ≤ 1e−300 underflows"
                " to ±0."),
            call="keras.ops.sin(30.0 * x)",
            deviations=(
                Deviation("f", 88.72, -0.6218635439872742),
                Deviation("f", -88.72, 0.6218635439872742),
                Deviation("f", 709.78, -0.30945077538490295),
                Deviation("f", -709.78, 0.30945077538490295),
                Deviation("f", 710.0, 0.001808660221286118),
                Deviation("f", -710.0, -0.001808660221286118),
                Deviation("f", 745.13, -0.994788646697998),
                Deviation("f", -745.13, 0.994788646697998),
                Deviation("f", 800.0, -0.980643093585968),
                Deviation("f", -800.0, 0.980643093585968),
                Deviation("f", 1e-300, 0.0),
                Deviation("f", -1e-300, -0.0),
                Deviation("f", 5e-324, 0.0),
                Deviation("f", -5e-324, -0.0),
                Deviation("f", 1e+300, float("nan")),
                Deviation("f", -1e+300, float("nan")),
                Deviation("f", 0.5, 0.6502878665924072),
                Deviation("f", -0.5, -0.6502878665924072),
                Deviation("f", 1.0, -0.9880316257476807),
                Deviation("f", -1.0, 0.9880316257476807),
                Deviation("f", 2.5, -0.38778164982795715),
                Deviation("f", -2.5, 0.38778164982795715),
                Deviation("f", 10.0, -0.999755859375),
                Deviation("f", -10.0, 0.999755859375),
                Deviation("f", 25.0, 0.7450729608535767),
                Deviation("f", -25.0, -0.7450729608535767),
                Deviation("f", 37.0, -0.8509510159492493),
                Deviation("f", -37.0, 0.8509510159492493),
                Deviation("f", 40.0, -0.08827860653400421),
                Deviation("f", -40.0, 0.08827860653400421),
                Deviation("f", 1.0471975511965976, -5.56283680452907e-07),
                Deviation("f", -1.0471975511965976, 5.56283680452907e-07),
                Deviation("f", 100.1, -0.3546847105026245),
                Deviation("f", -100.1, 0.3546847105026245),
                Deviation("f", 12345.6, -0.5980910062789917),
                Deviation("f", -12345.6, 0.5980910062789917),
                Deviation("df", 88.72, -23.49376916885376),
                Deviation("df", -88.72, -23.49376916885376),
                Deviation("df", 709.78, 28.527463674545288),
                Deviation("df", -709.78, 28.527463674545288),
                Deviation("df", 710.0, 29.999951720237732),
                Deviation("df", -710.0, 29.999951720237732),
                Deviation("df", 745.13, -3.058755174279213),
                Deviation("df", -745.13, -3.058755174279213),
                Deviation("df", 800.0, -5.874115526676178),
                Deviation("df", -800.0, -5.874115526676178),
                Deviation("df", 1e+300, float("nan")),
                Deviation("df", -1e+300, float("nan")),
                Deviation("df", 0.5, -22.790637016296387),
                Deviation("df", -0.5, -22.790637016296387),
                Deviation("df", 1.0, 4.627543687820435),
                Deviation("df", -1.0, 4.627543687820435),
                Deviation("df", 2.5, 27.65253782272339),
                Deviation("df", -2.5, 27.65253782272339),
                Deviation("df", 10.0, -0.6628985702991486),
                Deviation("df", -10.0, -0.6628985702991486),
                Deviation("df", 25.0, -20.009490251541138),
                Deviation("df", -25.0, -20.009490251541138),
                Deviation("df", 37.0, -15.757350325584412),
                Deviation("df", -37.0, -15.757350325584412),
                Deviation("df", 40.0, 29.882875084877014),
                Deviation("df", -40.0, 29.882875084877014),
                Deviation("df", 100.1, 28.049579858779907),
                Deviation("df", -100.1, 28.049579858779907),
                Deviation("df", 12345.6, 24.042845964431763),
                Deviation("df", -12345.6, 24.042845964431763),
            ),
            ordinary_error=4.4e-4,
            composed=True,
        ),
        FrameworkName(
            "JAX", "jax.numpy.sin", "(x, /)",
            difference=Text(
                "JAX 没有这个函数，这里写成 jax.numpy.sin(30.0 * x)。乘积 30.0 * x 先舍入，自变量带上最"
                r"多 $|30x| \cdot 2^{-53}$ 的绝对误差：x = ±100.1 处前向差约 2900 ulp，±709.78 处约 2.3 "
                "万 ulp，±12345.6 处约 7.9 万 ulp；x = ±1e300 时结果完全不对（−0.9991，真值 −0.4415）；x"
                " 为 π/3 的浮点数时真值约 −3.4e−15，它给出 −4.8e−15，一位有效数字都不对。导数的误差同理"
                "。此外 CPU 上的 XLA 把次正规数按 0 处理，x = ±5e−324 处得 ±0。",
                "JAX does not ship this function; the row writes it as jax.numpy.sin(30.0 * x). The product"
                r" 30.0 * x is rounded first, which leaves an absolute error of up to $|30x| \cdot 2^{-53}$"
                " in the argument: the forward pass is about 2900 ulp off at x = ±100.1, 23 000 ulp at ±709.78"
                " and 79 000 ulp at ±12345.6; at x = ±1e300 the result is plain wrong (−0.9991 where the"
                " truth is −0.4415); at the float nearest π/3 the true value is about −3.4e−15 and it gives"
                " −4.8e−15, not one correct digit. The derivative is off in the same way. Besides, XLA on"
                " the CPU flushes subnormal numbers to 0: x = ±5e−324 gives ±0."),
            call="jax.numpy.sin(30.0 * x)",
            deviations=(
                Deviation("f", 88.72, -0.6217870490065215),
                Deviation("f", -88.72, 0.6217870490065215),
                Deviation("f", 709.78, -0.3098222060651382),
                Deviation("f", -709.78, 0.3098222060651382),
                Deviation("f", 745.13, -0.9947487486698942),
                Deviation("f", -745.13, 0.9947487486698942),
                Deviation("f", 5e-324, 0.0),
                Deviation("f", -5e-324, -0.0),
                Deviation("f", 1e+300, -0.999104682882931),
                Deviation("f", -1e+300, 0.999104682882931),
                Deviation("f", 1.0471975511965976, -4.777360477947854e-15),
                Deviation("f", -1.0471975511965976, 4.777360477947854e-15),
                Deviation("f", 100.1, -0.35468470978178057),
                Deviation("f", -100.1, 0.35468470978178057),
                Deviation("f", 12345.6, -0.5980910159154509),
                Deviation("f", -12345.6, 0.5980910159154509),
                Deviation("df", 88.72, -23.49559063141392),
                Deviation("df", -88.72, -23.49559063141392),
                Deviation("df", 709.78, 28.523835306039018),
                Deviation("df", -709.78, 28.523835306039018),
                Deviation("df", 745.13, -3.0704127275843325),
                Deviation("df", -745.13, -3.0704127275843325),
                Deviation("df", 1e+300, -1.2691924114405018),
                Deviation("df", -1e+300, -1.2691924114405018),
                Deviation("df", 100.1, 28.04957898048227),
                Deviation("df", -100.1, 28.04957898048227),
                Deviation("df", 12345.6, 24.042845568133185),
                Deviation("df", -12345.6, 24.042845568133185),
            ),
            ordinary_error=9e-13,
            composed=True,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.sin", "(x, name=None)",
            difference=Text(
                "PaddlePaddle 没有这个函数，这里写成 paddle.sin(30.0 * x)。乘积 30.0 * x 先舍入，自变量"
                r"带上最多 $|30x| \cdot 2^{-53}$ 的绝对误差：x = ±100.1 处前向差约 2900 ulp，±709.78 处"
                "约 2.3 万 ulp，±12345.6 处约 7.9 万 ulp；x = ±1e300 时结果完全不对（−0.9991，真值 −0.4415"
                "）；x 为 π/3 的浮点数时真值约 −3.4e−15，它给出 −4.8e−15，一位有效数字都不对。导数的误"
                "差同理。",
                "PaddlePaddle does not ship this function; the row writes it as paddle.sin(30.0 * x). The"
                r" product 30.0 * x is rounded first, which leaves an absolute error of up to $|30x| \cdot"
                " 2^{-53}$ in the argument: the forward pass is about 2900 ulp off at x = ±100.1, 23 000"
                " ulp at ±709.78 and 79 000 ulp at ±12345.6; at x = ±1e300 the result is plain wrong (−0.9991"
                " where the truth is −0.4415); at the float nearest π/3 the true value is about −3.4e−15"
                " and it gives −4.8e−15, not one correct digit. The derivative is off in the same way."),
            call="paddle.sin(30.0 * x)",
            deviations=(
                Deviation("f", 88.72, -0.6217870490065215),
                Deviation("f", -88.72, 0.6217870490065215),
                Deviation("f", 709.78, -0.3098222060651382),
                Deviation("f", -709.78, 0.3098222060651382),
                Deviation("f", 745.13, -0.9947487486698942),
                Deviation("f", -745.13, 0.9947487486698942),
                Deviation("f", 1e+300, -0.999104682882931),
                Deviation("f", -1e+300, 0.999104682882931),
                Deviation("f", 1.0471975511965976, -4.777360477947854e-15),
                Deviation("f", -1.0471975511965976, 4.777360477947854e-15),
                Deviation("f", 100.1, -0.35468470978178057),
                Deviation("f", -100.1, 0.35468470978178057),
                Deviation("f", 12345.6, -0.5980910159154509),
                Deviation("f", -12345.6, 0.5980910159154509),
                Deviation("df", 88.72, -23.49559063141392),
                Deviation("df", -88.72, -23.49559063141392),
                Deviation("df", 709.78, 28.523835306039018),
                Deviation("df", -709.78, 28.523835306039018),
                Deviation("df", 745.13, -3.0704127275843325),
                Deviation("df", -745.13, -3.0704127275843325),
                Deviation("df", 1e+300, -1.2691924114405018),
                Deviation("df", -1e+300, -1.2691924114405018),
                Deviation("df", 100.1, 28.04957898048227),
                Deviation("df", -100.1, 28.04957898048227),
                Deviation("df", 12345.6, 24.042845568133185),
                Deviation("df", -12345.6, 24.042845568133185),
            ),
            ordinary_error=9e-13,
            composed=True,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.sin", "(input)",
            difference=Text(
                "MindSpore 没有这个函数，可以写成 mindspore.ops.sin(30.0 * x)。",
                "MindSpore does not ship this function; it can be written as mindspore.ops.sin(30.0 * x)."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.sin.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(1.0471975511965976, 100.1, 12345.6),
    plot_range=(-0.25, 0.25),
    speed_exemption=(
        "NumPy's float64 np.sin is the C library's scalar sin, several times slower than the "
        "vectorized (SLEEF) sin torch calls, before any of the exact-product work, and float32 "
        "input is computed in float64 as well (a float32 sin loses the roots far from 0); within "
        "3x it would take a vectorized float64 sin in NumPy."),
    implementation=Text(
        "关键是让正弦的自变量 $\\omega_0 x$ 不被舍入。$|\\omega_0 x| \\le 2^{20}$ 时，"
        "按 Dekker 的方法写成 $\\omega_0 x = p + e$：p 是舍入后的乘积，e 是它的误差，"
        "用 Veltkamp 的拆分（乘以 $2^{27} + 1$，位数由 `np.finfo` 给出）把两个因子各分成高低两半，"
        "各半的乘积都是精确的，e 因而也是精确的。于是 $\\sin(p + e) = \\sin p + e \\cos p$，"
        "误差远小于一个 ulp：`np.sin` 对 p 做精确的周期约化，$\\cos p$ 只用来乘以很小的 e，"
        "所以先在双精度中用 `np.rint` 把 p 约化到 $[-\\pi, \\pi]$，再用单精度的 `np.cos` 就够了。"
        "导数用 $\\cos y = \\sin(y + \\pi/2)$：把 $\\pi/2$ 写成两个浮点数之和，"
        "用 Knuth 的 TwoSum 精确地加到 p 上，误差并入 e，最后乘以 $\\omega_0$。"
        "$|\\omega_0 x|$ 更大时（以及 ±∞、NaN，用 `np.abs` 和 `np.isfinite` 挑出），"
        "把乘积用 Python 整数精确地对 $\\pi/2$ 取模（Payne–Hanek 的思路，π 取 4400 位，"
        "由 Machin 公式算出），余数只舍入一次，再按象限取 `np.sin` 或 `np.cos`；"
        "快速路径分块（每块 16384 个元素）计算，单精度和半精度的块也转成双精度计算、最后只舍入一次"
        "（单精度的正弦在远离 0 的零点附近不够准），较大的元素先用 `np.clip` 截到界内，"
        "`np.array` 收集约化的结果。±∞ 处给出 NaN。",
        "The point is to keep the argument $\\omega_0 x$ of the sine unrounded. For "
        "$|\\omega_0 x| \\le 2^{20}$ it is written, after Dekker, as "
        "$\\omega_0 x = p + e$: p the rounded product and e its error, exact, since Veltkamp's split (a "
        "product with $2^{27} + 1$, the width from `np.finfo`) cuts both factors into halves whose "
        "products are exact. Then $\\sin(p + e) = \\sin p + e \\cos p$ to far below an ulp: `np.sin` "
        "reduces p exactly, and $\\cos p$ only multiplies the tiny e, so p reduced to $[-\\pi, \\pi]$ in "
        "float64 with `np.rint` and float32's `np.cos` are enough. The derivative uses "
        "$\\cos y = \\sin(y + \\pi/2)$: $\\pi/2$ as a sum of two floats is added to p exactly by Knuth's "
        "TwoSum, its error joins e, and the result is multiplied by $\\omega_0$. Larger $|\\omega_0 x|$ "
        "(and ±∞ and NaN, picked out with `np.abs` and `np.isfinite`) is reduced modulo $\\pi/2$ exactly "
        "in Python integers (Payne and Hanek's idea, with 4400 bits of π from Machin's formula), the "
        "remainder is rounded once, and `np.sin` or `np.cos` is taken by quadrant; the fast path runs "
        "in blocks of 16384 elements, float32 and float16 blocks too in float64, rounded once at the end "
        "(a float32 sine is not accurate enough near roots far from 0), the large elements clipped into "
        "range by `np.clip` first, and "
        "`np.array` gathers the reduced values. ±∞ gives NaN.",
    ),
))
