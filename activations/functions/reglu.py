"""ReGLU: the ReLU of one half of the input times the other half."""

from __future__ import annotations

from functools import partial

import numpy as np
from numpy.typing import ArrayLike

from .._checks import as_float_array, halves
from .._figures import gated_map, gated_slices
from .._registry import register
from .._spec import Activation, Deviation, Figure, FrameworkName, Parameter, Properties, Reference, Text
from .glu import gated_jacobian
from .relu import relu, relu_derivative


def reglu(x: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""ReGLU along one axis: ReLU of the first half times the second.

    .. math:: \operatorname{ReGLU}(\mathbf{x}) = \operatorname{ReLU}(\mathbf{a}) \otimes \mathbf{b},
              \qquad \mathbf{x} = [\mathbf{a}, \mathbf{b}]

    Parameters
    ----------
    x : array_like
        Input, at least one dimension, of even length along ``axis``.
        float16/32/64 keep their dtype; anything else real is computed in
        float64.
    axis : int, default -1
        The axis that is split into the halves a and b.

    Returns
    -------
    numpy.ndarray
        The shape of ``x`` with half its length along ``axis``.

    Notes
    -----
    The first half is activated (Shazeer 2020: max(0, xW) * xV). Both
    factors are exact, so the product is correctly rounded. At a = 0 the
    derivative in a is 0, as PyTorch autograd gives for relu, and it is 0
    for every a < 0 even where b is infinite. ReLU(a) * b for a <= 0 and an
    infinite b is NaN (0 * inf), as in the frameworks.

    Examples
    --------
    >>> reglu([1.0, -1.0, 3.0, 3.0])
    array([3., 0.])
    """
    x = as_float_array(x)
    a, b, _ = halves(x, axis)
    out = relu(a)  # this handbook's relu
    # beyond the largest float a product is inf, the rounded value; 0 * inf
    # (a closed gate, an infinite factor) is NaN, as in the frameworks
    with np.errstate(over="ignore", invalid="ignore"):
        out *= b
    return out


def reglu_derivative(x: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Jacobian of ReGLU with respect to x.

    .. math:: \frac{\partial\,\mathrm{out}_i}{\partial a_i} = [a_i > 0]\, b_i, \qquad
              \frac{\partial\,\mathrm{out}_i}{\partial b_i} = \operatorname{ReLU}(a_i)

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
        on a_i and b_i only. To backpropagate, use :func:`reglu_vjp`, which
        is O(n).

    Examples
    --------
    >>> reglu_derivative([0.0, 3.0])
    array([[0., 0.]])
    """
    x = as_float_array(x)
    a, b, axis = halves(x, axis)
    da = relu_derivative(a)  # 1 for a > 0, 0 where ReLU is flat, NaN for NaN
    # b only where a > 0: where ReLU is flat the derivative in a is 0 even for
    # an infinite b (0, not 0 * inf), as PyTorch's relu backward gives
    with np.errstate(over="ignore"):
        np.multiply(da, b, out=da, where=a > 0)
    return gated_jacobian(da, relu(a), axis)


def reglu_vjp(x: ArrayLike, g: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Vector-Jacobian product of ReGLU: the gradient backpropagation needs.

    .. math:: \frac{\partial L}{\partial \mathbf{a}} = \mathbf{g} \otimes \mathbf{b} \otimes [\mathbf{a} > 0],
              \qquad \frac{\partial L}{\partial \mathbf{b}} = \mathbf{g} \otimes \operatorname{ReLU}(\mathbf{a})

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
    >>> reglu_vjp([2.0, 3.0], [1.0])
    array([3., 2.])
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
        np.multiply(g, b, out=grad_a)
        np.multiply(g, relu(a), out=grad_b)
    # 0 where ReLU is flat, even for an infinite b (as in reglu_derivative)
    np.copyto(grad_a, 0, where=~(a > 0))
    np.copyto(grad_a, a, where=np.isnan(a))  # NaN in, NaN out
    return out


def _naive(x: np.ndarray, axis: int = -1) -> np.ndarray:
    a, b = np.split(x, 2, axis=-1)
    return np.maximum(a, 0) * b


def _naive_derivative(x: np.ndarray, axis: int = -1) -> np.ndarray:
    a, b = np.split(x, 2, axis=-1)
    return np.concatenate([(a > 0) * b, np.maximum(a, 0)], axis=-1)[..., None, :]


_MAP = partial(gated_map, f=reglu, name="ReGLU")
_SLICES = partial(gated_slices, f=reglu, name="ReGLU")
_HALF = "x[..., : x.shape[-1] // 2]"
_OTHER = "x[..., x.shape[-1] // 2 :]"


#: Measured, the same in the Keras and JAX rows.
_DEVIATIONS_KERAS_JAX = (
    Deviation("df", (float("nan"), 0.0), (
        (0.0, float("nan")),
    )),
    Deviation("df", (float("nan"), float("inf")), (
        (0.0, float("nan")),
    )),
    Deviation("df", (float("nan"), float("-inf")), (
        (0.0, float("nan")),
    )),
    Deviation("df", (float("nan"), float("nan")), (
        (0.0, float("nan")),
    )),
    Deviation("df", (float("nan"), 1.0), (
        (0.0, float("nan")),
    )),
    Deviation("df", (float("nan"), -1.0), (
        (0.0, float("nan")),
    )),
    Deviation("df", (float("nan"), 40.0), (
        (0.0, float("nan")),
    )),
    Deviation("df", (float("nan"), -40.0), (
        (0.0, float("nan")),
    )),
    Deviation("df", (float("nan"), 800.0), (
        (0.0, float("nan")),
    )),
    Deviation("df", (float("nan"), -800.0), (
        (0.0, float("nan")),
    )),
)


SPEC = register(Activation(
    name="reglu",
    slug="reglu",
    order=84,
    title=Text("ReGLU", "ReGLU"),
    full_name=Text("以 ReLU 为门的门控线性单元", "gated linear unit with a ReLU gate"),
    summary=Text(
        "把输入分成两半 a 与 b，输出 ReLU(a) ⊗ b：GLU 家族中最简单的变体，两个因子都精确。",
        "Splits the input into halves a and b and returns ReLU(a) ⊗ b: the simplest variant of the GLU "
        "family, both of whose factors are exact.",
    ),
    forward=reglu,
    derivative=reglu_derivative,
    latex=r"\operatorname{ReGLU}(\mathbf{x}) = \operatorname{ReLU}(\mathbf{a}) \otimes \mathbf{b}, \qquad"
    r" \mathbf{x} = [\mathbf{a}, \mathbf{b}]",
    latex_derivative=r"\frac{\partial\,\mathrm{out}_i}{\partial a_i} = [a_i > 0]\, b_i, \qquad"
    r" \frac{\partial\,\mathrm{out}_i}{\partial b_i} = \operatorname{ReLU}(a_i)",
    parameters=(
        Parameter(
            "axis", "", -1, r"-\mathrm{ndim}(x) \le \mathrm{axis} < \mathrm{ndim}(x)",
            Text("沿哪一维分成两半（长度必须是偶数）", "the axis split into the halves (its length must be even)"),
        ),
    ),
    properties=Properties(
        range=r"(-\infty,\ \infty)",
        monotonic=False,
        smoothness=r"C^0",
        zero_centred=False,
        saturation=("hard", "none"),
        bounded="none",
        lower=-np.inf,
        upper=np.inf,
        note=Text(
            r"它有两个输入：对 $b$ 是线性的（斜率 $\operatorname{ReLU}(a)$），对 $a$ 则是按 $b$ 缩放的 ReLU，"
            r"所以不单调；饱和一栏指被激活的一半 $a$：$a < 0$ 的整个半轴上输出和导数都恰好为 0。",
            r"It has two inputs: it is linear in $b$ (with slope $\operatorname{ReLU}(a)$) and, in $a$, a ReLU "
            r"scaled by $b$, so it is not monotonic. The saturation column is about the activated half $a$: on "
            r"the whole half-line $a < 0$ the output and its derivatives are exactly 0.",
        ),
    ),
    kink=Text(
        "a = 0、b ≠ 0 处对 a 不可导（左右导数为 0 和 b）；本包在 a = 0 处取对 a 的导数为 0，"
        "与 PyTorch 自动求导对 relu 的约定一致。",
        "It is not differentiable in a where a = 0 and b ≠ 0 (the one-sided derivatives are 0 and b); "
        "this package takes the derivative in a as 0 at a = 0, as PyTorch autograd does for relu.",
    ),
    references=(
        Reference(
            "Noam Shazeer", 2020, "GLU Variants Improve Transformer", "arXiv:2002.05202",
            "https://arxiv.org/abs/2002.05202",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.relu", "(input, inplace=False)",
            difference=Text(
                "PyTorch 没有这个函数，这里沿最后一维用 chunk 分成两半再组合。"
                "a = NaN 时对 a 的偏导数为 b：它的 relu 反向传播只把 a ≤ 0 处置 0，NaN 不在其中（本包为 NaN）。",
                "PyTorch does not ship this function; the row splits the last axis with chunk and composes it. "
                "At a = NaN the derivative in a is b: its relu backward zeroes a ≤ 0 only, which NaN is not "
                "(this package: NaN)."),
            call="torch.nn.functional.relu(x.chunk(2, -1)[0]) * x.chunk(2, -1)[1]",
            deviations=(
                Deviation("df", (float("nan"), 0.0), (
                    (0.0, float("nan")),
                )),
                Deviation("df", (float("nan"), float("inf")), (
                    (float("inf"), float("nan")),
                )),
                Deviation("df", (float("nan"), float("-inf")), (
                    (float("-inf"), float("nan")),
                )),
                Deviation("df", (float("nan"), 1.0), (
                    (1.0, float("nan")),
                )),
                Deviation("df", (float("nan"), -1.0), (
                    (-1.0, float("nan")),
                )),
                Deviation("df", (float("nan"), 40.0), (
                    (40.0, float("nan")),
                )),
                Deviation("df", (float("nan"), -40.0), (
                    (-40.0, float("nan")),
                )),
                Deviation("df", (float("nan"), 800.0), (
                    (800.0, float("nan")),
                )),
                Deviation("df", (float("nan"), -800.0), (
                    (-800.0, float("nan")),
                )),
            ),
            composed=True,
        ),
        FrameworkName(
            "Keras", "keras.activations.relu", "(x, negative_slope=0.0, max_value=None, threshold=0.0)",
            difference=Text(
                "Keras 没有这个函数，这里沿最后一维切成两半再组合。a = NaN 时对 a 的偏导数为 0（本包为 NaN）。",
                "Keras does not ship this function; the row slices the last axis into halves and composes it. "
                "At a = NaN the derivative in a is 0 (this package: NaN)."),
            call=f"keras.activations.relu({_HALF}) * {_OTHER}",
            deviations=_DEVIATIONS_KERAS_JAX,
            composed=True,
        ),
        FrameworkName(
            "JAX", "jax.nn.relu", "(x)",
            difference=Text(
                "JAX 没有这个函数，这里沿最后一维切成两半再组合。a = NaN 时对 a 的偏导数为 0（本包为 NaN）。",
                "JAX does not ship this function; the row slices the last axis into halves and composes it. "
                "At a = NaN the derivative in a is 0 (this package: NaN)."),
            call=f"jax.nn.relu({_HALF}) * {_OTHER}",
            deviations=_DEVIATIONS_KERAS_JAX,
            composed=True,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.relu", "(x, name=None)",
            difference=Text(
                "PaddlePaddle 没有这个函数，这里沿最后一维用 chunk 分成两半再组合。"
                "它的 relu 把 NaN 变成 0，所以 a = NaN 时函数值为 0、对 a 的偏导数为 0 或 NaN（本包都是 NaN）；"
                "a ≤ 0 而 b 为 ±∞ 或 NaN 时对 a 的偏导数为 NaN（0·∞），本包为 0，与 PyTorch 相同。",
                "PaddlePaddle does not ship this function; the row splits the last axis with chunk and "
                "composes it. Its relu turns NaN into 0, so at a = NaN the value is 0 and the derivative in a 0 "
                "or NaN (this package: NaN for both); for a ≤ 0 and b = ±∞ or NaN the derivative in a is NaN "
                "(0·∞), where this package, as PyTorch, has 0."),
            call="paddle.nn.functional.relu(\n    paddle.chunk(x, 2, axis=-1)[0]\n) * paddle.chunk(x, 2, axis=-1)[1]",
            deviations=(
                Deviation("f", (float("nan"), 0.0), (0.0,)),
                Deviation("f", (float("nan"), 1.0), (0.0,)),
                Deviation("f", (float("nan"), -1.0), (-0.0,)),
                Deviation("f", (float("nan"), 40.0), (0.0,)),
                Deviation("f", (float("nan"), -40.0), (-0.0,)),
                Deviation("f", (float("nan"), 800.0), (0.0,)),
                Deviation("f", (float("nan"), -800.0), (-0.0,)),
                Deviation("df", (0.0, float("inf")), (
                    (float("nan"), 0.0),
                )),
                Deviation("df", (0.0, float("-inf")), (
                    (float("nan"), 0.0),
                )),
                Deviation("df", (0.0, float("nan")), (
                    (float("nan"), 0.0),
                )),
                Deviation("df", (float("-inf"), float("inf")), (
                    (float("nan"), 0.0),
                )),
                Deviation("df", (float("-inf"), float("-inf")), (
                    (float("nan"), 0.0),
                )),
                Deviation("df", (float("-inf"), float("nan")), (
                    (float("nan"), 0.0),
                )),
                Deviation("df", (float("nan"), 0.0), (
                    (0.0, 0.0),
                )),
                Deviation("df", (float("nan"), float("inf")), (
                    (float("nan"), 0.0),
                )),
                Deviation("df", (float("nan"), float("-inf")), (
                    (float("nan"), 0.0),
                )),
                Deviation("df", (float("nan"), float("nan")), (
                    (float("nan"), 0.0),
                )),
                Deviation("df", (float("nan"), 1.0), (
                    (0.0, 0.0),
                )),
                Deviation("df", (float("nan"), -1.0), (
                    (0.0, 0.0),
                )),
                Deviation("df", (float("nan"), 40.0), (
                    (0.0, 0.0),
                )),
                Deviation("df", (float("nan"), -40.0), (
                    (0.0, 0.0),
                )),
                Deviation("df", (float("nan"), 800.0), (
                    (0.0, 0.0),
                )),
                Deviation("df", (float("nan"), -800.0), (
                    (0.0, 0.0),
                )),
                Deviation("df", (-1.0, float("inf")), (
                    (float("nan"), 0.0),
                )),
                Deviation("df", (-1.0, float("-inf")), (
                    (float("nan"), 0.0),
                )),
                Deviation("df", (-1.0, float("nan")), (
                    (float("nan"), 0.0),
                )),
                Deviation("df", (-40.0, float("inf")), (
                    (float("nan"), 0.0),
                )),
                Deviation("df", (-40.0, float("-inf")), (
                    (float("nan"), 0.0),
                )),
                Deviation("df", (-40.0, float("nan")), (
                    (float("nan"), 0.0),
                )),
                Deviation("df", (-800.0, float("inf")), (
                    (float("nan"), 0.0),
                )),
                Deviation("df", (-800.0, float("-inf")), (
                    (float("nan"), 0.0),
                )),
                Deviation("df", (-800.0, float("nan")), (
                    (float("nan"), 0.0),
                )),
            ),
            composed=True,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.relu", "(input)",
            difference=Text(
                "MindSpore 没有这个函数，可以用 mindspore.ops.relu 和 mindspore.ops.chunk 照 PyTorch 一行组合。",
                "MindSpore does not ship this function; it can be composed as the PyTorch row does, with "
                "mindspore.ops.relu and mindspore.ops.chunk."),
            source="https://mindspore.cn/docs/en/r2.5.0/api_python/ops/mindspore.ops.relu.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(0.0, float("-inf")),  # the rows [x, x]: a = b = x
    plot_range=(-3.0, 3.0),
    kind="gated",
    vjp=reglu_vjp,
    figures=(
        Figure("reglu-map", Text("ReGLU 的输出随两个输入 a、b 的变化（点线为输出 0 的等值线）",
                                 "ReGLU's output over its two inputs a and b (the dotted lines: output 0)"),
               _MAP, size=(5.6, 4.4)),
        Figure("reglu-slices", Text("固定 b 时输出随 a 的变化，固定 a 时输出随 b 的变化",
                                    "The output against a for fixed b, and against b for fixed a"),
               _SLICES, size=(9.0, 3.6)),
    ),
    implementation=Text(
        r"`reglu` 用共享的检查 `halves` 把 $\mathbf{x}$ 沿 `axis` 分成两半（视图，不复制），"
        r"对前一半调用本手册的 `relu`，再原地乘以 $\mathbf{b}$；两个因子都精确，乘积只舍入一次。"
        r"`reglu_derivative` 的两个偏导数是 $[a > 0]\,b$（本手册的 `relu_derivative`，$a = 0$ 处为 0）和 "
        r"$\operatorname{ReLU}(a)$，由 GLU 页上的 `gated_jacobian` 填进雅可比矩阵。"
        r"在 ReLU 平坦的地方（$a \le 0$），对 $a$ 的导数恒为 0，即使 $b$ 为无穷（`np.multiply` 的 `where` 只在 "
        r"$a > 0$ 处相乘），与 PyTorch 的 relu 反向传播相同。"
        r"`reglu_vjp` 不构造雅可比矩阵：它用 `np.empty_like` 分配结果（类型取 `np.result_type` 给出的 x "
        r"与 g 的公共类型），把 $g \otimes b$ 和 $g \otimes \operatorname{ReLU}(a)$ 直接写进它的两半"
        r"（`np.multiply`），再用 `np.copyto` 把 ReLU 平坦处的对 $a$ 的梯度置 0、把 $a$ 为 NaN 处置为 NaN"
        r"（`np.isnan`），每个元素 $O(1)$。"
        r"乘积都放在 `np.errstate` 里：超出最大浮点数的乘积是 inf（正确舍入的结果），"
        r"0·∞（门关上而另一个因子为无穷）得 NaN，与框架相同，都不告警。",
        r"`reglu` splits $\mathbf{x}$ along `axis` into its halves with the shared check `halves` (views, no "
        r"copy), applies this handbook's `relu` to the first and multiplies by $\mathbf{b}$ in place; both "
        r"factors are exact, so the product is rounded once. `reglu_derivative`'s two partial derivatives are "
        r"$[a > 0]\,b$ (this handbook's `relu_derivative`, 0 at $a = 0$) and $\operatorname{ReLU}(a)$, which "
        r"`gated_jacobian` from the GLU page puts into the Jacobian. Where ReLU is flat ($a \le 0$) the "
        r"derivative in $a$ is 0 even for an infinite $b$ (`np.multiply` with `where` multiplies only where "
        r"$a > 0$), as PyTorch's relu backward gives. `reglu_vjp` never forms the Jacobian: it allocates the "
        r"result with `np.empty_like` (in the common type of x and g, from `np.result_type`), writes "
        r"$g \otimes b$ and $g \otimes \operatorname{ReLU}(a)$ straight into its two halves (`np.multiply`), "
        r"then with `np.copyto` sets the gradient in $a$ to 0 where ReLU is flat and to NaN where $a$ is "
        r"NaN (`np.isnan`), $O(1)$ per element. "
        r"The products run under `np.errstate`: a product beyond the largest float is inf (the correctly "
        r"rounded result), and 0·∞ (a closed gate and an infinite factor) is NaN, as in the frameworks, "
        r"without a warning.",
    ),
))
