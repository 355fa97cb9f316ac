"""Serf (log-softplus error activation function, x erf(softplus(x)))."""

from __future__ import annotations

import numpy as np
from scipy.special import erf

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Properties, Reference, Text
from .quick_gelu import _blocks

#: 2 / sqrt(pi), correctly rounded: erf(s) ~ 2 s / sqrt(pi) for small s.
_TWO_RT_PI = 1.1283791670955126
#: ln(2 / sqrt(pi)), correctly rounded: the factor 2 / sqrt(pi) of Serf' is
#: folded into its exponential, one rounding fewer.
_LN_TWO_RT_PI = 0.12078223763524522
#: x is clipped to [-2000, 40] where f' is computed: f'(x) is 1 for x >= 40
#: in every dtype, and below log(tiny) the tail formula takes over; so no
#: infinity meets a 0 and softplus(x)^2 cannot overflow.
_LOW, _HIGH = -2000.0, 40.0
#: Serf' = 0 at x0 = -1.19306; c = -1222/1024 is a float next to it.
_C = -1.193359375
#: Taylor coefficients of Serf' about c (mpmath, 60 digits, rounded): within
#: |x - c| <= 1 the series is summed in Horner form, which keeps full
#: relative accuracy up to the root (the nearest singularity of Serf' is
#: i pi away from -1.19, 3.36 away, so 47 terms leave < 1e-20).
_TAYLOR = (
    -9.025163318940538e-05,
    0.30136620995335583,
    0.2315694822599996,
    0.04757361988186739,
    -0.023306198061237127,
    -0.0187049543640052,
    -0.004526355938564413,
    0.0008691865599283196,
    0.0010472539625145194,
    0.0003321062617649422,
    -1.0547747198531245e-06,
    -4.453861918747827e-05,
    -1.834650564143484e-05,
    -1.8962572550229025e-06,
    1.4828411466241635e-06,
    8.114914037120546e-07,
    1.4214205859925895e-07,
    -3.8342921347518745e-08,
    -3.037585345771464e-08,
    -7.073016077962106e-09,
    6.906479784443306e-10,
    1.0027520843612856e-09,
    2.8609924051242086e-10,
    -2.6352461564790807e-12,
    -3.013160931590717e-11,
    -1.0140127761930091e-11,
    -4.585788980214508e-13,
    8.458652246436311e-13,
    3.2791198848347276e-13,
    2.6760847644172828e-14,
    -2.269393405831701e-14,
    -9.92858262856214e-15,
    -1.055828502200585e-15,
    5.939927015980094e-16,
    2.865388270000815e-16,
    3.503964160089232e-17,
    -1.5444483254354075e-17,
    -7.981901028368019e-18,
    -1.0441887794449897e-18,
    4.046068530949911e-19,
    2.1647687634769135e-19,
    2.872329919839538e-20,
    -1.076995617683628e-20,
    -5.747740241103091e-21,
    -7.378128666196206e-22,
    2.918318294330591e-22,
    1.4984910117597579e-22,
)
_R = 1.0


def _softplus(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(sp, t): sp = softplus(x) = max(x, 0) + t, t = log1p(e^{-|x|})."""
    t = np.abs(x)
    np.negative(t, out=t)
    np.exp(t, out=t)  # e^{-|x|} in [0, 1]: never overflows
    np.log1p(t, out=t)  # log(1 + tiny) keeps tiny
    sp = np.maximum(x, 0)
    sp += t
    return sp, t


def _forward_block(x: np.ndarray, out: np.ndarray) -> None:
    """Serf of one block of a float32/64 array, into out."""
    sp, t = _softplus(x)
    erf(sp, out=out)
    np.maximum(x, _LOW, out=t)  # -inf -> -2000, where erf(sp) = 0
    out *= t
    low = np.log(np.finfo(x.dtype).tiny)  # below, e^x is subnormal
    tail = x < low
    if tail.any():  # 2/sqrt(pi) x e^x = 2/sqrt(pi) (x e^{x/2}) e^{x/2}
        xt = t[tail]
        h = np.exp(xt / 2)
        out[tail] = ((xt * h) * h) * _TWO_RT_PI


def _derivative_block(x: np.ndarray, out: np.ndarray) -> None:
    """Serf' of one block, into out."""
    xc = np.clip(x, _LOW, _HIGH)
    w = np.abs(xc)
    np.negative(w, out=w)
    np.exp(w, out=w)  # e^{-|x|}, exact input: no exponent error
    t = np.log1p(w)
    sp = np.maximum(xc, 0)
    sp += t  # softplus(x)
    e = np.multiply(sp, sp)
    e += t
    np.subtract(_LN_TWO_RT_PI, e, out=e)
    # (2/sqrt(pi)) e^{-t - s^2}: a small exponent for x < 0
    np.exp(e, out=e)
    # sigma(x) = e^{-t} times e^x for x < 0 (= w), times 1 for x >= 0
    np.maximum(w, xc >= 0, out=w)
    e *= w
    e *= xc  # x (2/sqrt(pi)) e^{-s^2} sigma(x)
    erf(sp, out=out)
    out += e
    near = np.abs(x - _C) <= _R
    if near.any():  # Horner sum of the Taylor series about c
        d = x[near] - _C
        acc = np.full_like(d, _TAYLOR[-1])
        for a in _TAYLOR[-2::-1]:
            acc *= d
            acc += a
        out[near] = acc
    low = np.log(np.finfo(x.dtype).tiny)
    tail = x < low
    if tail.any():  # 2/sqrt(pi) (1 + x) e^x, without the subnormal e^x
        xt = xc[tail]
        h = np.exp(xt / 2)
        out[tail] = (((1 + xt) * h) * h) * _TWO_RT_PI


@elementwise
def serf(x: np.ndarray) -> np.ndarray:
    r"""Serf, x times the error function of softplus(x), element-wise.

    .. math:: \operatorname{Serf}(x) = x\,\operatorname{erf}\bigl(
              \ln(1 + e^{x})\bigr)

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in
        [-0.3484374587596064, inf].

    Notes
    -----
    softplus(x) is max(x, 0) + log1p(e^{-|x|}), which never overflows and
    keeps e^x for very negative x, where ``log(1 + exp(x))`` is 0 from
    x = -36.7 on. ``scipy.special.erf`` keeps the relative accuracy of
    small arguments (erf(s) ~ 2 s / sqrt(pi)). Below log(tiny) softplus(x)
    ~ e^x is subnormal while Serf(x) ~ 2 x e^x / sqrt(pi) is still normal
    down to x = -715: there it is computed as 2/sqrt(pi) (x e^{x/2})
    e^{x/2}. -inf is first raised to -2000, so that no infinity meets a 0.

    Examples
    --------
    >>> serf([-1.0, 0.0, 2.0])
    array([-0.34224796,  0.        ,  1.99473933])
    """
    return _blocks(_forward_block, x)


@elementwise
def serf_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of Serf with respect to x, element-wise.

    .. math:: \operatorname{Serf}'(x) = \operatorname{erf}(s)
              + \frac{2x}{\sqrt{\pi}}\,e^{-s^{2}}\,\sigma(x),
              \quad s = \ln(1 + e^{x})

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`serf`).

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in about [-0.1270, 1.0861].

    Notes
    -----
    With w = e^{-|x|} and t = log1p(w), sigma(x) = e^{-t} times w for
    x < 0 (times 1 for x >= 0), so e^{-s^2} sigma(x) is e^{-t - s^2} w: the
    large exponent x never passes through a rounded sum (an absolute error
    in an exponent is a relative error of the result). The two terms cancel at the root x0 = -1.19306; within
    |x - c| <= 1 of c = -1222/1024 the Taylor series of Serf' about c is
    summed instead, where d = x - c is exact near c (Sterbenz) and only the
    tiny constant term can cancel, at x0 itself. Below log(tiny) Serf'
    rounds to 2/sqrt(pi) (1 + x) e^x, computed as
    2/sqrt(pi) ((1 + x) e^{x/2}) e^{x/2}.

    Examples
    --------
    >>> serf_derivative([-1.0, 0.0, 2.0])
    array([0.06714568, 0.67304129, 1.0189317 ])
    """
    return _blocks(_derivative_block, x)


def _naive(x: np.ndarray) -> np.ndarray:
    return x * erf(np.log(1 + np.exp(x)))


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    sp = np.log(1 + np.exp(x))
    sig = 1 / (1 + np.exp(-x))
    return erf(sp) + x * (2 / np.sqrt(np.pi)) * np.exp(-sp**2) * sig


SPEC = register(Activation(
    name="serf",
    slug="serf",
    order=460,
    title=Text("Serf", "Serf"),
    full_name=Text("Serf（对数 SoftPlus 误差激活函数）", "Serf, the log-softplus error activation function"),
    summary=Text(
        "x·erf(SoftPlus(x))：与 Mish 同属 Swish 一族，光滑、非单调，负半轴的谷比 Mish 更深。",
        "x·erf(softplus(x)): of the Swish family like Mish, smooth and non-monotonic, with a "
        "deeper dip than Mish for negative input.",
    ),
    forward=serf,
    derivative=serf_derivative,
    latex=r"\operatorname{Serf}(x) = x\,\operatorname{erf}\bigl(\operatorname{SoftPlus}(x)\bigr)"
    r" = x\,\operatorname{erf}\bigl(\ln(1 + e^{x})\bigr)",
    latex_derivative=r"\operatorname{Serf}'(x) = \operatorname{erf}\bigl(s(x)\bigr) + \frac{2x}{\sqrt{\pi}}\,"
    r"e^{-s(x)^{2}}\,\sigma(x), \quad s(x) = \ln(1 + e^{x})",
    parameters=(),
    properties=Properties(
        range=r"[-0.3484,\ +\infty)",
        monotonic=False,
        smoothness=r"C^\infty",
        zero_centred=False,
        saturation=("soft", "none"),
        bounded="below",
        lower=-0.3484374587596064,
        upper=float("inf"),
        note=Text(
            "最小值约 −0.3484，在 x₀ ≈ −1.1931 处；导数的取值范围约为 [−0.1270, 1.0861]，"
            "最小值和最大值分别在 x ≈ −2.2565 和 x ≈ 1.0960 处。",
            "The minimum, about −0.3484, is at x₀ ≈ −1.1931; the derivative lies in about "
            "[−0.1270, 1.0861], with its minimum at x ≈ −2.2565 and its maximum at x ≈ 1.0960."),
    ),
    kink=None,
    references=(
        Reference(
            "Sayan Nag, Mayukh Bhattacharyya", 2021,
            "SERF: towards better training of deep neural networks using log-Softplus ERror "
            "activation Function",
            "arXiv:2108.09598", "https://arxiv.org/abs/2108.09598",
        ),
        Reference(
            "Sayan Nag, Mayukh Bhattacharyya, Anuraag Mukherjee, Rohit Kundu", 2023,
            "SERF: towards better training of deep neural networks using log-Softplus ERror "
            "activation Function",
            "WACV 2023, pp. 5324–5333",
            "https://openaccess.thecvf.com/content/WACV2023/html/Nag_SERF_Towards_Better_Training_of_"
            "Deep_Neural_Networks_Using_Log-Softplus_WACV_2023_paper.html",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.erf", "(input, *, out=None)",
            difference=Text(
                "PyTorch 没有这个函数，这里用 torch.erf 和 torch.nn.functional.softplus 组合。"
                "x = −∞ 时 erf(0) = 0 与 −∞ 相乘得 NaN，自动求导在 ±∞ 处得 NaN；"
                "x = −745.13 处 $e^{x}$ 已下溢，前向为 −0，导数为 −4.155e−321（真值约 −2.08e−321）。",
                "PyTorch does not ship this function; the row composes it from torch.erf and "
                "torch.nn.functional.softplus. At x = −∞, erf(0) = 0 times −∞ is NaN, and autograd gives "
                "NaN at ±∞; at x = −745.13, where $e^{x}$ has underflowed, the forward pass is −0 and the "
                "derivative −4.155e−321 (the true value is about −2.08e−321)."),
            call="torch.erf(torch.nn.functional.softplus(x)) * x",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -745.13, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -745.13, -4.155e-321),
            ),
            composed=True,
        ),
        FrameworkName(
            "Keras", "keras.ops.erf", "(x)",
            difference=Text(
                "Keras 没有这个函数，这里用 keras.ops.erf 和 keras.ops.softplus 组合（JAX 后端），"
                "差异与 JAX 一行相同。",
                "Keras does not ship this function; the row composes it from keras.ops.erf and "
                "keras.ops.softplus, which on the JAX backend differs as the JAX row does."),
            call="keras.ops.erf(keras.ops.softplus(x)) * x",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -709.78, -0.0),
                Deviation("f", -710.0, -0.0),
                Deviation("f", -745.13, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -709.78, 0.0),
                Deviation("df", -710.0, 0.0),
                Deviation("df", -745.13, 0.0),
                Deviation("df", -10.0, -0.0004610329196376595),
            ),
            composed=True,
        ),
        FrameworkName(
            "JAX", "jax.scipy.special.erf", "(x)",
            difference=Text(
                "JAX 没有这个函数，这里用 jax.scipy.special.erf 和 jax.nn.softplus 组合。"
                "CPU 上的 XLA 把次正规数按 0 处理，x ≲ −709.78 时前向为 −0、导数为 0；"
                "x = −∞ 处前向得 NaN，自动求导在 ±∞ 处得 NaN；x = −10 处导数差 10 ulp。",
                "JAX does not ship this function; the row composes it from jax.scipy.special.erf "
                "and jax.nn.softplus. XLA on the CPU flushes subnormal numbers to 0, so for "
                "x ≲ −709.78 the forward pass is −0 and the derivative 0; x = −∞ gives NaN, and so does "
                "autograd at ±∞; at x = −10 the derivative is 10 ulp off."),
            call="jax.scipy.special.erf(jax.nn.softplus(x)) * x",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -709.78, -0.0),
                Deviation("f", -710.0, -0.0),
                Deviation("f", -745.13, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -709.78, 0.0),
                Deviation("df", -710.0, 0.0),
                Deviation("df", -745.13, 0.0),
                Deviation("df", -10.0, -0.0004610329196376595),
            ),
            composed=True,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.erf", "(x, name=None)",
            difference=Text(
                "PaddlePaddle 没有这个函数，这里用 paddle.erf 和 paddle.nn.functional.softplus 组合。"
                "它的 SoftPlus 在负半轴与教科书公式一样丢掉 $e^{x}$ 的低位：x = −10 处前向差 613 ulp，"
                "x = −20 处相对误差约 3e−8，x = −25 处约 4e−6，x ≲ −37 时前向为 −0，"
                "导数在 x = −40 处差约 2.6%；x ≲ −709.78 时前向为 −0；"
                "导数在 +∞ 处为 +∞，在 x = 1e300 处为 1.0000000062687437（真值 1），−∞ 处得 NaN。",
                "PaddlePaddle does not ship this function; the row composes it from paddle.erf and "
                "paddle.nn.functional.softplus. Its softplus loses the low digits of $e^{x}$ for "
                "negative x as the textbook formula does: the forward pass is 613 ulp off at x = −10, "
                "has a relative error of about 3e−8 at x = −20 and 4e−6 at x = −25, and is −0 for "
                "x ≲ −37, where the derivative is about 2.6% off at x = −40; for x ≲ −709.78 the "
                "forward pass is −0; the derivative is +∞ at +∞, 1.0000000062687437 at x = 1e300 (the "
                "true value is 1), and NaN at −∞."),
            call="paddle.erf(paddle.nn.functional.softplus(x)) * x",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -88.72, -0.0),
                Deviation("f", -709.78, -0.0),
                Deviation("f", -710.0, -0.0),
                Deviation("f", -745.13, -0.0),
                Deviation("f", -10.0, -0.000512271720501914),
                Deviation("f", -25.0, -3.917732992723458e-10),
                Deviation("f", -37.0, -0.0),
                Deviation("f", -40.0, -0.0),
                Deviation("f", -20.0, -4.651525768054417e-08),
                Deviation("df", float("inf"), float("inf")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -88.72, -2.9503270288861157e-37),
                Deviation("df", -709.78, -4.4672622845111615e-306),
                Deviation("df", -710.0, 0.0),
                Deviation("df", -745.13, 0.0),
                Deviation("df", 1e+300, 1.0000000062687437),
                Deviation("df", -1.0, 0.06714567856927345),
                Deviation("df", -10.0, -0.00046103291963765325),
                Deviation("df", -25.0, -3.761007312990986e-10),
                Deviation("df", -37.0, -3.5625498739076685e-15),
                Deviation("df", -40.0, -1.91750177444504e-16),
                Deviation("df", -20.0, -4.418949317496007e-08),
            ),
            composed=True,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.erf", "(input)",
            difference=Text(
                "MindSpore 没有这个函数，可以写成 mindspore.ops.erf(mindspore.ops.softplus(x)) * x。",
                "MindSpore does not ship this function; it can be written as "
                "mindspore.ops.erf(mindspore.ops.softplus(x)) * x."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.erf.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-20.0, -40.0, -710.0, 710.0),
    plot_range=(-6.0, 4.0),
    implementation=Text(
        "SoftPlus 按 $s = \\max(x, 0) + \\ln(1 + e^{-|x|})$ 计算（`np.maximum`、`np.exp`、`np.log1p`），"
        "不会上溢，x 很负时也保留 $s \\approx e^{x}$ 的全部有效数字；"
        "误差函数用 `scipy.special.erf`，小自变量处 $\\operatorname{erf}(s) \\approx 2s/\\sqrt{\\pi}$ 的相对精度不丢。"
        "前向先用 `np.maximum` 把 x 限制在 −2000 以上（−∞ 处 erf(s) = 0，不会出现 ∞ 乘 0），"
        "再乘以 erf(s)。x < ln m（m 是最小的正规数，由 `np.log` 和 `np.finfo` 给出）时 s 已是次正规数，"
        "改算 $\\frac{2}{\\sqrt{\\pi}}(x e^{x/2})\\,e^{x/2}$。"
        "导数先用 `np.clip` 把 x 截到 [−2000, 40]（x ≥ 40 时导数恰为 1，也避免 $s^{2}$ 上溢）。"
        "记 $w = e^{-|x|}$、$t = \\ln(1 + w)$，则 x < 0 时 $\\sigma(x) = w\\,e^{-t}$，x ≥ 0 时 $\\sigma(x) = e^{-t}$"
        "（`np.maximum` 把 x ≥ 0 处的 w 换成 1），"
        "所以第二项是 $x \\cdot w \\cdot \\exp(\\ln\\tfrac{2}{\\sqrt{\\pi}} - t - s^{2})$："
        "大的 x 不进入任何舍入过的指数（指数里的绝对误差就是结果的相对误差），"
        "常数 $2/\\sqrt{\\pi}$ 也并入指数，少一次舍入。"
        "两项在零点 $x_0 \\approx -1.1931$ 附近相消，所以在 $|x - c| \\le 1$（$c = -1222/1024$）内改用 Serf′ 在 c 处的"
        "泰勒级数（47 项，系数由 mpmath 算出，Horner 求和；`np.abs` 选出这一段，`np.full_like` 起始），"
        "$d = x - c$ 在 c 附近是精确的，只有常数项会在 $x_0$ 本身抵消。"
        "x < ln m 时导数改算 $\\frac{2}{\\sqrt{\\pi}}((1 + x) e^{x/2})\\,e^{x/2}$。"
        "两个核都像 QuickGELU 那样按每块 65536 个元素分块计算。",
        "SoftPlus is computed as $s = \\max(x, 0) + \\ln(1 + e^{-|x|})$ (`np.maximum`, `np.exp`, `np.log1p`), "
        "which never overflows and keeps every digit of $s \\approx e^{x}$ for very negative x; the error "
        "function is `scipy.special.erf`, which keeps the relative accuracy of "
        "$\\operatorname{erf}(s) \\approx 2s/\\sqrt{\\pi}$ for small arguments. The forward pass first raises x to "
        "−2000 with `np.maximum` (erf(s) = 0 at −∞, so no ∞ meets a 0) and multiplies it by erf(s). Below ln m "
        "(m the smallest normal number, from `np.log` and `np.finfo`) s is subnormal, and "
        "$\\frac{2}{\\sqrt{\\pi}}(x e^{x/2})\\,e^{x/2}$ is computed instead. The derivative first clips x to "
        "[−2000, 40] with `np.clip` (the derivative is exactly 1 from 40 on, and $s^{2}$ cannot overflow). With "
        "$w = e^{-|x|}$ and $t = \\ln(1 + w)$, $\\sigma(x) = w\\,e^{-t}$ for x < 0 and $e^{-t}$ for x ≥ 0 "
        "(`np.maximum` turns w into 1 where x ≥ 0), so the second term is "
        "$x \\cdot w \\cdot \\exp(\\ln\\tfrac{2}{\\sqrt{\\pi}} - t - s^{2})$: a large x never passes through a rounded "
        "exponent (an absolute error in an exponent is a relative error of the result), and the constant "
        "$2/\\sqrt{\\pi}$ is folded into the exponent, one rounding fewer. The two terms cancel near the root "
        "$x_0 \\approx -1.1931$, so within $|x - c| \\le 1$ ($c = -1222/1024$) the Taylor series of Serf′ about c is "
        "summed instead (47 terms, coefficients from mpmath, Horner's rule; `np.abs` selects the stretch and "
        "`np.full_like` starts the sum): $d = x - c$ is exact near c, and only the constant term can cancel, at "
        "$x_0$ itself. Below ln m the derivative is $\\frac{2}{\\sqrt{\\pi}}((1 + x) e^{x/2})\\,e^{x/2}$. Both "
        "kernels run on blocks of 65536 elements, as QuickGELU's do.",
    ),
))
