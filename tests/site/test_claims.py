"""What a reader sees on the built pages is what the package says, and nothing is broken.

Read from the HTML of the one strict build (``built_site``):

- every table row has as many cells as its header (a ``|`` in a cell splits a row silently);
- no TeX source is visible anywhere outside KaTeX's output (a formula the typesetter never saw);
- the generated cells equal the spec (properties, parameters, frameworks);
- #numerics shows the spec's implementation text, #code the kernels with their docstrings
  folded and the frameworks' one-line calls, #usage and #exercises are there, every exercise
  with its answer folded.
"""

from __future__ import annotations

import functools
import importlib.util
import inspect
import re
from pathlib import Path

import numpy as np
import pytest
from bs4 import BeautifulSoup, NavigableString, Tag

import activations

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]
LANGS = {"zh": "", "en": "en/"}
SPECS = activations.specs()
FUNCTION_PAGES = [pytest.param(spec, lang, id=f"{lang}-{spec.slug}") for spec in SPECS for lang in LANGS]
#: Elements whose text is not prose: code, KaTeX's output (its MathML keeps the TeX), scripts.
NOT_PROSE = ("code", "pre", "script", "style", "annotation", "math")
TEX_SOURCE = re.compile(r"\\[A-Za-z]+|\$")


def _load_facts():
    spec = importlib.util.spec_from_file_location("handbook_hook_facts_claims", ROOT / "scripts/hooks/facts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


WORDS = _load_facts().WORDS
NUMERICS_ROW = _load_facts().NUMERICS_ROW  # the input of a numerics-table row, by kind


@functools.cache
def _soup(path: Path) -> BeautifulSoup:
    """The parsed page, parsed once per worker (the checks only read it: never change a soup from here)."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def prose_strings(root: Tag):
    """The text nodes of ``root`` that a reader sees as prose (not code, not KaTeX)."""
    for s in root.find_all(string=True):
        if isinstance(s, NavigableString) and not any(
                p.name in NOT_PROSE or "katex" in (p.get("class") or []) for p in s.parents if isinstance(p, Tag)):
            yield s


def _article(site: Path, spec, lang: str) -> Tag:
    soup = _soup(site / LANGS[lang] / "functions" / spec.slug / "index.html")
    article = soup.select_one("article.md-content__inner")
    assert article is not None
    return article


def _section(article: Tag, sid: str) -> list[Tag]:
    """The elements after <h2 id=sid> up to the next <h2>."""
    h2 = article.find("h2", id=sid)
    assert h2 is not None, f"no section #{sid}"
    out = []
    for el in h2.find_next_siblings():
        if el.name == "h2":
            break
        out.append(el)
    return out


def _text(el: Tag) -> str:
    return " ".join(el.get_text(" ").split())


# --- the whole site -------------------------------------------------------------------------------

def table_problems(soup: BeautifulSoup) -> list[str]:
    found = []
    for i, table in enumerate(soup.select("article table")):
        rows = table.find_all("tr")
        width = len(rows[0].find_all(["th", "td"]))
        for r, row in enumerate(rows[1:], 1):
            n = len(row.find_all(["th", "td"]))
            if n != width:
                found.append(f"table {i}, row {r}: {n} cells under a header of {width}: {_text(row)[:80]!r}")
    return found


def test_every_table_row_has_as_many_cells_as_its_header(built_site):
    found = [f"{p.relative_to(built_site.site)}: {msg}" for p in _pages(built_site.site)
             for msg in table_problems(_soup(p))]
    assert not found, "\n".join(found)


def tex_problems(soup: BeautifulSoup) -> list[str]:
    body = soup.body or soup
    return [s.strip()[:80] for s in prose_strings(body) if TEX_SOURCE.search(s)]


def test_no_tex_source_is_visible_outside_katex(built_site):
    """Any \\command or $ in visible text outside KaTeX's output and code is TeX nobody typeset."""
    found = [f"{p.relative_to(built_site.site)}: {t!r}" for p in _pages(built_site.site)
             for t in tex_problems(_soup(p))]
    assert not found, "TeX source visible:\n" + "\n".join(found)


def test_the_checks_find_what_they_look_for():
    """Both checks fail on the defects they exist for: a row split by a | inside math, raw TeX."""
    split = BeautifulSoup("<article><table><tr><th>a</th><th>b</th></tr><tr><td>$x \\in R,\\</td>"
                          "<td>∣a∣</td><td>meaning</td></tr></table></article>", "html.parser")
    assert table_problems(split)
    raw = BeautifulSoup("<body><p>see $\\alpha$ and <span class='katex'>\\alpha</span></p></body>", "html.parser")
    assert tex_problems(raw) == ["see $\\alpha$ and"]
    fine = BeautifulSoup("<body><p>ok <code>\\x</code><span class='katex'><annotation>\\a</annotation></span></p>"
                         "</body>", "html.parser")
    assert not tex_problems(fine)


# --- the generated cells equal the spec --------------------------------------------------------------

def _katex_tex(cell: Tag) -> list[str]:
    """The TeX KaTeX typeset in a cell, with the hook's | escape undone."""
    return [" ".join(a.get_text().replace("\\vert ", "|").replace("\\Vert ", "\\|").split())
            for a in cell.find_all("annotation")]


def _norm_tex(tex: str) -> str:
    return " ".join(tex.split())


@pytest.mark.parametrize(("spec", "lang"), FUNCTION_PAGES)
def test_properties_cells_equal_the_spec(built_site, spec, lang):
    w, p = WORDS[lang], spec.properties
    table = next(el for el in _section(_article(built_site.site, spec, lang), "properties") if el.name == "table")
    cells = {_text(r.find_all("td")[0]): r.find_all("td")[1] for r in table.find_all("tr")[1:]}
    assert _katex_tex(cells[w["range"]]) == [_norm_tex(p.range)]
    if isinstance(p.smoothness, str):
        assert _katex_tex(cells[w["smoothness"]]) == [_norm_tex(p.smoothness)]
    else:
        assert _text(cells[w["smoothness"]]) == " ".join(p.smoothness[lang].split())
    assert _text(cells[w["monotonic"]]) == (w["yes"] if p.monotonic else w["no"])
    assert _text(cells[w["zero_centred"]]) == (w["yes"] if p.zero_centred else w["no"])
    assert _text(cells[w["bounded"]]) == w["bnd." + p.bounded]
    kinds = [w["sat." + k] for k in p.saturation if k != "none"]
    sat = _text(cells[w["saturating"]])
    assert all(k in sat for k in kinds) and (kinds or sat == w["sat.none"]), (p.saturation, sat)


@pytest.mark.parametrize(("spec", "lang"), FUNCTION_PAGES)
def test_parameter_cells_equal_the_spec(built_site, spec, lang):
    if not spec.parameters:
        return
    tables = [el for el in _section(_article(built_site.site, spec, lang), "formula") if el.name == "table"]
    assert len(tables) == 1, f"{spec.name}: expected one parameter table in #formula"
    rows = {_text(r.find_all("td")[0]): r.find_all("td") for r in tables[0].find_all("tr")[1:]}
    assert list(rows) == [p.name for p in spec.parameters]
    for p in spec.parameters:
        _, symbol, default, valid, meaning = rows[p.name]
        assert _katex_tex(symbol) == ([_norm_tex(p.symbol)] if p.symbol else [])
        assert _text(default) == (f'"{p.default}"' if isinstance(p.default, str) else repr(p.default))
        assert _katex_tex(valid) == [_norm_tex(p.valid)]
        assert " ".join(p.meaning[lang].split()) in _text(meaning) or _katex_tex(meaning)


@pytest.mark.parametrize(("spec", "lang"), FUNCTION_PAGES)
def test_framework_rows_equal_the_spec(built_site, spec, lang):
    section = _section(_article(built_site.site, spec, lang), "frameworks")
    table = next(el for el in section if el.name == "table")
    rows = table.find_all("tr")[1:]
    assert [_text(r.find_all("td")[0]) for r in rows] == [fw.framework for fw in spec.frameworks]
    for row, fw in zip(rows, spec.frameworks, strict=True):
        cells = row.find_all("td")
        assert _text(cells[1]) == (f"{fw.functional}{fw.signature}" if not fw.missing else "—")
        assert _text(cells[2]) == (fw.module or "—")
        same = fw.difference is None and not fw.deviations and fw.source is None  # untested rows never "same"
        assert (_text(cells[3]) == WORDS[lang]["same"]) == same, f"{fw.framework}: {_text(cells[3])!r}"


@pytest.mark.parametrize(("spec", "lang"), FUNCTION_PAGES)
def test_other_libraries_are_listed_under_the_table(built_site, spec, lang):
    """Each ``elsewhere`` entry (a library outside the five) is a list item after the frameworks
    table: the library, its name as code, a link to the source it was read from, and the note."""
    section = _section(_article(built_site.site, spec, lang), "frameworks")
    intro = WORDS[lang]["elsewhere"]
    at = [i for i, el in enumerate(section) if el.name == "p" and _text(el) == " ".join(intro.split())]
    assert len(at) == (1 if spec.elsewhere else 0), f"{spec.name}: the list's introduction appears {len(at)} times"
    items = section[at[0] + 1].find_all("li") if at else []
    assert len(items) == len(spec.elsewhere), f"{spec.name}: {len(items)} list items, {len(spec.elsewhere)} entries"
    for li, e in zip(items, spec.elsewhere, strict=True):
        assert _text(li).startswith(e.library), _text(li)
        assert [_text(c) for c in li.find_all("code")][:1] == [e.name]
        assert [a["href"] for a in li.find_all("a")] == [e.source]
        if e.note is not None:
            assert " ".join(e.note[lang].split()) in _text(li) or _katex_tex(li)


# --- the sections the page contract asks for ----------------------------------------------------------

@pytest.mark.parametrize(("spec", "lang"), FUNCTION_PAGES)
def test_numerics_shows_the_implementation_text(built_site, spec, lang):
    section = _section(_article(built_site.site, spec, lang), "numerics")
    text = " ".join(_text(el) for el in section)
    assert WORDS[lang]["implementation"] in text
    assert spec.implementation is not None
    shown = {_text(c) for el in section for c in el.find_all("code")}
    for name in re.findall(r"`(np\.[^`]+)`", spec.implementation[lang]):
        assert name in shown, f"#numerics lacks the implementation text's `{name}`"


@pytest.mark.parametrize(("spec", "lang"), FUNCTION_PAGES)
def test_numerics_table_shows_every_difference(built_site, spec, lang):
    """In the numerics table the textbook's and the package's cells read alike exactly where their
    values are equal: a difference beyond the tenth digit is shown with all its digits, not hidden."""
    section = _section(_article(built_site.site, spec, lang), "numerics")
    table = next(el for el in section if el.name == "table")
    rows = table.find_all("tr")[1:]
    assert len(rows) == len(spec.numerics_inputs), "one row per numerics input"
    d = spec.defaults
    for x0, row in zip(spec.numerics_inputs, rows, strict=True):
        cells = [_text(c) for c in row.find_all("td")]
        x = NUMERICS_ROW[spec.kind](x0)
        with np.errstate(all="ignore"):
            naive = spec.naive_forward(x, **d), spec.naive_derivative(x, **d)
        ours = spec.forward(x, **d), spec.derivative(x, **d)
        if spec.kind == "normalizer":  # the diagonal of the Jacobian
            naive, ours = (naive[0], np.diagonal(naive[1])), (ours[0], np.diagonal(ours[1]))
        elif spec.kind == "gated":  # its one row
            naive, ours = (naive[0], naive[1][0]), (ours[0], ours[1][0])
        for what, (a, b), (ca, cb) in (("f", (naive[0], ours[0]), cells[1:3]),
                                       ("f′", (naive[1], ours[1]), cells[3:5])):
            a, b = np.asarray(a), np.asarray(b)  # a dtype differs visibly, "0 (int64)" against "0"
            equal = a.dtype == b.dtype and np.array_equal(a, b, equal_nan=True) and np.array_equal(
                np.signbit(a), np.signbit(b))
            assert (ca == cb) == equal, (f"x = {x0}, {what}: cells {ca!r} / {cb!r} for values "
                                         f"{a.tolist()!r} / {b.tolist()!r} ({a.dtype}, {b.dtype})")


@pytest.mark.parametrize(("spec", "lang"), FUNCTION_PAGES)
def test_code_shows_kernels_docstrings_folded_and_framework_calls(built_site, spec, lang):
    section = _section(_article(built_site.site, spec, lang), "code")
    blocks = [el for el in section if el.name == "div" and "highlight" in (el.get("class") or [])]
    kernel = blocks[0].find("code").get_text()
    for f in spec.kernels:
        src = inspect.getsource(f)
        doc = inspect.getdoc(f)
        body = [line for line in src.splitlines() if line.strip()]
        assert body[0] in kernel or body[1] in kernel, f"{f.__name__} is not the first code block"
        if doc:
            assert doc.splitlines()[0] not in kernel, f"{f.__name__}'s docstring is not folded out of the kernel"
    folded = [el for el in section if el.name == "details"]
    assert folded and not folded[0].has_attr("open"), "the docstrings are not in a folded block"
    docs = folded[0].get_text()
    for f in spec.kernels:
        if inspect.getdoc(f):
            assert inspect.getdoc(f).splitlines()[0] in docs
    calls = [fw.call for fw in spec.frameworks if fw.framework in ("PyTorch", "JAX", "PaddlePaddle") and not fw.missing]
    assert all(calls), f"{spec.name}: a PyTorch, JAX or PaddlePaddle row that ships it has no call"
    shown = " ".join(b.get_text() for b in blocks[1:])
    for call in calls:
        assert call in shown, f"#code lacks the call {call}"


@pytest.mark.parametrize(("spec", "lang"), FUNCTION_PAGES)
def test_usage_and_exercises(built_site, spec, lang):
    article = _article(built_site.site, spec, lang)
    usage = " ".join(_text(el) for el in _section(article, "usage"))
    assert len(usage) > 200, f"#usage is too short to say when to use {spec.name}: {usage!r}"
    lists = [el for el in _section(article, "exercises") if el.name == "ol"]
    assert len(lists) == 1, "#exercises is one numbered list"
    items = lists[0].find_all("li", recursive=False)
    assert 2 <= len(items) <= 4, f"{len(items)} exercises"
    for i, item in enumerate(items, 1):
        answers = item.find_all("details")
        assert len(answers) == 1 and not answers[0].has_attr("open"), f"exercise {i}: no folded answer"
        assert _text(answers[0].find("summary")) == {"zh": "答案", "en": "Answer"}[lang]
