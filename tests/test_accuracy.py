"""Accuracy of every elementwise function against mpmath, in ulp, over the whole float range.

The references, the correct rounding to the dtype and the ulp distance live in
``tests/reference.py``; each is itself tested at the end of this file.
"""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
import reference as R

import activations

ELEMENTWISE = [s for s in activations.specs() if s.elementwise]
DTYPES = [np.dtype(np.float64), np.dtype(np.float32)]
WHICH = ("forward", "derivative")
#: Inputs where some textbook formula fails, from every spec: part of every grid.
NUMERICS_INPUTS = tuple(v for s in activations.specs() for v in s.numerics_inputs)


def _grid(dtype) -> np.ndarray:
    return R.grid(dtype, extra=NUMERICS_INPUTS)


def _reference(spec, which: str):
    if spec.name not in R.REFERENCES:
        pytest.fail(f"tests/references/{spec.name}.py is missing: the mpmath reference of {spec.name!r}")
    return R.REFERENCES[spec.name][WHICH.index(which)]


def _worst(x, got, ref, ulp, k: int = 5) -> str:
    order = np.argsort(-ulp, kind="stable")[:k]
    return "\n".join(f"  x={x[i]!r}: got {got[i]!r}, reference {ref[i]!r}, {ulp[i]:g} ulp" for i in order)


def _check(spec, which: str, dtype, params: dict, x: np.ndarray, bound) -> float:
    """Assert ulp(f(x), reference) <= bound element-wise; return the worst ulp."""
    fn = getattr(spec, which)
    ref = R.evaluate(_reference(spec, which), x, params)
    got = fn(x, **params)
    assert got.dtype == dtype, f"{spec.name}.{which} returned {got.dtype} for {dtype} input"
    ulp = R.ulp_distance(got, ref)
    bad = ulp > bound
    assert not bad.any(), (
        f"{spec.name}.{which}({params}) in {dtype}: {bad.sum()} of {x.size} inputs beyond the bound "
        f"(worst {ulp.max():g} ulp):\n{_worst(x, got, ref, ulp)}"
    )
    return float(ulp.max())




def _bound(spec, which: str, dtype, params: dict, x: np.ndarray) -> np.ndarray:
    """The ulp bound at each x (reference.elementwise_bound: the tolerance, plus kappa(x) near a
    root x0 != 0 of g = f or f')."""
    return R.elementwise_bound(spec.name, which, dtype, params, x)


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=lambda s: s.name)
def test_roots_allowance_is_honest(spec):
    """Each ROOTS interval is short, excludes 0 and holds a sign change of g (a real root), at
    every parameter case."""
    module = R.load(spec.name)
    for key, intervals in getattr(module, "ROOTS", {}).items():
        g = module.f if key == "f" else module.df
        for lo, hi in intervals:
            assert 0 < lo * hi and hi - lo <= 0.05 * max(abs(lo), abs(hi)), (spec.name, key, lo, hi)
            for params in R.param_cases(spec):  # the interval serves every parameter case (_bound)
                mp = R.mp_params(params)
                assert g(R.MP.mpf(lo), **mp) * g(R.MP.mpf(hi), **mp) < 0, (spec.name, key, lo, hi, params)


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=lambda s: s.name)
def test_every_elementwise_function_has_a_reference(spec):
    for which in WHICH:
        assert callable(_reference(spec, which))


@pytest.mark.parametrize("which", WHICH)
@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize("spec", ELEMENTWISE, ids=lambda s: s.name)
def test_accuracy_at_default_parameters(spec, dtype, which):
    """Within 4 ulp (float64) / 8 ulp (float32) of mpmath everywhere; 0 ulp for the exact ones."""
    x = _grid(dtype)
    _check(spec, which, dtype, spec.defaults, x, _bound(spec, which, dtype, spec.defaults, x))


@pytest.mark.parametrize("which", WHICH)
@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize("spec", ELEMENTWISE, ids=lambda s: s.name)
def test_accuracy_at_random_ordinary_points(spec, dtype, which):
    """The grid is sparse where the functions are flat at the ulp level (sigmoid' and tanh'
    just below 1/4 and 1, where an ulp is half the relative size): 2000 seeded random points
    in [-1, 1] and [-40, 40] as well. Measured worst: 4 ulp (float64), 7 ulp (float32)."""
    rng = np.random.default_rng(17)
    # a reference may ask for denser samples where its error peaks (SAMPLES: (lo, hi, n), ...)
    dense = [rng.uniform(lo, hi, n) for lo, hi, n in getattr(R.load(spec.name), "SAMPLES", ())]
    x = np.concatenate([rng.uniform(-1, 1, 1000), rng.uniform(-40, 40, 1000), *dense]).astype(dtype)
    _check(spec, which, dtype, spec.defaults, x, _bound(spec, which, dtype, spec.defaults, x))


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=lambda s: s.name)
def test_every_parameter_has_non_default_cases(spec):
    if spec.parameters:
        cases = R.NON_DEFAULT_PARAMS.get(spec.name)
        assert cases, f"{spec.name} has parameters but tests/references/{spec.name}.py has no PARAMS case"
        for case in cases:
            assert set(case) == {p.name for p in spec.parameters}, case
            assert case != spec.defaults


NON_DEFAULT = [(s, p) for s in ELEMENTWISE for p in R.NON_DEFAULT_PARAMS.get(s.name, [])]


@pytest.mark.parametrize("which", WHICH)
@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize(("spec", "params"), NON_DEFAULT, ids=[f"{s.name}-{p}" for s, p in NON_DEFAULT])
def test_accuracy_at_other_parameters(spec, params, dtype, which):
    x = _grid(dtype)
    _check(spec, which, dtype, params, x, _bound(spec, which, dtype, params, x))


@pytest.mark.parametrize("which", WHICH)
@pytest.mark.parametrize("dtype", DTYPES, ids=str)
@pytest.mark.parametrize("beta", R.NON_DYADIC_BETAS)
def test_softplus_with_a_beta_that_is_not_a_power_of_two(beta, dtype, which):
    """4/8 ulp wherever beta*x >= -NON_DYADIC_REACH; in the negative tail beyond, the
    error of rounding beta*x (|beta x| / 2 ulp or so, see reference.py) is allowed
    and nothing more: the bound there is the base bound + |beta x| ulp."""
    spec = activations.get("softplus")
    x = _grid(dtype)
    with np.errstate(over="ignore"):  # |beta x| = inf beyond float64's range: in the tail, fine
        bx = np.abs(x.astype(np.float64) * float(dtype.type(beta)))
    near = (x >= 0) | (bx <= R.NON_DYADIC_REACH)
    base = R.tolerance("softplus", dtype)
    _check(spec, which, dtype, {"beta": beta}, x[near], base)
    tail = ~near & np.isfinite(x)
    _check(spec, which, dtype, {"beta": beta}, x[tail], base + np.ceil(bx[tail]))


# --- exact limits ------------------------------------------------------------

LIMIT_CASES = [(s, p) for s in ELEMENTWISE for p in R.param_cases(s)]


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.float16])
@pytest.mark.parametrize(("spec", "params"), LIMIT_CASES, ids=[f"{s.name}-{p}" for s, p in LIMIT_CASES])
def test_limits_at_infinity_are_exact(spec, params, dtype):
    expected = np.array(R.load(spec.name).limits(**params), dtype=dtype)
    x = np.array([-np.inf, np.inf], dtype=dtype)
    got = np.concatenate([spec.forward(x, **params), spec.derivative(x, **params)])
    assert got.dtype == dtype
    np.testing.assert_array_equal(got, expected, err_msg=f"{spec.name}({params}): f(-inf), f(inf), f'(-inf), f'(inf)")


NAN_CASES = [(s, p, w) for s in ELEMENTWISE for p in R.param_cases(s) for w in WHICH]


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.float16])
@pytest.mark.parametrize(("spec", "params", "which"), NAN_CASES, ids=[f"{s.name}-{p}-{w}" for s, p, w in NAN_CASES])
def test_nan_in_gives_nan_out(spec, params, which, dtype):
    fn = getattr(spec, which)
    x = np.array([-2.0, np.nan, 0.0, np.nan, 3.0, -np.nan], dtype=dtype)
    got = fn(x, **params)
    assert np.isnan(got).tolist() == np.isnan(x).tolist(), f"{spec.name}.{which}({params}) on {x}: {got}"
    # the NaNs do not disturb their neighbours
    np.testing.assert_array_equal(got[~np.isnan(x)], fn(x[~np.isnan(x)], **params))
    assert np.isnan(fn(dtype(np.nan), **params))


# --- the references and helpers themselves -----------------------------------

SAMPLE = np.concatenate([
    np.array([5e-324, 1e-310, 1e-300, 1e-30, 1e-8, 0.1, 0.7, 1.0, 2.5, 19.0, 37.0, 100.0, 709.8, 745.5, 1e4, 1e300]),
])
SAMPLE = np.concatenate([-SAMPLE[::-1], [0.0], SAMPLE])


@pytest.mark.parametrize("which", WHICH)
@pytest.mark.parametrize("name", sorted(R.REFERENCES))
def test_references_keep_50_digits(name, which):
    """Each reference agrees with itself evaluated at 120 digits to 50 significant digits,
    across 600 orders of magnitude: the formulas lose no digits in the tails."""
    ref = R.REFERENCES[name][WHICH.index(which)]
    spec = activations.get(name)
    for params in R.param_cases(spec):
        mp_params = R.mp_params(params)
        at60 = [ref(R.MP.mpf(float(v)), **mp_params) for v in SAMPLE]
        old = R.MP.dps
        try:
            R.MP.dps = 120
            at120 = [ref(R.MP.mpf(float(v)), **mp_params) for v in SAMPLE]
        finally:
            R.MP.dps = old
        for v, a, b in zip(SAMPLE, at60, at120, strict=True):
            if b == 0:
                assert a == 0, (name, which, v)
            else:
                rel = abs((a - b) / b)
                assert rel < mpmath.mpf("1e-50"), f"{name}.{which}({v}, {params}): 60 and 120 digits differ by {rel}"


def test_round_to_dtype_agrees_with_ieee_casts():
    """For a float64 value, one IEEE cast to float32/float16 is a single correct rounding:
    the helper must agree with it everywhere, subnormals and overflow included."""
    rng = np.random.default_rng(1)
    bits = rng.integers(0, 2**63, size=4000, dtype=np.uint64).view(np.float64)
    x = np.concatenate([bits[np.isfinite(bits)], rng.normal(size=500) * 1e-40, rng.normal(size=500) * 1e-6,
                        [3.4028235677973366e38, 3.4028235677973362e38, 3.4028234663852886e38, 65504.0, 65520.0,
                         65519.99, 1e-45, 7e-46, 7.006e-46, 1.4e-45, 6e-8, 2.98e-8, 2.99e-8]])
    for dtype in (np.float32, np.float16):
        with np.errstate(over="ignore"):
            expected = x.astype(dtype)
        got = np.array([R.round_to_dtype(R.MP.mpf(float(v)), dtype) for v in x], dtype=dtype)
        assert R.ulp_distance(got, expected).max() == 0, dtype
    got64 = np.array([R.round_to_dtype(R.MP.mpf(float(v)), np.float64) for v in x])
    np.testing.assert_array_equal(got64, x)


def test_round_to_dtype_rounds_once():
    """Values where rounding through float64 first (double rounding) gives the wrong float32/float64."""
    mpf = R.MP.mpf
    tiny32 = mpf(2) ** -149  # the smallest float32 subnormal
    # just above half of it: rounds up to tiny32; through float64 it is exactly half, and then rounds to 0
    v = tiny32 * (mpf(1) / 2 + mpf(2) ** -60)
    assert float(v) == 2.0**-150 and np.float32(float(v)) == 0
    assert R.round_to_dtype(v, np.float32) == np.float32(2.0**-149)
    # 1 + 2^-24 + 2^-60: above the float32 midpoint 1 + 2^-24, so it rounds up to 1 + 2^-23
    v = 1 + mpf(2) ** -24 + mpf(2) ** -60
    assert np.float32(float(v)) == 1  # float64 drops 2^-60, then the tie goes to even: 1
    assert R.round_to_dtype(v, np.float32) == np.float32(1 + 2.0**-23)
    # float64 subnormal: 2^-1075 (1 + 2^-70) is above half the smallest subnormal
    assert R.round_to_dtype(mpf(2) ** -1075 * (1 + mpf(2) ** -70), np.float64) == 5e-324
    assert R.round_to_dtype(mpf(2) ** -1075, np.float64) == 0  # the tie goes to even: 0
    assert R.round_to_dtype(-mpf(2) ** -1075 * 3, np.float64) == -1e-323  # 1.5 quanta: tie, to even: 2
    # ties to even, both directions; overflow; huge and tiny exponents
    assert R.round_to_dtype(1 + mpf(2) ** -53, np.float64) == 1.0
    assert R.round_to_dtype(1 + 3 * mpf(2) ** -53, np.float64) == 1 + 2.0**-51
    big = mpf(np.finfo(np.float64).max)
    assert R.round_to_dtype(big + mpf(2) ** 970, np.float64) == np.inf  # max + half an ulp: tie to even = inf
    assert R.round_to_dtype(big + mpf(2) ** 970 - mpf(2) ** 900, np.float64) == big
    assert R.round_to_dtype(-R.MP.exp(mpf(10) ** 300), np.float32) == -np.inf
    assert R.round_to_dtype(R.MP.exp(-mpf(10) ** 300), np.float64) == 0
    assert np.isnan(R.round_to_dtype(R.MP.nan, np.float16))


def test_ulp_distance():
    f64 = np.float64
    one = f64(1.0)
    assert R.ulp_distance(one, np.nextafter(one, 2)) == 1
    assert R.ulp_distance(np.nextafter(one, 2), one) == 1
    assert R.ulp_distance(one, f64(2.0)) == 2**52
    assert R.ulp_distance(f64(0.0), f64(-0.0)) == 0
    assert R.ulp_distance(f64(5e-324), f64(-5e-324)) == 2
    assert R.ulp_distance(f64(0.0), f64(2.2250738585072014e-308)) == 2**52  # all the subnormals
    assert R.ulp_distance(f64(-1.0), f64(1.0)) == 2 * 0x3FF0000000000000
    big = np.finfo(np.float64).max
    assert R.ulp_distance(-big, big) == 2 * 0x7FEFFFFFFFFFFFFF
    assert R.ulp_distance(f64(np.inf), f64(np.inf)) == 0
    assert R.ulp_distance(f64(np.inf), f64(-np.inf)) == np.inf
    assert R.ulp_distance(f64(np.inf), big) == np.inf
    assert R.ulp_distance(f64(np.nan), f64(np.nan)) == 0
    assert R.ulp_distance(f64(np.nan), f64(1.0)) == np.inf
    assert R.ulp_distance(np.float32(1.0), np.nextafter(np.float32(1.0), np.float32(0))) == 1
    assert R.ulp_distance(np.float16(-6e-8), np.float16(6e-8)) == 2
    rng = np.random.default_rng(2)
    x = rng.normal(size=1000)
    k = rng.integers(0, 50, size=1000)
    y = x.copy()
    for i in range(1000):
        for _ in range(k[i]):
            y[i] = np.nextafter(y[i], np.inf)
    np.testing.assert_array_equal(R.ulp_distance(x, y), k)
    with pytest.raises(TypeError):
        R.ulp_distance(np.float32(1), np.float64(1))


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
def test_grid_covers_what_it_promises(dtype):
    g = _grid(dtype)
    assert g.dtype == dtype
    info = np.finfo(dtype)
    assert np.all(np.diff(g[np.isfinite(g)]) >= 0)
    zeros = g[g == 0]
    assert sorted(np.signbit(zeros).tolist()) == [False, True]
    assert {-np.inf, np.inf} <= set(g.tolist()) and not np.isnan(g).any()
    finite = g[np.isfinite(g) & (g != 0)]
    assert np.abs(finite).min() == info.smallest_subnormal
    assert (np.abs(finite) < info.smallest_normal).sum() >= 3  # subnormals of both signs
    assert np.abs(finite).max() == info.max
    edge = {np.float64: [709.8, 710.0, 745.13, 37.0, 19.0], np.float32: [88.72, 103.28, 17.0, 9.0, 20.0]}[dtype.type]
    for v in edge:
        for s in (1, -1):
            assert np.any(np.abs(g - s * dtype.type(v)) <= 4 * np.spacing(dtype.type(v))), v
