"""The site around the prose: interface text in the page's language, CJK fonts, stable heading ids, Chinese typography.

The static tests read every HTML file that ``mkdocs build --strict`` wrote (the ``built_site``
fixture of ``conftest.py``), 404.html included; the browser tests read the live page in headless
Chromium (the helpers of ``test_browser.py``), where Material's JavaScript has added its own
controls (copy buttons, tooltips, search).

The rules, each checked on every page of its language:

- a Chinese page's interface (every ``title``/``aria-label``/``placeholder``/``alt`` value, its
  ``<title>`` and description, every text outside the article, and the notebook's Jupyter controls)
  has no English word but the names in ``ZH_NAMES``; an English page's has no Chinese character but
  the language selector's "简体中文";
- Chinese pages draw text in a CJK font first, English pages in a Latin one;
- every heading has an id of its own (not empty, not Python-Markdown's "_1", "_2" for a Chinese
  heading), the TOC links to those ids, and each page has the same ids in both languages;
- Chinese text (outside code, ``pre``, KaTeX, scripts and styles) has no space between a Chinese
  character or full-width punctuation mark and a following Chinese character (a line break in the
  Markdown source renders as one), and no ASCII , : ; ! ? ( next to a Chinese character.
"""

from __future__ import annotations

import concurrent.futures
import importlib.util
import queue
import re
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Doctype, ProcessingInstruction
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

import activations
from activations._spec import FRAMEWORKS

pytestmark = pytest.mark.site

LANGS = {"zh": "", "en": "en/"}

#: Chinese characters (CJK Unified Ideographs, extension A, compatibility ideographs).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Full-width punctuation as Chinese text uses it (CJK symbols, full-width forms, curly quotes, ellipsis, dash).
FULL_PUNCT = "\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019\u2026\u2014\u00b7"
CJK = re.compile(f"[{HAN}{FULL_PUNCT}]")

#: Names that stay as they are on a Chinese page: the functions' titles (the registry's), the frameworks',
#: the tools' a reader meets in the text (NumPy, Jupyter, KaTeX), "ipynb" (the download's file type),
#: "ulp" (the unit of the accuracy tables), "Material for MkDocs" (the footer's credit to the theme) and
#: "English", the language selector's name of the English pages (each language is named in itself).
ZH_NAMES = sorted({*(s.title["zh"] for s in activations.specs()), *FRAMEWORKS, "NumPy", "Jupyter", "KaTeX",
                   "ipynb", "ulp", "Material for MkDocs", "English"}, key=len, reverse=True)
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
NAMES = re.compile("|".join(rf"(?<![A-Za-z]){re.escape(n)}(?![A-Za-z])" for n in ZH_NAMES))

#: The attributes a reader meets as text: tooltips, screen readers' labels, placeholders, image descriptions.
UI_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
#: Jupyter's controls inside a notebook page's article (prompts, copy buttons).
NOTEBOOK_CONTROLS = ".jp-InputPrompt, .jp-OutputPrompt, clipboard-copy"
#: Where the text is not prose: code, math, scripts, styles, drawings.
NOT_PROSE = {"code", "pre", "kbd", "samp", "script", "style", "svg", "math", "template", "noscript"}
#: Elements whose text flows with their neighbours' (the others break a run of text).
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "del", "dfn", "em", "i", "ins", "mark", "q", "s", "small",
          "span", "strong", "sub", "sup", "time", "u", "var", "wbr"}


# --- reading the built site ---------------------------------------------------------------------------

def _pages(site: Path) -> list[tuple[str, Path]]:
    """Every HTML page of the site, as (language, path); the language is the page's <html lang>."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        if "assets" in path.relative_to(site).parts:
            continue
        m = re.search(r'<html lang="([^"]+)"', path.read_text(encoding="utf-8")[:2000])
        pages.append((m[1] if m else "", path))
    return pages


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def _is_text(node: object) -> bool:
    return isinstance(node, NavigableString) and not isinstance(node, (Comment, Doctype, ProcessingInstruction))


def _not_prose(el: Tag) -> bool:
    return el.name in NOT_PROSE or "katex" in (el.get("class") or []) or el.has_attr("hidden")


def interface(soup: BeautifulSoup) -> Iterator[tuple[str, str]]:
    """The page's interface text, as (where, text): UI attributes anywhere, <title> and description,
    every text outside the article, and the notebook's Jupyter controls."""
    if soup.title and soup.title.string:
        yield "<title>", soup.title.string
    for meta in soup.select('meta[name="description"]'):
        yield "meta description", meta.get("content", "")
    for el in soup.find_all(True):
        for name in UI_ATTRIBUTES:
            if el.get(name):
                yield f"<{el.name} {name}>", el[name]
    content = soup.select("article.md-content__inner, .md-search-result__article")  # the page's, the results'
    inside = {id(n) for article in content for n in article.descendants}
    controls = {id(n) for c in soup.select(NOTEBOOK_CONTROLS) for n in c.descendants}
    for node in soup.body.descendants if soup.body else ():
        if not _is_text(node) or not node.strip() or node.parent.name in ("script", "style"):
            continue
        if id(node) in inside and id(node) not in controls:
            continue
        yield f"text in <{node.parent.name} class={' '.join(node.parent.get('class') or [])!r}>", node.strip()


def runs(el: Tag) -> Iterator[str]:
    """The runs of prose text in ``el``: the text that flows together, across inline elements, each
    code span, formula or other non-prose element standing in as one "\\0"."""
    current: list[str] = []
    for child in el.children:
        if _is_text(child):
            current.append(str(child))
        elif isinstance(child, Tag):
            if _not_prose(child):
                current.append("\0")
            elif child.name in INLINE:
                inner = list(runs(child))
                if len(inner) == 1:
                    current.append(inner[0])
                else:  # an inline element holding a block (rare): its runs stand on their own
                    yield from inner
            else:
                if current:
                    yield "".join(current)
                    current = []
                yield from runs(child)
    yield "".join(current)


def prose(soup: BeautifulSoup) -> Iterator[str]:
    """Every run of prose text of the page's body, whitespace kept (it is what is checked)."""
    for run in runs(soup.body):
        if run.strip("\0 \n\t"):
            yield run


def _context(text: str, start: int, end: int) -> str:
    return " ".join(text[max(0, start - 12):end + 12].replace("\0", "⟨code⟩").split()) or text


@pytest.fixture(scope="module")
def pages(built_site) -> list[tuple[str, str, BeautifulSoup]]:
    """Every built page, as (language, path relative to the site, parsed HTML)."""
    return [(lang, path.relative_to(built_site.site).as_posix(), _soup(path.read_text(encoding="utf-8")))
            for lang, path in _pages(built_site.site)]


# --- interface text in the page's language ----------------------------------------------------------

def english_in_zh_ui(soup: BeautifulSoup) -> list[str]:
    found = []
    for where, text in interface(soup):
        words = ENGLISH_WORD.findall(NAMES.sub(" ", text))
        if words:
            found.append(f"{where}: {text!r} ({', '.join(words)})")
    return found


def chinese_in_en_ui(soup: BeautifulSoup) -> list[str]:
    for select in soup.select(".md-select"):  # the language selector names each language in itself
        for a in select.select('a[hreflang="zh"]'):
            if a.get_text(strip=True) == "简体中文":
                a.decompose()
    return [f"{where}: {text!r}" for where, text in interface(soup) if CJK.search(text)]


def test_pages_of_both_languages_are_checked(pages):
    langs = [lang for lang, _, _ in pages]
    assert langs.count("zh") >= 10 and langs.count("en") >= 10, f"languages of the built pages: {langs}"
    assert {lang for lang in langs} == set(LANGS), f"pages in an unknown language: {set(langs) - set(LANGS)}"


def test_chinese_pages_have_no_english_interface(pages):
    problems = {path: english_in_zh_ui(soup) for lang, path, soup in pages if lang == "zh"}
    problems = {path: found for path, found in problems.items() if found}
    assert not problems, "English interface text on Chinese pages:\n" + _report(problems)


def test_english_pages_have_no_chinese_interface(pages):
    problems = {path: chinese_in_en_ui(soup) for lang, path, soup in pages if lang == "en"}
    problems = {path: found for path, found in problems.items() if found}
    assert not problems, "Chinese interface text on English pages:\n" + _report(problems)


def test_the_interface_checks_see_what_they_check():
    """The checks find the kinds of text they are for (a check that finds nothing proves nothing)."""
    zh = _soup("""<html lang="zh"><head><title>ReLU - 激活函数手册</title></head><body>
      <header><label title="Dark mode"></label><input placeholder="搜索"></header>
      <article class="md-content__inner md-typeset">
        <h2 id="formula">公式<a class="headerlink" href="#formula" title="Permanent link">¶</a></h2>
        <p>English prose inside the article is the article's business.</p>
        <div class="jp-InputPrompt">In [1]:</div><img alt="ReLU 的图像"></article>
      <footer><span>Made with <a>Material for MkDocs</a></span><span>Back to top</span></footer></body></html>""")
    found = "\n".join(english_in_zh_ui(zh))
    for expected in ("Dark mode", "Permanent link", "In [1]", "Made with", "Back to top"):
        assert expected in found, f"{expected!r} not reported: {found}"
    for allowed in ("ReLU 的图像", "English prose", "搜索"):
        assert allowed not in found, f"{allowed!r} reported: {found}"
    en = _soup("""<html lang="en"><body><div class="md-select"><a hreflang="zh">简体中文</a></div>
      <label title="切换到深色模式"></label><article class="md-content__inner"><p>中文</p></article>
      <nav>上一页</nav></body></html>""")
    found = "\n".join(chinese_in_en_ui(en))
    assert "切换到深色模式" in found and "上一页" in found and "简体中文" not in found and "中文'" not in found, found


@pytest.mark.parametrize("lang", LANGS)
def test_permalinks_have_the_page_language_title(pages, lang):
    """Every heading's "¶" link has a title, one per language, and the two languages' differ."""
    titles = {each: {a.get("title") for page_lang, _, soup in pages if page_lang == each
                     for a in soup.select("a.headerlink")} for each in LANGS}
    assert len(titles[lang]) == 1 and None not in titles[lang], f"{lang}: permalink titles {titles[lang]}"
    assert titles["zh"] != titles["en"], f"one permalink title for both languages: {titles}"


def test_one_404_page_in_the_default_language(built_site):
    """Every language's build renders 404.html to the site's root: the default language's must be the one left."""
    pages_404 = [p.relative_to(built_site.site).as_posix() for p in built_site.site.rglob("404.html")]
    assert pages_404 == ["404.html"], pages_404
    lang = dict((p.name, lg) for lg, p in _pages(built_site.site) if p.name == "404.html")["404.html"]
    assert lang == "zh", f"404.html is in {lang!r}"


# --- headings ----------------------------------------------------------------------------------------

GENERATED_ID = re.compile(r"_\d+")


def heading_ids(soup: BeautifulSoup) -> list[tuple[str, str | None, str]]:
    """(tag, id, text) of every h1–h6 of the page."""
    out = []
    for h in soup.find_all(re.compile(r"^h[1-6]$")):
        text = " ".join(t for t in h.find_all(string=True) if t.strip() not in ("¶", ""))
        out.append((h.name, h.get("id"), " ".join(text.split())))
    return out


def test_every_heading_has_its_own_id(pages):
    problems = {}
    for _, path, soup in pages:
        bad = [f"<{tag} id={hid!r}> {text}" for tag, hid, text in heading_ids(soup)
               if not hid or not hid.strip() or GENERATED_ID.fullmatch(hid)]
        if bad:
            problems[path] = bad
    assert not problems, "headings without an id of their own (write `## Title {#id}`):\n" + _report(problems)


def test_table_of_contents_links_the_headings(pages):
    problems = {}
    for _, path, soup in pages:
        ids = {hid for _, hid, _ in heading_ids(soup)}
        links = [a["href"][1:] for a in soup.select(".md-nav--secondary a.md-nav__link[href^='#']")]
        bad = [f"#{link}" for link in links if link not in ids]
        if bad:
            problems[path] = bad
    assert not problems, "table-of-contents links to no heading:\n" + _report(problems)


def test_headings_have_the_same_ids_in_both_languages(pages):
    """A link to a section works in either language (course slides link one, readers switch language)."""
    by_page = {(lang, path.removeprefix(LANGS[lang])): soup for lang, path, soup in pages}
    problems = {}
    for (lang, rel), soup in by_page.items():
        if lang != "zh" or rel == "404.html":
            continue
        other = by_page.get(("en", rel))
        assert other is not None, f"{rel}: no English page"
        zh_ids = [hid for _, hid, _ in heading_ids(soup)]
        en_ids = [hid for _, hid, _ in heading_ids(other)]
        if sorted(zh_ids) != sorted(en_ids):
            only_zh, only_en = sorted(set(zh_ids) - set(en_ids)), sorted(set(en_ids) - set(zh_ids))
            problems[rel] = [f"only zh: {only_zh}, only en: {only_en}"]
    assert not problems, "heading ids that differ between the languages:\n" + _report(problems)


# --- Chinese typography --------------------------------------------------------------------------------

#: A space between Chinese text and a following Chinese character or full-width mark: a line break in the
#: Markdown source, a space after a bold lead-in sentence ("**稀疏激活。** 预激活值"), before a comma.
SPACE_IN_CHINESE = re.compile(f"[{HAN}{FULL_PUNCT}]([ \t\n\r\u00a0]+)[{HAN}{FULL_PUNCT}]")
#: ASCII punctuation right after a Chinese character ("教科书公式: f(x)"), before one ("Sigmoid: 把实数…"),
#: or ASCII parentheses around Chinese ("函数 (见下)"); not "按 (1 − σ)·σ", where they group a formula.
ASCII_PUNCT = re.compile(f"[{HAN}][,:;!?(]|[,:;!?]\\s*[{HAN}]|[{HAN}]\\s*\\([{HAN}]")


def finds(pattern: re.Pattern[str], soup: BeautifulSoup) -> list[tuple[str, str]]:
    """(match, context) of each match of ``pattern`` in the page's prose."""
    return [(m[0].replace("\0", "⟨code⟩"), _context(run, m.start(), m.end()))
            for run in prose(soup) for m in pattern.finditer(run)]


def spaces_in_chinese(soup: BeautifulSoup) -> list[str]:
    return [context for _, context in finds(SPACE_IN_CHINESE, soup)]


def ascii_punctuation_in_chinese(soup: BeautifulSoup) -> list[str]:
    return [context for _, context in finds(ASCII_PUNCT, soup)]


def test_the_typography_checks_see_what_they_check():
    soup = _soup("""<html lang="zh"><body><p>第一句。
      第二句；<code>x = 1;  y</code> 第三句</p><p>公式 <span class="katex">f(x): x</span> 见下</p>
      <p>教科书公式: f(x)</p><p>Sigmoid: 把实数压缩</p>
      <p>导数（见下）、<em>强调</em> 也可以 (见下)，按 (1 − σ)·σ 计算</p>
      <pre>代码 注释: 1</pre><p>ReLU 的导数 <code>f'(x)</code> 在 0 处</p><p>取自<a>文档</a> ，数值</p>
      </body></html>""")
    spaces = [m for m, _ in finds(SPACE_IN_CHINESE, soup)]
    assert [" ".join(m.split()) for m in spaces] == ["。 第", "调 也", "档 ，"], spaces
    punct = [m for m, _ in finds(ASCII_PUNCT, soup)]
    assert punct == ["式:", ": 把", "以 (见"], punct


def test_no_space_inside_chinese_text(pages):
    problems = {path: spaces_in_chinese(soup) for lang, path, soup in pages if lang == "zh"}
    problems = {path: found for path, found in problems.items() if found}
    assert not problems, ("spaces inside Chinese text (a line break in a Chinese sentence renders as a space):\n"
                          + _report(problems))


def test_full_width_punctuation_in_chinese_text(pages):
    problems = {path: ascii_punctuation_in_chinese(soup) for lang, path, soup in pages if lang == "zh"}
    problems = {path: found for path, found in problems.items() if found}
    assert not problems, "ASCII punctuation next to Chinese text (use ，：；！？（）):\n" + _report(problems)


def _report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"  {path}:\n" + "\n".join(f"    {p}" for p in found) for path, found in sorted(problems.items()))


# --- in the browser -----------------------------------------------------------------------------------

def _test_browser() -> ModuleType:
    """test_browser.py's helpers (the tests are not a package: find the module, or load the file)."""
    path = Path(__file__).with_name("test_browser.py")
    for module in list(sys.modules.values()):  # already imported by pytest (its name depends on the import mode)
        if getattr(module, "__file__", None) and Path(module.__file__) == path:
            return module
    spec = importlib.util.spec_from_file_location("site_test_browser", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


_tb = _test_browser()


class Chromium:
    """One headless Chromium (launched as test_browser.py launches it), driven from a thread of its own.

    test_browser.py's session-wide browser runs Playwright's synchronous API on the main thread, and a
    second one cannot start there while the first lives; this one runs each call in its own thread.
    """

    def __init__(self, base: str) -> None:
        self.base = base
        self.calls: queue.Queue[tuple[Callable | None, concurrent.futures.Future, bool]] = queue.Queue()
        self.thread = threading.Thread(target=self._serve, name="chrome-chromium", daemon=True)
        started: concurrent.futures.Future = concurrent.futures.Future()
        self.calls.put((None, started, False))
        self.thread.start()
        started.result(timeout=120)

    def _serve(self) -> None:
        _, started, _ = self.calls.get()
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=_tb.CHROMIUM, args=_tb.CHROMIUM_ARGS)

                def open_page():
                    context = browser.new_context(viewport={"width": 1280, "height": 800},
                                                  service_workers="block")
                    traffic = _tb.Traffic(self.base)
                    context.on("request", traffic.on_request)
                    context.on("response", traffic.on_response)
                    page = context.new_page()
                    page.set_default_timeout(15_000)
                    page.on("pageerror", lambda err: traffic.errors.append(str(err)))
                    return context, page, traffic

                _, page, traffic = open_page()
                started.set_result(None)
                while True:
                    fn, result, fresh = self.calls.get()
                    if fn is None:
                        break
                    own = open_page() if fresh else None  # a context of its own: nothing carried over
                    try:
                        result.set_result(fn(*own[1:]) if own else fn(page, traffic))
                    except BaseException as err:  # the test's assertion, raised again in the test's thread
                        result.set_exception(err)
                    finally:
                        if own:
                            own[0].close()
                browser.close()
        except BaseException as err:
            if not started.done():
                started.set_exception(err)
            raise

    def __call__(self, fn: Callable, *, fresh: bool = False) -> object:
        """``fn(page, traffic)`` in the browser's thread; its result, or its exception. With
        ``fresh``, on a page of a new browser context (its own connections and cache), closed after."""
        result: concurrent.futures.Future = concurrent.futures.Future()
        self.calls.put((fn, result, fresh))
        return result.result(timeout=300)

    def close(self) -> None:
        self.calls.put((None, concurrent.futures.Future(), False))
        self.thread.join(timeout=60)


@pytest.fixture(scope="module")
def chromium(site_url: str) -> Iterator[Chromium]:
    if not Path(_tb.CHROMIUM).is_file():
        pytest.fail(f"no Chromium at {_tb.CHROMIUM} (apt-get install chromium, or set $CHROMIUM)", pytrace=False)
    browser = Chromium(site_url)
    yield browser
    browser.close()


CJK_FONTS = ("PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
             "WenQuanYi Micro Hei")
#: The pages that are not a function's (those: test_function_page_in_the_browser, one visit per width).
OTHER_PAGES = [pytest.param(f"{prefix}{url}", id=f"{lang}-{name}") for lang, prefix in LANGS.items()
               for name, url in (("home", ""), ("overview", "overview/"), ("notebook", "notebooks/explore/"),
                                 ("404", "404.html")) if not (lang == "en" and name == "404")]
FUNCTION_PAGES = [pytest.param(lang, spec, id=f"{lang}-{spec.slug}") for spec in activations.specs()
                  for lang in LANGS]

FONT_FAMILIES = """selectors => selectors.map(sel => {
  const el = document.querySelector(sel);
  return [sel, el ? getComputedStyle(el).fontFamily : null];
})"""
#: Prose of each kind of page: Material's typeset article, the notebook's Markdown cells, the header, the nav.
FONT_SELECTORS = ["article.md-typeset > p", ".jp-RenderedMarkdown p", ".md-header__topic", ".md-nav__link"]


def _first_family(stack: str) -> str:
    return stack.split(",")[0].strip().strip("\"'")


@pytest.mark.browser
@pytest.mark.parametrize("url", OTHER_PAGES)
def test_font_stack_follows_the_language(chromium, url):
    def fonts(page, traffic):
        _tb.visit(page, traffic, url)
        found = [(sel, stack) for sel, stack in page.evaluate(FONT_FAMILIES, FONT_SELECTORS) if stack]
        _tb.assert_offline(traffic, url)
        return page.evaluate("document.documentElement.lang"), found

    lang, found = chromium(fonts)
    problems = font_problems(url, lang, found)
    assert not problems, "\n".join(problems)


def font_problems(url: str, lang: str, found: list[tuple[str, str]]) -> list[str]:
    """What is wrong with the font stacks ``found`` ((selector, computed font-family)) on a page of ``lang``."""
    if not found:
        return [f"{url}: none of {FONT_SELECTORS}"]
    problems = []
    for sel, stack in found:
        first = _first_family(stack)
        if lang == "zh" and first not in CJK_FONTS:
            problems.append(f"{url}: {sel} starts with {first!r}, not a CJK font: {stack}")
        if lang != "zh" and any(f in stack for f in CJK_FONTS):
            problems.append(f"{url}: {sel} has CJK fonts: {stack}")
    return problems


def _installed_cjk_fonts() -> set[str]:
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    return {family.strip() for line in out.splitlines() for family in line.split(",")}


PROBE = """() => {
  const probe = document.createElement("span");
  probe.id = "cjk-probe";
  probe.textContent = "“深度”";
  document.querySelector("article.md-typeset > p, .jp-RenderedMarkdown p").appendChild(probe);
}"""


@pytest.mark.browser
@pytest.mark.parametrize("url", ["", "overview/", "notebooks/explore/"])
def test_chinese_quotes_are_drawn_from_a_cjk_font(chromium, url):
    """The font Chromium actually draws “深度” with in a paragraph of a Chinese page: a CJK font, quotes included."""
    installed = _installed_cjk_fonts() & set(CJK_FONTS)
    if not installed:
        pytest.skip(f"none of {CJK_FONTS} is installed (e.g. apt-get install fonts-noto-cjk)")

    def rendered(page, traffic):
        _tb.visit(page, traffic, url)
        page.evaluate(PROBE)
        cdp = page.context.new_cdp_session(page)
        try:
            cdp.send("DOM.enable")
            cdp.send("CSS.enable")
            root = cdp.send("DOM.getDocument")["root"]["nodeId"]
            node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "#cjk-probe"})["nodeId"]
            return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        finally:
            cdp.detach()

    fonts = chromium(rendered)
    names = [f["familyName"] for f in fonts]
    assert names and all(n in CJK_FONTS or "CJK" in n for n in names), \
        f"{url}: “深度” drawn with {fonts} (installed CJK fonts: {installed})"


@pytest.mark.browser
@pytest.mark.parametrize("url", OTHER_PAGES)
def test_live_interface_is_in_the_page_language(chromium, url):
    """The interface rules on the page as the reader has it, with the controls Material's JavaScript adds
    (copy buttons, search results): the search box is opened and a query typed."""
    def live(page, traffic):
        _tb.visit(page, traffic, url, idle=True)
        box = page.locator(".md-search__input")
        box.click()
        box.fill("relu")
        page.keyboard.press("End")
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
        _tb.assert_offline(traffic, url)
        return page.evaluate("() => document.documentElement.outerHTML")

    problem = interface_problem(url, _soup(chromium(live)))
    assert not problem, problem


def interface_problem(url: str, soup: BeautifulSoup) -> str | None:
    """The live page's interface text in the other language, if any (None when there is none)."""
    lang = soup.html.get("lang")
    found = english_in_zh_ui(soup) if lang == "zh" else chinese_in_en_ui(soup)
    return f"{url} ({lang}): interface text in the other language:\n  " + "\n  ".join(found) if found else None


# --- a function page in the browser: everything in one visit per width ---------------------------------

SCROLLED_TO_SECTION = """id => {
  const r = document.getElementById(id).getBoundingClientRect();
  return window.scrollY > 0 && r.top >= 0 && r.top < window.innerHeight;
}"""


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "spec"), FUNCTION_PAGES)
def test_function_page_in_the_browser(chromium, lang, spec):
    """Everything the browser checks on a function page, in one visit per width (there are a hundred
    such pages, and the visits were most of the site tests' time). At 1280 px: a link to #derivative
    lands on it; every section id is there once; #formula and #derivative have typeset formulas,
    KaTeX's fonts load, every image loads and each palette shows its own plots; nothing is requested
    from another host; the kernels and framework calls need no sideways scrolling; the prose is
    drawn in the language's fonts; the search finds the page by its title and by its full name; the
    live interface (search results open) is in the page's language. At 390 px: code wraps, the page
    does not scroll sideways. On a Chinese page, at both widths, no line begins with "，" "。" and
    their kind. Every problem found is reported, not only the first."""
    url = f"{LANGS[lang]}functions/{spec.slug}/"
    expected = f"/{url}"

    def check(page, traffic):
        problems: list[str] = []

        def code_and_lines(width: int) -> None:
            got = page.evaluate(_tb.CODE_WIDTHS)
            if not got["blocks"]:
                problems.append(f"{url}: no code in #code")
            wide = [b for b in got["blocks"] if b["scroll"] > b["client"] + 1]
            if wide:
                problems.append(f"{url} at {width} px: code scrolls sideways, e.g. {wide[0]['line']!r}")
            if width == 390 and got["page"] > got["viewport"]:
                problems.append(f"{url} at 390 px: the page is {got['page']} px wide")
            if lang == "zh" and (found := page.evaluate(_tb.LINE_STARTS)):
                problems.append(f"{url} at {width} px: lines begin with punctuation: {found[:5]}")

        _tb.visit(page, traffic, url + "#derivative", idle=True)  # a fresh context: 1280 px wide
        try:
            page.wait_for_function(SCROLLED_TO_SECTION, arg="derivative", timeout=5_000, polling=100)
        except PlaywrightError:
            problems.append(f"{url}#derivative: the page is not scrolled to #derivative")
        missing = [s for s in _tb.SECTIONS if page.locator(f"[id='{s}']").count() != 1]
        if missing:
            problems.append(f"{url}: missing section ids {missing}")
        problems += [f"{url}: no typeset formula in #{s}" for s in ("formula", "derivative")
                     if not page.evaluate(_tb.SECTION_KATEX, s)]
        try:
            _tb._renders_offline(page, traffic, url)
        except AssertionError as err:
            problems.append(str(err))
        code_and_lines(1280)
        fonts = [(sel, stack) for sel, stack in page.evaluate(FONT_FAMILIES, FONT_SELECTORS) if stack]
        problems += font_problems(url, lang, fonts)
        for query in (spec.title[lang], _tb.as_lunr_matches(spec.full_name[lang])):
            found = _tb.search(page, traffic, lang, query, here=True)
            if expected not in found:
                problems.append(f"{lang}: search {query!r} does not find {expected}: {found}")
        html = page.evaluate("() => document.documentElement.outerHTML")  # results open
        page.set_viewport_size({"width": 390, "height": 800})
        _tb.visit(page, traffic, url)
        code_and_lines(390)
        _tb.assert_offline(traffic, url)
        return problems, html

    problems, html = chromium(check, fresh=True)  # one page's state never reaches the next
    if problem := interface_problem(url, _soup(html)):
        problems.append(problem)
    assert not problems, "\n".join(problems)
