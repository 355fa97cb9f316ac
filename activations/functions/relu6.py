"""ReLU6 (rectified linear unit capped at 6)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Properties, Reference, Text


@elementwise
def relu6(x: np.ndarray) -> np.ndarray:
    r"""ReLU capped at 6, element-wise.

    .. math:: \operatorname{ReLU6}(x) = \min\bigl(\max(0, x),\ 6\bigr)

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [0, 6]. Exact.

    Notes
    -----
    ``np.clip`` is ``np.minimum(np.maximum(x, 0), 6)`` in one pass: it only
    compares, so every value is exact (x itself, 0 or 6), and NaN stays NaN.
    A comparison such as ``np.where(x > 0, ..., 0)`` would turn NaN into 0,
    because NaN > 0 is False.

    Examples
    --------
    >>> relu6([-2.0, 3.0, 8.0])
    array([0., 3., 6.])
    """
    return np.clip(x, 0, 6)  # compares only: exact, NaN in gives NaN out


@elementwise
def relu6_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of ReLU6 with respect to x, element-wise.

    .. math:: \operatorname{ReLU6}'(x) = \begin{cases} 1 & 0 < x < 6 \\ 0 & \text{otherwise} \end{cases}

    At the kinks x = 0 and x = 6 the value is 0, as PyTorch autograd gives it.

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`relu6`).

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``, values 0 or 1; NaN where ``x`` is
        NaN. Exact.

    Notes
    -----
    min(x, 6 - x) is positive exactly on 0 < x < 6, and 0 at both kinks: a
    difference of two floats is 0 only when they are equal, and 6 - x cannot
    overflow. ``np.clip`` to [0, 1] and ``np.ceil`` turn it into the step: 1
    on 0 < x < 6 (a positive value, however small, rounds up to 1), else 0,
    and NaN for NaN. No mask and no temporary.

    Examples
    --------
    >>> relu6_derivative([-2.0, 0.0, 3.0, 6.0])
    array([0., 0., 1., 0.])
    """
    out = np.subtract(6, x)
    np.minimum(out, x, out=out)  # > 0 exactly on 0 < x < 6; NaN for NaN
    # the step: (0, 1] -> 1 inside, 0 at the kinks and outside, NaN for NaN
    np.clip(out, 0, 1, out=out)
    np.ceil(out, out=out)
    return out


def _naive(x: np.ndarray) -> np.ndarray:
    return np.where(x > 0, np.minimum(x, 6), 0)


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    return np.where((x >= 0) & (x <= 6), 1, 0)


SPEC = register(Activation(
    name="relu6",
    slug="relu6",
    order=110,
    title=Text("ReLU6", "ReLU6"),
    full_name=Text("上限为 6 的线性整流函数", "rectified linear unit capped at 6"),
    summary=Text(
        "把 ReLU 的输出截断在 6：值域有界，适合低精度定点计算，是 MobileNet 系列的激活函数。",
        "ReLU with its output capped at 6: a bounded range that suits low-precision fixed-point "
        "arithmetic; the activation of the MobileNet family.",
    ),
    forward=relu6,
    derivative=relu6_derivative,
    latex=(r"\operatorname{ReLU6}(x) = \min\bigl(\max(0,\ x),\ 6\bigr) = "
           r"\begin{cases} 0, & x \le 0 \\ x, & 0 < x < 6 \\ 6, & x \ge 6 \end{cases}"),
    latex_derivative=(r"\operatorname{ReLU6}'(x) = "
                      r"\begin{cases} 1, & 0 < x < 6 \\ 0, & x \le 0 \ \text{or}\ x \ge 6 \end{cases}"),
    parameters=(),
    properties=Properties(
        range=r"[0,\ 6]",
        monotonic=True,
        smoothness=r"C^0",
        zero_centred=False,
        saturation=("hard", "hard"),
        bounded="both",
        lower=0.0,
        upper=6.0,
        note=Text("两侧都是硬饱和：x ≤ 0 与 x ≥ 6 处导数恰好为 0。它是 Hardtanh 取 min_val = 0、max_val = 6 的特例。",
                  "Hard saturation on both sides: the derivative is exactly 0 for x ≤ 0 and for x ≥ 6. "
                  "It is Hardtanh with min_val = 0 and max_val = 6."),
    ),
    kink=Text(
        "x = 0 和 x = 6 处不可导；本包在这两点都取 ReLU6′ = 0，与 PyTorch 自动求导一致。",
        "ReLU6 is not differentiable at x = 0 and x = 6; this package uses ReLU6′ = 0 at both, "
        "as PyTorch autograd does.",
    ),
    references=(
        Reference(
            "Alex Krizhevsky", 2010,
            "Convolutional deep belief networks on CIFAR-10",
            "Unpublished manuscript, University of Toronto",
            "https://www.cs.toronto.edu/~kriz/conv-cifar10-aug2010.pdf",
        ),
        Reference(
            "Andrew G. Howard, Menglong Zhu, Bo Chen, Dmitry Kalenichenko, Weijun Wang, Tobias Weyand, "
            "Marco Andreetto, Hartwig Adam", 2017,
            "MobileNets: Efficient convolutional neural networks for mobile vision applications",
            "arXiv:1704.04861", "https://arxiv.org/abs/1704.04861",
        ),
        Reference(
            "Mark Sandler, Andrew Howard, Menglong Zhu, Andrey Zhmoginov, Liang-Chieh Chen", 2018,
            "MobileNetV2: Inverted residuals and linear bottlenecks",
            "CVPR 2018, 4510–4520", "https://arxiv.org/abs/1801.04381",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.relu6", "(input, inplace=False)",
            module="torch.nn.ReLU6(inplace=False)",
            difference=Text(
                "自动求导在 NaN 处给出的导数不是 NaN：CPU 上的向量化内核给出 0，凑不满一组向量的尾部元素"
                "按标量计算，给出 1（本包为 NaN）。两个折点处与本包一样取 0。",
                "Autograd's derivative at NaN is not NaN: the vectorized CPU kernel gives 0, and the "
                "elements of the tail too short for a vector, computed one by one, give 1 (this package: "
                "NaN). At both kinks it takes 0, as this package does."),
            call="torch.nn.functional.relu6(x)",
            deviations=(
                Deviation("df", float("nan"), 0.0),
            ),
        ),
        FrameworkName(
            "Keras", "keras.activations.relu6", "(x)",
            difference=Text(
                "没有单独的层，写作 keras.layers.ReLU(max_value=6.0)。"
                "在 JAX 后端上调用 jax.nn.relu6，导数的差异与 JAX 一行相同。",
                "There is no layer of its own: keras.layers.ReLU(max_value=6.0). On the JAX backend it calls "
                "jax.nn.relu6: the derivative differs as in the JAX row."),
            call="keras.activations.relu6(x)",
            deviations=(
                Deviation("df", float("nan"), 0.0),
                Deviation("df", 5e-324, 0.0),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.relu6", "(x)",
            difference=Text(
                "NaN 处的导数为 0（本包为 NaN）。CPU 上的 XLA 把次正规数按 0 处理（flush-to-zero），"
                "所以 x = 5e−324 处导数也是 0（本包为 1）。",
                "The derivative at NaN is 0 (this package: NaN). XLA on the CPU flushes subnormal numbers to "
                "0, so at x = 5e−324 the derivative is 0 too (this package: 1)."),
            call="jax.nn.relu6(x)",
            deviations=(
                Deviation("df", float("nan"), 0.0),
                Deviation("df", 5e-324, 0.0),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.relu6", "(x, name=None)",
            module="paddle.nn.ReLU6()",
            difference=Text(
                "NaN 处的导数为 0（本包为 NaN）。",
                "The derivative at NaN is 0 (this package: NaN)."),
            call="paddle.nn.functional.relu6(x)",
            deviations=(
                Deviation("df", float("nan"), 0.0),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.relu6", "(x)",
            module="mindspore.nn.ReLU6",
            difference=Text(
                "文档写明输入只支持 float16 和 float32。",
                "Its documentation says that the input must be float16 or float32."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.relu6.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(float("nan"), 0.0, 6.0),
    plot_range=(-3.0, 9.0),
    kink_points=lambda **_: (0.0, 6.0),
    implementation=Text(
        "前向就是 `np.clip(x, 0, 6)`：一次遍历里先与 0 取大、再与 6 取小，只有比较，没有舍入，"
        "结果恰好是 x、0 或 6；NaN 参与比较时结果仍为 NaN，并保留输入的浮点类型。"
        "导数先用 `np.minimum` 算 min(x, 6 − x)：它恰好在 0 < x < 6 上为正，在两个折点处为 0"
        "（两个浮点数之差只在两数相等时为 0，6 − x 也不会上溢），NaN 处为 NaN。"
        "再用 `np.clip` 截到 [0, 1]，用 `np.ceil` 向上取整（再小的正数也变成 1），得到阶跃："
        "区间内为 1，折点处和区间外为 0，NaN 仍为 NaN。每一步都原地写进输出数组，"
        "不需要掩码，也没有临时数组。",
        "The forward pass is `np.clip(x, 0, 6)`: in one pass, the larger of x and 0, then the "
        "smaller of that and 6. It only compares, so there is no rounding: the result is exactly "
        "x, 0 or 6, NaN stays NaN, and the input's float dtype is kept. The derivative first "
        "forms min(x, 6 − x) with `np.minimum`, which is positive exactly on 0 < x < 6 and 0 at "
        "both kinks (a difference of two floats is 0 only when they are equal, and 6 − x cannot "
        "overflow), and NaN for NaN. `np.clip` to [0, 1] and `np.ceil` (a positive value, however "
        "small, rounds up to 1) turn it into the step: 1 inside, 0 at the kinks and outside, NaN "
        "for NaN. Every step writes into the output array: no mask and no temporary.",
    ),
))
