"""Exponential (e^x as an activation)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Properties, Reference, Text


@elementwise
def exponential(x: np.ndarray) -> np.ndarray:
    r"""The exponential function e^x, element-wise.

    .. math:: \exp(x) = e^{x}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [0, inf].

    Notes
    -----
    ``np.exp`` is evaluated from x itself. The textbook ``np.e ** x`` raises
    the rounded constant e (about 5.3e-17 relative below the true e) to the
    power x, and the relative error grows like |x| * 5.3e-17: about 310 ulp
    at x = 700 in float64. Above ln(max) = 709.78 (88.72 in float32) the true
    e^x exceeds the largest float and inf is the correctly rounded result,
    returned without an overflow warning; below about -745.13 (-103.97 in
    float32) it underflows to 0, also correctly.

    Examples
    --------
    >>> exponential([-800.0, 0.0, 1.0, 800.0])
    array([0.        , 1.        , 2.71828183,        inf])
    """
    # inf above ln(max) is the correctly rounded value: no warning there
    with np.errstate(over="ignore"):
        return np.exp(x)


@elementwise
def exponential_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of the exponential with respect to x, element-wise.

    .. math:: \exp'(x) = e^{x}

    The derivative is the function itself, computed in the same way (one
    ``np.exp``; the overflow to inf above 709.78 is again the correctly
    rounded value).

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`exponential`).

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [0, inf].

    Examples
    --------
    >>> exponential_derivative([-1.0, 0.0, 1.0])
    array([0.36787944, 1.        , 2.71828183])
    """
    with np.errstate(over="ignore"):  # inf is the correctly rounded value
        return np.exp(x)


def _naive(x: np.ndarray) -> np.ndarray:
    return np.e ** x


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    return np.e ** x


SPEC = register(Activation(
    name="exponential",
    slug="exponential",
    order=320,
    title=Text("Exponential", "Exponential"),
    full_name=Text("指数函数", "exponential function"),
    summary=Text(
        "$e^{x}$：输出恒为正，导数等于函数本身；右侧无界且增长极快，双精度下 x > 709.78 即上溢。",
        "$e^{x}$: always positive, its own derivative; unbounded and fast-growing on the right, "
        "it overflows for x > 709.78 in float64.",
    ),
    forward=exponential,
    derivative=exponential_derivative,
    latex=r"\exp(x) = e^{x}",
    latex_derivative=r"\exp'(x) = e^{x}",
    parameters=(),
    properties=Properties(
        range=r"(0,\ +\infty)",
        monotonic=True,
        smoothness=r"C^\infty",
        zero_centred=False,
        saturation=("soft", "none"),
        bounded="below",
        lower=0.0,
        upper=float("inf"),
        note=Text(
            "严格递增、严格凸；$e^{0} = 1$，$e^{x + y} = e^{x}e^{y}$。浮点数下 x < −745.13 时下溢为 0，"
            "x > 709.78 时上溢为 +∞（单精度分别为 −103.97 和 88.72）。",
            "Strictly increasing and strictly convex; $e^{0} = 1$, $e^{x + y} = e^{x}e^{y}$. In float64 "
            "it underflows to 0 for x < −745.13 and overflows to +∞ for x > 709.78 (in float32: "
            "−103.97 and 88.72)."),
    ),
    kink=None,
    references=(
        Reference(
            "J. A. Nelder, R. W. M. Wedderburn", 1972, "Generalized linear models",
            "Journal of the Royal Statistical Society, Series A 135 (3), 370–384",
            "https://doi.org/10.2307/2344614",
        ),
        Reference(
            "Christopher M. Bishop", 1994, "Mixture density networks",
            "Technical report NCRG/94/004, Neural Computing Research Group, Aston University",
            "https://research.aston.ac.uk/en/publications/mixture-density-networks",
        ),
        Reference(
            "Peter K. Koo, Matt Ploenzke", 2021,
            "Improving representations of genomic sequence motifs in convolutional networks "
            "with exponential activations",
            "Nature Machine Intelligence 3, 258–266",
            "https://doi.org/10.1038/s42256-020-00291-x",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.exp", "(input, *, out=None)",
            difference=Text(
                "PyTorch 没有名为 exponential 的激活函数，torch.nn 里也没有对应的层；"
                "torch.exp 计算的就是这个函数本身，不是组合。",
                "PyTorch has no activation named exponential and no layer for it; torch.exp computes "
                "this very function, not a composition."),
            call="torch.exp(x)",
        ),
        FrameworkName(
            "Keras", "keras.activations.exponential", "(x)",
            difference=Text(
                "就是 keras.ops.exp；在 JAX 后端上调用 jax.numpy.exp，差异与 JAX 一行相同。",
                "It is keras.ops.exp; on the JAX backend that calls jax.numpy.exp: it differs as the "
                "JAX row does."),
            call="keras.activations.exponential(x)",
            deviations=(
                Deviation("f", -709.78, 0.0),
                Deviation("f", -710.0, 0.0),
                Deviation("df", -709.78, 0.0),
                Deviation("df", -710.0, 0.0),
            ),
        ),
        FrameworkName(
            "JAX", "jax.numpy.exp", "(x, /)",
            difference=Text(
                "jax.nn 没有名为 exponential 的激活函数，jax.numpy.exp 就是这个函数。"
                "CPU 上的 XLA 把次正规数按 0 处理（flush-to-zero）："
                "x ≲ −708.4 时函数值与导数都是 0（本包给出次正规数 $e^{x}$）。",
                "jax.nn has no activation named exponential; jax.numpy.exp is this function. XLA on "
                "the CPU flushes subnormal numbers to 0: for x ≲ −708.4 both the value and the "
                "derivative are 0 (this package returns the subnormal number $e^{x}$)."),
            call="jax.numpy.exp(x)",
            deviations=(
                Deviation("f", -709.78, 0.0),
                Deviation("f", -710.0, 0.0),
                Deviation("df", -709.78, 0.0),
                Deviation("df", -710.0, 0.0),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.exp", "(x, name=None)",
            difference=Text(
                "PaddlePaddle 没有名为 exponential 的激活函数，paddle.exp 就是这个函数。"
                "双精度下它相当于先把输入截到不小于 −709.784：x ≤ −709.784（包括 −∞）时函数值与导数"
                "都是 $e^{-709.784} \\approx 5.56 \\times 10^{-309}$，而真值更小，"
                "x < −745.13 时应为 0。",
                "PaddlePaddle has no activation named exponential; paddle.exp is this function. In "
                "float64 it acts as if it first clamped the input to at least −709.784: for x ≤ −709.784 (−∞ "
                "included) the value and the derivative are both "
                "$e^{-709.784} \\approx 5.56 \\times 10^{-309}$, although the true value is smaller "
                "and rounds to 0 for x < −745.13."),
            call="paddle.exp(x)",
            deviations=(
                Deviation("f", float("-inf"), 5.55552948377339e-309),
                Deviation("f", -710.0, 5.55552948377339e-309),
                Deviation("f", -745.13, 5.55552948377339e-309),
                Deviation("f", -800.0, 5.55552948377339e-309),
                Deviation("f", -1e+300, 5.55552948377339e-309),
                Deviation("df", float("-inf"), 5.55552948377339e-309),
                Deviation("df", -710.0, 5.55552948377339e-309),
                Deviation("df", -745.13, 5.55552948377339e-309),
                Deviation("df", -800.0, 5.55552948377339e-309),
                Deviation("df", -1e+300, 5.55552948377339e-309),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.exp", "(input)",
            difference=Text(
                "MindSpore 没有名为 exponential 的激活函数，mindspore.ops.exp 就是这个函数。",
                "MindSpore has no activation named exponential; mindspore.ops.exp is this function."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.exp.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(700.0, -700.0, 710.0),
    plot_range=(-4.0, 2.5),
    implementation=Text(
        "前向和导数都只调用一次 `np.exp`，直接由 x 求值，不经过舍入过的常数 e。"
        "实测 NumPy 的 `np.exp` 与正确舍入的结果在双精度下至多相差 1 ulp，单精度下至多 2 ulp。"
        "x 超过 $\\ln(\\text{最大浮点数}) \\approx 709.78$（单精度为 88.72）时真值超出可表示范围，"
        "+∞ 就是正确舍入的结果，所以在 `np.errstate(over=\"ignore\")` 下计算，不发出溢出警告；"
        "x < −745.13（单精度为 −103.97）时结果下溢为 0，同样是正确舍入的值。"
        "导数等于函数本身，按同样方式计算，不调用前向函数。",
        "The forward pass and the derivative each call `np.exp` once, on x itself, never through "
        "the rounded constant e. NumPy's `np.exp` is measured within 1 ulp of the correctly rounded "
        "result in float64 and within 2 ulp in float32. Above $\\ln(\\text{largest float}) \\approx 709.78$ "
        "(88.72 in float32) the true value is beyond the float range and +∞ is the correctly "
        "rounded result, so it is computed under `np.errstate(over=\"ignore\")`, without an "
        "overflow warning; below −745.13 (−103.97 in float32) the result underflows to 0, again "
        "the correctly rounded value. The derivative is the function itself, computed the same "
        "way without calling the forward function.",
    ),
))
