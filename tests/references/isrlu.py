"""mpmath reference for ISRLU: x for x >= 0, x / sqrt(1 + alpha x^2) for x < 0."""

from reference import MP

EXACT = False
PARAMS: list[dict[str, float]] = [{"alpha": 0.25}, {"alpha": 3.0}, {"alpha": 0.1}, {"alpha": 1e4}]


def f(x, alpha):
    # x itself for x >= 0; for x < 0, 1 + alpha x^2 is a sum of positive terms, and sqrt
    # and the quotient lose nothing (no overflow in mpf). At -inf the limit -1/sqrt(alpha).
    if x >= 0:
        return x
    if MP.isinf(x):
        return -1 / MP.sqrt(alpha)
    return x / MP.sqrt(1 + alpha * x * x)


def df(x, alpha):
    # 1 for x >= 0 (both one-sided derivatives are 1 at 0); (1 + alpha x^2)^(-3/2) for x < 0.
    return MP.one if x >= 0 else (1 + alpha * x * x) ** MP.mpf(-1.5)


def limits(alpha):
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly: -1/sqrt(alpha) correctly rounded."""
    return -float(1 / MP.sqrt(MP.mpf(alpha))), float("inf"), 0.0, 1.0
