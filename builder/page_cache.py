"""Rendered pages remembered by what their template reads, so a rebuild renders only changes.

A page's key is a hash of the builder's code, the templates (a project's own ones too),
the page's path and every value its template reads. What a template reads is worked out
from the template itself (Jinja's syntax tree): a value passed to the page but never named
is left out of the key, and a value the template only reads attributes of
(`geography.label`) is keyed by those attributes alone, so a market joining the "Global"
group does not re-render every other global market's page. A template that shares its
context with another (`include`, `extends`, an import `with context`) is keyed on every
value it is given. Pages that read the whole brief (the home page, the indexes) are keyed
on all of it, digested once a run.

Values are keyed through JSON: pydantic models by a digest of their JSON (once per model
and run, as one company appears on many pages), dataclasses by their fields. Jinja globals
are code, covered by the code version; the ones that take the context read only `page`.
Entries are plain Markdown files in `.cache/pages/`, safe to delete.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path

import jinja2
from jinja2 import Environment, nodes
from pydantic import BaseModel

from builder.fingerprint import CODE_VERSION
from builder.render import Pages, SiteData
from builder.write import atomic_write

Reads = dict[str, frozenset[str] | None]
"""Per name a template reads: the attributes it reads of it, or None for the whole value."""


def _folders_digest(folders: Sequence[Path], *extra: str) -> str:
    """The files of every template folder, each under its folder's place in the lookup order
    (a template moved from a project's folder to the shipped one is a change)."""
    digest = hashlib.sha256("\0".join(extra).encode("utf-8"))
    for place, folder in enumerate(folders):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = f"{place}/{path.relative_to(folder).as_posix()}"
            digest.update(name.encode("utf-8") + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _fields(value: object) -> dict[str, object]:
    return {f.name: getattr(value, f.name) for f in fields(value)}  # type: ignore[arg-type]


def template_reads(tree: nodes.Template) -> Reads | None:
    """What a template reads of its context; None when it shares the context with another."""
    imports: list[nodes.Import | nodes.FromImport] = [
        *tree.find_all(nodes.Import),
        *tree.find_all(nodes.FromImport),
    ]
    shared = any(True for _ in tree.find_all((nodes.Include, nodes.Extends))) or any(
        node.with_context for node in imports
    )
    if shared:
        return None
    attributes: dict[str, set[str]] = defaultdict(set)
    through_attribute: set[int] = set()
    for node in tree.find_all(nodes.Getattr):
        if isinstance(node.node, nodes.Name) and node.node.ctx == "load":
            attributes[node.node.name].add(node.attr)
            through_attribute.add(id(node.node))
    reads: Reads = {name: frozenset(found) for name, found in attributes.items()}
    for name in tree.find_all(nodes.Name):
        if name.ctx == "load" and id(name) not in through_attribute:
            reads[name.name] = None
    return reads


class PageCache:
    """Pages kept under a key over everything their template reads."""

    def __init__(self, folder: Path | None, env: Environment, templates: Sequence[Path]) -> None:
        self.folder = folder
        self.env = env
        self.rendered: list[str] = []
        self._version = _folders_digest(templates, CODE_VERSION, jinja2.__version__)
        self._digests: dict[int, tuple[object, str]] = {}
        self._reads: dict[str, Reads | None] = {}

    def _template_reads(self, template: str) -> Reads | None:
        if template not in self._reads:
            source = self.env.loader.get_source(self.env, template)[0]  # type: ignore[union-attr]
            self._reads[template] = template_reads(self.env.parse(source))
        return self._reads[template]

    def key(self, template: str, page: str, given: dict[str, object]) -> str:
        """The key of a page rendered from `template` with the values `given` to it."""
        reads = self._template_reads(template)
        read: list[object] = []
        for name, value in given.items():
            if reads is not None and name not in reads:
                continue  # given, never read
            attributes = reads[name] if reads is not None else None
            if attributes is not None and (isinstance(value, BaseModel) or is_dataclass(value)):
                value = {a: getattr(value, a, None) for a in sorted(attributes)}
            read.append([name, value])
        payload = json.dumps([self._version, template, page, read], default=self._stand_in)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def _stand_in(self, value: object) -> object:
        """What JSON holds for a value it cannot encode itself."""
        if isinstance(value, BaseModel):
            return self._digest(value, value.model_dump_json)
        if is_dataclass(value):
            return self._digest(value, lambda: self._json(_fields(value)))
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, Path | BaseException):
            return str(value)
        qualname = getattr(value, "__qualname__", None)
        if callable(value) and qualname is not None:
            return f"{value.__module__}.{qualname}"  # code: covered by the version
        raise TypeError(f"no cache key for a {type(value).__name__} passed to a page")

    def _json(self, value: object) -> str:
        return json.dumps(value, default=self._stand_in)

    def _digest(self, value: object, text: Callable[[], str]) -> str:
        """A digest per object and run: one company or the whole brief is on many pages."""
        known = self._digests.get(id(value))
        if known is None or known[0] is not value:
            known = (value, hashlib.sha256(text().encode("utf-8")).hexdigest())
            self._digests[id(value)] = known  # the value is kept, so its id is not reused
        return known[1]

    def get(self, key: str) -> str | None:
        if self.folder is None:
            return None
        try:
            return (self.folder / f"{key}.md").read_text(encoding="utf-8")
        except OSError:
            return None

    def put(self, key: str, text: str) -> None:
        if self.folder is not None:
            atomic_write(self.folder / f"{key}.md", text.encode("utf-8"))


class CachedPages(Pages):
    """`Pages`, reusing a page from the cache when nothing its template reads has changed."""

    def __init__(self, env: Environment, data: SiteData, cache: PageCache) -> None:
        super().__init__(env, data)
        self.cache = cache

    def _render(self, template: str, page: str, **context: object) -> str:
        given = {"brief": self.brief, "index": self.index, "site": self.data, **context}
        key = self.cache.key(template, page, given)
        text = self.cache.get(key)
        if text is None:
            self.cache.rendered.append(page)
            text = super()._render(template, page, **context)
            self.cache.put(key, text)
        return text
