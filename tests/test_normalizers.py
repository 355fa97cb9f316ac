"""Every normalizer (a spec of kind "normalizer": softmax, log_softmax, softmin, ...), from the
registry: accuracy against its mpmath reference within its own conditioning bound, the Jacobian
against finite differences and in its layout for every axis, the VJP against the Jacobian and
with the saved output, NaN rows, shift invariance, large logits. The conventions at infinite
logits are each function's own (tests/test_softmax.py; the frameworks tests measure them)."""

from __future__ import annotations

import inspect

import numpy as np
import pytest
import reference as R

import activations

NORMALIZERS = [s for s in activations.specs() if s.kind == "normalizer"]
IDS = lambda s: s.name  # noqa: E731
EPS = np.finfo(np.float64).eps


def rows(seed: int = 5) -> list[np.ndarray]:
    """Rows of every width from 1 to 12 and every scale from 1e-3 to 1e3, and the edge cases."""
    rng = np.random.default_rng(seed)
    out = [rng.normal(size=n) * scale for n in range(1, 13) for scale in (1e-3, 1.0, 10.0, 100.0, 1e3)]
    out += [np.array(r) for r in ([1000.0, 1001.0, 1002.0], [-1000.0, -1000.0], [-1000.0, 0.0, 700.0],
                                  [0.0, -np.inf, 1.0], [1e308, -1e308], [-745.0, 0.0], [-800.0, 0.0, 0.0],
                                  [709.0, 710.0, -1e300], [5e-324, -5e-324, 0.0], [3.0], [0.0, -40.0],
                                  [0.1, -130.3], [0.0, 1e-20, -1e-20])]
    return out


def _in(row: np.ndarray, dtype) -> np.ndarray | None:
    """The row in ``dtype``, or None if it does not fit (a finite value would become inf)."""
    with np.errstate(over="ignore"):
        x = row.astype(dtype)
    return x if np.array_equal(np.isinf(x), np.isinf(row)) else None


@pytest.mark.parametrize("spec", NORMALIZERS, ids=IDS)
def test_every_normalizer_has_a_row_reference(spec):
    ref = R.load(spec.name)
    assert getattr(ref, "ROWWISE", False), f"tests/references/{spec.name}.py must set ROWWISE = True"
    assert callable(ref.f) and callable(ref.ulp_bound)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("spec", NORMALIZERS, ids=IDS)
def test_accuracy_against_mpmath(spec, dtype):
    """Every entry within the reference's ulp_bound (the base 4/8 ulp, the row width and the
    function's conditioning, derived beside it) of the correctly rounded mpmath value."""
    ref_module = R.load(spec.name)
    for row in rows(8):
        x = _in(row, dtype)
        if x is None:
            continue
        ref_mp = ref_module.f(x)
        ref = np.array([R.round_to_dtype(v, dtype) for v in ref_mp], dtype=dtype)
        got = spec.forward(x)
        ulp = R.ulp_distance(got, ref)
        bound = ref_module.ulp_bound(x.astype(np.float64), ref_mp, dtype)
        assert np.all(ulp <= bound), f"{spec.name}({x!r}) = {got!r}, reference {ref!r}: {ulp} ulp > {bound}"


@pytest.mark.parametrize("spec", NORMALIZERS, ids=IDS)
def test_large_logits_are_stable_and_shift_invariant(spec):
    """f(x + c) = f(x) exactly when x + c is exact: the package computes the very same shifted row."""
    rng = np.random.default_rng(6)
    x = rng.integers(-400, 400, size=(20, 7)) / 8
    for shift in (1000.0, -1000.0, 2.0**40, -(2.0**40), 0.5):
        assert np.array_equal((x + shift) - shift, x)
        np.testing.assert_array_equal(spec.forward(x + shift), spec.forward(x))
        np.testing.assert_array_equal(spec.derivative(x + shift), spec.derivative(x))
    for row in ([1000.0, 1001.0, 1002.0], [-1000.0, -1000.0], [1e308, 1e308]):
        assert np.all(np.isfinite(spec.forward(row))), row


@pytest.mark.parametrize("axis", [0, 1, -1])
@pytest.mark.parametrize("spec", NORMALIZERS, ids=IDS)
def test_nan_row_gives_nan_row(spec, axis):
    """A NaN anywhere in a row makes that whole row NaN in f, the Jacobian and the VJP."""
    x = np.array([[1.0, 2.0, 3.0], [0.5, np.nan, -1.0], [4.0, 4.0, 0.0]])
    if axis == 0:
        x = x.T.copy()
    bad = np.array([False, True, False])
    moved = lambda a: np.moveaxis(a, axis, -1)  # noqa: E731
    s = moved(spec.forward(x, axis=axis))
    assert np.isnan(s[bad]).all() and not np.isnan(s[~bad]).any()
    v = moved(spec.vjp(x, np.ones_like(x), axis=axis))
    assert np.isnan(v[bad]).all() and not np.isnan(v[~bad]).any()
    j = np.moveaxis(spec.derivative(x, axis=axis), axis % x.ndim, -2)  # (..., i, j)
    assert np.isnan(j[bad]).all() and not np.isnan(j[~bad]).any()


@pytest.mark.parametrize("spec", NORMALIZERS, ids=IDS)
def test_jacobian_matches_finite_differences(spec):
    """Column j against a central difference in x_j (tolerance: reference.central_difference)."""
    rng = np.random.default_rng(10)
    for n in (1, 2, 3, 5, 8):
        for scale in (0.1, 1.0, 5.0):
            x = rng.normal(size=n) * scale
            jac = spec.derivative(x)
            for j in range(n):
                h = 1e-6 * max(1.0, abs(x[j]))

                def f_of_xj(t, j=j, x=x):  # f as a function of x_j alone (t: n copies of one value)
                    return spec.forward(np.where(np.arange(x.size) == j, t, x))

                fd, bound = R.central_difference(f_of_xj, np.full(n, x[j]), np.full(n, h), 4 + n)
                bound += 4 * np.spacing(np.abs(jac[:, j])) + 4 * EPS
                assert np.all(np.abs(jac[:, j] - fd) <= bound), (spec.name, x, j, jac[:, j], fd, bound)


@pytest.mark.parametrize("axis", [0, 1, 2, -1, -2, -3])
@pytest.mark.parametrize("spec", NORMALIZERS, ids=IDS)
def test_jacobian_layout_for_every_axis_of_a_3d_array(spec, axis):
    """Shape x.shape + (n,), and entry [..., i, ..., j] (i where the axis was, j last) is
    d out_i / dx_j within the fibre along the axis: the 1-D Jacobian of each fibre."""
    rng = np.random.default_rng(11)
    x = rng.normal(size=(2, 3, 4)) * 3
    n = x.shape[axis]
    jac = spec.derivative(x, axis=axis)
    assert jac.shape == (*x.shape, n)
    ax = axis % 3
    expected = np.empty_like(jac)
    for index in np.ndindex(*[x.shape[k] for k in range(3) if k != ax]):
        fibre = list(index)
        fibre.insert(ax, slice(None))
        J = spec.derivative(x[tuple(fibre)])
        for i in range(n):
            where_i = list(fibre)
            where_i[ax] = i
            expected[tuple(where_i)] = J[i]
    np.testing.assert_array_equal(jac, expected)


@pytest.mark.parametrize("axis", [0, 1, 2, -1, -2, -3])
@pytest.mark.parametrize("spec", NORMALIZERS, ids=IDS)
def test_vjp_is_g_times_the_jacobian_for_every_axis(spec, axis):
    """(g^T J)_j = sum_i g_i d out_i/dx_j, fibre by fibre, within 4 (n + 2) eps of
    sum_i |g_i| |J_ij| + |g_j| (a dot product of n terms, and the identity part of
    log_softmax's J = I - 1 s^T, which cancels in g_j - s_j sum g when s_j is near 1)."""
    rng = np.random.default_rng(12)
    x = rng.normal(size=(2, 3, 4)) * 3
    g = rng.normal(size=x.shape)
    n = x.shape[axis]
    jac = spec.derivative(x, axis=axis)
    jm = np.moveaxis(jac, axis % x.ndim, -2)  # (..., i, j)
    expected = np.moveaxis(np.einsum("...i,...ij->...j", np.moveaxis(g, axis, -1), jm), -1, axis)
    scale = R.vjp_scale(jac, g, axis)
    got = spec.vjp(x, g, axis=axis)
    assert np.all(np.abs(got - expected) <= 4 * (n + 2) * EPS * scale + 1e-300)


@pytest.mark.parametrize("spec", NORMALIZERS, ids=IDS)
def test_vjp_with_the_saved_output_is_the_same(spec):
    """vjp(x, g, output=f(x)) skips the forward and gives the very same result."""
    assert "output" in inspect.signature(spec.vjp).parameters
    rng = np.random.default_rng(7)
    x, g = rng.normal(size=(2, 3, 5)) * 4, rng.normal(size=(2, 3, 5))
    for axis in range(-3, 3):
        y = spec.forward(x, axis=axis)
        np.testing.assert_array_equal(spec.vjp(x, g, axis=axis, output=y), spec.vjp(x, g, axis=axis))
    with pytest.raises(ValueError, match="output"):
        spec.vjp(x, g, output=y[..., :2])
    with pytest.raises(TypeError, match="output"):
        spec.vjp(x, g, output="s")
    with pytest.raises(ValueError, match="axis"):
        spec.vjp(x, g, axis=3, output=y)


@pytest.mark.parametrize("spec", NORMALIZERS, ids=IDS)
def test_properties_hold_on_the_rows(spec):
    """Values within [lower, upper]; monotonic in its own logit exactly when the Jacobian's
    diagonal is >= 0 on every row; exp of log_softmax and the others sum to 1."""
    p = spec.properties
    diagonal_ok = True
    for row in rows(13):
        y = spec.forward(row)
        assert np.all((p.lower <= y) & (y <= p.upper)), (spec.name, row, y)
        diagonal_ok &= bool(np.all(np.diagonal(spec.derivative(row)) >= 0))
        probabilities = np.exp(y) if p.upper == 0 else y
        assert abs(np.sum(probabilities) - 1) <= (row.size + 8) * 4 * EPS + 1e-12 * (p.upper == 0), (spec.name, row)
    assert diagonal_ok == p.monotonic
