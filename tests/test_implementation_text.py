"""Each spec's ``implementation`` text (how the package computes f and f', shown in the page's
#numerics section) against the kernels it describes.

The rule, chosen so that a kernel rewritten without its text fails:

- R1: every NumPy routine the text names (as a code span `` `np.<name>` ``) is used by the
  module's kernels (``Activation.kernels``: the module's functions but the textbook formulas);
- R2: every NumPy function the kernels call is named in the text, except plain arithmetic and
  allocation (PLAIN), which says nothing about how a result is kept accurate (constants such as
  ``np.inf`` and types such as ``np.integer`` may be named, and then R1 holds them to the code);
- R3: both languages name the same routines.

The pages' own prose (``docs/functions/*.md``) says why the textbook formula fails, not how the
kernels work: the NumPy routines it names are the textbook formula's (``_naive*``), and its #code
section is the generated one alone.

``test_the_rule_catches_the_drift_that_was_found`` replays the descriptions that had drifted
from the kernels (the pages' numerics prose before the rule existed) against today's kernels.
"""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from pathlib import Path

import numpy as np
import pytest

import activations
from activations import Activation

SPECS = activations.specs()
IDS = lambda s: s.name  # noqa: E731
#: Routines too plain to describe: the arithmetic of a formula and array allocation.
PLAIN = frozenset({"add", "subtract", "multiply", "divide", "true_divide", "negative", "reciprocal", "square",
                   "abs", "absolute", "empty", "empty_like", "asarray", "ndarray"})
NAMED = re.compile(r"`np\.([A-Za-z_]\w*)")


DOCS = Path(__file__).resolve().parents[1] / "docs" / "functions"
PAGES = [pytest.param(spec, suffix, id=f"{spec.slug}{suffix}") for spec in SPECS for suffix in (".md", ".en.md")]


def used_routines(spec: Activation, functions=None) -> set[str]:
    """Every ``np.<name>`` the kernels' code (or ``functions``') refers to (calls, ``with
    np.errstate``, ``out=`` ...), annotations excluded."""
    found: set[str] = set()
    for kernel in spec.kernels if functions is None else functions:
        tree = ast.parse(textwrap.dedent(inspect.getsource(kernel)))
        annotations = {id(n) for node in ast.walk(tree) if isinstance(node, ast.arg | ast.FunctionDef)
                       for a in ([node.annotation] if isinstance(node, ast.arg) else [node.returns]) if a is not None
                       for n in ast.walk(a)}
        found |= {node.attr for node in ast.walk(tree)
                  if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "np"
                  and id(node) not in annotations}
    return found


def named_routines(text: str) -> set[str]:
    return set(NAMED.findall(text))


def problems(spec: Activation, text: str) -> list[str]:
    """What is wrong with ``text`` as a description of ``spec``'s kernels (R1 and R2)."""
    used, named = used_routines(spec), named_routines(text)
    out = [f"names np.{r}, which the kernels do not use" for r in sorted(named - used)]
    out += [f"does not name np.{r}, which the kernels use" for r in sorted(_described(used) - named)]
    return out


def _described(used: set[str]) -> set[str]:
    """The routines R2 asks the text to name: NumPy's functions, not its constants (np.inf) or
    types (np.integer), and not the plain ones."""
    return {r for r in used - PLAIN if callable(getattr(np, r, None)) and not isinstance(getattr(np, r), type)}


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_every_function_describes_its_implementation(spec):
    assert spec.implementation is not None, f"{spec.name}: the spec has no implementation text"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_implementation_text_matches_the_kernels(spec, lang):
    text = spec.implementation[lang]
    found = problems(spec, text)
    assert not found, f"{spec.name} implementation ({lang}): " + "; ".join(found)


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_both_languages_name_the_same_routines(spec):
    zh, en = (named_routines(spec.implementation[lang]) for lang in ("zh", "en"))
    assert zh == en, f"{spec.name}: zh names {sorted(zh - en)} that en does not, en {sorted(en - zh)}"


#: The descriptions the pages gave of their kernels before this rule (excerpts, as written then),
#: each wrong about today's kernel in the way the review found.
DRIFTED = [
    ("sigmoid", "本包只计算 e = e^{-|x|}，它落在 (0, 1] 内，永远不会上溢。导数直接写成 e/(1 + e)^2。"),
    ("sigmoid", "The package never forms e^{+|x|}: it works only with e^{-|x|}, so no input can overflow."),
    ("tanh", "The package computes tanh with `np.tanh` and the derivative from e^{-2|x|}, which cannot overflow."),
    ("relu", "The derivative is one line: the Heaviside step `np.heaviside(x, 0)`."),
    ("leaky_relu", "The derivative starts from the Heaviside step `np.heaviside(x, 0)` and puts a wherever "
                   "the step is 0."),
    ("softplus", "The identity max(z, 0) + log1p(e^{-|z|}) with `np.log1p` avoids the overflow."),
]


@pytest.mark.parametrize(("name", "text"), DRIFTED, ids=[f"{n}-{i}" for i, (n, _) in enumerate(DRIFTED)])
def test_the_rule_catches_the_drift_that_was_found(name, text):
    assert problems(activations.get(name), text), f"the rule accepts a drifted description of {name}: {text!r}"


def test_used_routines_ignore_annotations():
    spec = activations.get("relu")
    assert "ndarray" not in used_routines(spec) and "maximum" in used_routines(spec)


def _textbook(spec: Activation) -> list:
    return [spec.naive_forward, spec.naive_derivative]


@pytest.mark.parametrize(("spec", "suffix"), PAGES)
def test_page_prose_names_only_the_textbook_formulas_routines(spec, suffix):
    page = (DOCS / f"{spec.slug}{suffix}").read_text(encoding="utf-8")
    named = set(re.findall(r"\bnp\.([A-Za-z_]\w*)", page))
    extra = named - used_routines(spec, _textbook(spec))
    assert not extra, (f"{spec.slug}{suffix} names {sorted('np.' + r for r in extra)}: page prose describes the "
                       "textbook formula; how the kernels compute belongs in the spec's implementation text")


@pytest.mark.parametrize(("spec", "suffix"), PAGES)
def test_code_section_is_the_generated_one_alone(spec, suffix):
    page = (DOCS / f"{spec.slug}{suffix}").read_text(encoding="utf-8")
    m = re.search(r"^## [^\n]*\{#code\}\n(.*?)(?=^## )", page, re.S | re.M)
    assert m, f"{spec.slug}{suffix}: no #code section"
    assert m.group(1).strip() == "<!-- fact: code -->", (
        f"{spec.slug}{suffix}: #code holds prose besides its marker (the hook writes its introduction): "
        f"{m.group(1).strip()[:120]!r}")


#: The widest kernel line that the site shows without sideways scrolling at 1280 px (measured:
#: about 80 monospace characters fit the content column; the browser test checks the page itself).
KERNEL_WIDTH = 79


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_kernel_lines_fit_the_page(spec):
    """The code a learner reads: every line of the kernels (docstrings apart, which are folded)
    within KERNEL_WIDTH characters."""
    for kernel in spec.kernels:
        lines = inspect.getsource(kernel).splitlines()
        node = ast.parse(textwrap.dedent("\n".join(lines))).body[0]
        first = node.body[0]
        doc = range(first.lineno - 1, first.end_lineno) if isinstance(first, ast.Expr) else range(0)
        wide = [line for i, line in enumerate(lines) if i not in doc and len(line) > KERNEL_WIDTH]
        assert not wide, f"{spec.name}.{kernel.__name__}: lines wider than {KERNEL_WIDTH}: {wide}"
