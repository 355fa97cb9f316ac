"""Sparsemax and 1.5-entmax: what makes them sparse, against the papers' closed forms and
optimality conditions, and their conventions at infinite logits and at the edge of the support.
Accuracy against mpmath, the Jacobian by finite differences, the VJP and NaN rows are tested for
every normalizer in tests/test_normalizers.py; the entmax package (their PyTorch rows) in
tests/test_torch.py and tests/test_frameworks.py."""

from __future__ import annotations

import numpy as np
import pytest

import activations

SPARSEMAX = activations.get("sparsemax")
ENTMAX15 = activations.get("entmax15")
SPARSE = [SPARSEMAX, ENTMAX15]
IDS = lambda s: s.name  # noqa: E731
EPS = np.finfo(np.float64).eps


def _random_rows(seed: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    return [rng.normal(size=n) * scale for n in range(1, 10) for scale in (0.1, 1.0, 4.0) for _ in range(3)]


def test_sparsemax_of_two_logits_is_the_clipped_line():
    """Martins & Astudillo, Eq. (4) with n = 2: p_1 = clip((t + 1) / 2, 0, 1) for (t, 0)."""
    t = np.linspace(-3, 3, 601)
    p = SPARSEMAX.forward(np.stack([t, np.zeros_like(t)], axis=-1))
    want = np.clip((t + 1) / 2, 0, 1)
    assert np.all(np.abs(p[:, 0] - want) <= 2 * EPS)
    np.testing.assert_array_equal(p[t <= -1, 0], 0.0)  # exactly 0 and 1 beyond the edges
    np.testing.assert_array_equal(p[t >= 1, 0], 1.0)


def test_entmax15_of_two_logits_is_the_closed_form():
    """For (t, 0) and |t| < 2, with a = t / 2: tau solves (a - tau)^2 + tau^2 = 1, so
    p_1 = ((a + sqrt(2 - a^2)) / 2)^2; p_1 = 0 for t <= -2 and 1 for t >= 2."""
    t = np.linspace(-3, 3, 601)
    p = ENTMAX15.forward(np.stack([t, np.zeros_like(t)], axis=-1))
    a = t / 2
    inside = np.abs(t) < 2
    want = ((a[inside] + np.sqrt(2 - a[inside] ** 2)) / 2) ** 2
    assert np.all(np.abs(p[inside, 0] - want) <= 8 * EPS)
    np.testing.assert_array_equal(p[t <= -2, 0], 0.0)
    np.testing.assert_array_equal(p[t >= 2, 0], 1.0)


@pytest.mark.parametrize("seed", [1, 2])
def test_sparsemax_meets_the_projections_optimality_conditions(seed):
    """p is the Euclidean projection onto the simplex exactly when p >= 0, sum p = 1 and there is
    a tau with x_i - p_i = tau wherever p_i > 0 and x_i <= tau wherever p_i = 0 (KKT)."""
    for x in _random_rows(seed):
        p = SPARSEMAX.forward(x)
        inside = p > 0
        tau = x[inside] - p[inside]
        scale = 4 * (x.size + 2) * EPS * (1 + np.abs(x).max())
        assert np.all(p >= 0) and abs(p.sum() - 1) <= scale
        assert np.ptp(tau) <= scale and np.all(x[~inside] <= tau.mean() + scale), (x, p)


@pytest.mark.parametrize("seed", [3, 4])
def test_entmax15_meets_its_optimality_conditions(seed):
    """1.5-entmax: x_i / 2 - sqrt(p_i) = tau wherever p_i > 0 and x_i / 2 <= tau wherever p_i = 0
    (Peters et al., Eq. (9) with alpha = 1.5), p >= 0 and sum p = 1."""
    for x in _random_rows(seed):
        p = ENTMAX15.forward(x)
        inside = p > 0
        tau = x[inside] / 2 - np.sqrt(p[inside])
        scale = 8 * (x.size + 2) * EPS * (1 + np.abs(x).max())
        assert np.all(p >= 0) and abs(p.sum() - 1) <= scale
        assert np.ptp(tau) <= scale and np.all(x[~inside] / 2 <= tau.mean() + scale), (x, p)


@pytest.mark.parametrize("spec", SPARSE, ids=IDS)
def test_far_apart_logits_give_exactly_one_hot(spec):
    """A logit ahead of all others by 1 (sparsemax) or 2 (1.5-entmax) or more takes everything."""
    gap = 1.0 if spec is SPARSEMAX else 2.0
    np.testing.assert_array_equal(spec.forward([1000.0, 1000.0 + gap, 1000.0 - 5]), [0.0, 1.0, 0.0])
    np.testing.assert_array_equal(spec.derivative([0.0, gap]), np.zeros((2, 2)))
    assert spec.forward([0.0, 0.999 * gap])[0] > 0  # just inside: not yet


@pytest.mark.parametrize("spec", SPARSE, ids=IDS)
def test_conventions_at_infinite_logits(spec):
    """As softmax: -inf gets 0, the +inf entries share equally, a row of only -inf is NaN."""
    np.testing.assert_array_equal(spec.forward([0.0, -np.inf, 1.0, -np.inf])[[1, 3]], [0.0, 0.0])
    # (1.5-entmax: sqrt(1/2)^2 rounds to 1/2 + 1 ulp)
    np.testing.assert_allclose(spec.forward([np.inf, 0.0, np.inf, -np.inf]), [0.5, 0.0, 0.5, 0.0], rtol=2 * EPS, atol=0)
    np.testing.assert_array_equal(spec.forward([np.inf, 1e308]), [1.0, 0.0])
    assert np.isnan(spec.forward([-np.inf, -np.inf])).all()
    np.testing.assert_array_equal(spec.forward([1e308, -1e308]), [1.0, 0.0])


def test_sparsemax_counts_an_entry_on_the_edge_as_outside():
    """(1, 0): the second entry is exactly at the threshold (p = (1, 0)); its row and column of the
    Jacobian are 0 (the entmax package's choice, measured in test_frameworks), so J = 0 here."""
    np.testing.assert_array_equal(SPARSEMAX.forward([1.0, 0.0]), [1.0, 0.0])
    np.testing.assert_array_equal(SPARSEMAX.derivative([1.0, 0.0]), np.zeros((2, 2)))
    inside = SPARSEMAX.derivative([1.0 - 1e-9, 0.0])  # just inside: both in the support
    np.testing.assert_allclose(inside, [[0.5, -0.5], [-0.5, 0.5]])


def test_entmax15_derivative_is_continuous_at_the_edge_of_the_support():
    """C^1: r = sqrt(p) -> 0 at the edge, so the Jacobian goes to 0 there (sparsemax's jumps)."""
    for d in (1e-2, 1e-4, 1e-6):
        j = ENTMAX15.derivative([2.0 - d, 0.0])
        assert np.abs(j).max() <= 2 * np.sqrt(d), (d, j)
    assert np.abs(SPARSEMAX.derivative([1.0 - 1e-6, 0.0])).max() == pytest.approx(0.5)


@pytest.mark.parametrize("spec", SPARSE, ids=IDS)
def test_rows_of_the_jacobian_sum_to_zero(spec):
    """Shift invariance: adding the same c to every logit changes nothing, so J 1 = 0."""
    for x in _random_rows(5):
        jac = spec.derivative(x)
        assert np.all(np.abs(jac.sum(axis=-1)) <= 4 * x.size * EPS)
