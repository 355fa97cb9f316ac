"""Squared ReLU (ReLU², Primer)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, Elsewhere, FrameworkName, Properties, Reference, Text


@elementwise
def squared_relu(x: np.ndarray) -> np.ndarray:
    r"""Squared rectified linear unit, element-wise.

    .. math:: \operatorname{ReLU}^2(x) = \max(0, x)^2

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [0, inf]. Correctly rounded.

    Notes
    -----
    ``np.maximum`` gives r = max(x, 0) exactly (NaN stays NaN) and
    ``np.square`` rounds r * r once, so the result is correctly rounded.
    For r beyond sqrt of the largest float (1.34e154 in float64, 1.84e19 in
    float32, 256 in float16) r * r overflows to inf, which is then the
    correctly rounded value of the true square: the overflow is not an error.

    Examples
    --------
    >>> squared_relu([-2.0, 0.0, 0.5, 3.0])
    array([0.  , 0.  , 0.25, 9.  ])
    """
    out = np.maximum(x, 0)  # r = max(x, 0), exact; NaN stays NaN
    # r * r, rounded once; beyond 1.34e154 (float64) inf is the right value
    with np.errstate(over="ignore"):
        np.square(out, out=out)
    return out


@elementwise
def squared_relu_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of squared ReLU with respect to x, element-wise.

    .. math:: (\operatorname{ReLU}^2)'(x) = 2 \max(0, x)

    The derivative is continuous: both one-sided derivatives at 0 are 0, the
    value autograd gives there (``torch.nn.functional.relu(x) ** 2``). Only
    the second derivative jumps, from 0 to 2.

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`squared_relu`).

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [0, inf]. Exact (inf where
        2x overflows).

    Examples
    --------
    >>> squared_relu_derivative([-2.0, 0.0, 0.5, 3.0])
    array([0., 0., 1., 6.])
    """
    out = np.maximum(x, 0)  # NaN stays NaN
    # r + r = 2r, exact; beyond half the largest float inf is the right value
    with np.errstate(over="ignore"):
        np.add(out, out, out=out)
    return out


def _naive(x: np.ndarray) -> np.ndarray:
    return np.where(x > 0, x**2, 0.0)


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    return np.where(x > 0, 2 * x, 0.0)


_PRIMER = Reference(
    "David R. So, Wojciech Mańke, Hanxiao Liu, Zihang Dai, Noam Shazeer, Quoc V. Le", 2021,
    "Primer: Searching for efficient Transformers for language modeling",
    "NeurIPS 2021 (Advances in Neural Information Processing Systems 34)",
    "https://arxiv.org/abs/2109.08668",
)

SPEC = register(Activation(
    name="squared_relu",
    slug="squared-relu",
    order=150,
    title=Text("Squared ReLU", "Squared ReLU"),
    full_name=Text("平方 ReLU（ReLU²）", "squared rectified linear unit (ReLU²)"),
    summary=Text(
        "ReLU 的平方：负半轴为 0，正半轴为 x²；导数 2·max(0, x) 连续，Primer 与 Nemotron-4 的前馈层用它。",
        "The square of ReLU: 0 for negative input and x² for positive input; its derivative "
        "2·max(0, x) is continuous. Used in the feed-forward layers of Primer and Nemotron-4.",
    ),
    forward=squared_relu,
    derivative=squared_relu_derivative,
    latex=r"\operatorname{ReLU}^{2}(x) = \max(0,\ x)^{2} = \begin{cases} x^{2}, & x > 0 \\ 0, & x \le 0 \end{cases}",
    latex_derivative=r"\left(\operatorname{ReLU}^{2}\right)'(x) = 2\max(0,\ x) = "
    r"\begin{cases} 2x, & x > 0 \\ 0, & x \le 0 \end{cases}",
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
            "凸函数；导数在 0 处连续（两侧都是 0），二阶导数在 0 处从 0 跳到 2。"
            "正半轴的导数 2x 随 x 线性增长、没有上界。",
            "Convex; the derivative is continuous at 0 (0 on both sides), and the second derivative "
            "jumps there from 0 to 2. On the positive side the derivative 2x grows linearly, without bound."),
    ),
    kink=None,
    references=(
        _PRIMER,
        Reference(
            "Jupinder Parmar, Shrimai Prabhumoye, Joseph Jennings, et al.", 2024,
            "Nemotron-4 15B technical report", "arXiv:2402.16819",
            "https://arxiv.org/abs/2402.16819",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.relu", "(input, inplace=False)",
            difference=Text(
                "PyTorch 没有这个函数，这里写成 ReLU 的平方。",
                "PyTorch does not ship this function; the row writes it as the square of ReLU."),
            call="torch.nn.functional.relu(x) ** 2",
            composed=True,
        ),
        FrameworkName(
            "Keras", "keras.activations.relu", "(x, negative_slope=0.0, max_value=None, threshold=0.0)",
            difference=Text(
                "Keras 没有这个函数，这里写成 ReLU 的平方。在 JAX 后端上调用 jax.nn.relu，"
                "NaN 处的导数为 0（本包为 NaN），与 JAX 一行相同。",
                "Keras does not ship this function; the row writes it as the square of ReLU. On the JAX "
                "backend it calls jax.nn.relu, and the derivative at NaN is 0 (this package: NaN), as in "
                "the JAX row."),
            call="keras.activations.relu(x) ** 2",
            deviations=(
                Deviation("df", float("nan"), 0.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "JAX", "jax.nn.relu", "(x)",
            difference=Text(
                "JAX 没有这个函数，这里写成 ReLU 的平方。jax.nn.relu 在 NaN 处的导数为 0，"
                "所以平方后的导数也是 0（本包为 NaN）。",
                "JAX does not ship this function; the row writes it as the square of ReLU. The derivative of "
                "jax.nn.relu at NaN is 0, so that of its square is 0 too (this package: NaN)."),
            call="jax.nn.relu(x) ** 2",
            deviations=(
                Deviation("df", float("nan"), 0.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.relu", "(x, name=None)",
            difference=Text(
                "PaddlePaddle 没有这个函数，这里写成 ReLU 的平方。"
                "paddle.nn.functional.relu(NaN) 返回 0，所以 NaN 处的函数值和导数都是 0（本包两者都是 NaN）。",
                "PaddlePaddle does not ship this function; the row writes it as the square of ReLU. "
                "paddle.nn.functional.relu(NaN) returns 0, so at NaN both the value and the derivative are 0 "
                "(this package: NaN for both)."),
            call="paddle.nn.functional.relu(x) ** 2",
            deviations=(
                Deviation("f", float("nan"), 0.0),
                Deviation("df", float("nan"), 0.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.relu", "(input, inplace=False)",
            difference=Text(
                "MindSpore 没有这个函数，可以写成 mindspore.ops.relu(x) ** 2。",
                "MindSpore does not ship this function; it can be written as mindspore.ops.relu(x) ** 2."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.relu.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-1e200, 1e200),
    plot_range=(-2.5, 2.5),
    breakpoints=lambda **_: (0.0,),
    implementation=Text(
        "前向先用 `np.maximum(x, 0)` 得到 r = max(x, 0)：这一步是精确的，NaN 仍是 NaN；"
        "再用 `np.square` 把 r 平方，只舍入一次，所以结果是正确舍入的。"
        "r 超过最大浮点数的平方根（双精度约 1.34e154，单精度约 1.84e19，半精度 256）时平方上溢为 +∞，"
        "这正是真值舍入后的结果，因此在 `np.errstate` 中不报上溢。"
        "导数同样先取 `np.maximum(x, 0)`，再计算 r + r = 2r：乘以 2 是精确的，结果没有任何舍入误差。",
        "The forward pass takes r = max(x, 0) with `np.maximum(x, 0)`, which is exact and keeps NaN; "
        "`np.square` then squares r with a single rounding, so the result is correctly rounded. "
        "Beyond the square root of the largest float (about 1.34e154 in float64, 1.84e19 in float32, "
        "256 in float16) the square overflows to +∞, which is the true value correctly rounded, so "
        "`np.errstate` keeps that overflow from being reported. The derivative also starts from "
        "`np.maximum(x, 0)` and computes r + r = 2r: doubling is exact, so the result has no "
        "rounding error at all.",
    ),
    elsewhere=(
        Elsewhere(
            "MLX", "mlx.nn.relu2",
            "https://github.com/ml-explore/mlx/blob/v0.32.1/python/mlx/nn/layers/activations.py",
            None,
        ),
    ),
))
