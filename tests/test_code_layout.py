"""Each kind of text in its place: markup in templates, interface words in the
message files, facts in data/, and no condition named in the code."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import ROOT

PYTHON = sorted((ROOT / "macros").rglob("*.py")) + sorted((ROOT / "hooks").glob("*.py"))
THEME = sorted((ROOT / "overrides").rglob("*.html")) + sorted((ROOT / "macros" / "templates").glob("*.html"))
ASSETS = sorted((ROOT / "docs" / "assets").rglob("*.css")) + sorted((ROOT / "docs" / "assets").rglob("*.js"))
HTML_TAG = re.compile(r"<\s*/?\s*(a|abbr|aside|br|button|caption|cite|dd|div|dl|dt|h[1-6]|input|label|li|ol|p|"
                      r"section|span|strong|svg|table|tbody|td|th|thead|tr|ul)\b[^>]*>", re.I)
CONDITION = re.compile(r"(?i)bone marrow|o?edema|\bBME\b")


def strings_in_code(path: Path) -> list[str]:
    """The string literals of a module, docstrings and regular expressions
    (which may look for tags, not make them) left out."""
    tree = ast.parse(path.read_text())
    skipped = {id(node.body[0].value) for node in ast.walk(tree)
               if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
               and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    skipped |= {id(arg) for node in ast.walk(tree) if isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re" for arg in node.args}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped]


@pytest.mark.parametrize("path", PYTHON, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_html_tag_in_python_strings(path):
    assert [s for s in strings_in_code(path) if HTML_TAG.search(s)] == []


@pytest.mark.parametrize("path", PYTHON + THEME + ASSETS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_code_names_the_condition(path):
    assert not CONDITION.search(path.read_text()), path


@pytest.mark.parametrize("path", THEME, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_templates_show_no_words_of_their_own(path):
    text = re.sub(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", " ", path.read_text(), flags=re.S)
    text = re.sub(r"<!--.*?-->|<[^>]*>", " ", text, flags=re.S)
    assert re.findall(r"[A-Za-z]{2,}", text) == []


def test_styles_generate_no_words():
    for path in ASSETS:
        if path.suffix == ".css":
            for content in re.findall(r"content:\s*([^;]+);", path.read_text()):
                for literal in re.findall(r'"([^"]*)"', content):
                    assert not re.search(r"[A-Za-z]{2,}", literal), (path, content)


def test_scripts_hold_no_sentences():
    # A sentence would be words separated by spaces inside a string literal.
    for path in ASSETS:
        if path.suffix == ".js" and "iframe-worker" not in path.name:
            code = re.sub(r"/\*.*?\*/|//[^\n]*", "", path.read_text(), flags=re.S)
            for literal in re.findall(r'"([^"\n]*)"|\'([^\'\n]*)\'', code):
                text = "".join(literal)
                if text == "use strict":
                    continue
                assert not re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", text), (path, text)
