"""MkDocs hook: typeset every formula with KaTeX at build time.

pymdownx.arithmatex (generic mode) leaves ``\\(...\\)`` and ``\\[...\\]`` in
``<span/div class="arithmatex">``; this hook sends each to one long-lived Node process
running ``scripts/katex_render.cjs`` (KaTeX from ``node_modules``, pinned in
``package-lock.json``) and puts the HTML in its place. The pages need no JavaScript for
math, and a LaTeX error fails the build with the page and the formula named. Rendered
formulas are cached in ``.cache/katex.json``, keyed by the KaTeX version.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parents[2]
RENDERER = ROOT / "scripts" / "katex_render.cjs"
KATEX_PACKAGE = ROOT / "node_modules" / "katex" / "package.json"
CACHE = ROOT / ".cache" / "katex.json"
NO_LINE_START = "[，。；：、！？）”’》」』]*"
MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*(?P<open>\\\(|\\\[)(?P<tex>.*?)(?:\\\)|\\\])\s*</(?P=tag)>'
    r"(?P<after>" + NO_LINE_START + ")",  # punctuation that must not start a line: joined to the formula
    re.DOTALL,
)

# Notebook pages: mkdocs-jupyter leaves $...$ in the Markdown cells for MathJax, which the site
# does not load (no CDN). Those cells hold no <div>, so the cell's first </div> closes it.
NOTEBOOK_MARKDOWN = re.compile(r'(<div class="[^"]*\bjp-RenderedMarkdown\b[^"]*"[^>]*>)(.*?)(</div>)', re.DOTALL)
TAG = re.compile(r"(<[^>]+>)")
DOLLARS = re.compile(r"(?:\$\$(?P<display>.+?)\$\$|\$(?P<inline>[^$\n]+?)\$)(?P<after>" + NO_LINE_START + ")",
                     re.DOTALL)

WORD_JOINER = "\u2060"
#: Inline formulas showing up to this many characters (~10 px each: 300 px, within a 390 px phone's
#: line) are kept on one line with the punctuation after them.
NOWRAP_LIMIT = 30

_node: subprocess.Popen[str] | None = None
_cache: dict[str, str] = {}
_version = ""


def _start() -> subprocess.Popen[str]:
    global _node, _cache, _version
    if _node is None or _node.poll() is not None:
        if not KATEX_PACKAGE.exists():
            raise PluginError("katex hook: node_modules/katex is missing; run `npm ci` (make setup does)")
        node = shutil.which("node")
        if node is None:
            raise PluginError("katex hook: Node.js is needed to typeset formulas")
        _version = json.loads(KATEX_PACKAGE.read_text())["version"]
        if CACHE.exists():
            stored = json.loads(CACHE.read_text())
            _cache = stored["formulas"] if stored.get("katex") == _version else {}
        _node = subprocess.Popen([node, str(RENDERER)], cwd=ROOT, stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, text=True, encoding="utf-8")
    return _node


def render(tex: str, display: bool) -> str:
    """KaTeX HTML for one formula; raises ValueError with KaTeX's message on an error."""
    key = ("D" if display else "I") + tex
    if key not in _cache:
        node = _start()
        assert node.stdin is not None and node.stdout is not None
        node.stdin.write(json.dumps({"tex": tex, "display": display}) + "\n")
        node.stdin.flush()
        answer = json.loads(node.stdout.readline())
        if "error" in answer:
            raise ValueError(answer["error"])
        _cache[key] = answer["html"]
    return _cache[key]


def _typeset(tex: str, display: bool, after: str, page: Page) -> str:
    """One formula as KaTeX HTML, followed by the punctuation ``after`` it; a LaTeX error fails the build.

    A browser breaks the line between a formula and the text after it when it likes (KaTeX's boxes
    are inline-blocks: Chromium ignores a word joiner there, measured), so that "，" or "。" would
    start a line: the formula and its punctuation go into one unbreakable span. A formula showing
    more than NOWRAP_LIMIT characters keeps its own break points (it may be wider than a phone's
    line): the punctuation goes into its last box, which KaTeX never breaks.
    """
    tex = html.unescape(tex).strip()
    try:
        typeset = render(tex, display=display)
    except ValueError as err:
        raise PluginError(f"{page.file.src_uri}: KaTeX cannot typeset ${tex}$: {err}") from None
    if not after:
        return typeset
    if _glyphs(typeset) <= NOWRAP_LIMIT:
        return f'<span class="nowrap">{typeset}{after}</span>'
    # a long formula keeps its own break points: the punctuation joins its last box instead
    closing = "</span></span></span>"  # the last .base, .katex-html, .katex
    if display or not typeset.endswith(closing):
        return typeset + WORD_JOINER + after
    return typeset[: -len(closing)] + f'<span class="katex-punct">{after}</span>' + closing


def _glyphs(typeset: str) -> int:
    """How many characters a typeset formula shows (its HTML part, tags and the MathML dropped)."""
    shown = typeset.split('<span class="katex-html"', 1)[-1]
    return len(re.sub(r"\s", "", html.unescape(re.sub(r"<[^>]+>", "", shown))))


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: object) -> str:
    _start()
    content = MATH.sub(lambda m: _typeset(m["tex"], m["open"] == "\\[", m["after"], page), content)
    if page.file.src_uri.endswith(".ipynb"):
        content = NOTEBOOK_MARKDOWN.sub(lambda m: m[1] + _typeset_dollars(m[2], page) + m[3], content)
    return content


def _typeset_dollars(cell_html: str, page: Page) -> str:
    """Typeset $...$ and $$...$$ in the text (not the tags) of a notebook's Markdown cell."""
    def replace(m: re.Match[str]) -> str:
        display = m["display"] is not None
        return _typeset(m["display"] if display else m["inline"], display, m["after"], page)

    parts = TAG.split(cell_html)
    return "".join(p if TAG.fullmatch(p) else DOLLARS.sub(replace, p) for p in parts)


def on_post_build(config: MkDocsConfig) -> None:
    global _node
    if _node is not None:
        CACHE.parent.mkdir(exist_ok=True)
        CACHE.write_text(json.dumps({"katex": _version, "formulas": _cache}, ensure_ascii=False))
        assert _node.stdin is not None
        _node.stdin.close()
        _node.wait(timeout=10)
        _node = None
