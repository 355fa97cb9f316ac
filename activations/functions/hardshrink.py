"""Hardshrink (hard shrinkage, hard thresholding)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise, real_param
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Parameter, Properties, Reference, Text


@elementwise
def hardshrink(x: np.ndarray, lambd: float = 0.5) -> np.ndarray:
    r"""Hard shrinkage (hard thresholding), element-wise.

    .. math:: \operatorname{Hardshrink}(x) = \begin{cases} x & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.
    lambd : float, default 0.5
        The threshold lambda: inputs with |x| <= lambda become 0. Any finite
        real number >= 0.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``. Exact: ``x`` itself or a zero.

    Raises
    ------
    ValueError
        If ``lambd`` is negative or not finite.

    Notes
    -----
    The comparison |x| > lambda (``np.abs``, ``np.greater``) is a boolean
    array b, and the result is the product x * b: x * 1 = x and x * 0 = 0,
    both exact, and NaN * 0 = NaN, so NaN in gives NaN out (NaN > lambda is
    False). |x| > lambda holds for x = ±inf, so inf is never multiplied by 0.
    A zeroed negative x gives -0.0 (the sign of the product), which equals 0.

    Examples
    --------
    >>> hardshrink([-2.0, -0.5, 0.3, 0.7])
    array([-2. , -0. ,  0. ,  0.7])
    """
    lam = real_param(lambd, "lambd", nonnegative=True)
    out = np.abs(x)
    keep = np.greater(out, lam)  # False for |x| <= lambda and for NaN
    np.multiply(x, keep, out=out)  # x or 0, exactly; NaN * 0 is NaN
    return out


@elementwise
def hardshrink_derivative(x: np.ndarray, lambd: float = 0.5) -> np.ndarray:
    r"""Derivative of Hardshrink with respect to x, element-wise.

    .. math:: \operatorname{Hardshrink}'(x) = \begin{cases} 1 & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}

    At the jumps x = ±lambda the value is 0, as PyTorch autograd gives it.

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`hardshrink`).
    lambd : float, default 0.5
        See :func:`hardshrink`.

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
    >>> hardshrink_derivative([-2.0, -0.5, 0.3, 0.7])
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
    return np.where(np.abs(x) > lambd, x, 0)


def _naive_derivative(x: np.ndarray, lambd: float = 0.5) -> np.ndarray:
    return np.where(np.abs(x) > lambd, 1, 0)


SPEC = register(Activation(
    name="hardshrink",
    slug="hardshrink",
    order=200,
    title=Text("Hardshrink", "Hardshrink"),
    full_name=Text("硬收缩函数（硬阈值函数）", "hard shrinkage (hard thresholding) function"),
    summary=Text(
        "|x| ≤ λ 的输入置为 0，其余原样保留：在 ±λ 处跳跃的硬阈值。",
        "Sets inputs with |x| ≤ λ to 0 and keeps the rest unchanged: hard thresholding, "
        "with jumps at ±λ.",
    ),
    forward=hardshrink,
    derivative=hardshrink_derivative,
    latex=r"\operatorname{Hardshrink}(x) = \begin{cases} x, & |x| > \lambda \\ 0, & |x| \le \lambda \end{cases}",
    latex_derivative=r"\operatorname{Hardshrink}'(x) = \begin{cases} 1, & |x| > \lambda \\ 0, & |x| < \lambda "
                     r"\end{cases}",
    parameters=(
        Parameter(
            "lambd", r"\lambda", 0.5, r"\lambda \ge 0",
            Text("阈值：|x| ≤ λ 的输入输出 0；Keras 和 PaddlePaddle 把这个参数叫 threshold",
                 "the threshold: inputs with |x| ≤ λ give 0; Keras and PaddlePaddle call this "
                 "parameter threshold"),
            check=lambda v: v >= 0,
        ),
    ),
    properties=Properties(
        range=r"(-\infty,\ -\lambda) \cup \{0\} \cup (\lambda,\ +\infty)",
        monotonic=True,
        smoothness=Text("不连续（在 x = ±λ 处跳跃）", "discontinuous (jumps at x = ±λ)"),
        zero_centred=True,
        saturation=("none", "none"),
        bounded="none",
        lower=float("-inf"),
        upper=float("inf"),
        note=Text("函数在 x = λ 处从 0 跳到 λ，在 x = −λ 处从 −λ 跳到 0：它单调不减，却不连续。"
                  "λ = 0 时除 x = 0 一点外就是恒等映射。",
                  "At x = λ the function jumps from 0 to λ, and at x = −λ from −λ to 0: it is "
                  "non-decreasing but not continuous. With λ = 0 it is the identity except at "
                  "the single point x = 0."),
    ),
    kink=Text(
        "x = ±λ 处函数跳跃（不连续），导数不存在；本包取 Hardshrink′(±λ) = 0，与 PyTorch 自动求导一致"
        "（PyTorch 保留的条件是 |x| > λ，所以 ±λ 本身输出 0、导数也是 0）。",
        "At x = ±λ the function jumps (it is not continuous) and has no derivative; this package "
        "uses Hardshrink′(±λ) = 0, as PyTorch autograd does (PyTorch keeps x where |x| > λ, so "
        "±λ itself gives 0, and the derivative 0).",
    ),
    references=(
        Reference(
            "David L. Donoho, Iain M. Johnstone", 1994,
            "Ideal spatial adaptation by wavelet shrinkage",
            "Biometrika 81(3), 425–455", "https://doi.org/10.1093/biomet/81.3.425",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.hardshrink", "(input, lambd=0.5)",
            module="torch.nn.Hardshrink(lambd=0.5)",
            difference=Text(
                "自动求导在 NaN 处给出的导数不是 NaN：CPU 上的向量化内核给出 0，凑不满一组向量的尾部元素"
                "按标量计算，给出 1（本包为 NaN）。跳跃点 ±λ 处与本包一样取 0。",
                "Autograd's derivative at NaN is not NaN: the vectorized CPU kernel gives 0, and the "
                "elements of the tail too short for a vector, computed one by one, give 1 (this package: "
                "NaN). At the jumps ±λ it takes 0, as this package does."),
            call="torch.nn.functional.hardshrink(x)",
            deviations=(
                Deviation("df", float("nan"), 0.0),
            ),
        ),
        FrameworkName(
            "Keras", "keras.activations.hard_shrink", "(x, threshold=0.5)",
            difference=Text(
                "函数名写作 hard_shrink，参数 λ 叫 threshold（默认值同为 0.5）；没有对应的层。"
                "在 JAX 后端上按 jnp.where 计算，NaN 输入得到 0，导数也是 0（本包两者都是 NaN）。",
                "Spelled hard_shrink, and λ is called threshold (with the same default, 0.5); "
                "there is no layer. On the JAX backend it is computed with jnp.where, so NaN gives "
                "0, and the derivative 0 (this package: NaN for both)."),
            call="keras.activations.hard_shrink(x)",
            deviations=(
                Deviation("f", float("nan"), 0.0),
                Deviation("df", float("nan"), 0.0),
            ),
        ),
        FrameworkName(
            "JAX", "jax.numpy.where", "(condition, x=None, y=None, /)",
            difference=Text(
                "jax.nn 没有这个函数，用 jax.numpy.where 组合：jnp.where(jnp.abs(x) > 0.5, x, 0.0)。"
                "NaN > 0.5 为假，所以 NaN 输入得到 0，导数也是 0（本包两者都是 NaN）。",
                "jax.nn does not ship it; it is composed with jax.numpy.where: "
                "jnp.where(jnp.abs(x) > 0.5, x, 0.0). NaN > 0.5 is false, so NaN gives 0, and the "
                "derivative 0 (this package: NaN for both)."),
            call="jax.numpy.where(jax.numpy.abs(x) > 0.5, x, 0.0)",
            deviations=(
                Deviation("f", float("nan"), 0.0),
                Deviation("df", float("nan"), 0.0),
            ),
            composed=True,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.hardshrink", "(x, threshold=0.5, name=None)",
            module="paddle.nn.Hardshrink(threshold=0.5)",
            difference=Text(
                "参数 λ 叫 threshold，默认值同为 0.5。跳跃点本身归到保留的一侧："
                "x = ±λ 处输出 ±λ、导数为 1（PyTorch 和本包输出 0、导数为 0）；NaN 处导数为 0。",
                "λ is called threshold, with the same default, 0.5. The jumps themselves go to the "
                "kept side: x = ±λ gives ±λ and the derivative 1 (PyTorch and this package: 0 and "
                "0); at NaN the derivative is 0."),
            call="paddle.nn.functional.hardshrink(x)",
            deviations=(
                Deviation("f", 0.5, 0.5),
                Deviation("f", -0.5, -0.5),
                Deviation("df", float("nan"), 0.0),
                Deviation("df", 0.5, 1.0),
                Deviation("df", -0.5, 1.0),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.hardshrink", "(input, lambd=0.5)",
            module="mindspore.nn.HShrink(lambd=0.5)",
            difference=Text(
                "层的名字是 HShrink；文档写明 CPU 和 GPU 上只支持 float16 和 float32。",
                "The layer is called HShrink; the documentation says that only float16 and "
                "float32 are supported on CPU and GPU."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.hardshrink.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(float("nan"), 0.5, -0.5),
    plot_range=(-2.0, 2.0),
    kink_points=lambda lambd=0.5: (-lambd, lambd) if lambd else (0.0,),
    implementation=Text(
        "前向先用 `np.abs` 求 |x|，再用 `np.greater` 得到布尔数组 b = (|x| > λ)，结果就是乘积 x·b："
        "x·1 = x、x·0 = 0，都是精确的；NaN > λ 为假，而 NaN·0 仍是 NaN，所以 NaN 原样传出；"
        "±∞ 总满足 |x| > λ，不会出现 ∞·0。导数计算 |x| − λ：两个不相等的浮点数相减不会得到 0，"
        "所以它恰好在 |x| > λ 处为正，又因 λ ≥ 0 不会上溢；`np.sign` 把它变成 −1、0、1（NaN 仍为 NaN），"
        "再与 0 取 `np.maximum`，得到阶跃：|x| > λ 处为 1，其余为 0，跳跃点 ±λ 处也是 0。",
        "The forward pass takes |x| with `np.abs`, the boolean array b = (|x| > λ) with "
        "`np.greater`, and returns the product x·b: x·1 = x and x·0 = 0, both exact; NaN > λ is "
        "false, and NaN·0 is still NaN, so NaN comes out as NaN; ±∞ always has |x| > λ, so ∞·0 "
        "never occurs. The derivative forms |x| − λ, which is positive exactly where |x| > λ (two "
        "different floats never subtract to 0) and cannot overflow since λ ≥ 0; `np.sign` turns "
        "it into −1, 0 or 1 (NaN for NaN), and `np.maximum` with 0 gives the step: 1 where "
        "|x| > λ and 0 elsewhere, the jumps ±λ included.",
    ),
))
