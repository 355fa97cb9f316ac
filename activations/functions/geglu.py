"""GeGLU: the GELU of one half of the input times the other half (the feed-forward gate of Gemma)."""

from __future__ import annotations

from functools import partial

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import erf

from .._checks import as_float_array, halves
from .._figures import gated_map, gated_slices
from .._registry import register
from .._spec import Activation, Deviation, Figure, FrameworkName, Parameter, Properties, Reference, Text
from .gelu import gelu, gelu_derivative
from .glu import gated_jacobian


def geglu(
    x: ArrayLike, axis: int = -1, approximate: str = "none",
) -> np.ndarray:
    r"""GeGLU along one axis: GELU of the first half times the second.

    .. math:: \operatorname{GeGLU}(\mathbf{x}) = \operatorname{GELU}(\mathbf{a}) \otimes \mathbf{b},
              \qquad \mathbf{x} = [\mathbf{a}, \mathbf{b}]

    Parameters
    ----------
    x : array_like
        Input, at least one dimension, of even length along ``axis``.
        float16/32/64 keep their dtype; anything else real is computed in
        float64.
    axis : int, default -1
        The axis that is split into the halves a and b.
    approximate : {"none", "tanh"}, default "none"
        The GELU of :func:`gelu`: exact, or its tanh approximation.

    Returns
    -------
    numpy.ndarray
        The shape of ``x`` with half its length along ``axis``.

    Notes
    -----
    The first half is activated (Shazeer 2020: GELU(xW) * xV). GELU is this
    package's (:func:`gelu`): the textbook ``a * 0.5 * (1 + erf(a / sqrt 2))``
    loses its negative tail to cancellation: it is 0 below a = -8.38,
    where the true GELU(-8.4) is still -1.9e-16.

    Examples
    --------
    >>> geglu([1.0, -1.0, 2.0, 2.0])
    array([ 1.68268949, -0.31731051])
    """
    x = as_float_array(x)
    a, b, _ = halves(x, axis)
    out = gelu(a, approximate=approximate)  # this handbook's gelu
    # beyond the largest float a product is inf, the rounded value; 0 * inf
    # (a closed gate, an infinite factor) is NaN, as in the frameworks
    with np.errstate(over="ignore", invalid="ignore"):
        out *= b
    return out


def geglu_derivative(
    x: ArrayLike, axis: int = -1, approximate: str = "none",
) -> np.ndarray:
    r"""Jacobian of GeGLU with respect to x.

    .. math:: \frac{\partial\,\mathrm{out}_i}{\partial a_i} = \operatorname{GELU}'(a_i)\, b_i, \qquad
              \frac{\partial\,\mathrm{out}_i}{\partial b_i} = \operatorname{GELU}(a_i)

    Parameters
    ----------
    x : array_like
        Input, of even length along ``axis``.
    axis : int, default -1
        The split axis.
    approximate : {"none", "tanh"}, default "none"
        The GELU of :func:`gelu`: exact, or its tanh approximation.

    Returns
    -------
    numpy.ndarray
        Shape ``out.shape + (n,)`` (see :func:`gated_jacobian`): out_i depends
        on a_i and b_i only. To backpropagate, use :func:`geglu_vjp`, which
        is O(n).

    Examples
    --------
    >>> geglu_derivative([0.0, 3.0])
    array([[1.5, 0. ]])
    """
    x = as_float_array(x)
    a, b, axis = halves(x, axis)
    da = gelu_derivative(a, approximate=approximate)
    # beyond the largest float a product is inf, the rounded value; 0 * inf
    # (a closed gate, an infinite factor) is NaN, as in the frameworks
    with np.errstate(over="ignore", invalid="ignore"):
        da *= b
    return gated_jacobian(da, gelu(a, approximate=approximate), axis)


def geglu_vjp(
    x: ArrayLike, g: ArrayLike, axis: int = -1, approximate: str = "none",
) -> np.ndarray:
    r"""Vector-Jacobian product of GeGLU: the gradient backpropagation needs.

    .. math:: \frac{\partial L}{\partial \mathbf{a}}
              = \mathbf{g} \otimes \mathbf{b} \otimes \operatorname{GELU}'(\mathbf{a}),
              \qquad \frac{\partial L}{\partial \mathbf{b}} = \mathbf{g} \otimes \operatorname{GELU}(\mathbf{a})

    Parameters
    ----------
    x : array_like
        Input, of even length along ``axis``.
    g : array_like
        Upstream gradient dL/d out, the shape of the output.
    axis : int, default -1
        The split axis.
    approximate : {"none", "tanh"}, default "none"
        The GELU of :func:`gelu`: exact, or its tanh approximation.

    Returns
    -------
    numpy.ndarray
        dL/dx, the shape of ``x``: dL/da in the first half, dL/db in the
        second. O(n): the Jacobian is never formed.

    Examples
    --------
    >>> geglu_vjp([0.0, 3.0], [1.0])
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
        # the partial first, then g
        np.multiply(b, gelu_derivative(a, approximate=approximate), out=grad_a)
        grad_a *= g
        np.multiply(g, gelu(a, approximate=approximate), out=grad_b)
    return out


def _naive(x: np.ndarray, axis: int = -1, approximate: str = "none") -> np.ndarray:
    a, b = np.split(x, 2, axis=-1)
    if approximate == "tanh":
        gelu_a = 0.5 * a * (1 + np.tanh(np.sqrt(2 / np.pi) * (a + 0.044715 * a**3)))
    else:
        gelu_a = a * 0.5 * (1 + erf(a / np.sqrt(2)))
    return gelu_a * b


def _naive_derivative(x: np.ndarray, axis: int = -1, approximate: str = "none") -> np.ndarray:
    a, b = np.split(x, 2, axis=-1)
    cdf = 0.5 * (1 + erf(a / np.sqrt(2)))
    pdf = np.exp(-a * a / 2) / np.sqrt(2 * np.pi)
    if approximate == "tanh":
        u = np.sqrt(2 / np.pi) * (a + 0.044715 * a**3)
        t = np.tanh(u)
        gelu_a = 0.5 * a * (1 + t)
        slope = 0.5 * (1 + t) + 0.5 * a * (1 - t * t) * np.sqrt(2 / np.pi) * (1 + 3 * 0.044715 * a * a)
    else:
        gelu_a, slope = a * cdf, cdf + a * pdf
    return np.concatenate([slope * b, gelu_a], axis=-1)[..., None, :]


#: How the frameworks' compositions differ (measured; the rows list where).
_INF_ZH = ('a = −∞ 时 gelu(a) 得 NaN（−∞·0），本包取极限 0，所以函数值和两个偏导数都是 NaN（本包为 '
           '0，b 为 ±∞ 时对 a 的偏导数为 NaN）；a = +∞ 时对 a 的偏导数也是 NaN（本包为 b）。')
_INF_EN = ('At a = −∞, gelu(a) is NaN (−∞·0) where this package takes the limit 0, so the value and '
           'both partial derivatives are NaN (this package: 0, and NaN for the derivative in a when '
           'b is ±∞); at a = +∞ the derivative in a is NaN as well (this package: b).')
_B_ZH = ('b = ±∞ 时对 a 的偏导数也是 NaN（本包为 ±∞）。')
_B_EN = ('Where b is ±∞, the derivative in a is NaN too (this package: ±∞).')
_MAP = partial(gated_map, f=geglu, name="GeGLU")
_SLICES = partial(gated_slices, f=geglu, name="GeGLU")
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


SPEC = register(Activation(
    name="geglu",
    slug="geglu",
    order=83,
    title=Text("GeGLU", "GeGLU"),
    full_name=Text("以 GELU 为门的门控线性单元", "gated linear unit with a GELU gate"),
    summary=Text(
        "把输入分成两半 a 与 b，输出 GELU(a) ⊗ b：Gemma 等模型前馈层所用的门控。",
        "Splits the input into halves a and b and returns GELU(a) ⊗ b: the gate in the feed-forward blocks "
        "of Gemma and other models.",
    ),
    forward=geglu,
    derivative=geglu_derivative,
    latex=r"\operatorname{GeGLU}(\mathbf{x}) = \operatorname{GELU}(\mathbf{a}) \otimes \mathbf{b}, \qquad"
    r" \mathbf{x} = [\mathbf{a}, \mathbf{b}], \quad \operatorname{GELU}(a) = a\,\Phi(a)",
    latex_derivative=r"\frac{\partial\,\mathrm{out}_i}{\partial a_i} = \operatorname{GELU}'(a_i)\, b_i"
    r" = \bigl(\Phi(a_i) + a_i\,\varphi(a_i)\bigr)\, b_i, \qquad"
    r" \frac{\partial\,\mathrm{out}_i}{\partial b_i} = \operatorname{GELU}(a_i)",
    parameters=(
        Parameter(
            "axis", "", -1, r"-\mathrm{ndim}(x) \le \mathrm{axis} < \mathrm{ndim}(x)",
            Text("沿哪一维分成两半（长度必须是偶数）", "the axis split into the halves (its length must be even)"),
        ),
        Parameter(
            "approximate", "", "none", r'\texttt{"none"},\ \texttt{"tanh"}',
            Text("GELU 的形式，同 GELU 页：\"none\" 精确，\"tanh\" 用 tanh 近似",
                 "the form of GELU, as on the GELU page: \"none\" exact, \"tanh\" the tanh approximation"),
            check=lambda v: v in ("none", "tanh"),
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
            r"它有两个输入：对 $b$ 是线性的（斜率 $\operatorname{GELU}(a)$），对 $a$ 则是按 $b$ 缩放的 GELU，"
            r"所以不单调；饱和一栏指被激活的一半 $a$：$a \to -\infty$ 时输出和导数都趋于 0，$a \to \infty$ 时不饱和。",
            r"It has two inputs: it is linear in $b$ (with slope $\operatorname{GELU}(a)$) and, in $a$, a GELU "
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
            "Gemma Team", 2024, "Gemma: Open Models Based on Gemini Research and Technology", "arXiv:2403.08295",
            "https://arxiv.org/abs/2403.08295",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.gelu", "(input, approximate='none')",
            difference=Text(
                "PyTorch 没有这个函数，这里沿最后一维用 chunk 分成两半再组合。" + _INF_ZH,
                "PyTorch does not ship this function; the row splits the last axis with chunk and composes it. "
                + _INF_EN),
            call="torch.nn.functional.gelu(x.chunk(2, -1)[0]) * x.chunk(2, -1)[1]",
            deviations=_DEVIATIONS_PYTORCH_PADDLEPADDLE,
            composed=True,
        ),
        FrameworkName(
            "Keras", "keras.activations.gelu", "(x, approximate=False)",
            difference=Text(
                "Keras 没有这个函数，这里沿最后一维切成两半再组合。" + _INF_ZH + _B_ZH,
                "Keras does not ship this function; the row slices the last axis into halves and composes it. "
                + _INF_EN + " " + _B_EN),
            call=f"keras.activations.gelu({_HALF}) * {_OTHER}",
            deviations=(
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
                    (float("nan"), -0.15865525393145707),
                )),
                Deviation("df", (-1.0, float("-inf")), (
                    (float("nan"), -0.15865525393145707),
                )),
                Deviation("df", (40.0, float("inf")), (
                    (float("nan"), 40.0),
                )),
                Deviation("df", (40.0, float("-inf")), (
                    (float("nan"), 40.0),
                )),
                Deviation("df", (800.0, float("inf")), (
                    (float("nan"), 800.0),
                )),
                Deviation("df", (800.0, float("-inf")), (
                    (float("nan"), 800.0),
                )),
            ),
            composed=True,
        ),
        FrameworkName(
            "JAX", "jax.nn.gelu", "(x, approximate=True)",
            difference=Text(
                "JAX 没有这个函数，这里沿最后一维切成两半再组合；jax.nn.gelu 默认是 tanh 形式"
                "（本包的 approximate=\"tanh\"），精确形式要写 approximate=False；tanh 形式在普通输入上的绝对误差"
                "（见 [GELU](gelu.md#frameworks) 页）在这里再乘以 b。" + _INF_ZH + _B_ZH,
                "JAX does not ship this function; the row slices the last axis into halves and composes it. "
                "jax.nn.gelu defaults to the tanh form (this package's approximate=\"tanh\"); the exact form "
                "needs approximate=False; the tanh form's absolute error at ordinary inputs (see the "
                "[GELU](gelu.md#frameworks) page) is multiplied by b here. " + _INF_EN + " " + _B_EN),
            call=f"jax.nn.gelu({_HALF}) * {_OTHER}",
            ordinary_error=4.2e-13,  # measured: the tanh-form derivative errs by 3.6e-14 (see gelu), times b
            deviations=(
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
                    (float("nan"), -0.1588080093917233),
                )),
                Deviation("df", (-1.0, float("-inf")), (
                    (float("nan"), -0.1588080093917233),
                )),
                Deviation("df", (40.0, float("inf")), (
                    (float("nan"), 40.0),
                )),
                Deviation("df", (40.0, float("-inf")), (
                    (float("nan"), 40.0),
                )),
                Deviation("df", (800.0, float("inf")), (
                    (float("nan"), 800.0),
                )),
                Deviation("df", (800.0, float("-inf")), (
                    (float("nan"), 800.0),
                )),
            ),
            params=(("approximate", "tanh"),),
            composed=True,
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.nn.functional.gelu", "(x, approximate=False, name=None)",
            difference=Text(
                "PaddlePaddle 没有这个函数，这里沿最后一维用 chunk 分成两半再组合。" + _INF_ZH,
                "PaddlePaddle does not ship this function; the row splits the last axis with chunk and "
                "composes it. " + _INF_EN),
            call="paddle.nn.functional.gelu(\n    paddle.chunk(x, 2, axis=-1)[0]\n) * paddle.chunk(x, 2, axis=-1)[1]",
            deviations=_DEVIATIONS_PYTORCH_PADDLEPADDLE,
            composed=True,
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.gelu", "(input, approximate='none')",
            difference=Text(
                "MindSpore 没有这个函数，可以用 mindspore.ops.gelu 和 mindspore.ops.chunk 照 PyTorch 一行组合。",
                "MindSpore does not ship this function; it can be composed as the PyTorch row does, with "
                "mindspore.ops.gelu and mindspore.ops.chunk."),
            source="https://mindspore.cn/docs/en/r2.5.0/api_python/ops/mindspore.ops.gelu.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-9.0, 40.0),  # the rows [x, x]: a = b = x
    plot_range=(-3.0, 3.0),
    kind="gated",
    vjp=geglu_vjp,
    figures=(
        Figure("geglu-map", Text("GeGLU 的输出随两个输入 a、b 的变化（点线为输出 0 的等值线）",
                                 "GeGLU's output over its two inputs a and b (the dotted lines: output 0)"),
               _MAP, size=(5.6, 4.4)),
        Figure("geglu-slices", Text("固定 b 时输出随 a 的变化，固定 a 时输出随 b 的变化",
                                    "The output against a for fixed b, and against b for fixed a"),
               _SLICES, size=(9.0, 3.6)),
    ),
    implementation=Text(
        r"`geglu` 用共享的检查 `halves` 把 $\mathbf{x}$ 沿 `axis` 分成两半（视图，不复制），"
        r"对前一半调用本手册的 `gelu`（精确形式用 `scipy.special` 的误差函数，保留负半轴的尾部），"
        r"再原地乘以 $\mathbf{b}$。`geglu_derivative` 的两个偏导数是 $\operatorname{GELU}'(a)\,b$"
        r"（本手册的 `gelu_derivative`）和 $\operatorname{GELU}(a)$，由 GLU 页上的 `gated_jacobian` 填进雅可比矩阵。"
        r"`geglu_vjp` 不构造雅可比矩阵：它用 `np.empty_like` 分配结果（类型取 `np.result_type` 给出的 x "
        r"与 g 的公共类型），"
        r"把 $g \otimes b \otimes \operatorname{GELU}'(a)$ 和 $g \otimes \operatorname{GELU}(a)$ "
        r"直接写进它的两半（`np.multiply`），每个元素 $O(1)$。"
        r"乘积都放在 `np.errstate` 里：超出最大浮点数的乘积是 inf（正确舍入的结果），"
        r"0·∞（门关上而另一个因子为无穷）得 NaN，与框架相同，都不告警。",
        r"`geglu` splits $\mathbf{x}$ along `axis` into its halves with the shared check `halves` (views, no "
        r"copy), applies this handbook's `gelu` to the first (the exact form uses `scipy.special`'s error "
        r"functions and keeps the negative tail) and multiplies by $\mathbf{b}$ in place. `geglu_derivative`'s "
        r"two partial derivatives are $\operatorname{GELU}'(a)\,b$ (this handbook's `gelu_derivative`) and "
        r"$\operatorname{GELU}(a)$, which `gated_jacobian` from the GLU page puts into the Jacobian. "
        r"`geglu_vjp` never forms the Jacobian: it allocates the result with `np.empty_like` (in the common "
        r"type of x and g, from `np.result_type`) and writes "
        r"$g \otimes b \otimes \operatorname{GELU}'(a)$ and $g \otimes \operatorname{GELU}(a)$ straight into its "
        r"two halves (`np.multiply`), $O(1)$ per element. "
        r"The products run under `np.errstate`: a product beyond the largest float is inf (the correctly "
        r"rounded result), and 0·∞ (a closed gate and an infinite factor) is NaN, as in the frameworks, "
        r"without a warning.",
    ),
    speed_exemption="It calls the gelu kernel (see gelu), exempt for the same reason: no fast, accurate erfc "
    "in NumPy or SciPy.",
))
