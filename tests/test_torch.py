"""Agreement with PyTorch, the framework whose names and defaults the package follows, at
ordinary points and at the kinks. Where PyTorch differs (special inputs, its threshold, its
dim), the PyTorch row of each spec declares it and tests/test_frameworks.py measures it.

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

import activations

torch.set_num_threads(1)

def _ships(spec) -> bool:
    """Whether torch ships the function. For one it lacks, the PyTorch row is ``composed`` (its
    ``call`` is a composition of torch operations, tested by test_frameworks.py) or names a
    ``package`` on torch that ships it (entmax), tested here like torch where it is a normalizer."""
    row = next(f for f in spec.frameworks if f.framework == "PyTorch")
    return not row.composed and row.package is None


def _on_torch(spec) -> bool:
    """Torch or a package on it (entmax) computes the function with torch autograd."""
    row = next(f for f in spec.frameworks if f.framework == "PyTorch")
    return not row.composed and not row.missing


def _resolve(dotted: str):
    """``"torch.nn.functional.elu"`` -> the object; ``"torch.nn.ELU(alpha=1.0)"`` -> torch.nn.ELU."""
    path = dotted.split("(")[0]
    module, _, attr = path.rpartition(".")
    return getattr(importlib.import_module(module), attr)


#: The functions torch ships (the others are compared through their row's call in test_frameworks).
SPECS = [s for s in activations.specs() if _ships(s)]
ELEMENTWISE = [s for s in SPECS if s.elementwise]
IDS = lambda s: s.name  # noqa: E731
EPS = np.finfo(np.float64).eps
#: This package's parameter name -> PyTorch's, where they differ (said in the PyTorch row's difference).
TORCH_KEYWORD = {"axis": "dim"}
#: |x| up to which every function's PyTorch value and gradient are ordinary float64 computations.
ORDINARY = 15.0


def _pytorch(spec):
    return next(f for f in spec.frameworks if f.framework == "PyTorch")


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
    softplus threshold 20, above which torch returns x: a declared deviation of its row)."""
    limit = ORDINARY / max(1.0, (params or {}).get("beta", 1.0))
    g = R.grid(np.float64)
    return np.concatenate([g[np.abs(g) <= limit], np.linspace(-limit, limit, 3001)])


def _close(got, want, absolute: float = 0.0) -> np.ndarray:
    """Element-wise: within 8 ulp (both sides are within 4 of the truth) plus ``absolute``."""
    return np.abs(got - want) <= 8 * np.spacing(np.abs(want)) + absolute


CASES = [(s, p) for s in ELEMENTWISE for p in R.param_cases(s)]
CASE_IDS = [f"{s.name}-{p}" for s, p in CASES]


# --- names, signatures and defaults ----------------------------------------------------------

def _torch_signature(fn) -> dict[str, str | None]:
    """name -> default (as text; None where torch has no default) of a torch function's parameters
    after its input, from inspect or its docstring's first line."""
    try:
        params = list(inspect.signature(fn).parameters.values())[1:]
        return {p.name: None if p.default is inspect.Parameter.empty else repr(p.default) for p in params}
    except ValueError:  # a builtin: "softplus(input, beta=1, threshold=20) -> Tensor"
        text = fn.__doc__.strip().splitlines()[0]
        names = re.findall(r"[(,]\s*(\w+)", text)[1:]
        # "gelu(input, approximate = 'none')": spaces around "=" too
        return {n: dict(re.findall(r"(\w+)\s*=\s*([^,)]+)", text)).get(n) for n in names}


def _same(a: str, b: str) -> bool:
    try:
        return float(a) == float(b)
    except ValueError:
        return a.strip("'\"") == b.strip("'\"")


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_parameters_have_pytorchs_names_and_defaults(spec):
    real = _torch_signature(torch_function(spec))
    for p in spec.parameters:
        if p.name in TORCH_KEYWORD:
            assert _pytorch(spec).difference is not None, f"{spec.name}: {p.name} is {TORCH_KEYWORD[p.name]} in torch"
            assert TORCH_KEYWORD[p.name] in real
        else:
            assert p.name in real, f"{spec.name}: torch has no parameter {p.name}"
            if real[p.name] is None:  # torch has no default (F.threshold): the row must say whose it is
                assert _pytorch(spec).difference is not None, f"{spec.name}: torch has no default for {p.name}"
            else:
                assert _same(str(p.default), real[p.name]), f"{spec.name}: default {p.name}={p.default}, torch {real}"


# --- forward --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("spec", "params"), CASES, ids=CASE_IDS)
def test_forward_matches_torch(spec, params):
    """Ordinary points: within 8 ulp (each is within 4 of mpmath there) plus 8 eps absolute, the
    rule test_frameworks applies to every row (torch computes Tanhshrink as x - tanh(x), whose
    error is absolute, a few eps, near 0). The exact functions: identical everywhere, ±inf and
    NaN included."""
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
    ok = _close(got, want, absolute=8 * EPS)
    assert ok.all(), f"{spec.name}({params}) vs torch at {x[~ok]}: {got[~ok]} vs {want[~ok]}"


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
def test_defaults_are_torchs_defaults(spec):
    """Called with no parameters at all, the package and torch compute the same function (where
    torch has defaults; F.threshold has none, and test_parameters_have_pytorchs_names_and_defaults
    holds its row to saying so)."""
    x = np.linspace(-ORDINARY, ORDINARY, 601)
    real = _torch_signature(torch_function(spec))
    if any(real.get(p.name) is None for p in spec.parameters):
        return
    with torch.no_grad():
        want = torch_function(spec)(torch.from_numpy(x)).numpy()
    assert _close(spec.forward(x), want, absolute=8 * EPS).all()  # torch's x - tanh(x) errs in absolute terms
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
    declared = _pytorch(spec).ordinary_error or 0.0  # e.g. hardsigmoid's backward: a float32 1/6
    # the row's loss is measured at its defaults; a loss only another case shows is the reference's
    cases = dict(getattr(R.load(spec.name), "TORCH_ORDINARY_ERROR", ()))
    declared = max(declared, cases.get(tuple(params.items()), 0.0))
    ok = _close(got, want, absolute=4 * EPS + declared)
    assert ok.all(), f"{spec.name}'({params}) vs autograd at {x[~ok]}: {got[~ok]} vs {want[~ok]}"


@pytest.mark.parametrize(("spec", "params"), CASES, ids=CASE_IDS)
def test_derivative_at_the_kinks_is_autograds(spec, params):
    """At every kink (spec.kink_points; both ±0 for a kink at 0) the package takes autograd's value,
    exactly: the convention spec.kink states is PyTorch's."""
    for kink in spec.kink_points(**params):
        for k in ((0.0, -0.0) if kink == 0 else (kink,)):
            x = np.array([k])
            assert spec.derivative(x, **params)[0] == torch_derivative(spec, x, params)[0], (spec.name, params, k)


# --- normalizers (softmax, log_softmax, softmin, ...) -------------------------------------------------

NORMALIZERS = [s for s in SPECS if s.kind == "normalizer"]
#: Normalizers whose backward is torch autograd: torch's own, and the entmax package's.
ON_TORCH = [s for s in activations.specs() if s.kind == "normalizer" and _on_torch(s)]


def _torch_along(spec, x: np.ndarray, dim: int) -> np.ndarray:
    with torch.no_grad():
        return torch_function(spec)(torch.from_numpy(x.copy()), dim=dim).numpy()


@pytest.mark.parametrize("spec", NORMALIZERS, ids=IDS)
def test_normalizer_axis_is_torchs_dim(spec):
    """The PyTorch row's difference: the parameter is dim in torch, which has no real default
    (it warns and guesses); axis=-1 here equals dim=-1 there: within twice the reference's bound,
    or 8 eps max|x| absolute (torch's log_softmax forms x - m - log(sum), which loses relative
    accuracy where the result is near 0: 231 ulp at -1.04e-3 in this test, an absolute 5e-19)."""
    x = np.random.default_rng(14).normal(size=(3, 5)) * 4
    with pytest.warns(UserWarning, match="dim"):
        torch_function(spec)(torch.from_numpy(x))
    assert "dim" in _torch_signature(torch_function(spec)) and "axis" in inspect.signature(spec.forward).parameters
    ref = R.load(spec.name)
    bound = max(ref.ulp_bound(row, ref.f(row), np.float64).max() for row in x)
    for axis in (-1, 0, 1):
        got, want = spec.forward(x, axis=axis), _torch_along(spec, x, axis)
        ok = (R.ulp_distance(got, want) <= 2 * bound) | _close(got, want, absolute=8 * EPS * np.abs(x).max())
        assert ok.all(), (spec.name, axis, got[~ok], want[~ok])
    np.testing.assert_array_equal(spec.forward(x), spec.forward(x, axis=-1))


@pytest.mark.parametrize(("shape", "axis"), [((5,), 0), ((3, 4), -1), ((3, 4), 0), ((2, 3, 4), 1), ((2, 3, 4), -3)])
@pytest.mark.parametrize("spec", ON_TORCH, ids=IDS)
def test_normalizer_jacobian_matches_torch_autograd(spec, shape, axis):
    """Package [..., i (at axis), ..., j] = torch's d out[..i..] / d in[..j..] within the same fibre
    (torch's full Jacobian has shape x.shape + x.shape; entries across fibres are 0)."""
    x = np.random.default_rng(15).normal(size=shape) * 3
    full = torch.autograd.functional.jacobian(lambda t: torch_function(spec)(t, dim=axis),
                                              torch.from_numpy(x)).numpy()
    jac = spec.derivative(x, axis=axis)
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
@pytest.mark.parametrize("spec", ON_TORCH, ids=IDS)
def test_normalizer_vjp_matches_torch_backward(spec, axis):
    """Within 4 (n + 2) eps of sum_i |g_i| |J_ij| + |g_j|, the bound of test_normalizers' VJP test
    (both sides compute the same formula class, up to rounding)."""
    rng = np.random.default_rng(16)
    x = rng.normal(size=(4, 6)) * 3
    g = rng.normal(size=x.shape)
    t = torch.from_numpy(x.copy()).requires_grad_(True)
    torch_function(spec)(t, dim=axis).backward(torch.from_numpy(g))
    want = t.grad.numpy()
    got = spec.vjp(x, g, axis=axis)
    n = x.shape[axis]
    scale = R.vjp_scale(spec.derivative(x, axis=axis), g, axis)
    assert np.all(np.abs(got - want) <= 4 * (n + 2) * EPS * scale)


def test_torch_import_is_not_optional():
    """This module must fail, not skip, when torch is missing or broken."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert torch.from_numpy(np.ones(2)).dtype == torch.float64
