"""Benchmark every activation function against PyTorch, the seed's formulas and memory bandwidth.

Run as ``python scripts/benchmark.py`` (a report, exits 0) or with ``--check``
(exits 1 if a goal fails). It is not a test: timings depend on the machine.

Method
------
* Input: 1e6 elements, ``standard_normal * 5`` from a fixed seed, in float32
  and float64; a normalizer (a spec of kind "normalizer") gets the same
  numbers as shape (1000, 1000) and normalizes each row, and a gated unit
  (kind "gated") splits each such row into its halves.
* Passes: ``forward`` and ``derivative`` (f'(x)). For a normalizer the
  "derivative" is the vector-Jacobian product ``spec.vjp(x, g, output=s)``
  with a random g and the forward's output s, as torch's backward receives
  it (a gated unit: ``spec.vjp(x, g)``, g of the output's shape, as torch's
  glu_backward takes the input): the full Jacobian costs O(n^2) per row and
  is not comparable with what a framework's backward computes.
* Compared implementations of one cell (pass x dtype):
  - this package;
  - single-threaded PyTorch (``torch.set_num_threads(1)``) on the same memory
    (``torch.from_numpy``). Its derivative is the backward kernel alone, the
    ``torch.ops.aten.*_backward`` op that autograd calls, fed the saved
    input/output and ``grad_output = ones`` (a normalizer: the same g). If an op is
    missing, the whole autograd forward + backward is timed and the table says so;
  - the seed tutorial's textbook formulas (``spec.naive_forward`` /
    ``spec.naive_derivative``) under ``np.errstate(all="ignore")``;
  - ``np.negative(x, out=y)`` into a preallocated y: one read and one write
    of the data, the memory-bandwidth floor of an element-wise function.
* Timing: ``time.perf_counter`` around one call, the result held until the
  clock stops. After a warm-up call of each implementation, rounds run every
  implementation once, in a rotating order (interleaved, so that load from other
  processes on this shared machine hits all of them alike), until a budget of
  1.5 s per cell is spent; each implementation's time is its best
  round. Ratios are taken between these minima, within one run.
* Memory: ``tracemalloc`` sees NumPy's data allocations. The peak of traced
  memory during one call, minus what was traced before the call, divided by
  ``x.nbytes``, INCLUDING the returned array: an ideal out-of-place function
  scores 1.0, one full-size temporary on top scores 2.0, and a boolean mask adds
  0.25 (float32) or 0.125 (float64).
* Forward calls: while the derivative runs, every name in the ``activations``
  modules bound to the spec's forward function is replaced by a counter. This
  sees calls of the forward function, not a forward formula copied inline.
  The same count for the seed's derivative (its ``naive_forward``) shows that
  the counter works.

Goals checked: geometric mean of the time ratio to torch over all cells <= 1.5,
no cell > 3 (except the functions whose spec has a ``speed_exemption``, reported
with its reason), no derivative calls its forward more than once, and peak
memory <= 2.3 x nbytes (one full-size temporary plus masks; except the functions
whose spec has a ``memory_exemption``, reported with its reason).

Each function is compared with the PyTorch row's ``call`` of its spec (torch's own
function, the shortest composition of torch operations where it ships none, or the function of
the package on torch that ships it, entmax for sparsemax and 1.5-entmax),
and its derivative with the ATen op the row's ``backward`` names (what autograd
calls), else with autograd's forward and backward together.
"""

from __future__ import annotations

import argparse
import inspect
import math
import os
import platform
import sys
import textwrap
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import entmax  # sparsemax and 1.5-entmax on torch (the PyTorch rows name it as their package)
import numpy as np
import torch

import activations
from activations import Activation

Kernel = Callable[[], Any]
TorchForward = Callable[[torch.Tensor, dict[str, float]], torch.Tensor]
# backward(grad_output, input, output, params) -> grad_input
TorchBackward = Callable[[torch.Tensor, torch.Tensor, torch.Tensor, dict[str, float]], torch.Tensor]

N_ELEMENTS = 1_000_000
NORMALIZER_SHAPE = (1000, 1000)
SEED = 12345
DTYPES = (np.float32, np.float64)
PASSES = ("forward", "derivative")

GEOMEAN_GOAL = 1.5  # geometric mean of the ratio to torch, at most
WORST_GOAL = 3.0  # ratio to torch of any cell, at most (a spec's speed_exemption says why it cannot)
MEMORY_GOAL = 2.3  # peak extra memory / x.nbytes, at most: output + one temporary + masks
FORWARD_CALLS_GOAL = 1  # calls of the forward inside one derivative, at most


# --------------------------------------------------------------------------- torch reference


def _pytorch_row(spec: Activation) -> activations.FrameworkName | None:
    return next((fw for fw in spec.frameworks if fw.framework == "PyTorch"), None)


def _autograd_backward(forward: TorchForward) -> TorchBackward:
    """Forward and backward through autograd: the fallback when no backward op is usable."""

    def backward(g: torch.Tensor, x: torch.Tensor, y: torch.Tensor, p: dict[str, float]) -> torch.Tensor:
        leaf = x.detach().requires_grad_(True)
        (grad,) = torch.autograd.grad(forward(leaf, p), leaf, g)
        return grad

    return backward


def torch_kernels(spec: Activation, x: np.ndarray, g: np.ndarray) -> tuple[Kernel | None, Kernel | None, str]:
    """Torch kernels for the forward and derivative cells, and the name of the backward used.

    The forward is the spec's PyTorch ``call`` (at torch's defaults, so only where the row has no
    ``params``: where those are this package's defaults too), labelled as a composition where torch
    does not ship the function (the row's ``composed``); the derivative is the row's ``backward``
    ATen op where it names one and it runs, else autograd's forward and backward together."""
    row = _pytorch_row(spec)
    if row is None or row.call is None or row.params:
        return None, None, "n/a"
    code = compile(row.call, f"<PyTorch: {row.call}>", "eval")

    def forward(t: torch.Tensor, p: dict[str, float]) -> torch.Tensor:
        return eval(code, {"torch": torch, "entmax": entmax}, {"x": t})

    t = torch.from_numpy(x)
    tg = torch.from_numpy(g)
    try:
        y = forward(t, spec.defaults)
    except (TypeError, RuntimeError):
        return None, None, "n/a"
    what = (f"torch ships none; composed: {row.call}; " if row.composed
            else f"torch ships none; the {row.package} package: {row.call}; " if row.package else "")
    through_autograd = _autograd_backward(forward)

    def backward() -> torch.Tensor:
        return through_autograd(tg, t, y, spec.defaults)

    label = "autograd fwd+bwd"
    if row.backward is not None:
        op = compile(row.backward, f"<PyTorch backward: {row.backward}>", "eval")
        env = {**spec.defaults, "g": tg, "x": t, "y": y}

        def aten_backward() -> torch.Tensor:
            return eval(op, {"torch": torch}, env)

        try:
            aten_backward()
            backward, label = aten_backward, row.backward.split("(")[0].removeprefix("torch.ops.")
        except (TypeError, RuntimeError, AttributeError):
            pass  # the op changed its signature: fall back to autograd
    return (lambda: forward(t, spec.defaults)), backward, what + label


# --------------------------------------------------------------------------- measurement


def _time_once(kernel: Kernel) -> float:
    start = time.perf_counter()
    result = kernel()
    elapsed = time.perf_counter() - start
    del result  # freed after the clock stopped
    return elapsed


def best_times(kernels: dict[str, Kernel], budget: float, min_rounds: int = 5,
               max_rounds: int = 500) -> dict[str, float]:
    """Best time of each kernel over interleaved rounds, about ``budget`` seconds in all."""
    for kernel in kernels.values():
        kernel()  # warm-up: first-touch page faults, lazy initialization
    names = list(kernels)
    best = {name: _time_once(kernels[name]) for name in names}
    rounds = max(min_rounds, min(max_rounds, int(budget / sum(best.values()))))
    for i in range(1, rounds):
        k = i % len(names)
        for name in names[k:] + names[:k]:  # rotate the order: no kernel always runs first
            best[name] = min(best[name], _time_once(kernels[name]))
    return best


def peak_memory(kernel: Kernel, nbytes: int) -> float:
    """Peak memory NumPy allocates during one call, output included, in units of ``nbytes``."""
    kernel()  # warm-up, so that one-off allocations are not counted
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        result = kernel()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    del result
    return (peak - before) / nbytes


@contextmanager
def counting_calls(target: Callable[..., Any], counter: list[int]) -> Iterator[None]:
    """Count calls of ``target`` made through any name bound to it in the ``activations`` modules."""

    def counted(*args: Any, **kwargs: Any) -> Any:
        counter[0] += 1
        return target(*args, **kwargs)

    bindings = [
        (module, attr)
        for name, module in list(sys.modules.items())
        if module is not None and (name == "activations" or name.startswith("activations."))
        for attr, value in list(vars(module).items())
        if value is target
    ]
    for module, attr in bindings:
        setattr(module, attr, counted)
    try:
        yield
    finally:
        for module, attr in bindings:
            setattr(module, attr, target)


def forward_calls(derivative: Kernel, forward: Callable[..., Any]) -> int:
    counter = [0]
    with counting_calls(forward, counter), np.errstate(all="ignore"):
        derivative()
    return counter[0]


# --------------------------------------------------------------------------- the cells


@dataclass
class Cell:
    """One row of the table: a function, a pass and a dtype."""

    name: str
    pass_: str
    dtype: str
    seconds: float
    torch_ratio: float | None
    torch_fb_ratio: float | None  # derivative / (torch forward + torch backward kernel)
    torch_label: str
    seed_ratio: float | None
    floor_ratio: float
    memory: float
    forward_calls: int | None
    seed_forward_calls: int | None


def _seeded(kernel: Callable[..., Any], *args: Any, **kwargs: Any) -> Kernel:
    """The seed's formula, with its overflow and invalid-value warnings silenced."""

    def run() -> Any:
        with np.errstate(all="ignore"):
            return kernel(*args, **kwargs)

    return run


def measure(spec: Activation, dtype: type[np.floating[Any]], budget: float) -> list[Cell]:
    """Measure the forward and derivative cells of one function in one dtype."""
    rng = np.random.default_rng(SEED)
    shape = (N_ELEMENTS,) if spec.elementwise else NORMALIZER_SHAPE
    x = (rng.standard_normal(shape) * 5).astype(dtype)
    params = spec.defaults
    if spec.vjp is not None:  # a vector-valued function: its backward is the VJP
        saved = spec.forward(x, **params)  # the forward's output, kept for backward as torch keeps it
        g = rng.standard_normal(saved.shape).astype(dtype)  # a gated unit's output is half as wide
        takes_output = "output" in inspect.signature(spec.vjp).parameters  # a normalizer's; torch keeps it
        ours = {"forward": lambda: spec.forward(x, **params),
                "derivative": (lambda: spec.vjp(x, g, output=saved, **params)) if takes_output
                else (lambda: spec.vjp(x, g, **params))}
        seed: dict[str, Kernel | None] = {"forward": _seeded(spec.naive_forward, x, **params),
                                          "derivative": None}  # only the O(n^2) Jacobian exists
    else:
        g = np.ones_like(x)
        ours = {"forward": lambda: spec.forward(x, **params),
                "derivative": lambda: spec.derivative(x, **params)}
        seed = {"forward": _seeded(spec.naive_forward, x, **params),
                "derivative": _seeded(spec.naive_derivative, x, **params)}
    torch_forward, torch_backward, backward_label = torch_kernels(spec, x, g)
    torch_kernel = {"forward": torch_forward, "derivative": torch_backward}
    y = np.empty_like(x)

    cells: list[Cell] = []
    torch_seconds: dict[str, float] = {}
    for pass_ in PASSES:
        kernels: dict[str, Kernel] = {"ours": ours[pass_], "floor": lambda: np.negative(x, out=y)}
        if (tk := torch_kernel[pass_]) is not None:
            kernels["torch"] = tk
        if (sk := seed[pass_]) is not None:
            kernels["seed"] = sk
        best = best_times(kernels, budget)
        if "torch" in best:
            torch_seconds[pass_] = best["torch"]
        calls = seed_calls = fb_ratio = None
        if pass_ == "derivative":
            calls = forward_calls(ours[pass_], spec.forward)
            if sk is not None:
                seed_calls = forward_calls(sk, spec.naive_forward)
            if len(torch_seconds) == len(PASSES):  # the autograd fallback has the forward in it already
                with_forward = torch_seconds["forward"] if backward_label.startswith("aten.") else 0.0
                fb_ratio = best["ours"] / (torch_seconds["derivative"] + with_forward)
        cells.append(Cell(
            name=spec.name, pass_=pass_, dtype=np.dtype(dtype).name, seconds=best["ours"],
            torch_ratio=best["ours"] / best["torch"] if "torch" in best else None,
            torch_fb_ratio=fb_ratio,
            torch_label=("torch forward" if pass_ == "forward" else backward_label) if "torch" in best else "n/a",
            seed_ratio=best["ours"] / best["seed"] if "seed" in best else None,
            floor_ratio=best["ours"] / best["floor"],
            memory=peak_memory(ours[pass_], x.nbytes),
            forward_calls=calls, seed_forward_calls=seed_calls,
        ))
    return cells


# --------------------------------------------------------------------------- report


def environment() -> str:
    """Versions, CPU and NumPy's enabled SIMD features, briefly."""
    from numpy._core._multiarray_umath import __cpu_features__

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    simd = " ".join(name for name, enabled in __cpu_features__.items() if enabled)
    lines = [
        f"python {platform.python_version()}, numpy {np.__version__}, torch {torch.__version__} "
        f"(threads: {torch.get_num_threads()}), activations from {Path(activations.__file__).parent}",
        f"cpu: {cpu}, {os.cpu_count()} logical cores; "
        f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')} (irrelevant to ufuncs)",
        *textwrap.wrap(f"numpy SIMD enabled: {simd}", 110, subsequent_indent="    "),
    ]
    return "\n".join(lines)


def _ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}x"


def table(cells: list[Cell]) -> str:
    head = (f"{'function':<11} {'pass':<10} {'dtype':<7} {'time ms':>8} {'/torch':>7} {'/t f+b':>7} {'/seed':>7} "
            f"{'/floor':>7} {'peak mem':>8} {'fwd calls':>9}  torch reference")
    rows = [head, "-" * len(head)]
    for c in cells:
        calls = "" if c.forward_calls is None else str(c.forward_calls)
        if c.seed_forward_calls is not None:
            calls += f" ({c.seed_forward_calls})"
        rows.append(
            f"{c.name:<11} {c.pass_:<10} {c.dtype:<7} {c.seconds * 1e3:>8.3f} {_ratio(c.torch_ratio):>7} "
            f"{'' if c.pass_ == 'forward' else _ratio(c.torch_fb_ratio):>7} "
            f"{_ratio(c.seed_ratio):>7} {_ratio(c.floor_ratio):>7} {c.memory:>7.2f}x {calls:>9}  {c.torch_label}"
        )
    return "\n".join(rows)


def summary(cells: list[Cell]) -> tuple[list[str], list[tuple[str, bool]]]:
    """Summary lines, and each goal with whether it passes."""
    ratios = [(c, c.torch_ratio) for c in cells if c.torch_ratio is not None]
    geomean = math.exp(sum(math.log(r) for _, r in ratios) / len(ratios)) if ratios else math.nan
    worst, worst_ratio = max(ratios, key=lambda cr: cr[1]) if ratios else (None, math.nan)
    calls = [(c, c.forward_calls) for c in cells if c.forward_calls is not None]
    most_calls, most = max(calls, key=lambda cc: cc[1]) if calls else (None, 0)
    fattest = max(cells, key=lambda c: c.memory)

    def where(c: Cell) -> str:
        return f"{c.name} {c.pass_} {c.dtype}"

    exempt = {s.name: s.speed_exemption for s in activations.specs() if s.speed_exemption}
    over_4 = [where(c) for c, r in ratios if r > WORST_GOAL and c.name not in exempt]
    slow = [f"{where(c)}: {r:.2f}x" for c, r in ratios if r > WORST_GOAL and c.name in exempt]
    over_calls = [f"{where(c)} {n}" for c, n in calls if n > FORWARD_CALLS_GOAL]
    roomy = {s.name: s.memory_exemption for s in activations.specs() if s.memory_exemption}
    over_mem = [f"{where(c)} {c.memory:.2f}x" for c in cells if c.memory > MEMORY_GOAL and c.name not in roomy]
    big = [f"{where(c)}: {c.memory:.2f}x" for c in cells if c.memory > MEMORY_GOAL and c.name in roomy]
    lines = [f"geometric mean of time / torch over {len(ratios)} cells: {geomean:.2f}x"]
    if worst is not None:
        lines.append(f"worst cell: {where(worst)}: {worst_ratio:.2f}x torch")
    for name, reason in exempt.items():
        lines.append(f"exempt from the {WORST_GOAL:g}x goal: {name} ({reason})"
                     + (f"; measured {', '.join(x for x in slow if x.startswith(name + ' '))}" if slow else ""))
    for name, reason in roomy.items():
        lines.append(f"exempt from the {MEMORY_GOAL:g}x memory goal: {name} ({reason})"
                     + (f"; measured {', '.join(x for x in big if x.startswith(name + ' '))}" if big else ""))
    goals = [
        (f"geometric mean within {GEOMEAN_GOAL:g}x of single-threaded torch ({geomean:.2f}x)",
         geomean <= GEOMEAN_GOAL),
        (f"no cell worse than {WORST_GOAL:g}x torch but the exempt ones (worst {worst_ratio:.2f}x)"
         + (f": {', '.join(over_4)}" if over_4 else ""),
         not over_4),
        (f"no derivative calls its forward more than {FORWARD_CALLS_GOAL}x"
         + (f" (most: {most}, {where(most_calls)})" if most_calls else "")
         + (f": {', '.join(over_calls)}" if over_calls else ""),
         not over_calls),
        (f"peak memory <= {MEMORY_GOAL:g}x nbytes, at most one full-size temporary plus masks, but the exempt ones "
         f"(largest {fattest.memory:.2f}x, {where(fattest)})" + (f": {', '.join(over_mem)}" if over_mem else ""),
         not over_mem),
    ]
    return lines, goals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a goal fails")
    parser.add_argument("--budget", type=float, default=1.5, metavar="S",
                        help="seconds of timing per cell (all implementations together), default 1.5")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="benchmark only these functions")
    args = parser.parse_args(argv)

    torch.set_num_threads(1)
    specs = [s for s in activations.specs() if not args.only or s.name in args.only]
    if args.only and (unknown := set(args.only) - {s.name for s in specs}):
        parser.error(f"unknown function(s): {', '.join(sorted(unknown))}; known: {', '.join(activations.names())}")
    print("Activation functions: this package vs single-threaded torch, the seed's formulas and a copy pass")
    print(environment())
    print(textwrap.dedent(f"""\
        input: {N_ELEMENTS:.0e} elements, standard_normal * 5 (seed {SEED}); normalizers: shape {NORMALIZER_SHAPE}, rows
        time ms  best of interleaved repeats (~{args.budget:g} s per row for all implementations), perf_counter
        /torch   time / torch (set_num_threads(1)); derivative: torch's backward kernel only, grad_output = ones
        /t f+b   derivative time / (torch forward + torch backward kernel): for information only, not a goal.
                 torch's backward starts from tensors saved by the forward; this package's derivative starts from x
        /seed    time / the seed tutorial's formulas (naive_forward / naive_derivative), errstate(all="ignore")
        /floor   time / np.negative(x, out=y), one read + one write: the memory-bandwidth floor
        peak mem peak NumPy memory allocated during the call / x.nbytes, output included (tracemalloc):
                 1.00x = output only; 2.00x = one full-size temporary; a bool mask adds 0.25x (f32) / 0.125x (f64)
        fwd calls  calls of the function's own forward inside its derivative (seed's derivative in parentheses)
        normalizer  "derivative" is its vjp(x, g, output=s) with a random g and the saved forward output s,
                 vs the ATen backward op (which also receives the output): the full Jacobian is
                 O(n^2) per row, 8 GB here, and not comparable; the seed has only that Jacobian, so /seed is n/a
        """))

    start = time.perf_counter()
    cells = [cell for spec in specs for dtype in DTYPES for cell in measure(spec, dtype, args.budget)]
    print(table(cells))
    print()
    lines, results = summary(cells)
    print("\n".join(lines))
    for text, ok in results:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    print(f"(benchmark took {time.perf_counter() - start:.0f} s)")
    return 1 if args.check and not all(ok for _, ok in results) else 0


if __name__ == "__main__":
    sys.exit(main())
