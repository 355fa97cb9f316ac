"""Hardtanh (hard hyperbolic tangent)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise, real_param
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Parameter, Properties, Reference, Text


def _bounds(min_val: float, max_val: float) -> tuple[float, float]:
    """The checked bounds: finite real numbers with min_val < max_val."""
    a = real_param(min_val, "min_val")
    b = real_param(max_val, "max_val")
    if not a < b:
        raise ValueError(
            f"min_val must be < max_val, got min_val={a}, max_val={b}")
    return a, b


@elementwise
def hardtanh(
    x: np.ndarray, min_val: float = -1.0, max_val: float = 1.0
) -> np.ndarray:
    r"""Hard hyperbolic tangent, element-wise.

    .. math:: \operatorname{Hardtanh}(x) = \min\bigl(\max(x,\ a),\ b\bigr)

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.
    min_val : float, default -1.0
        The lower bound a. A finite real number below ``max_val``.
    max_val : float, default 1.0
        The upper bound b. A finite real number above ``min_val``.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [a, b]. Exact.

    Raises
    ------
    ValueError
        If a bound is not finite, or if ``min_val >= max_val``.

    Notes
    -----
    ``np.clip`` only compares: every value is x itself, a or b (the bounds
    as the dtype holds them), with no rounding, and NaN stays NaN.

    Examples
    --------
    >>> hardtanh([-3.0, 0.5, 2.0])
    array([-1. ,  0.5,  1. ])
    """
    a, b = _bounds(min_val, max_val)
    return np.clip(x, a, b)  # compares only: exact, NaN in gives NaN out


@elementwise
def hardtanh_derivative(
    x: np.ndarray, min_val: float = -1.0, max_val: float = 1.0
) -> np.ndarray:
    r"""Derivative of Hardtanh with respect to x, element-wise.

    .. math:: \operatorname{Hardtanh}'(x) = \begin{cases} 1 & a < x < b \\ 0 & \text{otherwise} \end{cases}

    At the kinks x = a and x = b the value is 0, as PyTorch autograd gives it.

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`hardtanh`).
    min_val, max_val : float
        See :func:`hardtanh`.

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``, values 0 or 1; NaN where ``x`` is
        NaN. Exact.

    Notes
    -----
    min(x - a, b - x) is positive exactly on a < x < b, and 0 at both kinks:
    a difference of two floats is 0 only when they are equal. ``np.clip`` to
    [0, 1] and ``np.ceil`` turn it into the step (a positive value, however
    small, rounds up to 1), NaN for NaN, with no mask. A difference can overflow only for huge x and a
    bound of the opposite sign; the infinity keeps the sign the step needs.

    Examples
    --------
    >>> hardtanh_derivative([-3.0, -1.0, 0.5, 1.0])
    array([0., 0., 1., 0.])
    """
    a, b = _bounds(min_val, max_val)
    # an overflow to ±inf keeps the sign of x - a or b - x: the step is right
    with np.errstate(over="ignore"):
        out = np.subtract(b, x)
        np.minimum(out, x - a, out=out)  # > 0 exactly on a < x < b
    # the step: (0, 1] -> 1 inside, 0 at the kinks and outside, NaN for NaN
    np.clip(out, 0, 1, out=out)
    np.ceil(out, out=out)
    return out


def _naive(x: np.ndarray, min_val: float = -1.0, max_val: float = 1.0) -> np.ndarray:
    return np.where(x < min_val, min_val, np.where(x > max_val, max_val, x))


def _naive_derivative(x: np.ndarray, min_val: float = -1.0, max_val: float = 1.0) -> np.ndarray:
    return np.where((x >= min_val) & (x <= max_val), 1, 0)


SPEC = register(Activation(
    name="hardtanh",
    slug="hardtanh",
    order=120,
    title=Text("Hardtanh", "Hardtanh"),
    full_name=Text("硬双曲正切", "hard hyperbolic tangent"),
    summary=Text(
        "把输入截断在 [−1, 1]（可调）之间：Tanh 的分段线性近似，两侧硬饱和。",
        "Clips its input to [−1, 1] (adjustable): a piecewise-linear approximation of Tanh, "
        "with hard saturation on both sides.",
    ),
    forward=hardtanh,
    derivative=hardtanh_derivative,
    latex=r"\operatorname{Hardtanh}(x) = \begin{cases} a, & x < a \\ x, & a \le x \le b \\ b, & x > b \end{cases}",
    latex_derivative=(r"\operatorname{Hardtanh}'(x) = "
                      r"\begin{cases} 1, & a < x < b \\ 0, & x \le a \ \text{or}\ x \ge b \end{cases}"),
    parameters=(
        Parameter(
            "min_val", "a", -1.0, r"a \in \mathbb{R},\ a < b",
            Text("下界：x ≤ a 时输出 a；必须小于上界", "lower bound: the output for x ≤ a; below the upper bound"),
            check=lambda v: bool(np.isfinite(v)) and v < 1.0,  # at the default max_val
        ),
        Parameter(
            "max_val", "b", 1.0, r"b \in \mathbb{R},\ b > a",
            Text("上界：x ≥ b 时输出 b；必须大于下界", "upper bound: the output for x ≥ b; above the lower bound"),
            check=lambda v: bool(np.isfinite(v)) and v > -1.0,  # at the default min_val
        ),
    ),
    properties=Properties(
        range=r"[-1,\ 1]",
        monotonic=True,
        smoothness=r"C^0",
        zero_centred=True,
        saturation=("hard", "hard"),
        bounded="both",
        lower=-1.0,
        upper=1.0,
        note=Text("一般的界 a < b 下值域是 [a, b]；只有 a = −b 时函数是奇函数（以零为中心）。"
                  "a = 0、b = 6 就是 ReLU6。",
                  "For general bounds a < b the range is [a, b]; the function is odd (zero-centred) only "
                  "for a = −b. a = 0, b = 6 gives ReLU6."),
    ),
    kink=Text(
        "x = a 和 x = b 处不可导；本包在这两点都取 Hardtanh′ = 0，与 PyTorch 自动求导一致。",
        "Hardtanh is not differentiable at x = a and x = b; this package uses Hardtanh′ = 0 at "
        "both, as PyTorch autograd does.",
    ),
    references=(
        Reference(
            "Ronan Collobert, Jason Weston, Léon Bottou, Michael Karlen, Koray Kavukcuoglu, Pavel Kuksa", 2011,
            "Natural language processing (almost) from scratch",
            "Journal of Machine Learning Research 12, 2493–2537",
            "https://jmlr.org/papers/v12/collobert11a.html",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.hardtanh", "(input, min_val=-1.0, max_val=1.0, inplace=False)",
            module="torch.nn.Hardtanh(min_val=-1.0, max_val=1.0)",
            difference=Text(
                "允许 min_val = max_val（输出为常数），本包要求 min_val < max_val。"
                "自动求导在 NaN 处给出的导数不是 NaN：CPU 上的向量化内核给出 0，凑不满一组向量的尾部元素"
                "按标量计算，给出 1（本包为 NaN）。两个折点处与本包一样取 0。",
                "It accepts min_val = max_val (a constant output); this package requires min_val < max_val. "
                "Autograd's derivative at NaN is not NaN: the vectorized CPU kernel gives 0, and the "
                "elements of the tail too short for a vector, computed one by one, give 1 (this package: "
                "NaN). At both kinks it takes 0, as this package does."),
            call="torch.nn.functional.hardtanh(x)",
            deviations=(
                Deviation("df", float("nan"), 0.0),
            ),
        ),
        FrameworkName(
            "Keras", "keras.activations.hard_tanh", "(x)",
            difference=Text(
                "没有 min_val、max_val 参数，界固定为 −1 和 1，也没有单独的层。"
                "在 JAX 后端上调用 jax.nn.hard_tanh，折点和 NaN 处的导数与 JAX 一行相同。",
                "It has no min_val or max_val: the bounds are fixed at −1 and 1, and there is no layer of its "
                "own. On the JAX backend it calls jax.nn.hard_tanh: the derivative at the kinks and at NaN "
                "follows the JAX row."),
            call="keras.activations.hard_tanh(x)",
            deviations=(
                Deviation("df", float("nan"), 1.0),
                Deviation("df", 1.0, 1.0),
                Deviation("df", -1.0, 1.0),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.hard_tanh", "(x)",
            difference=Text(
                "界固定为 −1 和 1。两个折点 x = ±1 处导数取 1（内侧的值），本包与 PyTorch 取 0；NaN 处导数为 1。",
                "The bounds are fixed at −1 and 1. At the kinks x = ±1 the derivative is 1 (the inner "
                "side's), where this package and PyTorch take 0; at NaN it is 1."),
            call="jax.nn.hard_tanh(x)",
            deviations=(
                Deviation("df", float("nan"), 1.0),
                Deviation("df", 1.0, 1.0),
                Deviation("df", -1.0, 1.0),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.hardtanh", "(x, min=-1.0, max=1.0, name=None)",
            module="paddle.nn.Hardtanh(min=-1.0, max=1.0)",
            difference=Text(
                "两个界的参数叫 min 和 max。NaN 处导数为 0（本包为 NaN）。",
                "The bounds are called min and max. At NaN the derivative is 0 (this package: NaN)."),
            call="paddle.nn.functional.hardtanh(x)",
            deviations=(
                Deviation("df", float("nan"), 0.0),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.hardtanh", "(input, min_val=-1.0, max_val=1.0)",
            module="mindspore.nn.Hardtanh",
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.hardtanh.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(float("nan"), -1.0, 1.0),
    plot_range=(-3.0, 3.0),
    kink_points=lambda min_val=-1.0, max_val=1.0: (min_val, max_val),
    implementation=Text(
        "前向就是 `np.clip(x, a, b)`：与下界取大、再与上界取小，只有比较，没有舍入，"
        "结果恰好是 x、a 或 b（按输入的浮点类型表示的界），NaN 仍为 NaN。"
        "导数先用 `np.minimum` 算 min(x − a, b − x)：它恰好在 a < x < b 上为正，在两个折点处为 0"
        "（两个浮点数之差只在两数相等时为 0），NaN 处为 NaN。再用 `np.clip` 截到 [0, 1]，"
        "用 `np.ceil` 向上取整（再小的正数也变成 1），得到阶跃：区间内为 1，折点处和区间外为 0，"
        "NaN 仍为 NaN，不需要掩码。只有 x 极大、而界的符号与它相反时差才会上溢，"
        "此时得到的无穷大符号仍然正确，所以这两个减法在 `np.errstate(over=\"ignore\")` 下计算。",
        "The forward pass is `np.clip(x, a, b)`: the larger of x and the lower bound, then the "
        "smaller of that and the upper bound. It only compares, so there is no rounding: the "
        "result is exactly x, a or b (the bounds as the input's dtype holds them), and NaN stays "
        "NaN. The derivative first forms min(x − a, b − x) with `np.minimum`, which is positive "
        "exactly on a < x < b and 0 at both kinks (a difference of two floats is 0 only when "
        "they are equal), and NaN for NaN. `np.clip` to [0, 1] and `np.ceil` (a positive value, "
        "however small, rounds up to 1) turn it into the step: 1 inside, 0 at the kinks and "
        "outside, NaN for NaN, with no mask. The differences can overflow only for huge x and a "
        "bound of the opposite sign, and the infinity still has the right sign, so the two "
        "subtractions run under `np.errstate(over=\"ignore\")`.",
    ),
))
