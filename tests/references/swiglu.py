"""mpmath reference for SwiGLU, silu(a) ⊗ b: a gated unit (GATED), out_i = F(a_i, b_i) with x = [a, b]."""

GATED = True
#: The element-wise function inside, whose mpmath reference (tests/references/silu.py) and
#: accuracy bound (reference.elementwise_bound) tests/test_gated.py builds this one from.
ACTIVATION = "silu"
#: The half it is applied to; the other half multiplies it.
ACTIVATED = "a"
EXACT = False  # (not used for a gated unit: its bound is derived in tests/test_gated.py)
PARAMS: list[dict[str, str]] = []
