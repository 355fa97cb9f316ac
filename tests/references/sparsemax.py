"""mpmath reference for Sparsemax, a function along an axis (ROWWISE): f(row) -> one mpf per entry."""

import numpy as np
import reference as R
from reference import MP

ROWWISE = True
EXACT = False  # (not used for a function along an axis: its bound is ulp_bound)
PARAMS: list[dict[str, float]] = []


def support(xs):
    """(tau, k) by Martins & Astudillo's Algorithm 1 on z = x - max(x) (sparsemax is shift
    invariant; without the shift, 1 + 1e308 would round to 1e308 even at 199 bits), sorted:
    k = max{k : 1 + k z_(k) > z_(1) + ... + z_(k)}, tau = (z_(1) + ... + z_(k) - 1) / k (of z,
    not of x: tau + max(x) would round away for x = [1e308, -1e308]). It is the paper's test,
    not the package's max over k of the candidates: the two agree only if both are right.
    x - m rounds once at 199 bits; the sums of at most a dozen such numbers are then exact to
    far below float64's last digit."""
    m = max(xs)
    ranked = sorted((v - m for v in xs), reverse=True)
    total, k, best = MP.mpf(0), 0, MP.mpf(0)
    for j, v in enumerate(ranked, 1):
        total += v
        if 1 + j * v > total:
            k, best = j, total
    return (best - 1) / k, k


def f(row):
    # max(z_i - tau, 0) with z = x - m; -inf entries are 0 (mpmath: -inf - m - tau = -inf)
    xs = [MP.mpf(float(v)) for v in row]
    finite = [v for v in xs if v != MP.ninf]
    tau, _ = support(finite)
    m = max(finite)
    return [max((v - m) - tau, MP.mpf(0)) for v in xs]


def ulp_bound(row, ref, dtype) -> np.ndarray:
    """Per-entry ulp bound for p_i = max(z_i - tau, 0) as the package computes it.

    With u the unit roundoff, z = x - m (m = the row maximum), S the support (p > 0), k = |S|:

    * fl(x_j - m) = z_j (1 + d), |d| <= u: an error u |z_j| in each z_j;
    * the running sum of the k largest (in the candidate for k): (k - 1) u sum_S |z_j|; with
      the z_j's own errors, at most k u sum_S |z_j|; then - 1 (u |S_k - 1|) and / k (u |tau|):
      |error of tau| <= u (sum_S |z_j| + 2 |tau|), as |S_k - 1| / k = |tau|;
    * z_i - tau: u |z_i| from z_i, the error of tau, and the final rounding u p_i.

    So |error of p_i| <= u E_i with E_i = |z_i| + sum_S |z_j| + 2 |tau| + p_i, and, as an ulp
    of p_i exceeds u p_i, p_i is within base + E_i / p_i ulp. The factor 1 / p_i is the
    conditioning: p_i near 0 is a difference z_i - tau of nearly equal numbers. An entry outside
    the support is exactly 0 unless z_i is within u E_i of tau; then it is at most u E_i.
    """
    base = R.ULP_TOLERANCE[np.dtype(dtype)]
    unit = np.finfo(dtype).eps / 2
    xs = [MP.mpf(float(v)) for v in row]
    finite = [v for v in xs if v != MP.ninf]
    m = max(finite)
    tau = float(support(finite)[0])
    z = np.array([float(v - m) for v in xs])  # -inf entries: -inf, exactly 0 out
    p = np.array([float(v) for v in ref])
    inside = p > 0
    big = float(np.sum(np.abs(z[inside]))) + 2 * abs(tau)
    out = np.full(z.size, float(base))
    for i in range(z.size):
        if not np.isfinite(z[i]):
            continue
        err = abs(z[i]) + big + p[i]
        if inside[i]:
            out[i] = np.ceil(base + err / p[i])
        elif tau - z[i] <= unit * err:  # within rounding of the threshold: 0 or up to u E_i
            out[i] = base + float(R.ulp_distance(np.zeros(1, dtype), np.array([unit * err], dtype))[0])
    return out
