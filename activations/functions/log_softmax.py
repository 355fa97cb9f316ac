"""LogSoftmax: the logarithm of softmax, computed without forming softmax."""

from __future__ import annotations

from functools import partial

import numpy as np
from numpy.typing import ArrayLike

from .._checks import as_float_array, axis_index
from .._figures import one_logit
from .._registry import register
from .._spec import Activation, Deviation, Figure, FrameworkName, Parameter, Properties, Reference, Text
from .softmax import softmax


def log_softmax(x: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""LogSoftmax along one axis.

    .. math:: \operatorname{log\_softmax}(\mathbf{x})_i = x_i - \log \sum_{j=1}^{n} e^{x_j}

    Parameters
    ----------
    x : array_like
        Logits, at least one dimension. float16/32/64 keep their dtype;
        anything else real is computed in float64.
    axis : int, default -1
        The axis along which ``exp`` of the outputs sums to 1 (PyTorch calls it ``dim``).

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``: values <= 0, the log-probabilities.

    Notes
    -----
    ``log(softmax(x))`` gives -inf once a probability underflows (a logit
    about 745 below the largest) and loses the relative accuracy of the
    largest entry's small negative value. Here z = x - max is computed first,
    so every exponent is <= 0; the largest entry's own term e^0 = 1 is left
    out of the sum r, and log(1 + r) is taken with ``log1p``. Then z_i and
    -log1p(r) are both <= 0: their sum cannot cancel. Infinite logits follow
    softmax's convention: a -inf logit gets -inf; if k logits are +inf, they
    get -log k and every other entry -inf. A row of only -inf, or with a NaN,
    gives NaN, as in PyTorch.

    Examples
    --------
    >>> log_softmax([1000.0, 1001.0, 1002.0])
    array([-2.40760596, -1.40760596, -0.40760596])
    """
    x = as_float_array(x)
    axis = axis_index(x, axis)
    m = np.max(x, axis=axis, keepdims=True)
    plus_inf_rows = np.isposinf(m)
    no_mass = np.isneginf(m)  # a row of only -inf: no distribution, NaN below
    m[np.isinf(m)] = 0
    # -1e308 - 1e308 = -inf is right: its log-probability is -inf
    with np.errstate(over="ignore"):
        z = x - m  # max-subtraction: every z <= 0, the largest is 0
    # some logit is +inf: by convention the +inf entries share all the mass
    if plus_inf_rows.any():
        plus_inf = np.isposinf(z)
        z[plus_inf_rows & ~plus_inf] = -np.inf
        z[plus_inf] = 0
    e = np.exp(z)
    # leave out one e^0 = 1 per row (the first largest):
    # log S = log1p(rest), accurate when the rest is tiny
    first = np.expand_dims(np.argmax(z, axis=axis), axis)
    np.put_along_axis(e, first, 0, axis=axis)
    log_sum = np.log1p(np.sum(e, axis=axis, keepdims=True))
    log_sum[no_mass] = np.nan
    np.subtract(z, log_sum, out=z)  # both terms <= 0: no cancellation
    return z


def log_softmax_derivative(x: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Jacobian of LogSoftmax with respect to x.

    .. math:: \frac{\partial\,\operatorname{log\_softmax}(\mathbf{x})_i}{\partial x_j}
              = \delta_{ij} - s_j, \qquad J = I - \mathbf{1}\mathbf{s}^{\top}

    Parameters
    ----------
    x : array_like
        Logits, at least one dimension.
    axis : int, default -1
        The LogSoftmax axis.

    Returns
    -------
    numpy.ndarray
        Shape ``x.shape + (n,)`` where n = ``x.shape[axis]``: entry
        ``[..., i, ..., j]`` (i at position ``axis``) is d out_i / dx_j,
        with s = softmax(x). O(n^2) per row: to backpropagate, use
        :func:`log_softmax_vjp`, which is O(n).

    Examples
    --------
    >>> log_softmax_derivative([0.0, 0.0])
    array([[ 0.5, -0.5],
           [-0.5,  0.5]])
    """
    x = as_float_array(x)
    axis = axis_index(x, axis)
    s = np.moveaxis(softmax(x, axis=axis), axis, -1)  # work with the axis last
    n = s.shape[-1]
    # -s_j in every row i
    jac = np.broadcast_to(-s[..., None, :], (*s.shape, n)).copy()
    i = np.arange(n)
    jac[..., i, i] += 1  # + delta_ij: I - 1 s^T
    return np.moveaxis(jac, -2, axis)


def log_softmax_vjp(
    x: ArrayLike, g: ArrayLike, axis: int = -1, *,
    output: ArrayLike | None = None,
) -> np.ndarray:
    r"""Vector-Jacobian product of LogSoftmax: the gradient backpropagation needs.

    .. math:: (\mathbf{g}^{\top} J)_j = g_j - s_j \sum_i g_i, \qquad s_j = e^{\,\mathrm{out}_j}

    Parameters
    ----------
    x : array_like
        Logits, at least one dimension.
    g : array_like
        Upstream gradient dL/d out, the same shape as ``x``.
    axis : int, default -1
        The LogSoftmax axis.
    output : array_like, optional
        ``log_softmax(x, axis)`` if the forward pass already computed it, as
        autograd keeps it: the VJP then skips recomputing it.

    Returns
    -------
    numpy.ndarray
        dL/dx, the same shape as ``x``. O(n) per row: the Jacobian is never formed.

    Examples
    --------
    >>> log_softmax_vjp([0.0, 0.0], [1.0, 0.0])
    array([ 0.5, -0.5])
    """
    x = as_float_array(x)
    g = as_float_array(g, "g")
    if g.shape != x.shape:
        raise ValueError(
            f"g must have the shape of x {x.shape}, got {g.shape}")
    if output is None:
        out = log_softmax(x, axis=axis)
    else:
        out = as_float_array(output, "output")
        if out.shape != x.shape:
            raise ValueError(
                f"output must have the shape of x {x.shape}, got {out.shape}")
        axis = axis_index(x, axis)
    # the probabilities from the saved output (out <= 0: no overflow)
    s = np.exp(out)
    total = np.sum(g, axis=axis, keepdims=True)
    np.multiply(s, total, out=s)
    return np.subtract(g, s, out=s)  # g - s * sum(g)


def _naive(x: np.ndarray, axis: int = -1) -> np.ndarray:
    e = np.exp(x)
    return np.log(e / np.sum(e, axis=axis, keepdims=True))


def _naive_derivative(x: np.ndarray, axis: int = -1) -> np.ndarray:
    e = np.exp(x)
    s = e / np.sum(e, axis=axis, keepdims=True)
    return np.eye(s.shape[-1]) - s[..., None, :]


def _plot_underflow(fig, theme: dict[str, str], colours) -> None:
    """The second entry of log_softmax(0, -d) as d grows: exactly -d - log1p(e^-d), while
    log(softmax) in float64 becomes -inf once e^-d underflows (d > 745)."""
    d = np.linspace(0, 800, 801)
    rows = np.stack([np.zeros_like(d), -d], axis=-1)
    ours = log_softmax(rows)[:, 1]
    with np.errstate(divide="ignore"):
        naive = np.log(softmax(rows)[:, 1])
    ax = fig.subplots()
    ax.plot(d, ours, color=colours[0], label="log_softmax(0, −d)₂")
    shown = np.isfinite(naive)
    ax.plot(d[shown], naive[shown], color=colours[1], linestyle="--", label="log(softmax(0, −d)₂)")
    cut = d[~shown][0]
    ax.axvline(cut, color=theme["muted"], linestyle=":", linewidth=1)
    ax.annotate(f"d = {cut:g}: log(0) = −∞", (cut, -cut / 2), xytext=(-150, 0), textcoords="offset points",
                color=theme["text"], arrowprops={"arrowstyle": "->", "color": theme["muted"]})
    ax.set_xlabel("d")
    ax.set_title("float64", color=theme["text"])
    ax.legend(loc="lower left")


_LOGIT = partial(one_logit, f=log_softmax, name="log_softmax", symbol="out", hlines=(0.0,), ylim=None,
                legend="lower left")


SPEC = register(Activation(
    name="log_softmax",
    slug="log-softmax",
    order=71,
    title=Text("LogSoftmax", "LogSoftmax"),
    full_name=Text("对数归一化指数函数", "logarithm of softmax"),
    summary=Text(
        "Softmax 的对数，即各类别的对数概率；与负对数似然损失配合，构成交叉熵。",
        "The logarithm of softmax, the log-probability of each class; with the negative "
        "log-likelihood loss it makes cross-entropy.",
    ),
    forward=log_softmax,
    derivative=log_softmax_derivative,
    latex=r"\operatorname{log\_softmax}(\mathbf{x})_i = x_i - \log \sum_{j=1}^{n} e^{x_j}",
    latex_derivative=r"\frac{\partial\, \operatorname{log\_softmax}(\mathbf{x})_i}{\partial x_j}"
    r" = \delta_{ij} - s_j, \qquad J = I - \mathbf{1}\mathbf{s}^{\top},"
    r" \qquad \mathbf{s} = \operatorname{softmax}(\mathbf{x})",
    parameters=(
        Parameter(
            "axis", "", -1, r"-\mathrm{ndim}(x) \le \mathrm{axis} < \mathrm{ndim}(x)",
            Text("沿哪一维归一化（PyTorch 叫 dim）", "the axis along which the probabilities sum to 1 "
                 "(PyTorch calls it dim)"),
        ),
    ),
    properties=Properties(
        range=r"(-\infty,\ 0]^n,\ \textstyle\sum_i e^{y_i} = 1",
        monotonic=True,
        smoothness=r"C^\infty",
        zero_centred=False,
        saturation=("none", "soft"),
        bounded="above",
        lower=-np.inf,
        upper=0.0,
        note=Text(
            r"单调指 $y_i$ 随自身的 $x_i$ 递增（$\partial y_i/\partial x_i = 1 - s_i \ge 0$）；"
            r"$x_i \to -\infty$ 时这个导数趋于 1，不饱和；$x_i \to +\infty$ 时趋于 0。"
            r"对所有 $x_i$ 加同一个常数，结果不变。",
            r"Monotonic means $y_i$ increases with its own $x_i$ "
            r"($\partial y_i/\partial x_i = 1 - s_i \ge 0$); that derivative tends to 1 as "
            r"$x_i \to -\infty$ (no saturation) and to 0 as $x_i \to +\infty$. "
            r"Adding the same constant to every $x_i$ changes nothing.",
        ),
    ),
    kink=None,
    references=(
        Reference(
            "Ian Goodfellow, Yoshua Bengio, Aaron Courville", 2016,
            "Deep Learning, §6.2.2.3 Softmax units for multinoulli output distributions",
            "MIT Press", "https://www.deeplearningbook.org/contents/mlp.html",
        ),
        Reference(
            "Pierre Blanchard, Desmond J. Higham, Nicholas J. Higham", 2021,
            "Accurately computing the log-sum-exp and softmax functions",
            "IMA Journal of Numerical Analysis 41(4), 2311–2330",
            "https://doi.org/10.1093/imanum/draa038",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.log_softmax", "(input, dim=None, dtype=None)",
            module="torch.nn.LogSoftmax(dim=None)",
            difference=Text(
                "参数叫 dim，而且没有默认值（不给 dim 会告警并按旧规则猜一维）；本包的 axis 默认 −1。"
                "含 +∞ 的行得 NaN，本包取极限：k 个 +∞ 项各得 −log k。",
                "The parameter is dim and has no real default (omitting it warns and guesses a dimension by "
                "a legacy rule); here axis defaults to −1. A row with a +∞ gives NaN, where this package "
                "takes the limit: each of k entries at +∞ gets −log k."),
            call="torch.nn.functional.log_softmax(x, dim=-1)",
            backward="torch.ops.aten._log_softmax_backward_data(g, y, axis, x.dtype)",
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
            "Keras", "keras.activations.log_softmax", "(x, axis=-1)",
            difference=Text(
                "在 JAX 后端上调用 jax.nn.log_softmax：含 +∞ 的行同样得 NaN。",
                "On the JAX backend it calls jax.nn.log_softmax: a row with a +∞ gives NaN there too."),
            call="keras.activations.log_softmax(x)",
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
            "JAX", "jax.nn.log_softmax", "(x, axis=-1, where=None)",
            difference=Text(
                "含 +∞ 的行得 NaN（本包：k 个 +∞ 项各得 −log k）。",
                "A row with a +∞ gives NaN (this package: each of k entries at +∞ gets −log k)."),
            call="jax.nn.log_softmax(x)",
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
            "PaddlePaddle", "paddle.nn.functional.log_softmax", "(x, axis=-1, dtype=None, name=None)",
            module="paddle.nn.LogSoftmax(axis=-1)",
            difference=Text(
                "含 +∞ 的行得 NaN。减去行最大值后的对数几率被截断在 −64：[−∞, 0, 1] 中 −∞ 的项得 −64.31，"
                "[800, 0] 中第二项得 −64，而不是 −∞ 和 "
                "−800；导数也随之不同。",
                "A row with a +∞ gives NaN. The logits minus the row maximum are clipped at −64: in [−∞, 0, "
                "1] the −∞ entry gets −64.31, in [800, 0] the second entry gets −64, instead of −∞ and −800; "
                "the derivatives differ with them."),
            call="paddle.nn.functional.log_softmax(x)",
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
                    -64.31326168751822,
                    -1.3132616875182228,
                    -0.31326168751822286,
                )),
                Deviation("df", (float("-inf"), 0.0, 1.0), (
                    (1.0, -0.2689414213699951, -0.7310585786300049),
                    (-1.172479710035812e-28, 0.7310585786300049, -0.7310585786300049),
                    (-1.172479710035812e-28, -0.2689414213699951, 0.2689414213699951),
                )),
                Deviation("f", (1e+300, -1e+300), (0.0, -64.0)),
                Deviation("df", (1e+300, -1e+300), ((0.0, -1.603810890548638e-28), (-1.0, 1.0))),
                Deviation("f", (800.0, 0.0), (0.0, -64.0)),
                Deviation("df", (800.0, 0.0), ((0.0, -1.603810890548638e-28), (-1.0, 1.0))),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.log_softmax", "(logits, axis=-1)",
            module="mindspore.nn.LogSoftmax(axis=-1)",
            difference=Text(
                "输入叫 logits；文档称只支持 float16 和 float32。",
                "The input is called logits; its documentation says it may be float16 or float32 only."),
            source="https://mindspore.cn/docs/en/r2.5.0/api_python/ops/mindspore.ops.log_softmax.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(1000.0, -1000.0),  # the rows [x, x + 1, x + 2]
    plot_range=(-6.0, 6.0),
    kind="normalizer",
    vjp=log_softmax_vjp,
    figures=(
        Figure("log-softmax-logit", Text("LogSoftmax：一个对数几率变化时各输出的变化",
                                         "LogSoftmax: the outputs as one logit varies"), _LOGIT),
        Figure("log-softmax-underflow", Text("LogSoftmax 与先算 Softmax 再取对数的对比：概率下溢为 0 时后者得到 −∞",
                                             "LogSoftmax against the logarithm of softmax: the latter gives −∞ "
                                             "once the probability underflows to 0"), _plot_underflow),
    ),
    implementation=Text(
        r"`log_softmax` 先用 `np.max` 求出每行的最大值 $m$，算出 $z = x - m$（放在 "
        r'`np.errstate(over="ignore")` 中，因为 $-10^{308} - 10^{308}$ 上溢为 $-\infty$ 正是正确的值），'
        r"于是每个 $z_i \le 0$，最大的为 0。它不先算 Softmax 再取对数，而是用 `np.exp` 求出各项，"
        r"用 `np.argmax` 找到每行第一个最大项（`np.expand_dims` 补回归一化的轴），"
        r"用 `np.put_along_axis` 把这一项的 $e^0 = 1$ 置为 0，"
        r"再用 `np.sum` 求其余各项之和 $r$，以 `np.log1p` 得到 $\log(1 + r)$："
        r"$r$ 很小时，这样求得的对数仍有完整的相对精度。结果是 $z_i - \log(1 + r)$，两项都不大于 0，"
        r"相加不会抵消。无穷大的约定与 Softmax 相同：最大值为无穷大（由 `np.isinf` 判断）的行改为平移 0；"
        r"含 $+\infty$ 的行（由 `np.isposinf` 判断）中，$k$ 个 $+\infty$ 项各得 $-\log k$，其余项的 $z$ 设为 "
        r"$-\infty$（即 `np.inf` 取负）；全是 $-\infty$ 的行（由 `np.isneginf` 判断）得 `np.nan`。"
        r"`log_softmax_derivative` 用 `np.moveaxis` 把归一化的轴移到最后，用 `np.broadcast_to` 让每一行都是 "
        r"$-\mathbf{s}^{\top}$，再在对角线（用 `np.arange` 索引）上加 1，得到 $I - \mathbf{1}\mathbf{s}^{\top}$；"
        r"$\mathbf{s}$ 取本手册的 Softmax；"
        r"没有分布的行（含 NaN 或全是 $-\infty$），$\mathbf{s}$ 整行为 NaN，雅可比矩阵也是。"
        r"`log_softmax_vjp` 不构造雅可比矩阵：它像 PyTorch 的反向传播一样，由前向输出 $y$ 用 `np.exp` "
        r"恢复概率 $\mathbf{s} = e^{y}$（$y \le 0$，不会上溢），用 `np.sum` 求 $\sum_i g_i$，返回 "
        r"$\mathbf{g} - \mathbf{s}\sum_i g_i$（`np.multiply`、`np.subtract`），每行 $O(n)$。",
        r"`log_softmax` finds each row's maximum $m$ with `np.max` and forms $z = x - m$ (inside "
        r'`np.errstate(over="ignore")`, because $-10^{308} - 10^{308}$ overflows to $-\infty$, which is the '
        r"right value), so every $z_i \le 0$ and the largest is 0. It does not take the logarithm of softmax: "
        r"it computes the terms with `np.exp`, finds each row's first largest entry with `np.argmax` "
        r"(the axis restored with `np.expand_dims`), sets "
        r"that entry's $e^0 = 1$ to 0 with `np.put_along_axis`, sums the rest with `np.sum` into $r$ and takes "
        r"$\log(1 + r)$ with `np.log1p`, which keeps full relative accuracy when $r$ is small. The result is "
        r"$z_i - \log(1 + r)$: both terms are at most 0, so the sum cannot cancel. Infinities follow softmax's "
        r"convention: rows whose maximum is infinite (tested with `np.isinf`) are shifted by 0; in a row with "
        r"$+\infty$ logits (tested with `np.isposinf`) the $k$ entries at $+\infty$ get $-\log k$ each and "
        r"every other $z$ is set to $-\infty$ (`np.inf` negated); a row of only $-\infty$ (tested with "
        r"`np.isneginf`) gets `np.nan`. `log_softmax_derivative` moves the axis last with `np.moveaxis`, fills "
        r"every row with $-\mathbf{s}^{\top}$ through `np.broadcast_to` and adds 1 on the diagonal (indexed "
        r"with `np.arange`): $I - \mathbf{1}\mathbf{s}^{\top}$, with $\mathbf{s}$ this handbook's softmax; in a "
        r"row without a distribution (a NaN, or only $-\infty$) $\mathbf{s}$ is NaN throughout, and so "
        r"is the Jacobian. `log_softmax_vjp` never forms the "
        r"Jacobian: like PyTorch's backward it recovers the probabilities $\mathbf{s} = e^{y}$ from the forward "
        r"output $y$ with `np.exp` ($y \le 0$: no overflow), sums $g$ with `np.sum` and returns "
        r"$\mathbf{g} - \mathbf{s}\sum_i g_i$ (`np.multiply`, `np.subtract`), $O(n)$ per row.",
    ),
))
