"""Identity (the linear activation)."""

from __future__ import annotations

import numpy as np

from .._checks import elementwise
from .._registry import register
from .._spec import Activation, Deviation, FrameworkName, Properties, Reference, Text


@elementwise
def identity(x: np.ndarray) -> np.ndarray:
    r"""The identity function, element-wise: a copy of the input.

    .. math:: f(x) = x

    Parameters
    ----------
    x : array_like
        Input of any shape. float16/32/64 keep their dtype; anything else
        real is computed in float64.

    Returns
    -------
    numpy.ndarray
        A new array of the same shape and dtype as ``x`` with the same
        values. Exact.

    Notes
    -----
    ``np.copy`` returns a new array, never a view of ``x``: writing into the
    result does not change the input, as with every other function here.

    Examples
    --------
    >>> identity([-2.0, 0.0, 3.5])
    array([-2. ,  0. ,  3.5])
    """
    return np.copy(x)  # a new array, not a view of the input


@elementwise
def identity_derivative(x: np.ndarray) -> np.ndarray:
    r"""Derivative of the identity with respect to x, element-wise.

    .. math:: f'(x) = 1

    Parameters
    ----------
    x : array_like
        Input of any shape (see :func:`identity`).

    Returns
    -------
    numpy.ndarray
        Same shape and float dtype as ``x``, all ones; NaN where ``x`` is
        NaN. Exact.

    Notes
    -----
    ``np.clip(x, 1, 1)`` is 1 for every number, ±inf included, and NaN for
    NaN, in one pass: a NaN input stays visible in the derivative.

    Examples
    --------
    >>> identity_derivative([-2.0, 0.0, 3.5])
    array([1., 1., 1.])
    """
    return np.clip(x, 1, 1)  # 1 for every number, NaN for NaN


def _naive(x: np.ndarray) -> np.ndarray:
    return x


def _naive_derivative(x: np.ndarray) -> np.ndarray:
    return np.ones_like(x)


SPEC = register(Activation(
    name="identity",
    slug="identity",
    order=100,
    title=Text("Identity", "Identity"),
    full_name=Text("恒等函数", "identity function (linear activation)"),
    summary=Text(
        "原样输出输入，导数处处为 1：不引入非线性，常用于回归网络的输出层和作为对照的基线。",
        "Returns its input unchanged, with derivative 1 everywhere: no non-linearity; the usual "
        "output of a regression network and the baseline to compare against.",
    ),
    forward=identity,
    derivative=identity_derivative,
    latex=r"f(x) = x",
    latex_derivative=r"f'(x) = 1",
    parameters=(),
    properties=Properties(
        range=r"(-\infty,\ \infty)",
        monotonic=True,
        smoothness=r"C^\infty",
        zero_centred=True,
        saturation=("none", "none"),
        bounded="none",
        lower=-float("inf"),
        upper=float("inf"),
        note=Text("只由恒等激活组成的多层网络整体仍是一个线性（仿射）映射，加深网络不增加表达能力。",
                  "A multi-layer network with identity activations only is still one linear (affine) "
                  "map as a whole: depth adds no expressive power."),
    ),
    kink=None,
    references=(
        Reference(
            "Andrew M. Saxe, James L. McClelland, Surya Ganguli", 2014,
            "Exact solutions to the nonlinear dynamics of learning in deep linear neural networks",
            "ICLR 2014", "https://arxiv.org/abs/1312.6120",
        ),
        Reference(
            "Ian Goodfellow, Yoshua Bengio, Aaron Courville", 2016,
            "Deep Learning, chapter 6: Deep feedforward networks",
            "MIT Press", "https://www.deeplearningbook.org/contents/mlp.html",
        ),
    ),
    frameworks=(
        FrameworkName(
            "PyTorch", "torch.clone", "(input, *, memory_format=torch.preserve_format)",
            module="torch.nn.Identity",
            difference=Text(
                "PyTorch 没有函数形式，只有模块 torch.nn.Identity，它原样返回传入的那个张量（不复制）；"
                "这里用复制输入的 torch.clone。自动求导在 NaN 处给出导数 1（本包为 NaN）。",
                "PyTorch has no functional form, only the module torch.nn.Identity, which returns the "
                "very tensor it is given (no copy); the row uses torch.clone, which copies. At NaN "
                "autograd gives the derivative 1 (this package: NaN)."),
            call="torch.clone(x)",
            deviations=(
                Deviation("df", float("nan"), 1.0),
            ),
        ),
        FrameworkName(
            "Keras", "keras.activations.linear", "(x)",
            module="keras.layers.Identity",
            difference=Text(
                "名字是 linear（激活参数写 activation=None 或 \"linear\"）。NaN 处导数为 1（本包为 NaN）。",
                "It is called linear (activation=None or \"linear\" as a layer's argument). At NaN the "
                "derivative is 1 (this package: NaN)."),
            call="keras.activations.linear(x)",
            deviations=(
                Deviation("df", float("nan"), 1.0),
            ),
        ),
        FrameworkName(
            "JAX", "jax.nn.identity", "(x)",
            difference=Text(
                "NaN 处导数为 1（本包为 NaN）。",
                "At NaN the derivative is 1 (this package: NaN)."),
            call="jax.nn.identity(x)",
            deviations=(
                Deviation("df", float("nan"), 1.0),
            ),
        ),
        FrameworkName(
            "PaddlePaddle", "paddle.clone", "(x, name=None)",
            module="paddle.nn.Identity",
            difference=Text(
                "没有函数形式，只有层 paddle.nn.Identity，它原样返回输入；这里用复制输入的 paddle.clone。"
                "NaN 处导数为 1（本包为 NaN）。",
                "There is no functional form, only the layer paddle.nn.Identity, which returns its "
                "input as it is; the row uses paddle.clone, which copies. At NaN the derivative is 1 "
                "(this package: NaN)."),
            call="paddle.clone(x)",
            deviations=(
                Deviation("df", float("nan"), 1.0),
            ),
        ),
        FrameworkName(
            "MindSpore", "mindspore.ops.deepcopy", "(input_x)",
            module="mindspore.nn.Identity",
            difference=Text(
                "没有恒等激活函数，只有层 mindspore.nn.Identity；函数形式这里写复制输入的 mindspore.ops.deepcopy。",
                "There is no identity activation function, only the layer mindspore.nn.Identity; as a "
                "function, the row names mindspore.ops.deepcopy, which copies its input."),
            source="https://mindspore.cn/docs/zh-CN/r2.5.0/api_python/ops/mindspore.ops.deepcopy.html",
        ),
    ),
    naive_forward=_naive,
    naive_derivative=_naive_derivative,
    numerics_inputs=(float("nan"), float("inf")),
    plot_range=(-3.0, 3.0),
    implementation=Text(
        "前向是 `np.copy(x)`：返回一个新数组，值与输入逐位相同，改动结果不会改到输入。"
        "导数是 `np.clip(x, 1, 1)`：一次遍历，任何数（包括 ±inf）都截成 1，NaN 仍为 NaN，"
        "并保留输入的浮点类型。",
        "The forward pass is `np.copy(x)`: a new array with the input's values bit for bit, so "
        "writing into the result does not change the input. The derivative is `np.clip(x, 1, 1)`: "
        "in one pass every number (±inf included) is clipped to 1, NaN stays NaN, and the input's "
        "float dtype is kept.",
    ),
))
