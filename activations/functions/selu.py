"""SELU (scaled exponential linear unit)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Properties, Reference, Text

#: alpha_01 and lambda_01 of Klambauer et al. (2017), the fixed point (mean 0,
#: variance 1) of the mapping of a layer's moments: the 32 digits of the
#: authors' code (bioinf-jku/SNNs, selu.py), also in torch and JAX; mpmath from
#: the paper's closed forms agrees to all 32. Rounded to float64 here.
ALPHA = 1.6732632423543772848170429916717
SCALE = 1.0507009873554804934193349852946
#: lambda alpha = 1.75809934084737685994..., rounded once (the product of the
#: two rounded constants above is one ulp lower): SELU(-inf) = -lambda alpha.
SCALED_ALPHA = 1.7580993408473768599


@elementwise
def selu(x: np.ndarray) -> np.ndarray:
    r"""Scaled exponential linear unit, element-wise.

    .. math:: \operatorname{SELU}(x) = \lambda \begin{cases} x & x > 0 \\
              \alpha\,(e^{x} - 1) & x \le 0 \end{cases}

    with :math:`\alpha \approx 1.6732632423543772848` and
    :math:`\lambda \approx 1.0507009873554804934` (Klambauer et al., 2017).

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in (-lambda alpha, inf].

    Notes
    -----
    ``exp(x) - 1`` cancels near 0 (7 correct digits at x = -1e-10, none at
    x = -1e-17). ``np.expm1`` of ``np.minimum(x, 0)`` has no cancellation and
    no overflow; times lambda alpha (one rounded constant, so that
    SELU(-inf) is -lambda alpha exactly) it is added to lambda times
    ``np.maximum(x, 0)``, a sum in which one term is an exact 0: for x > 0
    the result is lambda x rounded once (inf where lambda x exceeds the
    largest float, under ``np.errstate(over="ignore")``).

    Examples
    --------
    >>> selu([-1e-17, 0.0, 1.0])
    array([-1.75809934e-17,  0.00000000e+00,  1.05070099e+00])
    """
    out = np.minimum(x, 0)  # only x <= 0 needs the exponential: no overflow
    np.expm1(out, out=out)  # e^x - 1 without cancellation near 0
    np.multiply(out, SCALED_ALPHA, out=out)
    pos = np.maximum(x, 0)
    # lambda x > the largest float rounds to inf: the right answer
    with np.errstate(over="ignore"):
        np.multiply(pos, SCALE, out=pos)
    # + lambda x for x > 0: each sum has an exact 0 in it
    np.add(out, pos, out=out)
    return out


@elementwise
def selu_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of SELU with respect to x, element-wise.

    .. math:: \operatorname{SELU}'(x) = \lambda \begin{cases} 1 & x > 0 \\
              \alpha\,e^{x} & x \le 0 \end{cases}

    At x = 0 the value is lambda alpha (the left derivative), as PyTorch
    autograd gives it.

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`selu`).

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``, values in [0, lambda alpha].

    Notes
    -----
    ``np.exp`` of ``np.minimum(x, 0)`` cannot overflow; times alpha it is
    alpha e^x for x <= 0 and alpha for x > 0. Multiplied by the comparison
    x <= 0 it keeps alpha e^x and turns the positive side into 0 (NaN stays
    NaN); ``np.maximum`` with the comparison x > 0 then makes that side 1.
    The last step multiplies by lambda.

    Examples
    --------
    >>> selu_derivative([-1.0, 0.0, 2.0])
    array([0.6467686 , 1.75809934, 1.05070099])
    """
    out = np.minimum(x, 0)  # exp of min(x, 0) cannot overflow
    np.exp(out, out=out)
    np.multiply(out, ALPHA, out=out)  # alpha e^x (x <= 0), alpha (x > 0)
    np.multiply(out, x <= 0, out=out)  # 0 for x > 0; NaN * 0 stays NaN
    np.maximum(out, x > 0, out=out)  # 1 for x > 0
    np.multiply(out, SCALE, out=out)
    return out


def _naive(x: np.ndarray) -> np.ndarray:
    lam, alpha = 1.0507009873554805, 1.6732632423543772
    return lam * np.where(x > 0, x, alpha * (np.exp(x) - 1))


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    lam, alpha = 1.0507009873554805, 1.6732632423543772
    return lam * np.where(x > 0, 1, alpha * np.exp(x))


SPEC = register(Activation(
    name="selu",
    slug="selu",
    order=300,
    title=Text("SELU", "SELU"),
    full_name=Text("缩放指数线性单元", "scaled exponential linear unit"),
    summary=Text(
        "λ 倍的 ELU（α、λ 为固定常数），配合 LeCun 初始化，使全连接网络各层的激活自动趋向均值 0、方差 1。",
        "ELU scaled by λ, with fixed α and λ: with LeCun initialization, the activations of a "
        "fully connected network are driven towards mean 0 and variance 1 layer after layer.",
    ),
    forward=selu,
    derivative=selu_derivative,
    latex=r"\operatorname{SELU}(x) = \lambda \begin{cases} x, & x > 0 \\ \alpha\left(e^{x} - 1\right), & x \le 0 "
    r"\end{cases}, \quad \alpha \approx 1.6732632423543772848,\ \lambda \approx 1.0507009873554804934",
    latex_derivative=r"\operatorname{SELU}'(x) = \lambda \begin{cases} 1, & x > 0 \\ \alpha\,e^{x}, & x \le 0 "
    r"\end{cases}",
    parameters=(),
    properties=Properties(
        range=r"(-\lambda\alpha,\ +\infty),\ \lambda\alpha \approx 1.7581",
        monotonic=True,
        smoothness=r"C^0",
        zero_centred=False,
        saturation=("soft", "none"),
        bounded="below",
        lower=-SCALED_ALPHA,
        upper=float("inf"),
        note=Text(
            "没有可调参数：α 与 λ 是论文解出的常数，不应改动。导数在 0 处从 λα ≈ 1.758 跳到 λ ≈ 1.051。",
            "No parameters: α and λ are the constants the paper solves for and are not meant to be "
            "changed. The derivative jumps at 0 from λα ≈ 1.758 to λ ≈ 1.051."),
    ),
    kink=Text(
        "x = 0 处不可导：左导数 λα ≈ 1.758，右导数 λ ≈ 1.051。"
        "本包取 SELU′(0) = λα（左导数），与 PyTorch 自动求导一致。",
        "Not differentiable at x = 0: the left derivative is λα ≈ 1.758 and the right one λ ≈ 1.051. "
        "This package uses SELU′(0) = λα (the left derivative), as PyTorch autograd does.",
    ),
    references=(
        Reference(
            "Günter Klambauer, Thomas Unterthiner, Andreas Mayr, Sepp Hochreiter", 2017,
            "Self-normalizing neural networks",
            "Advances in Neural Information Processing Systems 30 (NeurIPS 2017), 971–980",
            "https://arxiv.org/abs/1706.02515",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.selu", "(input, inplace=False)",
            module="torch.nn.SELU(inplace=False)",
            call="torch.nn.functional.selu(x)",
        ),
        FrameworkName(
            "Keras", "keras.activations.selu", "(x)",
            difference=Text(
                "在 JAX 后端上调用 jax.nn.selu，导数的差异与 JAX 一行相同。",
                "On the JAX backend it calls jax.nn.selu: the derivative differs as in the JAX row."),
            call="keras.activations.selu(x)",
            deviations=(
                Deviation("df", -88.72, 0.0),
                Deviation("df", -709.78, 0.0),
                Deviation("df", -710.0, 0.0),
                Deviation("df", 5e-324, 1.7580993408473766),
                Deviation("df", -10.0, 7.981758658995217e-05),
                Deviation("df", -25.0, 2.4416291726885218e-11),
                Deviation("df", -37.0, 1.9518823677870685e-16),
                Deviation("df", -40.0, 0.0),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.selu", "(x)",
            difference=Text(
                "负半轴的导数由 expm1 的结果按 λα·(expm1(x) + 1) 算出："
                "x 越负丢失的有效数字越多，x ≲ −37 时只剩舍入误差或为 0（真值 $\\lambda\\alpha e^{x}$）。"
                "CPU 上的 XLA 把次正规数按 0 处理（flush-to-zero），所以 x = 5e−324 处导数取 x = 0 处的 λα。",
                "On the negative side the derivative is computed from the result of expm1 as λα·(expm1(x) + 1): "
                "the more negative x, the more digits are lost, and for x ≲ −37 only rounding error or 0 is "
                "left (the true value is $\\lambda\\alpha e^{x}$). XLA on the CPU flushes subnormal numbers "
                "to 0, so at x = 5e−324 the derivative is λα, its value at x = 0."),
            call="jax.nn.selu(x)",
            deviations=(
                Deviation("df", -88.72, 0.0),
                Deviation("df", -709.78, 0.0),
                Deviation("df", -710.0, 0.0),
                Deviation("df", 5e-324, 1.7580993408473766),
                Deviation("df", -10.0, 7.981758658995217e-05),
                Deviation("df", -25.0, 2.4416291726885218e-11),
                Deviation("df", -37.0, 1.9518823677870685e-16),
                Deviation("df", -40.0, 0.0),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.selu",
            "(x, scale=1.0507009873554805, alpha=1.6732632423543772, name=None)",
            module="paddle.nn.SELU(scale=1.0507009873554805, alpha=1.6732632423543772)",
            difference=Text(
                "scale 与 alpha 以单精度常数参与计算（scale 实为 1.0507010221481323），"
                "即使输入是双精度，几乎每个结果也只有约 7 位有效数字。前向按 $e^{x} - 1$ 计算，"
                "x = −1e−17 处得 0。导数由函数值加 λα 算出，两个常数的舍入不一致：x → −∞ 时导数趋于 "
                "−2.9e−8，是负数；NaN 处导数为 λ（本包为 NaN）。",
                "scale and alpha enter as single-precision constants (scale is in fact 1.0507010221481323), so "
                "even for a float64 input almost every result has only about 7 correct digits. The forward "
                "pass computes $e^{x} - 1$ and gives 0 at x = −1e−17. The derivative is computed as the value "
                "plus λα, and the two constants are rounded differently: as x → −∞ the derivative tends to "
                "−2.9e−8, a negative number; at NaN it is λ (this package: NaN)."),
            call="paddle.nn.functional.selu(x)",
            deviations=(
                Deviation("f", float("-inf"), -1.7580993463430303),
                Deviation("f", 88.72, 93.2181946849823),
                Deviation("f", -88.72, -1.7580993463430303),
                Deviation("f", 709.78, 745.7665715003013),
                Deviation("f", -709.78, -1.7580993463430303),
                Deviation("f", 710.0, 745.997725725174),
                Deviation("f", -710.0, -1.7580993463430303),
                Deviation("f", 745.13, 782.9088526332379),
                Deviation("f", -745.13, -1.7580993463430303),
                Deviation("f", 800.0, 840.5608177185059),
                Deviation("f", -800.0, -1.7580993463430303),
                Deviation("f", 1e-300, 1.0507010221481324e-300),
                Deviation("f", -1e-300, 0.0),
                Deviation("f", 1e+300, 1.0507010221481325e+300),
                Deviation("f", -1e+300, -1.7580993463430303),
                Deviation("f", 0.5, 0.5253505110740662),
                Deviation("f", -0.5, -0.6917581899652426),
                Deviation("f", 1.0, 1.0507010221481323),
                Deviation("f", -1.0, -1.1113307412864781),
                Deviation("f", 2.5, 2.626752555370331),
                Deviation("f", -2.5, -1.6137857639177853),
                Deviation("f", 10.0, 10.507010221481323),
                Deviation("f", -10.0, -1.758019528756191),
                Deviation("f", 25.0, 26.267525553703308),
                Deviation("f", -25.0, -1.758099346318614),
                Deviation("f", 37.0, 38.875937819480896),
                Deviation("f", -37.0, -1.7580993463430301),
                Deviation("f", 40.0, 42.02804088592529),
                Deviation("f", -40.0, -1.7580993463430303),
                Deviation("f", 1e-10, 1.0507010221481323e-10),
                Deviation("f", -1e-10, -1.7580999322168505e-10),
                Deviation("f", 1e-17, 1.0507010221481324e-17),
                Deviation("f", -1e-17, 0.0),
                Deviation("f", 1000.0, 1050.7010221481323),
                Deviation("f", -1000.0, -1.7580993463430303),
                Deviation("df", 0.0, 1.7580993175506592),
                Deviation("df", -0.0, 1.7580993175506592),
                Deviation("df", float("inf"), 1.0507010221481323),
                Deviation("df", float("-inf"), -2.879237115394062e-08),
                Deviation("df", float("nan"), 1.0507010221481323),
                Deviation("df", 88.72, 1.0507010221481323),
                Deviation("df", -88.72, -2.879237115394062e-08),
                Deviation("df", 709.78, 1.0507010221481323),
                Deviation("df", -709.78, -2.879237115394062e-08),
                Deviation("df", 710.0, 1.0507010221481323),
                Deviation("df", -710.0, -2.879237115394062e-08),
                Deviation("df", 745.13, 1.0507010221481323),
                Deviation("df", -745.13, -2.879237115394062e-08),
                Deviation("df", 800.0, 1.0507010221481323),
                Deviation("df", -800.0, -2.879237115394062e-08),
                Deviation("df", 1e-300, 1.0507010221481323),
                Deviation("df", -1e-300, 1.7580993175506592),
                Deviation("df", 5e-324, 1.0507010221481323),
                Deviation("df", -5e-324, 1.7580993175506592),
                Deviation("df", 1e+300, 1.0507010221481323),
                Deviation("df", -1e+300, -2.879237115394062e-08),
                Deviation("df", 0.5, 1.0507010221481323),
                Deviation("df", -0.5, 1.0663411275854164),
                Deviation("df", 1.0, 1.0507010221481323),
                Deviation("df", -1.0, 0.646768576264181),
                Deviation("df", 2.5, 1.0507010221481323),
                Deviation("df", -2.5, 0.1443135536328739),
                Deviation("df", 10.0, 1.0507010221481323),
                Deviation("df", -10.0, 7.978879446812748e-05),
                Deviation("df", 25.0, 1.0507010221481323),
                Deviation("df", -25.0, -2.876795490713846e-08),
                Deviation("df", 37.0, 1.0507010221481323),
                Deviation("df", -37.0, -2.8792370931896016e-08),
                Deviation("df", 40.0, 1.0507010221481323),
                Deviation("df", -40.0, -2.879237115394062e-08),
                Deviation("df", 1e-10, 1.0507010221481323),
                Deviation("df", -1e-10, 1.7580993173748491),
                Deviation("df", 1e-17, 1.0507010221481323),
                Deviation("df", -1e-17, 1.7580993175506592),
                Deviation("df", 1000.0, 1.0507010221481323),
                Deviation("df", -1000.0, -2.879237115394062e-08),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.selu", "(input_x)",
            module="mindspore.nn.SeLU()",
            difference=Text(
                "文档把常数写作 alpha = 1.67326324、scale = 1.05070098（只列 8 位小数）。",
                "Its documentation writes the constants as alpha = 1.67326324 and scale = 1.05070098 (8 "
                "decimals only)."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.selu.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-1e-10, -1e-17, 1000.0),
    plot_range=(-4.0, 4.0),
    kink_points=lambda **_: (0.0,),
    implementation=Text(
        "前向先取 `np.minimum(x, 0)`，指数只作用在这个永不为正的数上，不会上溢；"
        "再用 `np.expm1` 直接算 $e^{x} - 1$，在 0 附近没有相消误差，然后乘以常数 λα"
        "（λα 作为一个常数只舍入一次，所以 x → −∞ 时恰好得到 −λα；两个已舍入常数的乘积要小 1 个 ulp）。"
        "正半轴取 `np.maximum(x, 0)` 乘以 λ（在 `np.errstate(over=\"ignore\")` 下进行："
        "λx 超过最大浮点数时得到无穷大，这正是正确舍入的结果），两者相加：对每个 x，两项中总有一项恰好是 0，"
        "所以 x > 0 时结果就是 λx 舍入一次。导数用 `np.exp` 求 $e^{\\min(x,\\,0)}$ 再乘以 α，"
        "乘以比较结果 x ≤ 0 把正半轴变成 0（NaN 仍是 NaN），再与比较结果 x > 0 取 `np.maximum`，"
        "正半轴变成 1，最后整体乘以 λ。",
        "The forward pass first takes `np.minimum(x, 0)`, so the exponential only ever sees a "
        "number that is not positive and cannot overflow; `np.expm1` computes $e^{x} - 1$ "
        "directly, without cancellation near 0, and the result is multiplied by the constant λα "
        "(rounded once as one constant, so that x → −∞ gives exactly −λα; the product of the two "
        "rounded constants is one ulp lower). The positive side is `np.maximum(x, 0)` times λ "
        "(under `np.errstate(over=\"ignore\")`: where λx exceeds the largest float, the correctly "
        "rounded result is infinity), and "
        "the two are added: for every x one of the two terms is exactly 0, so for x > 0 the result "
        "is λx rounded once. The derivative takes `np.exp` of $\\min(x, 0)$ times α, multiplies "
        "it by the comparison x ≤ 0, which turns the positive side into 0 (NaN stays NaN), takes "
        "`np.maximum` with the comparison x > 0, which makes that side 1, and multiplies the "
        "whole by λ.",
    ),
))
