"""Sparse sigmoid (the derivative of sparse plus)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Properties, Reference, Text


@elementwise
def sparse_sigmoid(x: np.ndarray) -> np.ndarray:
    r"""Sparse sigmoid, a piecewise-linear sigmoid, element-wise.

    .. math:: \operatorname{SparseSigmoid}(x) = \begin{cases} 0 & x \le -1 \\
              \tfrac12 (x + 1) & -1 < x < 1 \\ 1 & x \ge 1 \end{cases}

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
    ``np.clip(x + 1, 0, 2) / 2``: the sum x + 1 is rounded once, clipping
    and halving are exact, so the result is correctly rounded. NaN stays NaN.

    Examples
    --------
    >>> sparse_sigmoid([-2.0, -0.5, 0.0, 3.0])
    array([0.  , 0.25, 0.5 , 1.  ])
    """
    out = np.add(x, 1)  # the only rounding
    np.clip(out, 0, 2, out=out)
    np.multiply(out, 0.5, out=out)  # exact
    return out


@elementwise
def sparse_sigmoid_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of the sparse sigmoid with respect to x, element-wise.

    .. math:: \operatorname{SparseSigmoid}'(x) = \begin{cases} \tfrac12 & |x| < 1 \\
              0 & |x| > 1 \end{cases}

    At the kinks x = ±1 the value is 1/4, the mean of the two one-sided
    derivatives, as ``jax.grad`` of ``jax.nn.sparse_sigmoid`` gives it
    (PyTorch has no sparse sigmoid).

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`sparse_sigmoid`).

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``: 0, 1/4 or 1/2 (NaN for NaN).

    Notes
    -----
    With u = 1 - |x|, which is exact near |x| = 1 (Sterbenz) and so is 0
    exactly at x = ±1 only, the value is (1 + sign(u)) / 4: 1/2 inside, 1/4 at
    the kinks and 0 outside, without a mask; ``np.sign`` keeps NaN.

    Examples
    --------
    >>> sparse_sigmoid_derivative([-2.0, -1.0, 0.0, 1.0])
    array([0.  , 0.25, 0.5 , 0.25])
    """
    out = np.abs(x)
    np.subtract(1, out, out=out)  # u = 1 - |x|: 0 exactly at x = ±1
    np.sign(out, out=out)  # 1, 0 or -1 (NaN for NaN)
    np.add(out, 1, out=out)
    np.multiply(out, 0.25, out=out)  # 1/2, 1/4 or 0
    return out


def _naive(x: np.ndarray) -> np.ndarray:
    return np.where(x <= -1, 0.0, np.where(x >= 1, 1.0, (x + 1) / 2))


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    return np.where(np.abs(x) < 1, 0.5, 0.0)


_BLONDEL = Reference(
    "Mathieu Blondel, André F. T. Martins, Vlad Niculae", 2019,
    "Learning with Fenchel-Young losses",
    "arXiv:1901.02324; Journal of Machine Learning Research 21 (2020)",
    "https://arxiv.org/abs/1901.02324",
)

SPEC = register(Activation(
    name="sparse_sigmoid",
    slug="sparse-sigmoid",
    order=440,
    title=Text("SparseSigmoid", "SparseSigmoid"),
    full_name=Text("稀疏 Sigmoid（分段线性的 Sigmoid）", "sparse sigmoid, a piecewise-linear sigmoid"),
    summary=Text(
        "把 [−1, 1] 线性地映到 [0, 1]，两侧恰好取 0 和 1：两侧硬饱和，输出可以恰好为 0。",
        "Maps [−1, 1] linearly onto [0, 1] and is exactly 0 and 1 outside: hard saturation on "
        "both sides, and outputs that are exactly 0.",
    ),
    forward=sparse_sigmoid,
    derivative=sparse_sigmoid_derivative,
    latex=r"\operatorname{SparseSigmoid}(x) = \begin{cases} 0, & x \le -1 \\ \tfrac{1}{2}(x + 1), "
    r"& -1 < x < 1 \\ 1, & x \ge 1 \end{cases}",
    latex_derivative=r"\operatorname{SparseSigmoid}'(x) = \begin{cases} \tfrac{1}{2}, & |x| < 1 \\ "
    r"0, & |x| > 1 \end{cases}",
    parameters=(),
    properties=Properties(
        range=r"[0,\ 1]",
        monotonic=True,
        smoothness=r"C^0",
        zero_centred=False,
        saturation=("hard", "hard"),
        bounded="both",
        lower=0.0,
        upper=1.0,
        note=Text(
            "它是 SparsePlus 的导数；SparseSigmoid(x) + SparseSigmoid(−x) = 1，与 Sigmoid 相同。",
            "It is the derivative of SparsePlus; SparseSigmoid(x) + SparseSigmoid(−x) = 1, as for "
            "the sigmoid."),
    ),
    kink=Text(
        "x = ±1 处不可导（左右导数为 0 和 1/2）。PyTorch 没有这个函数，本包按 jax.grad 的约定取两侧导数的平均值 "
        "SparseSigmoid′(±1) = 1/4。",
        "SparseSigmoid is not differentiable at x = ±1 (one-sided derivatives 0 and 1/2). PyTorch "
        "does not have it; this package follows jax.grad and takes the mean of the one-sided "
        "derivatives, SparseSigmoid′(±1) = 1/4."),
    references=(_BLONDEL,),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.clamp", "(input, min=None, max=None, *, out=None)",
            difference=Text(
                "PyTorch 没有这个函数，这里用 torch.clamp 组合。clamp 的自动求导在边界上取内侧的导数，"
                "所以 x = ±1 处导数为 1/2（本包按 jax.grad 取 1/4）；x = 1 的下一个浮点数处 x + 1 舍入成 2，"
                "导数也是 1/2（真值 0）；NaN 处导数为 0。",
                "PyTorch does not ship this function; the row composes it from torch.clamp. "
                "Autograd of clamp takes the inner slope at the bounds, so the derivative at x = ±1 "
                "is 1/2 (this package follows jax.grad: 1/4); at the float just above 1, x + 1 "
                "rounds to 2 and the derivative is 1/2 too (the true value is 0); at NaN it is 0."),
            call="torch.clamp(x + 1, 0, 2) / 2",
            deviations=(
                Deviation("df", float("nan"), 0.0),
                Deviation("df", 1.0, 0.5),
                Deviation("df", -1.0, 0.5),
                Deviation("df", 1.0000000000000002, 0.5),
            ),
            composed=True,
        ),
        FrameworkName(
            "Keras", "keras.activations.sparse_sigmoid", "(x)",
            difference=Text(
                "在 JAX 后端上调用 jax.nn.sparse_sigmoid，差异与 JAX 一行相同。",
                "On the JAX backend it calls jax.nn.sparse_sigmoid: it differs as the JAX row does."),
            call="keras.activations.sparse_sigmoid(x)",
            deviations=(
                Deviation("df", float("nan"), 0.0),
                Deviation("df", 0.9999999999999999, 0.25),
                Deviation("df", 1.0000000000000002, 0.25),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.sparse_sigmoid", "(x)",
            difference=Text(
                "按 0.5·clip(x + 1, 0, 2) 计算，x + 1 在 x = 1 两侧相邻的浮点数处都舍入成 2，"
                "所以那里的导数也是折点的 1/4（真值为 1/2 和 0）；NaN 处导数为 0。",
                "It computes 0.5·clip(x + 1, 0, 2), and x + 1 rounds to 2 at the floats on both sides "
                "of x = 1, so the derivative there is the kink's 1/4 as well (the true values are 1/2 "
                "and 0); at NaN it is 0."),
            call="jax.nn.sparse_sigmoid(x)",
            deviations=(
                Deviation("df", float("nan"), 0.0),
                Deviation("df", 0.9999999999999999, 0.25),
                Deviation("df", 1.0000000000000002, 0.25),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.clip", "(x, min=None, max=None, name=None)",
            difference=Text(
                "PaddlePaddle 没有这个函数，这里用 paddle.clip 组合；导数的差异与 PyTorch 一行相同。",
                "PaddlePaddle does not ship this function; the row composes it from paddle.clip. "
                "Its derivative differs as the PyTorch row's does."),
            call="paddle.clip(x + 1, 0, 2) / 2",
            deviations=(
                Deviation("df", float("nan"), 0.0),
                Deviation("df", 1.0, 0.5),
                Deviation("df", -1.0, 0.5),
                Deviation("df", 1.0000000000000002, 0.5),
            ),
            composed=True,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.clamp", "(input, min=None, max=None)",
            difference=Text(
                "MindSpore 没有这个函数，可以写成 mindspore.ops.clamp(x + 1, 0, 2) / 2。",
                "MindSpore does not ship this function; it can be written as "
                "mindspore.ops.clamp(x + 1, 0, 2) / 2."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.clamp.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-1.0, 1.0),
    plot_range=(-2.5, 2.5),
    kink_points=lambda **_: (-1.0, 1.0),
    implementation=Text(
        "前向先算 x + 1（唯一的一次舍入），再用 `np.clip` 截到 [0, 2]，最后乘以 1/2（精确），"
        "所以结果是正确舍入的，NaN 保持为 NaN。导数先用 `np.abs` 求 |x|，算 u = 1 − |x|"
        "（在 |x| = 1 附近这个减法是精确的，所以 u 恰好在 x = ±1 处为 0），"
        "再用 `np.sign` 得到 1、0 或 −1，结果 $(1 + \\operatorname{sign}(u))/4$ 依次是 1/2、1/4 和 0，"
        "不需要掩码，NaN 仍为 NaN。",
        "The forward pass computes x + 1 (its only rounding), clips it to [0, 2] with `np.clip` and "
        "halves it (exactly), so the result is correctly rounded, and NaN stays NaN. The derivative "
        "takes |x| with `np.abs` and u = 1 − |x| (exact near |x| = 1, so u is 0 exactly at x = ±1 "
        "only); `np.sign` gives 1, 0 or −1, and $(1 + \\operatorname{sign}(u))/4$ is 1/2, 1/4 or 0 without a mask, "
        "NaN for NaN.",
    ),
))
