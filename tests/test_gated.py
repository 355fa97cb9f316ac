"""Every gated unit (a spec of kind "gated": GLU, SwiGLU, GeGLU, ReGLU), from the registry: x is
split along an axis into halves a and b and out_i = F(a_i, b_i), one element-wise activation of
one half times the other half. Accuracy against the mpmath reference of that activation (the
gated reference names it), the Jacobian by finite differences and in its layout for every axis,
the VJP against the Jacobian, the halves' order, the errors, no floating-point warnings."""

from __future__ import annotations

import numpy as np
import pytest
import reference as R
from test_inputs import strict_floating_point

import activations

GATED = [s for s in activations.specs() if s.kind == "gated"]
IDS = lambda s: s.name  # noqa: E731
EPS = np.finfo(np.float64).eps
DTYPES = [np.dtype(np.float64), np.dtype(np.float32)]


def _activation_params(params: dict) -> dict:
    """The gated unit's parameters that its activation takes (all but axis)."""
    return {k: v for k, v in params.items() if k != "axis"}


def _pairs(dtype) -> tuple[np.ndarray, np.ndarray]:
    """(a, b): the element-wise accuracy grid against a shuffled copy of itself, and against a
    few fixed values, so that every grid value meets a gate that is open, half open and closed."""
    g = R.grid(dtype)
    g = g[np.isfinite(g)]
    fixed = np.array([-3.0, -0.5, 0.0, 1.0, 40.0], dtype=dtype)
    a = np.concatenate([g, np.repeat(g[::7], fixed.size)])
    b = np.concatenate([np.random.default_rng(21).permutation(g), np.tile(fixed, g[::7].size)])
    return a, b


def _mp_values(module, x: np.ndarray, params: dict) -> list:
    """The element-wise reference at every x as mpf (not rounded: products are formed first)."""
    mp = R.mp_params(params, x.dtype)
    return [module(R.MP.mpf(float(v)), **mp) for v in x]


def _rounded(values: list, dtype) -> np.ndarray:
    return np.array([R.round_to_dtype(v, dtype) for v in values], dtype=dtype)


@pytest.mark.parametrize("spec", GATED, ids=IDS)
def test_every_gated_unit_has_a_reference(spec):
    ref = R.load(spec.name)
    assert getattr(ref, "GATED", False), f"tests/references/{spec.name}.py must set GATED = True"
    assert ref.ACTIVATED in ("a", "b") and (R.REFERENCE_DIR / f"{ref.ACTIVATION}.py").is_file()


def _product_within(got, want, v, factor, bound) -> np.ndarray:
    """Whether fl(fl(act(u)) v) = ``got`` is within what its two roundings allow of ``want``, the
    rounded reference of act(u) v, where fl(act(u)) is within ``bound`` ulp of ``factor`` (the
    rounded reference of act(u)).

    The factor is then off by at most (bound + 1) ulp(factor) from the exact act(u) (the +1 covers
    the reference's own rounding); |v| scales that, and the product's rounding adds ulp(want) / 2:
    |got - want| <= (bound + 1) ulp(factor) |v| + ulp(want). For a normal factor that is a few ulp
    of the product; for a factor that underflowed to a subnormal or 0 it is the factor's absolute
    error scaled by |v| (sigmoid(-745) is a subnormal with one significant bit, and 1e190 times
    it is a normal number with none). Where the activation is exact (bound 0) the product is
    correctly rounded: got must equal want."""
    with np.errstate(over="ignore", invalid="ignore"):  # spacing(inf) is NaN: ulp_distance decides there
        ulp_factor, ulp_want = (np.spacing(np.abs(t)).astype(np.float64) for t in (factor, want))  # in the dtype
        v, g64, w64 = (t.astype(np.float64) for t in (v, got, want))
        allowed = (bound + 1) * ulp_factor * np.abs(v) + ulp_want
        close = np.abs(g64 - w64) <= np.where(bound > 0, allowed, 0.0)
    return (R.ulp_distance(got, want) == 0) | close


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize("spec", GATED, ids=IDS)
def test_accuracy_against_mpmath(spec, dtype):
    """out = act(u) v, with u the activated half and v the other; its partials are act'(u) v and
    act(u). The package computes act(u) within the activation's bound B (its own accuracy test's:
    the tolerance, plus kappa near a root), then one product (_product_within); the partial
    act(u) within B ulp."""
    ref = R.load(spec.name)
    act = R.load(ref.ACTIVATION)
    a, b = _pairs(dtype)
    u, v = (a, b) if ref.ACTIVATED == "a" else (b, a)
    x = np.stack([a, b], axis=-1)
    for params in R.param_cases(spec):
        p = _activation_params(params)
        f_u, df_u = _mp_values(act.f, u, p), _mp_values(act.df, u, p)
        vv = [R.MP.mpf(float(t)) for t in v]
        bound_f = R.elementwise_bound(ref.ACTIVATION, "forward", dtype, p, u)
        bound_df = R.elementwise_bound(ref.ACTIVATION, "derivative", dtype, p, u)
        out = spec.forward(x, **params)[:, 0]
        jac = spec.derivative(x, **params)[:, 0, :]
        d_u, d_v = (jac[:, 0], jac[:, 1]) if ref.ACTIVATED == "a" else (jac[:, 1], jac[:, 0])
        act_u, slope_u = _rounded(f_u, dtype), _rounded(df_u, dtype)
        want_f = _rounded([fu * t for fu, t in zip(f_u, vv, strict=True)], dtype)
        want_du = _rounded([d * t for d, t in zip(df_u, vv, strict=True)], dtype)
        for what, got, ok in (
                ("f", out, _product_within(out, want_f, v, act_u, bound_f)),
                ("d/d(activated)", d_u, _product_within(d_u, want_du, v, slope_u, bound_df)),
                ("d/d(other)", d_v, R.ulp_distance(d_v, act_u) <= bound_f)):
            assert got.dtype == dtype
            bad = ~ok
            assert not bad.any(), (f"{spec.name} {what} {params} {dtype}: {bad.sum()} pairs beyond the bound, "
                                   f"e.g. a={a[bad][:3]}, b={b[bad][:3]}: {got[bad][:3]}")


@pytest.mark.parametrize("spec", GATED, ids=IDS)
def test_the_halves_are_taken_in_order(spec):
    """The first half of the axis is a, the second b, whichever of them is activated."""
    rng = np.random.default_rng(22)
    x = rng.normal(size=(3, 8))
    out = spec.forward(x)
    for i in range(4):
        np.testing.assert_array_equal(out[:, i], spec.forward(x[:, [i, 4 + i]])[:, 0])


@pytest.mark.parametrize("axis", [0, 1, 2, -1, -2, -3])
@pytest.mark.parametrize("spec", GATED, ids=IDS)
def test_jacobian_layout_and_vjp_for_every_axis(spec, axis):
    """Shape out.shape + (n,); within each fibre, out_i depends on a_i (column i) and b_i
    (column m + i) only; the VJP is g^T J, fibre by fibre (two terms: within 2 eps relative)."""
    rng = np.random.default_rng(23)
    x = rng.normal(size=(4, 6, 2)) * 3
    ax = axis % 3
    n = x.shape[ax]
    m = n // 2
    jac = spec.derivative(x, axis=axis)
    out_shape = list(x.shape)
    out_shape[ax] = m
    assert jac.shape == (*out_shape, n)
    jm = np.moveaxis(jac, ax, -2)  # (..., i, j)
    mask = np.zeros((m, n), dtype=bool)
    mask[np.arange(m), np.arange(m)] = mask[np.arange(m), m + np.arange(m)] = True
    assert np.all(jm[..., ~mask] == 0)
    g = rng.normal(size=out_shape)
    expected = np.moveaxis(np.einsum("...i,...ij->...j", np.moveaxis(g, ax, -1), jm), -1, ax)
    got = spec.vjp(x, g, axis=axis)
    assert got.shape == x.shape
    assert np.all(np.abs(got - expected) <= 2 * EPS * np.abs(expected) + 1e-300)


@pytest.mark.parametrize("spec", GATED, ids=IDS)
def test_jacobian_matches_finite_differences(spec):
    """Each partial against a central difference in a_i or b_i (reference.central_difference),
    away from ReGLU's kink at a = 0."""
    rng = np.random.default_rng(24)
    for params in R.param_cases(spec):
        x = rng.uniform(-4, 4, size=(40, 2))
        x[np.abs(x) < 1e-3] = 0.5
        jac = spec.derivative(x, **params)[:, 0, :]
        for j in range(2):
            h = 1e-6 * np.maximum(1.0, np.abs(x[:, j]))

            def f_of(t, j=j, x=x, params=params):
                y = x.copy()
                y[:, j] = t
                return spec.forward(y, **params)[:, 0]

            fd, bound = R.central_difference(f_of, x[:, j], h, 8)
            bound += 8 * np.spacing(np.abs(jac[:, j])) + 8 * EPS
            assert np.all(np.abs(jac[:, j] - fd) <= bound), (spec.name, params, j)


@pytest.mark.parametrize("spec", GATED, ids=IDS)
def test_errors_name_the_problem(spec):
    """An odd length along the axis, an axis out of range, a 0-d x, a g of the input's shape."""
    for fn in (spec.forward, spec.derivative):
        with pytest.raises(ValueError, match=r"axis.*odd length 3"):
            fn(np.zeros((2, 3)))
        with pytest.raises(ValueError, match="axis"):
            fn(np.zeros((2, 4)), axis=2)
        with pytest.raises(ValueError, match="dimension"):
            fn(1.0)
    with pytest.raises(ValueError, match=r"\bg\b.*output"):
        spec.vjp(np.zeros((2, 4)), np.zeros((2, 4)))
    assert spec.forward(np.zeros((2, 4)), axis=0).shape == (1, 4)


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
@pytest.mark.parametrize("spec", GATED, ids=IDS)
def test_no_floating_point_warning_on_special_pairs(spec, dtype):
    """Every pair of ±0, ±inf, NaN, the overflow edges and the extremes of the dtype: no
    warning, and each output follows IEEE (0 * inf is NaN, as in the frameworks)."""
    big = float(np.finfo(dtype).max)
    values = [0.0, -0.0, np.inf, -np.inf, np.nan, 1.0, -1.0, 40.0, -40.0, 720.0, -720.0, 1e154, big, -big]
    with np.errstate(over="ignore"):
        v = np.array(values).astype(dtype)
    x = np.array([(p, q) for p in v for q in v], dtype=dtype)
    for params in R.param_cases(spec):
        with strict_floating_point():
            out = spec.forward(x, **params)
            jac = spec.derivative(x, **params)
            grad = spec.vjp(x, np.ones(out.shape, dtype=dtype), **params)
        assert out.shape == (x.shape[0], 1) and jac.shape == (x.shape[0], 1, 2) and grad.shape == x.shape
        assert out.dtype == jac.dtype == grad.dtype == dtype
        nan_in = np.isnan(x).any(axis=-1)
        assert np.isnan(out[nan_in, 0]).all(), spec.name
