"""Softmax, LogSoftmax and Softmin: their conventions at infinite logits, and what softmax alone
shows (rows sum to 1 within the bound, the Jacobian diag(s) - s s^T, the VJP's tighter bound).
Accuracy, the Jacobian's layout and finite differences, the VJP with the saved output and NaN
rows are tested for every normalizer in tests/test_normalizers.py."""

from __future__ import annotations

import numpy as np
import pytest
import reference as R

import activations

SPEC = activations.get("softmax")
softmax, jacobian, vjp = SPEC.forward, SPEC.derivative, SPEC.vjp
EPS = np.finfo(np.float64).eps


def _rows(seed: int = 5) -> list[np.ndarray]:
    """Rows of every width from 1 to 12 and every scale from 1e-3 to 1e3, and the edge cases."""
    rng = np.random.default_rng(seed)
    rows = [rng.normal(size=n) * scale for n in range(1, 13) for scale in (1e-3, 1.0, 10.0, 100.0, 1e3)]
    rows += [np.array(r) for r in ([1000.0, 1001.0, 1002.0], [-1000.0, -1000.0], [-1000.0, 0.0, 700.0],
                                   [0.0, -np.inf, 1.0], [1e308, -1e308], [-745.0, 0.0], [-800.0, 0.0, 0.0],
                                   [709.0, 710.0, -1e300], [5e-324, -5e-324, 0.0], [3.0])]
    return rows


# --- stability and the special values -------------------------------------------------------

def test_large_logits_are_stable():
    s = softmax([1000.0, 1001.0, 1002.0])
    assert np.all(np.isfinite(s))
    np.testing.assert_array_equal(s, softmax([0.0, 1.0, 2.0]))  # 1000 + {0, 1, 2} is exact: same z
    np.testing.assert_array_equal(softmax([-1000.0, -1000.0]), [0.5, 0.5])
    np.testing.assert_array_equal(softmax([-1e308, -1e308, -1e308, -1e308]), [0.25] * 4)


def test_minus_infinity_gets_probability_zero():
    s = softmax([0.0, -np.inf, 1.0, -np.inf])
    assert s[1] == 0 and s[3] == 0
    np.testing.assert_array_equal(s[[0, 2]], softmax([0.0, 1.0]))
    np.testing.assert_array_equal(softmax([-np.inf, 5.0]), [0.0, 1.0])


def test_plus_infinity_takes_all_the_mass():
    """The limit x_k -> inf: all the probability on the +inf entries, shared equally (the docstring)."""
    np.testing.assert_array_equal(softmax([np.inf, 0.0, 1e308]), [1.0, 0.0, 0.0])
    np.testing.assert_array_equal(softmax([np.inf, -np.inf, np.inf, 3.0]), [0.5, 0.0, 0.5, 0.0])


def test_a_row_of_minus_infinity_is_nan():
    """No distribution exists; NaN, as in PyTorch (documented). Other rows are unaffected."""
    x = np.array([[-np.inf, -np.inf], [0.0, 0.0]])
    s = softmax(x)
    assert np.isnan(s[0]).all()
    np.testing.assert_array_equal(s[1], [0.5, 0.5])


def _in(row: np.ndarray, dtype) -> np.ndarray | None:
    """The row in ``dtype``, or None if it does not fit (a finite value would become inf)."""
    with np.errstate(over="ignore"):
        x = row.astype(dtype)
    return x if np.array_equal(np.isinf(x), np.isinf(row)) else None


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.float16])
def test_rows_sum_to_one(dtype):
    """|sum_i s_i - 1| <= (largest per-entry ulp bound + n) eps: each s_i is within its bound
    (a relative error, so the errors add up to at most bound * eps * sum s_i), and the
    summation of n terms (done here in float64) adds nothing that matters. float16 gets
    the float32 base (8), the same derivation in float16's eps."""
    eps = np.finfo(dtype).eps
    for row in _rows():
        x = _in(row, dtype)
        if x is None:
            continue
        s = softmax(x)
        assert s.dtype == dtype and np.all((s >= 0) & (s <= 1))
        bound = R.softmax_ulp_bound(x.astype(np.float64), R.softmax(x), dtype, base=8).max()
        total = np.sum(s.astype(np.float64))
        assert abs(total - 1) <= (bound + x.size) * eps, (x, total)


def test_shift_invariance_within_the_conditioning_bound():
    """For any shift, softmax(x + c) differs from softmax(x) only by the rounding of x + c:
    |error of x_i + c| <= eps/2 |x_i + c|, which moves s_i by at most (|x_i + c| +
    sum_j s_j |x_j + c|) eps/2 relatively: the same conditioning term as for x - max."""
    rng = np.random.default_rng(7)
    for _ in range(50):
        x = rng.normal(size=6) * 5
        c = rng.normal() * 50
        s, t = softmax(x), softmax(x + c)
        moved = np.abs(x + c) + np.sum(s * np.abs(x + c))
        bound = 2 * R.softmax_ulp_bound(x, s, np.float64) + moved
        assert np.all(R.ulp_distance(s, t) <= bound), (x, c)


# --- the Jacobian --------------------------------------------------------------------------------

def _diag_minus_outer(s: np.ndarray) -> np.ndarray:
    return np.diag(s) - np.outer(s, s)


def test_jacobian_is_diag_s_minus_s_s_transposed():
    for row in _rows(9):
        s = softmax(row)
        np.testing.assert_allclose(jacobian(row), _diag_minus_outer(s), rtol=4 * EPS, atol=4 * EPS * EPS)


@pytest.mark.parametrize("axis", [0, 1, 2, -1, -2, -3])
def test_vjp_is_g_times_the_jacobian_for_every_axis(axis):
    """(g^T J)_j = sum_i g_i ds_i/dx_j, fibre by fibre.

    Both sides compute s_j (g_j - <g, s>) up to rounding; a dot product of n terms is
    within n eps of sum_i |g_i| s_i, so the two agree within 4 (n + 2) eps s_j
    (|g_j| + sum_i |g_i| s_i).
    """
    rng = np.random.default_rng(12)
    x = rng.normal(size=(2, 3, 4)) * 3
    g = rng.normal(size=x.shape)
    n = x.shape[axis]
    jac = jacobian(x, axis=axis)
    gm = np.moveaxis(g, axis, -1)  # (..., i)
    jm = np.moveaxis(jac, axis % x.ndim, -2)  # (..., i, j); jac has one more axis than x
    expected = np.moveaxis(np.einsum("...i,...ij->...j", gm, jm), -1, axis)
    got = vjp(x, g, axis=axis)
    s = softmax(x, axis=axis)
    scale = s * (np.abs(g) + np.sum(np.abs(g) * s, axis=axis, keepdims=True))
    assert np.all(np.abs(got - expected) <= 4 * (n + 2) * EPS * scale + 1e-300)


def test_softmax_properties():
    """The spec's claims: values in [lower, upper] = [0, 1], both reached in the limit;
    monotonic in its own logit (diagonal of J >= 0); saturating on both sides (J -> 0
    when one logit goes to +inf or -inf); not zero-centred (never negative)."""
    p = SPEC.properties
    for row in _rows(13):
        s = softmax(row)
        assert np.all((p.lower <= s) & (s <= p.upper))
        assert np.all(np.diagonal(jacobian(row)) >= 0) == p.monotonic
    assert softmax([0.0, -np.inf]).tolist() == [p.upper, p.lower]
    assert p.bounded == "both" and p.saturation == ("soft", "soft") and not p.zero_centred
    for far in (1e3, 1e300, np.inf):
        np.testing.assert_array_equal(jacobian([far, 0.0, 1.0]), np.zeros((3, 3)))
        np.testing.assert_array_equal(jacobian([-far, 0.0])[0], [0.0, 0.0])




# --- LogSoftmax and Softmin: the same conventions, in their own terms ------------------------------

log_softmax, softmin = activations.log_softmax, activations.softmin


def test_log_softmax_conventions():
    """-inf logits get -inf; k logits at +inf get -log k and the others -inf (softmax's limit);
    a row of only -inf is NaN; the largest entry's tiny negative value keeps its relative accuracy."""
    np.testing.assert_array_equal(log_softmax([0.0, -np.inf, 1.0])[1], -np.inf)
    np.testing.assert_array_equal(log_softmax([np.inf, 0.0, np.inf, -np.inf]),
                                  [-np.log(2), -np.inf, -np.log(2), -np.inf])
    np.testing.assert_array_equal(log_softmax([np.inf, 3.0]), [0.0, -np.inf])
    assert np.isnan(log_softmax([[-np.inf, -np.inf], [0.0, 0.0]])[0]).all()
    np.testing.assert_array_equal(log_softmax([[-np.inf, -np.inf], [0.0, 0.0]])[1], [-np.log(2)] * 2)
    y = log_softmax([0.0, -50.0])  # -log1p(e^-50), correctly rounded; log(softmax) gives 0 there
    assert y[0] == R.round_to_dtype(-R.MP.log1p(R.MP.exp(-50)), np.float64) and y[1] == -50.0
    assert np.log(softmax([0.0, -50.0]))[0] == 0.0


def test_softmin_conventions():
    """Softmin is softmax of -x, bit for bit: a +inf input gets 0, the -inf inputs share the mass,
    a row of only +inf is NaN."""
    rng = np.random.default_rng(21)
    x = rng.normal(size=(5, 7)) * 30
    np.testing.assert_array_equal(softmin(x), softmax(-x))
    np.testing.assert_array_equal(softmin([np.inf, 0.0, 1.0]), [0.0, *softmax([-0.0, -1.0])])
    np.testing.assert_array_equal(softmin([-np.inf, 0.0, -np.inf]), [0.5, 0.0, 0.5])
    assert np.isnan(softmin([np.inf, np.inf])).all()
    np.testing.assert_array_equal(activations.softmin_derivative(x[0]), -jacobian(-x[0]))
