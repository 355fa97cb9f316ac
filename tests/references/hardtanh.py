"""mpmath reference for Hardtanh: min(max(x, min_val), max_val), exact."""

from reference import MP

EXACT = True  # the package must be correctly rounded (0 ulp): it only compares
PARAMS: list[dict[str, float]] = [
    {"min_val": 0.0, "max_val": 6.0},  # ReLU6
    {"min_val": -2.0, "max_val": 0.5},  # asymmetric
    {"min_val": -0.1, "max_val": 0.3},  # bounds that float32 rounds
    {"min_val": 1.0, "max_val": 2048.0},  # both bounds positive
]


def f(x, min_val, max_val):
    # min(max(x, a), b): a comparison, exact; the bounds are the dtype's values.
    if x <= min_val:
        return min_val + 0
    return min(x, max_val) + 0


def df(x, min_val, max_val):
    # 1 on a < x < b, else 0 (PyTorch's value 0 at both kinks x = a and x = b).
    return MP.one if min_val < x < max_val else MP.zero


def limits(min_val, max_val):
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return min_val, max_val, 0.0, 0.0
