"""LeakyReLU (leaky rectified linear unit)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise, real_param
from .._registry import register
from .._spec import Activation, FrameworkName, Parameter, Properties, Reference, Text


@elementwise
def leaky_relu(x: np.ndarray, negative_slope: float = 0.01) -> np.ndarray:
    r"""Leaky rectified linear unit, element-wise.

    .. math:: \operatorname{LeakyReLU}(x) = \begin{cases} x & x > 0 \\ a\,x & x \le 0 \end{cases}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.
    negative_slope : float, default 0.01
        The slope a for x <= 0. Any finite real number.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``. Exact: one rounding of ``a * x``.

    Raises
    ------
    ValueError
        If ``negative_slope`` is not finite.

    Examples
    --------
    >>> leaky_relu([-2.0, 0.0, 3.0])
    array([-0.02,  0.  ,  3.  ])
    """
    a = real_param(negative_slope, "negative_slope")
    if a == 0:
        return np.maximum(x, 0)  # slope 0 is ReLU; a * x would give 0 * (-inf) = NaN
    out = x * a  # the negative branch, a * x (NaN stays NaN)
    # x for x > 0 and a x for x <= 0 is the larger of the two when a <= 1 and the
    # smaller when a > 1: no mask needed (at x = 0 both give a x, sign of zero included).
    (np.maximum if a <= 1 else np.minimum)(x, out, out=out)
    return out


@elementwise
def leaky_relu_derivative(x: np.ndarray, negative_slope: float = 0.01) -> np.ndarray:
    r"""Derivative of LeakyReLU with respect to x, element-wise.

    .. math:: \operatorname{LeakyReLU}'(x) = \begin{cases} 1 & x > 0 \\ a & x \le 0 \end{cases}

    At the kink x = 0 the value is ``negative_slope``, as PyTorch autograd gives it.

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`leaky_relu`).
    negative_slope : float, default 0.01
        The slope a for x <= 0. Any finite real number.

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``, values 1 or ``negative_slope``.

    Examples
    --------
    >>> leaky_relu_derivative([-2.0, 0.0, 3.0])
    array([0.01, 0.01, 1.  ])
    """
    a = real_param(negative_slope, "negative_slope")
    out = np.sign(x)  # -1, 0 or 1; NaN for NaN
    if 0 <= a <= 1:
        np.maximum(out, a, out=out)  # 1 for x > 0, a for x <= 0
        return out
    step = np.maximum(out, 0, out=out)  # 1 for x > 0, 0 for x <= 0
    out = 1 - step
    np.multiply(out, a, out=out)
    np.add(out, step, out=out)  # a (1 - step) + step: exactly a or 1
    return out


def _naive(x: np.ndarray, negative_slope: float = 0.01) -> np.ndarray:
    return np.where(x < 0, negative_slope, x)  # the seed's bug: a instead of a * x


def _naive_derivative(x: np.ndarray, negative_slope: float = 0.01) -> np.ndarray:
    return np.where(x < 0, negative_slope, 1)


SPEC = register(Activation(
    name="leaky_relu",
    slug="leaky-relu",
    order=40,
    title=Text("LeakyReLU", "LeakyReLU"),
    full_name=Text("带泄露线性整流函数", "leaky rectified linear unit"),
    summary=Text(
        "负半轴保留一个小斜率，梯度不再为 0，缓解神经元死亡。",
        "Keeps a small slope for negative input, so the gradient is never 0 and units "
        "do not die.",
    ),
    forward=leaky_relu,
    derivative=leaky_relu_derivative,
    latex=r"\operatorname{LeakyReLU}(x) = \begin{cases} x, & x > 0 \\ a\,x, & x \le 0 \end{cases}",
    latex_derivative=r"\operatorname{LeakyReLU}'(x) = \begin{cases} 1, & x > 0 \\ a, & x \le 0 \end{cases}",
    parameters=(
        Parameter(
            "negative_slope", "a", 0.01, r"a \in \mathbb{R},\ |a| < \infty",
            Text("负半轴斜率：x ≤ 0 时的斜率，通常取 0.01～0.3",
                 "negative slope: the slope for x ≤ 0, usually 0.01 to 0.3"),
        ),
    ),
    properties=Properties(
        range=r"(-\infty,\ +\infty)",
        monotonic=True,
        smoothness=r"C^0",
        zero_centred=False,
        saturation=("none", "none"),
        bounded="none",
        lower=float("-inf"),
        upper=float("inf"),
        note=Text("单调性要求 a ≥ 0；a = 0 时退化为 ReLU。",
                  "Monotonic for a ≥ 0; a = 0 gives ReLU."),
    ),
    kink=Text(
        "x = 0 处不可导，本包取 LeakyReLU'(0) = a（即 negative_slope），与 PyTorch 自动求导一致。",
        "LeakyReLU is not differentiable at x = 0; this package uses LeakyReLU'(0) = a "
        "(negative_slope), as PyTorch autograd does.",
    ),
    references=(
        Reference(
            "Andrew L. Maas, Awni Y. Hannun, Andrew Y. Ng", 2013,
            "Rectifier nonlinearities improve neural network acoustic models",
            "ICML 2013 Workshop on Deep Learning for Audio, Speech and Language Processing",
            "https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf",
        ),
        Reference(
            "Bing Xu, Naiyan Wang, Tianqi Chen, Mu Li", 2015,
            "Empirical evaluation of rectified activations in convolutional network",
            "arXiv:1505.00853", "https://arxiv.org/abs/1505.00853",
        ),
    ),
    frameworks=(
        FrameworkName("PyTorch", "torch.nn.functional.leaky_relu",
                      "(input, negative_slope=0.01, inplace=False)",
                      "torch.nn.LeakyReLU(negative_slope=0.01)"),
        FrameworkName(
            "Keras", "keras.activations.leaky_relu", "(x, negative_slope=0.2)",
            "keras.layers.LeakyReLU(negative_slope=0.3)",
            Text("默认斜率不同：函数是 0.2，层是 0.3，而 PyTorch 和本包是 0.01。",
                 "Different default slope: 0.2 for the function and 0.3 for the layer, "
                 "against 0.01 in PyTorch and here."),
        ),
        FrameworkName("JAX", "jax.nn.leaky_relu", "(x, negative_slope=0.01)"),
    ),
    torch_difference=None,
    accuracy_note=None,
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-3.0, -100.0),
    plot_range=(-4.0, 4.0),
))
