"""MkDocs hook: put the `activations` package's facts into the pages.

A page holds prose and marker comments such as ``<!-- fact: formula -->``; this hook
replaces each marker with Markdown generated from the function's spec (see
``docs/PAGES.md``). A marker it does not know, a marker asking for a fact the function
does not have, or a function page without ``function:`` in its front matter fails the
build. It also fills the nav's ``functions/`` entry from the registry, so a new module
appears in the nav without touching ``mkdocs.yml``.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import math
import re
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import numpy as np
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import activations
from activations import Activation, FrameworkName, Text
from activations._spec import FRAMEWORK_VERSIONS, KERAS_BACKEND

MARKER = re.compile(r"<!--\s*fact:\s*(?P<name>[^\s>]*)\s*-->")
LOOSE_MARKER = re.compile(r"<!--\s*fact\b")  # anything that looks like a marker but is malformed
NAV_PLACEHOLDER = "functions/"

# Words the generated Markdown needs in each language.
WORDS = {
    "zh": {
        "yes": "是", "no": "否", "range": "值域", "monotonic": "单调", "smoothness": "光滑性",
        "zero_centred": "零中心", "saturating": "饱和", "bounded": "有界",
        "sat.soft": "软饱和", "sat.hard": "硬饱和", "sat.none": "不饱和",
        "sat.both_sides": "两侧{kind}", "sat.negative": "负半轴{kind}", "sat.positive": "正半轴{kind}",
        "bnd.both": "上下有界", "bnd.below": "有下界、无上界", "bnd.above": "有上界、无下界",
        "bnd.none": "无界", "note": "说明", "property": "性质", "value": "取值",
        "param": "参数", "symbol": "符号", "default": "默认值", "valid": "取值范围", "meaning": "含义",
        "framework": "框架", "function": "函数", "layer": "模块 / 层", "signature": "参数与默认值",
        "difference": "与本包的差异", "same": "相同", "kink": "不可导点（折点）的约定",
        "x": "输入 x", "textbook": "教科书公式", "package": "本包", "f": "f(x)", "df": "f′(x)",
        "plot_alt": "{name} 的函数图像与导数图像",
        "overview_alt": "所有逐元素激活函数及其导数",
        "name": "名称", "source_title": "所有函数共享的输入检查（activations/_checks.py）", "row": "输入行",
        "column": "{who}：{what}", "colon": "：", "open": "（", "close": "）", "implementation": "本包的算法",
        "code_intro": "下面是本包的实现，原样取自经过测试的模块 `{path}`；文档字符串折叠在代码下方。",
        "docstrings": "文档字符串", "calls_title": "框架中的同一函数（各框架自己的默认参数）",
        "warnings": "教科书公式触发的浮点异常",
        "fp.overflow": "上溢", "fp.underflow": "下溢", "fp.invalid": "无效运算（NaN）", "fp.divide": "除以零",
        "sep": "、", "space": "",
        "measured": "特殊输入处的实测值：", "deviation": "{what}({x}) = {value}（本包：{ours}）",
        "raises": "{what}({x}) 抛出 {error}（本包：{ours}）",
        "dev_sep": "；", "dev_end": "。", "all_nan": "全为 NaN",
        "documented": "名称与默认值取自[文档]({url})，数值未经测试。",
        "ordinary_error": "在 |x| ≤ 15 的普通输入上，与本包的绝对误差最大约为 {err}（实测）。",
        "backend.jax": "JAX 后端",
        "versions": "表中 PyTorch {torch}、Keras {keras}（{backend}）、JAX {jax} 和 PaddlePaddle {paddle} "
        "的名称、默认值与差异，都由测试在这些版本上以 float64 实测；MindSpore 未安装，"
        "它的名称与默认值取自 MindSpore {mindspore} 的文档。",
        "elsewhere": "五个框架之外，下列库也提供这一函数（名称取自其源代码或文档，数值未经测试）：",
        "source": "来源",
    },
    "en": {
        "yes": "yes", "no": "no", "range": "Range", "monotonic": "Monotonic", "smoothness": "Smoothness",
        "zero_centred": "Zero-centred", "saturating": "Saturating", "bounded": "Bounded",
        "sat.soft": "soft", "sat.hard": "hard", "sat.none": "no",
        "sat.both_sides": "{kind} on both sides", "sat.negative": "{kind} on the negative side",
        "sat.positive": "{kind} on the positive side",
        "bnd.both": "above and below", "bnd.below": "below only (unbounded above)",
        "bnd.above": "above only (unbounded below)", "bnd.none": "no", "note": "Note",
        "property": "Property", "value": "Value",
        "param": "Parameter", "symbol": "Symbol", "default": "Default", "valid": "Valid values",
        "meaning": "Meaning", "framework": "Framework", "function": "Function", "layer": "Module / layer",
        "signature": "Parameters and defaults", "difference": "Difference from this package",
        "same": "same", "kink": "Convention at the kink", "x": "input x", "textbook": "textbook formula",
        "package": "this package", "f": "f(x)", "df": "f′(x)",
        "plot_alt": "{name}: the function and its derivative",
        "overview_alt":
        "Every element-wise activation function and its derivative", "name": "Name",
        "source_title": "The input checks every function shares (activations/_checks.py)", "row": "input row",
        "column": "{who}: {what}", "colon": ": ", "open": " (", "close": ")",
        "implementation": "How this package computes it",
        "code_intro": "This package's implementation, as tested, from the module `{path}`; the docstrings are "
        "folded below the code.",
        "docstrings": "Docstrings", "calls_title": "The same function in a framework (at the framework's defaults)",
        "warnings": "floating-point errors of the textbook formula",
        "fp.overflow": "overflow", "fp.underflow": "underflow", "fp.invalid": "invalid (NaN)",
        "fp.divide": "division by zero", "sep": ", ", "space": " ",
        "measured": "Measured at special inputs: ", "deviation": "{what}({x}) = {value} (this package: {ours})",
        "raises": "{what}({x}) raises {error} (this package: {ours})",
        "dev_sep": "; ", "dev_end": ".", "all_nan": "all NaN",
        "documented": "Names and defaults from the [documentation]({url}); values not tested.",
        "ordinary_error": "At ordinary inputs (|x| ≤ 15) it differs from this package by up to about {err} "
        "(absolute, measured).",
        "backend.jax": "JAX backend",
        "versions": "The names, defaults and differences of PyTorch {torch}, Keras {keras} ({backend}), JAX {jax} "
        "and PaddlePaddle {paddle} in the table are measured by the tests on these versions, in float64; "
        "MindSpore is not installed, and its names and defaults come from the MindSpore {mindspore} documentation.",
        "elsewhere": "Outside the five frameworks, these libraries ship it too (names from their source or "
        "documentation; values not tested):",
        "source": "source",
    },
}


def _lang(page: Page) -> str:
    return getattr(page.file, "locale", None) or "zh"


MATH_SPAN = re.compile(r"(\$[^$]+\$)")


def _cell(text: str) -> str:
    """Text for one Markdown table cell: a ``|`` would end the cell, so escape every one.

    Inside ``$...$`` it becomes ``\\vert`` (``\\|`` becomes ``\\Vert``): a Markdown escape would
    reach KaTeX as ``\\|``, a double bar. Outside math it becomes the Markdown escape ``\\|``.
    """
    def escape(part: str) -> str:
        if MATH_SPAN.fullmatch(part):
            return part.replace("\\|", "\\Vert ").replace("|", "\\vert ")
        return part.replace("|", "\\|")
    return "".join(escape(part) for part in MATH_SPAN.split(text))


def _row(*cells: str) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _yes(flag: bool, w: dict[str, str]) -> str:
    return w["yes"] if flag else w["no"]


def _saturation(sat: tuple[str, str], w: dict[str, str]) -> str:
    """("hard", "none") -> "负半轴硬饱和" / "hard on the negative side"; both sides at once if equal."""
    neg, pos = sat
    if neg == pos:
        return w["sat.none"] if neg == "none" else w["sat.both_sides"].format(kind=w["sat." + neg])
    parts = [w[key].format(kind=w["sat." + kind]) for key, kind in (("sat.negative", neg), ("sat.positive", pos))
             if kind != "none"]
    return w["sep"].join(parts)


def _smoothness(value: str | Text, lang: str) -> str:
    """A C^k class is LaTeX; where none applies, the spec says it in words (a Text: not isinstance,
    since the package is re-imported on every build and its classes with it)."""
    return f"${value}$" if isinstance(value, str) else value[lang]


def _img(stem: str, alt: str, depth: str) -> str:
    return (f"![{alt}]({depth}img/generated/{stem}-light.svg#only-light){{ loading=eager }}\n"
            f"![{alt}]({depth}img/generated/{stem}-dark.svg#only-dark){{ loading=eager }}")


def _number(v: float, digits: int | None = 10) -> str:
    """v with ``digits`` significant digits, or with None every digit: the shortest that reads back
    as the same float."""
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "+∞" if v > 0 else "−∞"
    if digits is None:
        return repr(v).removesuffix(".0")
    return f"{v:.{digits}g}"


def _values(arr: object, digits: int | None = 10) -> str:
    """A computed value for the numerics table: number(s) and, if not float64, the dtype."""
    a = np.asarray(arr)
    text = ", ".join(_number(float(v), digits) for v in a.ravel())
    text = f"[{text}]" if a.ndim else text
    return text if a.dtype == np.float64 else f"{text} ({a.dtype})"


def _compared(textbook: object, ours: object) -> tuple[str, str]:
    """The textbook's and the package's values, with 10 significant digits, or with all of them (the
    shortest that reads back as the same float) where they differ beyond the tenth: a difference the
    table exists to show."""
    same = np.array_equal(np.asarray(textbook, dtype=np.float64), np.asarray(ours, dtype=np.float64),
                          equal_nan=True)
    shown = _values(textbook), _values(ours)
    if same or shown[0] != shown[1]:
        return shown
    return _values(textbook, None), _values(ours, None)


# --- the facts, one function per marker ------------------------------------------------------

def formula(spec: Activation, lang: str, depth: str) -> str:
    return f"$$\n{spec.latex}\n$$"


def derivative(spec: Activation, lang: str, depth: str) -> str:
    return f"$$\n{spec.latex_derivative}\n$$"


def kink(spec: Activation, lang: str, depth: str) -> str:
    if spec.kink is None:
        raise LookupError("has no kink")
    return _admonition("note", WORDS[lang]["kink"], spec.kink[lang])


def parameters(spec: Activation, lang: str, depth: str) -> str:
    if not spec.parameters:
        raise LookupError("has no parameters")
    w = WORDS[lang]
    rows = [_row(w["param"], w["symbol"], w["default"], w["valid"], w["meaning"]), "|---|---|---|---|---|"]
    for p in spec.parameters:
        # a string default as Python writes it, "none"; a number as repr gives it
        default = f'`"{p.default}"`' if isinstance(p.default, str) else f"`{p.default!r}`"
        rows.append(_row(f"`{p.name}`", f"${p.symbol}$" if p.symbol else "", default, f"${p.valid}$",
                         p.meaning[lang]))
    return "\n".join(rows)


def plots(spec: Activation, lang: str, depth: str) -> str:
    w = WORDS[lang]
    if not spec.figures:  # the default: f and f' of an element-wise function
        return _img(spec.name, w["plot_alt"].format(name=spec.title[lang]), depth)
    return "\n\n".join(_img(fig.stem, fig.alt[lang], depth) for fig in spec.figures)


def properties(spec: Activation, lang: str, depth: str) -> str:
    w, p = WORDS[lang], spec.properties
    rows = [_row(w["property"], w["value"]), "|---|---|",
            _row(w["range"], f"${p.range}$"),
            _row(w["monotonic"], _yes(p.monotonic, w)),
            _row(w["smoothness"], _smoothness(p.smoothness, lang)),
            _row(w["zero_centred"], _yes(p.zero_centred, w)),
            _row(w["saturating"], _saturation(p.saturation, w)),
            _row(w["bounded"], w["bnd." + p.bounded])]
    if p.note is not None:
        rows.append(_row(w["note"], p.note[lang]))
    return "\n".join(rows)


def _naive(f: Callable[..., object], x: np.ndarray, params: dict[str, float]) -> tuple[object, list[str]]:
    """Run a textbook formula, collecting the floating-point errors NumPy reports."""
    seen: list[str] = []
    with np.errstate(all="call", call=lambda kind, _flag: seen.append(kind.split()[0])):  # "invalid value"
        value = f(x, **params)
    return value, seen


#: The input of a numerics-table row, from one of the spec's numerics_inputs x0, by kind.
NUMERICS_ROW = {
    "elementwise": lambda x0: np.float64(x0),
    "normalizer": lambda x0: np.array([x0, x0 + 1, x0 + 2]),  # a row of logits
    "gated": lambda x0: np.array([x0, x0]),  # a = b = x0
}


def numerics(spec: Activation, lang: str, depth: str) -> str:
    """How the package computes f and f' (its words), then the textbook formula and the package
    run on the spec's inputs at build time."""
    w = WORDS[lang]
    d = spec.defaults
    col = w["column"].format
    rows = [_row(w["row"] if not spec.elementwise else w["x"], col(who=w["textbook"], what=w["f"]),
                 col(who=w["package"], what=w["f"]), col(who=w["textbook"], what=w["df"]),
                 col(who=w["package"], what=w["df"]), w["warnings"]),
            "|---|---|---|---|---|---|"]
    for x0 in spec.numerics_inputs:
        x = NUMERICS_ROW[spec.kind](x0)
        naive_f, seen_f = _naive(spec.naive_forward, x, d)
        naive_df, seen_df = _naive(spec.naive_derivative, x, d)
        ours_df = spec.derivative(x, **d)
        if spec.kind == "normalizer":  # the Jacobian: show its diagonal, ds_i/dx_i
            naive_df, ours_df = np.diagonal(naive_df), np.diagonal(ours_df)
        elif spec.kind == "gated":  # its one row: d out / da and d out / db
            naive_df, ours_df = naive_df[0], ours_df[0]
        seen = w["sep"].join(w["fp." + k] for k in dict.fromkeys(seen_f + seen_df)) or "—"
        f_cells, df_cells = _compared(naive_f, spec.forward(x, **d)), _compared(naive_df, ours_df)
        rows.append(_row(_values(x), *f_cells, *df_cells, seen))
    assert spec.implementation is not None  # the spec requires it
    return f"**{w['implementation']}**\n\n{spec.implementation[lang]}\n\n" + "\n".join(rows)


def _source_block(path: str, source: str, lang: str = "python") -> str:
    return f'```{lang} title="{path}"\n{source.rstrip()}\n```'


def _without_docstring(f: Callable[..., object]) -> str:
    """The source of ``f`` with its docstring lines taken out (the docstring is shown folded)."""
    lines = inspect.getsource(f).splitlines()
    node = ast.parse(textwrap.dedent("\n".join(lines))).body[0]
    assert isinstance(node, ast.FunctionDef)
    first = node.body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        del lines[first.lineno - 1: first.end_lineno]
    return "\n".join(lines)


#: The widest line the code section shows without sideways scrolling at 1280 px (as the kernels').
KERNEL_WIDTH = 79
#: The frameworks whose one-line call the code section shows next to the kernel.
CALL_FRAMEWORKS = ("PyTorch", "JAX", "PaddlePaddle")


def code(spec: Activation, lang: str, depth: str) -> str:
    """The module's kernels as tested (docstrings folded below them), the same function's call in
    the frameworks, and the shared input checks, folded."""
    w = WORDS[lang]
    kernels = spec.kernels
    rel = Path(spec.module.__file__).relative_to(Path(activations.__file__).parent.parent).as_posix()
    parts = [w["code_intro"].format(path=rel),
             _source_block(rel, "\n\n\n".join(_without_docstring(f) for f in kernels))]
    docs = [_source_block(f.__name__, inspect.getdoc(f) or "", "text") for f in kernels if inspect.getdoc(f)]
    parts.append(f'??? note "{w["docstrings"]}"\n\n' + _indent("\n\n".join(docs)))
    calls = [(fw.call, fw.framework) for fw in spec.frameworks if fw.framework in CALL_FRAMEWORKS and fw.call]
    if calls:
        width = max(len(c) for c, _ in calls)
        if width + len("  # PaddlePaddle") <= KERNEL_WIDTH:
            lines = [f"{c.ljust(width)}  # {fw}" for c, fw in calls]
        else:  # a long composition: the framework's name on the line above its call
            lines = [f"# {fw}\n{c}" for c, fw in calls]
        parts.append(_source_block(w["calls_title"], "\n".join(lines)))
    checks = activations._checks
    along = {"elementwise": (checks.elementwise,), "normalizer": (checks.axis_index,),  # what its kernels use
             "gated": (checks.axis_index, checks.halves)}[spec.kind]
    shared = "\n\n\n".join(inspect.getsource(f).rstrip() for f in (checks.as_float_array, *along))
    parts.append(f'??? info "{w["source_title"]}"\n\n' + _indent(_source_block("activations/_checks.py", shared)))
    return "\n\n".join(parts)


def _admonition(kind: str, title: str, text: str) -> str:
    return f'!!! {kind} "{title}"\n\n' + _indent(text)


def _indent(text: str) -> str:
    return "\n".join(("    " + line) if line else "" for line in text.splitlines())


def _deviation_value(v: object, w: dict[str, str], digits: int = 10) -> str:
    """A number as the numerics table writes it (``digits`` significant digits); a row or a
    Jacobian as [..] ("all NaN" if it is)."""
    a = np.asarray(v, dtype=np.float64)
    def number(x: float) -> str:
        return _number(x) if digits == 10 or not math.isfinite(x) else f"{x:.{digits}g}"
    if a.ndim == 0:
        return number(float(a))
    if np.isnan(a).all():
        return w["all_nan"]
    def nested(b: np.ndarray) -> str:
        return number(float(b)) if b.ndim == 0 else "[" + ", ".join(nested(e) for e in b) + "]"
    return nested(a)


def _deviations(spec: Activation, fw: FrameworkName, w: dict[str, str]) -> str:
    """The row's measured deviations: "f′(NaN) = 1（本包：NaN）", one after the other."""
    params = dict(fw.params)
    items = []
    for d in fw.deviations:
        x = np.array(d.x, dtype=np.float64)
        ours = (spec.forward if d.quantity == "f" else spec.derivative)(x if x.ndim else x[None], **params)
        ours = ours if x.ndim else ours[0]
        what = "f" if d.quantity == "f" else ("f′" if spec.elementwise else "J")
        value, our = _deviation_value(d.value, w), _deviation_value(ours, w)
        if d.raises:
            items.append(w["raises"].format(what=what, x=_deviation_value(d.x, w), error=f"`{d.raises}`", ours=our))
            continue
        if value == our:  # apart by a few ulp only: show all 17 digits, where they differ
            value, our = _deviation_value(d.value, w, 17), _deviation_value(ours, w, 17)
        items.append(w["deviation"].format(what=what, x=_deviation_value(d.x, w), value=value, ours=our))
    return w["measured"] + w["dev_sep"].join(items) + w["dev_end"]


def frameworks(spec: Activation, lang: str, depth: str) -> str:
    """The names, defaults and differences of every framework, then the versions they were read from."""
    w = WORDS[lang]
    rows = [_row(w["framework"], w["function"], w["layer"], w["difference"]), "|---|---|---|---|"]
    for fw in spec.frameworks:
        layer = f"`{fw.module}`" if fw.module else "—"
        parts = [fw.difference[lang]] if fw.difference else []
        if fw.deviations:
            parts.append(_deviations(spec, fw, w))
        if fw.ordinary_error is not None:
            parts.append(w["ordinary_error"].format(err=_number(fw.ordinary_error)))
        if fw.source is not None:  # not installed: from its documentation, not tested
            parts.append(w["documented"].format(url=fw.source))
        elif not parts:
            parts.append(w["same"])
        name = f"`{fw.functional}{fw.signature}`" if not fw.missing else "—"  # missing: ships nothing
        rows.append(_row(fw.framework, name, layer, w["space"].join(parts)))
    v = FRAMEWORK_VERSIONS
    versions = w["versions"].format(torch=v["PyTorch"], keras=v["Keras"], backend=w["backend." + KERAS_BACKEND],
                                    jax=v["JAX"], paddle=v["PaddlePaddle"], mindspore=v["MindSpore"])
    text = "\n".join(rows) + "\n\n" + versions
    if spec.elsewhere:
        items = [f"- {e.library}{w['colon']}`{e.name}`{w['open']}[{w['source']}]({e.source}){w['close']}"
                 + (w["space"] + e.note[lang] if e.note else "") for e in spec.elsewhere]
        text += "\n\n" + w["elsewhere"] + "\n\n" + "\n".join(items)
    return text


def references(spec: Activation, lang: str, depth: str) -> str:
    return "\n".join(f"{i}. {r.authors} ({r.year}). *{r.title}*. {r.venue}. <{r.url}>"
                     for i, r in enumerate(spec.references, 1))


def function_list(lang: str, depth: str) -> str:
    w = WORDS[lang]
    return "\n".join(f"- [{s.title[lang]}]({depth}functions/{s.slug}.md){w['colon']}{s.summary[lang]}"
                      for s in activations.specs())


def overview_table(lang: str, depth: str) -> str:
    w = WORDS[lang]
    rows = [_row(w["name"], w["range"], w["monotonic"], w["smoothness"], w["zero_centred"], w["saturating"],
                 w["bounded"]), "|---|---|---|---|---|---|---|"]
    for s in activations.specs():  # the one-line summaries are on the home page's list
        p = s.properties
        rows.append(_row(f"[{s.title[lang]}]({depth}functions/{s.slug}.md)", f"${p.range}$", _yes(p.monotonic, w),
                         _smoothness(p.smoothness, lang), _yes(p.zero_centred, w), _saturation(p.saturation, w),
                         w["bnd." + p.bounded]))
    return "\n".join(rows)


def overview_plot(lang: str, depth: str) -> str:
    return _img("overview", WORDS[lang]["overview_alt"], depth)


FUNCTION_FACTS: dict[str, Callable[[Activation, str, str], str]] = {
    "formula": formula, "derivative": derivative, "kink": kink, "parameters": parameters,
    "plots": plots, "properties": properties, "numerics": numerics, "code": code,
    "frameworks": frameworks, "references": references,
}
SITE_FACTS: dict[str, Callable[[str, str], str]] = {
    "function-list": function_list, "overview-table": overview_table, "overview-plot": overview_plot,
}


# --- MkDocs events ------------------------------------------------------------------------------

def _reload_package() -> None:
    """Import the package anew, so that `mkdocs serve` shows an edited spec on the next reload.

    MkDocs loads a hook once per process and Python keeps imported modules; this hook runs
    first (it is listed first in mkdocs.yml), so site.py's plots then import the new modules too.
    """
    global activations
    for name in [m for m in sys.modules if m == "activations" or m.startswith("activations.")]:
        del sys.modules[name]
    activations = importlib.import_module("activations")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Replace the nav's ``functions/`` placeholder by the registry's pages, in order."""
    _reload_package()
    pages = [f"functions/{s.slug}.md" for s in activations.specs()]
    for i, item in enumerate(config.nav or []):
        if isinstance(item, dict) and list(item.values()) in ([NAV_PLACEHOLDER], [pages]):
            (title,) = item
            config.nav[i] = {title: pages}
            return config
    raise PluginError(f"facts hook: mkdocs.yml's nav needs an entry '<title>: {NAV_PLACEHOLDER}'")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = _lang(page)
    depth = "../" * page.file.src_uri.count("/")  # from the page back to docs/
    name = page.meta.get("function")
    spec = None
    if page.file.src_uri.startswith("functions/"):
        if name is None:
            raise PluginError(f"{page.file.src_uri}: a function page needs 'function: <name>' in its front matter")
    if name is not None:
        try:
            spec = activations.get(name)
        except KeyError as err:
            raise PluginError(f"{page.file.src_uri}: {err.args[0]}") from None
        expected = f"functions/{spec.slug}."
        if not page.file.src_uri.startswith(expected):
            raise PluginError(f"{page.file.src_uri}: function {name!r} belongs in {expected}md")

    def replace(match: re.Match[str]) -> str:
        key = match.group("name")
        where = f"{page.file.src_uri}: <!-- fact: {key} -->"
        if key in SITE_FACTS:
            return SITE_FACTS[key](lang, depth)
        if key not in FUNCTION_FACTS:
            known = ", ".join([*FUNCTION_FACTS, *SITE_FACTS])
            raise PluginError(f"{where}: unknown fact; known: {known}")
        if spec is None:
            raise PluginError(f"{where}: only a page with 'function:' in its front matter can ask for it")
        try:
            return FUNCTION_FACTS[key](spec, lang, depth)
        except LookupError as err:
            raise PluginError(f"{where}: {spec.name} {err}") from None

    out = MARKER.sub(replace, markdown)
    if LOOSE_MARKER.search(out):
        line = out[: LOOSE_MARKER.search(out).start()].count("\n") + 1
        raise PluginError(f"{page.file.src_uri}: malformed fact marker near line {line}; "
                          "write <!-- fact: NAME -->")
    return out
