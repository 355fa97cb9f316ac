"""The built site against the package: every page there, in both languages, with the package's facts.

These tests read the HTML that ``mkdocs build --strict`` wrote (the ``built_site``
fixture of ``conftest.py``); the browser tests (``test_browser.py``) check what a reader sees.
"""

from __future__ import annotations

import functools
import html
import importlib.util
import inspect
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from mkdocs.exceptions import PluginError

import activations

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
LANGS = {"zh": "", "en": "en/"}  # language -> URL prefix of its pages
SECTIONS = ("formula", "derivative", "plots", "properties", "numerics", "code", "frameworks", "usage",
            "exercises", "references")
SPECS = activations.specs()
FUNCTION_PAGES = [pytest.param(spec, lang, id=f"{lang}-{spec.slug}") for spec in SPECS for lang in LANGS]


# --- reading the built HTML -------------------------------------------------------------------

def _text(fragment: str) -> str:
    """Visible text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed."""
    fragment = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", fragment, flags=re.S)
    fragment = re.sub(r"<(script|style)\b.*?</\1>", "", fragment, flags=re.S)
    return _norm(html.unescape(re.sub(r"<[^>]+>", "", fragment)))


def _norm(text: str) -> str:
    return " ".join(text.split())


def _page_path(site: Path, lang: str, url: str) -> Path:
    """The built file of a page URL relative to a language's root, e.g. ("en", "functions/relu/")."""
    return site / LANGS[lang] / url / "index.html"


class BuiltPage:
    """One built page: its article, split into the sections of its ``<h2 id>`` headings."""

    def __init__(self, path: Path) -> None:
        assert path.is_file(), f"not built: {path}"
        self.path = path
        self.html = path.read_text(encoding="utf-8")
        m = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', self.html, re.S)
        assert m, f"{path}: no article"
        self.article = m.group(1)
        parts = re.split(r'<h2 id="([^"]+)"', self.article)
        self.sections = {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}

    @property
    def ids(self) -> set[str]:
        return set(re.findall(r'\bid="([^"]*)"', self.html))

    @property
    def h1(self) -> str:
        m = re.search(r"<h1\b[^>]*>(.*?)</h1>", self.article, re.S)
        assert m, f"{self.path}: no <h1>"
        return _text(m.group(1))

    @property
    def lang(self) -> str:
        m = re.search(r'<html lang="([^"]+)"', self.html)
        return m.group(1) if m else ""

    def section(self, name: str) -> str:
        assert name in self.sections, f"{self.path}: no section <h2 id={name!r}> (has {sorted(self.sections)})"
        return self.sections[name]

    def tex(self, section: str) -> list[str]:
        """The LaTeX sources KaTeX kept in its MathML annotations, in one section."""
        found = re.findall(r'<annotation encoding="application/x-tex">(.*?)</annotation>',
                           self.section(section), re.S)
        return [_norm(html.unescape(t)) for t in found]


def function_page(site: Path, spec: activations.Activation, lang: str) -> BuiltPage:
    return BuiltPage(_page_path(site, lang, f"functions/{spec.slug}/"))


# --- the build ---------------------------------------------------------------------------------

def test_strict_build_passes_without_warnings(built_site):
    """The fixture fails on a non-zero exit or a WARNING line; here: it produced both languages."""
    assert (built_site.site / "index.html").is_file()
    assert (built_site.site / "en" / "index.html").is_file()
    assert "Documentation built" in built_site.log


@pytest.mark.parametrize(("spec", "lang"), FUNCTION_PAGES)
def test_function_page_exists_in_both_languages(built_site, spec, lang):
    source = DOCS / "functions" / (f"{spec.slug}.md" if lang == "zh" else f"{spec.slug}.{lang}.md")
    assert source.is_file(), f"{spec.name}: missing {source.relative_to(ROOT)}"
    page = function_page(built_site.site, spec, lang)
    assert page.lang == lang, f"{page.path}: <html lang={page.lang!r}>, expected {lang!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_nav_lists_every_function_in_registry_order(built_site, lang):
    home = built_site.site / LANGS[lang] / "index.html"
    text = home.read_text(encoding="utf-8")
    start = text.find('class="md-nav md-nav--primary"')
    assert start >= 0, f"{home}: no primary .md-nav"
    root = f"http://site/{LANGS[lang]}"
    linked = []
    for attrs in re.findall(r"<a\b([^>]*)>", text[start:]):
        cls = re.search(r'\bclass="([^"]*)"', attrs)
        href = re.search(r'\bhref="([^"]*)"', attrs)
        if not (cls and href and "md-nav__link" in cls.group(1).split()):
            continue
        path = urlsplit(urljoin(root, html.unescape(href.group(1)))).path
        if path.startswith(f"/{LANGS[lang]}functions/") and path not in linked:
            linked.append(path)
    assert linked == [f"/{LANGS[lang]}functions/{s.slug}/" for s in SPECS], f"{home}: nav"


ALL_PAGES = [pytest.param(lang, url, id=f"{lang}-{url.strip('/') or 'home'}") for lang in LANGS for url in
             ["", "overview/", *(f"functions/{s.slug}/" for s in SPECS), "notebooks/explore/"]]


@pytest.mark.parametrize(("lang", "url"), ALL_PAGES)
def test_language_selector_links_the_same_page(built_site, lang, url):
    """The header's language links go to this page in each language, relatively. With no site_url
    there is no <link rel=alternate hreflang> (Material would probe a sitemap.xml next to each)."""
    path = _page_path(built_site.site, lang, url)
    text = path.read_text(encoding="utf-8")
    here = f"http://site/{LANGS[lang]}{url}"
    links = {hreflang: href for href, hreflang in
             re.findall(r'<a href="([^"]*)" hreflang="([^"]+)" class="md-select__link"', text)}
    assert sorted(links) == sorted(LANGS), f"{path}: language links {links}"
    for target, href in links.items():
        assert not EXTERNAL.match(href) and not href.startswith("/"), f"{path}: {target} link {href!r} not relative"
        assert urljoin(here, href) == f"http://site/{LANGS[target]}{url}", f"{path}: {target} link {href!r}"
    assert not re.search(r'<link rel="alternate" href="[^"]*" hreflang=', text), f"{path}: hreflang <link>"


@pytest.mark.parametrize(("lang", "url"), ALL_PAGES)
def test_internal_links_resolve(built_site, lang, url):
    """Every link within the site reaches a built file, and its #fragment an id there."""
    path = _page_path(built_site.site, lang, url)
    broken = []
    for href in re.findall(r'<a\b[^>]*?\shref="([^"]*)"', path.read_text(encoding="utf-8")):
        href = html.unescape(href)
        if EXTERNAL.match(href):
            continue
        parts = urlsplit(href)
        base = built_site.site if parts.path.startswith("/") else path.parent
        target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else path
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            broken.append(f"{href} (no such file)")
        elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids(target):
            broken.append(f"{href} (no such id)")
    assert not broken, f"{path}: broken links: {broken}"


@functools.cache
def _ids(path: Path) -> frozenset[str]:
    text = path.read_text(encoding="utf-8")
    return frozenset(re.findall(r'\bid="([^"]*)"', text)) | set(re.findall(r'<a\b[^>]*\bname="([^"]*)"', text))


@pytest.mark.parametrize("lang", LANGS)
def test_notebook_math_is_typeset(built_site, lang):
    text = _page_path(built_site.site, lang, "notebooks/explore/").read_text(encoding="utf-8")
    cells = re.split(r'<div class="jp-Cell ', text)[1:]
    markdown = " ".join(_text("<div " + c) for c in cells if c.startswith("jp-MarkdownCell"))
    assert markdown, "no Markdown cell found"
    raw = re.findall(r"\$[^$]+\$", markdown)
    assert not raw, f"{lang} notebook: raw TeX in Markdown cells: {raw[:5]}"


# --- the pages' structure and facts --------------------------------------------------------------

@pytest.mark.parametrize(("spec", "lang"), FUNCTION_PAGES)
def test_function_page_sections_and_title(built_site, spec, lang):
    page = function_page(built_site.site, spec, lang)
    missing = [s for s in SECTIONS if s not in page.ids]
    assert not missing, f"{page.path}: missing section ids {missing}"
    order = [s for s in page.sections if s in SECTIONS]
    assert order == list(SECTIONS), f"{page.path}: sections {order}, expected in the order {SECTIONS}"
    assert page.h1 == spec.title[lang]


@pytest.mark.parametrize(("spec", "lang"), FUNCTION_PAGES)
def test_function_page_formulas_are_the_package_latex(built_site, spec, lang):
    page = function_page(built_site.site, spec, lang)
    assert _norm(spec.latex) in page.tex("formula"), f"{page.path}: #formula lacks {spec.latex!r}"
    assert _norm(spec.latex_derivative) in page.tex("derivative"), \
        f"{page.path}: #derivative lacks {spec.latex_derivative!r}"


@pytest.mark.parametrize(("spec", "lang"), FUNCTION_PAGES)
def test_function_page_frameworks_and_references(built_site, spec, lang):
    page = function_page(built_site.site, spec, lang)
    frameworks = _text(page.section("frameworks"))
    for fw in spec.frameworks:
        assert fw.functional in frameworks, f"{page.path}: #frameworks lacks {fw.functional}"
    links = {html.unescape(h) for h in re.findall(r'href="([^"]*)"', page.section("references"))}
    for ref in spec.references:
        assert ref.url in links, f"{page.path}: #references lacks a link to {ref.url}"


@pytest.mark.parametrize(("spec", "lang"), FUNCTION_PAGES)
def test_function_page_shows_the_package_source(built_site, spec, lang):
    """Every line of every kernel is on the page: the code in the first block, the docstring folded."""
    page = function_page(built_site.site, spec, lang)
    blocks = re.findall(r"<code\b[^>]*>(.*?)</code>", page.section("code"), re.S)  # the code, not its titles
    shown = {line.strip() for block in blocks for line in html.unescape(re.sub(r"<[^>]+>", "", block)).splitlines()}
    for kernel in spec.kernels:
        source = [line.strip() for line in inspect.getsource(kernel).splitlines() if line.strip()]
        doc = [line.strip() for line in (inspect.getdoc(kernel) or "").splitlines() if line.strip()]
        assert source[0].startswith(("def ", "@")), source[0]
        def bare(line: str) -> str:  # a docstring line without its quotes (r"""..., ...""")
            return re.sub(r'^r?"""|"""$', "", line)
        missing = [line for line in source if line not in shown and bare(line) not in ("", *doc)]
        assert not missing, f"{page.path}: #code lacks these lines of {kernel.__qualname__}: {missing}"


@pytest.mark.parametrize(("spec", "lang"), FUNCTION_PAGES)
def test_function_page_parameters_and_kink(built_site, spec, lang):
    page = function_page(built_site.site, spec, lang)
    rows = re.findall(r"<tr>(.*?)</tr>", page.article, re.S)
    for p in spec.parameters:
        shown = f'"{p.default}"' if isinstance(p.default, str) else repr(p.default)  # as facts.py writes it
        name, default = f"<code>{p.name}</code>", f"<code>{html.escape(shown, quote=False)}</code>"
        assert any(name in row and default in row for row in rows), \
            f"{page.path}: no table row with parameter {p.name} and its default {p.default!r}"
    if spec.kink is not None:
        assert _norm(spec.kink[lang]) in _text(page.section("derivative")), \
            f"{page.path}: #derivative lacks the kink convention {spec.kink[lang]!r}"


# --- the whole site -------------------------------------------------------------------------------

EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)  # a scheme or a protocol-relative URL
ALLOWED = ("data:", "blob:", "http://127.0.0.1", "https://127.0.0.1")
RESOURCE_ATTRS = [
    ("script", "src"), ("link", "href"), ("img", "src"), ("source", "src"), ("iframe", "src"),
    ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data"),
]


def _external(url: str) -> bool:
    url = html.unescape(url).strip()
    return bool(EXTERNAL.match(url)) and not url.lower().startswith(ALLOWED)


def _css_urls(css: str) -> list[str]:
    return [u.strip().strip("'\"") for u in re.findall(r"url\(\s*([^)]*?)\s*\)", css)]


def test_no_katex_error_anywhere(built_site):
    broken = [str(p.relative_to(built_site.site)) for p in sorted(built_site.site.rglob("*.html"))
              if "katex-error" in p.read_text(encoding="utf-8")]
    assert not broken, f"KaTeX errors in {broken}"


def test_no_resource_from_another_host(built_site):
    """Scripts, styles, images, fonts: all from the site itself (links to papers are fine)."""
    found = []
    for path in sorted(built_site.site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(built_site.site)
        for tag, attr in RESOURCE_ATTRS:
            for m in re.finditer(rf"<{tag}\b[^>]*?\s{attr}\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", text, re.I):
                url = m.group(1).strip("'\"")
                if _external(url):
                    found.append(f"{rel}: <{tag} {attr}={url}>")
        inline_css = re.findall(r"<style\b[^>]*>(.*?)</style>", text, re.S | re.I)
        inline_css += re.findall(r'\sstyle="([^"]*)"', text)
        found += [f"{rel}: url({u}) in inline CSS" for css in inline_css for u in _css_urls(css) if _external(u)]
    for path in sorted(built_site.site.rglob("*.css")):
        rel = path.relative_to(built_site.site)
        found += [f"{rel}: url({u})" for u in _css_urls(path.read_text(encoding="utf-8")) if _external(u)]
        found += [f"{rel}: @import {u}" for u in re.findall(r"@import\s+[\"']([^\"']+)", path.read_text("utf-8"))
                  if _external(u)]
    assert not found, "resources from other hosts:\n" + "\n".join(found)


# --- plots and incremental builds ------------------------------------------------------------------

def _render_plots(out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "scripts/plots.py", "--force", "--out", str(out)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_plots_are_reproducible_and_undated(built_site, current_inputs, tmp_path):
    """A forced render is byte-identical to the one the session's build wrote into docs/img/generated,
    and carries no date.

    If someone changed the plots' inputs since that build (an editor at work while the tests
    run), two forced renders side by side are compared with each other instead.
    """
    unchanged = current_inputs() == built_site.inputs
    outs = [tmp_path / "a"] if unchanged else [tmp_path / "a", tmp_path / "b"]
    procs = [_render_plots(out) for out in outs]  # independent renders, side by side
    for proc in procs:
        output, _ = proc.communicate(timeout=600)
        assert proc.returncode == 0, output
    def svgs(folder: Path) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in folder.glob("*.svg")}
    first = svgs(outs[0])
    assert first, "scripts/plots.py rendered no SVG"
    if unchanged and current_inputs() == built_site.inputs:
        other, where = svgs(DOCS / "img" / "generated"), "docs/img/generated"
    else:
        if len(outs) == 1:  # the inputs changed during the render: a second one to compare with
            outs.append(tmp_path / "b")
            output, _ = _render_plots(outs[1]).communicate(timeout=600)
        other, where = svgs(outs[-1]), "a second render"
    assert sorted(first) == sorted(other), f"{where} has other plots"
    differ = [name for name in first if first[name] != other[name]]
    assert not differ, f"not byte-identical to {where}: {differ}"
    for name, svg in first.items():
        text = svg.decode("utf-8")
        assert "<dc:date>" not in text, f"{name} has a date in its metadata"
        assert not re.search(r"\b(19|20)\d\d-[01]\d-[0-3]\dT[0-2]\d:", text), f"{name} has a timestamp"


def test_second_build_renders_and_executes_nothing(built_site, build, tmp_path):
    """Nothing changed since the session's build: no plot is rendered, no notebook executed.

    If someone edited the package (or a notebook, or plots.py) since the previous build,
    regenerating is right: build again, up to three times, until the inputs hold still.
    """
    previous = built_site
    for attempt in range(3):
        again = build(tmp_path / f"site{attempt}")
        regenerated = [line for line in again.log.splitlines() if "rendered plots" in line or "executing" in line]
        if not regenerated or again.inputs == previous.inputs:
            break
        previous = again
    assert not regenerated, "a build with unchanged inputs regenerated:\n" + "\n".join(regenerated)


# --- the hooks refuse what they cannot do ------------------------------------------------------------

def _load(name: str) -> ModuleType:
    path = ROOT / "scripts" / "hooks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"handbook_hook_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def facts() -> ModuleType:
    return _load("facts")


def _page(src_uri: str, meta: dict[str, str], locale: str = "zh") -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, locale=locale), meta=meta)


SIGMOID = ("functions/sigmoid.md", {"function": "sigmoid"})


def test_facts_hook_fills_a_known_marker(facts):
    """The fake page below is good enough for the hook: a known marker becomes the spec's LaTeX."""
    out = facts.on_page_markdown("<!-- fact: formula -->", page=_page(*SIGMOID), config=None, files=None)
    assert activations.get("sigmoid").latex in out


@pytest.mark.parametrize(("markdown", "page", "match"), [
    pytest.param("<!-- fact: nonsense -->", _page(*SIGMOID), "nonsense", id="unknown-marker"),
    pytest.param("<!-- fact: kink -->", _page(*SIGMOID), "kink", id="kink-on-sigmoid"),
    pytest.param("<!-- fact: formula -->", _page("functions/sigmoid.md", {}), "function",
                 id="no-function-front-matter"),
    pytest.param("text\n<!-- fact formula -->\n", _page(*SIGMOID), "functions/sigmoid.md", id="malformed-marker"),
    pytest.param("<!-- fact: formula -->", _page("functions/sigmoid.md", {"function": "nonsense"}), "nonsense",
                 id="unknown-function"),
    pytest.param("<!-- fact: formula -->", _page("index.md", {}), "formula", id="function-fact-off-a-function-page"),
])
def test_facts_hook_fails_the_build(facts, markdown, page, match):
    with pytest.raises(PluginError, match=match):
        facts.on_page_markdown(markdown, page=page, config=None, files=None)


def test_katex_hook_fails_on_a_broken_formula():
    katex = _load("katex")
    try:
        assert "katex" in katex.render(r"\frac{1}{2}", True)
        with pytest.raises(ValueError):
            katex.render(r"\frac{1}{", True)
    finally:  # stop its Node process without writing the build's formula cache
        node = katex._node
        if node is not None:
            node.stdin.close()
            node.wait(timeout=10)
            node.stdout.close()
