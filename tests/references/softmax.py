"""mpmath reference for Softmax, a function along an axis (ROWWISE): f(row) -> one mpf per entry."""

import numpy as np
import reference as R

ROWWISE = True
EXACT = False  # (not used for a function along an axis: its bound is ulp_bound)
PARAMS: list[dict[str, float]] = []


def f(row):
    # e^{x_i - m} / sum_j e^{x_j - m}: see reference.softmax (nothing cancels, nothing overflows)
    return R.softmax(row)


def ulp_bound(row, ref, dtype) -> np.ndarray:
    """base + n + |z_i| + sum_j s_j |z_j| ulp: derived in reference.softmax_ulp_bound."""
    return R.softmax_ulp_bound(row, ref, dtype)
