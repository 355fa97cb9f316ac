"""ELU (exponential linear unit)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise, real_param
from .._registry import register
from .._spec import Activation, FrameworkName, Parameter, Properties, Reference, Text


@elementwise
def elu(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    r"""Exponential linear unit, element-wise.

    .. math:: \operatorname{ELU}(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.
    alpha : float, default 1.0
        The value -alpha that ELU approaches as x -> -inf. Any finite real number.

    Returns
    -------
    numpy.ndarray
        Same shape and dtype as ``x``.

    Raises
    ------
    ValueError
        If ``alpha`` is not finite.

    Notes
    -----
    ``exp(x) - 1`` cancels near 0: for x = 1e-10 it keeps only 7 correct
    digits, and for x = 1e-17 it gives 0. ``np.expm1`` computes e^x - 1
    without forming e^x. The exponential is only taken of min(x, 0), so
    large positive x cannot overflow in the branch that is thrown away.

    Examples
    --------
    >>> elu([-1e-17, 0.0, 2.0])
    array([-1.e-17,  0.e+00,  2.e+00])
    """
    a = real_param(alpha, "alpha")
    out = np.minimum(x, 0)  # only x <= 0 needs the exponential: no overflow
    np.expm1(out, out=out)  # e^x - 1 without cancellation near 0
    np.multiply(out, a, out=out)  # alpha (e^x - 1) for x <= 0, and 0 for x > 0
    np.add(out, np.maximum(x, 0), out=out)  # + x for x > 0: each sum has an exact 0 in it
    return out


@elementwise
def elu_derivative(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    r"""Derivative of ELU with respect to x, element-wise.

    .. math:: \operatorname{ELU}'(x) = \begin{cases} 1 & x > 0 \\ \alpha\,e^{x} & x \le 0 \end{cases}

    At x = 0 the value is alpha, as PyTorch autograd gives it (for the
    default alpha = 1 both one-sided derivatives are 1).

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`elu`).
    alpha : float, default 1.0
        See :func:`elu`.

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``.

    Examples
    --------
    >>> elu_derivative([-1.0, 0.0, 2.0])
    array([0.36787944, 1.        , 1.        ])
    """
    a = real_param(alpha, "alpha")
    out = np.minimum(x, 0)  # exp of min(x, 0) cannot overflow
    np.exp(out, out=out)
    if a != 1:
        np.multiply(out, a, out=out)  # alpha * e^x for x <= 0, alpha for x > 0
    if 0 <= a <= 1:
        np.maximum(out, x > 0, out=out)  # 1 for x > 0 (alpha <= 1), alpha e^x >= 0 for x <= 0
        return out
    step = np.greater(x, 0, out=np.empty_like(x))  # 1 for x > 0, 0 for x <= 0
    np.multiply(out, 1 - step, out=out)
    np.add(out, step, out=out)  # alpha e^x (1 - step) + step: exactly one of the two
    return out


def _naive(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    return np.where(x < 0, alpha * (np.exp(x) - 1), x)


def _naive_derivative(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    return np.where(x < 0, alpha * np.exp(x), 1)


SPEC = register(Activation(
    name="elu",
    slug="elu",
    order=50,
    title=Text("ELU", "ELU"),
    full_name=Text("指数线性单元", "exponential linear unit"),
    summary=Text(
        "负半轴用指数平滑地趋向 −α，输出均值更接近零；正半轴为恒等。",
        "Approaches −α smoothly for negative input, pulling mean activations towards "
        "zero; the identity for positive input.",
    ),
    forward=elu,
    derivative=elu_derivative,
    latex=r"\operatorname{ELU}(x) = \begin{cases} x, & x > 0 \\ \alpha\left(e^{x} - 1\right), & x \le 0 \end{cases}",
    latex_derivative=r"\operatorname{ELU}'(x) = \begin{cases} 1, & x > 0 \\ \alpha\,e^{x}, & x \le 0 \end{cases}",
    parameters=(
        Parameter(
            "alpha", r"\alpha", 1.0, r"\alpha \in \mathbb{R},\ |\alpha| < \infty",
            Text("x → −∞ 时 ELU 趋向 −α，决定负半轴的饱和值；通常取 α > 0",
                 "ELU tends to −α as x → −∞: the saturation value for negative input; usually α > 0"),
        ),
    ),
    properties=Properties(
        range=r"(-\alpha,\ +\infty)",
        monotonic=True,
        smoothness=r"C^1\ (\alpha = 1);\ C^0\ (\alpha \ne 1)",
        zero_centred=False,
        saturation=("soft", "none"),
        bounded="below",
        lower=-1.0,
        upper=float("inf"),
        note=Text("单调性要求 α ≥ 0。α = 1 时导数在 0 处连续，函数为 C¹。",
                  "Monotonic for α ≥ 0. With α = 1 the derivative is continuous at 0 and "
                  "ELU is C¹."),
    ),
    kink=Text(
        "α ≠ 1 时 x = 0 处不可导；本包取 ELU'(0) = α，与 PyTorch 自动求导一致。默认 α = 1 时两侧导数都是 1。",
        "For α ≠ 1, ELU is not differentiable at x = 0; this package uses ELU'(0) = α, "
        "as PyTorch autograd does. At the default α = 1 both one-sided derivatives are 1.",
    ),
    references=(
        Reference(
            "Djork-Arné Clevert, Thomas Unterthiner, Sepp Hochreiter", 2016,
            "Fast and accurate deep network learning by exponential linear units (ELUs)",
            "ICLR 2016", "https://arxiv.org/abs/1511.07289",
        ),
    ),
    frameworks=(
        FrameworkName("PyTorch", "torch.nn.functional.elu", "(input, alpha=1.0, inplace=False)",
                      "torch.nn.ELU(alpha=1.0)"),
        FrameworkName("Keras", "keras.activations.elu", "(x, alpha=1.0)", "keras.layers.ELU(alpha=1.0)"),
        FrameworkName("JAX", "jax.nn.elu", "(x, alpha=1.0)"),
    ),
    torch_difference=None,
    accuracy_note=None,
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(-1e-10, -1e-17, 1000.0),
    plot_range=(-4.0, 4.0),
))
