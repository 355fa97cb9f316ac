"""SoftPlus."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise, real_param
from .._registry import register
from .._spec import Activation, FrameworkName, Parameter, Properties, Reference, Text
from .sigmoid import sigmoid


def _scaled_abs(x: np.ndarray, beta: float) -> np.ndarray:
    """beta * |x| in a new array; inf where the product overflows."""
    out = np.abs(x)
    with np.errstate(over="ignore"):  # beta*|x| = inf is right here: it only feeds exp(-.)
        np.multiply(out, beta, out=out)
    return out


@elementwise
def softplus(x: np.ndarray, beta: float = 1.0) -> np.ndarray:
    r"""SoftPlus, a smooth approximation of ReLU, element-wise.

    .. math:: \operatorname{SoftPlus}(x) = \frac{1}{\beta}\,\ln\!\left(1 + e^{\beta x}\right)

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.
    beta : float, default 1.0
        Sharpness: larger beta brings SoftPlus closer to ReLU. Must be > 0.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [0, inf].

    Raises
    ------
    ValueError
        If ``beta`` is not finite or not > 0.

    Notes
    -----
    ``log(1 + exp(x))`` is inf above x = 709 and 0 below x = -37, where the
    answer is about e^x. The identity

    .. math:: \ln(1 + e^{z}) = \max(z, 0) + \ln\!\left(1 + e^{-|z|}\right)

    needs only ``exp(-|z|)`` in (0, 1], and ``log1p`` keeps the tiny values.
    Unlike ``torch.nn.functional.softplus`` there is no ``threshold``: the
    result is accurate for every x, not replaced by x above a cut-off.
    With a beta that is not a power of 2, the product beta*x is rounded
    before ``exp``, so in the negative tail the error grows to about |beta x|
    ulp (measured: up to ~400 ulp at beta*x = -700 in float64); at beta = 1
    it stays within a few ulp everywhere.

    Examples
    --------
    >>> softplus([-800.0, 0.0, 800.0])
    array([0.00000000e+00, 6.93147181e-01, 8.00000000e+02])
    """
    b = real_param(beta, "beta", positive=True)
    t = _scaled_abs(x, b)  # |beta x|
    np.negative(t, out=t)
    np.exp(t, out=t)  # exp(-|beta x|) in (0, 1]: never overflows
    np.log1p(t, out=t)  # log(1 + tiny) without losing tiny
    np.divide(t, b, out=t)
    out = np.maximum(x, 0)  # max(x, 0); NaN stays NaN
    np.add(out, t, out=out)
    return out


@elementwise
def softplus_derivative(x: np.ndarray, beta: float = 1.0) -> np.ndarray:
    r"""Derivative of SoftPlus with respect to x, element-wise.

    .. math:: \operatorname{SoftPlus}'(x) = \frac{1}{1 + e^{-\beta x}} = \sigma(\beta x)

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`softplus`).
    beta : float, default 1.0
        See :func:`softplus`.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [0, 1].

    Examples
    --------
    >>> softplus_derivative([-800.0, 0.0, 800.0])
    array([0. , 0.5, 1. ])
    """
    b = real_param(beta, "beta", positive=True)
    if b == 1:
        return sigmoid(x)  # the common case: no product to form
    z = _scaled_abs(x, b)
    np.copysign(z, x, out=z)  # beta * x, with overflow to ±inf allowed
    return sigmoid(z)  # the stable sigmoid of the SoftPlus page's neighbour


def _naive(x: np.ndarray, beta: float = 1.0) -> np.ndarray:
    return np.log(1 + np.exp(beta * x)) / beta


def _naive_derivative(x: np.ndarray, beta: float = 1.0) -> np.ndarray:
    return 1 / (1 + np.exp(-beta * x))


SPEC = register(Activation(
    name="softplus",
    slug="softplus",
    order=60,
    title=Text("SoftPlus", "SoftPlus"),
    full_name=Text("SoftPlus 函数（ReLU 的平滑近似）", "softplus, a smooth approximation of ReLU"),
    summary=Text(
        "ReLU 的平滑近似，处处可导，导数恰好是 Sigmoid。",
        "A smooth approximation of ReLU, differentiable everywhere; its derivative is "
        "the sigmoid.",
    ),
    forward=softplus,
    derivative=softplus_derivative,
    latex=r"\operatorname{SoftPlus}(x) = \frac{1}{\beta}\ln\!\left(1 + e^{\beta x}\right)",
    latex_derivative=r"\operatorname{SoftPlus}'(x) = \frac{e^{\beta x}}{1 + e^{\beta x}}"
    r" = \frac{1}{1 + e^{-\beta x}} = \sigma(\beta x)",
    parameters=(
        Parameter(
            "beta", r"\beta", 1.0, r"\beta > 0",
            Text("锐度：β 越大越接近 ReLU", "sharpness: the larger β, the closer to ReLU"),
            check=lambda v: v > 0,
        ),
    ),
    properties=Properties(
        range=r"(0,\ +\infty)",
        monotonic=True,
        smoothness=r"C^\infty",
        zero_centred=False,
        saturation=("soft", "none"),
        bounded="below",
        lower=0.0,
        upper=float("inf"),
        note=Text("SoftPlus(0) = ln 2 / β；SoftPlus(x) − SoftPlus(−x) = x。",
                  "SoftPlus(0) = ln 2 / β; SoftPlus(x) − SoftPlus(−x) = x."),
    ),
    kink=None,
    references=(
        Reference(
            "Charles Dugas, Yoshua Bengio, François Bélisle, Claude Nadeau, René Garcia", 2001,
            "Incorporating second-order functional knowledge for better option pricing",
            "Advances in Neural Information Processing Systems 13, 472–478",
            "https://papers.nips.cc/paper_files/paper/2000/hash/"
            "44968aece94f667e4095002d140b5896-Abstract.html",
        ),
        Reference(
            "Xavier Glorot, Antoine Bordes, Yoshua Bengio", 2011,
            "Deep sparse rectifier neural networks",
            "AISTATS 2011, PMLR 15, 315–323", "https://proceedings.mlr.press/v15/glorot11a.html",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.nn.functional.softplus", "(input, beta=1.0, threshold=20.0)",
            "torch.nn.Softplus(beta=1.0, threshold=20.0)",
            Text("βx > threshold 时 PyTorch 直接返回 x，相对误差约 $e^{-20}/20 \\approx 10^{-10}$；"
                 "本包没有 threshold，对每个 x 都精确。",
                 "Where βx > threshold PyTorch returns x itself, a relative error of about "
                 "$e^{-20}/20 \\approx 10^{-10}$; this package has no threshold and is accurate for "
                 "every x."),
        ),
        FrameworkName("Keras", "keras.activations.softplus", "(x)",
                      difference=Text("没有 β 参数（相当于 β = 1）。", "No β parameter (β = 1).")),
        FrameworkName("JAX", "jax.nn.softplus", "(x)",
                      difference=Text("没有 β 参数（相当于 β = 1），按 logaddexp(x, 0) 计算。",
                                      "No β parameter (β = 1); computed as logaddexp(x, 0).")),
    ),
    torch_difference=Text(
        "没有 PyTorch 的 threshold 参数：PyTorch 在 βx > 20 时把结果换成 x，本包对每个 x 都按精确公式计算。",
        "There is no threshold parameter: PyTorch replaces the result by x where βx > 20 "
        "(by default); this package computes the exact value for every x.",
    ),
    accuracy_note=None,
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-40.0, 800.0, -800.0),
    plot_range=(-5.0, 5.0),
))
