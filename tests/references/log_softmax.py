"""mpmath reference for LogSoftmax, a function along an axis (ROWWISE): f(row) -> one mpf per entry."""

import math

import numpy as np
import reference as R
from reference import MP

ROWWISE = True
EXACT = False  # (not used for a function along an axis: its bound is ulp_bound)
PARAMS: list[dict[str, float]] = []


def f(row):
    # x_i - m - log1p(r), m = max, r = sum of e^{x_j - m} over every j but the first largest.
    # x_i - m rounds once at 199 bits; every term of r is in [0, 1]; log1p keeps full relative
    # accuracy even when r is far below 10^-60 (log(1 + r) at 60 digits would lose it), and
    # x_i - m <= 0, -log1p(r) <= 0: the final sum cannot cancel.
    xs = [MP.mpf(float(v)) for v in row]
    m = max(xs)
    first = xs.index(m)
    r = MP.fsum(MP.exp(v - m) for k, v in enumerate(xs) if k != first)
    lse = MP.log1p(r)
    return [(v - m) - lse for v in xs]


def ulp_bound(row, ref, dtype) -> np.ndarray:
    """Per-entry ulp bound for y_i = z_i - log1p(r), z = x - m, as the package computes it.

    With u the unit roundoff and L = log1p(r) = log sum_j e^{z_j} >= 0:

    * fl(x_i - m) = z_i (1 + d), |d| <= u: an absolute error u |z_i| in y_i, and, through
      e^{z_j}, a relative error u |z_j| in each term of r: the conditioning of the function;
    * r, a sum of n - 1 terms in [0, 1], each within base ulp: (n + base) u relative, plus the
      conditioning terms sum_j w_j u |z_j| (w_j = e^{z_j} / r);
    * log1p: base ulp of L; an error of relative size e in r moves L by e r / (1 + r) <= e L.

    So |error of L| <= u ((n + 2 base) L + sum_j s_j |z_j|) (s_j = e^{z_j} / (1 + r)), and
    |y_i| = |z_i| + L, so y_i is within 1 + n + 2 base + sum_j s_j |z_j| / (|z_i| + L) ulp,
    plus 1/2 for the final subtraction; rounded up.
    """
    base = R.ULP_TOLERANCE[np.dtype(dtype)]
    x = np.asarray(row, dtype=np.float64)
    s = np.exp(np.asarray([float(v) for v in ref]))  # the probabilities, from the reference
    with np.errstate(over="ignore", invalid="ignore"):
        z = np.where(np.isfinite(x), np.abs(x - np.max(x)), 0.0)
    weighted = float(np.sum(np.multiply(s, z, out=np.zeros_like(z), where=s > 0)))
    lse = -float(max(ref))  # L = -y at the largest entry
    out = np.empty(x.size)
    for i in range(x.size):
        den = (z[i] if math.isfinite(x[i]) else math.inf) + lse
        out[i] = weighted / den if den > 0 else 0.0
    return np.ceil(1.5 + x.size + 2 * base + out)
