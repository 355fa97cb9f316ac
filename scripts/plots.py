"""Render the handbook's plots from the `activations` registry into docs/img/generated/.

Run by itself (``python scripts/plots.py [--force]``) or by the MkDocs hook on every
``mkdocs build`` / ``mkdocs serve``. Each plot is re-rendered only when its inputs
changed: the source of its function's module, of the package's shared code, of this
script, and the matplotlib version. The SVGs are byte-identical across runs (fixed
``svg.hashsalt``, no date metadata, text as paths) and their labels are
language-neutral, so one image serves both languages. Each plot comes in a light and a
dark variant; the pages show the one that fits Material's palette (``#only-light``,
``#only-dark``).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt

import activations
from activations import Activation

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "docs" / "img" / "generated"
MANIFEST = "manifest.json"
PACKAGE_SHARED = ["__init__.py", "_checks.py", "_figures.py", "_registry.py", "_spec.py"]

#: Colours readable on Material's white (default) and slate (dark) backgrounds.
THEMES = {
    "light": {"text": "#1f2328", "grid": "#d0d7de", "f": "#3949ab", "df": "#d84315",
              "accent": "#2e7d32", "muted": "#6e7781"},
    "dark": {"text": "#e6edf3", "grid": "#3d444d", "f": "#8c9eff", "df": "#ffab91",
             "accent": "#81c784", "muted": "#9198a1"},
}
PALETTE = ["#3949ab", "#d84315", "#2e7d32", "#8e24aa", "#00838f", "#f9a825", "#6d4c41"]
PALETTE_DARK = ["#8c9eff", "#ffab91", "#81c784", "#ce93d8", "#80deea", "#ffe082", "#bcaaa4"]


@dataclass(frozen=True)
class Plot:
    """One figure: its file stem, the sources it depends on, and how to draw it."""

    stem: str
    sources: tuple[Path, ...]
    draw: Callable[[plt.Figure, dict[str, str], int], None]
    size: tuple[float, float] = (9, 3.6)  # inches: two panels side by side


def _style(theme: dict[str, str]) -> dict[str, object]:
    return {
        "svg.hashsalt": "activations-handbook",  # fixed ids: byte-identical SVGs
        "svg.fonttype": "path",  # text as paths: no font needed in the browser
        "font.size": 10,
        "text.color": theme["text"],
        "axes.labelcolor": theme["text"],
        "axes.edgecolor": theme["muted"],
        "xtick.color": theme["text"],
        "ytick.color": theme["text"],
        "grid.color": theme["grid"],
        "axes.grid": True,
        "axes.facecolor": "none",
        "figure.facecolor": "none",
        "savefig.facecolor": "none",
        "legend.frameon": False,
        "lines.linewidth": 2.0,
    }


def _axes_at_zero(ax: plt.Axes, theme: dict[str, str]) -> None:
    ax.axhline(0, color=theme["muted"], linewidth=0.8, zorder=1)
    ax.axvline(0, color=theme["muted"], linewidth=0.8, zorder=1)


def _grid(spec: Activation) -> np.ndarray:
    lo, hi = spec.plot_range
    x = np.linspace(lo, hi, 1601)
    kinks = sorted(spec.kink_points(**spec.defaults))
    between = [(a + b) / 2 for a, b in itertools.pairwise(kinks)]  # no piece without a point
    return np.union1d(x, [0.0, *kinks, *between])  # the kinks are grid points


def _pieces(x: np.ndarray, y: np.ndarray, kinks: list[float]) -> list[tuple[np.ndarray, np.ndarray]]:
    """The curve split at the kinks, each kink itself left out: the pieces are drawn apart."""
    edges = [-np.inf, *kinks, np.inf]
    return [(x[(a < x) & (x < b)], y[(a < x) & (x < b)]) for a, b in itertools.pairwise(edges)]


def _draw_pieces(ax: plt.Axes, spec: Activation, x: np.ndarray, y: np.ndarray, g: Callable[[float], object],
                 colour: str, label: str, theme: dict[str, str], jumps: bool) -> None:
    """Plot y = g(x). Where it ``jumps`` at the kinks (f' always; f only if its pieces do not meet),
    the pieces are drawn apart, open circles mark the one-sided limits and a filled dot the value
    this package uses at the kink."""
    kinks = sorted(spec.kink_points(**spec.defaults))
    pieces = _pieces(x, y, kinks)
    ends = [(float(left[1][-1]), float(right[1][0])) for left, right in itertools.pairwise(pieces)]
    if not jumps and all(abs(a - b) <= 1e-9 * max(1.0, abs(a)) for a, b in ends):
        ax.plot(x, y, color=colour, zorder=3)  # continuous: one curve
        return
    for px, py in pieces:
        ax.plot(px, py, color=colour, zorder=3)
    near = 0.02 * float(x[-1] - x[0])  # kinks closer than this share one spot of the plot
    for i, (k, (left, right)) in enumerate(zip(kinks, ends, strict=True)):
        at = float(g(k)) + 0.0  # + 0.0: a -0 result is labelled 0
        ax.plot([k, k], [left, right], "o", markerfacecolor="none", color=colour, zorder=4)
        ax.plot([k], [at], "o", color=colour, zorder=5)
        below = i > 0 and k - kinks[i - 1] < near  # the label of the kink before is above: go below
        ax.annotate(f"{label}({k:g}) = {at:g}", (k, at), xytext=(8, -14 if below else 6),
                    textcoords="offset points", color=theme["text"])


def _draw_elementwise(spec: Activation) -> Callable[[plt.Figure, dict[str, str], int], None]:
    def draw(fig: plt.Figure, theme: dict[str, str], _: int) -> None:
        x = _grid(spec)
        d = spec.defaults
        f = spec.forward(x, **d)
        df = spec.derivative(x, **d)
        ax_f, ax_df = fig.subplots(1, 2)
        name = spec.title.en
        # f(x), with its finite bounds as dashed asymptotes
        _axes_at_zero(ax_f, theme)
        limits = spec.forward(np.array([-np.inf, np.inf]), **d)
        for bound in (spec.properties.lower, spec.properties.upper):
            if np.isfinite(bound) and bound != 0 and bound in limits:  # an asymptote, not an interior extremum
                ax_f.axhline(bound, color=theme["accent"], linestyle="--", linewidth=1.2)
                ax_f.annotate(f"y = {bound:g}", (x[-1], bound), xytext=(-40, -14 if bound > 0 else 5),
                              textcoords="offset points", color=theme["accent"])
        _draw_pieces(ax_f, spec, x, f, lambda v: spec.forward(v, **d), theme["f"], "f", theme, jumps=False)
        ax_f.set_title(f"{name}: f(x)", color=theme["text"])
        ax_f.set_xlabel("x")
        # f'(x): the kink convention, or its maximum where it has no kink
        _axes_at_zero(ax_df, theme)
        _draw_pieces(ax_df, spec, x, df, lambda v: spec.derivative(v, **d), theme["df"], "f′", theme, jumps=True)
        if not spec.kink_points(**d):
            i = int(np.argmax(df))
            if np.ptp(df) > 0 and 0 < i < len(x) - 1:  # an interior maximum
                ax_df.plot([x[i]], [df[i]], "o", color=theme["df"], zorder=4)
                right = x[i] > (x[0] + x[-1]) / 2  # the label goes towards the middle of the axes
                ax_df.annotate(f"max f′({x[i]:g}) = {df[i]:.4g}", (x[i], df[i]), xytext=(-8 if right else 8, -4),
                               textcoords="offset points", color=theme["text"], ha="right" if right else "left")
        ax_df.set_title(f"{name}: f′(x)", color=theme["text"])
        ax_df.set_xlabel("x")
        lo, hi = float(np.min(df)), float(np.max(df))
        pad = 0.08 * (hi - lo or 1.0)
        ax_df.set_ylim(min(lo, 0) - pad, hi + pad)

    return draw


def _declared(figure: activations.Figure) -> Callable[[plt.Figure, dict[str, str], int], None]:
    """A module's declared figure, drawn with the theme's colours."""
    def draw(fig: plt.Figure, theme: dict[str, str], dark: int) -> None:
        figure.draw(fig, theme, PALETTE_DARK if dark else PALETTE)
    return draw


OVERVIEW_COLUMNS = 6


def _overview(fig: plt.Figure, theme: dict[str, str], dark: int) -> None:
    """Small multiples: one panel per element-wise function, f solid and f' dashed, on shared axes
    (at 20+ functions one overlay is unreadable)."""
    specs = [s for s in activations.specs() if s.elementwise]
    rows = -(-len(specs) // OVERVIEW_COLUMNS)
    axes = fig.subplots(rows, OVERVIEW_COLUMNS, sharex=True, sharey=True, squeeze=False).ravel()
    x = np.linspace(-4, 4, 801)
    for ax, spec in zip(axes, specs, strict=False):
        _axes_at_zero(ax, theme)
        ax.plot(x, spec.forward(x), color=theme["f"], linewidth=1.4)
        ax.plot(x, spec.derivative(x), color=theme["df"], linewidth=1.2, linestyle=(0, (4, 2)))
        ax.set_title(spec.title.en, color=theme["text"], fontsize=9)
        ax.tick_params(labelsize=7)
    for ax in axes[len(specs):]:
        ax.set_visible(False)
    axes[0].set_xlim(-4, 4)
    axes[0].set_ylim(-2, 4)
    fig.suptitle("f(x) solid, f′(x) dashed", color=theme["text"], fontsize=10)


def _overview_size() -> tuple[float, float]:
    rows = -(-sum(s.elementwise for s in activations.specs()) // OVERVIEW_COLUMNS)
    return 9, 0.4 + 1.45 * rows


def plots() -> list[Plot]:
    """Every plot of the site, derived from the registry."""
    pkg = Path(activations.__file__).parent
    shared = (*tuple(pkg / n for n in PACKAGE_SHARED), Path(__file__).resolve())
    all_modules = tuple(sorted(Path(s.module.__file__) for s in activations.specs()))
    result = []
    for spec in activations.specs():
        module = Path(spec.module.__file__)
        for figure in spec.figures:  # the plots its module declares (they may draw other functions)
            result.append(Plot(figure.stem, (*shared, *all_modules), _declared(figure), figure.size))
        if not spec.figures:  # an element-wise function (the spec requires it): f and f'
            result.append(Plot(spec.name, (*shared, module), _draw_elementwise(spec)))
    result.append(Plot("overview", (*shared, *all_modules), _overview, _overview_size()))
    return result


def files_for(stem: str) -> dict[str, str]:
    """The light and dark file names of a plot."""
    return {variant: f"{stem}-{variant}.svg" for variant in THEMES}


def _inputs_hash(plot: Plot) -> str:
    h = hashlib.sha256(matplotlib.__version__.encode())
    for src in plot.sources:
        h.update(src.name.encode())
        h.update(src.read_bytes())
    return h.hexdigest()


def render(out_dir: Path = OUT_DIR, force: bool = False) -> list[str]:
    """Render every plot whose inputs changed; return the stems that were rendered."""
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest_path = out_dir / MANIFEST
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    rendered = []
    for plot in plots():
        digest = _inputs_hash(plot)
        names = files_for(plot.stem)
        if not force and manifest.get(plot.stem) == digest and all((out_dir / n).exists() for n in names.values()):
            continue
        for dark, (variant, theme) in enumerate(THEMES.items()):
            with plt.rc_context(_style(theme)):
                fig = plt.figure(figsize=plot.size, layout="constrained")
                plot.draw(fig, theme, dark)
                fig.savefig(out_dir / names[variant], format="svg", metadata={"Date": None})
                plt.close(fig)
        manifest[plot.stem] = digest
        rendered.append(plot.stem)
    if rendered:  # write only on a change: `mkdocs serve` watches docs/ and would rebuild forever
        manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return rendered


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="re-render every plot")
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    done = render(args.out, force=args.force)
    print(f"rendered {len(done)} plot(s): {', '.join(done) or 'none (inputs unchanged)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
