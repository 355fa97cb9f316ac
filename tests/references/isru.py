"""mpmath reference for ISRU: x / sqrt(1 + alpha x^2), and its derivative (1 + alpha x^2)^(-3/2)."""

from reference import MP

EXACT = False
PARAMS: list[dict[str, float]] = [{"alpha": 0.25}, {"alpha": 3.0}, {"alpha": 0.1}, {"alpha": 1e4}]


def f(x, alpha):
    # 1 + alpha x^2 is a sum of positive terms and sqrt and the quotient lose nothing;
    # mpf's exponent range has no overflow at |x| = 1e308. At ±inf inf/inf would be
    # NaN: the limit is ±1/sqrt(alpha).
    if MP.isinf(x):
        return MP.sign(x) / MP.sqrt(alpha)
    return x / MP.sqrt(1 + alpha * x * x)


def df(x, alpha):
    # (1 + alpha x^2)^(-3/2): positive terms only, no cancellation; 0 at ±inf.
    return (1 + alpha * x * x) ** MP.mpf(-1.5)


def limits(alpha):
    """(f(-inf), f(+inf), f'(-inf), f'(+inf)), exactly: ±1/sqrt(alpha) correctly rounded."""
    c = float(1 / MP.sqrt(MP.mpf(alpha)))
    return -c, c, 0.0, 0.0
