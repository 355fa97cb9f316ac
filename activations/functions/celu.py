"""CELU (continuously differentiable exponential linear unit)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise, real_param
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Parameter, Properties, Reference, Text


@elementwise
def celu(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    r"""Continuously differentiable exponential linear unit, element-wise.

    .. math:: \operatorname{CELU}(x) = \max(0, x)
              + \min\!\bigl(0,\ \alpha\,(e^{x/\alpha} - 1)\bigr)

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.
    alpha : float, default 1.0
        CELU tends to -alpha as x -> -inf (for alpha > 0). Any finite real
        number but 0.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``.

    Raises
    ------
    ValueError
        If ``alpha`` is 0 or not finite.

    Notes
    -----
    For x <= 0 and either sign of alpha, min(0, alpha (e^{x/alpha} - 1)) is
    alpha (e^{x/alpha} - 1), and for x > 0 it is 0: so the result is
    alpha * expm1(min(x, 0) / alpha) + ``np.maximum(x, 0)``, a sum in which
    one term is an exact 0. ``np.expm1`` keeps the digits that
    ``exp(.) - 1`` cancels near 0. For alpha > 0 the exponent is never
    positive; for alpha < 0 it is, and e^{x/alpha} may overflow to inf, the
    correctly rounded value, under ``np.errstate(over="ignore")`` (as may
    x / alpha for a tiny alpha). For alpha > 0 the rounding of x / alpha
    costs nothing: expm1 has a condition number below 1 for a negative
    argument.

    Examples
    --------
    >>> celu([-1e-17, 0.0, 2.0], alpha=2.0)
    array([-1.e-17,  0.e+00,  2.e+00])
    """
    a = real_param(alpha, "alpha", nonzero=True)
    out = np.minimum(x, 0)  # alpha > 0: the exponent is never positive
    # x / alpha and e^{x / alpha} overflow to inf only where that is right
    with np.errstate(over="ignore"):
        np.divide(out, a, out=out)
        np.expm1(out, out=out)  # e^t - 1 without cancellation near 0
        np.multiply(out, a, out=out)
    # + x for x > 0: each sum has an exact 0 in it
    np.add(out, np.maximum(x, 0), out=out)
    return out


@elementwise
def celu_derivative(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    r"""Derivative of CELU with respect to x, element-wise.

    .. math:: \operatorname{CELU}'(x) = \begin{cases} 1 & x > 0 \\
              e^{x/\alpha} & x \le 0 \end{cases}

    Continuous at 0 for every alpha (both sides give 1), as PyTorch autograd
    gives it.

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`celu`).
    alpha : float, default 1.0
        See :func:`celu`.

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``.

    Notes
    -----
    ``np.exp`` of min(x, 0) / alpha is e^{x/alpha} for x <= 0 and e^0 = 1
    for x > 0: the two branches in one expression, with no mask. For alpha
    < 0 it may overflow to inf, the correctly rounded value. For an alpha
    that is not a power of 2, x / alpha is rounded once, and e^t turns that
    into a relative error of up to |t| / 2 ulp (t = x / alpha): large only in
    the tail where e^t is tiny.

    Examples
    --------
    >>> celu_derivative([-2.0, 0.0, 2.0], alpha=2.0)
    array([0.36787944, 1.        , 1.        ])
    """
    a = real_param(alpha, "alpha", nonzero=True)
    out = np.minimum(x, 0)
    # alpha < 0 or tiny: overflow to inf only where that is right
    with np.errstate(over="ignore"):
        np.divide(out, a, out=out)
        np.exp(out, out=out)  # e^{x / alpha} for x <= 0, e^0 = 1 for x > 0
    return out


def _naive(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    return np.where(x > 0, x, alpha * (np.exp(x / alpha) - 1))


def _naive_derivative(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    return np.where(x > 0, 1, np.exp(x / alpha))


SPEC = register(Activation(
    name="celu",
    slug="celu",
    order=310,
    title=Text("CELU", "CELU"),
    full_name=Text("连续可导指数线性单元", "continuously differentiable exponential linear unit"),
    summary=Text(
        "把 ELU 指数里的 x 换成 x/α：对任意 α，导数在 0 处都连续（都是 1）。",
        "ELU with x/α in the exponent: for every α the derivative is continuous at 0, where it is 1.",
    ),
    forward=celu,
    derivative=celu_derivative,
    latex=r"\operatorname{CELU}(x) = \max(0, x) + \min\!\left(0,\ \alpha\left(e^{x/\alpha} - 1\right)\right)",
    latex_derivative=r"\operatorname{CELU}'(x) = \begin{cases} 1, & x > 0 \\ e^{x/\alpha}, & x \le 0 \end{cases}",
    parameters=(
        Parameter(
            "alpha", r"\alpha", 1.0, r"\alpha \ne 0",
            Text("α > 0 时，x → −∞ 时 CELU 趋向 −α，决定负半轴的饱和值；α = 0 没有定义",
                 "for α > 0, CELU tends to −α as x → −∞: the saturation value for negative input; "
                 "α = 0 is undefined"),
            check=lambda v: v != 0,
        ),
    ),
    properties=Properties(
        range=r"(-\alpha,\ +\infty)",
        monotonic=True,
        smoothness=r"C^1",
        zero_centred=False,
        saturation=("soft", "none"),
        bounded="below",
        lower=-1.0,
        upper=float("inf"),
        note=Text("α = 1 时与 ELU 完全相同。α > 0 时单调递增；二阶导数在 0 处从 1/α 跳到 0，所以是 C¹ 而不是 C²。",
                  "With α = 1 it is exactly ELU. Increasing for α > 0; the second derivative jumps "
                  "from 1/α to 0 at the origin, so CELU is C¹ but not C²."),
    ),
    kink=None,
    references=(
        Reference(
            "Jonathan T. Barron", 2017,
            "Continuously differentiable exponential linear units",
            "arXiv preprint arXiv:1704.07483", "https://arxiv.org/abs/1704.07483",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.celu", "(input, alpha=1.0, inplace=False)",
            module="torch.nn.CELU(alpha=1.0, inplace=False)",
            call="torch.nn.functional.celu(x)",
        ),
        FrameworkName(
            "Keras", "keras.activations.celu", "(x, alpha=1.0)",
            difference=Text(
                "在 JAX 后端上调用 jax.nn.celu，导数的差异与 JAX 一行相同。",
                "On the JAX backend it calls jax.nn.celu: the derivative differs as in the JAX row."),
            call="keras.activations.celu(x)",
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
            "JAX", "jax.nn.celu", "(x, alpha=1.0)",
            difference=Text(
                "负半轴的导数由 expm1 的结果按 expm1(x/α) + 1 算出："
                "x 越负丢失的有效数字越多，x ≲ −37 时只剩舍入误差或为 0（真值 $e^{x/\\alpha}$）。",
                "On the negative side the derivative is computed from the result of expm1 as expm1(x/α) + 1: "
                "the more negative x, the more digits are lost, and for x ≲ −37 only rounding error or 0 is "
                "left (the true value is $e^{x/\\alpha}$)."),
            call="jax.nn.celu(x)",
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
            "PaddlePaddle", "paddle.nn.functional.celu", "(x, alpha=1.0, name=None)",
            module="paddle.nn.CELU(alpha=1.0)",
            difference=Text(
                "前向按 $\\alpha(e^{x/\\alpha} - 1)$ 计算，x 接近 0 时相减抵消："
                "x = −1e−17、−1e−300 处得 0，x = −1e−10 处只剩约 7 位有效数字。"
                "导数在 x ≥ 710 时为 NaN（本包为 1），x ≤ −710 时为 5.6e−309 而不是 0 或真值 $e^{x}$。",
                "The forward pass computes $\\alpha(e^{x/\\alpha} - 1)$, which cancels near 0: x = −1e−17 "
                "and −1e−300 give 0, and x = −1e−10 keeps about 7 correct digits. The derivative is NaN for "
                "x ≥ 710 (this package: 1), and 5.6e−309 for x ≤ −710 instead of 0 or the true $e^{x}$."),
            call="paddle.nn.functional.celu(x)",
            deviations=(
                Deviation("f", -1e-300, 0.0),
                Deviation("f", -1e-10, -1.000000082740371e-10),
                Deviation("f", -1e-17, 0.0),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), 5.55552948377339e-309),
                Deviation("df", 710.0, float("nan")),
                Deviation("df", -710.0, 5.55552948377339e-309),
                Deviation("df", 745.13, float("nan")),
                Deviation("df", -745.13, 5.55552948377339e-309),
                Deviation("df", 800.0, float("nan")),
                Deviation("df", -800.0, 5.55552948377339e-309),
                Deviation("df", 1e+300, float("nan")),
                Deviation("df", -1e+300, 5.55552948377339e-309),
                Deviation("df", 1000.0, float("nan")),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.celu", "(x, alpha=1.0)",
            difference=Text(
                "文档写明输入只支持 float16 和 float32，alpha 为 0 时抛出 ValueError。",
                "Its documentation says that the input supports float16 and float32 only, and that "
                "alpha = 0 raises ValueError."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.celu.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-1e-10, -1e-17, 1000.0),
    plot_range=(-4.0, 4.0),
    breakpoints=lambda **_: (0.0,),  # f' is continuous at 0, f'' jumps from 1/alpha to 0
    implementation=Text(
        "前向先取 `np.minimum(x, 0)` 再除以 α：α > 0 时指数永不为正，不会上溢；α < 0 时指数为正，"
        "$e^{x/\\alpha}$ 可能上溢为无穷大，这正是正确舍入的结果，所以这几步在 "
        "`np.errstate(over=\"ignore\")` 下进行。`np.expm1` 直接算 $e^{t} - 1$，在 0 附近没有相消误差；"
        "乘以 α 后加上 `np.maximum(x, 0)`：对每个 x，两项中总有一项恰好是 0，不需要掩码。"
        "导数只需一步：`np.exp` 作用在 $\\min(x, 0)/\\alpha$ 上，x ≤ 0 时是 $e^{x/\\alpha}$，"
        "x > 0 时是 $e^{0} = 1$，两段合在一个式子里。α 不是 2 的幂时，$x/\\alpha$ 要舍入一次："
        "前向不受影响（负自变量处 expm1 的条件数小于 1），导数在 $e^{x/\\alpha}$ 很小的尾部"
        "会有至多约 $|x/\\alpha|/2$ 个 ulp 的误差。",
        "The forward pass takes `np.minimum(x, 0)` and divides it by α: for α > 0 the exponent is "
        "never positive and cannot overflow; for α < 0 it is positive and $e^{x/\\alpha}$ may "
        "overflow to infinity, the correctly rounded result, so these steps run under "
        "`np.errstate(over=\"ignore\")`. `np.expm1` computes $e^{t} - 1$ without cancellation near "
        "0, and the result, times α, is added to `np.maximum(x, 0)`: for every x one of the two "
        "terms is exactly 0, so no mask is needed. The derivative is one step: `np.exp` of "
        "$\\min(x, 0)/\\alpha$ is $e^{x/\\alpha}$ for x ≤ 0 and $e^{0} = 1$ for x > 0, both "
        "branches in one expression. For an α that is not a power of 2, $x/\\alpha$ is rounded "
        "once: the forward pass does not suffer (expm1 has a condition number below 1 for a "
        "negative argument), but the derivative has an error of up to about $|x/\\alpha|/2$ ulp in "
        "the tail where $e^{x/\\alpha}$ is tiny.",
    ),
))
