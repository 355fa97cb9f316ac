"""Tanh (hyperbolic tangent)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, FrameworkName, Properties, Reference, Text


@elementwise
def tanh(x: np.ndarray) -> np.ndarray:
    r"""Hyperbolic tangent, element-wise.

    .. math:: \tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``, values in [-1, 1].

    Notes
    -----
    The quotient of exponentials is NaN (inf/inf) for |x| > 710 and rounds
    tanh(1e-20) to 0. ``np.tanh`` is a correctly designed primitive: it
    returns x itself for tiny x and ±1 in the tails.

    Examples
    --------
    >>> tanh([-1000.0, 1e-20, 1000.0])
    array([-1.e+00,  1.e-20,  1.e+00])
    """
    return np.tanh(x)  # the library primitive: accurate near 0 and in the tails


@elementwise
def tanh_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of tanh with respect to x, element-wise.

    .. math:: \tanh'(x) = 1 - \tanh^2(x) = \operatorname{sech}^2(x) = \frac{1}{\cosh^2(x)}

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`tanh`).

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``, values in [0, 1].

    Notes
    -----
    ``1 - tanh(x)**2`` cancels to 0 for |x| > 19 although the true value is
    about 4e^{-2|x|}. ``1 / cosh(x)**2`` has no subtraction and keeps a
    small relative error for every x; ``cosh`` overflows only where tanh'
    is below the smallest subnormal.

    Examples
    --------
    >>> tanh_derivative([0.0, 20.0])
    array([1.0000000e+00, 1.6993417e-17])
    """
    with np.errstate(over="ignore"):  # cosh(x) = inf only where tanh' underflows to 0 anyway
        out = np.cosh(x)
    np.reciprocal(out, out=out)
    np.square(out, out=out)  # sech^2(x): no cancellation, unlike 1 - tanh^2
    return out


def _naive(x: np.ndarray) -> np.ndarray:
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    return 1 - _naive(x) ** 2


SPEC = register(Activation(
    name="tanh",
    slug="tanh",
    order=20,
    title=Text("Tanh", "Tanh"),
    full_name=Text("双曲正切函数", "hyperbolic tangent"),
    summary=Text(
        "把实数压到 (−1, 1)，输出以零为中心；两端饱和。",
        "Squashes a real number into (−1, 1) with zero-centred output; saturates on "
        "both sides.",
    ),
    forward=tanh,
    derivative=tanh_derivative,
    latex=r"\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
    latex_derivative=r"\tanh'(x) = 1 - \tanh^{2}(x) = \frac{4}{\left(e^{x} + e^{-x}\right)^{2}}",
    parameters=(),
    properties=Properties(
        range=r"(-1,\ 1)",
        monotonic=True,
        smoothness=r"C^\infty",
        zero_centred=True,
        saturation=("soft", "soft"),
        bounded="both",
        lower=-1.0,
        upper=1.0,
        note=Text(
            "导数最大值为 tanh'(0) = 1；tanh(x) = 2σ(2x) − 1。",
            "The derivative peaks at tanh'(0) = 1; tanh(x) = 2σ(2x) − 1.",
        ),
    ),
    kink=None,
    references=(
        Reference(
            "Yann LeCun, Léon Bottou, Genevieve B. Orr, Klaus-Robert Müller", 1998,
            "Efficient BackProp",
            "Neural Networks: Tricks of the Trade, LNCS 1524, 9–50",
            "https://doi.org/10.1007/3-540-49430-8_2",
        ),
        Reference(
            "Xavier Glorot, Yoshua Bengio", 2010,
            "Understanding the difficulty of training deep feedforward neural networks",
            "AISTATS 2010, PMLR 9, 249–256", "https://proceedings.mlr.press/v9/glorot10a.html",
        ),
    ),
    frameworks=(
        FrameworkName("PyTorch", "torch.tanh", "(input)", "torch.nn.Tanh()"),
        FrameworkName("Keras", "keras.activations.tanh", "(x)"),
        FrameworkName("JAX", "jax.nn.tanh", "(x)"),  # an alias of jax.numpy.tanh
    ),
    torch_difference=None,
    accuracy_note=Text(
        "PyTorch 的反向传播按 1 − tanh² 计算，|x| ≳ 19（float64）时梯度变成 0，"
        "而真值约为 $4e^{-2|x|}$；因此测试导数时以 mpmath 参考值为准，只在普通点上与 torch 比较。",
        "PyTorch's backward computes 1 − tanh², which is 0 for |x| ≳ 19 (float64) where "
        "the true value is about $4e^{-2|x|}$; the tests hold the derivative to the mpmath "
        "reference and compare with torch only at ordinary points.",
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(1e-20, 20.0, 711.0),
    plot_range=(-5.0, 5.0),
))
