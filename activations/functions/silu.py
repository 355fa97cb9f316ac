"""SiLU (sigmoid linear unit, Swish-1)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Properties, Reference, Text

#: c = -1309/1024, exact in float16/32/64 and close to the root x0 = -1.27846 of
#: 1 + x + e^x (the root of SiLU'); E = e^c and K = 1 + c + e^c, correctly
#: rounded to float64 (from mpmath at 40 digits).
_C = -1.2783203125
_E = 0.27850470867127625
_K = 0.0001843961712762483
#: Beyond |x| = 2000 SiLU' is 1 or 0 in every dtype: clip there so that no
#: infinity meets a 0.
_BIG = 2000.0


def _tail(x: np.ndarray, scale_plus_one: bool) -> np.ndarray:
    """x e^x (or (1 + x) e^x) for x far below 0, as (x e^{x/2}) e^{x/2}."""
    t = np.maximum(x, -_BIG)  # -inf -> -2000, where the result is 0
    h = np.exp(t / 2)  # normal where e^x would be subnormal
    return ((1 + t if scale_plus_one else t) * h) * h


@elementwise
def silu(x: np.ndarray) -> np.ndarray:
    r"""SiLU (Swish-1), x times the logistic sigmoid of x, element-wise.

    .. math:: \operatorname{SiLU}(x) = x\,\sigma(x) = \frac{x}{1 + e^{-x}}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [-0.2784645427610738, inf].

    Notes
    -----
    ``x / (1 + exp(-x))`` is a few ulp from the exact value wherever
    ``exp(-x)`` is finite. Below log(tiny) (-708.40 in float64) ``exp(-x)``
    overflows or, as e^x, is subnormal, although x e^x is still normal down
    to x = -715: there SiLU(x) rounds to x e^x, which is computed as
    (x e^{x/2}) e^{x/2}, where e^{x/2} is a normal number. The input of the
    main formula is ``np.maximum(x, log(tiny))``, so nothing overflows.

    Examples
    --------
    >>> silu([-1.0, 0.0, 2.0])
    array([-0.26894142,  0.        ,  1.76159416])
    """
    low = np.log(np.finfo(x.dtype).tiny)  # below, e^x is subnormal
    out = np.maximum(x, low)  # e^{-x} stays finite
    np.negative(out, out=out)
    np.exp(out, out=out)
    np.add(out, 1, out=out)
    np.divide(x, out, out=out)  # x / (1 + e^{-x})
    tail = x < low
    if tail.any():  # x e^x, without the subnormal e^x
        out[tail] = _tail(x[tail], False)
    return out


@elementwise
def silu_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of SiLU with respect to x, element-wise.

    .. math:: \operatorname{SiLU}'(x) = \sigma(x)\bigl(1 + x\,(1 - \sigma(x))\bigr)
              = \frac{e^{x}\,(1 + x + e^{x})}{(1 + e^{x})^{2}}

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`silu`).

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in about [-0.0998, 1.0998].

    Notes
    -----
    SiLU'(x) + SiLU'(-x) = 1, so the value g = SiLU'(n) is computed at
    n = -|x| <= 0 only, where no exponential overflows, and 1 - g is taken
    for x >= 0 (|g| <= 0.1 for x >= 1.28: no cancellation).

    For n <= 0, g = e^n N / (1 + e^n)^2 with N = 1 + n + e^n, which is 0 at
    the root x0 = -1.27846 of SiLU'. Near x0 the sum N cancels, and even a
    correctly rounded e^n leaves up to 4 ulp in it at |n - x0| = 0.03. So N
    is expanded about c = -1309/1024, a float next to x0:
    N = K + d + e^c expm1(d), with d = n - c exact near c (Sterbenz) and the
    constant K = 1 + c + e^c taken from mpmath; d and e^c expm1(d) have the
    same sign, so only the tiny K can cancel, at x0 itself.

    Below log(tiny) e^n is subnormal, and (1 + n) e^n is computed as
    ((1 + n) e^{n/2}) e^{n/2} instead, as in :func:`silu`.

    Examples
    --------
    >>> silu_derivative([-1.0, 0.0, 2.0])
    array([0.07232949, 0.5       , 1.09078425])
    """
    low = np.log(np.finfo(x.dtype).tiny)
    out = np.abs(x)
    np.minimum(out, _BIG, out=out)  # no infinity: SiLU'(±2000) is 1 or 0
    np.negative(out, out=out)  # n = -|x|
    tmp = np.subtract(out, _C)  # d = n - c: exact near c
    np.expm1(tmp, out=out)
    np.multiply(out, _E, out=out)  # e^c expm1(d) = e^n - e^c
    np.add(tmp, out, out=tmp)
    # N = K + d + e^c expm1(d): no cancellation but in K, at the root
    np.add(tmp, _K, out=tmp)
    np.abs(x, out=out)
    np.negative(out, out=out)
    np.exp(out, out=out)  # e^n, in (0, 1]
    np.multiply(tmp, out, out=tmp)
    np.add(out, 1, out=out)
    np.divide(tmp, out, out=tmp)
    np.divide(tmp, out, out=tmp)  # g = e^n N / (1 + e^n)^2
    # SiLU'(x) = g for x < 0 and 1 - g for x >= 0: s - s g with s = ±1
    np.copysign(1, x, out=out)
    np.multiply(tmp, out, out=tmp)
    np.maximum(out, 0, out=out)
    np.subtract(out, tmp, out=out)
    tail = x < low
    if tail.any():  # (1 + x) e^x, without the subnormal e^x
        out[tail] = _tail(x[tail], True)
    return out


def _naive(x: np.ndarray) -> np.ndarray:
    return x * (1 / (1 + np.exp(-x)))


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    s = 1 / (1 + np.exp(-x))
    return s * (1 + x * (1 - s))


SPEC = register(Activation(
    name="silu",
    slug="silu",
    order=400,
    title=Text("SiLU", "SiLU"),
    full_name=Text("Sigmoid 加权线性单元（Swish-1）", "sigmoid linear unit (Swish-1)"),
    summary=Text(
        "输入乘以自身的 Sigmoid：光滑、非单调，负半轴有一个浅谷后趋于 0，正半轴趋近恒等。",
        "The input times its own sigmoid: smooth and non-monotonic, with a shallow dip for "
        "negative input before it tends to 0, and close to the identity for positive input.",
    ),
    forward=silu,
    derivative=silu_derivative,
    latex=r"\operatorname{SiLU}(x) = x\,\sigma(x) = \frac{x}{1 + e^{-x}}",
    latex_derivative=r"\operatorname{SiLU}'(x) = \sigma(x)\bigl(1 + x\,(1 - \sigma(x))\bigr)"
    r" = \sigma(x) + x\,\sigma'(x)",
    parameters=(),
    properties=Properties(
        range=r"[-0.2785,\ +\infty)",
        monotonic=False,
        smoothness=r"C^\infty",
        zero_centred=False,
        saturation=("soft", "none"),
        bounded="below",
        lower=-0.2784645427610738,
        upper=float("inf"),
        note=Text(
            "最小值在 x₀ ≈ −1.2785 处，SiLU(x₀) = x₀ + 1 ≈ −0.2785；x < x₀ 时递减，x > x₀ 时递增。"
            "导数的取值范围约为 [−0.0998, 1.0998]，且 SiLU′(x) + SiLU′(−x) = 1。",
            "The minimum is at x₀ ≈ −1.2785, where SiLU(x₀) = x₀ + 1 ≈ −0.2785; SiLU decreases "
            "for x < x₀ and increases for x > x₀. The derivative lies in about [−0.0998, 1.0998], "
            "and SiLU′(x) + SiLU′(−x) = 1."),
    ),
    kink=None,
    references=(
        Reference(
            "Dan Hendrycks, Kevin Gimpel", 2016,
            "Gaussian error linear units (GELUs)",
            "arXiv:1606.08415", "https://arxiv.org/abs/1606.08415",
        ),
        Reference(
            "Stefan Elfwing, Eiji Uchibe, Kenji Doya", 2018,
            "Sigmoid-weighted linear units for neural network function approximation in "
            "reinforcement learning",
            "Neural Networks 107 (arXiv:1702.03118, 2017)",
            "https://doi.org/10.1016/j.neunet.2017.12.012",
        ),
        Reference(
            "Prajit Ramachandran, Barret Zoph, Quoc V. Le", 2017,
            "Searching for activation functions",
            "arXiv:1710.05941", "https://arxiv.org/abs/1710.05941",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.silu", "(input, inplace=False)",
            module="torch.nn.SiLU(inplace=False)",
            difference=Text(
                "前向按 x·σ(x) 计算：x ≲ −709.78 时 σ(x) 下溢为 0，结果为 −0"
                "（真值到 x ≈ −745 仍不为 0），x = −∞ 时 0 与 −∞ 相乘，得 NaN。"
                "自动求导在 ±∞ 处给出 NaN，在 x ≲ −709.78 处给出 −0；x = 37 处 1 − σ(x) 相消，"
                "导数为 1（真值 1.000000000000003）。",
                "The forward pass computes x·σ(x): for x ≲ −709.78, σ(x) underflows to 0 and the "
                "result is −0 (the true value is not 0 down to x ≈ −745), and at x = −∞, (−∞)·0 is "
                "NaN. Autograd gives NaN at ±∞ and −0 for x ≲ −709.78; at x = 37, 1 − σ(x) cancels "
                "and the derivative is 1 (the true value is 1.000000000000003)."),
            call="torch.nn.functional.silu(x)",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -710.0, -0.0),
                Deviation("f", -745.13, -0.0),
                Deviation("f", -720.0, -0.0),
                Deviation("f", -740.0, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -710.0, -0.0),
                Deviation("df", -745.13, -0.0),
                Deviation("df", 37.0, 1.0),
                Deviation("df", -720.0, -0.0),
                Deviation("df", -740.0, -0.0),
            ),
        ),
        FrameworkName(
            "Keras", "keras.activations.silu", "(x)",
            difference=Text(
                "在 JAX 后端上调用 jax.nn.silu，差异与 JAX 一行相同。",
                "On the JAX backend it calls jax.nn.silu: it differs as the JAX row does."),
            call="keras.activations.silu(x)",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -709.78, -0.0),
                Deviation("f", -710.0, -0.0),
                Deviation("f", -745.13, -0.0),
                Deviation("f", -720.0, -0.0),
                Deviation("f", -740.0, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -709.78, 0.0),
                Deviation("df", -710.0, 0.0),
                Deviation("df", -745.13, 0.0),
                Deviation("df", 37.0, 1.0),
                Deviation("df", -720.0, 0.0),
                Deviation("df", -740.0, 0.0),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.silu", "(x)",
            difference=Text(
                "与 PyTorch 一行相同，都按 x·σ(x) 计算；此外 CPU 上的 XLA 把次正规数按 0 处理"
                "（flush-to-zero），所以 x = −709.78 处的值也是 −0，尾部的导数为 0。",
                "As in the PyTorch row, it computes x·σ(x); in addition XLA on the CPU flushes "
                "subnormal numbers to 0, so the value at x = −709.78 is −0 as well, and the "
                "derivative in the tail is 0."),
            call="jax.nn.silu(x)",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -709.78, -0.0),
                Deviation("f", -710.0, -0.0),
                Deviation("f", -745.13, -0.0),
                Deviation("f", -720.0, -0.0),
                Deviation("f", -740.0, -0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -709.78, 0.0),
                Deviation("df", -710.0, 0.0),
                Deviation("df", -745.13, 0.0),
                Deviation("df", 37.0, 1.0),
                Deviation("df", -720.0, 0.0),
                Deviation("df", -740.0, 0.0),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.silu", "(x, inplace=False, name=None)",
            module="paddle.nn.Silu(inplace=False)",
            difference=Text(
                "前向与 PyTorch 一样在 x ≲ −709.78 处得 −0、在 −∞ 处得 NaN。"
                "反向在 x ≲ −709.78 处给出 −∞ 或 NaN（真值是接近 0 的负数），在 +∞ 处给出 +∞，"
                "在 x = 1e300 处给出 1.0000000055555296（真值 1）。",
                "The forward pass gives −0 for x ≲ −709.78 and NaN at −∞, as PyTorch does. The "
                "backward pass gives −∞ or NaN for x ≲ −709.78 (the true value is a negative number "
                "close to 0), +∞ at +∞, and 1.0000000055555296 at x = 1e300 (the true value is 1)."),
            call="paddle.nn.functional.silu(x)",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", -710.0, -0.0),
                Deviation("f", -745.13, -0.0),
                Deviation("f", -720.0, -0.0),
                Deviation("f", -740.0, -0.0),
                Deviation("df", float("inf"), float("inf")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", -709.78, float("-inf")),
                Deviation("df", -710.0, float("nan")),
                Deviation("df", -745.13, float("nan")),
                Deviation("df", -800.0, float("nan")),
                Deviation("df", 1e+300, 1.0000000055555296),
                Deviation("df", -1e+300, float("nan")),
                Deviation("df", -720.0, float("nan")),
                Deviation("df", -740.0, float("nan")),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.silu", "(input)",
            module="mindspore.nn.SiLU()",
            difference=Text(
                "文档写明输入只支持 float16 和 float32。",
                "Its documentation says that the input must be float16 or float32."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.silu.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-710.0, -720.0, -740.0),
    plot_range=(-6.0, 4.0),
    implementation=Text(
        "前向按 $x / (1 + e^{-x})$ 计算：先取 `np.maximum(x, ln m)`（m 是最小的正规数，"
        "双精度下 ln m ≈ −708.4），保证 `np.exp` 不会上溢，再加 1、用 x 去除。"
        "x < ln m 时 $e^{x}$ 已是次正规数，而 $x e^{x}$ 在 x ≳ −715 时仍是正规数，"
        "这些位置（`np.log` 和 `np.finfo` 给出阈值）改算 $(x e^{x/2})\\,e^{x/2}$，"
        "其中 $e^{x/2}$ 仍是正规数；−∞ 先经 `np.maximum` 截到 −2000，结果为 0。"
        "导数利用 $\\operatorname{SiLU}'(x) + \\operatorname{SiLU}'(-x) = 1$，"
        "只在 $n = -|x| \\le 0$ 处算 $g = e^{n} N / (1 + e^{n})^{2}$，其中 $N = 1 + n + e^{n}$"
        "（`np.abs` 取绝对值，`np.minimum` 截到 2000，避免 ∞ 与 0 相乘），"
        "x ≥ 0 时再取 $1 - g$：`np.copysign` 给出 $s = \\pm 1$，结果为 $\\max(s, 0) - s g$"
        "（`np.maximum`）。导数的零点 $x_0 \\approx -1.2785$ 附近 N 相互抵消，"
        "所以 N 在 $c = -1309/1024$ 处展开：$N = K + d + e^{c}\\,\\mathrm{expm1}(d)$，"
        "$d = n - c$ 在 c 附近精确，`np.expm1` 没有相消误差，常数 $K = 1 + c + e^{c}$ 由 mpmath 预先算好，"
        "d 与 $e^{c}\\,\\mathrm{expm1}(d)$ 同号，只有在 $x_0$ 本身才会抵消；$e^{n}$ 用 `np.exp` 单独计算。"
        "x < ln m 处同样改算 $((1 + x) e^{x/2})\\,e^{x/2}$。",
        "The forward pass computes $x / (1 + e^{-x})$: it first takes `np.maximum(x, ln m)` (m "
        "the smallest normal number, ln m ≈ −708.4 in float64), so that `np.exp` cannot "
        "overflow, then adds 1 and divides x by the sum. Below ln m, $e^{x}$ is subnormal while "
        "$x e^{x}$ is still normal down to x ≈ −715: there (the threshold from `np.log` and "
        "`np.finfo`) it computes $(x e^{x/2})\\,e^{x/2}$ instead, in which $e^{x/2}$ is normal; "
        "−∞ is first raised to −2000 by `np.maximum` and gives 0. The derivative uses "
        "$\\operatorname{SiLU}'(x) + \\operatorname{SiLU}'(-x) = 1$: it computes "
        "$g = e^{n} N / (1 + e^{n})^{2}$ with $N = 1 + n + e^{n}$ only at $n = -|x| \\le 0$ "
        "(`np.abs`, then `np.minimum` at 2000, so that no ∞ meets a 0) and takes $1 - g$ for "
        "x ≥ 0: `np.copysign` gives $s = \\pm 1$ and the result is $\\max(s, 0) - s g$ "
        "(`np.maximum`). Near the derivative's root $x_0 \\approx -1.2785$ the sum N cancels, so "
        "N is expanded about $c = -1309/1024$: $N = K + d + e^{c}\\,\\mathrm{expm1}(d)$, where "
        "$d = n - c$ is exact near c, `np.expm1` does not cancel, and the constant "
        "$K = 1 + c + e^{c}$ comes from mpmath; d and $e^{c}\\,\\mathrm{expm1}(d)$ have the same "
        "sign, so only at $x_0$ itself can anything cancel. $e^{n}$ is a separate `np.exp`. Below "
        "ln m it computes $((1 + x) e^{x/2})\\,e^{x/2}$ instead, as the forward pass does.",
    ),
))
