"""Plots that several modules declare (see Figure): drawn by scripts/plots.py, not kernels."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

#: The first entry t of the row a normalizer's first plot varies: -6 to 6.
T = np.linspace(-6, 6, 1201)


def _number(v: float) -> str:
    return f"{v:g}".replace("-", "−")


def one_logit(fig, theme: dict[str, str], colours: Sequence[str], *, f: Callable[[np.ndarray], np.ndarray],
              name: str, symbol: str = "s", others: tuple[float, float, float] = (1.0, 0.0, -1.0),
              vlines: tuple[float, ...] = (), hlines: tuple[float, ...] = (), support_changes: bool = False,
              ylim: tuple[float, float] | None = (-0.03, 1.03), legend: str = "center left") -> None:
    """f of the row (t, *others) as its first entry t varies: one line per output, dotted lines
    at ``vlines`` (values of t), at ``hlines`` (output values) and, with ``support_changes``,
    wherever the number of outputs that are not 0 changes (between two grid points)."""
    rows = np.stack([T, *(np.full_like(T, v) for v in others)], axis=-1)
    out = f(rows)
    ax = fig.subplots()
    subscripts = "₁₂₃₄"
    labels = [f"{symbol}₁ (x₁ = t)"] + [f"{symbol}{subscripts[k]} (x{subscripts[k]} = {_number(v)})"
                                      for k, v in enumerate(others, 1)]
    for k in range(4):
        ax.plot(T, out[:, k], color=colours[k], label=labels[k])
    if support_changes:
        size = np.count_nonzero(out, axis=-1)
        vlines = (*vlines, *((T[i] + T[i + 1]) / 2 for i in np.flatnonzero(np.diff(size))))
    for v in vlines:
        ax.axvline(v, color=theme["muted"], linestyle=":", linewidth=1)
    for h in hlines:
        ax.axhline(h, color=theme["muted"], linestyle=":", linewidth=1)
    ax.set_xlabel("t")
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.set_title(f"{name}(t, {', '.join(_number(v) for v in others)})", color=theme["text"])
    ax.legend(loc=legend)


def _broken_at_jumps(t: np.ndarray, y: np.ndarray, jump: float = 0.1) -> tuple[np.ndarray, np.ndarray]:
    """NaN between neighbours more than ``jump`` apart, so that a jump is not drawn as a line."""
    cut = np.flatnonzero(np.abs(np.diff(y)) > jump) + 1
    return np.insert(t, cut, np.nan), np.insert(y, cut, np.nan)


def first_of_two(fig, theme: dict[str, str], colours: Sequence[str], *, names: tuple[str, ...],
                 derivative: bool = False, vlines: tuple[float, ...] = ()) -> None:
    """The first output of f(t, 0) as t varies, or its derivative in t, for each named normalizer
    (looked up when drawn: the registry is complete by then); jumps are left open."""
    from ._registry import get

    t = np.linspace(-3, 3, 1201)
    rows = np.stack([t, np.zeros_like(t)], axis=-1)
    ax = fig.subplots()
    for k, name in enumerate(names):
        spec = get(name)
        y = spec.derivative(rows)[:, 0, 0] if derivative else spec.forward(rows)[:, 0]
        ax.plot(*_broken_at_jumps(t, y), color=colours[k], label=spec.title.en)
    for v in vlines:
        ax.axvline(v, color=theme["muted"], linestyle=":", linewidth=1)
    ax.set_xlabel("t")
    ax.set_ylim(-0.03, 0.53 if derivative else 1.03)
    what = "∂p₁/∂t" if derivative else "p₁"
    ax.set_title(f"{what} of f(t, 0)", color=theme["text"])
    ax.legend(loc="upper left")
