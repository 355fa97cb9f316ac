"""ELU (exponential linear unit)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise, real_param
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Parameter, Properties, Reference, Text


@elementwise
def elu(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    r"""Exponential linear unit, element-wise.

    .. math:: \operatorname{ELU}(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.
    alpha : float, default 1.0
        The value -alpha that ELU approaches as x -> -inf. Any finite real number.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``.

    Raises
    ------
    ValueError
        If ``alpha`` is not finite.

    Notes
    -----
    ``exp(x) - 1`` cancels near 0: for x = -1e-10 it keeps only 7 correct
    digits, and for x = -1e-17 it gives 0. ``np.expm1`` computes e^x - 1
    without forming e^x. It is applied to ``np.minimum(x, 0)``, which is never
    positive, so no exponential can overflow. The result is the sum
    alpha * expm1(min(x, 0)) + ``np.maximum(x, 0)``, in which one of the two
    terms is an exact 0 for every x: no mask and no rounding in the sum.

    Examples
    --------
    >>> elu([-1e-17, 0.0, 2.0])
    array([-1.e-17,  0.e+00,  2.e+00])
    """
    a = real_param(alpha, "alpha")
    out = np.minimum(x, 0)  # only x <= 0 needs the exponential: no overflow
    np.expm1(out, out=out)  # e^x - 1 without cancellation near 0
    np.multiply(out, a, out=out)  # alpha (e^x - 1) for x <= 0, and 0 for x > 0
    # + x for x > 0: each sum has an exact 0 in it
    np.add(out, np.maximum(x, 0), out=out)
    return out


@elementwise
def elu_derivative(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    r"""Derivative of ELU with respect to x, element-wise.

    .. math:: \operatorname{ELU}'(x) = \begin{cases} 1 & x > 0 \\ \alpha\,e^{x} & x \le 0 \end{cases}

    At x = 0 the value is alpha, as PyTorch autograd gives it (for the
    default alpha = 1 both one-sided derivatives are 1).

    ``np.exp`` of ``np.minimum(x, 0)`` cannot overflow; times alpha it is
    alpha e^x for x <= 0 and alpha for x > 0. For 0 <= alpha <= 1,
    ``np.maximum`` with the comparison x > 0 then gives 1 for x > 0 and keeps
    alpha e^x >= 0 for x <= 0. For other alpha, the step s = x > 0 from
    ``np.greater`` gives alpha e^x (1 - s) + s, exactly one of the two.

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`elu`).
    alpha : float, default 1.0
        See :func:`elu`.

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``.

    Examples
    --------
    >>> elu_derivative([-1.0, 0.0, 2.0])
    array([0.36787944, 1.        , 1.        ])
    """
    a = real_param(alpha, "alpha")
    out = np.minimum(x, 0)  # exp of min(x, 0) cannot overflow
    np.exp(out, out=out)
    if a != 1:
        np.multiply(out, a, out=out)  # alpha * e^x for x <= 0, alpha for x > 0
    if 0 <= a <= 1:
        # 1 for x > 0 (alpha <= 1), alpha e^x >= 0 for x <= 0
        np.maximum(out, x > 0, out=out)
        return out
    step = np.greater(x, 0, out=np.empty_like(x))  # 1 for x > 0, 0 for x <= 0
    np.multiply(out, 1 - step, out=out)
    # alpha e^x (1 - step) + step: exactly one of the two
    np.add(out, step, out=out)
    return out


def _naive(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    return np.where(x < 0, alpha * (np.exp(x) - 1), x)


def _naive_derivative(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    return np.where(x < 0, alpha * np.exp(x), 1)


SPEC = register(Activation(
    name="elu",
    slug="elu",
    order=50,
    title=Text("ELU", "ELU"),
    full_name=Text("指数线性单元", "exponential linear unit"),
    summary=Text(
        "负半轴用指数平滑地趋向 −α，输出均值更接近零；正半轴为恒等。",
        "Approaches −α smoothly for negative input, pulling mean activations towards "
        "zero; the identity for positive input.",
    ),
    forward=elu,
    derivative=elu_derivative,
    latex=r"\operatorname{ELU}(x) = \begin{cases} x, & x > 0 \\ \alpha\left(e^{x} - 1\right), & x \le 0 \end{cases}",
    latex_derivative=r"\operatorname{ELU}'(x) = \begin{cases} 1, & x > 0 \\ \alpha\,e^{x}, & x \le 0 \end{cases}",
    parameters=(
        Parameter(
            "alpha", r"\alpha", 1.0, r"\alpha \in \mathbb{R},\ |\alpha| < \infty",
            Text("x → −∞ 时 ELU 趋向 −α，决定负半轴的饱和值；通常取 α > 0",
                 "ELU tends to −α as x → −∞: the saturation value for negative input; usually α > 0"),
        ),
    ),
    properties=Properties(
        range=r"(-\alpha,\ +\infty)",
        monotonic=True,
        smoothness=r"C^1\ (\alpha = 1);\ C^0\ (\alpha \ne 1)",
        zero_centred=False,
        saturation=("soft", "none"),
        bounded="below",
        lower=-1.0,
        upper=float("inf"),
        note=Text("单调（不减）要求 α ≥ 0；α = 0 时就是 ReLU（负半轴硬饱和）。α = 1 时导数在 0 处连续，函数为 C¹。",
                  "Monotonic (non-decreasing) for α ≥ 0; α = 0 gives ReLU (hard saturation for "
                  "x < 0). With α = 1 the derivative is continuous at 0 and ELU is C¹."),
    ),
    kink=Text(
        "α ≠ 1 时 x = 0 处不可导；本包取 ELU′(0) = α，与 PyTorch 自动求导一致。默认 α = 1 时两侧导数都是 1。",
        "For α ≠ 1, ELU is not differentiable at x = 0; this package uses ELU′(0) = α, "
        "as PyTorch autograd does. At the default α = 1 both one-sided derivatives are 1.",
    ),
    references=(
        Reference(
            "Djork-Arné Clevert, Thomas Unterthiner, Sepp Hochreiter", 2016,
            "Fast and accurate deep network learning by exponential linear units (ELUs)",
            "ICLR 2016", "https://arxiv.org/abs/1511.07289",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.elu", "(input, alpha=1.0, inplace=False)",
            module="torch.nn.ELU(alpha=1.0)",
            call="torch.nn.functional.elu(x)",
            backward="torch.ops.aten.elu_backward(g, alpha, 1, 1, False, x)",
        ),
        FrameworkName(
            "Keras", "keras.activations.elu", "(x, alpha=1.0)",
            module="keras.layers.ELU(alpha=1.0)",
            difference=Text(
                "在 JAX 后端上调用 jax.nn.elu，导数的差异与 JAX 一行相同。",
                "On the JAX backend it calls jax.nn.elu: the derivative differs as in the JAX row."),
            call="keras.activations.elu(x)",
            deviations=(
                Deviation("df", -88.72, 0.0),
                Deviation("df", -709.78, 0.0),
                Deviation("df", -710.0, 0.0),
                Deviation("df", -10.0, 4.539992976249074e-05),
                Deviation("df", -25.0, 1.3887890837338546e-11),
                Deviation("df", -37.0, 1.1102230246251565e-16),
                Deviation("df", -40.0, 0.0),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.elu", "(x, alpha=1.0)",
            difference=Text(
                "负半轴的导数由 expm1 的结果按 α·(expm1(x) + 1) 算出："
                "x 越负丢失的有效数字越多，x ≲ −37 时只剩舍入误差或为 0（真值 $\\alpha e^{x}$）。",
                "On the negative side the derivative is computed from the result of expm1 as α·(expm1(x) + "
                "1): the more negative x, the more digits are lost, and for x ≲ −37 only rounding error or 0 "
                "is left (the true value is $\\alpha e^{x}$)."),
            call="jax.nn.elu(x)",
            deviations=(
                Deviation("df", -88.72, 0.0),
                Deviation("df", -709.78, 0.0),
                Deviation("df", -710.0, 0.0),
                Deviation("df", -10.0, 4.539992976249074e-05),
                Deviation("df", -25.0, 1.3887890837338546e-11),
                Deviation("df", -37.0, 1.1102230246251565e-16),
                Deviation("df", -40.0, 0.0),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.elu", "(x, alpha=1.0, name=None)",
            module="paddle.nn.ELU(alpha=1.0)",
            difference=Text(
                "前向按 $\\alpha(e^{x} - 1)$ 计算，x 接近 0 时两数相减抵消："
                "x = −1e−17、−1e−300 处得 0，x = −1e−10 处只剩约 7 位有效数字。"
                "负半轴的导数由函数值加 α 算出，x ≲ −37 时只剩舍入误差或为 0。",
                "The forward pass computes $\\alpha(e^{x} - 1)$, which cancels near 0: x = −1e−17 and −1e−300 "
                "give 0, and x = −1e−10 keeps about 7 correct digits. On the negative side the derivative is "
                "computed as the value plus α, and for x ≲ −37 only rounding error or 0 is left."),
            call="paddle.nn.functional.elu(x)",
            deviations=(
                Deviation("f", -1e-300, 0.0),
                Deviation("f", -1e-10, -1.000000082740371e-10),
                Deviation("f", -1e-17, 0.0),
                Deviation("df", -88.72, 0.0),
                Deviation("df", -709.78, 0.0),
                Deviation("df", -710.0, 0.0),
                Deviation("df", -10.0, 4.539992976249074e-05),
                Deviation("df", -25.0, 1.3887890837338546e-11),
                Deviation("df", -37.0, 1.1102230246251565e-16),
                Deviation("df", -40.0, 0.0),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.elu", "(input_x, alpha=1.0)",
            module="mindspore.nn.ELU(alpha=1.0)",
            difference=Text(
                "文档写明 alpha 目前只支持 1.0，输入只支持 float16 和 float32。",
                "Its documentation says that alpha supports only 1.0 for now, and the input float16 and "
                "float32 only."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.elu.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-1e-10, -1e-17, 1000.0),
    plot_range=(-4.0, 4.0),
    kink_points=lambda **_: (0.0,),
    implementation=Text(
        "前向先取 `np.minimum(x, 0)`，指数只作用在这个永不为正的数上，所以不会上溢；"
        "再用 `np.expm1` 直接算 $e^{x} - 1$，不先形成 $e^{x}$，在 0 附近也没有相消误差。"
        "乘以 α 后加上 `np.maximum(x, 0)`：对每个 x，两项中总有一项恰好是 0，"
        "所以既不需要掩码，求和也不引入舍入。导数用 `np.exp` 求 $e^{\\min(x,\\,0)}$ 再乘以 α，"
        "x ≤ 0 处得到 $\\alpha e^{x}$、x > 0 处得到 α；0 ≤ α ≤ 1 时与比较结果 x > 0 取 `np.maximum`，"
        "把正半轴变成 1；其他 α 则用 `np.greater` 得到阶跃 s，计算 $\\alpha e^{x}(1 - s) + s$，"
        "两项中恰好保留一项。",
        "The forward pass first takes `np.minimum(x, 0)`, so the exponential only ever sees a "
        "number that is not positive and cannot overflow; `np.expm1` then computes $e^{x} - 1$ "
        "directly, without forming $e^{x}$, so there is no cancellation near 0. The result, "
        "times α, is added to `np.maximum(x, 0)`: for every x one of the two terms is exactly 0, "
        "so no mask is needed and the sum adds no rounding. The derivative takes `np.exp` of "
        "$\\min(x, 0)$ and multiplies by α, which gives $\\alpha e^{x}$ for x ≤ 0 and α for x > 0; "
        "for 0 ≤ α ≤ 1, `np.maximum` with the comparison x > 0 turns the positive side into 1, "
        "and for other α the step s from `np.greater` gives $\\alpha e^{x}(1 - s) + s$, which "
        "keeps exactly one of the two terms.",
    ),
))
