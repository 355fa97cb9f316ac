"""The built site in headless Chromium: what a reader sees, offline, in both languages.

One browser for the session (Debian's ``/usr/bin/chromium``, or ``$CHROMIUM``; Playwright
never downloads one), one page reused by the tests, the site served on 127.0.0.1 by the
``site_url`` fixture of ``conftest.py``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

import activations

pytestmark = [pytest.mark.site, pytest.mark.browser]

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
LANGS = {"zh": "", "en": "en/"}
SECTIONS = ("formula", "derivative", "plots", "properties", "numerics", "code", "frameworks", "usage",
            "exercises", "references")
SPECS = activations.specs()
OTHER_PAGES = [pytest.param(f"{LANGS[lang]}{url}", id=f"{lang}-{name}") for lang in LANGS
               for name, url in (("home", ""), ("overview", "overview/"), ("notebook", "notebooks/explore/"))]
NOTEBOOK_PAGES = [pytest.param(f"{LANGS[lang]}notebooks/explore/", id=lang) for lang in LANGS]


@dataclass
class Traffic:
    """What the browser asked for since the last ``visit``."""

    base: str
    offsite: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def clear(self) -> None:
        for seen in (self.offsite, self.failed, self.errors):
            seen.clear()

    def on_request(self, request) -> None:
        url = request.url
        if not url.startswith((self.base, "data:", "blob:")):
            self.offsite.append(url)

    def on_response(self, response) -> None:
        if response.status >= 400:  # e.g. Material probing sitemap.xml next to a per-page hreflang link
            self.failed.append(f"{response.status} {response.url}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set $CHROMIUM)", pytrace=False)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def traffic(site_url: str) -> Traffic:
    return Traffic(site_url)


@pytest.fixture(scope="session")
def page(browser: Browser, site_url: str, traffic: Traffic) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
    context.on("request", traffic.on_request)
    context.on("response", traffic.on_response)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("pageerror", lambda err: traffic.errors.append(str(err)))
    yield page
    context.close()


def visit(page: Page, traffic: Traffic, url: str, *, idle: bool = False) -> None:
    """Load a page of the site; with ``idle``, also wait until the network is quiet."""
    traffic.clear()
    page.goto(traffic.base + url, wait_until="load")
    if idle:
        page.wait_for_load_state("networkidle")


def assert_offline(traffic: Traffic, url: str) -> None:
    assert not traffic.offsite, f"{url}: requests leaving 127.0.0.1: {traffic.offsite}"
    assert not traffic.failed, f"{url}: failed requests: {traffic.failed}"
    assert not traffic.errors, f"{url}: JavaScript errors: {traffic.errors}"


# --- every page ------------------------------------------------------------------------------------

IMAGES = """scheme => {
  document.body.setAttribute("data-md-color-scheme", scheme);
  return Array.from(document.images).map(img => ({
    src: img.getAttribute("src"), complete: img.complete, width: img.naturalWidth,
    visible: img.getClientRects().length > 0 && getComputedStyle(img).visibility !== "hidden",
  }));
}"""

KATEX_FONTS = """async () => {
  await document.fonts.ready;
  return Array.from(document.fonts).filter(f => f.family.replace(/"/g, "").startsWith("KaTeX_"))
    .map(f => f.family.replace(/"/g, "") + ":" + f.status);
}"""


def check_images(page: Page, url: str, plots: bool) -> None:
    """Every image loaded; each palette shows its own variant of the plots, and only that one."""
    original = page.evaluate('document.body.getAttribute("data-md-color-scheme")')
    try:
        for scheme, shown, hidden in (("default", "#only-light", "#only-dark"), ("slate", "#only-dark", "#only-light")):
            images = page.evaluate(IMAGES, scheme)
            broken = [i["src"] for i in images if not (i["complete"] and i["width"] > 0)]
            assert not broken, f"{url}: images not loaded: {broken}"
            visible = [i["src"] for i in images if i["visible"]]
            assert not [s for s in visible if s.endswith(hidden)], f"{url} ({scheme}): {hidden} images shown"
            if plots:
                assert [s for s in visible if s.endswith(shown)], f"{url} ({scheme}): no {shown} plot shown"
    finally:
        page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", original)


def _renders_offline(page: Page, traffic: Traffic, url: str) -> None:
    """What every page must show once loaded: typeset math with its fonts, every image, and
    nothing from another host."""
    assert page.locator(".katex-error").count() == 0, f"{url}: .katex-error"
    if page.locator(".katex").count():
        fonts = page.evaluate(KATEX_FONTS)
        assert any(f.endswith(":loaded") for f in fonts), f"{url}: no KaTeX font loaded: {fonts}"
        assert not [f for f in fonts if f.endswith(":error")], f"{url}: KaTeX fonts failed: {fonts}"
    check_images(page, url, plots="/functions/" in f"/{url}" or url.endswith("overview/"))
    assert_offline(traffic, url)


@pytest.mark.parametrize("url", OTHER_PAGES)
def test_page_renders_offline(page, traffic, url):
    visit(page, traffic, url, idle=True)
    _renders_offline(page, traffic, url)


SECTION_KATEX = """id => {
  let n = 0;
  for (let el = document.getElementById(id).nextElementSibling; el && el.tagName !== "H2"; el = el.nextElementSibling)
    n += el.querySelectorAll(".katex").length + (el.matches(".katex") ? 1 : 0);
  return n;
}"""


CODE_WIDTHS = """() => {
  const out = [];
  const next = el => el.nextElementSibling;
  for (let el = next(document.getElementById("code")); el && el.tagName !== "H2"; el = next(el))
    el.querySelectorAll("pre > code").forEach(c => {
      if (!c.closest("details")) out.push({scroll: c.scrollWidth, client: c.clientWidth,
                                          line: c.textContent.split("\\n").sort((a, b) => b.length - a.length)[0]});
    });
  return {blocks: out, page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth};
}"""




LINE_STARTS = """() => {
  const out = [], walker = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
  const rects = (node, i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
                               return r.getClientRects(); };
  for (let n; (n = walker.nextNode());) {
    if (n.parentElement.closest(".katex, pre, code")) continue;
    for (let i = 0; i < n.data.length; i++) {
      if (!"，。；：、！？）".includes(n.data[i]) || !rects(n, i).length) continue;
      const here = rects(n, i)[0];
      let before = null, j = i - 1;
      while (j >= 0 && n.data[j] === "\u2060") j--;  // a word joiner moves with the punctuation
      if (j >= 0) before = rects(n, j)[0];
      else if (n.previousSibling && n.previousSibling.getClientRects) {
        const all = n.previousSibling.getClientRects(); before = all[all.length - 1];
      }
      if (before && before.top < here.top - 4 && here.left < before.left)
        out.push(n.data.slice(Math.max(0, i - 8), i + 8));
    }
  }
  return out;
}"""
ZH_PAGES = [
    pytest.param(url, id=name)
    for name, url in (("home", ""), ("overview", "overview/"), ("notebook", "notebooks/explore/"))]


@pytest.mark.parametrize("url", ZH_PAGES)
def test_no_line_starts_with_closing_punctuation(page, traffic, url):
    """Chinese typography: "，" "。" and their kind never begin a line, also right after a formula
    (scripts/hooks/katex.py joins them to it), at phone and desktop widths. (Function pages:
    test_chrome.py's test_function_page_in_the_browser, in the same visit as their code.)"""
    try:
        for width in (390, 1280):
            page.set_viewport_size({"width": width, "height": 800})
            visit(page, traffic, url)
            found = page.evaluate(LINE_STARTS)
            assert not found, f"{url} at {width} px: lines begin with punctuation: {found[:5]}"
    finally:
        page.set_viewport_size({"width": 1280, "height": 800})


# --- language switcher ----------------------------------------------------------------------------

H1 = """() => { const h = document.querySelector("article h1").cloneNode(true);
  h.querySelectorAll(".headerlink").forEach(a => a.remove()); return h.textContent.trim(); }"""


def test_language_switcher_keeps_the_function(page, traffic):
    """Following the header's language link lands on the same function, both ways.

    (That every page's language links point at the same page: test_build.py.)
    """
    spec = activations.get("relu")
    for source, target in (("zh", "en"), ("en", "zh")):
        url = f"{LANGS[source]}functions/{spec.slug}/"
        visit(page, traffic, url)
        expected = f"{traffic.base}{LANGS[target]}functions/{spec.slug}/"
        link = page.locator(f'.md-header .md-select__link[hreflang="{target}"]')
        assert link.evaluate("a => a.href") == expected, f"{url}: switcher's {target} link"
        page.hover(".md-header .md-select")
        link.click()
        page.wait_for_url(expected)
        assert page.evaluate("document.documentElement.lang") == target
        assert page.evaluate(H1) == spec.title[target]
        assert_offline(traffic, url)


# --- search -------------------------------------------------------------------------------------------

META = ".md-search-result__meta"
PLACEHOLDER = """JSON.parse(document.getElementById("__config").textContent)
  .translations["search.result.placeholder"]"""
META_IS = "([text, same]) => (document.querySelector('.md-search-result__meta').textContent.trim() === text) === same"


def search(page: Page, traffic: Traffic, lang: str, query: str, *, here: bool = False) -> list[str]:
    """Search from the overview page of ``lang`` (with ``here``: from the page already loaded);
    return the result links as site paths.

    Material searches on keyup: the query is filled in at once and "End" sends the one keyup
    (typing would search every prefix, and typing CJK text sends no keyup at all).
    """
    overview = f"{traffic.base}{LANGS[lang]}overview/"
    if not here and page.url != overview:
        visit(page, traffic, f"{LANGS[lang]}overview/")
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")
    page.keyboard.press("End")
    placeholder = page.evaluate(PLACEHOLDER)
    page.wait_for_function(META_IS, arg=[placeholder, True], polling=100)
    box.fill(query)
    page.keyboard.press("End")
    page.wait_for_function(META_IS, arg=[placeholder, False], polling=100)
    assert box.input_value() == query
    hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    assert hrefs, f"{lang}: no result for {query!r} ({page.locator(META).inner_text()})"
    paths = []
    for href in hrefs:
        assert href.startswith(traffic.base), f"{lang}: {query!r} -> result off the site: {href}"
        path = "/" + urlsplit(href).path.removeprefix(urlsplit(traffic.base).path)
        if path not in paths:
            paths.append(path)
    wrong = [p for p in paths if p.startswith("/en/") != (lang == "en")]
    assert not wrong, f"{lang}: {query!r} finds pages of the other language: {wrong}"
    assert_offline(traffic, f"search {query!r}")
    return paths


@pytest.mark.parametrize(("lang", "query", "expected"), [
    ("zh", "梯度消失", ["/functions/sigmoid/", "/functions/tanh/"]),
    ("zh", "双曲正切", ["/functions/tanh/"]),
    ("en", "vanishing", ["/en/functions/sigmoid/", "/en/functions/tanh/"]),
    ("en", "hyperbolic tangent", ["/en/functions/tanh/"]),
])
def test_search_stays_in_its_language(page, traffic, lang, query, expected):
    found = search(page, traffic, lang, query)
    assert set(expected) <= set(found), f"{lang}: {query!r} found {found}"


def as_lunr_matches(name: str) -> str:
    """A name as Material's lunr index can match it (measured): a one-character ASCII token (the
    "6" of "capped at 6", the "1" of "Swish-1") matches nothing, which empties the whole result,
    and full-width parentheses do not separate words. Issue 10 replaces this search."""
    words = re.split(r"[\s\-（）()]+", name)
    return " ".join(w for w in words if w and (len(w) > 1 or not w.isascii()))


# --- notebooks --------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", NOTEBOOK_PAGES)
def test_notebook_download_link(page, traffic, url):
    visit(page, traffic, url)
    links = page.locator('a[download][href$=".ipynb"]')
    assert links.count() >= 1, f"{url}: no download link to an .ipynb"
    href = links.first.evaluate("a => a.href")
    response = page.request.get(href)
    assert response.status == 200, f"{url}: {href} -> {response.status}"
    notebook = json.loads(response.body())
    assert notebook["nbformat"] == 4 and notebook["cells"], f"{href} is not an executed notebook"
    assert any(c.get("outputs") for c in notebook["cells"] if c["cell_type"] == "code"), f"{href} has no outputs"
