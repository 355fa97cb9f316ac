"""Sparsemax: the Euclidean projection of the logits onto the probability simplex."""

from __future__ import annotations

from functools import partial

import numpy as np
from numpy.typing import ArrayLike

from .._checks import as_float_array, axis_index
from .._figures import first_of_two, one_logit
from .._registry import register
from .._spec import Activation, Deviation, Figure, FrameworkName, Parameter, Properties, Reference, Text


def max_shifted(x: np.ndarray, axis: int) -> np.ndarray:
    r"""``x`` minus its maximum along ``axis``, with the conventions at infinite entries.

    Parameters
    ----------
    x : numpy.ndarray
        Float logits (checked by the caller).
    axis : int
        A valid axis of ``x`` (checked by the caller).

    Returns
    -------
    numpy.ndarray
        A new array z = x - max(x): every entry <= 0 and the largest 0.
        A row with +inf entries becomes 0 there and -inf elsewhere (the
        +inf entries then share the probability equally); a row of only
        -inf, or with a NaN, becomes all NaN.
    """
    m = np.max(x, axis=axis, keepdims=True)
    plus_inf_rows = np.isposinf(m)
    no_row = np.isneginf(m) | np.isnan(m)  # only -inf, or a NaN
    m[plus_inf_rows | no_row] = 0  # shift those rows by 0 instead
    # -1e308 - 1e308 = -inf is right: that entry is far outside the support
    with np.errstate(over="ignore"):
        z = x - m
    if plus_inf_rows.any():
        plus_inf = np.isposinf(z)
        z[plus_inf_rows & ~plus_inf] = -np.inf
        z[plus_inf] = 0
    z[np.broadcast_to(no_row, z.shape)] = np.nan
    return z


def sparsemax(x: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Sparsemax along one axis: the point of the simplex nearest to x.

    .. math:: \operatorname{sparsemax}(\mathbf{x})_i = \max(x_i - \tau, 0),
              \qquad \sum_i \max(x_i - \tau, 0) = 1

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
        Same shape as ``x``: non-negative, summing to 1 along ``axis``, and
        exactly 0 for every logit at or below the threshold tau.

    Notes
    -----
    With the logits sorted, z_(1) >= ... >= z_(n), the threshold is
    tau = max_k (z_(1) + ... + z_(k) - 1) / k: the k-th candidate is the
    threshold if the support has k entries, and no candidate exceeds it
    (Martins & Astudillo 2016 find k by a test instead; both give the same
    tau). Subtracting the row maximum first changes nothing (sparsemax is
    shift invariant) and keeps the sums from overflowing: the textbook
    formula on the raw logits returns [0, 0] for [1e308, 1e308]: its partial
    sums overflow to inf, and so does its threshold.
    Infinite logits follow softmax's convention: -inf gets 0, the +inf
    entries of a row share the probability equally, and a row of only -inf,
    or with a NaN, gives NaN.

    Examples
    --------
    >>> sparsemax([0.5, 0.2, 0.0])
    array([0.6, 0.3, 0.1])
    >>> sparsemax([1000.0, 1001.0, 1002.0])
    array([0., 0., 1.])
    """
    x = as_float_array(x)
    axis = axis_index(x, axis)
    z = max_shifted(x, axis)  # every entry <= 0, the largest 0
    # NumPy 2.4's default float16 sort on an AVX-512 CPU turns NaN into a
    # signalling NaN (the sums below would warn): float16 sorts "stable"
    kind = "stable" if z.dtype == np.float16 else None
    ranked = np.sort(z, axis=axis, kind=kind)
    # the largest gets 0 - tau <= 1, so tau >= -1: an entry below -1 is never
    # in the support, and -1 in its place keeps the partial sums finite
    np.maximum(ranked, -1.0, out=ranked)
    ranked = np.flip(ranked, axis=axis)  # descending (a view)
    shape = [1] * z.ndim
    shape[axis] = -1
    k = np.arange(1, z.shape[axis] + 1, dtype=z.dtype).reshape(shape)
    # tau = max over k of (z_(1) + ... + z_(k) - 1) / k, in place
    candidates = np.cumsum(ranked, axis=axis, out=ranked)
    candidates -= 1
    candidates /= k
    tau = np.max(candidates, axis=axis, keepdims=True)
    np.subtract(z, tau, out=z)
    return np.maximum(z, 0, out=z)


def sparsemax_derivative(x: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Jacobian of sparsemax with respect to x.

    .. math:: \frac{\partial p_i}{\partial x_j} = s_i\,\delta_{ij}
              - \frac{s_i s_j}{|S|}, \qquad s_i = [p_i > 0],\ |S| = \sum_i s_i

    Parameters
    ----------
    x : array_like
        Logits, at least one dimension.
    axis : int, default -1
        The sparsemax axis.

    Returns
    -------
    numpy.ndarray
        Shape ``x.shape + (n,)`` where n = ``x.shape[axis]``: entry
        ``[..., i, ..., j]`` (i at position ``axis``) is dp_i/dx_j. It costs
        O(n^2) per row: to backpropagate, use :func:`sparsemax_vjp`, which
        is O(n). A logit exactly at the threshold (p_i = 0 on the boundary
        of the support) counts as outside it, as in the entmax package.

    Examples
    --------
    >>> sparsemax_derivative([0.5, 0.2, 0.0])
    array([[ 0.66666667, -0.33333333, -0.33333333],
           [-0.33333333,  0.66666667, -0.33333333],
           [-0.33333333, -0.33333333,  0.66666667]])
    """
    x = as_float_array(x)
    axis = axis_index(x, axis)
    p = np.moveaxis(sparsemax(x, axis=axis), axis, -1)  # the axis last
    s = (p > 0) + p * 0  # the support as 0/1; p * 0 keeps a NaN row NaN
    size = np.sum(s, axis=-1, keepdims=True)[..., None]
    # 0 - s_i s_j / |S| (not -(...), which would make the zeros off S -0)
    jac = 0 - s[..., :, None] * s[..., None, :] / size
    i = np.arange(s.shape[-1])
    jac[..., i, i] += s  # + s_i on the diagonal
    # put the index i back where the axis was
    return np.moveaxis(jac, -2, axis)


def sparsemax_vjp(
    x: ArrayLike, g: ArrayLike, axis: int = -1, *,
    output: ArrayLike | None = None,
) -> np.ndarray:
    r"""Vector-Jacobian product of sparsemax: the gradient backpropagation needs.

    .. math:: (\mathbf{g}^{\top} J)_j = s_j \Bigl(g_j
              - \frac{1}{|S|} \sum_{i \in S} g_i\Bigr)

    Parameters
    ----------
    x : array_like
        Logits, at least one dimension.
    g : array_like
        Upstream gradient dL/dp, the same shape as ``x``.
    axis : int, default -1
        The sparsemax axis.
    output : array_like, optional
        ``sparsemax(x, axis)`` if the forward pass already computed it, as
        the entmax package keeps it: the VJP then skips recomputing it.

    Returns
    -------
    numpy.ndarray
        dL/dx, the same shape as ``x``. O(n) per row: the Jacobian is never formed.

    Examples
    --------
    >>> sparsemax_vjp([0.5, 0.2, -2.0], [1.0, 0.0, 5.0])
    array([ 0.5, -0.5,  0. ])
    """
    x = as_float_array(x)
    g = as_float_array(g, "g")
    if g.shape != x.shape:
        raise ValueError(
            f"g must have the shape of x {x.shape}, got {g.shape}")
    if output is None:
        p = sparsemax(x, axis=axis)
    else:
        p = as_float_array(output, "output")
        if p.shape != x.shape:
            raise ValueError(
                f"output must have the shape of x {x.shape}, got {p.shape}")
    axis = axis_index(x, axis)
    inside = p > 0  # the support S; a row with a NaN has none
    size = np.sum(inside, axis=axis, keepdims=True)
    out = np.where(inside, g, 0.0)
    mean = np.sum(out, axis=axis, keepdims=True)
    np.divide(mean, size, out=mean, where=size > 0)  # the mean of g over S
    np.subtract(out, mean, out=out, where=inside)  # g - mean on S, 0 off it
    np.copyto(out, np.nan, where=size == 0)  # no support: a NaN row
    return out


def _naive(x: np.ndarray, axis: int = -1) -> np.ndarray:
    # Martins & Astudillo's Algorithm 1 on the raw logits, along the last axis
    ranked = -np.sort(-x, axis=-1)
    k = np.arange(1, x.shape[-1] + 1)
    cumsum = np.cumsum(ranked, axis=-1)
    size = np.sum(1 + k * ranked > cumsum, axis=-1, keepdims=True)
    tau = (np.take_along_axis(cumsum, size - 1, axis=-1) - 1) / size
    return np.maximum(x - tau, 0)


def _naive_derivative(x: np.ndarray, axis: int = -1) -> np.ndarray:
    s = (_naive(x) > 0).astype(float)
    size = np.sum(s, axis=-1, keepdims=True)[..., None]
    return np.eye(s.shape[-1]) * s[..., None, :] - s[..., :, None] * s[..., None, :] / size


_LOGIT = partial(one_logit, f=sparsemax, name="sparsemax", symbol="p", others=(0.5, 0.0, -0.5),
                 support_changes=True)
_COMPARE = partial(first_of_two, names=("softmax", "entmax15", "sparsemax"), vlines=(-1.0, 1.0))


SPEC = register(Activation(
    name="sparsemax",
    slug="sparsemax",
    order=73,
    title=Text("Sparsemax", "Sparsemax"),
    full_name=Text("Sparsemax（到概率单纯形的欧氏投影）", "Euclidean projection onto the probability simplex"),
    summary=Text(
        "把 logits 投影到概率单纯形上离它最近的点：低于阈值的输入概率恰好为 0，得到稀疏的分布。",
        "Projects the logits onto the nearest point of the probability simplex: every input below a "
        "threshold gets exactly 0, so the distribution is sparse.",
    ),
    forward=sparsemax,
    derivative=sparsemax_derivative,
    latex=r"\operatorname{sparsemax}(\mathbf{x}) = \operatorname*{arg\,min}_{\mathbf{p} \in \Delta^{n-1}}"
    r" \lVert \mathbf{p} - \mathbf{x} \rVert^2, \qquad \operatorname{sparsemax}(\mathbf{x})_i"
    r" = \max(x_i - \tau, 0), \quad \textstyle\sum_i \max(x_i - \tau, 0) = 1",
    latex_derivative=r"\frac{\partial p_i}{\partial x_j} = s_i\,\delta_{ij} - \frac{s_i s_j}{\lvert S \rvert},"
    r" \qquad s_i = [p_i > 0], \quad \lvert S \rvert = \textstyle\sum_i s_i",
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
        smoothness=r"C^0",
        zero_centred=False,
        saturation=("hard", "hard"),
        bounded="both",
        lower=0.0,
        upper=1.0,
        note=Text(
            r"分段线性：支撑集 $S = \{i : p_i > 0\}$ 不变时，$p_i = x_i - \tau$ 对 $\mathbf{x}$ 是线性的；"
            r"$p_i$ 随自身的 $x_i$ 不减（$\partial p_i/\partial x_i = 1 - 1/\lvert S \rvert \ge 0$）。"
            r"对所有 $x_i$ 加同一个常数，结果不变。",
            r"Piecewise linear: while the support $S = \{i : p_i > 0\}$ stays the same, $p_i = x_i - \tau$ is "
            r"linear in $\mathbf{x}$; $p_i$ never decreases as its own $x_i$ grows "
            r"($\partial p_i/\partial x_i = 1 - 1/\lvert S \rvert \ge 0$). Adding the same constant to every "
            r"$x_i$ changes nothing.",
        ),
    ),
    kink=Text(
        "支撑集变化的地方（某个 xᵢ 恰好等于阈值 τ）雅可比矩阵跳变。本包把恰在边界上的项算在支撑集之外："
        "它的输出为 0，它所在的行和列都取 0，与 entmax 包的反向传播一致。",
        "The Jacobian jumps where the support changes (some xᵢ exactly at the threshold τ). This package "
        "counts an entry on that boundary as outside the support: its output is 0, and so are its row and "
        "column, as in the entmax package's backward pass.",
    ),
    references=(
        Reference(
            "André F. T. Martins, Ramón F. Astudillo", 2016,
            "From Softmax to Sparsemax: A Sparse Model of Attention and Multi-Label Classification",
            "ICML 2016, PMLR 48, 1614–1623", "https://proceedings.mlr.press/v48/martins16.html",
        ),
        Reference(
            "Ben Peters, Vlad Niculae, André F. T. Martins", 2019,
            "Sparse Sequence-to-Sequence Models",
            "ACL 2019, 1504–1519", "https://aclanthology.org/P19-1146/",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "entmax.sparsemax", "(X, dim=-1, k=None)",
            module="entmax.Sparsemax(dim=-1, k=None)",
            package="entmax",
            difference=Text(
                "PyTorch 本身没有这个函数；论文作者维护的 entmax 包（基于 PyTorch，pip install entmax）提供它，"
                "参数叫 dim。含 +∞、含 NaN 或全为 −∞ 的行不返回结果，而是抛出异常（本包：+∞ 项平分概率，"
                "后两种整行为 NaN）。",
                "PyTorch itself does not ship it; the entmax package by the papers' authors (on PyTorch, pip "
                "install entmax) does, with the parameter called dim. A row with a +∞ or a NaN, or of only −∞, "
                "raises an exception instead of returning (this package: the +∞ entries share the probability; "
                "the other two give NaN)."),
            call="entmax.sparsemax(x, dim=-1)",
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
            "Keras", "keras.activations.sparsemax", "(x, axis=-1)",
            difference=Text(
                "Keras 3.15.1 的阈值算错了：它把支撑集内所有前缀和加在一起，而不是只取第 k 个，"
                "所以支撑集多于一项的行几乎都算错，输出之和不为 1（keras-team/keras#23425，PR #23469 已在主干修复）。"
                "它也不先减去最大值：含 ±∞ 或 ±1e300 的行得到 ∞ 或 NaN。",
                "Keras 3.15.1 computes the wrong threshold: it adds up every partial sum inside the support "
                "instead of taking the k-th, so nearly every row whose support has more than one entry comes out "
                "wrong, with outputs that do not sum to 1 (keras-team/keras#23425, fixed on the main branch by "
                "PR #23469). It does not subtract "
                "the maximum first either: rows with ±∞ or ±1e300 give ∞ or NaN."),
            call="keras.activations.sparsemax(x)",
            ordinary_error=0.5,  # measured: a Jacobian entry 0.5 off at a random row of 5 logits
            deviations=(
                Deviation("f", (float("inf"), 0.0, float("inf")), (float("inf"), float("inf"), float("inf"))),
                Deviation("df", (float("inf"), 0.0, float("inf")), (
                    (1.0, 0.0, 0.0),
                    (0.0, 1.0, 0.0),
                    (0.0, 0.0, 1.0),
                )),
                Deviation("f", (float("inf"), 0.0), (float("inf"), float("inf"))),
                Deviation("df", (float("inf"), 0.0), (
                    (1.0, 0.0),
                    (0.0, 1.0),
                )),
                Deviation("f", (float("inf"), float("-inf")), (float("inf"), float("nan"))),
                Deviation("df", (float("inf"), float("-inf")), (
                    (1.0, 0.0),
                    (0.0, 0.0),
                )),
                Deviation("df", (float("-inf"), 0.0, 1.0), (
                    (0.0, 0.0, 0.0),
                    (0.0, 0.5, -0.5),
                    (0.0, 0.0, 0.0),
                )),
                Deviation("df", (float("-inf"), float("-inf")), (
                    (0.0, 0.0),
                    (0.0, 0.0),
                )),
                Deviation("df", (1000.0, 1001.0, 1002.0), (
                    (0.0, 0.0, 0.0),
                    (0.0, 0.5, -0.5),
                    (0.0, 0.0, 0.0),
                )),
                Deviation("f", (-1000.0, -1000.0), (500.5, 500.5)),
                Deviation("df", (-1000.0, -1000.0), (
                    (0.0, -0.5),
                    (-1.0, 0.5),
                )),
                Deviation("df", (-1000.0, -999.0, -998.0), (
                    (0.0, 0.0, 0.0),
                    (0.0, 0.5, -0.5),
                    (0.0, 0.0, 0.0),
                )),
                Deviation("f", (float("nan"), 0.0, 1.0), (float("nan"), 0.0, 1.0)),
                Deviation("df", (float("nan"), 0.0, 1.0), (
                    (0.0, 0.0, 0.0),
                    (0.0, 0.5, -0.5),
                    (0.0, 0.0, 0.0),
                )),
                Deviation("df", (0.0, 0.0, 0.0), (
                    (0.0, -0.6666666666666666, -0.3333333333333333),
                    (-1.0, 0.33333333333333337, -0.3333333333333333),
                    (-1.0, -0.6666666666666666, 0.6666666666666667),
                )),
                Deviation("f", (1e+300, -1e+300), (float("inf"), float("inf"))),
                Deviation("df", (1e+300, -1e+300), (
                    (1.0, 0.0),
                    (0.0, 1.0),
                )),
                Deviation("df", (1.0, 0.0), (
                    (0.0, 0.0),
                    (-0.5, 0.5),
                )),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.relu", "(x)",
            difference=Text(
                "JAX 没有这个函数，这里用阈值 $\\tau = \\max_k (x_{(1)} + \\dots + x_{(k)} - 1)/k$ 组合，"
                "函数值在普通输入上与本包一致。有一项恰在支撑集边界上时，两个候选值相等，"
                "自动求导把梯度分给两者，雅可比矩阵与本包不同（例如在 $(1, 0)$ 处）；"
                "不先减去最大值，$(10^{300}, -10^{300})$ 得 $(0, 0)$，含 +∞ 的行得 NaN。",
                "JAX does not ship this function; the row composes it from the threshold "
                "$\\tau = \\max_k (x_{(1)} + \\dots + x_{(k)} - 1)/k$, and its values agree with this package's at "
                "ordinary inputs. Where an entry lies exactly on the edge of the support, two candidates tie and "
                "autograd splits the gradient between them, so the Jacobian differs from this package's (at $(1, 0)$, "
                "for one). Without subtracting the maximum first, $(10^{300}, -10^{300})$ gives $(0, 0)$, and a row "
                "with a +∞ gives NaN."),
            call="jax.nn.relu(x - jax.numpy.max(\n"
            "    (jax.numpy.cumsum(-jax.numpy.sort(-x), axis=-1) - 1)\n"
            "    / jax.numpy.arange(1, x.shape[-1] + 1), axis=-1, keepdims=True))",
            deviations=(
                Deviation("f", (float("inf"), 0.0, float("inf")), (float("nan"), 0.0, float("nan"))),
                Deviation("df", (float("inf"), 0.0, float("inf")), (
                    (0.0, 0.0, 0.0),
                    (0.0, 0.0, 0.0),
                    (0.0, 0.0, 0.0),
                )),
                Deviation("f", (float("inf"), 0.0), (float("nan"), 0.0)),
                Deviation("f", (float("inf"), float("-inf")), (float("nan"), float("nan"))),
                Deviation("df", (float("inf"), float("-inf")), (
                    (float("nan"), float("nan")),
                    (float("nan"), float("nan")),
                )),
                Deviation("df", (float("-inf"), 0.0, 1.0), (
                    (0.0, 0.0, 0.0),
                    (0.0, 0.0, 0.0),
                    (0.0, -0.25, 0.25),
                )),
                Deviation("df", (float("-inf"), float("-inf")), (
                    (0.0, 0.0),
                    (0.0, 0.0),
                )),
                Deviation("df", (1000.0, 1001.0, 1002.0), (
                    (0.0, 0.0, 0.0),
                    (0.0, 0.0, 0.0),
                    (0.0, -0.25, 0.25),
                )),
                Deviation("df", (-1000.0, -999.0, -998.0), (
                    (0.0, 0.0, 0.0),
                    (0.0, 0.0, 0.0),
                    (0.0, -0.25, 0.25),
                )),
                Deviation("f", (1e+300, -1e+300), (0.0, 0.0)),
                Deviation("df", (1.0, 0.0), (
                    (0.25, -0.25),
                    (0.0, 0.0),
                )),
            ),
            composed=True,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.relu", "(x, name=None)",
            difference=Text(
                "PaddlePaddle 没有这个函数，这里与 JAX 一行同样组合，支撑集边界和大输入处的差异也相同。"
                "此外它的 relu 把 NaN 变成 0：含 NaN 或 +∞ 的行、全为 −∞ 的行都得到全 0。",
                "PaddlePaddle does not ship this function; the row composes it as the JAX row does, and differs "
                "in the same way at the edge of the support and at large inputs. Its relu also turns NaN into 0: "
                "a row with a NaN or a +∞, and a row of only −∞, give all zeros."),
            call="paddle.nn.functional.relu(x - (\n"
            "    (paddle.cumsum(paddle.sort(x, descending=True), axis=-1) - 1)\n"
            "    / paddle.arange(1, x.shape[-1] + 1, dtype=x.dtype)\n"
            ").max(-1, keepdim=True))",
            deviations=(
                Deviation("f", (float("inf"), 0.0, float("inf")), (0.0, 0.0, 0.0)),
                Deviation("df", (float("inf"), 0.0, float("inf")), (
                    (0.0, 0.0, 0.0),
                    (0.0, 0.0, 0.0),
                    (0.0, 0.0, 0.0),
                )),
                Deviation("f", (float("inf"), 0.0), (0.0, 0.0)),
                Deviation("f", (float("inf"), float("-inf")), (0.0, 0.0)),
                Deviation("df", (float("inf"), float("-inf")), (
                    (float("nan"), float("nan")),
                    (float("nan"), float("nan")),
                )),
                Deviation("df", (float("-inf"), 0.0, 1.0), (
                    (0.0, 0.0, 0.0),
                    (0.0, 0.0, 0.0),
                    (0.0, -0.25, 0.25),
                )),
                Deviation("f", (float("-inf"), float("-inf")), (0.0, 0.0)),
                Deviation("df", (float("-inf"), float("-inf")), (
                    (0.0, 0.0),
                    (0.0, 0.0),
                )),
                Deviation("df", (1000.0, 1001.0, 1002.0), (
                    (0.0, 0.0, 0.0),
                    (0.0, 0.0, 0.0),
                    (0.0, -0.25, 0.25),
                )),
                Deviation("df", (-1000.0, -999.0, -998.0), (
                    (0.0, 0.0, 0.0),
                    (0.0, 0.0, 0.0),
                    (0.0, -0.25, 0.25),
                )),
                Deviation("f", (float("nan"), 0.0, 1.0), (0.0, 0.0, 0.0)),
                Deviation("f", (1e+300, -1e+300), (0.0, 0.0)),
                Deviation("df", (1.0, 0.0), (
                    (0.25, -0.25),
                    (0.0, 0.0),
                )),
            ),
            composed=True,
        ),
        FrameworkName(
            "MindSpore", "", "",
            missing=True,
            difference=Text(
                "MindSpore 没有这个函数。可以用 mindspore.ops.sort、mindspore.ops.cumsum 和 mindspore.ops.relu "
                "照 JAX 一行组合；它的文档提醒 sort 对 float32 可能有精度误差。",
                "MindSpore does not ship this function. It can be composed as the JAX row does, with "
                "mindspore.ops.sort, mindspore.ops.cumsum and mindspore.ops.relu; its documentation warns that "
                "sort may lose precision on float32."),
            source="https://mindspore.cn/docs/en/r2.5.0/api_python/ops/mindspore.ops.sort.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(1e16, 1e308),  # the rows [x, x + 1, x + 2]
    plot_range=(-3.0, 3.0),
    kind="normalizer",
    vjp=sparsemax_vjp,
    figures=(
        Figure("sparsemax-logit", Text("Sparsemax：一个输入变化时各输出的变化，输出会恰好变成 0 或 1",
                                       "Sparsemax: the outputs as one logit varies; they reach exactly 0 and 1"),
               _LOGIT),
        Figure("sparsemax-compare", Text("输入为 t 与 0 两项时的第一个输出：Softmax、1.5-entmax 与 Sparsemax 的比较",
                                         "The first output for the two logits (t, 0): softmax, 1.5-entmax and "
                                         "sparsemax compared"), _COMPARE, size=(6.4, 3.4)),
    ),
    implementation=Text(
        r"`sparsemax` 先用 `max_shifted` 减去每行的最大值（`np.max`），于是每项不大于 0，部分和不会上溢；"
        r"Sparsemax 对平移不变，结果不受影响。它也在这里处理无穷：$+\infty$ 的项平分概率，其余项记为 $-\infty$；"
        r"全为 $-\infty$ 或含 NaN 的行整行为 NaN（`np.isposinf`、`np.isneginf`、`np.isnan`、`np.broadcast_to`）。"
        r"最大项的输出 $0 - \tau \le 1$，所以 $\tau \ge -1$，低于 $-1$ 的项不可能进入支撑集，"
        r"先截到 $-1$（`np.maximum`），部分和就不会上溢。接着用 `np.sort` 和 `np.flip` 降序排列"
        r"（float16 用稳定排序：NumPy 2.4 默认的 float16 排序在 AVX-512 CPU 上会把 NaN 变成信号 NaN），"
        r"`np.cumsum` 求部分和，`np.arange` 给出 $k$，"
        r"阈值取 $\tau = \max_k (z_{(1)} + \dots + z_{(k)} - 1)/k$（`np.max`）：支撑集恰有 $k$ 项时第 $k$ 个候选值就是 "
        r"$\tau$，而任何候选值都不超过 $\tau$，因为 $\sum_{i \le k} (z_{(i)} - \tau) \le "
        r"\sum_i \max(z_i - \tau, 0) = 1$。论文的算法 1 先找 $k$ 再算 $\tau$，结果相同。"
        r"最后用未截断的 $z$ 算 $p = \max(z - \tau, 0)$（`np.maximum`）。"
        r"`sparsemax_derivative` 由支撑集的 0/1 指示 $s$ 构造 $\operatorname{diag}(s) - s s^\top / \lvert S \rvert$"
        r"（`np.sum`、`np.moveaxis`）；`p * 0` 让含 NaN 的行保持 NaN。"
        r"`sparsemax_vjp` 不构造雅可比矩阵：它用 `np.where` 取出支撑集上的 $\mathbf{g}$，求均值"
        r"（`np.divide` 只除支撑集非空的行），在支撑集上减去均值（`np.subtract` 的 `where`），其余为 0；"
        r"没有支撑集的行（含 NaN 的行）用 `np.copyto` 填 NaN。每行 $O(n)$。",
        r"`sparsemax` first subtracts each row's maximum (`np.max`) in `max_shifted`, so every entry is at most 0 "
        r"and no partial sum can overflow; sparsemax is shift invariant, so nothing changes. Infinities are "
        r"handled there too: the $+\infty$ entries share the probability and the others become $-\infty$; a row of "
        r"only $-\infty$, or with a NaN, becomes all NaN (`np.isposinf`, `np.isneginf`, `np.isnan`, "
        r"`np.broadcast_to`). The largest entry's output $0 - \tau$ is at most 1, so $\tau \ge -1$ and no entry "
        r"below $-1$ can be in the support; such entries are raised to $-1$ (`np.maximum`), which keeps the "
        r"partial sums from overflowing. It then sorts in descending order with `np.sort` and `np.flip` (float16 with "
        r"a stable sort: NumPy 2.4's default float16 sort on an AVX-512 CPU turns NaN into a signalling NaN), "
        r"takes the partial "
        r"sums with `np.cumsum` and $k$ from `np.arange`, and the threshold as "
        r"$\tau = \max_k (z_{(1)} + \dots + z_{(k)} - 1)/k$ (`np.max`): the $k$-th candidate is $\tau$ when the "
        r"support has $k$ entries, and no candidate exceeds $\tau$, because $\sum_{i \le k} (z_{(i)} - \tau) \le "
        r"\sum_i \max(z_i - \tau, 0) = 1$. The paper's Algorithm 1 finds $k$ first and then $\tau$; the result "
        r"is the same. Finally $p = \max(z - \tau, 0)$ with the unclipped $z$ (`np.maximum`). "
        r"`sparsemax_derivative` builds "
        r"$\operatorname{diag}(s) - s s^\top / \lvert S \rvert$ from the support's 0/1 indicator $s$ (`np.sum`, "
        r"`np.moveaxis`); `p * 0` keeps a row with a NaN NaN. `sparsemax_vjp` never forms the Jacobian: it "
        r"takes $\mathbf{g}$ on the support with `np.where`, its mean (`np.divide` divides only the rows whose "
        r"support is not empty), subtracts the mean on the support (`np.subtract` with `where`) and leaves 0 "
        r"elsewhere; a row without a support (a row with a NaN) is filled with NaN by `np.copyto`. $O(n)$ per "
        r"row.",
    ),
))
