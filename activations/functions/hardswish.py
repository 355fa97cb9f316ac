"""Hardswish (hard swish, MobileNetV3's h-swish)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Properties, Reference, Text


@elementwise
def hardswish(x: np.ndarray) -> np.ndarray:
    r"""Hard swish, element-wise: x times the hard sigmoid of x.

    .. math:: \operatorname{Hardswish}(x) = x \cdot \frac{\operatorname{ReLU6}(x + 3)}{6}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [-0.375, inf].

    Notes
    -----
    With t = max(x, -3), the result is t * (min(t + 3, 6) / 6): 0 for
    x <= -3 (also at -inf, where x * 0 would be NaN), x itself for x >= 3
    (the factor is exactly 1), and no overflow for huge x, which
    x * (x + 3) / 6 would give beyond max/6. Near x = -3, t + 3 is exact.

    Examples
    --------
    >>> hardswish([-4.0, -1.5, 0.0, 1.5, 4.0])
    array([-0.   , -0.375,  0.   ,  1.125,  4.   ])
    """
    out = np.maximum(x, -3)  # -inf -> -3: no -inf * 0; NaN stays NaN
    h = np.add(out, 3)  # exact near x = -3
    np.minimum(h, 6, out=h)
    np.divide(h, 6, out=h)  # the hard sigmoid, in [0, 1]
    np.multiply(out, h, out=out)  # divided first: x * 6 cannot overflow
    return out


@elementwise
def hardswish_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of Hardswish with respect to x, element-wise.

    .. math::

        \operatorname{Hardswish}'(x) = \begin{cases} 0 & x \le -3 \\
        (2x + 3)/6 & -3 < x < 3 \\ 1 & x \ge 3 \end{cases}

    At the kinks the value is 0 at x = -3 and 1 at x = 3, as PyTorch
    autograd gives it.

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`hardswish`).

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``, values in [-0.5, 1.5); NaN
        where ``x`` is NaN.

    Notes
    -----
    With c = clip(x, -3, 3) (exactly ±3 outside and at the kinks) and
    s = trunc(c / 3), which is ±1 at c = ±3 and ±0 inside, the derivative
    is (c - 1.5 s + 1.5) / 3: (c + 1.5) / 3 = (2x + 3) / 6 inside, and
    (±1.5 + 1.5) / 3, i.e. 1 and 0, outside. c + 1.5 is exact near the root
    x = -1.5, so the result keeps its relative accuracy there. No mask.

    Examples
    --------
    >>> hardswish_derivative([-4.0, -3.0, -1.5, 0.0, 3.0])
    array([0. , 0. , 0. , 0.5, 1. ])
    """
    out = np.clip(x, -3, 3)  # exactly ±3 outside (-3, 3); NaN stays NaN
    s = np.divide(out, 3)
    np.trunc(s, out=s)  # ±1 at c = ±3, ±0 inside (|c|/3 < 1 there)
    np.multiply(s, -1.5, out=s)
    np.add(out, s, out=out)  # c - 1.5 s: c inside, ±1.5 at c = ±3
    np.add(out, 1.5, out=out)  # exact near the root x = -1.5
    np.divide(out, 3, out=out)
    return out


def _naive(x: np.ndarray) -> np.ndarray:
    return x * np.minimum(np.maximum(x + 3, 0), 6) / 6


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    return np.where(x < -3, 0.0, np.where(x > 3, 1.0, (2 * x + 3) / 6))


SPEC = register(Activation(
    name="hardswish",
    slug="hardswish",
    order=140,
    title=Text("Hardswish", "Hardswish"),
    full_name=Text("硬 Swish", "hard swish"),
    summary=Text(
        "x 乘以 Hardsigmoid(x)：SiLU（Swish）的分段多项式近似，不用指数，是 MobileNetV3 的激活函数。",
        "x times Hardsigmoid(x): a piecewise-polynomial approximation of SiLU (Swish) without an "
        "exponential; the activation of MobileNetV3.",
    ),
    forward=hardswish,
    derivative=hardswish_derivative,
    latex=(r"\operatorname{Hardswish}(x) = x \cdot \frac{\operatorname{ReLU6}(x + 3)}{6} = "
           r"\begin{cases} 0, & x \le -3 \\ \dfrac{x (x + 3)}{6}, & -3 < x < 3 \\ "
           r"x, & x \ge 3 \end{cases}"),
    latex_derivative=(r"\operatorname{Hardswish}'(x) = "
                      r"\begin{cases} 0, & x \le -3 \\ \dfrac{2x + 3}{6}, & -3 < x < 3 \\ "
                      r"1, & x \ge 3 \end{cases}"),
    parameters=(),
    properties=Properties(
        range=r"[-0.375,\ \infty)",
        monotonic=False,
        smoothness=r"C^0",
        zero_centred=False,
        saturation=("hard", "none"),
        bounded="below",
        lower=-0.375,
        upper=float("inf"),
        note=Text("最小值 −3/8 = −0.375 在 x = −1.5 处取到，在 $(-3, -1.5)$ 上函数递减。"
                  "函数本身连续，导数在 x = ±3 处跳跃：−3 处从 0 跳到 −1/2，3 处从 3/2 跳到 1。",
                  "The minimum −3/8 = −0.375 is at x = −1.5; the function decreases on (−3, −1.5). "
                  "The function is continuous and its derivative jumps at x = ±3: from 0 to −1/2 at −3, "
                  "from 3/2 to 1 at 3."),
    ),
    kink=Text(
        "x = −3 和 x = 3 处不可导（导数在两侧取不同的值）；本包在 x = −3 处取 Hardswish′ = 0，"
        "在 x = 3 处取 1，都是外侧的值，与 PyTorch 自动求导一致。",
        "Hardswish is not differentiable at x = −3 and x = 3 (the derivative has different limits "
        "on the two sides); this package uses Hardswish′ = 0 at x = −3 and 1 at x = 3, the outer "
        "side's values, as PyTorch autograd does.",
    ),
    references=(
        Reference(
            "Andrew Howard, Mark Sandler, Grace Chu, Liang-Chieh Chen, Bo Chen, Mingxing Tan, "
            "Weijun Wang, Yukun Zhu, Ruoming Pang, Vijay Vasudevan, Quoc V. Le, Hartwig Adam", 2019,
            "Searching for MobileNetV3",
            "ICCV 2019, 1314–1324", "https://arxiv.org/abs/1905.02244",
        ),
        Reference(
            "Prajit Ramachandran, Barret Zoph, Quoc V. Le", 2017,
            "Searching for activation functions",
            "arXiv:1710.05941", "https://arxiv.org/abs/1710.05941",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.hardswish", "(input, inplace=False)",
            module="torch.nn.Hardswish(inplace=False)",
            difference=Text(
                "前向按 x·min(max(x + 3, 0), 6)/6 计算：x = −∞ 时前向为 NaN（−∞ 乘以 0），本包为 0；"
                "x 超过最大浮点数的六分之一时乘积上溢，"
                "x = 1e308 得到 +∞（本包为 1e308）。NaN 处自动求导的导数取决于元素的位置："
                "CPU 上的向量化内核给出 NaN，凑不满一组向量的尾部元素按标量计算，给出 1。"
                "两个折点处与本包一样，−3 处导数取 0，3 处取 1。",
                "The forward pass computes x·min(max(x + 3, 0), 6)/6: at x = −∞ it is NaN (−∞ times 0; "
                "this package: 0), and beyond a sixth of the largest float the product overflows, so "
                "x = 1e308 gives +∞ (this package: 1e308). Autograd's derivative at NaN depends on the "
                "element's position: the vectorized CPU kernel gives NaN, and the elements of the tail "
                "too short for a vector, computed one by one, give 1. At the kinks it takes 0 at −3 and "
                "1 at 3, as this package does."),
            call="torch.nn.functional.hardswish(x)",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", 1e+308, float("inf")),
            ),
        ),
        FrameworkName(
            "Keras", "keras.activations.hard_silu", "(x)",
            difference=Text(
                "hard_swish 是它的别名；没有单独的层。在 JAX 后端上调用 jax.nn.hard_silu，差异与 JAX 一行相同。",
                "hard_swish is an alias; there is no layer of its own. On the JAX backend it calls "
                "jax.nn.hard_silu: it differs as the JAX row does."),
            call="keras.activations.hard_silu(x)",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("df", 2.9999999999999996, 1.0),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.hard_silu", "(x)",
            difference=Text(
                "hard_swish 是它的别名。按 x·relu6(x + 3)/6 计算：x = −∞ 时前向为 NaN（−∞ 乘以 0），本包为 0；"
                "x 略小于 3 时 x + 3 舍入成 6，所以在 3 的前一个浮点数 x = 2.9999999999999996 处导数已经是 1"
                "（本包约为 3/2）。",
                "hard_swish is an alias. It computes x·relu6(x + 3)/6: at x = −∞ the forward pass is NaN "
                "(−∞ times 0; this package: 0), and for x just below 3, x + 3 rounds to 6, so at the float "
                "before 3, x = 2.9999999999999996, the derivative is already 1 (this package: about 3/2)."),
            call="jax.nn.hard_silu(x)",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("df", 2.9999999999999996, 1.0),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.hardswish", "(x, name=None)",
            module="paddle.nn.Hardswish(name=None)",
            difference=Text(
                "x = −∞ 时前向为 NaN（本包为 0），x = 1e308 时为 +∞（本包为 1e308）。"
                "导数在 x = ±∞ 和 ±1e308 处为 NaN（本包右侧为 1、左侧为 0）；"
                "在 3 的前一个浮点数 x = 2.9999999999999996 处为 1（本包约为 3/2）。两个折点处与本包一样。",
                "At x = −∞ the forward pass is NaN (this package: 0), at x = 1e308 it is +∞ (this "
                "package: 1e308). The derivative is NaN at x = ±∞ and ±1e308 (this package: 1 on the "
                "right, 0 on the left), and 1 at the float before 3, x = 2.9999999999999996 (this "
                "package: about 3/2). At both kinks it agrees with this package."),
            call="paddle.nn.functional.hardswish(x)",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("f", 1e+308, float("inf")),
                Deviation("df", float("inf"), float("nan")),
                Deviation("df", float("-inf"), float("nan")),
                Deviation("df", 1e+308, float("nan")),
                Deviation("df", -1e+308, float("nan")),
                Deviation("df", 2.9999999999999996, 1.0),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.hardswish", "(input)",
            module="mindspore.nn.HSwish",
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.hardswish.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(1e308, float("-inf"), -3.0, 3.0, -1.5),
    plot_range=(-5.0, 5.0),
    kink_points=lambda **_: (-3.0, 3.0),
    implementation=Text(
        "前向先用 `np.maximum` 把 x 截到不小于 −3，记为 t，再用 `np.add`、`np.minimum` 和 "
        "`np.divide` 算出 min(t + 3, 6)/6（即 Hardsigmoid），最后用 `np.multiply` 乘上 t。"
        "先截断，x = −∞ 时算的是 $(-3) \\cdot 0 = 0$，而不是 $-\\infty \\cdot 0 = \\text{NaN}$；"
        "先除以 6 再乘，x 很大时因子恰好是 1，"
        "结果就是 x 本身，不会像 x(x + 3)/6 那样在 x 超过最大浮点数的六分之一时上溢。"
        "x 靠近 −3 时 t + 3 是精确的。导数先用 `np.clip` 把 x 截到 [−3, 3]，记为 c：区间外和两个折点处"
        "恰好是 ±3。s = trunc(c/3)（`np.divide`、`np.trunc`）在 c = ±3 处为 ±1、区间内为 ±0；"
        "再用 `np.multiply` 和 `np.add` 算 $(c - 1.5 s + 1.5)/3$：区间内是 $(c + 1.5)/3 = (2x + 3)/6$，"
        "c = 3 时是 1，c = −3 时是 0。c + 1.5 在导数的零点 x = −1.5 附近是精确的，"
        "所以那里的结果仍有完整的相对精度。NaN 一路保持为 NaN，没有掩码。",
        "The forward pass clips x from below at −3 with `np.maximum` (call it t), forms "
        "min(t + 3, 6)/6, the hard sigmoid, with `np.add`, `np.minimum` and `np.divide`, and "
        "multiplies it by t with `np.multiply`. Clipping first makes x = −∞ give (−3)·0 = 0 "
        "instead of −∞·0 = NaN; dividing before multiplying makes the factor exactly 1 for large "
        "x, so the result is x itself, with no overflow where x(x + 3)/6 overflows, beyond a sixth "
        "of the largest float. Near x = −3, t + 3 is exact. The derivative clips x to [−3, 3] with "
        "`np.clip` (call it c: exactly ±3 outside the interval and at both kinks). "
        "s = trunc(c/3) (`np.divide`, `np.trunc`) is ±1 at c = ±3 and ±0 inside; "
        "`np.multiply` and `np.add` then form (c − 1.5 s + 1.5)/3: (c + 1.5)/3 = (2x + 3)/6 "
        "inside, 1 at c = 3 and 0 at c = −3. c + 1.5 is exact near the derivative's root "
        "x = −1.5, so the result keeps its full relative accuracy there. NaN stays NaN "
        "throughout, with no mask.",
    ),
))
