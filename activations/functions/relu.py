"""ReLU (rectified linear unit)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, FrameworkName, Properties, Reference, Text


@elementwise
def relu(x: np.ndarray) -> np.ndarray:
    r"""Rectified linear unit, element-wise.

    .. math:: \operatorname{ReLU}(x) = \max(0, x)

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``, values in [0, inf]. Exact.

    Notes
    -----
    ``np.maximum`` propagates NaN and keeps the dtype. The mirror-image
    ``np.where(x > 0, x, 0)`` would turn NaN into 0, because NaN > 0 is False.

    Examples
    --------
    >>> relu([-2.0, 0.0, 3.0])
    array([0., 0., 3.])
    """
    return np.maximum(x, 0)  # NaN in gives NaN out


@elementwise
def relu_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of ReLU with respect to x, element-wise.

    .. math:: \operatorname{ReLU}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}

    At the kink x = 0 the value is 0, as PyTorch autograd gives it.

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`relu`).

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x`` (never an integer array), values 0 or 1.

    Examples
    --------
    >>> relu_derivative([-2.0, 0.0, 3.0])
    array([0., 0., 1.])
    """
    out = np.greater(x, 0, out=np.empty_like(x))  # 1 for x > 0, 0 for x <= 0 (and for NaN)
    np.copyto(out, x, where=np.isnan(x))  # NaN in gives NaN out
    return out


def _naive(x: np.ndarray) -> np.ndarray:
    return np.where(x < 0, 0, x)


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    return np.where(x < 0, 0, 1)


SPEC = register(Activation(
    name="relu",
    slug="relu",
    order=30,
    title=Text("ReLU", "ReLU"),
    full_name=Text("线性整流函数（修正线性单元）", "rectified linear unit"),
    summary=Text(
        "负半轴为 0、正半轴为恒等：计算便宜，正半轴不饱和，产生稀疏激活。",
        "Zero for negative input and the identity for positive: cheap, non-saturating "
        "for x > 0, and sparse.",
    ),
    forward=relu,
    derivative=relu_derivative,
    latex=r"\operatorname{ReLU}(x) = \max(0,\ x) = \begin{cases} x, & x > 0 \\ 0, & x \le 0 \end{cases}",
    latex_derivative=r"\operatorname{ReLU}'(x) = \begin{cases} 1, & x > 0 \\ 0, & x \le 0 \end{cases}",
    parameters=(),
    properties=Properties(
        range=r"[0,\ +\infty)",
        monotonic=True,
        smoothness=r"C^0",
        zero_centred=False,
        saturation=("hard", "none"),
        bounded="below",
        lower=0.0,
        upper=float("inf"),
    ),
    kink=Text(
        "x = 0 处不可导，本包取 ReLU'(0) = 0，与 PyTorch 自动求导一致（JAX 同样取 0）。",
        "ReLU is not differentiable at x = 0; this package uses ReLU'(0) = 0, as PyTorch "
        "autograd does (JAX also gives 0).",
    ),
    references=(
        Reference(
            "Kunihiko Fukushima", 1969,
            "Visual feature extraction by a multilayered network of analog threshold elements",
            "IEEE Transactions on Systems Science and Cybernetics 5(4), 322–333",
            "https://doi.org/10.1109/TSSC.1969.300225",
        ),
        Reference(
            "Vinod Nair, Geoffrey E. Hinton", 2010,
            "Rectified linear units improve restricted Boltzmann machines",
            "ICML 2010, 807–814", "https://dl.acm.org/doi/10.5555/3104322.3104425",
        ),
        Reference(
            "Xavier Glorot, Antoine Bordes, Yoshua Bengio", 2011,
            "Deep sparse rectifier neural networks",
            "AISTATS 2011, PMLR 15, 315–323", "https://proceedings.mlr.press/v15/glorot11a.html",
        ),
    ),
    frameworks=(
        FrameworkName("PyTorch", "torch.nn.functional.relu", "(input, inplace=False)",
                      "torch.nn.ReLU(inplace=False)"),
        FrameworkName(
            "Keras", "keras.activations.relu",
            "(x, negative_slope=0.0, max_value=None, threshold=0.0)",
            "keras.layers.ReLU()",
            Text("默认参数下与本包相同；额外的参数可把它变成带泄露、截断或带阈值的版本。",
                 "Identical at its defaults; the extra parameters turn it into a leaky, "
                 "capped or thresholded variant."),
        ),
        FrameworkName("JAX", "jax.nn.relu", "(x)"),
    ),
    torch_difference=None,
    accuracy_note=None,
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(float("nan"), 0.0),
    plot_range=(-4.0, 4.0),
))
