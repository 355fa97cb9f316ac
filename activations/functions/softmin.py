"""Softmin: softmax of the negated inputs, which puts the most mass on the smallest."""

from __future__ import annotations

from functools import partial

import numpy as np
from numpy.typing import ArrayLike

from .._checks import as_float_array, axis_index
from .._figures import one_logit
from .._registry import register
from .._spec import Activation, Deviation, Figure, FrameworkName, Parameter, Properties, Reference, Text
from .softmax import softmax, softmax_derivative


def softmin(x: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Softmin along one axis.

    .. math:: \operatorname{softmin}(\mathbf{x})_i = \frac{e^{-x_i}}{\sum_{j=1}^{n} e^{-x_j}}
              = \operatorname{softmax}(-\mathbf{x})_i

    Parameters
    ----------
    x : array_like
        Inputs, at least one dimension. float16/32/64 keep their dtype;
        anything else real is computed in float64.
    axis : int, default -1
        The axis along which the outputs sum to 1 (PyTorch calls it ``dim``).

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``: non-negative, summing to 1 along ``axis``.

    Notes
    -----
    Negation is exact, so this is softmax of -x with softmax's stability.
    The textbook ``exp(-x) / sum(exp(-x))`` gives NaN (inf/inf) for an
    input below -709.78 (float64), where exp(-x) overflows, and NaN (0/0)
    everywhere once every input is above about 745.13, where it underflows;
    softmax's max-subtraction (here the subtraction of the row minimum)
    avoids both. The conventions mirror
    softmax's: a +inf input gets 0; if some inputs are -inf, they share the
    probability equally. A row of only +inf, or with a NaN, gives NaN.

    Examples
    --------
    >>> softmin([-1000.0, -1001.0, -1002.0])
    array([0.09003057, 0.24472847, 0.66524096])
    """
    x = as_float_array(x)
    return softmax(np.negative(x), axis=axis)  # -x is exact


def softmin_derivative(x: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Jacobian of Softmin with respect to x.

    .. math:: \frac{\partial s_i}{\partial x_j} = -s_i\,(\delta_{ij} - s_j),
              \qquad J = \mathbf{s}\mathbf{s}^{\top} - \operatorname{diag}(\mathbf{s})

    Parameters
    ----------
    x : array_like
        Inputs, at least one dimension.
    axis : int, default -1
        The Softmin axis.

    Returns
    -------
    numpy.ndarray
        Shape ``x.shape + (n,)`` where n = ``x.shape[axis]``: entry
        ``[..., i, ..., j]`` (i at position ``axis``) is ds_i/dx_j, with
        s = softmin(x). O(n^2) per row: to backpropagate, use
        :func:`softmin_vjp`, which is O(n).

    Examples
    --------
    >>> softmin_derivative([0.0, 0.0])
    array([[-0.25,  0.25],
           [ 0.25, -0.25]])
    """
    x = as_float_array(x)
    # the chain rule: d(-x)/dx = -I
    jac = softmax_derivative(np.negative(x), axis=axis)
    return np.negative(jac, out=jac)


def softmin_vjp(
    x: ArrayLike, g: ArrayLike, axis: int = -1, *,
    output: ArrayLike | None = None,
) -> np.ndarray:
    r"""Vector-Jacobian product of Softmin: the gradient backpropagation needs.

    .. math:: (\mathbf{g}^{\top} J)_j = s_j\,\bigl(\langle \mathbf{g}, \mathbf{s} \rangle - g_j\bigr)

    Parameters
    ----------
    x : array_like
        Inputs, at least one dimension.
    g : array_like
        Upstream gradient dL/ds, the same shape as ``x``.
    axis : int, default -1
        The Softmin axis.
    output : array_like, optional
        ``softmin(x, axis)`` if the forward pass already computed it: the VJP
        then skips recomputing it.

    Returns
    -------
    numpy.ndarray
        dL/dx, the same shape as ``x``. O(n) per row: the Jacobian is never formed.

    Examples
    --------
    >>> softmin_vjp([0.0, 0.0], [1.0, 0.0])
    array([-0.25,  0.25])
    """
    x = as_float_array(x)
    g = as_float_array(g, "g")
    if g.shape != x.shape:
        raise ValueError(
            f"g must have the shape of x {x.shape}, got {g.shape}")
    if output is None:
        s = softmin(x, axis=axis)
    else:
        s = as_float_array(output, "output")
        if s.shape != x.shape:
            raise ValueError(
                f"output must have the shape of x {x.shape}, got {s.shape}")
        axis = axis_index(x, axis)
    # <g, s> per row, no temporary
    dot = np.expand_dims(np.vecdot(g, s, axis=axis), axis)
    out = np.subtract(dot, g)
    np.multiply(out, s, out=out)  # s * (<g, s> - g)
    return out


def _naive(x: np.ndarray, axis: int = -1) -> np.ndarray:
    e = np.exp(-x)
    return e / np.sum(e, axis=axis, keepdims=True)


def _naive_derivative(x: np.ndarray, axis: int = -1) -> np.ndarray:
    s = _naive(x, axis)
    return -s[..., :, None] * (np.eye(s.shape[-1]) - s[..., None, :])


def _plot_nearest(fig, theme: dict[str, str], colours) -> None:
    """Soft nearest-centre assignment: softmin of the squared distances from x to -2, 0 and 2."""
    x = np.linspace(-4, 4, 801)
    centres = np.array([-2.0, 0.0, 2.0])
    weights = softmin((x[:, None] - centres) ** 2)
    ax = fig.subplots()
    for k, c in enumerate(centres):
        ax.plot(x, weights[:, k], color=colours[k], label=f"c{chr(0x2081 + k)} = {c:g}".replace("-", "−"))
        ax.axvline(c, color=colours[k], linestyle=":", linewidth=1)
    ax.set_xlabel("x")
    ax.set_ylim(-0.03, 1.03)
    ax.set_title("softmin((x − c₁)², (x − c₂)², (x − c₃)²)", color=theme["text"])
    ax.legend(loc="center right")


_LOGIT = partial(one_logit, f=softmin, name="softmin", vlines=(-1.0,), legend="center right")


SPEC = register(Activation(
    name="softmin",
    slug="softmin",
    order=72,
    title=Text("Softmin", "Softmin"),
    full_name=Text("Softmin（取负后的 Softmax）", "softmax of the negated inputs"),
    summary=Text(
        "对取负的输入做 Softmax：输入越小，分到的概率越大，常用来把距离或代价变成权重。",
        "Softmax of the negated inputs: the smaller an input, the more probability it gets; "
        "turns distances or costs into weights.",
    ),
    forward=softmin,
    derivative=softmin_derivative,
    latex=r"\operatorname{softmin}(\mathbf{x})_i = \frac{e^{-x_i}}{\sum_{j=1}^{n} e^{-x_j}}"
    r" = \operatorname{softmax}(-\mathbf{x})_i",
    latex_derivative=r"\frac{\partial\, \operatorname{softmin}(\mathbf{x})_i}{\partial x_j}"
    r" = -s_i\left(\delta_{ij} - s_j\right), \qquad J = \mathbf{s}\mathbf{s}^{\top}"
    r" - \operatorname{diag}(\mathbf{s})",
    parameters=(
        Parameter(
            "axis", "", -1, r"-\mathrm{ndim}(x) \le \mathrm{axis} < \mathrm{ndim}(x)",
            Text("沿哪一维归一化（PyTorch 叫 dim）", "the axis that sums to 1 (PyTorch calls it dim)"),
        ),
    ),
    properties=Properties(
        range=r"(0,\ 1)^n,\ \textstyle\sum_i s_i = 1",
        monotonic=False,
        smoothness=r"C^\infty",
        zero_centred=False,
        saturation=("soft", "soft"),
        bounded="both",
        lower=0.0,
        upper=1.0,
        note=Text(
            r"$s_i$ 随自身的 $x_i$ 递减（$\partial s_i/\partial x_i = -s_i(1 - s_i) \le 0$），所以不单调递增；"
            r"对所有 $x_i$ 加同一个常数，结果不变。",
            r"$s_i$ decreases as its own $x_i$ grows ($\partial s_i/\partial x_i = -s_i(1 - s_i) \le 0$), "
            r"so it is not increasing; adding the same constant to every $x_i$ changes nothing.",
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
            "PyTorch", "torch.nn.functional.softmin", "(input, dim=None, dtype=None)",
            module="torch.nn.Softmin(dim=None)",
            difference=Text(
                "参数叫 dim，而且没有默认值（不给 dim 会告警并按旧规则猜一维）；本包的 axis 默认 −1。"
                "一行中有 −∞ 时得 NaN，本包取极限：这些 −∞ 项平分概率。",
                "The parameter is dim and has no real default (omitting it warns and guesses a dimension by "
                "a legacy rule); here axis defaults to −1. A row with a −∞ gives NaN, where this package "
                "takes the limit: the −∞ entries share the probability equally."),
            call="torch.nn.functional.softmin(x, dim=-1)",
            backward="-torch.ops.aten._softmax_backward_data(g, y, axis, x.dtype)",
            deviations=(
                Deviation("f", (float("inf"), float("-inf")), (float("nan"), float("nan"))),
                Deviation("df", (float("inf"), float("-inf")), (
                    (float("nan"), float("nan")),
                    (float("nan"), float("nan")),
                )),
                Deviation("f", (float("-inf"), 0.0, 1.0), (float("nan"), float("nan"), float("nan"))),
                Deviation("df", (float("-inf"), 0.0, 1.0), (
                    (float("nan"), float("nan"), float("nan")),
                    (float("nan"), float("nan"), float("nan")),
                    (float("nan"), float("nan"), float("nan")),
                )),
                Deviation("f", (float("-inf"), float("-inf")), (float("nan"), float("nan"))),
                Deviation("df", (float("-inf"), float("-inf")), (
                    (float("nan"), float("nan")),
                    (float("nan"), float("nan")),
                )),
            ),
        ),
        FrameworkName(
            "Keras", "keras.activations.softmax", "(x, axis=-1)",
            difference=Text(
                "Keras 没有这个函数，这里写成对 −x 做 softmax。一行中有 −∞ 时得 NaN（本包：这些 −∞ 项平分概率）。",
                "Keras does not ship this function; here it is softmax of −x. A row with a −∞ gives NaN (this "
                "package: the −∞ entries share the probability equally)."),
            call="keras.activations.softmax(-x)",
            composed=True,
            deviations=(
                Deviation("f", (float("inf"), float("-inf")), (float("nan"), float("nan"))),
                Deviation("df", (float("inf"), float("-inf")), (
                    (float("nan"), float("nan")),
                    (float("nan"), float("nan")),
                )),
                Deviation("f", (float("-inf"), 0.0, 1.0), (float("nan"), float("nan"), float("nan"))),
                Deviation("df", (float("-inf"), 0.0, 1.0), (
                    (float("nan"), float("nan"), float("nan")),
                    (float("nan"), float("nan"), float("nan")),
                    (float("nan"), float("nan"), float("nan")),
                )),
                Deviation("f", (float("-inf"), float("-inf")), (float("nan"), float("nan"))),
                Deviation("df", (float("-inf"), float("-inf")), (
                    (float("nan"), float("nan")),
                    (float("nan"), float("nan")),
                )),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.softmax", "(x, axis=-1, where=None)",
            difference=Text(
                "JAX 没有这个函数，这里写成对 −x 做 softmax。一行中有 −∞ 时得 NaN（本包：这些 −∞ 项平分概率）。",
                "JAX does not ship this function; here it is softmax of −x. A row with a −∞ gives NaN (this "
                "package: the −∞ entries share the probability equally)."),
            call="jax.nn.softmax(-x)",
            composed=True,
            deviations=(
                Deviation("f", (float("inf"), float("-inf")), (float("nan"), float("nan"))),
                Deviation("df", (float("inf"), float("-inf")), (
                    (float("nan"), float("nan")),
                    (float("nan"), float("nan")),
                )),
                Deviation("f", (float("-inf"), 0.0, 1.0), (float("nan"), float("nan"), float("nan"))),
                Deviation("df", (float("-inf"), 0.0, 1.0), (
                    (float("nan"), float("nan"), float("nan")),
                    (float("nan"), float("nan"), float("nan")),
                    (float("nan"), float("nan"), float("nan")),
                )),
                Deviation("f", (float("-inf"), float("-inf")), (float("nan"), float("nan"))),
                Deviation("df", (float("-inf"), float("-inf")), (
                    (float("nan"), float("nan")),
                    (float("nan"), float("nan")),
                )),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.softmax", "(x, axis=-1, dtype=None, name=None)",
            difference=Text(
                "PaddlePaddle 没有这个函数，这里写成对 −x 做 softmax。"
                "一行中有 −∞ 时得 NaN（本包：这些 −∞ 项平分概率）。"
                "比最小项大 64 以上的输入（包括 "
                "+∞）得到最小项概率的 $e^{-64} \\approx 1.6 \\times 10^{-28}$ 倍，而不是 0 或更小的真值。",
                "PaddlePaddle does not ship this function; here it is softmax of −x. A row with a −∞ gives "
                "NaN (this package: the −∞ entries share the probability equally). An input more than 64 "
                "above the row minimum, +∞ included, gets $e^{-64} \\approx 1.6 \\times 10^{-28}$ times the "
                "largest probability instead of 0 or the smaller true value."),
            call="paddle.nn.functional.softmax(-x)",
            composed=True,
            deviations=(
                Deviation("f", (float("inf"), 0.0, float("inf")), (1.603810890548638e-28, 1.0, 1.603810890548638e-28)),
                Deviation("df", (float("inf"), 0.0, float("inf")), (
                    (-1.603810890548638e-28, 1.603810890548638e-28, 2.5722093726424153e-56),
                    (1.603810890548638e-28, 0.0, 1.603810890548638e-28),
                    (2.5722093726424153e-56, 1.603810890548638e-28, -1.603810890548638e-28),
                )),
                Deviation("f", (float("inf"), 0.0), (1.603810890548638e-28, 1.0)),
                Deviation("df", (float("inf"), 0.0), (
                    (-1.603810890548638e-28, 1.603810890548638e-28),
                    (1.603810890548638e-28, 0.0),
                )),
                Deviation("f", (float("inf"), float("-inf")), (float("nan"), float("nan"))),
                Deviation("df", (float("inf"), float("-inf")), (
                    (float("nan"), float("nan")),
                    (float("nan"), float("nan")),
                )),
                Deviation("f", (float("-inf"), 0.0, 1.0), (float("nan"), float("nan"), float("nan"))),
                Deviation("df", (float("-inf"), 0.0, 1.0), (
                    (float("nan"), float("nan"), float("nan")),
                    (float("nan"), float("nan"), float("nan")),
                    (float("nan"), float("nan"), float("nan")),
                )),
                Deviation("f", (float("-inf"), float("-inf")), (float("nan"), float("nan"))),
                Deviation("df", (float("-inf"), float("-inf")), (
                    (float("nan"), float("nan")),
                    (float("nan"), float("nan")),
                )),
                Deviation("f", (1e+300, -1e+300), (1.603810890548638e-28, 1.0)),
                Deviation("df", (1e+300, -1e+300), (
                    (-1.603810890548638e-28, 1.603810890548638e-28),
                    (1.603810890548638e-28, 0.0),
                )),
                Deviation("f", (800.0, 0.0), (1.603810890548638e-28, 1.0)),
                Deviation("df", (800.0, 0.0), (
                    (-1.603810890548638e-28, 1.603810890548638e-28),
                    (1.603810890548638e-28, 0.0),
                )),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.softmin", "(x, axis=-1, *, dtype=None)",
            difference=Text(
                "文档称输入只支持 float16 和 float32。",
                "Its documentation says the input may be float16 or float32 only."),
            source="https://mindspore.cn/docs/en/r2.5.0/api_python/ops/mindspore.ops.softmin.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-1000.0, 1000.0),  # the rows [x, x + 1, x + 2]
    plot_range=(-6.0, 6.0),
    kind="normalizer",
    vjp=softmin_vjp,
    figures=(
        Figure("softmin-logit", Text("Softmin：一个输入变化时各输出的变化",
                                     "Softmin: the outputs as one input varies"), _LOGIT),
        Figure("softmin-nearest", Text("Softmin 作用于到三个中心的距离平方：软性的最近中心分配",
                                       "Softmin of the squared distances to three centres: a soft "
                                       "nearest-centre assignment"), _plot_nearest, size=(6.4, 3.4)),
    ),
    implementation=Text(
        r"`softmin` 用 `np.negative` 把输入取负（取负是精确的），再调用本手册的 `softmax`，"
        r"稳定性全部来自那里：减去每行的最大值，也就是原输入的最小值。因此约定也与 Softmax 对应："
        r"$+\infty$ 的输入得 0；一行中有 $-\infty$ 时，这些项平分全部概率。"
        r"`softmin_derivative` 对 $-\mathbf{x}$ 调用 `softmax_derivative`，再由链式法则用 `np.negative` 取负。"
        r"`softmin_vjp` 不构造雅可比矩阵：它用 `np.vecdot` 逐行求 $\langle \mathbf{g}, \mathbf{s} \rangle$，"
        r"用 `np.expand_dims` 补回归一化的轴，返回 "
        r"$\mathbf{s} \odot (\langle \mathbf{g}, \mathbf{s} \rangle - \mathbf{g})$"
        r"（`np.subtract`、`np.multiply`），每行 $O(n)$。",
        r"`softmin` negates the input with `np.negative` (negation is exact) and calls this handbook's "
        r"`softmax`, from which all of its stability comes: it subtracts each row's maximum, which is the "
        r"minimum of the original inputs. The conventions mirror softmax's: a $+\infty$ input gets 0, and "
        r"the $-\infty$ inputs of a row share all the probability. `softmin_derivative` calls "
        r"`softmax_derivative` on $-\mathbf{x}$ and negates it with `np.negative` (the chain rule). "
        r"`softmin_vjp` never forms the Jacobian: it computes $\langle \mathbf{g}, \mathbf{s} \rangle$ per "
        r"row with `np.vecdot`, restores the axis with `np.expand_dims` and returns "
        r"$\mathbf{s} \odot (\langle \mathbf{g}, \mathbf{s} \rangle - \mathbf{g})$ (`np.subtract`, "
        r"`np.multiply`), $O(n)$ per row.",
    ),
))
