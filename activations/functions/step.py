"""Step (the Heaviside step function with a threshold, the perceptron's activation)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise, real_param
from .._registry import register
from .._spec import Activation, Deviation, Elsewhere, FrameworkName, Parameter, Properties, Reference, Text


@elementwise
def step(x: np.ndarray, threshold: float = 0.0) -> np.ndarray:
    r"""Step function, element-wise.

    .. math:: \operatorname{Step}(x) = \begin{cases} 1 & x \ge \theta \\ 0 & x < \theta \end{cases}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.
    threshold : float, default 0.0
        The threshold theta. Any finite real number.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values 0 or 1; NaN where ``x`` is
        NaN. Exact.

    Raises
    ------
    ValueError
        If ``threshold`` is not finite.

    Notes
    -----
    With d = x - theta, floor(d) + 1 (``np.floor``) is >= 1 for d >= 0 and
    <= 0 for d < 0; ``np.clip`` to [0, 1] leaves exactly 1 or 0, NaN kept.
    The sign of a rounded difference is always the sign of the exact one,
    and with gradual underflow x - theta is 0 only where x = theta, so the
    comparison is exact; an overflow of x - theta gives ±inf, whose sign
    is right. For huge d, d + 1 rounds to d, still >= 1.

    Examples
    --------
    >>> step([-1.0, -0.0, 0.0, 2.0, np.nan])
    array([ 0.,  1.,  1.,  1., nan])
    """
    t = real_param(threshold, "threshold")
    if t == 0:
        out = np.floor(x)
    else:
        with np.errstate(over="ignore"):  # only to ±inf, whose sign is right
            out = np.subtract(x, t)
        np.floor(out, out=out)
    np.add(out, 1, out=out)  # >= 1 where x >= theta, <= 0 below
    np.clip(out, 0, 1, out=out)  # 1 or 0, NaN kept
    return out


@elementwise
def step_derivative(x: np.ndarray, threshold: float = 0.0) -> np.ndarray:
    r"""Derivative of Step with respect to x, element-wise.

    .. math:: \operatorname{Step}'(x) = 0 \quad (x \ne \theta)

    At the jump x = theta there is no derivative; the value is 0, as
    ``jax.grad`` of ``jnp.heaviside`` gives it (and the autograd of each
    composition in the frameworks table).

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`step`).
    threshold : float, default 0.0
        See :func:`step`; the derivative does not depend on it.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``: 0, and NaN where ``x`` is NaN.

    Notes
    -----
    min(|x|, 0) (``np.abs``, ``np.minimum``) is +0 for every x, ±inf
    included, and NaN for NaN; x * 0 would give NaN at ±inf.

    Examples
    --------
    >>> step_derivative([-np.inf, 0.0, 2.0, np.nan])
    array([ 0.,  0.,  0., nan])
    """
    real_param(threshold, "threshold")
    out = np.abs(x)
    np.minimum(out, 0, out=out)  # 0 everywhere, NaN kept
    return out


def _naive(x: np.ndarray, threshold: float = 0.0) -> np.ndarray:
    return np.where(x >= threshold, 1.0, 0.0)


def _naive_derivative(x: np.ndarray, threshold: float = 0.0) -> np.ndarray:
    return np.zeros_like(x)


SPEC = register(Activation(
    name="step",
    slug="step",
    order=170,
    title=Text("Step", "Step"),
    full_name=Text("阶跃函数（Heaviside 阶跃函数）", "step function (Heaviside step)"),
    summary=Text(
        "x ≥ θ 时输出 1，否则输出 0：McCulloch–Pitts 神经元和感知机的激活函数，导数处处为 0（跳跃点除外）。",
        "Outputs 1 where x ≥ θ and 0 elsewhere: the activation of the McCulloch–Pitts neuron and the "
        "perceptron; its derivative is 0 everywhere but at the jump.",
    ),
    forward=step,
    derivative=step_derivative,
    latex=r"\operatorname{Step}(x) = \begin{cases} 1, & x \ge \theta \\ 0, & x < \theta \end{cases}",
    latex_derivative=r"\operatorname{Step}'(x) = 0, \quad x \ne \theta",
    parameters=(
        Parameter(
            "threshold", r"\theta", 0.0, r"\theta \in \mathbb{R},\ |\theta| < \infty",
            Text("阈值：x ≥ θ 时输出 1。0.0 与 MLX 的 mlx.nn.step 默认值相同；感知机里阈值通常写成偏置",
                 "the threshold: the output is 1 where x ≥ θ. 0.0 is the default of MLX's mlx.nn.step; in "
                 "a perceptron the threshold is usually written as a bias"),
        ),
    ),
    properties=Properties(
        range=r"\{0,\ 1\}",
        monotonic=True,
        smoothness=Text("不连续（在 x = θ 处从 0 跳到 1）", "discontinuous (jumps from 0 to 1 at x = θ)"),
        zero_centred=False,
        saturation=("hard", "hard"),
        bounded="both",
        lower=0.0,
        upper=1.0,
        note=Text(
            "只取 0 和 1 两个值；x = θ 处取 1（右连续）。导数在 x ≠ θ 处恰好为 0，两侧都是硬饱和："
            "梯度下降无法通过它训练前面的层，见“何时使用”一节。",
            "It takes the values 0 and 1 only, 1 at x = θ (right-continuous). The derivative is exactly 0 "
            "wherever x ≠ θ, hard saturation on both sides: gradient descent cannot train the layers "
            "before it through it (see “When to use it”)."),
    ),
    kink=Text(
        "x = θ 处函数跳跃，没有导数；本包取 Step′(θ) = 0，与 jax.grad 对 jax.numpy.heaviside 的结果一致，"
        "框架对照表中各组合写法的自动求导在这里也都给出 0。",
        "Step jumps at x = θ and has no derivative there; this package uses Step′(θ) = 0, as jax.grad "
        "of jax.numpy.heaviside gives it; the autograd of every composition in the frameworks table "
        "gives 0 there too.",
    ),
    references=(
        Reference(
            "Warren S. McCulloch, Walter Pitts", 1943,
            "A logical calculus of the ideas immanent in nervous activity",
            "Bulletin of Mathematical Biophysics 5(4), 115–133", "https://doi.org/10.1007/BF02478259",
        ),
        Reference(
            "Frank Rosenblatt", 1958,
            "The perceptron: a probabilistic model for information storage and organization in the brain",
            "Psychological Review 65(6), 386–408", "https://doi.org/10.1037/h0042519",
        ),
        Reference(
            "Yoshua Bengio, Nicholas Léonard, Aaron Courville", 2013,
            "Estimating or propagating gradients through stochastic neurons for conditional computation",
            "arXiv:1308.3432", "https://arxiv.org/abs/1308.3432",
        ),
        Reference(
            "Emre O. Neftci, Hesham Mostafa, Friedemann Zenke", 2019,
            "Surrogate gradient learning in spiking neural networks",
            "IEEE Signal Processing Magazine 36(6), 51–63", "https://arxiv.org/abs/1901.09948",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.clamp", "(input, min=None, max=None, *, out=None)",
            difference=Text(
                "torch.heaviside 能算函数值，但没有实现自动求导（调用 backward 报错）；这里用可求导的组合 "
                "torch.clamp(torch.floor(x) + 1, 0, 1)：x ≥ 0 时 floor(x) + 1 ≥ 1，x < 0 时 ≤ 0。floor 的导数处处取 "
                "0，NaN 处也是 0（本包为 NaN）。",
                "torch.heaviside computes the values but has no autograd (backward raises an error); the row uses "
                "the differentiable composition torch.clamp(torch.floor(x) + 1, 0, 1): floor(x) + 1 ≥ 1 for x ≥ 0 "
                "and ≤ 0 for x < 0. The derivative of floor is taken as 0 everywhere, at NaN too (this package: "
                "NaN)."),
            call="torch.clamp(torch.floor(x) + 1, 0, 1)",
            deviations=(
                Deviation("df", float("nan"), 0.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "Keras", "keras.ops.heaviside", "(x1, x2)",
            difference=Text(
                "不在 keras.activations 中，这里写成 keras.ops.heaviside(x, 1.0)；在 JAX 后端上调用 "
                "jax.numpy.heaviside，差异与 JAX 一行相同。",
                "It is not in keras.activations; the row writes it as keras.ops.heaviside(x, 1.0), which calls "
                "jax.numpy.heaviside on the JAX backend: it differs as the JAX row does."),
            call="keras.ops.heaviside(x, 1.0)",
            deviations=(
                Deviation("f", -5e-324, 1.0),
                Deviation("df", float("nan"), 1.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "JAX", "jax.numpy.heaviside", "(x1, x2, /)",
            difference=Text(
                "不在 jax.nn 中，这里写成 jax.numpy.heaviside(x, 1.0)，第二个参数是 x = 0 处的值。CPU 上的 XLA "
                "在比较时把次正规数当作 0，所以 x = −5·10⁻³²⁴ 这样的负次正规数得到 1（本包为 0）。NaN 处它返回 x "
                "本身，jax.grad 因此给出 1（本包为 NaN）。",
                "It is not in jax.nn; the row writes it as jax.numpy.heaviside(x, 1.0), whose second argument is "
                "the value at x = 0. XLA on the CPU treats subnormal numbers as 0 in the comparisons, so a negative "
                "subnormal such as x = −5·10⁻³²⁴ gives 1 (this package: 0). At NaN it returns x itself, so jax.grad "
                "gives 1 there (this package: NaN)."),
            call="jax.numpy.heaviside(x, 1.0)",
            deviations=(
                Deviation("f", -5e-324, 1.0),
                Deviation("df", float("nan"), 1.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.heaviside", "(x, y, name=None)",
            difference=Text(
                "不在 paddle.nn.functional 中；paddle.heaviside 的第二个参数必须是张量，这里写成 "
                "paddle.heaviside(x, paddle.ones_like(x))。NaN 处函数值和导数都是 0（本包两者都是 NaN）。",
                "It is not in paddle.nn.functional; the second argument of paddle.heaviside must be a tensor, so "
                "the row writes paddle.heaviside(x, paddle.ones_like(x)). At NaN the value and the derivative are "
                "both 0 (this package: NaN for both)."),
            call="paddle.heaviside(x, paddle.ones_like(x))",
            deviations=(
                Deviation("f", float("nan"), 0.0),
                Deviation("df", float("nan"), 0.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.heaviside", "(input, values)",
            difference=Text(
                "不是激活函数；mindspore.ops.heaviside 的 values 必须是与输入同类型的张量（x = 0 处的值），"
                "可以写成 mindspore.ops.heaviside(x, mindspore.ops.ones_like(x))。",
                "It is not among the activation functions; the values argument of mindspore.ops.heaviside "
                "(the value at x = 0) must be a tensor of the input's type, so it can be written as "
                "mindspore.ops.heaviside(x, mindspore.ops.ones_like(x))."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.heaviside.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(float("nan"), -0.0),
    plot_range=(-3.0, 3.0),
    kink_points=lambda threshold=0.0: (threshold,),
    implementation=Text(
        "前向计算 $\\operatorname{clip}(\\lfloor x - \\theta \\rfloor + 1,\\ 0,\\ 1)$：差 $d = x - \\theta \\ge 0$ 时 "
        "`np.floor` 给出 $\\lfloor d \\rfloor \\ge 0$，加 1 后至少是 1；$d < 0$ 时 $\\lfloor d \\rfloor \\le -1$，"
        "加 1 后不超过 0；`np.clip` 截到 [0, 1] 后恰好是 1 或 0，NaN 原样传出。舍入不改变差的符号；"
        "有渐进下溢（次正规数），x − θ 只在 x = θ 时为 0，所以比较是精确的。θ = 0 时直接作用于 x"
        "（$\\lfloor -0 \\rfloor + 1 = 1$）；x − θ 只可能上溢成符号正确的 ±∞，在 `np.errstate` 下忽略这个警告。"
        "导数对每个 x 都是 0：先用 `np.abs` 取 |x|，再与 0 取 `np.minimum`，得到 +0，NaN 原样传出"
        "（x·0 在 x = ±∞ 时会得 NaN）。",
        "The forward pass computes $\\operatorname{clip}(\\lfloor x - \\theta \\rfloor + 1,\\ 0,\\ 1)$: where "
        "the difference $d = x - \\theta \\ge 0$, `np.floor` gives $\\lfloor d \\rfloor \\ge 0$, at least 1 after "
        "adding 1; where $d < 0$, $\\lfloor d \\rfloor \\le -1$, at most 0 after adding 1; `np.clip` to [0, 1] leaves "
        "exactly 1 or 0, and NaN passes through. Rounding never changes the sign of a difference, and with "
        "gradual underflow (subnormals) x − θ is 0 only where x = θ, so the comparison is exact. For θ = 0 it "
        "works on x itself ($\\lfloor -0 \\rfloor + 1 = 1$); x − θ can only overflow to ±∞ with the right sign, "
        "so that warning is ignored under `np.errstate`. The derivative is 0 for every x: `np.abs` of x and "
        "`np.minimum` with 0 give +0, and NaN passes through (x·0 would be NaN at x = ±∞).",
    ),
    elsewhere=(
        Elsewhere(
            "MLX", "mlx.nn.step",
            "https://github.com/ml-explore/mlx/blob/v0.32.1/python/mlx/nn/layers/activations.py",
            Text("定义与本包相同：mx.where(x >= threshold, 1, 0)，threshold 默认 0.0，x = θ 处也取 1；"
                 "结果由整数 1 和 0 组成，NaN 处得 0。层的形式是 mlx.nn.Step(threshold=0.0)。",
                 "The same definition as this package's: mx.where(x >= threshold, 1, 0), threshold "
                 "default 0.0, 1 at x = θ as well; the result is built from the integers 1 and 0, and "
                 "NaN gives 0. The layer is mlx.nn.Step(threshold=0.0)."),
        ),
    ),
))
