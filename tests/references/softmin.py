"""mpmath reference for Softmin = softmax(-x), a function along an axis (ROWWISE)."""

import math

import numpy as np
import reference as R
from reference import MP

ROWWISE = True
EXACT = False  # (not used for a function along an axis: its bound is ulp_bound)
PARAMS: list[dict[str, float]] = []


def f(row):
    # negation is exact, so this is reference.softmax of -x: nothing cancels, nothing overflows.
    # -inf inputs (the limit x_k -> -inf together): they share the probability, 1/k each.
    xs = [float(v) for v in row]
    k = sum(v == -math.inf for v in xs)
    if k:
        return [MP.mpf(1) / k if v == -math.inf else MP.zero for v in xs]
    return R.softmax([-v for v in xs])


def ulp_bound(row, ref, dtype) -> np.ndarray:
    """softmax's bound at -x: base + n + |z_i| + sum_j s_j |z_j| ulp with z = min - x."""
    x = np.asarray(row, dtype=np.float64)
    if np.isneginf(x).any():  # 1/k and 0: within the base bound
        return np.full(x.size, float(R.ULP_TOLERANCE[np.dtype(dtype)]))
    return R.softmax_ulp_bound(-x, ref, dtype)
