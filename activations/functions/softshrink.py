"""Softshrink (soft shrinkage, soft thresholding)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise, real_param
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Parameter, Properties, Reference, Text


@elementwise
def softshrink(x: np.ndarray, lambd: float = 0.5) -> np.ndarray:
    r"""Soft shrinkage (soft thresholding), element-wise.

    .. math:: \operatorname{Softshrink}(x) = \operatorname{sign}(x) \max(|x| - \lambda, 0)

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.
    lambd : float, default 0.5
        The threshold lambda: inputs with |x| <= lambda become 0, the others
        move towards 0 by lambda. Any finite real number >= 0.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``. Correctly rounded: 0, or one rounding
        of x - lambda or x + lambda.

    Raises
    ------
    ValueError
        If ``lambd`` is negative or not finite.

    Notes
    -----
    Softshrink is x minus x clipped to [-lambda, lambda] (``np.clip``): for
    |x| <= lambda that is x - x = 0 exactly, otherwise x - lambda or
    x + lambda, one rounding. NaN stays NaN, and x = ±inf gives ±inf.

    Examples
    --------
    >>> softshrink([-2.0, -0.5, 0.3, 0.75])
    array([-1.5 ,  0.  ,  0.  ,  0.25])
    """
    lam = real_param(lambd, "lambd", nonnegative=True)
    out = np.clip(x, -lam, lam)  # x itself where |x| <= lambda; NaN kept
    np.subtract(x, out, out=out)  # 0 exactly, or x -+ lambda rounded once
    return out


@elementwise
def softshrink_derivative(x: np.ndarray, lambd: float = 0.5) -> np.ndarray:
    r"""Derivative of Softshrink with respect to x, element-wise.

    .. math:: \operatorname{Softshrink}'(x) = \begin{cases} 1 & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}

    At the kinks x = ±lambda the value is 0, as PyTorch autograd gives it.

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`softshrink`).
    lambd : float, default 0.5
        See :func:`softshrink`.

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``, values 0 or 1; NaN where ``x``
        is NaN. Exact.

    Notes
    -----
    |x| - lambda is positive exactly where |x| > lambda (two floats that
    differ never subtract to 0), and it cannot overflow since lambda >= 0.
    ``np.sign`` maps it to -1, 0 or 1 (NaN for NaN) and ``np.maximum`` with 0
    turns that into the step: 1 for |x| > lambda, else 0, NaN kept.

    Examples
    --------
    >>> softshrink_derivative([-2.0, -0.5, 0.3, 0.75])
    array([1., 0., 0., 1.])
    """
    lam = real_param(lambd, "lambd", nonnegative=True)
    out = np.abs(x)
    # > 0 exactly where |x| > lambda; no overflow, lambda >= 0
    np.subtract(out, lam, out=out)
    np.sign(out, out=out)  # -1, 0 or 1; NaN for NaN
    np.maximum(out, 0, out=out)  # the step, NaN kept
    return out


def _naive(x: np.ndarray, lambd: float = 0.5) -> np.ndarray:
    return np.where(x > lambd, x - lambd, np.where(x < -lambd, x + lambd, 0))


def _naive_derivative(x: np.ndarray, lambd: float = 0.5) -> np.ndarray:
    return np.where(np.abs(x) > lambd, 1, 0)


SPEC = register(Activation(
    name="softshrink",
    slug="softshrink",
    order=210,
    title=Text("Softshrink", "Softshrink"),
    full_name=Text("软收缩函数（软阈值函数）", "soft shrinkage (soft thresholding) function"),
    summary=Text(
        "|x| ≤ λ 的输入置为 0，其余向 0 平移 λ：连续的软阈值，L1 正则的近端算子。",
        "Sets inputs with |x| ≤ λ to 0 and moves the rest towards 0 by λ: continuous soft "
        "thresholding, the proximal operator of the L1 penalty.",
    ),
    forward=softshrink,
    derivative=softshrink_derivative,
    latex=r"\operatorname{Softshrink}(x) = \begin{cases} x - \lambda, & x > \lambda \\ 0, & |x| \le \lambda \\ "
          r"x + \lambda, & x < -\lambda \end{cases}",
    latex_derivative=r"\operatorname{Softshrink}'(x) = \begin{cases} 1, & |x| > \lambda \\ 0, & |x| < \lambda "
                     r"\end{cases}",
    parameters=(
        Parameter(
            "lambd", r"\lambda", 0.5, r"\lambda \ge 0",
            Text("阈值：|x| ≤ λ 的输入输出 0，其余向 0 平移 λ；Keras 和 PaddlePaddle 把这个参数叫 threshold",
                 "the threshold: inputs with |x| ≤ λ give 0, the others move towards 0 by λ; Keras "
                 "and PaddlePaddle call this parameter threshold"),
            check=lambda v: v >= 0,
        ),
    ),
    properties=Properties(
        range=r"(-\infty,\ +\infty)",
        monotonic=True,
        smoothness=r"C^0",
        zero_centred=True,
        saturation=("none", "none"),
        bounded="none",
        lower=float("-inf"),
        upper=float("inf"),
        note=Text("单调不减，但在 [−λ, λ] 上恒为 0，不是严格单调。λ = 0 时就是恒等映射。",
                  "Non-decreasing, but constantly 0 on [−λ, λ], so not strictly monotonic. With "
                  "λ = 0 it is the identity."),
    ),
    kink=Text(
        "x = ±λ 处有两个不可导点（折点），导数从 0 跳到 1；本包取 Softshrink′(±λ) = 0，与 PyTorch 自动求导一致。",
        "Softshrink has two kinks, at x = ±λ, where the derivative jumps between 0 and 1; this "
        "package uses Softshrink′(±λ) = 0, as PyTorch autograd does.",
    ),
    references=(
        Reference(
            "David L. Donoho", 1995,
            "De-noising by soft-thresholding",
            "IEEE Transactions on Information Theory 41(3), 613–627",
            "https://doi.org/10.1109/18.382009",
        ),
        Reference(
            "David L. Donoho, Iain M. Johnstone", 1994,
            "Ideal spatial adaptation by wavelet shrinkage",
            "Biometrika 81(3), 425–455", "https://doi.org/10.1093/biomet/81.3.425",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.softshrink", "(input, lambd=0.5)",
            module="torch.nn.Softshrink(lambd=0.5)",
            difference=Text(
                "自动求导在 NaN 处给出的导数不是 NaN：CPU 上的向量化内核给出 0，凑不满一组向量的尾部元素"
                "按标量计算，给出 1（本包为 NaN）。折点 ±λ 处与本包一样取 0。",
                "Autograd's derivative at NaN is not NaN: the vectorized CPU kernel gives 0, and the "
                "elements of the tail too short for a vector, computed one by one, give 1 (this package: "
                "NaN). At the kinks ±λ it takes 0, as this package does."),
            call="torch.nn.functional.softshrink(x)",
            deviations=(
                Deviation("df", float("nan"), 0.0),
            ),
        ),
        FrameworkName(
            "Keras", "keras.activations.soft_shrink", "(x, threshold=0.5)",
            difference=Text(
                "函数名写作 soft_shrink，参数 λ 叫 threshold（默认值同为 0.5）；没有对应的层。"
                "在 JAX 后端上按 jnp.where 分段计算，NaN 输入得到 0，导数也是 0（本包两者都是 NaN）。",
                "Spelled soft_shrink, and λ is called threshold (with the same default, 0.5); "
                "there is no layer. On the JAX backend it is computed piece by piece with jnp.where, "
                "so NaN gives 0, and the derivative 0 (this package: NaN for both)."),
            call="keras.activations.soft_shrink(x)",
            deviations=(
                Deviation("f", float("nan"), 0.0),
                Deviation("df", float("nan"), 0.0),
            ),
        ),
        FrameworkName(
            "JAX", "jax.numpy.where", "(condition, x=None, y=None, /)",
            difference=Text(
                "jax.nn 没有这个函数，用 jax.numpy.where 按三段组合。NaN 的比较都为假，"
                "所以 NaN 输入落进中间一段，得到 0，导数也是 0（本包两者都是 NaN）。",
                "jax.nn does not ship it; it is composed piece by piece with jax.numpy.where. Every "
                "comparison with NaN is false, so NaN falls into the middle piece and gives 0, and "
                "the derivative 0 (this package: NaN for both)."),
            call="jax.numpy.where(x > 0.5, x - 0.5, jax.numpy.where(x < -0.5, x + 0.5, 0.0))",
            deviations=(
                Deviation("f", float("nan"), 0.0),
                Deviation("df", float("nan"), 0.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.softshrink", "(x, threshold=0.5, name=None)",
            module="paddle.nn.Softshrink(threshold=0.5)",
            difference=Text(
                "参数 λ 叫 threshold，默认值同为 0.5。x = ±∞ 处输出 NaN（真值为 ±∞），NaN 处导数为 0。",
                "λ is called threshold, with the same default, 0.5. At x = ±∞ it returns NaN (the "
                "true value is ±∞), and at NaN the derivative is 0."),
            call="paddle.nn.functional.softshrink(x)",
            deviations=(
                Deviation("f", float("inf"), float("nan")),
                Deviation("f", float("-inf"), float("nan")),
                Deviation("df", float("nan"), 0.0),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.softshrink", "(input, lambd=0.5)",
            module="mindspore.nn.SoftShrink(lambd=0.5)",
            difference=Text(
                "层的名字是 SoftShrink（S 大写）。",
                "The layer is called SoftShrink (capital S)."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.softshrink.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(float("nan"), 0.5, -0.5),
    plot_range=(-2.0, 2.0),
    kink_points=lambda lambd=0.5: (-lambd, lambd) if lambd else (0.0,),
    implementation=Text(
        "前向利用恒等式 Softshrink(x) = x − clip(x, −λ, λ)：先用 `np.clip` 把 x 截到 [−λ, λ]，"
        "再从 x 中减去它。|x| ≤ λ 时截断值就是 x 本身，差恰好为 0；|x| > λ 时差是 x − λ 或 x + λ，"
        "只舍入一次，结果是正确舍入的。NaN 截断后仍是 NaN，x = ±∞ 得到 ±∞。"
        "导数计算 |x| − λ：两个不相等的浮点数相减不会得到 0，所以它恰好在 |x| > λ 处为正，"
        "又因 λ ≥ 0 不会上溢；`np.sign` 把它变成 −1、0、1（NaN 仍为 NaN），再与 0 取 `np.maximum`，"
        "得到阶跃：|x| > λ 处为 1，其余为 0，折点 ±λ 处也是 0。",
        "The forward pass uses the identity Softshrink(x) = x − clip(x, −λ, λ): `np.clip` clips x "
        "to [−λ, λ], and the result is x minus that. For |x| ≤ λ the clipped value is x itself "
        "and the difference is exactly 0; for |x| > λ it is x − λ or x + λ, rounded once, so the "
        "result is correctly rounded. NaN stays NaN through the clip, and x = ±∞ gives ±∞. The "
        "derivative forms |x| − λ, which is positive exactly where |x| > λ (two different floats "
        "never subtract to 0) and cannot overflow since λ ≥ 0; `np.sign` turns it into −1, 0 or "
        "1 (NaN for NaN), and `np.maximum` with 0 gives the step: 1 where |x| > λ and 0 "
        "elsewhere, the kinks ±λ included.",
    ),
))
