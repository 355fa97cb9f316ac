"""LeakyReLU (leaky rectified linear unit)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise, real_param
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Parameter, Properties, Reference, Text


@elementwise
def leaky_relu(x: np.ndarray, negative_slope: float = 0.01) -> np.ndarray:
    r"""Leaky rectified linear unit, element-wise.

    .. math:: \operatorname{LeakyReLU}(x) = \begin{cases} x & x > 0 \\ a\,x & x \le 0 \end{cases}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.
    negative_slope : float, default 0.01
        The slope a for x <= 0. Any finite real number.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``. Exact: ``x`` itself for x > 0, and the
        correctly rounded product ``a * x`` for x <= 0.

    Raises
    ------
    ValueError
        If ``negative_slope`` is not finite.

    Notes
    -----
    For a = 0 the function is ReLU, ``np.maximum(x, 0)``: the product would give
    0 * (-inf) = NaN. Otherwise ``a * x`` is formed for every element, and the
    branch is chosen without a mask: x for x > 0 and a x for x <= 0 is the
    larger of the two when a <= 1 (``np.maximum``) and the smaller when a > 1
    (``np.minimum``). Both propagate NaN. For |a| > 1 the product can overflow
    for huge x > 0; that entry's result is x itself, so the overflow is
    ignored (``np.errstate``).

    Examples
    --------
    >>> leaky_relu([-2.0, 0.0, 3.0])
    array([-0.02,  0.  ,  3.  ])
    """
    a = real_param(negative_slope, "negative_slope")
    if a == 0:
        # slope 0 is ReLU; a * x would give 0 * (-inf) = NaN
        return np.maximum(x, 0)
    # the negative branch a * x (NaN stays NaN); for |a| > 1 it may overflow
    # where x > 0, but those entries take x itself below
    with np.errstate(over="ignore"):
        out = x * a
    # x for x > 0 and a x for x <= 0 is the larger of the two if a <= 1, the
    # smaller if a > 1: no mask (at x = 0 both are a x, the sign of 0 too)
    (np.maximum if a <= 1 else np.minimum)(x, out, out=out)
    return out


@elementwise
def leaky_relu_derivative(
    x: np.ndarray, negative_slope: float = 0.01
) -> np.ndarray:
    r"""Derivative of LeakyReLU with respect to x, element-wise.

    .. math:: \operatorname{LeakyReLU}'(x) = \begin{cases} 1 & x > 0 \\ a & x \le 0 \end{cases}

    At the kink x = 0 the value is ``negative_slope``, as PyTorch autograd gives it.

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`leaky_relu`).
    negative_slope : float, default 0.01
        The slope a for x <= 0. Any finite real number.

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``, values 1 or ``negative_slope``; NaN
        where ``x`` is NaN.

    Notes
    -----
    ``np.sign`` gives -1, 0 or 1 (NaN for NaN). For 0 <= a <= 1, ``np.maximum``
    with a turns it into 1 for x > 0 and a for x <= 0. For other slopes,
    ``np.maximum`` with 0 gives the step s (1 for x > 0, else 0) and the result
    is a (1 - s) + s, which is exactly a or exactly 1.

    Examples
    --------
    >>> leaky_relu_derivative([-2.0, 0.0, 3.0])
    array([0.01, 0.01, 1.  ])
    """
    a = real_param(negative_slope, "negative_slope")
    out = np.sign(x)  # -1, 0 or 1; NaN for NaN
    if 0 <= a <= 1:
        np.maximum(out, a, out=out)  # 1 for x > 0, a for x <= 0
        return out
    step = np.maximum(out, 0, out=out)  # 1 for x > 0, 0 for x <= 0
    out = 1 - step
    np.multiply(out, a, out=out)
    np.add(out, step, out=out)  # a (1 - step) + step: exactly a or 1
    return out


def _naive(x: np.ndarray, negative_slope: float = 0.01) -> np.ndarray:
    return np.where(x < 0, negative_slope, x)  # the seed's bug: a instead of a * x


def _naive_derivative(x: np.ndarray, negative_slope: float = 0.01) -> np.ndarray:
    return np.where(x < 0, negative_slope, 1)


SPEC = register(Activation(
    name="leaky_relu",
    slug="leaky-relu",
    order=40,
    title=Text("LeakyReLU", "LeakyReLU"),
    full_name=Text("带泄露线性整流函数", "leaky rectified linear unit"),
    summary=Text(
        "负半轴保留一个小斜率，导数不再为 0，缓解神经元死亡。",
        "Keeps a small slope for negative input, so the derivative is never 0 there "
        "and units do not die.",
    ),
    forward=leaky_relu,
    derivative=leaky_relu_derivative,
    latex=r"\operatorname{LeakyReLU}(x) = \begin{cases} x, & x > 0 \\ a\,x, & x \le 0 \end{cases}",
    latex_derivative=r"\operatorname{LeakyReLU}'(x) = \begin{cases} 1, & x > 0 \\ a, & x \le 0 \end{cases}",
    parameters=(
        Parameter(
            "negative_slope", "a", 0.01, r"a \in \mathbb{R},\ |a| < \infty",
            Text("负半轴斜率：x ≤ 0 时的斜率，通常取 0.01～0.3",
                 "negative slope: the slope for x ≤ 0, usually 0.01 to 0.3"),
        ),
    ),
    properties=Properties(
        range=r"(-\infty,\ +\infty)",
        monotonic=True,
        smoothness=r"C^0",
        zero_centred=False,
        saturation=("none", "none"),
        bounded="none",
        lower=float("-inf"),
        upper=float("inf"),
        note=Text("单调（不减）要求 a ≥ 0；a = 0 时退化为 ReLU，有下界、负半轴硬饱和；a = 1 时是恒等映射。",
                  "Monotonic (non-decreasing) for a ≥ 0; a = 0 gives ReLU, bounded below and with "
                  "hard saturation for x < 0; a = 1 gives the identity."),
    ),
    kink=Text(
        "a ≠ 1 时 x = 0 处不可导，本包取 LeakyReLU′(0) = a（即 negative_slope），与 PyTorch 自动求导一致。",
        "For a ≠ 1, LeakyReLU is not differentiable at x = 0; this package uses LeakyReLU′(0) = a "
        "(negative_slope), as PyTorch autograd does.",
    ),
    references=(
        Reference(
            "Andrew L. Maas, Awni Y. Hannun, Andrew Y. Ng", 2013,
            "Rectifier nonlinearities improve neural network acoustic models",
            "ICML 2013 Workshop on Deep Learning for Audio, Speech and Language Processing",
            "https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf",
        ),
        Reference(
            "Bing Xu, Naiyan Wang, Tianqi Chen, Mu Li", 2015,
            "Empirical evaluation of rectified activations in convolutional network",
            "arXiv:1505.00853", "https://arxiv.org/abs/1505.00853",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.leaky_relu", "(input, negative_slope=0.01, inplace=False)",
            module="torch.nn.LeakyReLU(negative_slope=0.01)",
            difference=Text(
                "自动求导在 NaN 处给出负半轴的斜率 0.01（本包为 NaN）；折点处与本包一样取斜率。",
                "Autograd gives the negative-side slope 0.01 at NaN (this package: NaN); at the kink it "
                "takes the slope, as this package does."),
            call="torch.nn.functional.leaky_relu(x)",
            backward="torch.ops.aten.leaky_relu_backward(g, x, negative_slope, False)",
            deviations=(
                Deviation("df", float("nan"), 0.01),
            ),
        ),
        FrameworkName(
            "Keras", "keras.activations.leaky_relu", "(x, negative_slope=0.2)",
            module="keras.layers.LeakyReLU(negative_slope=0.3)",
            difference=Text(
                "默认斜率不同：函数是 0.2，层是 0.3，而 PyTorch 和本包是 0.01（下列差异是与本包取 0.2 时比较）。"
                "在 JAX 后端上调用 jax.nn.leaky_relu，折点、NaN 和次正规数处的导数与 JAX 一行的约定相同。",
                "Different default slope: 0.2 for the function and 0.3 for the layer, against 0.01 in "
                "PyTorch and here (the differences listed compare with this package at 0.2). On the JAX "
                "backend it calls jax.nn.leaky_relu: the derivative at the kink, at NaN and at subnormal "
                "numbers follows the JAX row."),
            call="keras.activations.leaky_relu(x)",
            params=(('negative_slope', 0.2),),
            deviations=(
                Deviation("df", 0.0, 1.0),
                Deviation("df", -0.0, 1.0),
                Deviation("df", float("nan"), 0.2),
                Deviation("df", -5e-324, 1.0),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.leaky_relu", "(x, negative_slope=0.01)",
            difference=Text(
                "x = 0 处导数取 1（正半轴的值），本包与 PyTorch 取斜率；"
                "NaN 处导数为斜率。CPU 上的 XLA 把次正规数按 0 处理（flush-to-zero），所以 x = −5e−324 处导数也是 1。",
                "At x = 0 the derivative is 1 (the positive side's), where this package and PyTorch take the "
                "slope; at NaN it is the slope. XLA on the CPU flushes subnormal numbers to 0, so at x = "
                "−5e−324 the derivative is 1 too."),
            call="jax.nn.leaky_relu(x)",
            deviations=(
                Deviation("df", 0.0, 1.0),
                Deviation("df", -0.0, 1.0),
                Deviation("df", float("nan"), 0.01),
                Deviation("df", -5e-324, 1.0),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.leaky_relu", "(x, negative_slope=0.01, name=None)",
            module="paddle.nn.LeakyReLU(negative_slope=0.01)",
            difference=Text(
                "x = 0 处导数取 1（本包取斜率 0.01），NaN 处导数为 0（本包为 NaN）。",
                "At x = 0 the derivative is 1 (this package: the slope, 0.01), and at NaN it is 0 (this "
                "package: NaN)."),
            call="paddle.nn.functional.leaky_relu(x)",
            deviations=(
                Deviation("df", 0.0, 1.0),
                Deviation("df", -0.0, 1.0),
                Deviation("df", float("nan"), 0.0),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.leaky_relu", "(input, alpha=0.2)",
            module="mindspore.nn.LeakyReLU(alpha=0.2)",
            difference=Text(
                "参数叫 alpha，函数和层的默认值都是 0.2，而 PyTorch 和本包是 0.01。",
                "The parameter is alpha, and both the function and the layer default to 0.2, against 0.01 in "
                "PyTorch and here."),
            params=(('negative_slope', 0.2),),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.leaky_relu.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-3.0, -100.0),
    plot_range=(-4.0, 4.0),
    kink_points=lambda **_: (0.0,),
    implementation=Text(
        "a = 0 时函数就是 ReLU，直接返回 `np.maximum(x, 0)`，因为乘积会给出 0·(−∞) = NaN。"
        "其余情况先对所有元素算出乘积 a·x（一次正确舍入；|a| > 1 时它在很大的 x > 0 处可能上溢，"
        "那些位置最终取 x 本身，所以在 `np.errstate(over=\"ignore\")` 下计算），再不用掩码地选出分支："
        "a ≤ 1 时正确的分支是 x 与 a·x 中较大的一个，用 `np.maximum`；a > 1 时是较小的一个，"
        "用 `np.minimum`；两者都传播 NaN，x = 0 处连零的符号也与 a·x 一致。"
        "导数从 `np.sign(x)` 出发（−1、0、1，NaN 仍为 NaN）：0 ≤ a ≤ 1 时再与 a 取 `np.maximum`，"
        "得到 x > 0 处的 1 和 x ≤ 0 处的 a；其他斜率先与 0 取 `np.maximum` 得到阶跃 s，"
        "再算 a(1 − s) + s，结果恰好是 a 或 1。",
        "For a = 0 the function is ReLU and returns `np.maximum(x, 0)`, since the product would "
        "give 0·(−∞) = NaN. Otherwise the product a·x is formed for every element (one correct "
        "rounding; for |a| > 1 it may overflow at huge x > 0, where the result is x itself, so it "
        "is formed under `np.errstate(over=\"ignore\")`) and the branch is chosen without a "
        "mask: for a ≤ 1 the right branch is the "
        "larger of x and a·x, `np.maximum`, and for a > 1 the smaller, `np.minimum`; both "
        "propagate NaN, and at x = 0 even the sign of zero agrees with a·x. The derivative starts "
        "from `np.sign(x)` (−1, 0 or 1, NaN for NaN): for 0 ≤ a ≤ 1, `np.maximum` with a gives 1 "
        "for x > 0 and a for x ≤ 0; for other slopes, `np.maximum` with 0 gives the step s, and "
        "a(1 − s) + s is exactly a or 1.",
    ),
))
