"""mpmath reference for Step: 1 for x >= threshold, 0 below."""

from reference import MP

EXACT = True  # 0 or 1: a comparison, nothing rounded
PARAMS: list[dict[str, float]] = [
    {"threshold": 1.0},
    {"threshold": -2.5},
    {"threshold": 1e-300},  # rounds to 0 in float32: the reference uses the same rounded value
]


def f(x, threshold):
    # exact comparison of two mpf values (both exact copies of the floats): 0 or 1
    return MP.one if x >= threshold else MP.zero


def df(x, threshold):
    # 0 everywhere; at the jump the convention 0 (jax.grad of jnp.heaviside)
    return MP.zero


def limits(threshold):
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly."""
    return 0.0, 1.0, 0.0, 0.0
