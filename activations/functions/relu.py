"""ReLU (rectified linear unit)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Properties, Reference, Text


@elementwise
def relu(x: np.ndarray) -> np.ndarray:
    r"""Rectified linear unit, element-wise.

    .. math:: \operatorname{ReLU}(x) = \max(0, x)

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [0, inf]. Exact.

    Notes
    -----
    ``np.maximum`` propagates NaN and keeps the dtype. The mirror-image
    ``np.where(x > 0, x, 0)`` would turn NaN into 0, because NaN > 0 is False.

    Examples
    --------
    >>> relu([-2.0, 0.0, 3.0])
    array([0., 0., 3.])
    """
    return np.maximum(x, 0)  # NaN in gives NaN out


@elementwise
def relu_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of ReLU with respect to x, element-wise.

    .. math:: \operatorname{ReLU}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}

    At the kink x = 0 the value is 0, as PyTorch autograd gives it.

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`relu`).

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x`` (never an integer array), values 0 or 1;
        NaN where ``x`` is NaN. Exact.

    Notes
    -----
    ``np.greater`` writes the comparison x > 0 straight into a float array of
    x's dtype: 1 for x > 0, and 0 for x <= 0, the kink included, and for NaN,
    because NaN > 0 is False. ``np.copyto`` then puts the NaNs back, at the
    positions ``np.isnan`` marks, so that NaN in gives NaN out.

    Examples
    --------
    >>> relu_derivative([-2.0, 0.0, 3.0])
    array([0., 0., 1.])
    """
    # 1 for x > 0, 0 for x <= 0 (and for NaN)
    out = np.greater(x, 0, out=np.empty_like(x))
    np.copyto(out, x, where=np.isnan(x))  # NaN in gives NaN out
    return out


def _naive(x: np.ndarray) -> np.ndarray:
    return np.where(x < 0, 0, x)


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    return np.where(x < 0, 0, 1)


SPEC = register(Activation(
    name="relu",
    slug="relu",
    order=30,
    title=Text("ReLU", "ReLU"),
    full_name=Text("整流线性单元（线性整流函数）", "rectified linear unit"),
    summary=Text(
        "负半轴为 0、正半轴为恒等：计算便宜，正半轴不饱和，产生稀疏激活。",
        "Zero for negative input and the identity for positive: cheap, non-saturating "
        "for x > 0, and sparse.",
    ),
    forward=relu,
    derivative=relu_derivative,
    latex=r"\operatorname{ReLU}(x) = \max(0,\ x) = \begin{cases} x, & x > 0 \\ 0, & x \le 0 \end{cases}",
    latex_derivative=r"\operatorname{ReLU}'(x) = \begin{cases} 1, & x > 0 \\ 0, & x \le 0 \end{cases}",
    parameters=(),
    properties=Properties(
        range=r"[0,\ +\infty)",
        monotonic=True,
        smoothness=r"C^0",
        zero_centred=False,
        saturation=("hard", "none"),
        bounded="below",
        lower=0.0,
        upper=float("inf"),
    ),
    kink=Text(
        "x = 0 处不可导，本包取 ReLU′(0) = 0，与 PyTorch 自动求导一致（JAX 同样取 0）。",
        "ReLU is not differentiable at x = 0; this package uses ReLU′(0) = 0, as PyTorch "
        "autograd does (JAX also gives 0).",
    ),
    references=(
        Reference(
            "Kunihiko Fukushima", 1969,
            "Visual feature extraction by a multilayered network of analog threshold elements",
            "IEEE Transactions on Systems Science and Cybernetics 5(4), 322–333",
            "https://doi.org/10.1109/TSSC.1969.300225",
        ),
        Reference(
            "Vinod Nair, Geoffrey E. Hinton", 2010,
            "Rectified linear units improve restricted Boltzmann machines",
            "ICML 2010, 807–814", "https://dl.acm.org/doi/10.5555/3104322.3104425",
        ),
        Reference(
            "Xavier Glorot, Antoine Bordes, Yoshua Bengio", 2011,
            "Deep sparse rectifier neural networks",
            "AISTATS 2011, PMLR 15, 315–323", "https://proceedings.mlr.press/v15/glorot11a.html",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.relu", "(input, inplace=False)",
            module="torch.nn.ReLU(inplace=False)",
            difference=Text(
                "自动求导在 NaN 处给出导数 1（本包为 NaN）；折点处的导数与本包一样取 0。",
                "Autograd gives the derivative 1 at NaN (this package: NaN); at the kink it takes 0, as this "
                "package does."),
            call="torch.nn.functional.relu(x)",
            backward="torch.ops.aten.threshold_backward(g, y, 0)",
            deviations=(
                Deviation("df", float("nan"), 1.0),
            ),
        ),
        FrameworkName(
            "Keras", "keras.activations.relu", "(x, negative_slope=0.0, max_value=None, threshold=0.0)",
            module="keras.layers.ReLU()",
            difference=Text(
                "取默认参数时与本包是同一个函数；额外的参数可把它变成带泄露、截断或带阈值的版本。"
                "在 JAX 后端上调用 jax.nn.relu，导数的差异与 JAX 一行相同。",
                "At its defaults it is the same function as here; the extra parameters turn it into a leaky, "
                "capped or thresholded variant. On the JAX backend it calls jax.nn.relu: the derivative "
                "differs as in the JAX row."),
            call="keras.activations.relu(x)",
            deviations=(
                Deviation("df", float("nan"), 0.0),
                Deviation("df", 5e-324, 0.0),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.relu", "(x)",
            difference=Text(
                "NaN 处的导数为 0（本包为 NaN）。CPU 上的 XLA 把次正规数按 0 处理（flush-to-zero），"
                "所以最小的正次正规数 5e−324 处导数也是 0（本包为 1）。",
                "The derivative at NaN is 0 (this package: NaN). XLA on the CPU flushes subnormal numbers to "
                "0, so at the smallest positive subnormal number, 5e−324, the derivative is 0 too (this "
                "package: 1)."),
            call="jax.nn.relu(x)",
            deviations=(
                Deviation("df", float("nan"), 0.0),
                Deviation("df", 5e-324, 0.0),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.relu", "(x, name=None)",
            module="paddle.nn.ReLU()",
            difference=Text(
                "relu(NaN) 返回 0，导数也是 0（本包两者都是 NaN）。",
                "relu(NaN) returns 0, and its derivative is 0 (this package: NaN for both)."),
            call="paddle.nn.functional.relu(x)",
            deviations=(
                Deviation("f", float("nan"), 0.0),
                Deviation("df", float("nan"), 0.0),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.relu", "(input, inplace=False)",
            module="mindspore.nn.ReLU",
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.relu.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(float("nan"), 0.0),
    plot_range=(-4.0, 4.0),
    kink_points=lambda **_: (0.0,),
    implementation=Text(
        "前向就是 `np.maximum(x, 0)`：逐元素取 x 与 0 中较大的一个，NaN 参与时结果为 NaN，"
        "并保留输入的浮点类型。导数用 `np.greater(x, 0, out=…)` 把比较 x > 0 的结果直接写进"
        "一个与 x 同类型的浮点数组：x > 0 处为 1，x ≤ 0 处（折点在内）为 0；NaN > 0 为假，"
        "所以 NaN 处暂时也是 0，随后由 `np.copyto` 按 `np.isnan(x)` 给出的位置把 NaN 原样抄回。"
        "整个过程只有比较和复制，没有任何舍入，两个结果都是精确的。",
        "The forward pass is `np.maximum(x, 0)`: the larger of x and 0, element by element, "
        "NaN wherever x is NaN, in the input's float dtype. The derivative writes the comparison "
        "x > 0 with `np.greater(x, 0, out=…)` straight into a float array of x's dtype: 1 for "
        "x > 0 and 0 for x ≤ 0, the kink included. NaN > 0 is false, so the NaN positions hold "
        "0 at first; `np.copyto` then copies the NaNs back where `np.isnan(x)` marks them. "
        "There are only comparisons and copies, no rounding: both results are exact.",
    ),
))
