"""Sigmoid (logistic function)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, FrameworkName, Properties, Reference, Text


@elementwise
def sigmoid(x: np.ndarray) -> np.ndarray:
    r"""Logistic sigmoid, element-wise.

    .. math:: \sigma(x) = \frac{1}{1 + e^{-x}}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``, values in [0, 1].

    Notes
    -----
    ``1 / (1 + exp(-x))`` is accurate to a few ulp wherever ``exp(-x)`` is
    finite. It overflows for x < -709.78 (float64) and the formula then gives
    0, while the true value e^x is a subnormal down to x = -745. Only there
    (an exact test, no mask over the whole array) is e^x taken instead.

    Examples
    --------
    >>> sigmoid([-800.0, 0.0, 800.0])
    array([0. , 0.5, 1. ])
    """
    out = np.negative(x)
    with np.errstate(over="ignore"):  # e^{-x} = inf for x < -709 (float64): repaired below
        np.exp(out, out=out)
    overflow = np.isinf(out)
    np.add(out, 1, out=out)
    np.reciprocal(out, out=out)  # 1 / (1 + e^{-x}): a few ulp wherever e^{-x} is finite
    if overflow.any():  # there sigma(x) = e^x / (1 + e^x) rounds to e^x, a subnormal or 0
        out[overflow] = np.exp(x[overflow])
    return out


@elementwise
def sigmoid_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of the sigmoid with respect to x, element-wise.

    .. math:: \sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)
              = \frac{e^{-|x|}}{\bigl(1 + e^{-|x|}\bigr)^2}

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`sigmoid`).

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``, values in [0, 1/4].

    Notes
    -----
    ``s * (1 - s)`` computes the sigmoid again and gives 0 for x >= 37,
    where ``1 - s`` rounds to 0 although the true value is about e^{-x}.
    The form :math:`\sigma'(x) = \tfrac14 \operatorname{sech}^2(x/2)` has no
    subtraction, so its relative error stays at a few ulp for every x;
    ``cosh`` overflows only where sigma' is below the smallest subnormal.

    Examples
    --------
    >>> sigmoid_derivative([0.0, 40.0])
    array([2.50000000e-01, 4.24835426e-18])
    """
    out = np.multiply(x, 0.5)
    with np.errstate(over="ignore"):  # cosh(x/2) = inf only where sigma' underflows to 0 anyway
        np.cosh(out, out=out)
    np.divide(0.5, out, out=out)
    np.square(out, out=out)  # sigma'(x) = (sech(x/2) / 2)^2: products only, no cancellation
    return out


def _naive(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-x))


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    return _naive(x) * (1 - _naive(x))


SPEC = register(Activation(
    name="sigmoid",
    slug="sigmoid",
    order=10,
    title=Text("Sigmoid", "Sigmoid"),
    full_name=Text("Logistic 函数（S 型函数）", "logistic sigmoid"),
    summary=Text(
        "把实数压到 (0, 1)，可读作概率；两端饱和，输出不以零为中心。",
        "Squashes a real number into (0, 1), read as a probability; saturates on both "
        "sides and is not zero-centred.",
    ),
    forward=sigmoid,
    derivative=sigmoid_derivative,
    latex=r"\sigma(x) = \frac{1}{1 + e^{-x}}",
    latex_derivative=r"\sigma'(x) = \frac{e^{-x}}{\left(1 + e^{-x}\right)^{2}}"
    r" = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)",
    parameters=(),
    properties=Properties(
        range=r"(0,\ 1)",
        monotonic=True,
        smoothness=r"C^\infty",
        zero_centred=False,
        saturation=("soft", "soft"),
        bounded="both",
        lower=0.0,
        upper=1.0,
        note=Text(
            "导数最大值为 σ'(0) = 1/4，出现在 x = 0；σ(x) + σ(−x) = 1。",
            "The derivative peaks at σ'(0) = 1/4; σ(x) + σ(−x) = 1.",
        ),
    ),
    kink=None,
    references=(
        Reference(
            "David E. Rumelhart, Geoffrey E. Hinton, Ronald J. Williams", 1986,
            "Learning representations by back-propagating errors",
            "Nature 323, 533–536", "https://doi.org/10.1038/323533a0",
        ),
        Reference(
            "Jun Han, Claudio Moraga", 1995,
            "The influence of the sigmoid function parameters on the speed of "
            "backpropagation learning",
            "IWANN 1995, LNCS 930, 195–201", "https://doi.org/10.1007/3-540-59497-3_175",
        ),
    ),
    frameworks=(
        FrameworkName("PyTorch", "torch.sigmoid", "(input)", "torch.nn.Sigmoid()"),
        FrameworkName("Keras", "keras.activations.sigmoid", "(x)"),
        FrameworkName("JAX", "jax.nn.sigmoid", "(x)"),
    ),
    torch_difference=None,
    accuracy_note=Text(
        "PyTorch 的反向传播按 (1 − σ)·σ 计算，x ≳ 37（float64）时梯度变成 0，"
        "而真值约为 $e^{-x}$；正向计算在 x < −709.78（float64）时返回 0，而真值约为 $e^{x}$（次正规数）。"
        "因此测试以 mpmath 参考值为准，只在普通点上与 torch 比较。",
        "PyTorch's backward computes (1 − σ)·σ, which is 0 for x ≳ 37 (float64) where "
        "the true value is about $e^{-x}$, and its forward returns 0 for x < −709.78 where the "
        "true value is about $e^{x}$, a subnormal. The tests hold this package to the mpmath "
        "reference and compare with torch only at ordinary points.",
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-710.0, 40.0),
    plot_range=(-8.0, 8.0),
))
