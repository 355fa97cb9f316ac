"""MkDocs hook: the build-time generation around the pages.

- before the build: render the plots (``scripts/plots.py``), copy KaTeX's stylesheet
  and fonts from ``node_modules`` into ``docs/assets/katex/``, and execute the notebooks
  from ``notebooks/*.py`` into ``docs/notebooks/``, one per language. Each step skips its work when its
  inputs did not change, so a second build with nothing changed renders and executes
  nothing. Generated files are ignored by git.
- on the files: keep the notebooks pages. mkdocs-static-i18n rebuilds every ``File``
  after mkdocs-jupyter wrapped the ``.ipynb`` ones, which turns the notebooks back into
  raw files; this hook wraps them again, at the URL of their language.
- on each page: the interface text in the page's language (``UI``: the headings' permalink title,
  the templates' text in overrides/, the notebook pages' Jupyter controls), and the notebook
  headings' own ids; 404.html is written by the default language's build only.
- after the build: split the one search index that mkdocs-static-i18n writes into one
  index per language (``search/`` and ``en/search/``), so that a search on a Chinese page
  finds Chinese pages and a search on an English page finds English pages.
"""

from __future__ import annotations

import filecmp
import hashlib
import importlib
import importlib.util
import json
import logging
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import jupytext
import nbformat
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs_jupyter.plugin import NotebookFile
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parents[2]

log = logging.getLogger("mkdocs.hooks.site")
DOCS = ROOT / "docs"
KATEX_DIST = ROOT / "node_modules" / "katex" / "dist"
NOTEBOOK_SOURCES = ROOT / "notebooks"
NOTEBOOK_OUT = DOCS / "notebooks"

#: The site's own interface text, per language, where Material has no translation of its own: the
#: headings' permalink title (replacing mkdocs.yml's toc.permalink_title, which both languages share),
#: the templates' text (overrides/, as ``ui``) and the notebook pages' Jupyter controls.
UI: dict[str, dict[str, str]] = {
    "zh": {
        "permalink": "本节链接",
        "download": "下载笔记本（.ipynb）",
        "copy": "复制代码",
        "copied": "已复制",
        "image_alt": "上方代码单元输出的图像",
        "made_with": "本站使用 {} 构建",
        "not_found": "404：页面不存在",
        "not_found_text": "没有找到这个页面。可以从{}重新开始，或者用上方的搜索框查找。",
        "home": "首页",
    },
    "en": {
        "permalink": "Permanent link",
        "download": "Download notebook (.ipynb)",
        "copy": "Copy to clipboard",
        "copied": "Copied!",
        "image_alt": "Image output by the code cell above",
        "made_with": "Made with {}",
        "not_found": "404: page not found",
        "not_found_text": "There is no page here. Start again from {}, or use the search box above.",
        "home": "the home page",
    },
}


def _copy_katex() -> None:
    """KaTeX's CSS and fonts into docs/assets/katex (only the files that differ)."""
    if not KATEX_DIST.is_dir():
        raise PluginError("site hook: node_modules/katex is missing; run `npm ci` (make setup does)")
    target = DOCS / "assets" / "katex"
    wanted = [Path("katex.min.css"), *(p.relative_to(KATEX_DIST) for p in (KATEX_DIST / "fonts").iterdir())]
    for rel in wanted:
        dst = target / rel
        if not dst.exists() or not filecmp.cmp(KATEX_DIST / rel, dst, shallow=False):
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(KATEX_DIST / rel, dst)


def _package_digest() -> str:
    h = hashlib.sha256()
    package = Path(importlib.import_module("activations").__file__).parent
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _execute_notebooks(prefixes: dict[str, str]) -> None:
    """notebooks/<name>.py (jupytext) -> docs/notebooks/<name>[.<lang>].ipynb, one per language, executed.

    A Markdown cell with ``lang="zh"`` (or ``"en"``) in its header belongs to that language's
    notebook only; the code cells are shared, so both notebooks always run the same code. Each
    heading names its id, the same in both languages: ``## <a id="values"></a>Values and derivatives``
    (see on_page_content). A line break in a Markdown cell renders as a space: in Chinese text, break
    a line only where a space belongs, next to a Latin word, code or math.
    """
    package = _package_digest()
    for source in sorted(NOTEBOOK_SOURCES.glob("*.py")):
        for lang, prefix in prefixes.items():
            name = f"{source.stem}.{lang}.ipynb" if prefix else f"{source.stem}.ipynb"  # i18n's suffix layout
            target = NOTEBOOK_OUT / name
            digest = hashlib.sha256(source.read_bytes() + lang.encode() + package.encode()).hexdigest()
            if target.exists() and nbformat.read(target, as_version=4).metadata.get("handbook", {}).get(
                    "inputs") == digest:
                continue
            log.info("executing %s (%s)", source.relative_to(ROOT), lang)
            nb = jupytext.read(source)
            nb.cells = [c for c in nb.cells if c.metadata.pop("lang", lang) == lang]
            nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
            client = NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}})
            try:
                client.execute()
            except CellExecutionError as err:
                raise PluginError(f"site hook: {source.relative_to(ROOT)} ({lang}) failed to execute:\n{err}") from None
            nb.metadata["handbook"] = {"inputs": digest, "source": source.relative_to(ROOT).as_posix()}
            NOTEBOOK_OUT.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, target)


def _load_plots() -> ModuleType:
    """scripts/plots.py, loaded anew: it imports the package that facts.py has just reloaded."""
    spec = importlib.util.spec_from_file_location("plots", ROOT / "scripts" / "plots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["plots"] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def on_pre_build(config: MkDocsConfig) -> None:
    rendered = _load_plots().render()
    if rendered:
        log.info("rendered plots: %s", ", ".join(rendered))
    _copy_katex()
    _execute_notebooks(_prefixes(config))


@event_priority(-110)  # after mkdocs-static-i18n (-100), which turned the notebooks into raw files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in [f for f in files if f.src_uri.endswith(".ipynb") and not f.is_documentation_page()]:
        page = NotebookFile(file, **config)
        # i18n chose the language's folder (e.g. en/notebooks/explore/): keep it, as a page
        base = file.dest_uri.removesuffix("/index.html").removesuffix(".ipynb")
        page.dest_uri = f"{base}/index.html"
        page.abs_dest_path = str(Path(config.site_dir) / page.dest_uri)
        page.url = f"{base}/"
        files.remove(file)  # in place: i18n's Files subclass resolves links per language
        files.append(page)
    return files


@event_priority(-100)  # after mkdocs-static-i18n (50) set this page's language links
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """The header's language links (and <link rel=alternate>): this page, in each language.

    mkdocs-static-i18n links the home pages absolutely (wrong below a sub-path, as on GitHub
    Pages) and a notebook page to the other language's home; every link here is relative.
    """
    alternates = getattr(config.extra, "alternate", None) or []  # i18n sets the attribute Jinja reads
    prefixes = _prefixes(config)
    lang = _language_of(page.url, prefixes)
    own = prefixes[lang]
    for alternate in alternates:
        if alternate.get("lang") in prefixes:
            alternate["link"] = prefixes[alternate["lang"]] + page.url[len(own):]
    context["ui"] = UI[lang]  # the templates' own text (overrides/)
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """404.html has no page: its language links go to each language's home (it is served at any depth)."""
    if template_name == "404.html":
        prefixes = _prefixes(config)
        for alternate in getattr(config.extra, "alternate", None) or []:
            if alternate.get("lang") in prefixes:
                alternate["link"] = "/" + prefixes[alternate["lang"]]
        context["ui"] = UI[config.theme["language"]]  # the language being built (i18n sets theme.language)
    return context


ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Without a site_url, drop the <link rel=alternate hreflang> tags from <head>.

    Material fetches sitemap.xml next to each of them to map pages between languages; with
    mkdocs-static-i18n's per-page links those are 404s on every page (mkdocs-material#6582),
    and a relative hreflang is ignored by search engines anyway. The header's language links,
    which readers click, are unaffected. With a site_url the tags stay, as Material intends.
    """
    if _language_of(page.url, _prefixes(config)) == "zh":
        # Material joins "上一页"/"下一页" and the title with an ASCII colon in the footer's aria-labels
        output = FOOTER_LABEL.sub("\\1：", output)
    return output if config.site_url else ALTERNATE_LINK.sub("", output)


FOOTER_LABEL = re.compile(r'(class="md-footer__link md-footer__link--(?:prev|next)" aria-label="[^":]*): ')


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """The same for 404.html, which is a template, not a page.

    Every language's build renders 404.html to the same file at the site's root, the last one
    winning; the site's default language keeps it (an empty output is not written).
    """
    if template_name == "404.html" and _prefixes(config).get(config.theme["language"]) != "":
        return ""
    return output if config.site_url else ALTERNATE_LINK.sub("", output)


NOTEBOOK_SCRIPTS = re.compile(
    r'<script src="">\s*</script>'  # the MathJax tag mkdocs-jupyter leaves empty
    r'|<script type="text/x-mathjax-config">.*?</script>'
    r'|<script type="module">(?:(?!</script>).)*?cdnjs\.cloudflare\.com.*?</script>',  # mermaid: no CDN here
    re.DOTALL,
)
HEADING = re.compile(r'<(h[1-6]) id="([^"]*)">(.*?)</\1>', re.DOTALL)
#: A notebook heading's own id: ``## <a id="record"></a>Title`` in the Markdown cell (an anchor Jupyter keeps too).
HEADING_ANCHOR = re.compile(r'<a id="([A-Za-z][\w-]*)"\s*(?:/>|>\s*</a>)')
#: nbconvert's and mkdocs-jupyter's English controls on a notebook page.
NOTEBOOK_UI = {
    "copy": re.compile(r'(<clipboard-copy\b[^>]*\baria-label=")Copy to Clipboard(")'),
    "copied": re.compile(r'(<span class="notice" hidden="">)Copied!(</span>)'),
    "image_alt": re.compile(r'(<img\b[^>]*\balt=")No description has been provided for this image(")'),
}
#: JupyterLab's prompt, "[1]:" (nbconvert writes the notebook's English "In [1]:").
INPUT_PROMPT = re.compile(r'(<div class="jp-InputPrompt jp-InputArea-prompt">)In(?:&nbsp;|\s|\xa0)+(\[)')


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Each page's interface text in its language; notebook pages: no CDN scripts, stable heading ids."""
    lang = _language_of(page.url, _prefixes(config))
    shared = (config.mdx_configs.get("toc") or {}).get("permalink_title")
    if shared and shared != UI[lang]["permalink"]:
        pattern = re.compile(r'(<a class="headerlink" href="[^"]*" title=")' + re.escape(shared) + '"')
        content = pattern.sub(lambda m: m[1] + UI[lang]["permalink"] + '"', content)
    if not page.file.src_uri.endswith(".ipynb"):
        return content
    content = NOTEBOOK_SCRIPTS.sub("", content)
    for key, pattern in NOTEBOOK_UI.items():
        content = pattern.sub(lambda m, key=key: m[1] + UI[lang][key] + m[2], content)
    content = INPUT_PROMPT.sub(r"\1\2", content)
    permalink = f'<a class="anchor-link" title="{UI[lang]["permalink"]}" href='  # as the Markdown pages' "¶"
    content = content.replace('<a class="anchor-link" href=', permalink)
    # nbconvert makes a heading's id from its text (none at all from Chinese text), the TOC has Python-Markdown's
    # ("_1", "_2", ...). Each heading names its own id instead, the same in every language: give the heading, its
    # "¶" link and its TOC entry (the TOC lists the same headings in the same order) that id.
    ids: list[str] = []

    def own_id(m: re.Match[str]) -> str:
        tag, old, inner = m[1], m[2], m[3]
        anchor = HEADING_ANCHOR.search(inner)
        if anchor is None:
            raise PluginError(f"site hook: {page.file.src_uri}: heading without an id: {_strip_tags(inner)!r}; "
                              f'write it as "## <a id="some-id"></a>Title" in notebooks/*.py')
        ids.append(anchor[1])
        inner = HEADING_ANCHOR.sub("", inner, count=1).replace(f'href="#{old}"', f'href="#{anchor[1]}"')
        return f'<{tag} id="{anchor[1]}">{inner}</{tag}>'

    content = HEADING.sub(own_id, content)
    toc = _toc_items(page.toc)
    if len(toc) != len(ids):
        raise PluginError(f"site hook: {page.file.src_uri}: {len(ids)} headings but {len(toc)} TOC entries")
    for item, new in zip(toc, ids, strict=True):
        item.id = new
    return content


def _strip_tags(fragment: str) -> str:
    return re.sub(r"<[^>]+>", "", fragment).strip()


def _toc_items(toc: object) -> list:
    out = []
    for item in toc:
        out.append(item)
        out.extend(_toc_items(item.children))
    return out


@event_priority(-200)  # after mkdocs-static-i18n has written the merged index
def on_post_build(config: MkDocsConfig) -> None:
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    if not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    prefixes = _prefixes(config)
    by_lang: dict[str, list[dict[str, object]]] = {lang: [] for lang in prefixes}
    for doc in index["docs"]:
        location = str(doc["location"])
        lang = _language_of(location, prefixes)
        # relative to the language's root, which is where its pages look for search/ (overrides/main.html)
        by_lang[lang].append({**doc, "location": location[len(prefixes[lang]):]})
    for lang, docs in by_lang.items():
        path = Path(config.site_dir) / prefixes[lang] / "search" / index_path.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({**index, "docs": docs}, ensure_ascii=False), encoding="utf-8")


def _prefixes(config: MkDocsConfig) -> dict[str, str]:
    """Each language's folder in the site, as mkdocs-static-i18n lays it out: {"zh": "", "en": "en/"}."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return {config.theme.language: ""}
    return {lang.locale: "" if lang.default else f"{lang.locale}/" for lang in i18n.config.languages}


def _language_of(url: str, prefixes: dict[str, str]) -> str:
    """The language whose folder holds ``url`` (a site-relative URL): the default one if none other does."""
    return next((lang for lang, p in prefixes.items() if p and url.startswith(p)),
                next(lang for lang, p in prefixes.items() if not p))
