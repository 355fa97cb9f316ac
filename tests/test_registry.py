"""The registry and the facts of every spec: names, texts, frameworks, references, LaTeX,
signatures and defaults, exports, docstrings."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import itertools
import re
import textwrap
from pathlib import Path
from urllib.parse import urlparse

import pytest

import activations
from activations import Activation, Text
from activations._registry import register
from activations._spec import FRAMEWORKS

SPECS = activations.specs()
IDS = lambda s: s.name  # noqa: E731
SEED_NAMES = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "softmax"]


# --- the registry ---------------------------------------------------------------------------

def test_names_in_handbook_order():
    names = activations.names()
    assert [n for n in names if n in SEED_NAMES] == SEED_NAMES
    assert [s.name for s in SPECS] == activations.names()
    orders = [s.order for s in SPECS]
    assert orders == sorted(orders) and len(set(orders)) == len(orders)


@pytest.mark.parametrize("unknown", ["no_such_activation", "Sigmoid", "", 3, None, ("relu",), ["relu"]])
def test_unknown_name_raises_key_error_listing_the_names(unknown):
    with pytest.raises(KeyError) as info:
        activations.get(unknown)
    message = str(info.value)
    assert repr(unknown) in message
    for name in activations.names():
        assert name in message


def test_get_returns_the_spec():
    for spec in SPECS:
        assert activations.get(spec.name) is spec
        assert isinstance(spec, Activation)


def test_registering_a_name_twice_is_refused():
    before = activations.names()
    with pytest.raises(ValueError, match="twice"):
        register(activations.get("relu"))
    assert activations.names() == before


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_name_slug_and_module(spec):
    assert spec.name.isidentifier() and spec.name == spec.name.lower()
    assert re.fullmatch(r"[a-z][a-z0-9-]*", spec.slug) and spec.slug == spec.name.replace("_", "-")
    assert spec.module.__name__ == f"activations.functions.{spec.name}"
    assert len({s.slug for s in SPECS}) == len(SPECS)


# --- texts -------------------------------------------------------------------------------------

def _texts(obj, path="spec"):
    """Every Text inside a spec, with where it is (walks dataclasses and tuples)."""
    if isinstance(obj, Text):
        yield path, obj
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            yield from _texts(getattr(obj, f.name), f"{path}.{f.name}")
    elif isinstance(obj, tuple):
        for i, item in enumerate(obj):
            yield from _texts(item, f"{path}[{i}]")


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_every_text_has_both_languages(spec):
    texts = list(_texts(spec))
    assert len(texts) >= 3  # title, full_name, summary at least
    for path, text in texts:
        for lang in ("zh", "en"):
            assert isinstance(text[lang], str) and text[lang].strip(), f"{spec.name}: {path} has no {lang}"
        assert text.zh != text.en or path.endswith(".title"), f"{spec.name}: {path} is not translated"
    for field in ("full_name", "summary"):
        assert re.search(r"[\u4e00-\u9fff]", getattr(spec, field).zh), f"{spec.name}.{field}.zh has no Chinese"


# --- frameworks and references ------------------------------------------------------------------

@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_five_frameworks(spec):
    """Every framework of FRAMEWORKS, in order (test_frameworks.py checks each row's claims)."""
    assert tuple(f.framework for f in spec.frameworks) == FRAMEWORKS
    root = {"PyTorch": "torch", "Keras": "keras", "JAX": "jax", "PaddlePaddle": "paddle", "MindSpore": "mindspore"}
    for fw in spec.frameworks:
        if not fw.missing:  # a missing row names nothing (test_frameworks checks the absence)
            assert re.fullmatch(r"[a-z_]+(\.[A-Za-z_0-9]+)+", fw.functional), fw.functional
            assert fw.signature.startswith("(") and fw.signature.endswith(")"), fw.signature
            assert fw.functional.split(".")[0] == (fw.package or root[fw.framework])
        for text in (fw.difference,) if fw.difference else ():
            assert re.search(r"[\u4e00-\u9fff]", text.zh) and text.zh != text.en, fw.functional


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_references(spec):
    assert len(spec.references) >= 1
    for ref in spec.references:
        url = urlparse(ref.url)
        assert url.scheme == "https" and url.netloc and " " not in ref.url, ref.url
        assert 1900 < ref.year < 2100
        assert ref.authors.strip() and ref.title.strip() and ref.venue.strip()


# --- LaTeX ---------------------------------------------------------------------------------------

def _latex_strings(spec):
    yield "latex", spec.latex
    yield "latex_derivative", spec.latex_derivative
    yield "properties.range", spec.properties.range
    if isinstance(spec.properties.smoothness, str):  # else words, a Text
        yield "properties.smoothness", spec.properties.smoothness
    for p in spec.parameters:
        yield f"parameter {p.name}.symbol", p.symbol
        yield f"parameter {p.name}.valid", p.valid


def latex_problem(tex: str) -> str | None:
    """What is unbalanced in ``tex``: braces (\\{ and \\} are literal braces and do not
    count), \\left/\\right pairs, \\begin{env}/\\end{env} nesting. None if it is fine."""
    depth = 0
    for m in re.finditer(r"\\[{}]|[{}]", tex):
        if m.group() in ("{", "}"):
            depth += 1 if m.group() == "{" else -1
            if depth < 0:
                return f"'}}' without '{{' at {m.start()}"
    if depth:
        return f"{depth} unclosed '{{'"
    if len(re.findall(r"\\left\b", tex)) != len(re.findall(r"\\right\b", tex)):
        return "\\left and \\right do not pair"
    stack = []
    for kind, env in re.findall(r"\\(begin|end)\{([^}]*)\}", tex):
        if kind == "begin":
            stack.append(env)
        elif not stack or stack.pop() != env:
            return f"\\end{{{env}}} does not close the open environment"
    return f"\\begin{{{stack[-1]}}} is not closed" if stack else None


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_latex_is_balanced(spec):
    for where, tex in _latex_strings(spec):
        assert latex_problem(tex) is None, f"{spec.name} {where}: {latex_problem(tex)} in {tex!r}"


@pytest.mark.parametrize("tex", [r"\frac{1}{2", r"x}", r"\left( x", r"\begin{cases} x", r"\begin{a}\end{b}"])
def test_latex_check_finds_problems(tex):
    assert latex_problem(tex) is not None
    assert latex_problem(r"\{ x \} \left(\frac{a}{b}\right) \begin{cases} 1 \end{cases}") is None


# --- parameters, signatures, exports ----------------------------------------------------------------

def _functions(spec):
    fns = [("forward", spec.forward, 1), ("derivative", spec.derivative, 1)]
    if spec.vjp is not None:
        fns.append(("vjp", spec.vjp, 2))  # (x, g, params...)
    return fns


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_signature_defaults_are_the_specs(spec):
    """forward(x, <params>), derivative(x, <params>), vjp(x, g, <params>): the parameters are
    the spec's, in order, with the spec's defaults. Keyword-only arguments after them (the
    VJP's ``output=``, the saved forward) are not the function's parameters."""
    expected = [(p.name, p.default) for p in spec.parameters]
    for label, fn, leading in _functions(spec):
        params = [p for p in inspect.signature(fn).parameters.values() if p.kind is not p.KEYWORD_ONLY]
        assert [p.name for p in params[:leading]] == ["x", "g"][:leading], f"{spec.name}.{label}"
        assert all(p.default is inspect.Parameter.empty for p in params[:leading])
        got = [(p.name, p.default) for p in params[leading:]]
        assert got == expected, f"{spec.name}.{label}: signature {got}, spec {expected}"
        for p in params[leading:]:
            assert type(p.default) is type(spec.defaults[p.name])


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_parameter_facts(spec):
    for p in spec.parameters:
        assert p.name.isidentifier()
        assert p.check(p.default), f"{spec.name}: the default {p.name}={p.default} fails its own check"
        assert p.valid.strip()
    assert spec.defaults == {p.name: p.default for p in spec.parameters}


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_plain_functions_are_exported(spec):
    exported = {spec.name: spec.forward, f"{spec.name}_derivative": spec.derivative}
    if spec.vjp is not None:
        exported[f"{spec.name}_vjp"] = spec.vjp
    for name, fn in exported.items():
        assert getattr(activations, name) is fn, f"activations.{name}"
        assert name in activations.__all__
    assert spec.forward.__name__ == spec.name and spec.derivative.__name__ == f"{spec.name}_derivative"


def test_nothing_else_is_exported_under_a_function_name():
    plain = {n for s in SPECS for n in (s.name, f"{s.name}_derivative", f"{s.name}_vjp")}
    api = {"Activation", "Elsewhere", "Figure", "FrameworkName", "Parameter", "Properties", "Reference", "Text",
           "get", "names", "specs"}
    assert set(activations.__all__) - api <= plain
    assert len(activations.__all__) == len(set(activations.__all__))


# --- docstrings --------------------------------------------------------------------------------------

SECTIONS = ("Parameters", "Returns", "Examples")


def _section_positions(doc: str) -> dict[str, int]:
    """Line numbers of NumPy-style section headers (a title line underlined with dashes)."""
    lines = textwrap.dedent("\n".join(doc.splitlines()[1:])).splitlines()
    return {line.strip(): i for i, (line, under) in enumerate(itertools.pairwise(lines))
            if line.strip() and set(under.strip()) == {"-"} and len(under.strip()) == len(line.strip())}


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_docstrings_have_parameters_returns_examples_in_order(spec):
    for label, fn, _ in _functions(spec):
        doc = inspect.getdoc(fn) or ""
        assert doc.splitlines() and doc.splitlines()[0].strip(), f"{spec.name}.{label} has no summary line"
        found = _section_positions(inspect.cleandoc(fn.__doc__ or ""))
        missing = [s for s in SECTIONS if s not in found]
        assert not missing, f"{spec.name}.{label} docstring lacks {missing}"
        positions = [found[s] for s in SECTIONS]
        assert positions == sorted(positions), f"{spec.name}.{label}: sections out of order {found}"
        examples = doc[doc.index("Examples"):]
        assert ">>> " in examples, f"{spec.name}.{label}: Examples has no example"


def test_section_finder():
    doc = "Summary.\n\n    Returns\n    -------\n    x\n\n    Parameters\n    ----------\n    Examples\n    ---\n"
    found = _section_positions(doc)
    assert found.keys() == {"Returns", "Parameters"}  # 'Examples' has a short underline
    assert found["Returns"] < found["Parameters"]


# --- other facts ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_other_facts(spec):
    lo, hi = spec.plot_range
    assert lo < 0 < hi
    assert spec.numerics_inputs, f"{spec.name}: no inputs for the numerics table"
    assert callable(spec.naive_forward) and callable(spec.naive_derivative)
    smooth = spec.properties.smoothness
    differentiable = isinstance(smooth, str) and re.fullmatch(r"C\^(\{?[1-9]\d*\}?|\\infty)", smooth) is not None
    # smoothness is stated at the defaults; a function along an axis has no kink points on a
    # line, and its kink text says where it is not differentiable (sparsemax's support edges)
    kinked = bool(spec.kink_points(**spec.defaults)) if spec.elementwise else spec.kink is not None
    assert kinked != differentiable, (
        f"{spec.name}: a kink at the defaults (f not differentiable somewhere) goes with C^0 or "
        f"words (a jump), and only with those; smoothness is {smooth!r}"
    )
    assert spec.elementwise == (spec.vjp is None)


SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def names_in_scripts(root: Path) -> list[str]:
    """Where a script names a function: a string literal that is a registry name or slug, or an
    attribute ``activations.<name>`` (prose in docstrings and comments may mention functions)."""
    names = {s.name for s in SPECS} | {s.slug for s in SPECS}
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in names:
                found.append(f"{path.name}:{node.lineno}: {node.value!r}")
            elif (isinstance(node, ast.Attribute) and node.attr in names and isinstance(node.value, ast.Name)
                  and node.value.id == "activations"):
                found.append(f"{path.name}:{node.lineno}: activations.{node.attr}")
    return found


def test_scripts_name_no_function():
    """The plots, hooks and benchmark branch on what a spec declares (its kind, its figures, its
    PyTorch row's backward op), never on a function's name: a new function needs no script edit."""
    found = names_in_scripts(SCRIPTS)
    assert not found, "scripts name functions:\n" + "\n".join(found)


def test_names_in_scripts_finds_a_name(tmp_path):
    (tmp_path / "a.py").write_text('import activations\nactivations.get("softmax")\nactivations.relu(1)\n'
                                   '"""softmax in prose is fine"""\n', encoding="utf-8")
    assert names_in_scripts(tmp_path) == ["a.py:2: 'softmax'", "a.py:3: activations.relu"]


def test_a_function_of_another_kind_declares_its_figures():
    spec = activations.get("softmax")
    with pytest.raises(ValueError, match="declares its figures"):
        dataclasses.replace(spec, figures=())
    assert spec.kind == "normalizer" and not spec.elementwise
    drawn = {fig.draw for fig in spec.figures}
    assert drawn and not drawn & set(spec.kernels), "plotting code is shown among the kernels"
