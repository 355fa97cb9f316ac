"""The package's prose (every ``Text`` of every spec, and the words the facts hook generates)
follows the handbook's typography: full-width punctuation after Chinese, and the prime written ′
outside math (an ASCII ' next to ′ reads as a different symbol).

The built pages are checked the same way by tests/site/test_chrome.py; this catches a bad
string where it is written, without a build.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import re
from pathlib import Path

import pytest

import activations
from activations import Text

ROOT = Path(__file__).resolve().parents[1]
CJK = r"[\u3400-\u9fff\uf900-\ufaff]"
#: A Chinese character followed by half-width punctuation: "公式: f(x)", "把实数(0, 1)".
HALF_WIDTH_AFTER_CJK = re.compile(CJK + r"\s*[,:;!?(]")
MATH = re.compile(r"\$[^$]*\$")
#: An ASCII apostrophe used as a prime outside math: σ'(0), f'(x).
ASCII_PRIME = re.compile(r"\w'(?=\()")


def _texts(obj, path):
    if isinstance(obj, Text):
        yield path, obj
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from _texts(getattr(obj, f.name), f"{path}.{f.name}")
    elif isinstance(obj, tuple | list):
        for i, item in enumerate(obj):
            yield from _texts(item, f"{path}[{i}]")


def _hook_words() -> dict[str, dict[str, str]]:
    spec = importlib.util.spec_from_file_location("handbook_hook_facts_text", ROOT / "scripts/hooks/facts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.WORDS


STRINGS = [(f"{s.name}{path}", lang, text[lang]) for s in activations.specs() for path, text in _texts(s, "")
           for lang in ("zh", "en")]
STRINGS += [(f"facts.WORDS[{lang!r}][{key!r}]", lang, value) for lang, words in _hook_words().items()
            for key, value in words.items()]


def problems(lang: str, text: str) -> list[str]:
    prose = MATH.sub(" ", text)
    found = []
    if lang == "zh":
        found += [f"half-width punctuation after Chinese: {prose[max(0, m.start() - 8): m.end() + 8]!r}"
                  for m in HALF_WIDTH_AFTER_CJK.finditer(prose)]
    found += [f"ASCII ' as a prime outside math (write ′): {prose[max(0, m.start() - 8): m.end() + 8]!r}"
              for m in ASCII_PRIME.finditer(prose)]
    return found


@pytest.mark.parametrize(("where", "lang", "text"), STRINGS, ids=[f"{w}-{lang}" for w, lang, _ in STRINGS])
def test_typography(where, lang, text):
    found = problems(lang, text)
    assert not found, f"{where}: " + "; ".join(found)


@pytest.mark.parametrize(("lang", "text"), [
    ("zh", "教科书公式: f(x)"), ("zh", "Sigmoid：把实数压到(0, 1)"), ("zh", "导数最大值为 σ'(0) = 1/4"),
    ("en", "The derivative peaks at σ'(0) = 1/4"),
])
def test_the_check_finds_what_it_looks_for(lang, text):
    assert problems(lang, text)
    assert not problems("zh", "教科书公式：f(x)，导数 $\\sigma'(0)$ 与 σ′(0)（见下）")
