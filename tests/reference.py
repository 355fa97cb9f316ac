"""High-precision references for the accuracy tests, and the helpers that compare with them.

Every reference is evaluated with mpmath in a private context at 60 significant
digits (about 199 bits, nearly four times float64's 53), from the *exact* value of
the floating-point input: ``mpf(float(x))`` is exact for float16/32/64. Each
formula below is chosen so that it loses no digits anywhere on the real line (no
subtraction of nearly equal numbers, no overflow: mpmath's exponent range is
unbounded), so the reference keeps 50+ correct digits for every input; the test
``test_references_keep_50_digits`` re-evaluates them at 120 digits to check it.

The reference is then rounded to the target dtype **once**, by
:func:`round_to_dtype`: round-to-nearest-even done in exact integer arithmetic on
the mpf's mantissa and exponent, with the dtype's own precision and subnormal
range. Going through float64 first (``np.float32(float(v))``) would round twice
and can be off by one in the last place of a float32 (and ``float(mpf)`` itself
rounds twice for float64 subnormals), so it is not used.

A parameter (``negative_slope``, ``alpha``, ``beta``) enters the reference as the
value the dtype holds: NumPy casts a Python float to float32 before it meets a
float32 array, so a float32 ``leaky_relu`` computes ``round32(x * float32(a))``.

>>> float(round_to_dtype(MP.mpf(1) / 3, np.float64)) == 1 / 3
True
>>> int(ulp_distance(np.float64(1.0), np.nextafter(1.0, 2.0)))
1
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import mpmath
import numpy as np

#: A private mpmath context, so that no other user of mpmath sees our precision.
MP = mpmath.MPContext()
MP.dps = 60

#: (precision p in bits incl. the hidden bit, emin, emax) of each IEEE binary format.
FORMATS = {
    np.dtype(np.float16): (11, -14, 15),
    np.dtype(np.float32): (24, -126, 127),
    np.dtype(np.float64): (53, -1022, 1023),
}

Mpf = mpmath.mpf  # only for type hints; values are MP.mpf


# ---------------------------------------------------------------------------
# The references of the element-wise functions: one module per function in
# tests/references/<name>.py, each with f(x, **params) and df(x, **params) (mpf in,
# mpf out, the method written beside the formula), limits(**params) = the exact
# (f(-inf), f(+inf), f'(-inf), f'(+inf)), PARAMS (the non-default parameter
# cases) and EXACT (whether the package must be correctly rounded, 0 ulp).
# A registered element-wise function without its module fails test_accuracy by name.
# ---------------------------------------------------------------------------

REFERENCE_DIR = Path(__file__).resolve().parent / "references"


def load(name: str) -> ModuleType:
    """tests/references/<name>.py, the mpmath reference of function ``name``."""
    if not (REFERENCE_DIR / f"{name}.py").is_file():
        raise LookupError(f"tests/references/{name}.py is missing: the mpmath reference of {name!r} "
                          "(f, df, limits, PARAMS, EXACT; see tests/references/elu.py)")
    return importlib.import_module(f"references.{name}")


def __getattr__(attr: str):
    """REFERENCES, EXACT and NON_DEFAULT_PARAMS, built on first use (PEP 562): the reference
    modules import this module, so loading them while it is imported would be circular.

    - REFERENCES: name -> (f, f') of every element-wise function that has a reference module;
    - EXACT: the functions the package must compute correctly rounded (0 ulp);
    - NON_DEFAULT_PARAMS: name -> the non-default parameter cases every test also runs.
    """
    # the element-wise references (a function along an axis, ROWWISE, has f(row) and no df; a
    # gated unit, GATED, is made of an element-wise one: tests/test_gated.py)
    names = [p.stem for p in sorted(REFERENCE_DIR.glob("*.py"))
             if not (getattr(load(p.stem), "ROWWISE", False) or getattr(load(p.stem), "GATED", False))]
    built = {
        "REFERENCES": lambda: {n: (load(n).f, load(n).df) for n in names},
        "EXACT": lambda: {n for n in names if load(n).EXACT},
        "NON_DEFAULT_PARAMS": lambda: {n: load(n).PARAMS for n in names if load(n).PARAMS},
    }
    if attr not in built:
        raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")
    value = built[attr]()
    globals()[attr] = value
    return value


def softmax(row):
    """Softmax of a sequence of floats, as mpf: e^{x_i - m} / sum_j e^{x_j - m}.

    Subtracting m = max rounds at most once at 199 bits (a relative error of
    2^-199 in x_i - m, against float64's 2^-53). Every term is then in [0, 1]
    and the sum in [1, n]: nothing cancels, nothing overflows. -inf entries
    give exactly 0 (e^{-inf} = 0 in mpmath).
    """
    xs = [MP.mpf(float(v)) for v in row]
    m = max(xs)
    es = [MP.exp(v - m) for v in xs]
    total = MP.fsum(es)
    return [e / total for e in es]




def mp_params(params: dict[str, float | str], dtype=None) -> dict:
    """The parameters as the reference takes them: a number as an mpf, first rounded to
    ``dtype`` if one is given (see the module docstring); a string (GELU's approximate) as it is."""
    def one(v):
        if isinstance(v, str):
            return v
        return MP.mpf(float(np.dtype(dtype).type(v)) if dtype is not None else v)
    return {k: one(v) for k, v in params.items()}


def evaluate(ref: Callable, x: np.ndarray, params: dict[str, float | str]) -> np.ndarray:
    """The reference ``ref`` at every element of ``x``, correctly rounded to x's dtype.

    Numeric parameters are first rounded to x's dtype (see the module docstring). NaN in
    gives NaN out without consulting mpmath.
    """
    dtype = x.dtype
    mparams = mp_params(params, dtype)
    out = np.empty(x.shape, dtype=dtype)
    for i, v in np.ndenumerate(x):
        out[i] = np.nan if np.isnan(v) else round_to_dtype(ref(MP.mpf(float(v)), **mparams), dtype)
    return out


# ---------------------------------------------------------------------------
# Rounding and ulp distance
# ---------------------------------------------------------------------------

def round_to_dtype(v, dtype) -> np.floating:
    """Round the mpf ``v`` to the nearest value of ``dtype`` (ties to even), once.

    Works on the exact integer mantissa and exponent of ``v`` (|v| = man * 2^exp),
    so there is no intermediate rounding: the quantum 2^q is the ulp of the
    target format at |v| (fixed at the subnormal quantum below the smallest
    normal exponent), and man * 2^exp / 2^q is rounded to an integer n. The
    result n * 2^q is exactly representable in float64 (n < 2^53, q in range),
    so ``math.ldexp`` and the final cast are exact. Overflow gives ±inf, as
    IEEE round-to-nearest does. Zero comes back as +0 (mpf has no signed zero).
    """
    dtype = np.dtype(dtype)
    p, emin, emax = FORMATS[dtype]
    if MP.isnan(v):
        return dtype.type(np.nan)
    if MP.isinf(v):
        return dtype.type(np.inf if v > 0 else -np.inf)
    if v == 0:
        return dtype.type(0.0)
    sign, man, exp, bc = MP.mpf(v)._mpf_
    man = int(man)
    e = exp + bc - 1  # floor(log2 |v|)
    if e < emin - p - 1:  # below half the smallest subnormal (also for e^{-1e300}): 0
        return dtype.type(-0.0 if sign else 0.0)
    if e > emax + 1:  # far above the largest finite value
        return dtype.type(-np.inf if sign else np.inf)
    q = max(e, emin) - (p - 1)  # log2 of the ulp at |v| in the target format
    shift = exp - q
    if shift >= 0:
        n = man << shift  # v is a multiple of the quantum already: exact
    else:
        n, r = divmod(man, 1 << -shift)
        half = 1 << (-shift - 1)
        if r > half or (r == half and n & 1):
            n += 1  # round half to even
    if n.bit_length() + q > emax + 1:  # |rounded| >= 2^(emax+1): overflow
        return dtype.type(-np.inf if sign else np.inf)
    return dtype.type(math.ldexp(-n if sign else n, q))


_UINT = {2: np.uint16, 4: np.uint32, 8: np.uint64}


def ulp_distance(a, b) -> np.ndarray:
    """How many representable values of the dtype lie from ``a`` to ``b`` (float64 array).

    Adjacent values are 1 apart, equal values 0. +0 and -0 are the same number
    (distance 0); the count runs across 0 through the subnormals, so the
    distance between -tiny and +tiny is the sum of their distances to 0.
    Infinity is not treated as "one past the largest float": ±inf is 0 from
    itself and infinitely far from anything else, so a result that should be
    inf (or should not) can never pass a finite tolerance. NaN is 0 from NaN
    and infinitely far from any number.

    >>> int(ulp_distance(np.float32(-1e-45), np.float32(1e-45)))
    2
    >>> float(ulp_distance(np.float64(np.inf), np.finfo(np.float64).max))
    inf
    """
    a, b = np.asarray(a), np.asarray(b)
    if a.dtype != b.dtype or a.dtype not in FORMATS:
        raise TypeError(f"ulp_distance needs two arrays of one float dtype, got {a.dtype} and {b.dtype}")
    a, b = np.broadcast_arrays(a, b)
    shape = a.shape
    a, b = np.ascontiguousarray(a).reshape(-1), np.ascontiguousarray(b).reshape(-1)
    uint = _UINT[a.dtype.itemsize]
    sign = uint(1) << uint(8 * a.dtype.itemsize - 1)
    ia, ib = a.view(uint), b.view(uint)
    ma, mb = ia & ~sign, ib & ~sign  # magnitudes: monotone in |value|
    same_sign = (ia & sign) == (ib & sign)
    d = np.where(same_sign, np.maximum(ma, mb) - np.minimum(ma, mb), ma + mb).astype(np.float64)
    nan_a, nan_b = np.isnan(a), np.isnan(b)
    inf_a, inf_b = np.isinf(a), np.isinf(b)
    d[(inf_a | inf_b) & (a != b)] = np.inf
    d[nan_a != nan_b] = np.inf
    d[nan_a & nan_b] = 0
    return d.reshape(shape)


# ---------------------------------------------------------------------------
# The input grids
# ---------------------------------------------------------------------------

_FLOAT64_SPECIAL = [
    5e-324, 1e-323, 1e-310, 2.2250738585072014e-308, 2.225073858507201e-308, 1e-200, 1e-20, 1e-17,
    1e-10, 1e-8, 1e-3, 0.5, 1.0, 2.0, 3.0,
    18.0, 19.0, 19.1, 20.0, 20.5, 21.0, 36.0, 36.7, 37.0, 37.5, 38.0, 40.0, 50.0,
    88.0, 88.7, 88.72, 88.73, 89.0, 100.0, 200.0,
    700.0, 709.0, 709.78, 709.782712893384, 709.79, 709.8, 710.0, 711.0,
    744.0, 745.0, 745.13, 745.2, 746.0, 750.0, 800.0, 1000.0, 1e4, 1e6, 1e15, 1e16, 1e17,
    1.7976931348623157e308,
]
_FLOAT32_SPECIAL = [
    1e-45, 3e-45, 1e-40, 1.1754942e-38, 1.1754944e-38, 1e-30, 1e-10, 1e-8, 1e-7, 1e-5, 1e-3,
    0.5, 1.0, 2.0, 3.0, 8.0, 9.0, 9.1, 10.0, 12.0, 15.0, 16.0, 16.6, 17.0, 17.3, 18.0, 19.0, 20.0,
    30.0, 40.0, 50.0, 80.0, 87.0, 87.3, 87.34, 88.0, 88.7, 88.72, 88.7228, 88.73, 89.0,
    100.0, 103.0, 103.28, 103.9, 104.0, 110.0, 200.0, 1000.0, 1e4, 1e7, 1e8, 3.4028235e38,
]


def grid(dtype, extra=()) -> np.ndarray:
    """Sorted test inputs of ``dtype``: both signs, 0, -0, subnormals, ±inf, no NaN.

    float64: |x| from 1e-300 to 1e300, one point a decade, a denser run from
    1e-20 to ~1600 where the functions change, and the edges where textbook
    formulas break: exp overflows at 709.78 (float64) and 88.72 (float32), exp
    underflows below -745.13 / -103.28, 1 - s cancels at 37 (sigmoid) and 19
    (tanh), PyTorch's softplus threshold 20; these edges with their float neighbours.
    float32: the same idea in float32's range, 1e-45 to 3.4e38. ``extra`` adds
    points (the specs' ``numerics_inputs``).
    """
    dtype = np.dtype(dtype)
    if dtype == np.float64:
        spread, special = [np.logspace(-300, 300, 601), np.logspace(-20, 3.2, 700)], _FLOAT64_SPECIAL
    elif dtype == np.float32:
        spread, special = [np.logspace(-45, 38.5, 335), np.logspace(-10, 2.2, 500)], _FLOAT32_SPECIAL
    else:
        raise ValueError(f"no grid for {dtype}")
    special = np.asarray(special, dtype=np.float64).astype(dtype)
    big = np.finfo(dtype).max
    special = np.concatenate([special, np.nextafter(special, dtype.type(0)),
                              np.nextafter(np.minimum(special, np.nextafter(big, 0)), big)])
    with np.errstate(over="ignore"):  # 10^38.5 > float32 max rounds to inf: dropped below
        m = np.concatenate([np.concatenate(spread).astype(dtype), special])
    m = m[np.isfinite(m) & (m > 0)]
    with np.errstate(over="ignore"):
        e = np.asarray([v for v in extra if np.isfinite(v)], dtype=np.float64).astype(dtype)
    x = np.concatenate([m, -m, e, np.array([0.0, -0.0, np.inf, -np.inf], dtype=dtype)])
    x = np.unique(x)  # sorted, but it keeps only one of -0 and +0
    i = int(np.searchsorted(x, 0))
    x[i] = 0.0
    return np.insert(x, i, -0.0)  # ..., -tiny, -0, +0, tiny, ...


# ---------------------------------------------------------------------------
# Facts the tests hold the package to, shared by the test files
# ---------------------------------------------------------------------------

#: Accuracy bound, in ulp of the result, for every elementwise function at any
#: tested parameters (forward and derivative), and the base of softmax's bound.
ULP_TOLERANCE = {np.dtype(np.float64): 4, np.dtype(np.float32): 8}

#: softplus with a beta that is not a power of 2: the package forms beta*x in
#: floating point, and in the negative tail, where softplus(x) ~ e^{beta x}/beta
#: and softplus'(x) ~ e^{beta x}, the rounding of beta*x (relative error up to
#: 2^-53, i.e. an absolute error up to |beta x| 2^-53) becomes a relative error of
#: the result of up to |beta x| 2^-53: about |beta x| / 2 ulp. So the 4-ulp bound
#: can only hold where beta*x >= -NON_DYADIC_REACH; beyond, test_accuracy records
#: (and bounds by |beta x| + 4 ulp) what it measures instead of hiding it.
NON_DYADIC_BETAS = (3.0, 1.5, 0.1)
NON_DYADIC_REACH = 4.0


def tolerance(name: str, dtype) -> int:
    """The ulp bound for function ``name`` in ``dtype``: 0 for the exact ones, else ULP_TOLERANCE,
    unless the reference declares a measured wider bound in ``ULPS`` ({"float64": 6}, with the
    reason beside it: GELU, whose scipy primitives alone err by 5 ulp)."""
    known = (REFERENCE_DIR / f"{name}.py").is_file()
    if known and load(name).EXACT:
        return 0
    wider = getattr(load(name), "ULPS", {}) if known else {}
    return wider.get(np.dtype(dtype).name, ULP_TOLERANCE[np.dtype(dtype)])


def elementwise_bound(name: str, which: str, dtype, params: dict, x: np.ndarray) -> np.ndarray:
    """The ulp bound of element-wise function ``name`` (``which``: "forward" or "derivative") at
    each x: the tolerance, plus kappa(x) = |x g'(x) / g(x)| inside the short intervals around a
    root x0 != 0 of g (g = f or f') that the reference module lists in ROOTS.

    There the result is a difference of nearly equal numbers whatever the formula: an input
    rounded by half an ulp moves g by kappa/2 ulp, so no working-precision formula can do better."""
    bound = np.full(x.shape, float(tolerance(name, dtype)))
    module = load(name)
    g = module.f if which == "forward" else module.df
    mp = mp_params(params, dtype)

    def g_at(t):
        return g(t, **mp)

    for lo, hi in getattr(module, "ROOTS", {}).get({"forward": "f", "derivative": "df"}[which], []):
        for i in np.flatnonzero((lo <= x) & (x <= hi)):
            v = MP.mpf(float(x[i]))
            gv = g_at(v)
            bound[i] += float(abs(v * MP.diff(g_at, v) / gv)) if gv != 0 else np.inf
    return bound


def param_cases(spec) -> list[dict[str, float]]:
    """The defaults, then the non-default cases of the reference module's PARAMS."""
    cases = load(spec.name).PARAMS if (REFERENCE_DIR / f"{spec.name}.py").is_file() else []
    return [spec.defaults, *cases]


def softmax_ulp_bound(row, s, dtype, base: float | None = None) -> np.ndarray:
    """Per-entry ulp bound for softmax(row) computed as e^{x_i - m} / sum_j e^{x_j - m}.

    With u the unit roundoff and z_i = x_i - m (m = max):

    * fl(x_i - m) = z_i (1 + d), |d| <= u, so e^{fl(z_i)} = e^{z_i} e^{z_i d}: a relative
      error of |z_i| u, which is at most |z_i| ulp (an ulp is >= u relative). This
      is the conditioning of softmax itself: no method that rounds x_i - m can avoid it;
    * exp: the base bound (4 ulp float64, 8 float32), as for every elementwise function;
    * the sum of n positive terms: at most (n - 1) u relative, plus the terms' own
      errors weighted by s_j, i.e. sum_j s_j |z_j| u; the division: 1/2 ulp.

    Total: base + n + |z_i| + sum_j s_j |z_j| ulp (rounded up). For |z| <= 1 and
    small n this is base + n: the conditioning term only matters for wide rows.
    ``s`` is the (mpmath) softmax of the row; -inf entries are exact (0).
    """
    x = np.asarray(row, dtype=np.float64)
    s = np.asarray([float(v) for v in s])
    with np.errstate(over="ignore"):  # 1e308 - (-1e308) = inf: that entry is 0, exactly
        z = np.where(np.isfinite(x), np.abs(x - np.max(x)), 0.0)
    weighted = np.multiply(s, z, out=np.zeros_like(z), where=s > 0)  # s_j > 0 only where |z_j| < ~746
    cond = z + np.sum(weighted)
    if base is None:
        base = ULP_TOLERANCE[np.dtype(dtype)]
    return base + x.size + np.ceil(cond)


def vjp_scale(jacobian: np.ndarray, g: np.ndarray, axis: int) -> np.ndarray:
    """sum_i |g_i| |J_ij| + |g_j| for each fibre along ``axis``: the scale of a VJP's rounding
    error (a dot product of n terms, and the identity part of a Jacobian such as log_softmax's
    I - 1 s^T, which cancels in g_j - s_j sum g when s_j is near 1). ``jacobian`` is laid out as
    the package's derivative returns it (i where the axis was, j last)."""
    jm = np.moveaxis(jacobian, axis % g.ndim, -2)  # (..., i, j)
    gm = np.moveaxis(g, axis, -1)
    return np.moveaxis(np.einsum("...i,...ij->...j", np.abs(gm), np.abs(jm)) + np.abs(gm), -1, axis)


def central_difference(f, x: np.ndarray, h: np.ndarray, ulps: float):
    """(f(x + h) - f(x - h)) / ((x + h) - (x - h)) and a bound on its error, element-wise.

    The step actually taken, (x + h) - (x - h), is the denominator, so the
    rounding of x ± h costs nothing. The bound has two parts:

    * rounding: f(x ± h) are each within ``ulps`` ulp of the truth (the accuracy
      bound; pass at least 1/2 for a correctly rounded f), so the quotient is off by
      at most ulps * (spacing(f(x+h)) + spacing(f(x-h))) / step, plus 2 eps |D| for
      the rounding of the subtraction and the division;
    * truncation, h^2 |f'''| / 6, estimated by Richardson: D(h) - D(2h) =
      -(1/2) h^2 f''' + O(h^4), three times the truncation error of D(h), so
      |D(h) - D(2h)| bounds that error with margin and needs no knowledge of f'''.
      (It also contains D(2h)'s rounding error, which only makes the bound safer.)
    """
    xp, xm = x + h, x - h
    step = xp - xm
    fp, fm = f(xp), f(xm)
    d = (fp - fm) / step
    xp2, xm2 = x + 2 * h, x - 2 * h
    d2 = (f(xp2) - f(xm2)) / (xp2 - xm2)
    eps = np.finfo(x.dtype).eps
    rounding = ulps * (np.spacing(np.abs(fp)) + np.spacing(np.abs(fm))) / step + 2 * eps * np.abs(d)
    return d, rounding + np.abs(d - d2)
