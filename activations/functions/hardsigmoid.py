"""Hardsigmoid (hard sigmoid, PyTorch's form)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Properties, Reference, Text


@elementwise
def hardsigmoid(x: np.ndarray) -> np.ndarray:
    r"""Hard sigmoid, element-wise: a piecewise-linear sigmoid.

    .. math:: \operatorname{Hardsigmoid}(x) = \min\bigl(\max(0,\ x/6 + 1/2),\ 1\bigr)

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
    Computed as ReLU6(x + 3) / 6. Near x = -3, where the result is small,
    x + 3 is exact (two floats within a factor 2 subtract exactly), so only
    the division rounds; x/6 + 1/2 would round x/6 and then cancel against
    1/2. Clipping before dividing makes the two outer pieces exactly 0 and
    1; NaN stays NaN.

    Examples
    --------
    >>> hardsigmoid([-4.0, 0.0, 1.5, 4.0])
    array([0.  , 0.5 , 0.75, 1.  ])
    """
    out = np.add(x, 3)  # exact near x = -3: nothing cancels in the division
    np.clip(out, 0, 6, out=out)
    np.divide(out, 6, out=out)
    return out


@elementwise
def hardsigmoid_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of Hardsigmoid with respect to x, element-wise.

    .. math:: \operatorname{Hardsigmoid}'(x) = \begin{cases} 1/6 & -3 < x < 3 \\ 0 & \text{otherwise} \end{cases}

    At the kinks x = -3 and x = 3 the value is 0, as PyTorch autograd gives
    it.

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`hardsigmoid`).

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``, values 0 or 1/6 (rounded to the
        dtype); NaN where ``x`` is NaN.

    Notes
    -----
    3 - |x| is positive exactly on -3 < x < 3 and 0 at both kinks (a
    difference of two floats is 0 only when they are equal). ``np.clip`` to
    [0, 1] and ``np.ceil`` turn it into the step 0 or 1 (NaN for NaN), and
    the division by 6 scales it. No mask and no temporary.

    Examples
    --------
    >>> hardsigmoid_derivative([-3.0, 0.0, 3.0]) * 6
    array([0., 1., 0.])
    """
    out = np.abs(x)
    np.subtract(3, out, out=out)  # > 0 exactly on -3 < x < 3; NaN for NaN
    # the step: (0, 1] -> 1 inside, 0 at the kinks and outside, NaN for NaN
    np.clip(out, 0, 1, out=out)
    np.ceil(out, out=out)
    np.divide(out, 6, out=out)
    return out


def _naive(x: np.ndarray) -> np.ndarray:
    return np.maximum(0, np.minimum(1, x / 6 + 0.5))


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    return np.where((x > -3) & (x < 3), 1 / 6, 0.0)


SPEC = register(Activation(
    name="hardsigmoid",
    slug="hardsigmoid",
    order=130,
    title=Text("Hardsigmoid", "Hardsigmoid"),
    full_name=Text("硬 Sigmoid", "hard sigmoid"),
    summary=Text(
        "Sigmoid 的分段线性近似：在 [−3, 3] 上是斜率 1/6 的直线，两侧硬饱和于 0 和 1，"
        "只需加法、截断和除法。",
        "A piecewise-linear approximation of Sigmoid: a line of slope 1/6 on [−3, 3], hard "
        "saturation at 0 and 1 on either side; only an addition, a clip and a division.",
    ),
    forward=hardsigmoid,
    derivative=hardsigmoid_derivative,
    latex=(r"\operatorname{Hardsigmoid}(x) = \frac{\operatorname{ReLU6}(x + 3)}{6} = "
           r"\begin{cases} 0, & x \le -3 \\ \dfrac{x}{6} + \dfrac{1}{2}, & -3 < x < 3 \\ "
           r"1, & x \ge 3 \end{cases}"),
    latex_derivative=(r"\operatorname{Hardsigmoid}'(x) = "
                      r"\begin{cases} \dfrac{1}{6}, & -3 < x < 3 \\ 0, & x \le -3 \ \text{or}\ x \ge 3 \end{cases}"),
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
        note=Text("两侧都是硬饱和：x ≤ −3 与 x ≥ 3 处导数恰好为 0。f(0) = 1/2 且 f(x) + f(−x) = 1，"
                  "与 Sigmoid 的对称性相同。",
                  "Hard saturation on both sides: the derivative is exactly 0 for x ≤ −3 and for "
                  "x ≥ 3. f(0) = 1/2 and f(x) + f(−x) = 1, the symmetry of Sigmoid."),
    ),
    kink=Text(
        "x = −3 和 x = 3 处不可导；本包在这两点都取 Hardsigmoid′ = 0，与 PyTorch 自动求导一致。",
        "Hardsigmoid is not differentiable at x = −3 and x = 3; this package uses "
        "Hardsigmoid′ = 0 at both, as PyTorch autograd does.",
    ),
    references=(
        Reference(
            "Matthieu Courbariaux, Yoshua Bengio, Jean-Pierre David", 2015,
            "BinaryConnect: Training deep neural networks with binary weights during propagations",
            "NeurIPS 2015, 3123–3131", "https://arxiv.org/abs/1511.00363",
        ),
        Reference(
            "Andrew Howard, Mark Sandler, Grace Chu, Liang-Chieh Chen, Bo Chen, Mingxing Tan, "
            "Weijun Wang, Yukun Zhu, Ruoming Pang, Vijay Vasudevan, Quoc V. Le, Hartwig Adam", 2019,
            "Searching for MobileNetV3",
            "ICCV 2019, 1314–1324", "https://arxiv.org/abs/1905.02244",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.hardsigmoid", "(input, inplace=False)",
            module="torch.nn.Hardsigmoid(inplace=False)",
            difference=Text(
                "float64 下反向计算用的常数 1/6 是单精度的 0.1666666716337204（源码写作 1.0f / 6.0f），"
                "所以 $(-3, 3)$ 内每一点的导数都偏大约 3e−8（相对误差），而不是 1/6 的双精度值；"
                "前向没有这个问题。NaN 处导数为 0（本包为 NaN）。两个折点处与本包一样取 0。",
                "In float64 its backward pass multiplies by 1/6 in single precision, 0.1666666716337204 "
                "(1.0f / 6.0f in the source), so on (−3, 3) its derivative is about 3e−8 too large "
                "(relative) at every point, not the float64 1/6; the forward pass is not affected. At NaN "
                "the derivative is 0 (this package: NaN). At both kinks it takes 0, as this package does."),
            call="torch.nn.functional.hardsigmoid(x)",
            ordinary_error=5e-9,  # 0.1666666716337204 - 1/6 = 4.97e-9: its derivative on (-3, 3)
            deviations=(
                Deviation("df", float("nan"), 0.0),
                Deviation("df", 0.0, 0.1666666716337204),
                Deviation("df", -0.0, 0.1666666716337204),
                Deviation("df", 1e-300, 0.1666666716337204),
                Deviation("df", -1e-300, 0.1666666716337204),
                Deviation("df", 5e-324, 0.1666666716337204),
                Deviation("df", -5e-324, 0.1666666716337204),
                Deviation("df", 0.5, 0.1666666716337204),
                Deviation("df", -0.5, 0.1666666716337204),
                Deviation("df", 1.0, 0.1666666716337204),
                Deviation("df", -1.0, 0.1666666716337204),
                Deviation("df", 2.5, 0.1666666716337204),
                Deviation("df", -2.5, 0.1666666716337204),
                Deviation("df", 2.9999999999999996, 0.1666666716337204),
                Deviation("df", -2.9999999999999996, 0.1666666716337204),
                Deviation("df", 2.99999999, 0.1666666716337204),
                Deviation("df", -2.99999999, 0.1666666716337204),
            ),
        ),
        FrameworkName(
            "Keras", "keras.activations.hard_sigmoid", "(x)",
            difference=Text(
                "Keras 3 用 x/6 + 1/2；Keras 2 的 hard_sigmoid 是 0.2x + 0.5（在 ±2.5 处饱和），"
                "旧模型换到 Keras 3 后数值会变。没有单独的层。在 JAX 后端上调用 jax.nn.hard_sigmoid，"
                "差异与 JAX 一行相同。",
                "Keras 3 uses x/6 + 1/2; Keras 2's hard_sigmoid was 0.2x + 0.5 (saturating at ±2.5), so "
                "an old model gives other values under Keras 3. There is no layer of its own. On the JAX "
                "backend it calls jax.nn.hard_sigmoid: it differs as the JAX row does."),
            call="keras.activations.hard_sigmoid(x)",
            deviations=(
                Deviation("df", float("nan"), 0.0),
                Deviation("df", 2.9999999999999996, 0.0),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.hard_sigmoid", "(x)",
            difference=Text(
                "按 ReLU6(x + 3)/6 计算：x 略小于 3 时 x + 3 舍入成 6，所以 x = 2.9999999999999996"
                "（3 的前一个浮点数）处导数已经是 0（本包为 1/6）；NaN 处导数为 0（本包为 NaN）。",
                "It computes ReLU6(x + 3)/6: for x just below 3, x + 3 rounds to 6, so at "
                "x = 2.9999999999999996 (the float before 3) the derivative is already 0 (this "
                "package: 1/6); at NaN it is 0 (this package: NaN)."),
            call="jax.nn.hard_sigmoid(x)",
            deviations=(
                Deviation("df", float("nan"), 0.0),
                Deviation("df", 2.9999999999999996, 0.0),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.relu6", "(x, name=None)",
            difference=Text(
                "paddle.nn.functional.hardsigmoid(x, slope=0.1666667, offset=0.5, name=None) 与层 "
                "paddle.nn.Hardsigmoid 按 slope·x + offset 计算，slope 以单精度保存为 0.16666670143604279，"
                "不是 1/6：$(-3, 3)$ 内的值偏差可达约 1e−7，x ≈ 2.9999994 时已到 1。"
                "要得到本函数，这里写成 relu6(x + 3)/6；它与 JAX 一样在 3 的前一个浮点数处导数为 0"
                "（本包为 1/6），NaN 处导数为 0（本包为 NaN）。",
                "paddle.nn.functional.hardsigmoid(x, slope=0.1666667, offset=0.5, name=None) and the layer "
                "paddle.nn.Hardsigmoid compute slope·x + offset with the slope held in single precision, "
                "0.16666670143604279, not 1/6: on (−3, 3) the values are off by up to about 1e−7, and they reach 1 "
                "at x ≈ 2.9999994 already. To get this function the row writes relu6(x + 3)/6; like JAX, "
                "its derivative is 0 at the float before 3 (this package: 1/6) and 0 at NaN (this "
                "package: NaN)."),
            call="paddle.nn.functional.relu6(x + 3) / 6",
            deviations=(
                Deviation("df", float("nan"), 0.0),
                Deviation("df", 2.9999999999999996, 0.0),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.hardsigmoid", "(input)",
            module="mindspore.nn.HSigmoid",
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.hardsigmoid.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-2.99999999, float("nan")),
    plot_range=(-5.0, 5.0),
    kink_points=lambda **_: (-3.0, 3.0),
    implementation=Text(
        "前向按 ReLU6(x + 3)/6 计算：先用 `np.add` 算 x + 3，再用 `np.clip` 截到 [0, 6]，"
        "最后用 `np.divide` 除以 6，三步都写进同一个输出数组。x 靠近 −3、结果很小时，"
        "x + 3 是精确的（两个相差不到一倍的浮点数相减没有舍入），只有除法舍入一次；"
        "先截断再除，两侧的 0 和 1 也都是精确值，NaN 仍为 NaN。"
        "导数先用 `np.abs` 和 `np.subtract` 算 3 − |x|：它恰好在 −3 < x < 3 上为正，"
        "在两个折点处为 0，NaN 处为 NaN；再用 `np.clip` 截到 [0, 1]、用 `np.ceil` 向上取整，"
        "得到 0 或 1 的阶跃，最后用 `np.divide` 除以 6。没有掩码，也没有临时数组。",
        "The forward pass computes ReLU6(x + 3)/6: x + 3 with `np.add`, clipped to [0, 6] with "
        "`np.clip`, divided by 6 with `np.divide`, all in one output array. Near x = −3, where "
        "the result is small, x + 3 is exact (two floats within a factor 2 of each other "
        "subtract without rounding), so only the division rounds; clipping before dividing "
        "makes the outer pieces exactly 0 and 1, and NaN stays NaN. The derivative forms "
        "3 − |x| with `np.abs` and `np.subtract`, which is positive exactly on −3 < x < 3, 0 at "
        "both kinks and NaN for NaN; `np.clip` to [0, 1] and `np.ceil` turn it into a step of "
        "0 or 1, and `np.divide` divides it by 6. No mask and no temporary.",
    ),
))
