"""Softmax (normalized exponential)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from .._checks import as_float_array
from .._registry import register
from .._spec import Activation, FrameworkName, Parameter, Properties, Reference, Text


def _axis(x: np.ndarray, axis: int) -> int:
    """Check ``axis`` against ``x`` and return it as a non-negative index."""
    if isinstance(axis, bool) or not isinstance(axis, (int, np.integer)):
        raise TypeError(f"axis must be an integer, got {type(axis).__name__}")
    if x.ndim == 0:
        raise ValueError("x must have at least one dimension: softmax normalizes along an axis")
    if not -x.ndim <= axis < x.ndim:
        raise ValueError(f"axis {axis} is out of range for x with {x.ndim} dimension(s)")
    if x.shape[axis] == 0:
        raise ValueError(f"x has length 0 along axis {axis}: there is nothing to normalize")
    return int(axis) % x.ndim


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
    ``exp(x)`` overflows for x > 709. Subtracting the row maximum first
    does not change the result (the factor e^{-m} cancels) and makes every
    exponent <= 0, so ``exp`` lies in [0, 1] and the sum in [1, n].
    A -inf logit gets probability 0. Where some logits are +inf, they share
    the probability equally (the limit). A row of only -inf has no
    distribution: it gives NaN, as in PyTorch.

    Examples
    --------
    >>> softmax([1000.0, 1001.0, 1002.0])
    array([0.09003057, 0.24472847, 0.66524096])
    """
    x = as_float_array(x)
    axis = _axis(x, axis)
    m = np.max(x, axis=axis, keepdims=True)
    plus_inf_rows = np.isposinf(m)  # z below has +inf exactly in these rows
    m[np.isinf(m)] = 0  # rows of only -inf, or with +inf: shift by 0 instead
    with np.errstate(over="ignore"):  # -1e308 - 1e308 = -inf is right: its exp is 0
        z = x - m  # max-subtraction: every exponent <= 0 in an ordinary row
    if plus_inf_rows.any():  # some logit is +inf: the limit puts all mass on the +inf entries
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
    axis = _axis(x, axis)
    s = np.moveaxis(softmax(x, axis=axis), axis, -1)  # work with the axis last
    jac = -s[..., :, None] * s[..., None, :]  # -s_i s_j
    i = np.arange(s.shape[-1])
    jac[..., i, i] += s  # + s_i on the diagonal: diag(s) - s s^T
    return np.moveaxis(jac, -2, axis)  # put the index i back where the axis was


def softmax_vjp(x: ArrayLike, g: ArrayLike, axis: int = -1, *, output: ArrayLike | None = None) -> np.ndarray:
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
        raise ValueError(f"g must have the shape of x {x.shape}, got {g.shape}")
    if output is None:
        s = softmax(x, axis=axis)
    else:
        s = as_float_array(output, "output")
        if s.shape != x.shape:
            raise ValueError(f"output must have the shape of x {x.shape}, got {s.shape}")
    dot = np.expand_dims(np.vecdot(g, s, axis=axis), axis)  # <g, s> per row, no temporary
    out = np.subtract(g, dot)
    np.multiply(out, s, out=out)  # s * (g - <g, s>)
    return out


def _naive(x: np.ndarray, axis: int = -1) -> np.ndarray:
    e = np.exp(x)
    return e / np.sum(e, axis=axis, keepdims=True)


def _naive_derivative(x: np.ndarray, axis: int = -1) -> np.ndarray:
    s = _naive(x, axis)
    return s[..., :, None] * (np.eye(s.shape[-1]) - s[..., None, :])


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
            "torch.nn.Softmax(dim=None)",
            Text("参数叫 dim，而且没有默认值（不给 dim 会告警并按旧规则猜一维）；本包默认 axis=-1。",
                 "The parameter is dim and has no real default (omitting it warns and "
                 "guesses a dimension by a legacy rule); here axis=-1."),
        ),
        FrameworkName("Keras", "keras.activations.softmax", "(x, axis=-1)", "keras.layers.Softmax(axis=-1)"),
        FrameworkName("JAX", "jax.nn.softmax", "(x, axis=-1, where=None)"),
    ),
    torch_difference=Text(
        "参数名用 NumPy 的 axis（PyTorch 叫 dim），默认 −1。",
        "The parameter is NumPy's axis (PyTorch's dim), defaulting to −1.",
    ),
    accuracy_note=None,
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(1000.0, -1000.0),  # the rows [x, x + 1, x + 2]
    plot_range=(-6.0, 6.0),
    elementwise=False,
    vjp=softmax_vjp,
))
