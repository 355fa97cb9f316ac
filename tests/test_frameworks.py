"""Every claim of the frameworks tables, measured on the installed frameworks.

For each spec and each installed framework (PyTorch, Keras 3 on the JAX backend, JAX,
PaddlePaddle), in float64: the names resolve, the quoted signature is the framework's real one,
the row's ``call`` (the one-line call at the framework's own defaults) computes this package's
function at the row's ``params`` at ordinary points, and on the special inputs (±0, the kink,
±inf, NaN, the overflow and underflow edges, tiny and huge values, the spec's numerics inputs)
the set of places where the framework's value, or its autograd derivative, differs from this
package is exactly the row's declared ``deviations``: a stale one fails, and so does a missing
one, with the ``Deviation(...)`` to paste. MindSpore is not installed: its rows come from its
documentation (``source``), and only their form is checked here.

The frameworks are pinned test requirements (requirements.txt): imported, never skipped.
"""

from __future__ import annotations

import os
import warnings

os.environ["KERAS_BACKEND"] = "jax"  # Keras 3 on the JAX backend: set before keras is imported
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import importlib
import inspect
import math
import re

import jax

jax.config.update("jax_enable_x64", True)  # float64 arrays stay float64

import jax.numpy as jnp  # noqa: E402
import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402

with warnings.catch_warnings():  # paddle warns at import that ccache (for C++ extensions) is missing
    warnings.simplefilter("ignore", UserWarning)
    import paddle

import entmax  # noqa: E402  (the package on PyTorch that ships sparsemax and 1.5-entmax)

import activations  # noqa: E402
from activations._spec import FRAMEWORK_VERSIONS, FRAMEWORKS, KERAS_BACKEND, Deviation  # noqa: E402

torch.set_num_threads(1)
paddle.set_device("cpu")

SPECS = activations.specs()
EPS = np.finfo(np.float64).eps
IDS = lambda s: s.name  # noqa: E731
INSTALLED = ("PyTorch", "Keras", "JAX", "PaddlePaddle")
#: The module each framework's names start with.
ROOT = {"PyTorch": "torch", "Keras": "keras", "JAX": "jax", "PaddlePaddle": "paddle", "MindSpore": "mindspore"}
INSTALLED_VERSIONS = {"PyTorch": torch.__version__.split("+")[0], "Keras": keras.__version__,
                      "JAX": jax.__version__, "PaddlePaddle": paddle.__version__}
#: This package's parameter name -> the framework's, where they differ.
KEYWORD = {"PyTorch": {"axis": "dim"}, "MindSpore": {"negative_slope": "alpha"}}
#: A framework that takes a flag where this package's string parameter names a variant
#: (jax.nn.gelu's approximate=True): the variant each flag value stands for.
FLAG = {"approximate": {"True": "tanh", "False": "none"}}
NAMESPACE = {"torch": torch, "keras": keras, "jax": jax, "paddle": paddle, "entmax": entmax}
#: Where each installed framework keeps its activations: a row that says the framework ships
#: nothing (``missing``) is checked against these.
ACTIVATION_NAMESPACES = {
    "PyTorch": (torch, torch.nn, torch.nn.functional, torch.special),
    "Keras": (keras.activations, keras.ops, keras.layers),
    "JAX": (jax.nn, jax.numpy, jax.scipy.special),
    "PaddlePaddle": (paddle, paddle.nn, paddle.nn.functional, paddle.incubate.nn.functional),
}

ROWS = [(s, fw) for s in SPECS for fw in s.frameworks if fw.framework in INSTALLED and not fw.missing]
ROW_IDS = [f"{s.name}-{fw.framework}" for s, fw in ROWS]


# --- the special inputs ------------------------------------------------------------------------

#: |x| where exp, the sigmoid or softplus overflow or underflow in float64, tiny and huge values.
EDGES = (88.72, 709.78, 710.0, 745.13, 800.0, 1e-300, 5e-324, 1e300)
#: Ordinary points, and the tails where a derivative computed from a rounded output goes to 0.
POINTS = (0.5, 1.0, 2.5, 10.0, 25.0, 37.0, 40.0)


def special_inputs(spec, params: dict) -> np.ndarray:
    """±0, ±inf, NaN, the edges, the ordinary points and the spec's numerics inputs, each with
    both signs, and every kink and breakpoint at ``params`` with its two neighbouring floats."""
    magnitudes = (*EDGES, *POINTS, *(abs(v) for v in spec.numerics_inputs if math.isfinite(v)))
    xs = [0.0, -0.0, math.inf, -math.inf, math.nan]
    for m in dict.fromkeys(magnitudes):
        xs += [m, -m]
    for k in (*spec.kink_points(**params), *spec.breakpoints(**params)):
        xs += [k, float(np.nextafter(k, -math.inf)), float(np.nextafter(k, math.inf))]
    return np.array(list({float(v).hex(): v for v in xs}.values()))  # distinct, -0.0 kept beside 0.0


#: Rows of logits for softmax: +inf, -inf and NaN entries, rows that overflow exp, and ordinary rows.
SOFTMAX_ROWS = (
    (math.inf, 0.0, math.inf), (math.inf, 0.0), (math.inf, -math.inf), (-math.inf, 0.0, 1.0),
    (-math.inf, -math.inf), (1000.0, 1001.0, 1002.0), (-1000.0, -1000.0), (-1000.0, -999.0, -998.0),
    (math.nan, 0.0, 1.0), (0.0, 0.0, 0.0), (1e300, -1e300), (800.0, 0.0), (-0.5, 1.0, 2.5),
    (1.0, 0.0),  # on the edge of sparsemax's support: p = (1, 0), the second exactly at the threshold
)


# --- evaluating a row's call -------------------------------------------------------------------

def _call(fw):
    code = compile(fw.call, f"<{fw.framework}: {fw.call}>", "eval")
    return lambda x: eval(code, dict(NAMESPACE), {"x": x})


def forward(fw, x: np.ndarray) -> np.ndarray:
    """The framework's value of ``fw.call`` at x (float64), as NumPy."""
    f = _call(fw)
    if fw.framework == "PyTorch":
        with torch.no_grad():
            return f(torch.from_numpy(x.copy())).numpy()
    if fw.framework == "PaddlePaddle":
        with paddle.no_grad():
            return f(paddle.to_tensor(x)).numpy()
    return np.asarray(f(jnp.asarray(x)))  # JAX, and Keras on the JAX backend


def derivative(fw, x: np.ndarray) -> np.ndarray:
    """Element-wise f'(x) by the framework's autograd (the gradient of sum f(x); jax.grad per element)."""
    f = _call(fw)
    if fw.framework == "PyTorch":
        t = torch.from_numpy(x.copy()).requires_grad_(True)
        f(t).sum().backward()
        return t.grad.numpy()
    if fw.framework == "PaddlePaddle":
        t = paddle.to_tensor(x, stop_gradient=False)
        f(t).sum().backward()
        return t.grad.numpy()
    return np.asarray(jax.vmap(jax.grad(f))(jnp.asarray(x)))


def jacobian(fw, row: np.ndarray) -> np.ndarray:
    """J[i, j] = d f(row)_i / d row_j by the framework's autograd."""
    f = _call(fw)
    if fw.framework == "PyTorch":
        return torch.autograd.functional.jacobian(f, torch.from_numpy(row.copy())).numpy()
    if fw.framework == "PaddlePaddle":
        rows = []
        for i in range(row.size):  # one backward pass per output
            t = paddle.to_tensor(row, stop_gradient=False)
            f(t)[i].backward()
            rows.append(t.grad.numpy())
        return np.stack(rows)
    return np.asarray(jax.jacobian(f)(jnp.asarray(row)))


def _params(fw) -> dict[str, float | str]:
    return dict(fw.params)


def agree(got, want, rel: float = 0.0) -> np.ndarray:
    """Element-wise: both NaN, or equal (infinities included), or within 8 ulp of ``want``, or
    within the relative spread ``rel`` a deviation declares (Deviation.varies)."""
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        close = np.abs(got - want) <= np.maximum(8 * np.spacing(np.abs(want)), rel * np.abs(want))
    return (np.isnan(got) & np.isnan(want)) | (got == want) | close


def _tuple(v) -> float | tuple:
    a = np.asarray(v, dtype=np.float64)
    return float(a) if a.ndim == 0 else tuple(_tuple(e) for e in a)


#: The values a gated unit's halves take on the special inputs: every pair (a, b) of them is a row.
GATED_VALUES = (0.0, math.inf, -math.inf, math.nan, 1.0, -1.0, 40.0, -40.0, 800.0, -800.0)


def gated_rows() -> np.ndarray:
    """Every pair (a, b) of GATED_VALUES as a row [a, b], shape (100, 2)."""
    return np.array([(a, b) for a in GATED_VALUES for b in GATED_VALUES])


def gated_partials(fw, rows: np.ndarray) -> np.ndarray:
    """[d out/da, d out/db] of each row [a, b] by the framework's autograd: the gradient of the sum
    over the batch (each output depends on its own row only)."""
    if fw.framework in ("PyTorch", "PaddlePaddle"):
        return derivative(fw, rows)
    f = _call(fw)
    return np.asarray(jax.grad(lambda x: f(x).sum())(jnp.asarray(rows)))


def measure(spec, fw) -> list[Deviation]:
    """Every special input where the framework's f or f' differs from this package's (at fw.params)."""
    p = _params(fw)
    found = []
    if spec.kind == "gated":  # each row [a, b]: the output (one entry) and its Jacobian (one row)
        rows = gated_rows()
        with np.errstate(all="ignore"):
            ours_f, theirs_f = spec.forward(rows, **p), forward(fw, rows)
            ours_df, theirs_df = spec.derivative(rows, **p)[:, 0, :], gated_partials(fw, rows)
        for r, a, b in zip(rows, ours_f, theirs_f, strict=True):
            if not agree(b, a).all():
                found.append(Deviation("f", _tuple(r), _tuple(b)))
        for r, a, b in zip(rows, ours_df, theirs_df, strict=True):
            if not agree(b, a).all():
                found.append(Deviation("df", _tuple(r), (_tuple(b),)))
        return found
    if spec.elementwise:
        x = special_inputs(spec, p)
        with np.errstate(all="ignore"):
            for quantity, ours, theirs in (("f", spec.forward(x, **p), forward(fw, x)),
                                           ("df", spec.derivative(x, **p), derivative(fw, x))):
                for xi, a, b in zip(x, ours, theirs, strict=True):
                    if not agree(b, a):
                        found.append(Deviation(quantity, float(xi), float(b)))
        return found
    for r in SOFTMAX_ROWS:
        row = np.array(r)
        with np.errstate(all="ignore"):
            for quantity, ours, theirs in (("f", spec.forward(row, **p), forward),
                                           ("df", spec.derivative(row, **p), jacobian)):
                try:
                    value = theirs(fw, row)
                except Exception as e:  # the framework refuses the row: that is the deviation
                    found.append(Deviation(quantity, r, math.nan, raises=type(e).__name__))
                    continue
                if not agree(value, ours).all():
                    found.append(Deviation(quantity, r, _tuple(value)))
    return found


def _py(v) -> str:
    """A float or a nested tuple of floats as Python source."""
    if isinstance(v, tuple):
        return "(" + ", ".join(_py(e) for e in v) + ("," if len(v) == 1 else "") + ")"
    if math.isnan(v):
        return 'float("nan")'
    if math.isinf(v):
        return 'float("inf")' if v > 0 else 'float("-inf")'
    return repr(v)


def _source(d: Deviation) -> str:
    raises = f', raises="{d.raises}"' if d.raises else ""
    return f'Deviation("{d.quantity}", {_py(d.x)}, {_py(d.value)}{raises})'


def _key(d: Deviation) -> tuple:
    """(quantity, x) with -0.0 and 0.0 told apart and NaN equal to NaN."""
    def k(v):
        if isinstance(v, tuple):
            return tuple(k(e) for e in v)
        return ("nan",) if math.isnan(v) else (v, math.copysign(1.0, v))
    return d.quantity, k(d.x)


# --- names and signatures ----------------------------------------------------------------------

def _resolve(dotted: str):
    """``"torch.nn.functional.elu"`` -> the object; ``"torch.nn.ELU(alpha=1.0)"`` -> torch.nn.ELU."""
    path = dotted.split("(")[0]
    module, _, attr = path.rpartition(".")
    try:
        return getattr(importlib.import_module(module), attr)
    except ModuleNotFoundError:  # keras.activations.elu: a package attribute, not a module
        obj = importlib.import_module(path.split(".")[0])
        for part in path.split(".")[1:]:
            obj = getattr(obj, part)
        return obj


def _quoted(signature: str) -> list[tuple[str, str | None]]:
    """"(x, alpha=1.0, *, out=None)" -> [("x", None), ("alpha", "1.0"), ("out", "None")]."""
    inner = signature.strip()[1:-1]
    out = []
    for part in (p.strip() for p in inner.split(",")):
        if part in ("", "*", "/"):
            continue
        name, eq, default = part.partition("=")
        out.append((name.strip(), default.strip() if eq else None))
    return out


def _real(fn) -> list[tuple[str, str | None, bool]]:
    """(name, default as text or None, keyword-only) of a callable, from inspect or, for a torch
    builtin, its docstring's first line ("sigmoid(input, *, out=None) -> Tensor")."""
    try:
        sig = inspect.signature(fn)
    except ValueError:
        text = fn.__doc__.strip().splitlines()[0]
        head = text[text.index("(") + 1: text.index(")")]
        out, kw_only = [], False
        for part in (p.strip() for p in head.split(",")):
            if part == "*":
                kw_only = True
                continue
            name, eq, default = part.partition("=")
            out.append((name.strip(), default.strip() if eq else None, kw_only))
        return out
    return [(p.name, None if p.default is inspect.Parameter.empty else repr(p.default),
             p.kind is inspect.Parameter.KEYWORD_ONLY)
            for p in sig.parameters.values() if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)]


def _same(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    try:
        return float(a) == float(b)
    except ValueError:
        return a.strip("'\"") == b.strip("'\"")


def _check_signature(quoted: str, fn, where: str) -> dict[str, str | None]:
    """The quoted parameters are the real ones, in order, with the real defaults; only keyword-only
    parameters may be left out. Returns the real name -> default."""
    real = [r for r in _real(fn) if not r[0].startswith("_")]  # private ones: torch's _stacklevel
    names = [n for n, _, _ in real]
    q = _quoted(quoted)
    assert [n for n, _ in q] == [n for n in names if n in dict(q)], f"{where}: {quoted} vs real {real}"
    missing = [n for n, _, kw in real if not kw and n not in dict(q)]
    assert not missing, f"{where}: {quoted} leaves out {missing} (real: {real})"
    real_defaults = {n: d for n, d, _ in real}
    for name, default in q:
        assert _same(default, real_defaults[name]), f"{where}: {name}={default}, the real one is {real_defaults[name]}"
    return real_defaults


def _framework_keyword(fw, name: str) -> str:
    return KEYWORD.get(fw.framework, {}).get(name, name)


# --- the tests ---------------------------------------------------------------------------------

def test_keras_runs_on_the_jax_backend_and_versions_are_the_tested_ones():
    """The tables name these versions (FRAMEWORK_VERSIONS) and the Keras backend: they are the installed ones."""
    assert keras.backend.backend() == KERAS_BACKEND == "jax"
    assert {k: v for k, v in FRAMEWORK_VERSIONS.items() if k in INSTALLED} == INSTALLED_VERSIONS
    assert set(FRAMEWORK_VERSIONS) == set(FRAMEWORKS)


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_every_framework_has_a_row(spec):
    assert tuple(fw.framework for fw in spec.frameworks) == FRAMEWORKS
    for fw in spec.frameworks:
        if fw.missing:  # nothing to name: the row's claim is the absence (test below)
            assert fw.call is None and fw.module is None and not fw.deviations
            assert fw.framework in INSTALLED or f"r{FRAMEWORK_VERSIONS[fw.framework]}/" in (fw.source or "")
            continue
        root = fw.package or ROOT[fw.framework]  # a package on the framework (entmax) names its own
        assert fw.functional.split(".")[0] == root, fw.functional
        assert fw.module is None or fw.module.split(".")[0] == root, fw.module
        if fw.framework in INSTALLED:
            assert fw.call is not None and fw.source is None, f"{spec.name}-{fw.framework}: installed, so tested"
            assert fw.call.startswith(fw.functional + "(") or fw.call.startswith(fw.functional.rpartition(".")[0])
        else:  # MindSpore: from its documentation, of the version the tables name
            assert fw.call is None and not fw.deviations
            assert fw.source.startswith("https://") and f"r{FRAMEWORK_VERSIONS[fw.framework]}/" in fw.source


MISSING = [(s, fw) for s in SPECS for fw in s.frameworks if fw.framework in INSTALLED and fw.missing]


@pytest.mark.parametrize(("spec", "fw"), MISSING, ids=[f"{s.name}-{fw.framework}" for s, fw in MISSING])
def test_a_missing_row_is_missing(spec, fw):
    """The row says the framework ships nothing for the function: no namespace of its activations
    has the function's name, nor the name without digits or underscores (entmax15 -> entmax)."""
    names = {spec.name, spec.name.replace("_", ""), spec.name.rstrip("0123456789")}
    found = [f"{ns.__name__}.{n}" for ns in ACTIVATION_NAMESPACES[fw.framework] for n in names
             if any(a.lower() == n for a in dir(ns))]
    assert not found, f"{spec.name}-{fw.framework} is declared missing, but the framework has {found}"


def test_the_absence_check_would_see_a_shipped_function():
    """The check above finds what a framework does ship, under each spelling it tries."""
    assert any(a.lower() == "sparsemax" for a in dir(keras.activations))
    assert any(a.lower() == "softmax" for a in dir(paddle.nn.functional))


@pytest.mark.parametrize(("spec", "fw"), ROWS, ids=ROW_IDS)
def test_names_resolve(spec, fw):
    assert callable(_resolve(fw.functional)), fw.functional
    if fw.module is not None:
        assert isinstance(_resolve(fw.module), type), fw.module


@pytest.mark.parametrize(("spec", "fw"), ROWS, ids=ROW_IDS)
def test_signature_and_params_are_the_frameworks(spec, fw):
    """The quoted signature is the real one (names in order, defaults); the module's quoted
    defaults are the class's; and ``params`` are exactly the framework defaults that differ from
    this package's (a framework default of None means "no default": the call must pass it)."""
    real = _check_signature(fw.signature, _resolve(fw.functional), f"{spec.name}-{fw.framework}")
    if fw.module is not None and "(" in fw.module:
        cls = _resolve(fw.module)
        real_cls = {n: d for n, d, _ in _real(cls)}
        for name, default in _quoted(fw.module[fw.module.index("("):]):
            assert name in real_cls and _same(default, real_cls[name]), f"{fw.module}: the class has {real_cls}"
    _check_params(spec, fw, real)


def _check_params(spec, fw, real: dict[str, str | None]) -> None:
    params = dict(fw.params)
    assert set(params) <= {p.name for p in spec.parameters}, fw.params
    for p in spec.parameters:
        key = _framework_keyword(fw, p.name)
        if key not in real:  # the framework has no such parameter (Keras' softplus has no beta)
            assert p.name not in params
            continue
        if real[key] in (None, "None"):  # no real default (torch's dim): the call must pass it
            assert fw.call is None or re.search(rf"\b{key}=", fw.call), f"{fw.call} must pass {key}"
            continue
        expected = params.get(p.name, p.default)
        theirs = FLAG.get(p.name, {}).get(real[key], real[key]) if isinstance(p.default, str) else real[key]
        assert _same(str(expected), theirs), f"{spec.name}-{fw.framework}: {key}={real[key]}, params {params}"
        assert p.name not in params or params[p.name] != p.default, f"{fw.params}: equals this package's default"


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_mindspore_params_match_its_documented_defaults(spec):
    fw = next(f for f in spec.frameworks if f.framework == "MindSpore")
    if fw.missing:  # MindSpore ships nothing for it: no signature to check
        assert not fw.signature
        return
    _check_params(spec, fw, {n: d for n, d in _quoted(fw.signature)})


#: Rows whose call computes in float32 whatever the input (their difference says so): Keras' tanh
#: casts the input, Paddle keeps SELU's two constants in float32.
FLOAT32 = {("tanh", "Keras"), ("selu", "PaddlePaddle")}


def test_keras_tanh_computes_in_float32():
    """The Keras tanh row's claim: a float64 input is computed in float32, even with floatx float64."""
    x = jnp.asarray(np.array([0.5, 1e-46]))
    old = keras.config.floatx()
    try:
        for floatx in ("float32", "float64"):
            keras.config.set_floatx(floatx)
            y = keras.activations.tanh(x)
            assert y.dtype == jnp.float32 and float(y[1]) == 0.0, floatx
    finally:
        keras.config.set_floatx(old)


def test_keras_sparsemax_threshold_is_the_one_its_row_describes():
    """The Keras sparsemax row's claim: its threshold is (the sum of every partial sum inside the
    support - 1) / k instead of (the k-th partial sum - 1) / k, so it is right exactly when the
    support has one entry (keras-team/keras#23425)."""
    sparsemax = activations.get("sparsemax")
    rng = np.random.default_rng(23)
    one, more = 0, 0
    for x in rng.normal(size=(200, 5)) * 2:
        ranked = np.sort(x)[::-1]
        partial = np.cumsum(ranked)
        k = np.arange(1, x.size + 1)
        support = ranked - (partial - 1) / k > 0
        size = support.sum()
        tau = (np.sum(partial[support]) - 1) / size  # every partial sum in the support
        got = np.asarray(keras.activations.sparsemax(jnp.asarray(x)))
        np.testing.assert_allclose(got, np.maximum(x - tau, 0), rtol=0, atol=1e-15)
        right = np.allclose(got, sparsemax.forward(x), rtol=0, atol=1e-15)
        assert right == (size == 1), (x, got, size)
        one, more = one + (size == 1), more + (size > 1)
    assert one > 20 and more > 20  # both cases were seen


@pytest.mark.parametrize(("spec", "fw"), ROWS, ids=ROW_IDS)
def test_call_agrees_at_ordinary_points(spec, fw):
    """|x| <= 15, the kinks left out (their convention is a declared deviation where it differs),
    or a row of logits of that size: the call computes this package's function at ``params``,
    within 8 ulp plus 8 eps absolute (a derivative computed from the output, as (1 - y) y or
    1 - y^2, has an absolute error of a few eps), or float32's rounding for a row that
    computes in float32; for a gated unit, 8 eps times the larger of |a| and |b| (the factors'
    errors, each scaled by the other factor)."""
    p = _params(fw)
    eps = np.finfo(np.float32 if (spec.name, fw.framework) in FLOAT32 else np.float64).eps
    scale = 1.0
    if spec.elementwise:
        x = np.linspace(-15.0, 15.0, 600)  # an even count: 0 is not among them
        for k in spec.kink_points(**p):
            x = x[np.abs(x - k) > 1e-9]
        pairs = [(spec.forward(x, **p), forward(fw, x)), (spec.derivative(x, **p), derivative(fw, x))]
    elif spec.kind == "gated":  # 200 rows [a, b], |a|, |b| <= 15; the kinks left out (a = 0 of ReGLU)
        rows = np.random.default_rng(17).uniform(-15, 15, size=(200, 2))
        pairs = [(spec.forward(rows, **p), forward(fw, rows)),
                 (spec.derivative(rows, **p)[:, 0, :], gated_partials(fw, rows))]
        # a product u v has the absolute errors of its factors scaled by the other: up to |a| or |b|
        scale = np.maximum(1.0, np.abs(rows).max(axis=-1, keepdims=True))
    else:
        rows = np.random.default_rng(17).normal(size=(4, 5)) * 5
        pairs = [(spec.forward(r, **p), forward(fw, r)) for r in rows]
        pairs += [(spec.derivative(r, **p), jacobian(fw, r)) for r in rows]
    declared = fw.ordinary_error or 0.0
    worst = 0.0
    for ours, theirs in pairs:
        err = np.abs(theirs - ours)
        ok = err <= 8 * np.spacing(np.abs(ours)) + 8 * eps * np.maximum(1.0, np.abs(ours)) * scale + declared
        assert ok.all(), (f"{fw.call}: max error {err.max():.3g} against this package"
                          + ("" if declared else "; if the framework is less accurate there, declare ordinary_error"))
        worst = max(worst, float(err.max()))
    if declared:
        assert worst >= declared / 10, f"{fw.call}: ordinary_error={declared:g} is stale: measured {worst:.3g}"


@pytest.mark.parametrize(("spec", "fw"), ROWS, ids=ROW_IDS)
def test_declared_deviations_are_the_measured_ones(spec, fw):
    """On the special inputs, the deviations the row declares are exactly those the installed
    framework shows (same quantity and input; the value within the same agreement rule)."""
    measured = {_key(d): d for d in measure(spec, fw)}
    declared = {_key(d): d for d in fw.deviations}
    assert len(declared) == len(fw.deviations), f"{spec.name}-{fw.framework}: a deviation is declared twice"
    missing = [_source(measured[k]) for k in measured if k not in declared]
    stale = [_source(declared[k]) for k in declared if k not in measured]
    changed = [f"{_source(declared[k])} is now {_source(measured[k])}" for k in declared.keys() & measured.keys()
               if measured[k].raises != declared[k].raises
               or not agree(measured[k].value, declared[k].value, declared[k].varies).all()]
    assert not (missing or stale or changed), (
        f"{spec.name}-{fw.framework} ({fw.call}):\n  undeclared, add: " + ",\n    ".join(missing)
        + "\n  stale, remove: " + ",\n    ".join(stale) + "\n  changed: " + ",\n    ".join(changed))


@pytest.mark.parametrize(("spec", "fw"), ROWS, ids=ROW_IDS)
def test_same_only_where_nothing_differs(spec, fw):
    """A row without a difference says "same" in the table: then nothing may differ."""
    if fw.difference is None:
        assert not measure(spec, fw), f"{spec.name}-{fw.framework} differs but the table says same"
    assert not fw.deviations or fw.difference is not None


GATED_SHIPPED = [(s, fw) for s in SPECS if s.kind == "gated" for fw in s.frameworks
                 if fw.framework in ("PyTorch", "PaddlePaddle") and fw.call is not None and not fw.composed]


@pytest.mark.parametrize(("spec", "fw"), GATED_SHIPPED, ids=[f"{s.name}-{fw.framework}" for s, fw in GATED_SHIPPED])
def test_gated_vjp_matches_the_frameworks_backward(spec, fw):
    """The VJP against the backward pass of the framework that ships the function (torch's glu;
    Paddle's swiglu, which torch lacks), with a random upstream gradient on a batch of rows [a, b]:
    within 4 eps of |g| times the partials' scale, plus 8 eps |g| max(1, |a|, |b|) absolute (the
    frameworks form sigma' as sigma (1 - sigma), whose absolute error is that of sigma, scaled by
    the other factor, as in test_call_agrees_at_ordinary_points)."""
    rng = np.random.default_rng(25)
    x = rng.uniform(-8, 8, size=(64, 6))
    g = rng.normal(size=(64, 3))
    f = _call(fw)
    if fw.framework == "PyTorch":
        t = torch.from_numpy(x.copy()).requires_grad_(True)
        f(t).backward(torch.from_numpy(g))
        want = t.grad.numpy()
    else:
        t = paddle.to_tensor(x, stop_gradient=False)
        f(t).backward(paddle.to_tensor(g))
        want = t.grad.numpy()
    got = spec.vjp(x, g)
    jac = spec.derivative(x)  # (64, 3, 6): two entries per row
    scale = np.einsum("ri,rij->rj", np.abs(g), np.abs(jac))
    m = x.shape[-1] // 2
    factors = np.maximum(1.0, np.maximum(np.abs(x[:, :m]), np.abs(x[:, m:])))  # max(1, |a_i|, |b_i|)
    absolute = 8 * EPS * np.tile(np.abs(g) * factors, 2)
    assert np.all(np.abs(got - want) <= 4 * EPS * scale + absolute), np.abs(got - want).max()
