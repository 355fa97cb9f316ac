"""The claims of each spec's ``properties`` (range, monotonicity, zero-centred, saturating,
bounded), the derivative against finite differences, and the convention at the kinks.

Property-based (hypothesis), parametrized over the registry. Hypothesis is derandomized
(the same examples every run, so CI is deterministic) and has no deadline.
"""

from __future__ import annotations

import numpy as np
import pytest
import reference as R
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import activations

ELEMENTWISE = [s for s in activations.specs() if s.elementwise]
IDS = lambda s: s.name  # noqa: E731
PROPERTY_SETTINGS = settings(max_examples=80, deadline=None, derandomize=True, database=None,
                             suppress_health_check=[HealthCheck.too_slow])

#: Finite float64 arrays, every magnitude (x ± 2h must not overflow, hence 1e300).
FINITE = arrays(np.float64, st.integers(1, 40), elements=st.floats(-1e300, 1e300, allow_nan=False))
#: Ordinary float64 arrays, where every function varies.
ORDINARY = arrays(np.float64, st.integers(1, 40), elements=st.floats(-60, 60, allow_nan=False))
FINITE_OR_ORDINARY = st.one_of(FINITE, ORDINARY)

DTYPES = [np.float64, np.float32]


def _in_dtype(x: np.ndarray, dtype) -> np.ndarray:
    with np.errstate(over="ignore"):  # beyond float32's range: ±inf, then dropped
        y = x.astype(dtype)
    return y[np.isfinite(y)]


# --- range -------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
@PROPERTY_SETTINGS
@given(x=FINITE_OR_ORDINARY)
def test_values_lie_in_the_closed_range(spec, dtype, x):
    """lower <= f(x) <= upper for finite x (closed: sigmoid(-800) rounds to 0 = lower). Where the
    infimum is an interior minimum (the reference's MINIMUM_AT), f is computed within k ulp of it,
    so k ulp below it are allowed."""
    x = _in_dtype(x, dtype)
    y = spec.forward(x)
    lo, hi = spec.properties.lower, spec.properties.upper
    if getattr(R.load(spec.name), "MINIMUM_AT", None) is not None:
        lo -= R.tolerance(spec.name, dtype) * float(np.spacing(dtype(abs(lo))))
    assert np.all((lo <= y) & (y <= hi)), f"{spec.name}: values outside [{lo}, {hi}]: {x[(y < lo) | (y > hi)]}"


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
def test_lower_and_upper_are_the_infimum_and_supremum(spec):
    """The extremes over the grid (±inf included) are the claimed lower and upper: the
    bounds are tight, not just bounds. An interior minimum (SiLU's, at the root x0 of f' that the
    reference names as MINIMUM_AT) is checked at x0 and on the floats around it."""
    x = R.grid(np.float64)
    x0 = getattr(R.load(spec.name), "MINIMUM_AT", None)  # an interior minimum, at a root of f'
    if x0 is not None:
        # lower is the true minimum, correctly rounded (mpmath at x0, where f is flat to ~x0-error^2);
        # the computed f is within k ulp of it on the floats around x0
        p, k = spec.properties, R.tolerance(spec.name, np.float64)
        assert p.lower == R.evaluate(R.load(spec.name).f, np.array([x0]), spec.defaults)[0], p.lower
        y = spec.forward(np.concatenate([x, np.linspace(x0 - 1e-7, x0 + 1e-7, 20001)]))
        assert abs(y.min() - p.lower) <= k * np.spacing(abs(p.lower)), (y.min(), p.lower)
        assert y.max() == p.upper, (y.max(), p.upper)
        return
    # a periodic function attains its extremes between grid points (ATTAINED_AT in the
    # reference: the floats nearest them), and has no limit at ±inf, where it is NaN
    x = np.concatenate([x, getattr(R.load(spec.name), "ATTAINED_AT", ())])
    y = spec.forward(x)
    assert not np.isnan(y[np.isfinite(x)]).any(), f"{spec.name}: NaN at a finite x"
    lo, hi = np.nanmin(y), np.nanmax(y)
    assert lo == spec.properties.lower and hi == spec.properties.upper, (lo, hi)


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
def test_bounded_agrees_with_lower_and_upper(spec):
    p = spec.properties
    expected = {(True, True): "both", (True, False): "below", (False, True): "above", (False, False): "none"}
    assert p.bounded == expected[np.isfinite(p.lower), np.isfinite(p.upper)], (p.bounded, p.lower, p.upper)
    assert p.lower < p.upper


# --- monotonicity ---------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
@PROPERTY_SETTINGS
@given(x=FINITE_OR_ORDINARY)
def test_monotonic_claim(spec, dtype, x):
    """monotonic: f' >= 0, and f is non-decreasing on sorted samples.

    A computed f is only within the accuracy bound (k ulp) of the true f, so two
    results can be out of order by up to 2k ulp where f is flat at the ulp level;
    correctly rounded (exact) functions (k = 0) must be exactly non-decreasing.
    Measured: sigmoid and softplus have 1-ulp inversions between neighbouring floats,
    within their 2-ulp accuracy; this test allows exactly the 2k the accuracy
    test guarantees, no more.
    """
    if not spec.properties.monotonic:
        return _assert_not_monotonic(spec)
    x = np.sort(_in_dtype(x, dtype))
    d = spec.derivative(x)
    assert np.all(d >= 0), f"{spec.name}: f' < 0 at {x[d < 0]}"
    y = spec.forward(x)
    k = R.tolerance(spec.name, dtype)
    with np.errstate(over="ignore", invalid="ignore"):  # spacing(max), -max - max: ±inf, harmless
        slack = 2 * k * np.spacing(np.abs(y[:-1])) if k else 0
        # where f overflows at finite x (e^x, x^2), equal neighbours inf, inf do not drop
        drop = np.where(y[:-1] == y[1:], 0.0, y[:-1] - y[1:])
    ok = (drop <= 0) | (drop <= slack)  # slack is NaN where y is inf (spacing(inf)); drop is 0 there
    assert np.all(ok), f"{spec.name}: decreases at {x[:-1][~ok]}"


def _assert_not_monotonic(spec):
    g = R.grid(np.float64)
    y, d = spec.forward(g), spec.derivative(g)
    with np.errstate(invalid="ignore"):  # inf - inf where f overflows at finite x (x^2): NaN, not a drop
        falls = np.diff(y) < 0
    assert np.any(d < 0) and np.any(falls), f"{spec.name} says not monotonic, but looks monotonic"


# --- the derivative ---------------------------------------------------------------------

def _away_from_kinks(spec, x: np.ndarray, params: dict) -> np.ndarray:
    """Points where the finite difference does not straddle a kink or a breakpoint, where f' or f''
    jumps and the quotient's error is no longer O(h^2) (``spec.kink_points``, ``spec.breakpoints``)."""
    for k in (*spec.kink_points(**params), *spec.breakpoints(**params)):
        x = x[np.abs(x - k) >= 1e-3 * max(1.0, abs(k))]
    return x


CASES = [(s, p) for s in ELEMENTWISE for p in R.param_cases(s)]


@pytest.mark.parametrize(("spec", "params"), CASES, ids=[f"{s.name}-{p}" for s, p in CASES])
@PROPERTY_SETTINGS
@given(x=FINITE_OR_ORDINARY)
def test_derivative_matches_central_differences(spec, params, x):
    """f'(x) against (f(x+h) - f(x-h)) / 2h, h = 1e-6 max(1, |x|), in float64.

    The tolerance (see reference.central_difference) is the rounding error of the
    quotient, from the accuracy bound of f (at least 1/2 ulp) and of f' itself,
    plus the truncation error h^2 f''' / 6, estimated by Richardson extrapolation
    from a second quotient with step 2h; h ~ 1e-6 balances the two (eps / h ~ h^2).
    """
    x = _away_from_kinks(spec, x, params)
    # a periodic f: beyond |x| = DIFFERENCE_REACH(**params) (the reference's) the step
    # 1e-6 |x| is no longer small against the period, and the quotient means nothing
    reach = getattr(R.load(spec.name), "DIFFERENCE_REACH", None)
    if reach is not None:
        x = x[np.abs(x) <= reach(**params)]
    h = 1e-6 * np.maximum(1.0, np.abs(x))
    # a quotient needs finite values at x ± 2h: where f overflows at finite x (e^x near 709.8,
    # x^2 beyond 1.3e154) there is no difference to take, and test_accuracy holds f' there
    with np.errstate(over="ignore"):
        finite = np.isfinite(spec.forward(x + 2 * h, **params)) & np.isfinite(spec.forward(x - 2 * h, **params))
    x, h = x[finite], h[finite]
    k = max(R.tolerance(spec.name, np.float64), 0.5)
    fd, bound = R.central_difference(lambda v: spec.forward(v, **params), x, h, k)
    d = spec.derivative(x, **params)
    bound += k * np.spacing(np.abs(d))
    err = np.abs(d - fd)
    assert np.all(err <= bound), (
        f"{spec.name}({params}): f' vs finite difference at x={x[err > bound]}: f'={d[err > bound]}, "
        f"difference quotient={fd[err > bound]}, bound={bound[err > bound]}"
    )


def test_finite_differences_catch_a_wrong_derivative():
    """The tolerance is tight enough to notice a derivative off by one part in a million."""
    spec = activations.get("tanh")
    x = np.linspace(-5, 5, 101)
    h = 1e-6 * np.maximum(1.0, np.abs(x))
    fd, bound = R.central_difference(spec.forward, x, h, 4)
    wrong = spec.derivative(x) * (1 + 1e-6)
    assert np.all(np.abs(spec.derivative(x) - fd) <= bound)
    assert np.sum(np.abs(wrong - fd) > bound) > 90


@pytest.mark.parametrize(("spec", "params"), CASES, ids=[f"{s.name}-{p}" for s, p in CASES])
def test_derivative_at_the_kinks(spec, params):
    """At each kink the derivative is one value, the convention ``spec.kink`` states: the same at
    +0 and -0, and the same in float16/32 as in float64 (test_torch and test_frameworks check that
    value against autograd). A kink convention without kink points in any parameter case, or
    kink points without a convention, fails (squareplus has a kink only for b = 0)."""
    kinks = spec.kink_points(**params)
    anywhere = any(spec.kink_points(**p) for p in R.param_cases(spec))
    assert (spec.kink is None) == (not anywhere), f"{spec.name}: kink text and kink_points disagree"
    for k in kinks:
        expected = spec.derivative(np.float64(k), **params)
        for dtype in (np.float64, np.float32, np.float16):
            for x in ((dtype(0.0), dtype(-0.0)) if k == 0 else (dtype(k),)):
                if dtype(k) != k:
                    continue  # the kink is not representable in this dtype
                got = spec.derivative(x, **params)
                assert got == dtype(expected) and got.dtype == dtype, (
                    f"{spec.name}'({x!r}) = {got!r} in {np.dtype(dtype)}, but {expected!r} in float64")


# --- zero-centred, saturating ---------------------------------------------------------------

@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
def test_zero_centred_claim(spec):
    """zero_centred means f is odd, f(-x) = -f(x) (the field's definition in _spec.py), so
    inputs symmetric about 0 give outputs with mean 0. f(0) = 0 is not enough: ReLU,
    LeakyReLU and ELU all have it, and their outputs for symmetric inputs have a positive mean.

    Odd is checked on the whole grid within twice the accuracy bound (each of f(x) and
    f(-x) is within the bound of the true, exactly odd values); a function that is not odd
    misses by far more than that somewhere on the grid.
    """
    x = R.grid(np.float64)
    x = x[x >= 0]
    gap = R.ulp_distance(spec.forward(-x), -spec.forward(x))
    odd = bool(np.all(gap <= 2 * R.tolerance(spec.name, np.float64)))
    assert spec.properties.zero_centred == odd, (
        f"{spec.name}: zero_centred={spec.properties.zero_centred}, but f(-x) = -f(x) is "
        f"{'true' if odd else 'false'} (worst at x={x[np.argmax(gap)]}: {gap.max():g} ulp)"
    )
    if odd:
        assert spec.forward(0.0) == 0


#: A point on each side where a soft-saturating derivative has not yet decayed to 0 and a
#: hard-saturating one is already exactly 0 (every kink of the registry lies inside it).
MODERATE = 10.0


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=IDS)
@PROPERTY_SETTINGS
@given(big=st.floats(1e3, 1e300))
def test_saturation_claim(spec, big):
    """saturation, per side (x -> -inf, x -> +inf), as _spec.Saturation defines it:

    - "hard": f' = 0 exactly on the half-line: at ±MODERATE, at ±big (big >= 1e3) and at ±inf;
    - "soft": f' -> 0 without being 0 at finite x: f'(±inf) = 0, f'(±MODERATE) != 0, and
      |f'(±big)| <= |f'(±MODERATE)| (it has decayed, perhaps below the smallest subnormal);
    - "none": f' does not go to 0: f'(±inf) != 0 and |f'| > 1e-3 somewhere among 8 points
      big (1 + k 1e-3), k = 0..7 (snake's f' = 1 + sin 2x touches 0 again and again: one
      point may fall near a zero, eight spread over many periods do not all).
    """
    for side, kind in zip((-1, 1), spec.properties.saturation, strict=True):
        at_inf, at_moderate = (abs(float(spec.derivative(side * v))) for v in (np.inf, MODERATE))
        around = np.abs(spec.derivative(side * big * (1 + 1e-3 * np.arange(8))))
        at_big = float(around[0]) if kind != "none" else float(np.max(around))
        got = (side, at_moderate, at_big, at_inf)
        if kind == "hard":
            assert at_moderate == at_big == at_inf == 0, (spec.name, "hard", got)
        elif kind == "soft":
            assert at_inf == 0 and at_moderate != 0 and at_big <= at_moderate, (spec.name, "soft", got)
        else:
            assert at_inf != 0 and at_big > 1e-3, (spec.name, "none", got)
