"""Agreement with PyTorch, the framework whose names and defaults the package follows, and
the spec's claims about where PyTorch differs or is inaccurate, each checked against mpmath.

torch is a pinned test requirement (requirements.txt): it is imported, not skipped.
"""

from __future__ import annotations

import importlib
import inspect
import re
import warnings

import numpy as np
import pytest
import reference as R
import torch
import torch.nn.functional as F

import activations

torch.set_num_threads(1)

SPECS = activations.specs()
ELEMENTWISE = [s for s in SPECS if s.elementwise]
IDS = lambda s: s.name  # noqa: E731
EPS = np.finfo(np.float64).eps
#: This package's parameter name -> PyTorch's, where they differ (documented in torch_difference).
TORCH_KEYWORD = {"axis": "dim"}
#: |x| up to which every function's PyTorch value and gradient are ordinary float64 computations.
ORDINARY = 15.0


def _pytorch(spec):
    return next(f for f in spec.frameworks if f.framework == "PyTorch")


def _resolve(dotted: str):
    """``"torch.nn.functional.elu"`` -> the object; ``"torch.nn.ELU(alpha=1.0)"`` -> torch.nn.ELU."""
    path = dotted.split("(")[0]
    module, _, attr = path.rpartition(".")
    return getattr(importlib.import_module(module), attr)


def torch_function(spec):
    return _resolve(_pytorch(spec).functional)


def _kwargs(params: dict) -> dict:
    return {TORCH_KEYWORD.get(k, k): v for k, v in params.items()}


def torch_forward(spec, x: np.ndarray, params: dict) -> np.ndarray:
    with torch.no_grad():
        return torch_function(spec)(torch.from_numpy(x.copy()), **_kwargs(params)).numpy()


def torch_derivative(spec, x: np.ndarray, params: dict) -> np.ndarray:
    """Elementwise f'(x) by autograd: the gradient of sum f(x)."""
    t = torch.from_numpy(x.copy()).requires_grad_(True)
    torch_function(spec)(t, **_kwargs(params)).sum().backward()
    return t.grad.numpy()


def _ordinary(params: dict | None = None) -> np.ndarray:
    """Grid points and a fine linspace with |x| <= 15, and |beta x| <= 15 (below torch's
    softplus threshold 20, where torch stops computing softplus: see THRESHOLD_CLAIMS)."""
    limit = ORDINARY / max(1.0, (params or {}).get("beta", 1.0))
    g = R.grid(np.float64)
    return np.concatenate([g[np.abs(g) <= limit], np.linspace(-limit, limit, 3001)])


def _close(got, want, absolute: float = 0.0) -> np.ndarray:
    """Element-wise: within 8 ulp (both sides are within 4 of the truth) plus ``absolute``."""
    return np.abs(got - want) <= 8 * np.spacing(np.abs(want)) + absolute


CASES = [(s, p) for s in ELEMENTWISE for p in R.param_cases(s)]
CASE_IDS = [f"{s.name}-{p}" for s, p in CASES]


# --- names, signatures and defaults ----------------------------------------------------------

@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_pytorch_names_in_the_spec_exist(spec):
    fw = _pytorch(spec)
    assert callable(torch_function(spec)), fw.functional
    if fw.module is not None:
        assert isinstance(_resolve(fw.module), type), fw.module


def _torch_signature(fn) -> dict[str, str]:
    """name -> default (as text) of a torch function, from inspect or its docstring's first line."""
    try:
        params = inspect.signature(fn).parameters.values()
        return {p.name: repr(p.default) for p in params if p.default is not inspect.Parameter.empty}
    except ValueError:  # a builtin: "softplus(input, beta=1, threshold=20) -> Tensor"
        text = fn.__doc__.strip().splitlines()[0]
        return dict(re.findall(r"(\w+)=([^,)]+)", text))


def _same(a: str, b: str) -> bool:
    try:
        return float(a) == float(b)
    except ValueError:
        return a.strip("'\"") == b.strip("'\"")


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_pytorch_signature_in_the_spec_is_torchs(spec):
    """Every name=default the spec quotes for PyTorch is torch's real default."""
    quoted = dict(re.findall(r"(\w+)=([^,)]+)", _pytorch(spec).signature))
    real = _torch_signature(torch_function(spec))
    for name, default in quoted.items():
        assert name in real and _same(default, real[name]), f"{spec.name}: spec says {name}={default}, torch {real}"


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_parameters_have_pytorchs_names_and_defaults(spec):
    real = _torch_signature(torch_function(spec))
    for p in spec.parameters:
        if p.name in TORCH_KEYWORD:
            assert spec.torch_difference is not None, f"{spec.name}: {p.name} is {TORCH_KEYWORD[p.name]} in torch"
            assert TORCH_KEYWORD[p.name] in real
        else:
            assert p.name in real, f"{spec.name}: torch has no parameter {p.name}"
            assert _same(str(p.default), real[p.name]), f"{spec.name}: default {p.name}={p.default}, torch {real}"


# --- forward --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("spec", "params"), CASES, ids=CASE_IDS)
def test_forward_matches_torch(spec, params):
    """Ordinary points: within 8 ulp (each is within 4 of mpmath there). The exact functions:
    identical everywhere, ±inf and NaN included."""
    if spec.name in R.EXACT:
        x = np.concatenate([R.grid(np.float64), [np.nan]])
        got, want = spec.forward(x, **params), torch_forward(spec, x, params)
        if params.get("negative_slope") == 0:
            # torch computes 0 * x, which is NaN at -inf; the package is ReLU there (0), the limit
            at = x == -np.inf
            assert np.isnan(want[at]).all() and np.all(got[at] == 0)
            got, want = got[~at], want[~at]
        np.testing.assert_array_equal(got, want)
        return
    x = _ordinary(params)
    got, want = spec.forward(x, **params), torch_forward(spec, x, params)
    ok = _close(got, want)
    assert ok.all(), f"{spec.name}({params}) vs torch at {x[~ok]}: {got[~ok]} vs {want[~ok]}"


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
def test_defaults_are_torchs_defaults(spec):
    """Called with no parameters at all, the package and torch compute the same function."""
    x = np.linspace(-ORDINARY, ORDINARY, 601)
    with torch.no_grad():
        want = torch_function(spec)(torch.from_numpy(x)).numpy()
    assert _close(spec.forward(x), want).all()
    if spec.name in R.EXACT:
        np.testing.assert_array_equal(spec.forward(x), want)


# --- derivative ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("spec", "params"), CASES, ids=CASE_IDS)
def test_derivative_matches_autograd(spec, params):
    """Ordinary points |x| <= 15, kinks included: within 8 ulp plus 4 eps absolute. PyTorch's
    backward for sigmoid and tanh subtracts from 1 ((1 - y) y, 1 - y^2), so its error is a
    few eps in absolute terms; the package's own relative accuracy is held to mpmath by
    test_accuracy. The exact functions: identical on the whole grid (±inf included; at NaN
    torch's backward picks a branch, the package gives NaN, see test_accuracy)."""
    if spec.name in R.EXACT:
        x = R.grid(np.float64)
        np.testing.assert_array_equal(spec.derivative(x, **params), torch_derivative(spec, x, params))
        return
    x = np.concatenate([_ordinary(params), [0.0, -0.0]])
    got, want = spec.derivative(x, **params), torch_derivative(spec, x, params)
    ok = _close(got, want, absolute=4 * EPS)
    assert ok.all(), f"{spec.name}'({params}) vs autograd at {x[~ok]}: {got[~ok]} vs {want[~ok]}"


@pytest.mark.parametrize(("spec", "params"), CASES, ids=CASE_IDS)
def test_derivative_at_zero_is_autograds(spec, params):
    """At x = 0 (a kink for relu, leaky_relu and elu) the package takes autograd's value, exactly."""
    for zero in (0.0, -0.0):
        x = np.array([zero])
        assert spec.derivative(x, **params)[0] == torch_derivative(spec, x, params)[0], (spec.name, params, zero)


# --- where the spec says torch differs or is inaccurate ------------------------------------------

#: spec.accuracy_note claims: name -> (params, inputs where torch's gradient is 0 but the true one is not).
ACCURACY_NOTE_CLAIMS = {
    "sigmoid": ({}, [37.0, 38.0, 40.0, 100.0, 700.0]),  # (1 - s) s with s rounded to 1
    "tanh": ({}, [19.1, 20.0, -20.0, -25.0, 300.0]),  # 1 - tanh^2 with tanh rounded to ±1
}
#: spec.torch_difference claims that are about values: name -> (params, inputs above threshold/beta).
THRESHOLD_CLAIMS = {
    # where x differs from softplus(x) = x + log1p(e^{-beta x}) / beta by more than 4 ulp
    "softplus": [({"beta": 1.0}, [20.5, 22.0, 25.0, 28.0, 30.0]), ({"beta": 2.0}, [10.5, 12.0, 14.0])],
}


def test_every_claim_about_torch_is_tested():
    notes = {s.name for s in SPECS if s.accuracy_note is not None}
    assert notes == set(ACCURACY_NOTE_CLAIMS), "accuracy_note and ACCURACY_NOTE_CLAIMS must name the same functions"
    differences = {s.name for s in SPECS if s.torch_difference is not None}
    naming = {s.name for s in SPECS if any(p.name in TORCH_KEYWORD for p in s.parameters)}
    assert differences == set(THRESHOLD_CLAIMS) | naming, "torch_difference claims without a test (or vice versa)"


def _ulp_to_reference(spec, which: str, x: np.ndarray, params: dict, values: np.ndarray) -> np.ndarray:
    ref = R.evaluate(R.REFERENCES[spec.name][("forward", "derivative").index(which)], x, params)
    return R.ulp_distance(values, ref)


@pytest.mark.parametrize("name", sorted(ACCURACY_NOTE_CLAIMS))
def test_accuracy_note_torch_gradient_is_zero_in_the_tail(name):
    """The note says torch's backward gives 0 in the tail: it does, and the true value (and
    the package's, within 4 ulp) is not 0."""
    spec = activations.get(name)
    params, points = ACCURACY_NOTE_CLAIMS[name]
    x = np.array(points)
    ours, theirs = spec.derivative(x, **params), torch_derivative(spec, x, params)
    assert np.all(_ulp_to_reference(spec, "derivative", x, params, ours) <= R.tolerance(name, np.float64))
    assert np.all(theirs == 0) and np.all(ours > 0), (theirs, ours)
    assert np.all(_ulp_to_reference(spec, "derivative", x, params, theirs) > 1e15)


@pytest.mark.parametrize("name", sorted(THRESHOLD_CLAIMS))
def test_torch_difference_threshold(name):
    """Above beta*x = threshold torch returns x (and gradient 1); the package does not, and is
    the one within 4 ulp of mpmath there, forward and derivative."""
    spec = activations.get(name)
    for params, points in THRESHOLD_CLAIMS[name]:
        x = np.array(points)
        np.testing.assert_array_equal(torch_forward(spec, x, params), x)
        np.testing.assert_array_equal(torch_derivative(spec, x, params), np.ones_like(x))
        for which, theirs in (("forward", torch_forward(spec, x, params)),
                              ("derivative", torch_derivative(spec, x, params))):
            ours = getattr(spec, which)(x, **params)
            assert np.all(_ulp_to_reference(spec, which, x, params, ours) <= R.tolerance(name, np.float64))
            assert np.all(_ulp_to_reference(spec, which, x, params, theirs) > R.tolerance(name, np.float64))


# --- softmax ------------------------------------------------------------------------------------------

SOFTMAX = activations.get("softmax")


def _softmax_torch(x: np.ndarray, dim: int) -> np.ndarray:
    with torch.no_grad():
        return F.softmax(torch.from_numpy(x.copy()), dim=dim).numpy()


def test_softmax_axis_is_torchs_dim():
    """torch_difference: the parameter is dim in torch, which has no real default (it warns
    and guesses); axis=-1 here equals dim=-1 there."""
    x = np.random.default_rng(14).normal(size=(3, 5)) * 4
    with pytest.warns(UserWarning, match="dim"):
        F.softmax(torch.from_numpy(x))
    assert "dim" in _torch_signature(F.softmax) and "axis" in inspect.signature(SOFTMAX.forward).parameters
    bound = R.softmax_ulp_bound(x[0], R.softmax(x[0]), np.float64)
    for axis in (-1, 0, 1):
        got, want = SOFTMAX.forward(x, axis=axis), _softmax_torch(x, axis)
        assert np.all(R.ulp_distance(got, want) <= 2 * bound.max())  # both within the bound of mpmath
    np.testing.assert_array_equal(SOFTMAX.forward(x), SOFTMAX.forward(x, axis=-1))


def test_softmax_special_rows_match_torch():
    rows = np.array([[1000.0, 1001.0, 1002.0], [-np.inf, 0.0, 1.0], [-np.inf, -np.inf, -np.inf], [0.0, np.nan, 1.0]])
    got, want = SOFTMAX.forward(rows), _softmax_torch(rows, -1)
    assert np.all(R.ulp_distance(got, want) <= 8), (got, want)


@pytest.mark.parametrize(("shape", "axis"), [((5,), 0), ((3, 4), -1), ((3, 4), 0), ((2, 3, 4), 1), ((2, 3, 4), -3)])
def test_softmax_jacobian_matches_torch_autograd(shape, axis):
    """Package [..., i (at axis), ..., j] = torch's d out[..i..] / d in[..j..] within the same fibre
    (torch's full Jacobian has shape x.shape + x.shape; entries across fibres are 0)."""
    x = np.random.default_rng(15).normal(size=shape) * 3
    full = torch.autograd.functional.jacobian(lambda t: F.softmax(t, dim=axis), torch.from_numpy(x)).numpy()
    jac = SOFTMAX.derivative(x, axis=axis)
    ax = axis % x.ndim
    n = x.shape[ax]
    expected = np.empty_like(jac)
    off_fibre = np.ones(full.shape, dtype=bool)
    for out_index in np.ndindex(*x.shape):
        for j in range(n):
            in_index = list(out_index)
            in_index[ax] = j
            expected[(*out_index, j)] = full[(*out_index, *in_index)]
            off_fibre[(*out_index, *in_index)] = False
    assert np.all(full[off_fibre] == 0)
    assert _close(jac, expected, absolute=4 * EPS).all()


@pytest.mark.parametrize("axis", [0, 1, -1])
def test_softmax_vjp_matches_torch_backward(axis):
    """Same formula class, s_j (g_j - <g, s>), so the bound of test_softmax's vjp test applies."""
    rng = np.random.default_rng(16)
    x = rng.normal(size=(4, 6)) * 3
    g = rng.normal(size=x.shape)
    t = torch.from_numpy(x.copy()).requires_grad_(True)
    F.softmax(t, dim=axis).backward(torch.from_numpy(g))
    want = t.grad.numpy()
    got = SOFTMAX.vjp(x, g, axis=axis)
    s = SOFTMAX.forward(x, axis=axis)
    n = x.shape[axis]
    scale = s * (np.abs(g) + np.sum(np.abs(g) * s, axis=axis, keepdims=True))
    assert np.all(np.abs(got - want) <= 4 * (n + 2) * EPS * scale)


def test_torch_import_is_not_optional():
    """This module must fail, not skip, when torch is missing or broken."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert torch.from_numpy(np.ones(2)).dtype == torch.float64
