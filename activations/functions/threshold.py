"""Threshold (thresholded identity, ThresholdedReLU)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise, real_param
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Parameter, Properties, Reference, Text


@elementwise
def threshold(
    x: np.ndarray, threshold: float = 1.0, value: float = 0.0
) -> np.ndarray:
    r"""Thresholded identity, element-wise.

    .. math:: \operatorname{Threshold}(x) = \begin{cases} x & x > \theta \\ v & x \le \theta \end{cases}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.
    threshold : float, default 1.0
        The threshold theta. Any finite real number. (torch has no default;
        1.0 is PaddlePaddle's thresholded_relu default.)
    value : float, default 0.0
        The value v that replaces every x <= theta. Any finite real number.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``. Exact: ``x`` itself or ``value``.

    Raises
    ------
    ValueError
        If ``threshold`` or ``value`` is not finite.

    Notes
    -----
    The step s = (x > theta) (``np.greater``, as 1.0 or 0.0) selects by
    arithmetic: x s + v (1 - s) is x + 0 or ±0 + v, both exact, and NaN
    stays NaN (NaN > theta is false, but NaN * 0 is NaN). The one input that
    arithmetic gets wrong, -inf (-inf * 0 is NaN), is set to v at the end; a
    comparison and a multiplication are much faster in NumPy than a
    ``np.where`` on random signs.

    Examples
    --------
    >>> threshold([-2.0, 1.0, 1.5, 3.0])
    array([0. , 0. , 1.5, 3. ])
    """
    t = real_param(threshold, "threshold")
    v = real_param(value, "value")
    step = np.greater(x, t).astype(x.dtype)  # s: 1 for x > theta, else 0
    with np.errstate(invalid="ignore"):  # -inf * 0: replaced by v below
        out = np.multiply(x, step)  # x or ±0; NaN kept
    np.subtract(1, step, out=step)
    np.multiply(step, v, out=step)  # v(1 - s): 0 or v
    np.add(out, step, out=out)  # x + 0 or ±0 + v: exact (and +0 for v = 0)
    np.copyto(out, v, where=np.equal(x, -np.inf))  # -inf <= theta: v
    return out


@elementwise
def threshold_derivative(
    x: np.ndarray, threshold: float = 1.0, value: float = 0.0
) -> np.ndarray:
    r"""Derivative of Threshold with respect to x, element-wise.

    .. math:: \operatorname{Threshold}'(x) = \begin{cases} 1 & x > \theta \\ 0 & x \le \theta \end{cases}

    At the jump x = theta the value is 0, as PyTorch autograd gives it.

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`threshold`).
    threshold : float, default 1.0
        See :func:`threshold`.
    value : float, default 0.0
        See :func:`threshold`; the derivative does not depend on it.

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``, values 0 or 1; NaN where ``x``
        is NaN. Exact.

    Notes
    -----
    The comparison x > theta (``np.greater``) is the step; it is false
    for NaN, so NaN is copied back where ``np.isnan`` finds it.

    Examples
    --------
    >>> threshold_derivative([-2.0, 1.0, 1.5, 3.0])
    array([0., 0., 1., 1.])
    """
    t = real_param(threshold, "threshold")
    real_param(value, "value")
    out = np.greater(x, t).astype(x.dtype)  # 1 for x > theta, else 0
    np.copyto(out, x, where=np.isnan(x))  # NaN > theta is false: keep NaN
    return out


def _naive(x: np.ndarray, threshold: float = 1.0, value: float = 0.0) -> np.ndarray:
    return np.where(x > threshold, x, value)


def _naive_derivative(x: np.ndarray, threshold: float = 1.0, value: float = 0.0) -> np.ndarray:
    return np.where(x > threshold, 1, 0)


SPEC = register(Activation(
    name="threshold",
    slug="threshold",
    order=230,
    title=Text("Threshold", "Threshold"),
    full_name=Text("阈值函数", "thresholded identity (ThresholdedReLU)"),
    summary=Text(
        "x > θ 时原样输出，否则输出常数 v；默认 θ = 1、v = 0 时就是 ThresholdedReLU。",
        "Passes x through where x > θ and outputs the constant v elsewhere; at the defaults "
        "θ = 1, v = 0 it is ThresholdedReLU.",
    ),
    forward=threshold,
    derivative=threshold_derivative,
    latex=r"\operatorname{Threshold}(x) = \begin{cases} x, & x > \theta \\ v, & x \le \theta \end{cases}",
    latex_derivative=r"\operatorname{Threshold}'(x) = \begin{cases} 1, & x > \theta \\ 0, & x < \theta "
                     r"\end{cases}",
    parameters=(
        Parameter(
            "threshold", r"\theta", 1.0, r"\theta \in \mathbb{R},\ |\theta| < \infty",
            Text("阈值：x ≤ θ 的输入被替换为 v。PyTorch 没有默认值，1.0 取自 PaddlePaddle 的 thresholded_relu",
                 "the threshold: inputs x ≤ θ are replaced by v. PyTorch has no default; 1.0 is "
                 "PaddlePaddle's thresholded_relu default"),
        ),
        Parameter(
            "value", "v", 0.0, r"v \in \mathbb{R},\ |v| < \infty",
            Text("替换值：x ≤ θ 时的输出。PyTorch 没有默认值，0.0 取自 PaddlePaddle 的 thresholded_relu",
                 "the replacement: the output for x ≤ θ. PyTorch has no default; 0.0 is "
                 "PaddlePaddle's thresholded_relu default"),
        ),
    ),
    properties=Properties(
        range=r"\{0\} \cup (1,\ +\infty)",
        monotonic=True,
        smoothness=Text("不连续（v ≠ θ 时在 x = θ 处跳跃）", "discontinuous (jumps at x = θ where v ≠ θ)"),
        zero_centred=False,
        saturation=("hard", "none"),
        bounded="below",
        lower=0.0,
        upper=float("inf"),
        note=Text("表中是默认 θ = 1、v = 0 时的性质：函数在 x = 1 处从 0 跳到 1。"
                  "一般地，值域是 {v} ∪ (θ, +∞)；v ≤ θ 时单调不减，v > θ 时在 θ 处向下跳，不再单调；"
                  "v = θ 时连续，θ = v = 0 时就是 ReLU。",
                  "The table holds at the defaults θ = 1, v = 0: the function jumps from 0 to 1 at "
                  "x = 1. In general the range is {v} ∪ (θ, +∞); for v ≤ θ it is non-decreasing, for "
                  "v > θ it jumps down at θ and is not monotonic; for v = θ it is continuous, and "
                  "θ = v = 0 gives ReLU."),
    ),
    kink=Text(
        "x = θ 处不可导（v ≠ θ 时函数在这里跳跃）；本包取 Threshold′(θ) = 0，与 PyTorch 自动求导一致。",
        "Threshold is not differentiable at x = θ (where v ≠ θ the function jumps there); this "
        "package uses Threshold′(θ) = 0, as PyTorch autograd does.",
    ),
    references=(
        Reference(
            "Kishore Konda, Roland Memisevic, David Krueger", 2015,
            "Zero-bias autoencoders and the benefits of co-adapting features",
            "ICLR 2015", "https://arxiv.org/abs/1402.3337",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.threshold", "(input, threshold, value, inplace=False)",
            module="torch.nn.Threshold(threshold, value)",
            difference=Text(
                "threshold 和 value 都没有默认值，调用时必须给出；本包的默认值 1.0 和 0.0 取自 "
                "PaddlePaddle 的 thresholded_relu。自动求导在 NaN 处给出导数 1（本包为 NaN）；跳跃点处与本包一样取 0。",
                "threshold and value have no defaults and must be passed; this package's defaults, "
                "1.0 and 0.0, are those of PaddlePaddle's thresholded_relu. Autograd gives the "
                "derivative 1 at NaN (this package: NaN); at the jump it takes 0, as this package does."),
            call="torch.nn.functional.threshold(x, threshold=1.0, value=0.0)",
            deviations=(
                Deviation("df", float("nan"), 1.0),
            ),
        ),
        FrameworkName(
            "Keras", "keras.activations.threshold", "(x, threshold, default_value)",
            difference=Text(
                "v 叫 default_value；两个参数都没有默认值，必须给出；没有对应的层。"
                "在 JAX 后端上 NaN 输入得到 v = 0，导数为 0（本包两者都是 NaN）。",
                "v is called default_value; neither parameter has a default, both must be passed; "
                "there is no layer. On the JAX backend NaN gives v = 0, and the derivative 0 (this "
                "package: NaN for both)."),
            call="keras.activations.threshold(x, threshold=1.0, default_value=0.0)",
            deviations=(
                Deviation("f", float("nan"), 0.0),
                Deviation("df", float("nan"), 0.0),
            ),
        ),
        FrameworkName(
            "JAX", "jax.numpy.where", "(condition, x=None, y=None, /)",
            difference=Text(
                "jax.nn 没有这个函数，用 jax.numpy.where 组合：jnp.where(x > 1.0, x, 0.0)。"
                "NaN > 1.0 为假，所以 NaN 输入得到 0，导数也是 0（本包两者都是 NaN）。",
                "jax.nn does not ship it; it is composed with jax.numpy.where: "
                "jnp.where(x > 1.0, x, 0.0). NaN > 1.0 is false, so NaN gives 0, and the derivative "
                "0 (this package: NaN for both)."),
            call="jax.numpy.where(x > 1.0, x, 0.0)",
            deviations=(
                Deviation("f", float("nan"), 0.0),
                Deviation("df", float("nan"), 0.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.thresholded_relu", "(x, threshold=1.0, value=0.0, name=None)",
            module="paddle.nn.ThresholdedReLU(threshold=1.0, value=0.0)",
            difference=Text(
                "名字是 thresholded_relu；本包的默认值就取自这里。x = −∞ 处输出 NaN（真值为 v = 0），"
                "NaN 处导数为 0。",
                "It is called thresholded_relu; this package's defaults are taken from it. At "
                "x = −∞ it returns NaN (the true value is v = 0), and at NaN the derivative is 0."),
            call="paddle.nn.functional.thresholded_relu(x)",
            deviations=(
                Deviation("f", float("-inf"), float("nan")),
                Deviation("df", float("nan"), 0.0),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.threshold", "(input, thr, value)",
            difference=Text(
                "θ 叫 thr；两个参数都没有默认值；文档写明输入只支持 float16 和 float32。",
                "θ is called thr; neither parameter has a default; the documentation says the input "
                "must be float16 or float32."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.threshold.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(float("nan"), 1.0),
    plot_range=(-3.0, 3.0),
    kink_points=lambda threshold=1.0, value=0.0: (threshold,),
    implementation=Text(
        "前向不做分支选择，而是用算术来选：阶跃 s = `np.greater(x, θ)`（x > θ 处为 1，其余为 0，"
        "转成 x 的浮点类型），结果是 x·s + v·(1 − s)，一处是 x + 0，一处是 ±0 + v，都是精确的，"
        "v = 0 时得到的也是 +0。NaN 与 θ 比较为假，但 NaN·0 仍是 NaN，所以 NaN 原样传出。"
        "算术唯一算错的输入是 −∞（−∞·0 = NaN，这个无效运算在 `np.errstate` 下不报警告），"
        "最后用 `np.copyto` 在 `np.equal(x, −∞)` 处填上 v。这样做是因为在 NumPy 里，"
        "一次比较加几次乘法，比在正负号随机的数组上逐元素按条件选取快得多。"
        "导数就是比较 `np.greater(x, θ)` 本身；NaN 的比较结果为假，"
        "因此再用 `np.copyto` 把 `np.isnan` 找到的 NaN 放回去。",
        "The forward pass selects by arithmetic, not by branching: the step s = "
        "`np.greater(x, θ)` (1 where x > θ, 0 elsewhere, in x's floating type) gives "
        "x·s + v·(1 − s), which is x + 0 in one place and ±0 + v in the other, both exact "
        "(and +0 for v = 0). NaN > θ is false, but NaN·0 is still NaN, so NaN passes through. "
        "The one input the arithmetic gets wrong is −∞ (−∞·0 = NaN, an invalid operation "
        "silenced under `np.errstate`): at the end `np.copyto` puts v where `np.equal(x, −∞)`. "
        "The reason: in NumPy a comparison and a few multiplications are much faster than "
        "choosing element by element over an array of random signs. The derivative is the "
        "comparison `np.greater(x, θ)` itself; NaN compares false, so `np.copyto` puts back the "
        "NaN that `np.isnan` finds.",
    ),
))
