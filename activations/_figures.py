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


def _pairs(f: Callable[[np.ndarray], np.ndarray], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """f of the rows [a, b] (one a and one b each), broadcast: out[..] = F(a, b)."""
    a, b = np.broadcast_arrays(a, b)
    return f(np.stack([a, b], axis=-1))[..., 0]


def gated_map(fig, theme: dict[str, str], colours: Sequence[str], *, f: Callable[[np.ndarray], np.ndarray],
              name: str, lim: float = 3.0) -> None:
    """A gated unit's output F(a, b) over the square [-lim, lim]^2 as filled contours, 0 dotted."""
    t = np.linspace(-lim, lim, 241)
    a, b = np.meshgrid(t, t)
    z = _pairs(f, a, b)
    top = float(np.max(np.abs(z)))
    ax = fig.subplots()
    filled = ax.contourf(a, b, z, levels=np.linspace(-top, top, 17), cmap="RdBu_r")
    ax.contour(a, b, z, levels=[0.0], colors=[theme["muted"]], linestyles=":", linewidths=1)
    from matplotlib.ticker import MaxNLocator  # plotting only: the package itself needs no matplotlib

    bar = fig.colorbar(filled, ax=ax, ticks=MaxNLocator(nbins=6, symmetric=True))
    bar.ax.tick_params(colors=theme["text"])
    bar.outline.set_edgecolor(theme["muted"])
    ax.set_xlabel("a")
    ax.set_ylabel("b")
    ax.set_aspect("equal")
    ax.grid(False)
    ax.set_title(f"{name}(a, b)", color=theme["text"])


def gated_slices(fig, theme: dict[str, str], colours: Sequence[str], *, f: Callable[[np.ndarray], np.ndarray],
                 name: str, values: tuple[float, ...] = (-2.0, -1.0, 0.0, 1.0, 2.0)) -> None:
    """Two panels: F(a, b) against a for a few fixed b, and against b for a few fixed a."""
    t = np.linspace(-4, 4, 801)
    left, right = fig.subplots(1, 2, sharey=True)
    for k, v in enumerate(values):
        left.plot(t, _pairs(f, t, v), color=colours[k], label=f"b = {_number(v)}")
        right.plot(t, _pairs(f, v, t), color=colours[k], label=f"a = {_number(v)}")
    for ax, var in ((left, "a"), (right, "b")):
        ax.axhline(0, color=theme["muted"], linewidth=0.8, zorder=1)
        ax.axvline(0, color=theme["muted"], linewidth=0.8, zorder=1)
        ax.set_xlabel(var)
        ax.legend(loc="upper left", fontsize=8)
    left.set_title(f"{name}: against a", color=theme["text"])
    right.set_title(f"{name}: against b", color=theme["text"])
