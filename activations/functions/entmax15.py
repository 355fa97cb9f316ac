"""1.5-entmax: between softmax and sparsemax, sparse with a smooth derivative."""

from __future__ import annotations

from functools import partial

import numpy as np
from numpy.typing import ArrayLike

from .._checks import as_float_array, axis_index
from .._figures import first_of_two, one_logit
from .._registry import register
from .._spec import Activation, Deviation, Figure, FrameworkName, Parameter, Properties, Reference, Text
from .sparsemax import max_shifted


def entmax15_threshold(u: np.ndarray, axis: int) -> np.ndarray:
    r"""The threshold tau with sum_i max(u_i - tau, 0)^2 = 1, along ``axis``.

    Parameters
    ----------
    u : numpy.ndarray
        Half the max-shifted logits: every entry <= 0, the largest 0, or a
        row of NaN (as :func:`max_shifted` leaves it, halved).
    axis : int
        A valid axis of ``u``.

    Returns
    -------
    numpy.ndarray
        tau, with ``axis`` kept (size 1); -1 <= tau < 0 in every row that is
        not NaN.

    Notes
    -----
    Exact and sort-based, as Peters, Niculae & Martins (2019, Algorithm 2):
    with F(t) = sum_i max(u_i - t, 0)^2, which decreases and is 1 at tau,
    the k-th largest u_(k) is in the support exactly when F(u_(k)) < 1, and
    F(u_(k)) = sum_{i <= k} u_(i)^2 - 2 u_(k) sum_{i <= k} u_(i) + k u_(k)^2
    comes from two running sums. They cancel, so they only count the
    support; tau is then computed over the support in two passes (the mean
    first, then the squared deviations from it).
    """
    # NumPy 2.4's default float16 sort on an AVX-512 CPU turns NaN into a
    # signalling NaN (the sums below would warn): float16 sorts "stable"
    kind = "stable" if u.dtype == np.float16 else None
    ranked = np.sort(u, axis=axis, kind=kind)
    # the largest entry is 0 and its output (0 - tau)^2 <= 1, so tau >= -1:
    # an entry below -1 is never in the support; -1 keeps its square finite
    np.maximum(ranked, -1.0, out=ranked)
    ranked = np.flip(ranked, axis=axis)  # descending (a view)
    shape = [1] * u.ndim
    shape[axis] = -1
    k = np.arange(1, u.shape[axis] + 1, dtype=u.dtype).reshape(shape)
    # F(u_(k)) = sum u^2 - 2 u_(k) sum u + k u_(k)^2 over the k largest
    f = np.square(ranked)
    np.cumsum(f, axis=axis, out=f)
    running = np.cumsum(ranked, axis=axis)
    running *= ranked
    running *= -2
    f += running
    np.multiply(k, np.square(ranked, out=running), out=running)
    f += running
    size = np.sum(f < 1, axis=axis, keepdims=True)
    size = np.maximum(size, 1)  # a NaN row counts 0: 1, and NaN carries on
    inside = k <= size  # the support, in sorted order
    top = np.multiply(ranked, inside, out=running)  # 0 outside it
    mean = np.sum(top, axis=axis, keepdims=True)
    mean /= size
    dev = np.subtract(ranked, mean, out=top)  # second pass: deviations
    dev *= inside
    ss = np.sum(np.square(dev, out=dev), axis=axis, keepdims=True)
    return mean - np.sqrt(np.maximum((1 - ss) / size, 0))


def entmax15(x: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""1.5-entmax along one axis.

    .. math:: \operatorname{entmax}_{1.5}(\mathbf{x})_i
              = \Bigl[\max\Bigl(\frac{x_i}{2} - \tau, 0\Bigr)\Bigr]^2,
              \qquad \sum_i p_i = 1

    Parameters
    ----------
    x : array_like
        Logits, at least one dimension. float16/32/64 keep their dtype;
        anything else real is computed in float64.
    axis : int, default -1
        The axis along which the outputs sum to 1 (PyTorch's entmax
        package calls it ``dim``).

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``: non-negative, summing to 1 along ``axis``, and
        exactly 0 for every logit with x_i / 2 <= tau.

    Notes
    -----
    Bisection on tau, the general method for alpha-entmax, stops at a
    tolerance and leaves outputs that sum to 1 only within it; the
    sort-based threshold (:func:`entmax15_threshold`) is exact up to
    rounding. The row maximum is subtracted first (1.5-entmax is shift
    invariant): the same sorted running sums on the raw logits cancel for
    logits near 1e8 and overflow once |x| exceeds about 2.7e154. Infinite
    logits follow softmax's convention: -inf gets 0, the +inf entries of a
    row share the probability equally, and a row of only -inf, or with a
    NaN, gives NaN.

    Examples
    --------
    >>> entmax15([0.0, 1.0, 2.0])
    array([0.        , 0.16928109, 0.83071891])
    >>> entmax15([1000.0, 1001.0, 1004.0])
    array([0., 0., 1.])
    """
    x = as_float_array(x)
    axis = axis_index(x, axis)
    u = max_shifted(x, axis)
    u /= 2  # entmax with alpha = 1.5 works on x (alpha - 1) = x / 2; exact
    np.subtract(u, entmax15_threshold(u, axis), out=u)
    np.maximum(u, 0, out=u)
    return np.square(u, out=u)


def entmax15_derivative(x: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Jacobian of 1.5-entmax with respect to x.

    .. math:: \frac{\partial p_i}{\partial x_j} = r_i\,\delta_{ij}
              - \frac{r_i r_j}{\sum_k r_k}, \qquad r_i = \sqrt{p_i}

    Parameters
    ----------
    x : array_like
        Logits, at least one dimension.
    axis : int, default -1
        The 1.5-entmax axis.

    Returns
    -------
    numpy.ndarray
        Shape ``x.shape + (n,)`` where n = ``x.shape[axis]``: entry
        ``[..., i, ..., j]`` (i at position ``axis``) is dp_i/dx_j. It costs
        O(n^2) per row: to backpropagate, use :func:`entmax15_vjp`, which is
        O(n). r_i = 0 off the support, so the derivative is continuous
        there: 1.5-entmax has no kink.

    Examples
    --------
    >>> entmax15_derivative([0.0, 10.0])
    array([[0., 0.],
           [0., 0.]])
    """
    x = as_float_array(x)
    axis = axis_index(x, axis)
    r = np.sqrt(np.moveaxis(entmax15(x, axis=axis), axis, -1))  # the axis last
    # sum r >= sum r^2 = 1
    total = np.sum(r, axis=-1, keepdims=True)[..., None]
    # 0 - r_i r_j / sum r (not -(...), which would make the zeros off S -0)
    jac = 0 - r[..., :, None] * r[..., None, :] / total
    i = np.arange(r.shape[-1])
    jac[..., i, i] += r  # + r_i on the diagonal
    # put the index i back where the axis was
    return np.moveaxis(jac, -2, axis)


def entmax15_vjp(
    x: ArrayLike, g: ArrayLike, axis: int = -1, *,
    output: ArrayLike | None = None,
) -> np.ndarray:
    r"""Vector-Jacobian product of 1.5-entmax: the gradient backpropagation needs.

    .. math:: (\mathbf{g}^{\top} J)_j = r_j \Bigl(g_j
              - \frac{\langle \mathbf{g}, \mathbf{r} \rangle}{\sum_k r_k}\Bigr),
              \qquad r_j = \sqrt{p_j}

    Parameters
    ----------
    x : array_like
        Logits, at least one dimension.
    g : array_like
        Upstream gradient dL/dp, the same shape as ``x``.
    axis : int, default -1
        The 1.5-entmax axis.
    output : array_like, optional
        ``entmax15(x, axis)`` if the forward pass already computed it, as
        the entmax package keeps it: the VJP then skips recomputing it.

    Returns
    -------
    numpy.ndarray
        dL/dx, the same shape as ``x``. O(n) per row: the Jacobian is never formed.

    Examples
    --------
    >>> entmax15_vjp([0.0, 0.0], [1.0, 0.0])
    array([ 0.35355339, -0.35355339])
    """
    x = as_float_array(x)
    g = as_float_array(g, "g")
    if g.shape != x.shape:
        raise ValueError(
            f"g must have the shape of x {x.shape}, got {g.shape}")
    if output is None:
        p = entmax15(x, axis=axis)
    else:
        p = as_float_array(output, "output")
        if p.shape != x.shape:
            raise ValueError(
                f"output must have the shape of x {x.shape}, got {p.shape}")
    axis = axis_index(x, axis)
    r = np.sqrt(p)
    # <g, r> / sum r per row
    q = np.expand_dims(np.vecdot(g, r, axis=axis) / np.sum(r, axis=axis), axis)
    out = np.subtract(g, q)
    np.multiply(out, r, out=out)  # r * (g - q)
    return out


def _naive(x: np.ndarray, axis: int = -1) -> np.ndarray:
    # Peters et al.'s Algorithm 2 on the raw logits: running sums, no shift
    u = -np.sort(-x / 2, axis=-1)
    k = np.arange(1, x.shape[-1] + 1)
    mean = np.cumsum(u, axis=-1) / k
    mean_sq = np.cumsum(u**2, axis=-1) / k
    delta = (1 - k * (mean_sq - mean**2)) / k
    tau_k = mean - np.sqrt(np.maximum(delta, 0))
    size = np.sum(tau_k <= u, axis=-1, keepdims=True)
    tau = np.take_along_axis(tau_k, size - 1, axis=-1)
    return np.maximum(x / 2 - tau, 0) ** 2


def _naive_derivative(x: np.ndarray, axis: int = -1) -> np.ndarray:
    r = np.sqrt(_naive(x))
    total = np.sum(r, axis=-1, keepdims=True)[..., None]
    return np.eye(r.shape[-1]) * r[..., None, :] - r[..., :, None] * r[..., None, :] / total


_LOGIT = partial(one_logit, f=entmax15, name="entmax15", symbol="p", support_changes=True)
_SLOPE = partial(first_of_two, names=("softmax", "entmax15", "sparsemax"), derivative=True,
                 vlines=(-2.0, -1.0, 1.0, 2.0))


SPEC = register(Activation(
    name="entmax15",
    slug="entmax15",
    order=74,
    title=Text("1.5-entmax", "1.5-entmax"),
    full_name=Text("1.5-entmax（α = 1.5 的 α-entmax）", "α-entmax with α = 1.5"),
    summary=Text(
        "介于 Softmax 与 Sparsemax 之间：低于阈值的输入概率恰好为 0，而导数处处连续。",
        "Between softmax and sparsemax: inputs below a threshold get exactly 0, yet the derivative is "
        "continuous everywhere.",
    ),
    forward=entmax15,
    derivative=entmax15_derivative,
    latex=r"\operatorname{entmax}_{1.5}(\mathbf{x})_i = \Bigl[\max\Bigl(\frac{x_i}{2} - \tau, 0\Bigr)\Bigr]^2,"
    r" \qquad \textstyle\sum_i \bigl[\max\bigl(\frac{x_i}{2} - \tau, 0\bigr)\bigr]^2 = 1",
    latex_derivative=r"\frac{\partial p_i}{\partial x_j} = r_i\,\delta_{ij} - \frac{r_i r_j}{\sum_k r_k},"
    r" \qquad r_i = \sqrt{p_i}",
    parameters=(
        Parameter(
            "axis", "", -1, r"-\mathrm{ndim}(x) \le \mathrm{axis} < \mathrm{ndim}(x)",
            Text("沿哪一维归一化（PyTorch 的 entmax 包叫 dim）",
                 "the axis that sums to 1 (the entmax package on PyTorch calls it dim)"),
        ),
    ),
    properties=Properties(
        range=r"[0,\ 1]^n,\ \textstyle\sum_i p_i = 1",
        monotonic=True,
        smoothness=r"C^1",
        zero_centred=False,
        saturation=("hard", "hard"),
        bounded="both",
        lower=0.0,
        upper=1.0,
        note=Text(
            r"它是 α-entmax 在 α = 1.5 时的特例：α = 1 是 Softmax，α = 2 是 Sparsemax。"
            r"$p_i$ 随自身的 $x_i$ 不减（$\partial p_i/\partial x_i = r_i(1 - r_i/\sum_k r_k) \ge 0$）；"
            r"对所有 $x_i$ 加同一个常数，结果不变。",
            r"It is α-entmax at α = 1.5: α = 1 gives softmax and α = 2 sparsemax. $p_i$ never decreases as its "
            r"own $x_i$ grows ($\partial p_i/\partial x_i = r_i(1 - r_i/\sum_k r_k) \ge 0$); adding the same "
            r"constant to every $x_i$ changes nothing.",
        ),
    ),
    kink=None,
    references=(
        Reference(
            "Ben Peters, Vlad Niculae, André F. T. Martins", 2019,
            "Sparse Sequence-to-Sequence Models",
            "ACL 2019, 1504–1519", "https://aclanthology.org/P19-1146/",
        ),
        Reference(
            "Gonçalo M. Correia, Vlad Niculae, André F. T. Martins", 2019,
            "Adaptively Sparse Transformers",
            "EMNLP-IJCNLP 2019, 2174–2184", "https://aclanthology.org/D19-1223/",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "entmax.entmax15", "(X, dim=-1, k=None)",
            module="entmax.Entmax15(dim=-1, k=None)",
            package="entmax",
            difference=Text(
                "PyTorch 本身没有这个函数；论文作者维护的 entmax 包（基于 PyTorch，pip install entmax）提供它，"
                "参数叫 dim。含 +∞、含 NaN 或全为 −∞ 的行不返回结果，而是抛出异常（本包：+∞ 项平分概率，"
                "后两种整行为 NaN）。",
                "PyTorch itself does not ship it; the entmax package by the paper's authors (on PyTorch, pip "
                "install entmax) does, with the parameter called dim. A row with a +∞ or a NaN, or of only −∞, "
                "raises an exception instead of returning (this package: the +∞ entries share the probability; "
                "the other two give NaN)."),
            call="entmax.entmax15(x, dim=-1)",
            deviations=(
                Deviation("f", (float("inf"), 0.0, float("inf")), float("nan"), raises="RuntimeError"),
                Deviation("df", (float("inf"), 0.0, float("inf")), float("nan"), raises="RuntimeError"),
                Deviation("f", (float("inf"), 0.0), float("nan"), raises="RuntimeError"),
                Deviation("df", (float("inf"), 0.0), float("nan"), raises="RuntimeError"),
                Deviation("f", (float("inf"), float("-inf")), float("nan"), raises="RuntimeError"),
                Deviation("df", (float("inf"), float("-inf")), float("nan"), raises="RuntimeError"),
                Deviation("f", (float("-inf"), float("-inf")), float("nan"), raises="RuntimeError"),
                Deviation("df", (float("-inf"), float("-inf")), float("nan"), raises="RuntimeError"),
                Deviation("f", (float("nan"), 0.0, 1.0), float("nan"), raises="RuntimeError"),
                Deviation("df", (float("nan"), 0.0, 1.0), float("nan"), raises="RuntimeError"),
            ),
        ),
        FrameworkName(
            "Keras", "", "", missing=True,
            difference=Text(
                "Keras 没有这个函数，也没有几个运算就能写出的组合：阈值要靠排序后逐个检验支撑集大小。"
                "可以照本页的代码移植。",
                "Keras does not ship this function, and no short composition of its operations computes it: the "
                "threshold needs the sorted search over support sizes. This page's code can be ported."),
        ),
        FrameworkName(
            "JAX", "", "", missing=True,
            difference=Text(
                "JAX 没有这个函数，也没有几个运算就能写出的组合（理由同 Keras 一行）。",
                "JAX does not ship this function, and no short composition computes it (as in the Keras row)."),
        ),
        FrameworkName(
            "PaddlePaddle", "", "", missing=True,
            difference=Text(
                "PaddlePaddle 没有这个函数，也没有几个运算就能写出的组合（理由同 Keras 一行）。",
                "PaddlePaddle does not ship this function, and no short composition computes it (as in the "
                "Keras row)."),
        ),
        FrameworkName(
            "MindSpore", "", "", missing=True,
            difference=Text(
                "MindSpore 没有这个函数。照本页的代码移植时可用 mindspore.ops.sort 排序；"
                "它的文档提醒 sort 对 float32 可能有精度误差。",
                "MindSpore does not ship this function. A port of this page's code can sort with "
                "mindspore.ops.sort; its documentation warns that sort may lose precision on float32."),
            source="https://mindspore.cn/docs/en/r2.5.0/api_python/ops/mindspore.ops.sort.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(1e8, 1e200),  # the rows [x, x + 1, x + 2]
    plot_range=(-3.0, 3.0),
    kind="normalizer",
    vjp=entmax15_vjp,
    memory_exemption="The exact threshold holds the sorted copy and both running sums (of u and of u^2) at "
    "once, beside the output: four full-size arrays and masks (4.1x float64, 4.3x float32 measured). "
    "Within 2.3x it would take computing the threshold in blocks of rows, which the handbook's code does "
    "not do to stay readable.",
    figures=(
        Figure("entmax15-logit", Text("1.5-entmax：一个输入变化时各输出的变化，输出会恰好变成 0 或 1",
                                      "1.5-entmax: the outputs as one logit varies; they reach exactly 0 and 1"),
               _LOGIT),
        Figure("entmax15-derivative", Text("输入为 t 与 0 两项时，第一个输出对 t 的导数：Sparsemax 的导数跳变，"
                                           "1.5-entmax 的连续",
                                           "The derivative in t of the first output for the two logits (t, 0): "
                                           "sparsemax's jumps, 1.5-entmax's is continuous"), _SLOPE,
               size=(6.4, 3.4)),
    ),
    implementation=Text(
        r"`entmax15` 先用 Sparsemax 页上的 `max_shifted` 减去每行的最大值并处理无穷（约定与 Softmax 相同），"
        r"再除以 2：$\alpha = 1.5$ 时 α-entmax 作用在 $(\alpha - 1)\mathbf{x} = \mathbf{x}/2$ 上，除以 2 是精确的。"
        r"阈值由 `entmax15_threshold` 精确求出，与 Peters 等人的算法 2 一样基于排序："
        r"用 `np.sort`、`np.flip` 降序排列（float16 用稳定排序，理由见 Sparsemax 页）；"
        r"最大项的输出 $(0 - \tau)^2 \le 1$，"
        r"所以 $\tau \ge -1$，低于 $-1$ 的项不可能进入支撑集，截到 $-1$（`np.maximum`），平方就不会上溢。"
        r"记 $F(t) = \sum_i \max(u_i - t, 0)^2$，它单调递减且 $F(\tau) = 1$，所以第 $k$ 大的 $u_{(k)}$ "
        r"在支撑集内当且仅当 $F(u_{(k)}) < 1$；而 $F(u_{(k)}) = \sum_{i \le k} u_{(i)}^2 - 2 u_{(k)} \sum_{i \le k} "
        r"u_{(i)} + k\, u_{(k)}^2$，由两个累积和得到（`np.cumsum`、`np.square`、`np.multiply`，$k$ 来自 "
        r"`np.arange`），满足条件的个数（`np.sum`）就是支撑集的大小。累积和里有相消，只用来数个数；"
        r"$\tau$ 随后在支撑集上用两遍法重算：先求均值，再求偏差的平方和 $ss$，"
        r"$\tau = \bar u - \sqrt{(1 - ss)/k}$（`np.sqrt`）。输出为 $\max(u - \tau, 0)^2$。"
        r"`entmax15_derivative` 由 $r = \sqrt{p}$ 构造 $\operatorname{diag}(r) - r r^\top / \sum_k r_k$"
        r"（`np.moveaxis`）；支撑集外 $r_i = 0$，所以导数在那里连续。"
        r"`entmax15_vjp` 不构造雅可比矩阵：它用 `np.vecdot` 逐行求 $\langle \mathbf{g}, \mathbf{r} \rangle$，"
        r"用 `np.expand_dims` 补回归一化的轴，返回 $r \odot (\mathbf{g} - \langle \mathbf{g}, \mathbf{r} \rangle / "
        r"\sum_k r_k)$，每行 $O(n)$。",
        r"`entmax15` first subtracts each row's maximum and handles infinities with `max_shifted` from the "
        r"sparsemax page (the same conventions as softmax), then halves: α-entmax with $\alpha = 1.5$ acts on "
        r"$(\alpha - 1)\mathbf{x} = \mathbf{x}/2$, and halving is exact. `entmax15_threshold` finds the threshold "
        r"exactly and, like Peters et al.'s Algorithm 2, by sorting: `np.sort` and `np.flip` put the entries in "
        r"descending order (float16 with a stable sort, for the reason on the sparsemax page); the largest "
        r"entry's output "
        r"$(0 - \tau)^2$ is at most 1, so $\tau \ge -1$, no entry below $-1$ can be in the support, and such "
        r"entries are raised to $-1$ (`np.maximum`), which keeps every square finite. With "
        r"$F(t) = \sum_i \max(u_i - t, 0)^2$, which decreases and equals 1 at $\tau$, the $k$-th largest "
        r"$u_{(k)}$ is in the support exactly when $F(u_{(k)}) < 1$, and $F(u_{(k)}) = \sum_{i \le k} u_{(i)}^2 - "
        r"2 u_{(k)} \sum_{i \le k} u_{(i)} + k\, u_{(k)}^2$ comes from two running sums (`np.cumsum`, `np.square`, "
        r"`np.multiply`, with $k$ from `np.arange`); the number of entries that pass (`np.sum`) is the size of "
        r"the support. The running sums cancel, so they only count; $\tau$ is then computed over the support in "
        r"two passes, the mean first and then the sum $ss$ of squared deviations from it, "
        r"$\tau = \bar u - \sqrt{(1 - ss)/k}$ (`np.sqrt`). The output is $\max(u - \tau, 0)^2$. "
        r"`entmax15_derivative` builds $\operatorname{diag}(r) - r r^\top / \sum_k r_k$ from $r = \sqrt{p}$ "
        r"(`np.moveaxis`); $r_i = 0$ off the support, so the derivative is continuous there. `entmax15_vjp` never "
        r"forms the Jacobian: it computes $\langle \mathbf{g}, \mathbf{r} \rangle$ per row with `np.vecdot`, "
        r"restores the axis with `np.expand_dims` and returns $r \odot (\mathbf{g} - \langle \mathbf{g}, "
        r"\mathbf{r} \rangle / \sum_k r_k)$, $O(n)$ per row.",
    ),
))
