"""mpmath reference for 1.5-entmax, a function along an axis (ROWWISE): f(row) -> one mpf per entry."""

import numpy as np
import reference as R
from reference import MP

ROWWISE = True
EXACT = False  # (not used for a function along an axis: its bound is ulp_bound)
PARAMS: list[dict[str, float]] = []


def threshold(xs):
    """tau for u = (x - max(x)) / 2, such that sum_i max(u_i - tau, 0)^2 = 1, in mpf.

    Not the package's method (running sums, a count, then two passes): for every k, tau_k is the
    smaller root of sum_{i <= k} (u_(i) - tau)^2 = 1 (computed from the mean and the squared
    deviations of the k largest), kept if it is real and at most u_(k); then tau = the largest
    kept tau_k. Each kept tau_k solves sum_{i <= k} max(u_(i) - tau, 0)^2 = 1, whose left side
    is at most the full sum, so tau_k <= tau, with equality for the true support size: the
    maximum is tau. The result is checked: the outputs sum to 1 within 10^-50."""
    m = max(xs)
    ranked = sorted(((v - m) / 2 for v in xs), reverse=True)
    best = None
    for k in range(1, len(ranked) + 1):
        top = ranked[:k]
        mean = MP.fsum(top) / k
        delta = (1 - MP.fsum((v - mean) ** 2 for v in top)) / k
        if delta >= 0:
            tau_k = mean - MP.sqrt(delta)
            if tau_k <= top[-1] and (best is None or tau_k > best):
                best = tau_k
    assert abs(MP.fsum(max(v - best, 0) ** 2 for v in ranked) - 1) < MP.mpf(10) ** -50
    return best


def f(row):
    # max(u_i - tau, 0)^2 with u = (x - m) / 2; -inf entries are 0
    xs = [MP.mpf(float(v)) for v in row]
    finite = [v for v in xs if v != MP.ninf]
    tau, m = threshold(finite), max(finite)
    return [max((v - m) / 2 - tau, MP.mpf(0)) ** 2 for v in xs]


def ulp_bound(row, ref, dtype) -> np.ndarray:
    """Per-entry ulp bound for p_i = max(u_i - tau, 0)^2, u = (x - m) / 2, as the package
    computes it, with u the unit roundoff (here "eps/2"), S the support (p > 0), k = |S|,
    A = sum_S |u_j|, r_i = u_i - tau = sqrt(p_i). On S every u_j is in (-1, 0] and so is tau:

    * u_j: rounded once (x_j - m), an error eps/2 |u_j|;
    * the mean M over S: a sum of k terms, at most eps/2 (A + |M|), |M| <= A;
    * ss = sum_S (u_j - M)^2 <= 1: each difference d_j (|d_j| <= 1) is off by
      eps/2 (|u_j| + |d_j|) + |error of M|; squared and summed, sum |d_j| <= sqrt(k):
      |error of ss| <= eps/2 (2 A + 2 sqrt(k) (2 A) + k + 2);
    * delta = (1 - ss) / k and its square root: sqrt(delta) >= 1/k (it is the mean of the r_j,
      and sum r_j >= sum r_j^2 = 1), so the root's error is at most k/2 |error of delta|,
      which is |error of ss| / 2 plus eps/2 (k delta + 1) <= eps;
    * tau = M - sqrt(delta), r_i = u_i - tau: eps/2 (|u_i| + |tau| + r_i) more.

    Summed: |error of r_i| <= eps/2 E_i, E_i = |u_i| + 2 A + 2 sqrt(k) A + k + 4 (|tau| <= 1,
    r_i <= 1, A / k <= A). Squaring doubles the relative error, and an ulp of p_i exceeds
    eps/2 p_i: p_i is within base + 1 + 2 E_i / r_i ulp. The 1 / r_i is the conditioning near
    the edge of the support. An entry outside S is 0 unless u_i is within eps/2 E_i of tau;
    then it is at most (eps/2 E_i)^2.
    """
    base = R.ULP_TOLERANCE[np.dtype(dtype)]
    unit = np.finfo(dtype).eps / 2
    xs = [MP.mpf(float(v)) for v in row]
    finite = [v for v in xs if v != MP.ninf]
    m = max(finite)
    tau = float(threshold(finite))
    half = np.array([float((v - m) / 2) for v in xs])  # -inf entries: -inf, exactly 0 out
    p = np.array([float(v) for v in ref])
    inside = p > 0
    k = int(np.sum(inside))
    a = float(np.sum(np.abs(half[inside])))
    out = np.full(half.size, float(base))
    for i in range(half.size):
        if not np.isfinite(half[i]):
            continue
        err = abs(half[i]) + 2 * a + 2 * np.sqrt(k) * a + k + 4
        if inside[i]:
            out[i] = np.ceil(base + 1 + 2 * err / np.sqrt(p[i]))
        elif tau - half[i] <= unit * err:  # within rounding of the threshold
            out[i] = base + float(R.ulp_distance(np.zeros(1, dtype), np.array([(unit * err) ** 2], dtype))[0])
    return out
