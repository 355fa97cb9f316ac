"""The spec: every fact the handbook shows about one activation function.

Each module in :mod:`activations.functions` builds one :class:`Activation` and
registers it. The site, the plots and the tests all read these objects, so a
fact is written exactly once, here in the package.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Literal, get_args

import numpy as np

LANGUAGES = ("zh", "en")

#: How far a function is bounded: below and above, below only, above only, or not at all.
Bounded = Literal["both", "below", "above", "none"]
#: How the derivative goes to 0 on one side (x -> -inf or x -> +inf):
#: "soft": f'(x) -> 0 but f'(x) != 0 at every finite x (sigmoid, tanh, ELU's negative side);
#: "hard": f'(x) = 0 exactly on a whole half-line (ReLU for x < 0);
#: "none": f' does not go to 0 (ReLU for x > 0, LeakyReLU on both sides).
Saturation = Literal["soft", "hard", "none"]

#: What kind of function a spec describes; the hooks, plots and tests branch on it, never on a name:
#: "elementwise": one input, one output (f and f' drawn over x by default);
#: "normalizer": along an axis, each output depends on the whole row (softmax);
#: "gated": x is split along an axis into halves a and b, and out_i = F(a_i, b_i) (GLU).
Kind = Literal["elementwise", "normalizer", "gated"]

#: The frameworks every frameworks table names, in the order shown.
FRAMEWORKS = ("PyTorch", "Keras", "JAX", "PaddlePaddle", "MindSpore")
Framework = Literal["PyTorch", "Keras", "JAX", "PaddlePaddle", "MindSpore"]
#: The versions the frameworks tables describe: for the first four, the installed libraries that
#: tests/test_frameworks.py measures (it checks these are the installed versions); for MindSpore,
#: the version of the documentation its rows are read from (it is not installed or run).
FRAMEWORK_VERSIONS = {"PyTorch": "2.13.0", "Keras": "3.15.1", "JAX": "0.10.2", "PaddlePaddle": "3.3.1",
                      "MindSpore": "2.5.0"}
#: The backend Keras 3 runs on in those tests.
KERAS_BACKEND = "jax"


@dataclass(frozen=True)
class Text:
    """One piece of prose in both languages of the site."""

    zh: str
    en: str

    def __post_init__(self) -> None:
        for lang in LANGUAGES:
            if not getattr(self, lang).strip():
                raise ValueError(f"Text is missing its {lang!r} version: {self!r}")

    def __getitem__(self, lang: str) -> str:
        if lang not in LANGUAGES:
            raise KeyError(f"unknown language {lang!r}; known: {', '.join(LANGUAGES)}")
        return getattr(self, lang)


@dataclass(frozen=True)
class Parameter:
    """A hyper-parameter of the function, named and defaulted as in PyTorch."""

    name: str  # the Python keyword, e.g. "negative_slope"
    symbol: str  # LaTeX symbol used in the formulas, e.g. r"\alpha"; "" if it has none (softmax's axis)
    #: A number, or a string naming one of a few variants (GELU's approximate="none"); a string
    #: parameter is checked with choice_param and ``check`` says which strings it accepts.
    default: float | int | str
    #: LaTeX condition on the value, e.g. r"\beta > 0"; for a string parameter the accepted
    #: strings in LaTeX, e.g. r'\texttt{"none"},\ \texttt{"tanh"}'
    valid: str
    meaning: Text
    check: Callable[[Any], bool] = field(repr=False, default=lambda v: True)


@dataclass(frozen=True)
class Properties:
    """Properties shown in the table on each page and checked by the tests."""

    range: str  # LaTeX of the image of f at the default parameters
    monotonic: bool  # f' >= 0 everywhere (for softmax: in its own logit)
    #: LaTeX class, e.g. r"C^\infty" or r"C^0"; words (a Text) where no C^k class applies, e.g. a
    #: function that jumps ("不连续（在 ±λ 处跳跃）" / "discontinuous (jumps at ±λ)").
    smoothness: str | Text
    zero_centred: bool  # f is odd, f(-x) = -f(x): inputs symmetric about 0 give outputs with mean 0
    saturation: tuple[Saturation, Saturation]  # (x -> -inf side, x -> +inf side); see Saturation
    bounded: Bounded
    lower: float  # infimum of f at the default parameters, the value the tests hold f to
    upper: float  # supremum of f at the default parameters
    note: Text | None = None  # anything the six fields cannot say


@dataclass(frozen=True)
class Reference:
    """A paper or book behind the function."""

    authors: str
    year: int
    title: str
    venue: str
    url: str


@dataclass(frozen=True)
class Deviation:
    """One special input where a framework's value differs from this package's.

    Measured by ``tests/test_frameworks.py``: the declared deviations of a framework must be
    exactly the ones the installed framework shows, so a stale or a missing one fails.
    """

    quantity: Literal["f", "df"]  # the forward, or its derivative (the framework's autograd)
    x: float | tuple[float, ...]  # the input (a row of logits for a function that is not element-wise)
    #: What the framework returns there, in float64: f(x) or f'(x); for a row of logits the
    #: output row, or the Jacobian as a tuple of its rows (J[i][j] = d out_i / d x_j).
    value: float | tuple[float, ...] | tuple[tuple[float, ...], ...]
    #: The relative spread of the framework's value between the CPUs it was measured on, where
    #: its vectorized kernels round differently (AVX2 or AVX-512); 0: the same everywhere. The
    #: test accepts a measured value within it; the deviation itself must still be there.
    varies: float = 0.0
    #: The exception the framework raises there instead of returning a value (e.g.
    #: "RuntimeError"); ``value`` is then NaN.
    raises: str | None = None


@dataclass(frozen=True)
class FrameworkName:
    """How one framework spells the function, what its defaults are, and where it differs.

    The row says "same" only where ``difference`` is None and ``deviations`` is empty; the
    framework tests prove that claim on special inputs against the installed framework. A
    framework that is not installed (MindSpore) has no ``call`` and no ``deviations``: its row
    names the documentation it comes from in ``source``.
    """

    framework: Framework
    functional: str  # e.g. "torch.nn.functional.elu"
    signature: str  # parameters and defaults as the framework writes them
    module: str | None = None  # layer/module form, e.g. "torch.nn.ELU"
    difference: Text | None = None  # names, defaults, conventions: how it differs, in words
    #: A one-line call at the framework's defaults, as a reader writes it, e.g. "jax.nn.elu(x)";
    #: the tests evaluate it (x a framework array) against this package at ``params``.
    call: str | None = None
    #: This package's parameters that equal the framework's defaults, where those differ from
    #: this package's own defaults (e.g. Keras' leaky_relu: {"negative_slope": 0.2}).
    params: tuple[tuple[str, float | str], ...] = ()
    deviations: tuple[Deviation, ...] = ()  # special inputs where its value differs (see Deviation)
    source: str | None = None  # the documentation page names and defaults come from, if not installed (MindSpore)
    #: PyTorch only: the ATen op its autograd calls for the backward pass, as an expression in
    #: g (the incoming gradient), x (the input), y (the saved output) and the parameters by name,
    #: e.g. "torch.ops.aten.sigmoid_backward(g, y)": what scripts/benchmark.py times the
    #: derivative against (without it, autograd's forward and backward together).
    backward: str | None = None
    #: The framework does not ship the function: ``functional`` and ``call`` are the shortest
    #: correct composition of its operations (tested like any call), and the row says so.
    composed: bool = False
    #: The largest absolute error measured at ordinary points (|x| <= 15), where the framework's
    #: formula is less accurate than 8 ulp + 8 eps (shown in the table; test_frameworks.py holds
    #: the row to it, and to not overstating it more than tenfold). None: no such loss.
    ordinary_error: float | None = None
    #: The framework does not ship the function but a package built on it does (the entmax
    #: package on PyTorch): ``functional`` and ``call`` are that package's, which is pinned in
    #: requirements.txt and tested like the framework; the row's difference names it.
    package: str | None = None
    #: The framework ships nothing that computes the function and no short composition of its
    #: operations does (1.5-entmax's sorted support search): ``functional`` is "" (shown as —),
    #: the difference says so, and for an installed framework a test checks that no namespace
    #: of its activations has the name.
    missing: bool = False

    def __post_init__(self) -> None:
        if self.deviations and self.difference is None:
            raise ValueError(f"{self.functional}: deviations need a difference that explains them")
        if self.missing:
            if self.functional or self.signature or self.call or self.deviations or self.difference is None:
                raise ValueError(f"{self.framework}: a missing row has no functional, signature, call or "
                                 "deviations, and a difference that says so")
            return
        if (self.call is None) == (self.source is None):
            raise ValueError(f"{self.functional}: a row has exactly one of call (tested) and source (documented)")
        if self.deviations and self.call is None:
            raise ValueError(f"{self.functional}: deviations are measured, so they need a call")


@dataclass(frozen=True)
class Elsewhere:
    """A library outside the five frameworks that ships the function (model code, MLX), under
    its own name: named on the page from its source or documentation, values not tested."""

    library: str  # e.g. "Hugging Face Transformers"
    name: str  # e.g. "transformers.activations.QuickGELUActivation"
    source: str  # the page the name comes from (a tagged source file or versioned docs)
    note: Text | None = None  # how it differs from this package's definition, if it does

    def __post_init__(self) -> None:
        if not self.source.startswith("https://"):
            raise ValueError(f"{self.name}: source must be an https URL")


@dataclass(frozen=True)
class Figure:
    """A plot a module declares for its function, drawn by scripts/plots.py into
    ``docs/img/generated/<stem>-{light,dark}.svg`` and shown in the page's #plots section.

    ``draw(fig, theme, colours)`` fills a matplotlib Figure: ``theme`` maps "text", "grid", "f",
    "df", "accent" and "muted" to the palette's colours, ``colours`` is a list of distinct line
    colours. Labels are language-neutral (one image serves both languages); ``alt`` describes it.
    """

    stem: str  # file stem, e.g. "softmax-logit"
    alt: Text  # the image's description, per language
    draw: Callable[[Any, dict[str, str], Sequence[str]], None] = field(repr=False)
    size: tuple[float, float] = (6.4, 3.8)  # inches


@dataclass(frozen=True)
class Activation:
    """Everything the handbook knows about one activation function.

    ``forward(x, **params)`` and ``derivative(x, **params)`` are the tested
    NumPy implementations; the remaining fields are what the site shows.
    """

    name: str  # registry name, e.g. "leaky_relu"
    slug: str  # URL slug, e.g. "leaky-relu"
    order: int  # position in the nav and in every table
    title: Text  # the page title, e.g. "ReLU" / "ReLU"
    full_name: Text  # e.g. "线性整流函数" / "rectified linear unit"
    summary: Text  # one sentence for the overview table
    forward: Callable[..., Any]
    derivative: Callable[..., Any]
    latex: str  # display LaTeX of f, as a textbook writes it
    latex_derivative: str  # display LaTeX of f'
    parameters: tuple[Parameter, ...]
    properties: Properties
    kink: Text | None  # the convention at its points of non-differentiability (kinks), if it has any
    references: tuple[Reference, ...]
    frameworks: tuple[FrameworkName, ...]  # one row per framework of FRAMEWORKS, in that order
    naive_forward: Callable[..., Any]  # the textbook formula, for the numerics section
    naive_derivative: Callable[..., Any]
    numerics_inputs: tuple[float, ...]  # inputs where the textbook formula fails
    plot_range: tuple[float, float]
    kind: Kind = "elementwise"
    vjp: Callable[..., Any] | None = None  # vector-Jacobian product (softmax)
    #: The plots that teach the function. An element-wise function gets f and f' over
    #: plot_range when it declares none; a function of another kind must declare its own.
    figures: tuple[Figure, ...] = ()
    #: Where f' jumps (or f itself does), as a function of the parameters: e.g. for hardtanh
    #: ``lambda min_val=-1.0, max_val=1.0: (min_val, max_val)``. Plots draw the pieces apart and
    #: mark the value used there; tests compare it with the frameworks and keep finite
    #: differences away from it.
    kink_points: Callable[..., tuple[float, ...]] = field(default=lambda **_: (), repr=False)
    #: Where the formula changes piece but f' does not jump (f'' does, e.g. CELU at 0, SparsePlus
    #: at ±1): no convention is needed there, but finite differences must not straddle them and
    #: the framework tests evaluate them. A function of the parameters, like kink_points.
    breakpoints: Callable[..., tuple[float, ...]] = field(default=lambda **_: (), repr=False)
    #: How this package computes f and f' (the primitives, named as `np.<routine>` in code spans,
    #: the identities, the tricks), rendered into the page's #numerics section. Tied to the
    #: kernels by tests/test_implementation_text.py: a kernel rewritten without it fails.
    implementation: Text | None = None  # required (checked below); a default only to keep it last
    #: Why this function cannot come within scripts/benchmark.py's 3x of torch, and what it would
    #: take (the benchmark reports its ratio instead of failing on it). None for nearly all.
    speed_exemption: str | None = None
    #: Why this function's peak memory cannot stay within scripts/benchmark.py's 2.3 x nbytes (one
    #: full-size temporary), and what it would take; the benchmark reports its figure instead.
    memory_exemption: str | None = None
    #: Libraries outside FRAMEWORKS that ship it under their own name (MLX's relu2, Hugging Face's
    #: QuickGELUActivation): listed under the frameworks table, from their source, not tested.
    elsewhere: tuple[Elsewhere, ...] = ()

    def __post_init__(self) -> None:
        names = [p.name for p in self.parameters]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.name}: parameter names repeat: {names}")
        if tuple(f.framework for f in self.frameworks) != FRAMEWORKS:
            raise ValueError(f"{self.name}: frameworks must name {', '.join(FRAMEWORKS)}, in that order")
        if not self.references:
            raise ValueError(f"{self.name}: at least one reference is needed")
        if self.implementation is None:
            raise ValueError(f"{self.name}: implementation (how the kernels compute, zh and en) is required")
        if self.kink is None and self.kink_points(**self.defaults):
            # (a kink only at some parameter values, squareplus' b = 0, still needs its text;
            # tests/test_properties.py checks the text against the parameter cases)
            raise ValueError(f"{self.name}: kink_points without a kink convention (kink)")
        if self.kind not in get_args(Kind):
            raise ValueError(f"{self.name}: kind must be one of {get_args(Kind)}, got {self.kind!r}")
        if self.kind != "elementwise" and not self.figures:
            raise ValueError(f"{self.name}: a function that is not element-wise declares its figures")
        stems = [fig.stem for fig in self.figures]
        if len(set(stems)) != len(stems) or any(not stem.startswith(self.slug) for stem in stems):
            raise ValueError(f"{self.name}: figure stems must be distinct and start with {self.slug!r}: {stems}")

    @property
    def elementwise(self) -> bool:
        """One input, one output: the kind the default plots, tables and tests assume."""
        return self.kind == "elementwise"

    @property
    def defaults(self) -> dict[str, float | str]:
        """The parameters' default values, as keyword arguments."""
        return {p.name: p.default for p in self.parameters}

    @property
    def module(self) -> ModuleType:
        """The module that defines the function (its source is shown on the site)."""
        return sys.modules[self.forward.__module__]

    @property
    def kernels(self) -> list[Callable[..., Any]]:
        """The module's own functions, in source order, but the textbook formulas (``_naive*``):
        what the site shows as the implementation and what ``implementation`` describes."""
        module = self.module
        drawn = {id(fig.draw) for fig in self.figures}  # plotting code is not a kernel
        found = [obj for name, obj in vars(module).items()
                 if inspect.isfunction(obj) and obj.__module__ == module.__name__ and not name.startswith("_naive")
                 and id(obj) not in drawn]
        return sorted(found, key=lambda f: inspect.getsourcelines(f)[1])

    def __call__(self, x: Any, **params: float) -> np.ndarray:
        return self.forward(x, **params)
