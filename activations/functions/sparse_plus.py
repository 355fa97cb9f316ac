"""Sparse plus (a piecewise-quadratic SoftPlus)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Properties, Text
from .sparse_sigmoid import _BLONDEL


@elementwise
def sparse_plus(x: np.ndarray) -> np.ndarray:
    r"""Sparse plus, a piecewise-quadratic smooth ReLU, element-wise.

    .. math:: \operatorname{SparsePlus}(x) = \begin{cases} 0 & x \le -1 \\
              \tfrac14 (x + 1)^2 & -1 < x < 1 \\ x & x \ge 1 \end{cases}

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
    Since (x + 1)^2 / 4 - x = (x - 1)^2 / 4 >= 0, the function is the larger
    of x and (t + 1)^2 / 4 with t = clip(x, -1, 1): for x <= -1 that is
    max(x, 0) = 0, for x >= 1 max(x, 1) = x, exact on both linear pieces and
    without a mask. On (-1, 1) the sum and the square round once each.

    Examples
    --------
    >>> sparse_plus([-2.0, 0.0, 0.5, 3.0])
    array([0.    , 0.25  , 0.5625, 3.    ])
    """
    out = np.clip(x, -1, 1)  # t: ±inf become ±1
    np.add(out, 1, out=out)
    np.square(out, out=out)
    # (t + 1)^2 / 4: 0 for x <= -1, 1 for x >= 1
    np.multiply(out, 0.25, out=out)
    np.maximum(out, x, out=out)  # >= x everywhere, = x for x >= 1
    return out


@elementwise
def sparse_plus_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of sparse plus with respect to x, element-wise.

    .. math:: \operatorname{SparsePlus}'(x) = \begin{cases} 0 & x \le -1 \\
              \tfrac12 (x + 1) & -1 < x < 1 \\ 1 & x \ge 1 \end{cases}

    This is the sparse sigmoid. It is continuous: at x = -1 and x = 1 both
    one-sided derivatives are 0 and 1, the values ``jax.grad`` of
    ``jax.nn.sparse_plus`` gives there (PyTorch has no sparse plus).

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`sparse_plus`).

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [0, 1].

    Examples
    --------
    >>> sparse_plus_derivative([-2.0, 0.0, 0.5, 3.0])
    array([0.  , 0.5 , 0.75, 1.  ])
    """
    out = np.add(x, 1)  # the only rounding
    np.clip(out, 0, 2, out=out)
    np.multiply(out, 0.5, out=out)  # (x + 1) / 2, clipped to [0, 1]
    return out


def _naive(x: np.ndarray) -> np.ndarray:
    return np.where(x <= -1, 0.0, np.where(x >= 1, x, (x + 1) ** 2 / 4))


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    return np.where(x <= -1, 0.0, np.where(x >= 1, 1.0, (x + 1) / 2))


SPEC = register(Activation(
    name="sparse_plus",
    slug="sparse-plus",
    order=430,
    title=Text("SparsePlus", "SparsePlus"),
    full_name=Text("稀疏 SoftPlus（分段二次的 SoftPlus）", "sparse plus, a piecewise-quadratic softplus"),
    summary=Text(
        "用一段抛物线把 0 和 y = x 光滑地接起来：x ≤ −1 时恰好为 0，x ≥ 1 时恰好为 x，导数是 SparseSigmoid。",
        "Joins 0 and y = x smoothly with a parabola: exactly 0 for x ≤ −1 and exactly x for "
        "x ≥ 1; its derivative is SparseSigmoid.",
    ),
    forward=sparse_plus,
    derivative=sparse_plus_derivative,
    latex=r"\operatorname{SparsePlus}(x) = \begin{cases} 0, & x \le -1 \\ \tfrac{1}{4}(x + 1)^{2}, "
    r"& -1 < x < 1 \\ x, & x \ge 1 \end{cases}",
    latex_derivative=r"\operatorname{SparsePlus}'(x) = \begin{cases} 0, & x \le -1 \\ "
    r"\tfrac{1}{2}(x + 1), & -1 < x < 1 \\ 1, & x \ge 1 \end{cases}",
    parameters=(),
    properties=Properties(
        range=r"[0,\ +\infty)",
        monotonic=True,
        smoothness=r"C^1",
        zero_centred=False,
        saturation=("hard", "none"),
        bounded="below",
        lower=0.0,
        upper=float("inf"),
        note=Text(
            "凸函数；导数连续，二阶导数在 x = ±1 处从 0 跳到 1/2、再从 1/2 跳回 0。",
            "Convex; the derivative is continuous, and the second derivative jumps from 0 to 1/2 "
            "at x = −1 and back to 0 at x = 1."),
    ),
    kink=None,
    references=(_BLONDEL,),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.maximum", "(input, other, *, out=None)",
            difference=Text(
                "PyTorch 没有这个函数，这里用 torch.maximum 和 torch.clamp 组合，"
                "利用 $(t + 1)^{2}/4 \\ge x$ 取两者中较大的一个。NaN 处自动求导给出 1（本包为 NaN）。",
                "PyTorch does not ship this function; the row composes it from torch.maximum and "
                "torch.clamp, using $(t + 1)^{2}/4 \\ge x$ to take the larger of the two. At NaN "
                "autograd gives 1 (this package: NaN)."),
            call="torch.maximum(x, (torch.clamp(x, -1, 1) + 1) ** 2 / 4)",
            deviations=(
                Deviation("df", float("nan"), 1.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "Keras", "keras.activations.sparse_plus", "(x)",
            difference=Text(
                "在 JAX 后端上调用 jax.nn.sparse_plus，差异与 JAX 一行相同。",
                "On the JAX backend it calls jax.nn.sparse_plus: it differs as the JAX row does."),
            call="keras.activations.sparse_plus(x)",
            deviations=(
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.sparse_plus", "(x)",
            difference=Text(
                "按 jnp.where 选分支，被丢弃的分支 $(x + 1)^{2}/4$ 在 ±∞ 处为 ∞，自动求导在 ±∞ 处得 NaN。",
                "It selects the pieces with jnp.where; the discarded piece $(x + 1)^{2}/4$ is ∞ at ±∞, and "
                "autograd gives NaN there."),
            call="jax.nn.sparse_plus(x)",
            deviations=(
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.maximum", "(x, y, name=None)",
            difference=Text(
                "PaddlePaddle 没有这个函数，这里用 paddle.maximum 和 paddle.clip 组合；NaN 处导数为 0（本包为 NaN）。",
                "PaddlePaddle does not ship this function; the row composes it from "
                "paddle.maximum and paddle.clip. At NaN the derivative is 0 (this package: NaN)."),
            call="paddle.maximum(x, (paddle.clip(x, -1, 1) + 1) ** 2 / 4)",
            deviations=(
                Deviation("df", float("nan"), 0.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.maximum", "(input, other)",
            difference=Text(
                "MindSpore 没有这个函数，可以写成 "
                "mindspore.ops.maximum(x, (mindspore.ops.clamp(x, −1, 1) + 1) ** 2 / 4)。",
                "MindSpore does not ship this function; it can be written as "
                "mindspore.ops.maximum(x, (mindspore.ops.clamp(x, −1, 1) + 1) ** 2 / 4)."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.maximum.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(1e300, -1e300),
    plot_range=(-2.5, 2.5),
    breakpoints=lambda **_: (-1.0, 1.0),
    implementation=Text(
        "因为 $(x + 1)^{2}/4 - x = (x - 1)^{2}/4 \\ge 0$，函数等于 x 与 $(t + 1)^{2}/4$ 中较大的一个，"
        "其中 t 是用 `np.clip` 截到 [−1, 1] 的 x：x ≤ −1 时 t = −1，得 max(x, 0) = 0；"
        "x ≥ 1 时 t = 1，得 max(x, 1) = x。平方用 `np.square`，取大用 `np.maximum`，"
        "两段线性部分都是精确的，不需要掩码，±∞ 也不会产生 ∞ − ∞。"
        "导数就是 SparseSigmoid：x + 1 舍入一次，再用 `np.clip` 截到 [0, 2] 并乘以 1/2。",
        "Since $(x + 1)^{2}/4 - x = (x - 1)^{2}/4 \\ge 0$, the function is the larger of x and "
        "$(t + 1)^{2}/4$, with t the x clipped to [−1, 1] by `np.clip`: for x ≤ −1, t = −1 and "
        "max(x, 0) = 0; for x ≥ 1, t = 1 and max(x, 1) = x. The square is `np.square` and the "
        "larger one `np.maximum`: both linear pieces are exact, no mask is needed, and ±∞ never "
        "meets ∞ − ∞. The derivative is the sparse sigmoid: x + 1 rounded once, clipped to [0, 2] "
        "by `np.clip`, and halved.",
    ),
))
