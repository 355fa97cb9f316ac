"""GLU: the gated linear unit, one half of the input gated by the sigmoid of the other."""

from __future__ import annotations

from functools import partial

import numpy as np
from numpy.typing import ArrayLike

from .._checks import as_float_array, halves
from .._figures import gated_map, gated_slices
from .._registry import register
from .._spec import Activation, Deviation, Figure, FrameworkName, Parameter, Properties, Reference, Text
from .sigmoid import sigmoid, sigmoid_derivative


def gated_jacobian(da: np.ndarray, db: np.ndarray, axis: int) -> np.ndarray:
    r"""The Jacobian of a gated unit out_i = F(a_i, b_i), x = [a, b] along ``axis``.

    Parameters
    ----------
    da, db : numpy.ndarray
        dF/da and dF/db at every (a_i, b_i): the output's shape.
    axis : int
        The axis x was split along (a valid, non-negative index).

    Returns
    -------
    numpy.ndarray
        Shape ``out.shape + (n,)``, n = 2m the length of x along ``axis``:
        entry ``[..., i, ..., j]`` (i at position ``axis``) is d out_i/dx_j,
        which is da_i at j = i, db_i at j = m + i and 0 elsewhere.
    """
    da, db = np.moveaxis(da, axis, -1), np.moveaxis(db, axis, -1)
    m = da.shape[-1]
    jac = np.zeros((*da.shape, 2 * m), dtype=da.dtype)
    i = np.arange(m)
    jac[..., i, i] = da  # out_i depends on a_i ...
    jac[..., i, m + i] = db  # ... and on b_i only
    # put the index i back where the axis was
    return np.moveaxis(jac, -2, axis)


def glu(x: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""GLU along one axis: the first half times the sigmoid of the second.

    .. math:: \operatorname{GLU}(\mathbf{x}) = \mathbf{a} \otimes \sigma(\mathbf{b}),
              \qquad \mathbf{x} = [\mathbf{a}, \mathbf{b}]

    Parameters
    ----------
    x : array_like
        Input, at least one dimension, of even length along ``axis``.
        float16/32/64 keep their dtype; anything else real is computed in
        float64.
    axis : int, default -1
        The axis that is split into the halves a and b (PyTorch calls it
        ``dim``).

    Returns
    -------
    numpy.ndarray
        The shape of ``x`` with half its length along ``axis``.

    Notes
    -----
    The second half gates, as in PyTorch, Keras, JAX and PaddlePaddle. The
    sigmoid is this package's (:func:`sigmoid`), which neither overflows nor
    loses its tail; the textbook ``a / (1 + exp(-b))`` overflows inside for
    b < -709.78 (float64), warns, and returns +-0 there: the whole gate is
    lost, which shows once |a| is large (1e300 * sigmoid(-720) = 2e-13). An
    infinite a with a gate of exactly 0 gives NaN (inf * 0), as in PyTorch.

    Examples
    --------
    >>> glu([1.0, 2.0, 0.0, 50.0])
    array([0.5, 2. ])
    """
    x = as_float_array(x)
    a, b, _ = halves(x, axis)
    out = sigmoid(b)  # the gate, in [0, 1]
    # beyond the largest float a product is inf, the rounded value; 0 * inf
    # (a closed gate, an infinite factor) is NaN, as in the frameworks
    with np.errstate(over="ignore", invalid="ignore"):
        out *= a
    return out


def glu_derivative(x: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Jacobian of GLU with respect to x.

    .. math:: \frac{\partial\,\mathrm{out}_i}{\partial a_i} = \sigma(b_i), \qquad
              \frac{\partial\,\mathrm{out}_i}{\partial b_i} = a_i\,\sigma(b_i)\,(1 - \sigma(b_i))

    Parameters
    ----------
    x : array_like
        Input, of even length along ``axis``.
    axis : int, default -1
        The split axis.

    Returns
    -------
    numpy.ndarray
        Shape ``out.shape + (n,)`` (see :func:`gated_jacobian`): out_i depends
        on a_i and b_i only, so each row has two entries that are not 0. To
        backpropagate, use :func:`glu_vjp`, which is O(n).

    Examples
    --------
    >>> glu_derivative([2.0, 0.0])
    array([[0.5, 0.5]])
    """
    x = as_float_array(x)
    a, b, axis = halves(x, axis)
    db = sigmoid_derivative(b)
    # beyond the largest float a product is inf, the rounded value; 0 * inf
    # (a closed gate, an infinite factor) is NaN, as in the frameworks
    with np.errstate(over="ignore", invalid="ignore"):
        db *= a
    return gated_jacobian(sigmoid(b), db, axis)


def glu_vjp(x: ArrayLike, g: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Vector-Jacobian product of GLU: the gradient backpropagation needs.

    .. math:: \frac{\partial L}{\partial \mathbf{a}} = \mathbf{g} \otimes \sigma(\mathbf{b}),
              \qquad \frac{\partial L}{\partial \mathbf{b}}
              = \mathbf{g} \otimes \mathbf{a} \otimes \sigma'(\mathbf{b})

    Parameters
    ----------
    x : array_like
        Input, of even length along ``axis``.
    g : array_like
        Upstream gradient dL/d out, the shape of the output.
    axis : int, default -1
        The split axis.

    Returns
    -------
    numpy.ndarray
        dL/dx, the shape of ``x``: dL/da in the first half, dL/db in the
        second. O(n): the Jacobian is never formed.

    Examples
    --------
    >>> glu_vjp([2.0, 0.0], [1.0])
    array([0.5, 0.5])
    """
    x = as_float_array(x)
    g = as_float_array(g, "g")
    a, b, axis = halves(x, axis)
    if g.shape != a.shape:
        raise ValueError(
            f"g must have the shape of the output {a.shape}, got {g.shape}")
    out = np.empty_like(x, dtype=np.result_type(x, g))
    grad_a, grad_b, _ = halves(out, axis)  # views into out
    # beyond the largest float a product is inf, the rounded value; 0 * inf
    # (a closed gate, an infinite factor) is NaN, as in the frameworks
    with np.errstate(over="ignore", invalid="ignore"):
        np.multiply(g, sigmoid(b), out=grad_a)
        np.multiply(a, sigmoid_derivative(b), out=grad_b)  # the partial first
        grad_b *= g
    return out


def _naive(x: np.ndarray, axis: int = -1) -> np.ndarray:
    a, b = np.split(x, 2, axis=-1)
    return a / (1 + np.exp(-b))


def _naive_derivative(x: np.ndarray, axis: int = -1) -> np.ndarray:
    a, b = np.split(x, 2, axis=-1)
    s = 1 / (1 + np.exp(-b))
    return np.concatenate([s, a * s * (1 - s)], axis=-1)[..., None, :]


#: How every installed framework's GLU differs (measured; the rows list where).
_GLU_ZH = ("b = 40 处对 b 的导数为 0，正是由舍入后的 σ(40) = 1 计算 σ(1 − σ) 的结果，"
           "而真值 a·σ′(40) ≈ 4.2×10⁻¹⁸·a；a = ±∞ 时这里得 NaN（∞·0），本包为 ±∞。")
_GLU_EN = ("At b = 40 the derivative in b is 0, what σ(1 − σ) computed from the rounded σ(40) = 1 gives, "
           "instead of a·σ′(40) ≈ 4.2×10⁻¹⁸·a; with a = ±∞ it is NaN there (∞·0), where this package "
           "has ±∞.")
_MAP = partial(gated_map, f=glu, name="GLU")
_SLICES = partial(gated_slices, f=glu, name="GLU")


#: Measured, the same in the rows of every installed framework.
_DEVIATIONS = (
    Deviation("df", (float("inf"), 40.0), (
        (1.0, float("nan")),
    )),
    Deviation("df", (float("-inf"), 40.0), (
        (1.0, float("nan")),
    )),
    Deviation("df", (1.0, 40.0), (
        (1.0, 0.0),
    )),
    Deviation("df", (-1.0, 40.0), (
        (1.0, -0.0),
    )),
    Deviation("df", (40.0, 40.0), (
        (1.0, 0.0),
    )),
    Deviation("df", (-40.0, 40.0), (
        (1.0, -0.0),
    )),
    Deviation("df", (800.0, 40.0), (
        (1.0, 0.0),
    )),
    Deviation("df", (-800.0, 40.0), (
        (1.0, -0.0),
    )),
)


SPEC = register(Activation(
    name="glu",
    slug="glu",
    order=81,
    title=Text("GLU", "GLU"),
    full_name=Text("门控线性单元", "gated linear unit"),
    summary=Text(
        "把输入沿一维分成两半 a 与 b，输出 a ⊗ σ(b)：后一半经 Sigmoid 变成 0 到 1 之间的门，决定前一半通过多少。",
        "Splits the input into halves a and b along an axis and returns a ⊗ σ(b): the sigmoid of the "
        "second half is a gate between 0 and 1 that decides how much of the first passes.",
    ),
    forward=glu,
    derivative=glu_derivative,
    latex=r"\operatorname{GLU}(\mathbf{x}) = \mathbf{a} \otimes \sigma(\mathbf{b}), \qquad"
    r" \mathbf{x} = [\mathbf{a}, \mathbf{b}]",
    latex_derivative=r"\frac{\partial\,\mathrm{out}_i}{\partial a_i} = \sigma(b_i), \qquad"
    r" \frac{\partial\,\mathrm{out}_i}{\partial b_i} = a_i\,\sigma(b_i)\bigl(1 - \sigma(b_i)\bigr)",
    parameters=(
        Parameter(
            "axis", "", -1, r"-\mathrm{ndim}(x) \le \mathrm{axis} < \mathrm{ndim}(x)",
            Text("沿哪一维分成两半（长度必须是偶数；PyTorch 叫 dim）",
                 "the axis split into the halves (its length must be even; PyTorch calls it dim)"),
        ),
    ),
    properties=Properties(
        range=r"(-\infty,\ \infty)",
        monotonic=False,
        smoothness=r"C^\infty",
        zero_centred=False,
        saturation=("soft", "none"),
        bounded="none",
        lower=-np.inf,
        upper=np.inf,
        note=Text(
            r"它有两个输入：对 $a$ 是线性的（斜率为门 $\sigma(b) \in (0, 1)$），对 $b$ 则随 $a$ 的符号递增或递减，"
            r"所以不单调；饱和一栏指门的输入 $b$：$b \to -\infty$ 时门关上，输出和导数都趋于 0，"
            r"$b \to \infty$ 时门全开，输出趋于 $a$。",
            r"It has two inputs: it is linear in $a$ (with the gate $\sigma(b) \in (0, 1)$ as the slope) and, in "
            r"$b$, increasing or decreasing with the sign of $a$, so it is not monotonic. The saturation column "
            r"is about the gate's input $b$: as $b \to -\infty$ the gate closes and the output and its "
            r"derivatives go to 0; as $b \to \infty$ it opens fully and the output goes to $a$.",
        ),
    ),
    kink=None,
    references=(
        Reference(
            "Yann N. Dauphin, Angela Fan, Michael Auli, David Grangier", 2017,
            "Language Modeling with Gated Convolutional Networks",
            "ICML 2017, PMLR 70, 933–941", "https://proceedings.mlr.press/v70/dauphin17a.html",
        ),
        Reference(
            "Noam Shazeer", 2020, "GLU Variants Improve Transformer", "arXiv:2002.05202",
            "https://arxiv.org/abs/2002.05202",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.glu", "(input, dim=-1)",
            module="torch.nn.GLU(dim=-1)",
            difference=Text(
                "参数叫 dim。" + _GLU_ZH,
                "The parameter is called dim. " + _GLU_EN),
            call="torch.nn.functional.glu(x)",
            deviations=_DEVIATIONS,
            backward="torch.ops.aten.glu_backward(g, x, axis)",
        ),
        FrameworkName(
            "Keras", "keras.activations.glu", "(x, axis=-1)",
            call="keras.activations.glu(x)",
            difference=Text(_GLU_ZH, _GLU_EN),
            deviations=_DEVIATIONS,
        ),
        FrameworkName(
            "JAX", "jax.nn.glu", "(x, axis=-1)",
            call="jax.nn.glu(x)",
            difference=Text(_GLU_ZH, _GLU_EN),
            deviations=_DEVIATIONS,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.glu", "(x, axis=-1, name=None)",
            module="paddle.nn.GLU(axis=-1, name=None)",
            call="paddle.nn.functional.glu(x)",
            difference=Text(_GLU_ZH, _GLU_EN),
            deviations=_DEVIATIONS,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.glu", "(x, axis=-1)",
            source="https://mindspore.cn/docs/en/r2.5.0/api_python/ops/mindspore.ops.glu.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-720.0, 40.0),  # the rows [x, x]: a = b = x
    plot_range=(-3.0, 3.0),
    kind="gated",
    vjp=glu_vjp,
    speed_exemption="Its VJP computes the gate twice, sigma(b) with the sigmoid kernel and sigma'(b) with "
    "sigmoid_derivative's own exact form, where torch's glu_backward is one fused loop that forms sigma(1 - "
    "sigma) from the rounded sigma(b), which is 0 instead of 4.2e-18 at b = 40 (the frameworks table): "
    "measured 3.5-3.9x torch. Within 3x it would take a fused kernel (a compiled loop), or the inaccurate "
    "formula.",
    figures=(
        Figure("glu-map", Text("GLU 的输出随两个输入 a、b 的变化（点线为输出 0 的等值线）",
                               "GLU's output over its two inputs a and b (the dotted line: output 0)"),
               _MAP, size=(5.6, 4.4)),
        Figure("glu-slices", Text("固定 b 时输出随 a 的变化，固定 a 时输出随 b 的变化",
                                  "The output against a for fixed b, and against b for fixed a"),
               _SLICES, size=(9.0, 3.6)),
    ),
    implementation=Text(
        r"`glu` 用共享的检查 `halves` 把 $\mathbf{x}$ 沿 `axis` 分成两半（视图，不复制），"
        r"门用本手册的 `sigmoid` 计算，它既不上溢也保留尾部，再原地乘以 $\mathbf{a}$。"
        r"`glu_derivative` 的两个偏导数是 $\sigma(b)$ 和 $a\,\sigma'(b)$（本手册的 `sigmoid_derivative`），"
        r"由 `gated_jacobian` 填进雅可比矩阵：每个输出只依赖同一位置的 $a_i$ 和 $b_i$，所以每行只有两个非零元素"
        r"（`np.zeros`、`np.arange`、`np.moveaxis`）。"
        r"`glu_vjp` 不构造雅可比矩阵：它用 `np.empty_like` 分配结果（类型取 `np.result_type` 给出的 x 与 "
        r"g 的公共类型），把 $g \otimes \sigma(b)$ 和 "
        r"$g \otimes a \otimes \sigma'(b)$ 直接写进它的两半（`np.multiply`），每个元素 $O(1)$。"
        r"乘积都放在 `np.errstate` 里：超出最大浮点数的乘积是 inf（正确舍入的结果），"
        r"0·∞（门关上而另一个因子为无穷）得 NaN，与框架相同，都不告警。",
        r"`glu` splits $\mathbf{x}$ along `axis` into its halves with the shared check `halves` (views, no "
        r"copy), computes the gate with this handbook's `sigmoid`, which neither overflows nor loses its tail, "
        r"and multiplies by $\mathbf{a}$ in place. `glu_derivative`'s two partial derivatives are $\sigma(b)$ "
        r"and $a\,\sigma'(b)$ (this handbook's `sigmoid_derivative`), which `gated_jacobian` puts into the "
        r"Jacobian: each output depends on the $a_i$ and $b_i$ at its own position only, so each row has two "
        r"entries that are not 0 (`np.zeros`, `np.arange`, `np.moveaxis`). `glu_vjp` never forms the "
        r"Jacobian: it allocates the result with `np.empty_like` (in the common type of x and g, from "
        r"`np.result_type`) and writes $g \otimes \sigma(b)$ and "
        r"$g \otimes a \otimes \sigma'(b)$ straight into its two halves (`np.multiply`), $O(1)$ per element. "
        r"The products run under `np.errstate`: a product beyond the largest float is inf (the correctly "
        r"rounded result), and 0·∞ (a closed gate and an infinite factor) is NaN, as in the frameworks, "
        r"without a warning.",
    ),
))
