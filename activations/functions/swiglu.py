"""SwiGLU: the SiLU of one half of the input times the other half (the feed-forward gate of Llama)."""

from __future__ import annotations

from functools import partial

import numpy as np
from numpy.typing import ArrayLike

from .._checks import as_float_array, halves
from .._figures import gated_map, gated_slices
from .._registry import register
from .._spec import Activation, Deviation, Figure, FrameworkName, Parameter, Properties, Reference, Text
from .glu import gated_jacobian
from .silu import silu, silu_derivative


def swiglu(x: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""SwiGLU along one axis: SiLU of the first half times the second.

    .. math:: \operatorname{SwiGLU}(\mathbf{x}) = \operatorname{SiLU}(\mathbf{a}) \otimes \mathbf{b},
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
    The first half is activated, as in PaddlePaddle's and MindSpore's
    ``swiglu`` (Shazeer 2020 writes Swish(xW) * xV). SiLU is this package's
    (:func:`silu`): the textbook ``a / (1 + exp(-a))`` overflows inside for
    a < -709.78 (float64) and returns -0 where the true SiLU is a
    subnormal number, down to a = -745.13.

    Examples
    --------
    >>> swiglu([1.0, 2.0, 3.0, 0.5])
    array([2.19317574, 0.88079708])
    """
    x = as_float_array(x)
    a, b, _ = halves(x, axis)
    out = silu(a)  # this handbook's silu
    # beyond the largest float a product is inf, the rounded value; 0 * inf
    # (a closed gate, an infinite factor) is NaN, as in the frameworks
    with np.errstate(over="ignore", invalid="ignore"):
        out *= b
    return out


def swiglu_derivative(x: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Jacobian of SwiGLU with respect to x.

    .. math:: \frac{\partial\,\mathrm{out}_i}{\partial a_i} = \operatorname{SiLU}'(a_i)\, b_i, \qquad
              \frac{\partial\,\mathrm{out}_i}{\partial b_i} = \operatorname{SiLU}(a_i)

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
        on a_i and b_i only. To backpropagate, use :func:`swiglu_vjp`, which
        is O(n).

    Examples
    --------
    >>> swiglu_derivative([0.0, 3.0])
    array([[1.5, 0. ]])
    """
    x = as_float_array(x)
    a, b, axis = halves(x, axis)
    da = silu_derivative(a)
    # beyond the largest float a product is inf, the rounded value; 0 * inf
    # (a closed gate, an infinite factor) is NaN, as in the frameworks
    with np.errstate(over="ignore", invalid="ignore"):
        da *= b
    return gated_jacobian(da, silu(a), axis)


def swiglu_vjp(x: ArrayLike, g: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Vector-Jacobian product of SwiGLU: the gradient backpropagation needs.

    .. math:: \frac{\partial L}{\partial \mathbf{a}}
              = \mathbf{g} \otimes \mathbf{b} \otimes \operatorname{SiLU}'(\mathbf{a}),
              \qquad \frac{\partial L}{\partial \mathbf{b}} = \mathbf{g} \otimes \operatorname{SiLU}(\mathbf{a})

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
    >>> swiglu_vjp([0.0, 3.0], [1.0])
    array([1.5, 0. ])
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
        np.multiply(b, silu_derivative(a), out=grad_a)  # the partial first
        grad_a *= g
        np.multiply(g, silu(a), out=grad_b)
    return out


def _naive(x: np.ndarray, axis: int = -1) -> np.ndarray:
    a, b = np.split(x, 2, axis=-1)
    return a / (1 + np.exp(-a)) * b


def _naive_derivative(x: np.ndarray, axis: int = -1) -> np.ndarray:
    a, b = np.split(x, 2, axis=-1)
    s = 1 / (1 + np.exp(-a))
    return np.concatenate([s * (1 + a * (1 - s)) * b, a * s], axis=-1)[..., None, :]


#: How the frameworks' compositions differ (measured; the rows list where).
_INF_ZH = ('a = −∞ 时 silu(a) 得 NaN（−∞·0），本包取极限 0，所以函数值和两个偏导数都是 NaN（本包为 '
           '0，b 为 ±∞ 时对 a 的偏导数为 NaN）；a = +∞ 时对 a 的偏导数也是 NaN（本包为 b）。')
_INF_EN = ('At a = −∞, silu(a) is NaN (−∞·0) where this package takes the limit 0, so the value and '
           'both partial derivatives are NaN (this package: 0, and NaN for the derivative in a when '
           'b is ±∞); at a = +∞ the derivative in a is NaN as well (this package: b).')
_B_ZH = ('b = ±∞ 时对 a 的偏导数也是 NaN（本包为 ±∞）。')
_B_EN = ('Where b is ±∞, the derivative in a is NaN too (this package: ±∞).')
_MAP = partial(gated_map, f=swiglu, name="SwiGLU")
_SLICES = partial(gated_slices, f=swiglu, name="SwiGLU")
_HALF = "x[..., : x.shape[-1] // 2]"
_OTHER = "x[..., x.shape[-1] // 2 :]"


#: Measured, the same in the PyTorch and PaddlePaddle rows.
_DEVIATIONS_PYTORCH_PADDLEPADDLE = (
    Deviation("f", (float("-inf"), 0.0), (float("nan"),)),
    Deviation("f", (float("-inf"), 1.0), (float("nan"),)),
    Deviation("f", (float("-inf"), -1.0), (float("nan"),)),
    Deviation("f", (float("-inf"), 40.0), (float("nan"),)),
    Deviation("f", (float("-inf"), -40.0), (float("nan"),)),
    Deviation("f", (float("-inf"), 800.0), (float("nan"),)),
    Deviation("f", (float("-inf"), -800.0), (float("nan"),)),
    Deviation("df", (float("inf"), 0.0), (
        (float("nan"), float("inf")),
    )),
    Deviation("df", (float("inf"), float("inf")), (
        (float("nan"), float("inf")),
    )),
    Deviation("df", (float("inf"), float("-inf")), (
        (float("nan"), float("inf")),
    )),
    Deviation("df", (float("inf"), 1.0), (
        (float("nan"), float("inf")),
    )),
    Deviation("df", (float("inf"), -1.0), (
        (float("nan"), float("inf")),
    )),
    Deviation("df", (float("inf"), 40.0), (
        (float("nan"), float("inf")),
    )),
    Deviation("df", (float("inf"), -40.0), (
        (float("nan"), float("inf")),
    )),
    Deviation("df", (float("inf"), 800.0), (
        (float("nan"), float("inf")),
    )),
    Deviation("df", (float("inf"), -800.0), (
        (float("nan"), float("inf")),
    )),
    Deviation("df", (float("-inf"), 0.0), (
        (float("nan"), float("nan")),
    )),
    Deviation("df", (float("-inf"), float("inf")), (
        (float("nan"), float("nan")),
    )),
    Deviation("df", (float("-inf"), float("-inf")), (
        (float("nan"), float("nan")),
    )),
    Deviation("df", (float("-inf"), float("nan")), (
        (float("nan"), float("nan")),
    )),
    Deviation("df", (float("-inf"), 1.0), (
        (float("nan"), float("nan")),
    )),
    Deviation("df", (float("-inf"), -1.0), (
        (float("nan"), float("nan")),
    )),
    Deviation("df", (float("-inf"), 40.0), (
        (float("nan"), float("nan")),
    )),
    Deviation("df", (float("-inf"), -40.0), (
        (float("nan"), float("nan")),
    )),
    Deviation("df", (float("-inf"), 800.0), (
        (float("nan"), float("nan")),
    )),
    Deviation("df", (float("-inf"), -800.0), (
        (float("nan"), float("nan")),
    )),
)


#: Measured, the same in the Keras and JAX rows.
_DEVIATIONS_KERAS_JAX = (
    Deviation("f", (float("-inf"), 0.0), (float("nan"),)),
    Deviation("f", (float("-inf"), 1.0), (float("nan"),)),
    Deviation("f", (float("-inf"), -1.0), (float("nan"),)),
    Deviation("f", (float("-inf"), 40.0), (float("nan"),)),
    Deviation("f", (float("-inf"), -40.0), (float("nan"),)),
    Deviation("f", (float("-inf"), 800.0), (float("nan"),)),
    Deviation("f", (float("-inf"), -800.0), (float("nan"),)),
    Deviation("df", (0.0, float("inf")), (
        (float("nan"), 0.0),
    )),
    Deviation("df", (0.0, float("-inf")), (
        (float("nan"), 0.0),
    )),
    Deviation("df", (float("inf"), 0.0), (
        (float("nan"), float("inf")),
    )),
    Deviation("df", (float("inf"), float("inf")), (
        (float("nan"), float("inf")),
    )),
    Deviation("df", (float("inf"), float("-inf")), (
        (float("nan"), float("inf")),
    )),
    Deviation("df", (float("inf"), 1.0), (
        (float("nan"), float("inf")),
    )),
    Deviation("df", (float("inf"), -1.0), (
        (float("nan"), float("inf")),
    )),
    Deviation("df", (float("inf"), 40.0), (
        (float("nan"), float("inf")),
    )),
    Deviation("df", (float("inf"), -40.0), (
        (float("nan"), float("inf")),
    )),
    Deviation("df", (float("inf"), 800.0), (
        (float("nan"), float("inf")),
    )),
    Deviation("df", (float("inf"), -800.0), (
        (float("nan"), float("inf")),
    )),
    Deviation("df", (float("-inf"), 0.0), (
        (float("nan"), float("nan")),
    )),
    Deviation("df", (float("-inf"), float("inf")), (
        (float("nan"), float("nan")),
    )),
    Deviation("df", (float("-inf"), float("-inf")), (
        (float("nan"), float("nan")),
    )),
    Deviation("df", (float("-inf"), float("nan")), (
        (float("nan"), float("nan")),
    )),
    Deviation("df", (float("-inf"), 1.0), (
        (float("nan"), float("nan")),
    )),
    Deviation("df", (float("-inf"), -1.0), (
        (float("nan"), float("nan")),
    )),
    Deviation("df", (float("-inf"), 40.0), (
        (float("nan"), float("nan")),
    )),
    Deviation("df", (float("-inf"), -40.0), (
        (float("nan"), float("nan")),
    )),
    Deviation("df", (float("-inf"), 800.0), (
        (float("nan"), float("nan")),
    )),
    Deviation("df", (float("-inf"), -800.0), (
        (float("nan"), float("nan")),
    )),
    Deviation("df", (-1.0, float("inf")), (
        (float("nan"), -0.2689414213699951),
    )),
    Deviation("df", (-1.0, float("-inf")), (
        (float("nan"), -0.2689414213699951),
    )),
    Deviation("df", (40.0, float("inf")), (
        (float("nan"), 40.0),
    )),
    Deviation("df", (40.0, float("-inf")), (
        (float("nan"), 40.0),
    )),
    Deviation("df", (-40.0, float("inf")), (
        (float("nan"), -1.6993417021166358e-16),
    )),
    Deviation("df", (-40.0, float("-inf")), (
        (float("nan"), -1.6993417021166358e-16),
    )),
    Deviation("df", (800.0, float("inf")), (
        (float("nan"), 800.0),
    )),
    Deviation("df", (800.0, float("-inf")), (
        (float("nan"), 800.0),
    )),
)


SPEC = register(Activation(
    name="swiglu",
    slug="swiglu",
    order=82,
    title=Text("SwiGLU", "SwiGLU"),
    full_name=Text("以 SiLU（Swish）为门的门控线性单元", "gated linear unit with a SiLU (Swish) gate"),
    summary=Text(
        "把输入分成两半 a 与 b，输出 SiLU(a) ⊗ b：Llama、Qwen、DeepSeek 等大模型前馈层所用的门控。",
        "Splits the input into halves a and b and returns SiLU(a) ⊗ b: the gate in the feed-forward blocks "
        "of Llama, Qwen, DeepSeek and other large language models.",
    ),
    forward=swiglu,
    derivative=swiglu_derivative,
    latex=r"\operatorname{SwiGLU}(\mathbf{x}) = \operatorname{SiLU}(\mathbf{a}) \otimes \mathbf{b}, \qquad"
    r" \mathbf{x} = [\mathbf{a}, \mathbf{b}], \quad \operatorname{SiLU}(a) = a\,\sigma(a)",
    latex_derivative=r"\frac{\partial\,\mathrm{out}_i}{\partial a_i} = \operatorname{SiLU}'(a_i)\, b_i"
    r" = \sigma(a_i)\bigl(1 + a_i(1 - \sigma(a_i))\bigr)\, b_i, \qquad"
    r" \frac{\partial\,\mathrm{out}_i}{\partial b_i} = \operatorname{SiLU}(a_i)",
    parameters=(
        Parameter(
            "axis", "", -1, r"-\mathrm{ndim}(x) \le \mathrm{axis} < \mathrm{ndim}(x)",
            Text("沿哪一维分成两半（长度必须是偶数）", "the axis split into the halves (its length must be even)"),
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
            r"它有两个输入：对 $b$ 是线性的（斜率 $\operatorname{SiLU}(a)$），对 $a$ 则是按 $b$ 缩放的 SiLU，"
            r"所以不单调；饱和一栏指被激活的一半 $a$：$a \to -\infty$ 时输出和导数都趋于 0，$a \to \infty$ 时不饱和。",
            r"It has two inputs: it is linear in $b$ (with slope $\operatorname{SiLU}(a)$) and, in $a$, a SiLU "
            r"scaled by $b$, so it is not monotonic. The saturation column is about the activated half $a$: "
            r"as $a \to -\infty$ the output and its derivatives go to 0; as $a \to \infty$ it does not saturate.",
        ),
    ),
    kink=None,
    references=(
        Reference(
            "Noam Shazeer", 2020, "GLU Variants Improve Transformer", "arXiv:2002.05202",
            "https://arxiv.org/abs/2002.05202",
        ),
        Reference(
            "Hugo Touvron, Thibaut Lavril, Gautier Izacard, et al.", 2023,
            "LLaMA: Open and Efficient Foundation Language Models", "arXiv:2302.13971",
            "https://arxiv.org/abs/2302.13971",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.silu", "(input, inplace=False)",
            difference=Text(
                "PyTorch 没有这个函数，这里沿最后一维用 chunk 分成两半再组合。" + _INF_ZH,
                "PyTorch does not ship this function; the row splits the last axis with chunk and composes it. "
                + _INF_EN),
            call="torch.nn.functional.silu(x.chunk(2, -1)[0]) * x.chunk(2, -1)[1]",
            deviations=_DEVIATIONS_PYTORCH_PADDLEPADDLE,
            composed=True,
        ),
        FrameworkName(
            "Keras", "keras.activations.silu", "(x)",
            difference=Text(
                "Keras 没有这个函数，这里沿最后一维切成两半再组合。" + _INF_ZH + _B_ZH,
                "Keras does not ship this function; the row slices the last axis into halves and composes it. "
                + _INF_EN + " " + _B_EN),
            call=f"keras.activations.silu({_HALF}) * {_OTHER}",
            deviations=_DEVIATIONS_KERAS_JAX,
            composed=True,
        ),
        FrameworkName(
            "JAX", "jax.nn.silu", "(x)",
            difference=Text(
                "JAX 没有这个函数，这里沿最后一维切成两半再组合。" + _INF_ZH + _B_ZH,
                "JAX does not ship this function; the row slices the last axis into halves and composes it. "
                + _INF_EN + " " + _B_EN),
            call=f"jax.nn.silu({_HALF}) * {_OTHER}",
            deviations=_DEVIATIONS_KERAS_JAX,
            composed=True,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.swiglu", "(x, y=None, name=None)",
            difference=Text(
                "只沿最后一维分成两半，没有 axis 参数；也可以把两半分别作为 x 和 y 传入。" + _INF_ZH,
                "It splits the last axis only and has no axis parameter; the halves may also be passed as x "
                "and y. " + _INF_EN),
            call="paddle.nn.functional.swiglu(x)",
            deviations=_DEVIATIONS_PYTORCH_PADDLEPADDLE,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.swiglu", "(input, dim=-1)",
            difference=Text(
                "参数叫 dim。文档称它是实验性接口，只支持 Ascend，输入只能是 float16、float32 或 bfloat16。",
                "The parameter is called dim. Its documentation calls it an experimental API for Ascend only, "
                "with float16, float32 or bfloat16 input."),
            source="https://mindspore.cn/docs/en/r2.5.0/api_python/ops/mindspore.ops.swiglu.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-720.0, 40.0),  # the rows [x, x]: a = b = x
    plot_range=(-3.0, 3.0),
    kind="gated",
    vjp=swiglu_vjp,
    figures=(
        Figure("swiglu-map", Text("SwiGLU 的输出随两个输入 a、b 的变化（点线为输出 0 的等值线）",
                                  "SwiGLU's output over its two inputs a and b (the dotted lines: output 0)"),
               _MAP, size=(5.6, 4.4)),
        Figure("swiglu-slices", Text("固定 b 时输出随 a 的变化，固定 a 时输出随 b 的变化",
                                     "The output against a for fixed b, and against b for fixed a"),
               _SLICES, size=(9.0, 3.6)),
    ),
    implementation=Text(
        r"`swiglu` 用共享的检查 `halves` 把 $\mathbf{x}$ 沿 `axis` 分成两半（视图，不复制），"
        r"对前一半调用本手册的 `silu`（它既不上溢也保留负半轴的尾部），再原地乘以 $\mathbf{b}$。"
        r"`swiglu_derivative` 的两个偏导数是 $\operatorname{SiLU}'(a)\,b$（本手册的 `silu_derivative`）"
        r"和 $\operatorname{SiLU}(a)$，由 GLU 页上的 `gated_jacobian` 填进雅可比矩阵。"
        r"`swiglu_vjp` 不构造雅可比矩阵：它用 `np.empty_like` 分配结果（类型取 `np.result_type` 给出的 x "
        r"与 g 的公共类型），"
        r"把 $g \otimes b \otimes \operatorname{SiLU}'(a)$ 和 $g \otimes \operatorname{SiLU}(a)$ "
        r"直接写进它的两半（`np.multiply`），每个元素 $O(1)$。"
        r"乘积都放在 `np.errstate` 里：超出最大浮点数的乘积是 inf（正确舍入的结果），"
        r"0·∞（门关上而另一个因子为无穷）得 NaN，与框架相同，都不告警。",
        r"`swiglu` splits $\mathbf{x}$ along `axis` into its halves with the shared check `halves` (views, no "
        r"copy), applies this handbook's `silu` to the first (it neither overflows nor loses the negative "
        r"tail) and multiplies by $\mathbf{b}$ in place. `swiglu_derivative`'s two partial derivatives are "
        r"$\operatorname{SiLU}'(a)\,b$ (this handbook's `silu_derivative`) and $\operatorname{SiLU}(a)$, which "
        r"`gated_jacobian` from the GLU page puts into the Jacobian. `swiglu_vjp` never forms the Jacobian: it "
        r"allocates the result with `np.empty_like` (in the common type of x and g, from `np.result_type`) "
        r"and writes $g \otimes b \otimes \operatorname{SiLU}'(a)$ and "
        r"$g \otimes \operatorname{SiLU}(a)$ straight into its two halves (`np.multiply`), $O(1)$ per element. "
        r"The products run under `np.errstate`: a product beyond the largest float is inf (the correctly "
        r"rounded result), and 0·∞ (a closed gate and an infinite factor) is NaN, as in the frameworks, "
        r"without a warning.",
    ),
))
