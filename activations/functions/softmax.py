"""Softmax (normalized exponential)."""

from __future__ import annotations

from functools import partial

import numpy as np
from numpy.typing import ArrayLike

from .._checks import as_float_array, axis_index
from .._figures import one_logit
from .._registry import register
from .._spec import Activation, Deviation, Figure, FrameworkName, Parameter, Properties, Reference, Text


def softmax(x: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Softmax along one axis.

    .. math:: \operatorname{softmax}(\mathbf{x})_i = \frac{e^{x_i}}{\sum_{j=1}^{n} e^{x_j}}

    Parameters
    ----------
    x : array_like
        Logits, at least one dimension. float16/32/64 keep their dtype;
        anything else real is computed in float64.
    axis : int, default -1
        The axis along which the outputs sum to 1 (PyTorch calls it ``dim``).

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``: non-negative, summing to 1 along ``axis``.

    Notes
    -----
    The textbook ``exp(x) / sum(exp(x))`` gives NaN (inf/inf) once a logit
    exceeds 709.78 (float64). Subtracting the row maximum m first does not
    change the result (the factor e^{-m} cancels) and makes every exponent
    <= 0, so each ``exp`` lies in [0, 1], the largest is 1 and the sum lies
    in [1, n]. Infinite logits follow a convention. A -inf logit gets
    probability 0. If some logits of a row are +inf, the +inf entries share
    the probability equally and every other entry gets 0:
    ``softmax([inf, 0, inf])`` is ``[0.5, 0, 0.5]``. That is the limit when
    the +inf logits grow together, x_i = t -> inf for all of them; if they
    grow independently there is no limit, so it is a choice. A row of only -inf has no distribution and gives NaN, as in
    PyTorch; so does a row that contains a NaN.

    Examples
    --------
    >>> softmax([1000.0, 1001.0, 1002.0])
    array([0.09003057, 0.24472847, 0.66524096])
    """
    x = as_float_array(x)
    axis = axis_index(x, axis)
    m = np.max(x, axis=axis, keepdims=True)
    plus_inf_rows = np.isposinf(m)  # z below has +inf exactly in these rows
    m[np.isinf(m)] = 0  # rows of only -inf, or with +inf: shift by 0 instead
    # -1e308 - 1e308 = -inf is right: its exp is 0
    with np.errstate(over="ignore"):
        z = x - m  # max-subtraction: every exponent <= 0 in an ordinary row
    # some logit is +inf: by convention the +inf entries share all the mass
    if plus_inf_rows.any():
        plus_inf = np.isposinf(z)
        z[plus_inf_rows & ~plus_inf] = -np.inf
        z[plus_inf] = 0
    np.exp(z, out=z)
    total = np.sum(z, axis=axis, keepdims=True)
    total[total == 0] = np.nan  # a row of only -inf: NaN, not a 0/0 warning
    np.divide(z, total, out=z)
    return z


def softmax_derivative(x: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Jacobian of softmax with respect to x.

    .. math:: \frac{\partial s_i}{\partial x_j} = s_i\,(\delta_{ij} - s_j),
              \qquad J = \operatorname{diag}(\mathbf{s}) - \mathbf{s}\mathbf{s}^{\top}

    Parameters
    ----------
    x : array_like
        Logits, at least one dimension.
    axis : int, default -1
        The softmax axis.

    Returns
    -------
    numpy.ndarray
        Shape ``x.shape + (n,)`` where n = ``x.shape[axis]``: entry
        ``[..., i, ..., j]`` (i at position ``axis``) is ds_i/dx_j. For the
        last axis that is ``(..., n, n)``. It costs O(n^2) per row: to
        backpropagate, use :func:`softmax_vjp`, which is O(n).

    Examples
    --------
    >>> softmax_derivative([0.0, 0.0])
    array([[ 0.25, -0.25],
           [-0.25,  0.25]])
    """
    x = as_float_array(x)
    axis = axis_index(x, axis)
    s = np.moveaxis(softmax(x, axis=axis), axis, -1)  # work with the axis last
    jac = -s[..., :, None] * s[..., None, :]  # -s_i s_j
    i = np.arange(s.shape[-1])
    jac[..., i, i] += s  # + s_i on the diagonal: diag(s) - s s^T
    # put the index i back where the axis was
    return np.moveaxis(jac, -2, axis)


def softmax_vjp(
    x: ArrayLike, g: ArrayLike, axis: int = -1, *,
    output: ArrayLike | None = None,
) -> np.ndarray:
    r"""Vector-Jacobian product of softmax: the gradient backpropagation needs.

    .. math:: (\mathbf{g}^{\top} J)_j = s_j\,\bigl(g_j - \langle \mathbf{g}, \mathbf{s} \rangle\bigr)

    Parameters
    ----------
    x : array_like
        Logits, at least one dimension.
    g : array_like
        Upstream gradient dL/ds, the same shape as ``x``.
    axis : int, default -1
        The softmax axis.
    output : array_like, optional
        ``softmax(x, axis)`` if the forward pass already computed it, as
        autograd keeps it: the VJP then skips recomputing it.

    Returns
    -------
    numpy.ndarray
        dL/dx, the same shape as ``x``. O(n) per row: the Jacobian is never formed.

    Examples
    --------
    >>> softmax_vjp([0.0, 0.0], [1.0, 0.0])
    array([ 0.25, -0.25])
    """
    x = as_float_array(x)
    g = as_float_array(g, "g")
    if g.shape != x.shape:
        raise ValueError(
            f"g must have the shape of x {x.shape}, got {g.shape}")
    if output is None:
        s = softmax(x, axis=axis)
    else:
        s = as_float_array(output, "output")
        if s.shape != x.shape:
            raise ValueError(
            f"output must have the shape of x {x.shape}, got {s.shape}")
    # <g, s> per row, no temporary
    dot = np.expand_dims(np.vecdot(g, s, axis=axis), axis)
    out = np.subtract(g, dot)
    np.multiply(out, s, out=out)  # s * (g - <g, s>)
    return out


def _naive(x: np.ndarray, axis: int = -1) -> np.ndarray:
    e = np.exp(x)
    return e / np.sum(e, axis=axis, keepdims=True)


def _naive_derivative(x: np.ndarray, axis: int = -1) -> np.ndarray:
    s = _naive(x, axis)
    return s[..., :, None] * (np.eye(s.shape[-1]) - s[..., None, :])



def _plot_temperature(fig, theme: dict[str, str], colours) -> None:
    """softmax(x / T) of fixed logits for several temperatures T."""
    x = np.array([2.0, 1.0, 0.5, 0.0, -1.0])
    temps = [0.25, 1.0, 4.0]
    ax = fig.subplots()
    width = 0.8 / len(temps)
    idx = np.arange(len(x))
    for k, temp in enumerate(temps):
        ax.bar(idx + (k - 1) * width, softmax(x / temp), width, color=colours[k], label=f"T = {temp:g}")
    ax.set_xticks(idx, [f"x{chr(0x2081 + i)} = {v:g}" for i, v in enumerate(x)])
    ax.set_ylim(0, 1)
    ax.set_title("softmax(x / T)", color=theme["text"])
    ax.legend()


_LOGIT = partial(one_logit, f=softmax, name="softmax", vlines=(1.0,))


SPEC = register(Activation(
    name="softmax",
    slug="softmax",
    order=70,
    title=Text("Softmax", "Softmax"),
    full_name=Text("归一化指数函数", "normalized exponential"),
    summary=Text(
        "把一组对数几率变成概率分布：非负、和为 1，用于多分类的输出层。",
        "Turns a vector of logits into a probability distribution, non-negative and "
        "summing to 1: the output layer of multi-class classification.",
    ),
    forward=softmax,
    derivative=softmax_derivative,
    latex=r"\operatorname{softmax}(\mathbf{x})_i = \frac{e^{x_i}}{\sum_{j=1}^{n} e^{x_j}}",
    latex_derivative=r"\frac{\partial\, \operatorname{softmax}(\mathbf{x})_i}{\partial x_j}"
    r" = s_i\left(\delta_{ij} - s_j\right), \qquad J = \operatorname{diag}(\mathbf{s})"
    r" - \mathbf{s}\mathbf{s}^{\top}",
    parameters=(
        Parameter(
            "axis", "", -1, r"-\mathrm{ndim}(x) \le \mathrm{axis} < \mathrm{ndim}(x)",
            Text("沿哪一维归一化（PyTorch 叫 dim）", "the axis that sums to 1 (PyTorch calls it dim)"),
        ),
    ),
    properties=Properties(
        range=r"(0,\ 1)^n,\ \textstyle\sum_i s_i = 1",
        monotonic=True,
        smoothness=r"C^\infty",
        zero_centred=False,
        saturation=("soft", "soft"),
        bounded="both",
        lower=0.0,
        upper=1.0,
        note=Text(
            r"单调指 $s_i$ 随自身的 $x_i$ 递增（$\partial s_i/\partial x_i = s_i(1 - s_i) \ge 0$）；"
            r"对所有 $x_i$ 加同一个常数，结果不变。",
            r"Monotonic means $s_i$ increases with its own $x_i$ "
            r"($\partial s_i/\partial x_i = s_i(1 - s_i) \ge 0$); "
            r"adding the same constant to every $x_i$ changes nothing.",
        ),
    ),
    kink=None,
    references=(
        Reference(
            "John S. Bridle", 1990,
            "Probabilistic interpretation of feedforward classification network outputs, "
            "with relationships to statistical pattern recognition",
            "Neurocomputing, NATO ASI Series F 68, 227–236",
            "https://doi.org/10.1007/978-3-642-76153-9_28",
        ),
        Reference(
            "Ian Goodfellow, Yoshua Bengio, Aaron Courville", 2016,
            "Deep Learning, §6.2.2.3 Softmax units for multinoulli output distributions",
            "MIT Press", "https://www.deeplearningbook.org/contents/mlp.html",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.softmax", "(input, dim=None, dtype=None)",
            module="torch.nn.Softmax(dim=None)",
            difference=Text(
                "参数叫 dim，而且没有默认值（不给 dim 会告警并按旧规则猜一维）；"
                "本包的 axis 默认 −1。含 +∞ 的行得 NaN，本包取极限：各 +∞ 项平分概率。",
                "The parameter is dim and has no real default (omitting it warns and guesses a dimension by "
                "a legacy rule); here axis defaults to −1. A row with a +∞ gives NaN, where this package "
                "takes the limit: the +∞ entries share the probability equally."),
            call="torch.nn.functional.softmax(x, dim=-1)",
            backward="torch.ops.aten._softmax_backward_data(g, y, axis, x.dtype)",
            deviations=(
                Deviation("f", (float("inf"), 0.0, float("inf")), (float("nan"), float("nan"), float("nan"))),
                Deviation("df", (float("inf"), 0.0, float("inf")), (
                    (float("nan"), float("nan"), float("nan")),
                    (float("nan"), float("nan"), float("nan")),
                    (float("nan"), float("nan"), float("nan")),
                )),
                Deviation("f", (float("inf"), 0.0), (float("nan"), float("nan"))),
                Deviation("df", (float("inf"), 0.0), ((float("nan"), float("nan")), (float("nan"), float("nan")))),
                Deviation("f", (float("inf"), float("-inf")), (float("nan"), float("nan"))),
                Deviation("df", (float("inf"), float("-inf")), (
                    (float("nan"), float("nan")),
                    (float("nan"), float("nan")),
                )),
            ),
        ),
        FrameworkName(
            "Keras", "keras.activations.softmax", "(x, axis=-1)",
            module="keras.layers.Softmax(axis=-1)",
            difference=Text(
                "在 JAX 后端上调用 jax.nn.softmax：含 +∞ 的行同样得 NaN。",
                "On the JAX backend it calls jax.nn.softmax: a row with a +∞ gives NaN there too."),
            call="keras.activations.softmax(x)",
            deviations=(
                Deviation("f", (float("inf"), 0.0, float("inf")), (float("nan"), float("nan"), float("nan"))),
                Deviation("df", (float("inf"), 0.0, float("inf")), (
                    (float("nan"), float("nan"), float("nan")),
                    (float("nan"), float("nan"), float("nan")),
                    (float("nan"), float("nan"), float("nan")),
                )),
                Deviation("f", (float("inf"), 0.0), (float("nan"), float("nan"))),
                Deviation("df", (float("inf"), 0.0), ((float("nan"), float("nan")), (float("nan"), float("nan")))),
                Deviation("f", (float("inf"), float("-inf")), (float("nan"), float("nan"))),
                Deviation("df", (float("inf"), float("-inf")), (
                    (float("nan"), float("nan")),
                    (float("nan"), float("nan")),
                )),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.softmax", "(x, axis=-1, where=None)",
            difference=Text(
                "含 +∞ 的行得 NaN（本包：各 +∞ 项平分概率）。",
                "A row with a +∞ gives NaN (this package: the +∞ entries share the probability equally)."),
            call="jax.nn.softmax(x)",
            deviations=(
                Deviation("f", (float("inf"), 0.0, float("inf")), (float("nan"), float("nan"), float("nan"))),
                Deviation("df", (float("inf"), 0.0, float("inf")), (
                    (float("nan"), float("nan"), float("nan")),
                    (float("nan"), float("nan"), float("nan")),
                    (float("nan"), float("nan"), float("nan")),
                )),
                Deviation("f", (float("inf"), 0.0), (float("nan"), float("nan"))),
                Deviation("df", (float("inf"), 0.0), ((float("nan"), float("nan")), (float("nan"), float("nan")))),
                Deviation("f", (float("inf"), float("-inf")), (float("nan"), float("nan"))),
                Deviation("df", (float("inf"), float("-inf")), (
                    (float("nan"), float("nan")),
                    (float("nan"), float("nan")),
                )),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.softmax", "(x, axis=-1, dtype=None, name=None)",
            module="paddle.nn.Softmax(axis=-1)",
            difference=Text(
                "含 +∞ 的行得 NaN。减去行最大值后的对数几率被截断在 −64：−∞ 的项、"
                "比最大项小 64 以上的项得到最大项概率的 $e^{-64} \\approx 1.6 \\times 10^{-28}$ 倍，"
                "而不是 0 或更小的真值。",
                "A row with a +∞ gives NaN. The logits minus the row maximum are clipped at −64: a −∞ entry, "
                "and an entry more than 64 below the maximum, get $e^{-64} \\approx 1.6 \\times 10^{-28}$ "
                "times the largest probability instead of 0 or the smaller true value."),
            call="paddle.nn.functional.softmax(x)",
            deviations=(
                Deviation("f", (float("inf"), 0.0, float("inf")), (float("nan"), float("nan"), float("nan"))),
                Deviation("df", (float("inf"), 0.0, float("inf")), (
                    (float("nan"), float("nan"), float("nan")),
                    (float("nan"), float("nan"), float("nan")),
                    (float("nan"), float("nan"), float("nan")),
                )),
                Deviation("f", (float("inf"), 0.0), (float("nan"), float("nan"))),
                Deviation("df", (float("inf"), 0.0), ((float("nan"), float("nan")), (float("nan"), float("nan")))),
                Deviation("f", (float("inf"), float("-inf")), (float("nan"), float("nan"))),
                Deviation("df", (float("inf"), float("-inf")), (
                    (float("nan"), float("nan")),
                    (float("nan"), float("nan")),
                )),
                Deviation("f", (float("-inf"), 0.0, 1.0), (
                    1.1724797100358097e-28,
                    0.26894142136999516,
                    0.7310585786300049,
                )),
                Deviation("df", (float("-inf"), 0.0, 1.0), (
                    (1.1724797100358097e-28, -3.153283597445104e-29, -8.571513502912993e-29),
                    (-3.153283597445104e-29, 0.19661193324148185, -0.19661193324148188),
                    (-8.571513502912993e-29, -0.19661193324148188, 0.19661193324148185),
                )),
                Deviation("f", (1e+300, -1e+300), (1.0, 1.603810890548638e-28)),
                Deviation("df", (1e+300, -1e+300), (
                    (0.0, -1.603810890548638e-28),
                    (-1.603810890548638e-28, 1.603810890548638e-28),
                )),
                Deviation("f", (800.0, 0.0), (1.0, 1.603810890548638e-28)),
                Deviation("df", (800.0, 0.0), (
                    (0.0, -1.603810890548638e-28),
                    (-1.603810890548638e-28, 1.603810890548638e-28),
                )),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.softmax", "(input, axis=-1, *, dtype=None)",
            module="mindspore.nn.Softmax(axis=-1)",
            difference=Text(
                "文档称输入只支持 float16 和 float32。",
                "Its documentation says the input may be float16 or float32 only."),
            source="https://mindspore.cn/docs/en/r2.5.0/api_python/ops/mindspore.ops.softmax.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(1000.0, -1000.0),  # the rows [x, x + 1, x + 2]
    plot_range=(-6.0, 6.0),
    kind="normalizer",
    vjp=softmax_vjp,
    figures=(
        Figure("softmax-logit", Text("Softmax：一个对数几率变化时各输出的变化",
                                     "Softmax: the outputs as one logit varies"), _LOGIT),
        Figure("softmax-temperature", Text("Softmax：温度 T 对输出分布的影响",
                                           "Softmax: the effect of the temperature T"), _plot_temperature),
    ),
    implementation=Text(
        r"`softmax` 先用 `np.max` 求出每行的最大值 $m$，减去它再调用 `np.exp`，所以每个指数都不大于 0，"
        r'由 `np.sum` 求得的分母落在 $[1, n]$ 中；减法放在 `np.errstate(over="ignore")` 中，因为像 '
        r"$-10^{308} - 10^{308}$ 这样的差会上溢为 $-\infty$，而 $e^{-\infty} = 0$ 正是正确的值。"
        r"最大值为无穷大（由 `np.isinf` 判断）的行改为平移 0；含 $+\infty$ 的行（由 `np.isposinf` 判断）中，"
        r"$+\infty$ 的位置把指数设为 0，其余位置设为 $-\infty$（即 `np.inf` 取负），"
        r"于是这些位置平分全部概率（这是一种约定：$[+\infty, 0, +\infty]$ 得到 $[0.5, 0, 0.5]$）；"
        r"和为 0 的行（全是 $-\infty$）除以 `np.nan`，直接得到 NaN 而不发出警告。"
        r"`softmax_derivative` 用 `np.moveaxis` 把归一化的轴移到最后，按 "
        r"$\operatorname{diag}(\mathbf{s}) - \mathbf{s}\mathbf{s}^{\top}$ 构造雅可比矩阵，对角线用 `np.arange` 索引。"
        r"`softmax_vjp` 不构造这个矩阵：它用 `np.vecdot` 逐行求 $\langle \mathbf{g}, \mathbf{s} \rangle$，"
        r"用 `np.expand_dims` 补回归一化的轴，返回 "
        r"$\mathbf{s} \odot (\mathbf{g} - \langle \mathbf{g}, \mathbf{s} \rangle)$，"
        r"每行 $O(n)$。",
        r"`softmax` finds each row's maximum $m$ with `np.max` and subtracts it before `np.exp`, so every "
        r"exponent is at most 0 and the sum, taken with `np.sum`, lies in $[1, n]$; the subtraction runs "
        r'inside `np.errstate(over="ignore")`, because a difference such as $-10^{308} - 10^{308}$ overflows '
        r"to $-\infty$, whose exponential, 0, is the right value. Rows whose maximum is infinite (tested with "
        r"`np.isinf`) are shifted by 0 instead; in a row with a $+\infty$ logit (tested with `np.isposinf`) the "
        r"$+\infty$ entries get the exponent 0 and all others $-\infty$ (`np.inf` negated), "
        r"so that they share the probability equally (a convention: $[+\infty, 0, +\infty]$ gives "
        r"$[0.5, 0, 0.5]$), and a row whose sum is 0 (only $-\infty$ logits) "
        r"is divided by `np.nan`, which gives NaN without a warning. `softmax_derivative` moves the softmax "
        r"axis last with `np.moveaxis` and builds the Jacobian "
        r"$\operatorname{diag}(\mathbf{s}) - \mathbf{s}\mathbf{s}^{\top}$, indexing its diagonal with "
        r"`np.arange`. `softmax_vjp` never forms it: it computes $\langle \mathbf{g}, \mathbf{s} \rangle$ per "
        r"row with `np.vecdot`, restores the axis with `np.expand_dims` and returns "
        r"$\mathbf{s} \odot (\mathbf{g} - \langle \mathbf{g}, \mathbf{s} \rangle)$, $O(n)$ per row.",
    ),
))
