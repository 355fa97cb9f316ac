"""mpmath reference for Threshold: x for x > theta, value for x <= theta."""

import math

from reference import MP

EXACT = True  # x itself or the value: a comparison, nothing rounded
PARAMS: list[dict[str, float]] = [
    {"threshold": 0.0, "value": 0.0},  # ReLU
    {"threshold": 1.0, "value": -2.0},
    {"threshold": -1.5, "value": 3.0},  # v > theta: not monotonic
    {"threshold": 0.5, "value": 0.5},  # v = theta: continuous
]


def f(x, threshold, value):
    # x or value: nothing rounded.
    return x if x > threshold else value + 0


def df(x, threshold, value):
    # 1 for x > theta, 0 for x <= theta (PyTorch's value 0 at the jump).
    return MP.one if x > threshold else MP.zero


def limits(threshold, value):
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return value, math.inf, 0.0, 1.0
