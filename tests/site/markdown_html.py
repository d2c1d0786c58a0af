"""Markdown to HTML exactly as the site renders it: the extensions are read from mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import markdown
import yaml

ROOT = Path(__file__).resolve().parents[2]


def extensions() -> tuple[list[str], dict]:
    """The Markdown extensions the site really uses, read from mkdocs.yml."""
    names, configs = [], {}
    for item in yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))[
        "markdown_extensions"
    ]:
        name, config = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        names.append(name)
        configs[name] = config
    return names, configs


EXTENSIONS, CONFIGS = extensions()


def to_html(text: str) -> lxml.html.HtmlElement:
    """The HTML of a Markdown snippet, without the headings' permalink marks."""
    rendered = markdown.markdown(text, extensions=EXTENSIONS, extension_configs=CONFIGS)
    root = lxml.html.fragment_fromstring(rendered, create_parent="div")
    for permalink in root.xpath("//a[@class='headerlink']"):
        permalink.drop_tree()
    return root
