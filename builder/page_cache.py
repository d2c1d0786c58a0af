"""Rendered pages remembered by what their template reads, so a rebuild renders only changes.

A page's key is a hash of the builder's code, the templates (a project's own ones too),
the page's path and every value its template reads. What a template reads is worked out
from the template itself (Jinja's syntax tree), as paths into each value it is given,
followed through loops and `set`: a company page that writes `shown.market.name` for each
of its `appearances` is keyed on those names, not on the markets' figures, so a revised
figure re-renders the pages that show it and no other. A value passed to the page but
never named is left out of the key; a condition reads only whether a value is true, and
`|length` only how many elements it has. A template that shares its context with another
(`include`, `extends`, an import `with context`) is keyed on every value it is given.

Values are keyed through JSON: pydantic models by a digest of their JSON (once per model
and run, as one company appears on many pages), a model read in part by a digest of the
JSON of the fields read (pydantic dumps them, `_include`), dataclasses by their fields, and
a mapping read in part (`brief.markets[slug].name`) by one digest per run. Jinja globals are code,
covered by the code version; the ones that take the context read only `page`. Entries are
plain Markdown files in `.cache/pages/`, safe to delete.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence, Sized
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path
from types import NoneType, UnionType
from typing import Union, cast, get_args, get_origin

import jinja2
from jinja2 import Environment, nodes
from pydantic import BaseModel
from pydantic.main import IncEx

from builder.fingerprint import CODE_VERSION
from builder.paths import company_page, market_page
from builder.render import Pages, SiteData
from builder.write import atomic_write

Step = str | int
"""One step into a value: an attribute or a constant key, or one of the markers below."""
Route = tuple[Step, ...]
Tree = dict[Step, "Tree"]
"""The paths read into a value as a tree of steps; a leaf (no steps) is the whole value."""
Reads = dict[str, Tree]
"""Per name a template reads, what it reads of it."""

EACH = "[]"
"""Every element of a sequence a loop walks through."""
ANY = "[*]"
"""Whatever a subscript computed by the template picks: every element, or every entry of a
mapping with its key."""
LENGTH = "|length"
"""The number of elements, all `|length` or `loop.last` read."""
TRUTH = "?"
"""Whether the value is true, all an `if` reads of it."""
WHOLE_DATA = frozenset({"brief", "index", "site"})
"""The values every page is given; a template reading any of them reads all the data."""
MARKERS = frozenset({EACH, ANY, LENGTH, TRUTH})
WHOLE: Tree = {}
Include = bool | dict[str, "Include"]
"""What of a model pydantic dumps: a field's name, or "__all__" for a list's elements, to
what of it; True for all of it."""
KNOWN = "known.json"
"""Per digest of a page's inputs, the key of the page made from them."""


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


def _record(value: object) -> bool:
    """A model or a dataclass instance: a template reads its attributes."""
    return isinstance(value, BaseModel) or hasattr(type(value), "__dataclass_fields__")


def _chain(node: nodes.Node) -> tuple[str, Route] | None:
    """`name.a[0].b` as ("name", ("a", 0, "b")); None when the expression is not such a chain.
    A subscript the template computes is the step ANY; its expression is read on its own."""
    steps: list[Step] = []
    while True:
        if isinstance(node, nodes.Getattr):
            steps.append(node.attr)
            node = node.node
        elif isinstance(node, nodes.Getitem):
            key = node.arg.value if isinstance(node.arg, nodes.Const) else None
            constant = isinstance(key, str | int) and not isinstance(key, bool)
            steps.append(key if constant else ANY)  # type: ignore[arg-type]
            node = node.node
        elif isinstance(node, nodes.Name) and node.ctx == "load":
            return node.name, tuple(reversed(steps))
        else:
            return None


def _model_type(annotation: object) -> type[BaseModel] | None:
    """The model a field holds (`Cagr`, `Cagr | None`), if it holds one."""
    if get_origin(annotation) in (Union, UnionType):
        others = [a for a in get_args(annotation) if a is not NoneType]
        annotation = others[0] if len(others) == 1 else None
    is_model = isinstance(annotation, type) and issubclass(annotation, BaseModel)
    return annotation if is_model else None  # type: ignore[return-value]


def _include(annotation: object, tree: Tree) -> Include:
    """What pydantic must dump of a value of this type to cover what the tree reads of it:
    the fields the tree names, every element of a list a loop walks, and the whole value
    wherever a step is anything else (a truth test, a length alone, a subscript, a name
    that is no field), which can make a key change more often than the page, never less.
    A dump is a call into pydantic's serializer, not a walk in Python through every step:
    a page of a publisher's reports reads a few fields of each of a thousand markets."""
    if not tree:
        return True
    model = _model_type(annotation)
    if model is not None:
        known = model.model_fields
        if all(isinstance(step, str) and step in known for step in tree):
            return {str(s): _include(known[str(s)].annotation, rest) for s, rest in tree.items()}
        return True
    if get_origin(annotation) is list and EACH in tree and set(tree) <= {EACH, LENGTH}:
        return {"__all__": _include(get_args(annotation)[0], tree[EACH])}  # its length too
    return True


class _Reader:
    """Walks a template's syntax tree and gathers the paths it reads from each name.

    A name bound by `set` or a loop to a chain (`{% set market = shown.market %}`, `{% for a
    in appearances %}`) stands for that chain, so reading `market.name` reads
    `appearances[each].market.name`. Bindings are taken for the whole template, not per
    scope: a name bound in one place and given in another is keyed on both readings, which
    can only add to a key. Anything that is not a plain chain (a filter, a test, a call's
    arguments, a comparison) reads the whole value of every chain inside it."""

    def __init__(self) -> None:
        self.reads: list[tuple[str, Route]] = []
        self.bindings: dict[str, list[tuple[str, Route]]] = defaultdict(list)

    def walk(self, node: nodes.Node) -> None:
        if isinstance(node, nodes.Getattr | nodes.Getitem | nodes.Name):
            found = _chain(node)
            if found is not None:
                self.reads.append(found)
                self._subscripts(node)
                return
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr):
            found = _chain(node.node.node)  # a method called on a chain: the whole object
            if found is not None:
                self.reads.append(found)
                self._subscripts(node.node.node)
                self._children(node, skip=(node.node,))
                return
        if isinstance(node, nodes.Filter) and node.name in ("length", "count") and node.node:
            found = _chain(node.node)
            if found is not None and not (node.args or node.kwargs):
                self.reads.append((found[0], (*found[1], LENGTH)))
                self._subscripts(node.node)
                return
        if isinstance(node, nodes.For):
            found = _chain(node.iter)
            if found is not None:
                name, path = found
                self.reads.append((name, (*path, LENGTH)))
                self._subscripts(node.iter)
                self._bind(node.target, name, (*path, EACH))
                self._test(node.test)
                self._children(node, skip=(node.iter, node.test))
                return
        if isinstance(node, nodes.If | nodes.CondExpr):
            self._test(node.test)
            self._children(node, skip=(node.test,))
            return
        if isinstance(node, nodes.Assign) and _names(node.target):
            found = _chain(node.node)
            if found is not None:
                self._bind(node.target, *found)
                self._subscripts(node.node)
                return
        self._children(node)

    def _children(self, node: nodes.Node, skip: tuple[nodes.Node | None, ...] = ()) -> None:
        for child in node.iter_child_nodes():
            if not any(child is skipped for skipped in skip):
                self.walk(child)

    def _test(self, test: nodes.Node | None) -> None:
        """A condition reads only whether a chain it tests is true (`if not appearances`)."""
        while isinstance(test, nodes.Not):
            test = test.node
        found = None if test is None else _chain(test)
        if found is None:
            if test is not None:
                self.walk(test)
            return
        self.reads.append((found[0], (*found[1], TRUTH)))
        self._subscripts(test)  # type: ignore[arg-type]

    def _subscripts(self, node: nodes.Node) -> None:
        """The computed subscripts inside a chain read what they name, like any expression."""
        while isinstance(node, nodes.Getattr | nodes.Getitem):
            if isinstance(node, nodes.Getitem) and not isinstance(node.arg, nodes.Const):
                self.walk(node.arg)
            node = node.node

    def _bind(self, target: nodes.Node, name: str, path: Route) -> None:
        if isinstance(target, nodes.Name):
            self.bindings[target.name].append((name, path))
        elif isinstance(target, nodes.Tuple):
            for position, item in enumerate(target.items):
                self._bind(item, name, (*path, position))

    def resolved(self) -> Reads:
        """Every read, with the reads through bound names traced back to what they stand for."""
        found: dict[str, set[Route]] = defaultdict(set)
        pending = list(self.reads)
        while pending:
            name, path = pending.pop()
            if path in found[name]:
                continue
            found[name].add(path)
            pending.extend((root, (*prefix, *path)) for root, prefix in self.bindings[name])
        return {name: _tree(paths) for name, paths in found.items()}


def _names(target: nodes.Node) -> bool:
    """Whether an assignment's target is only names (not a namespace's attribute)."""
    if isinstance(target, nodes.Tuple):
        return all(_names(item) for item in target.items)
    return isinstance(target, nodes.Name)


def _tree(paths: set[Route]) -> Tree:
    """The paths as a tree, in a fixed order; reading `a` covers reading `a.b`."""
    if () in paths:
        return {}
    rests: dict[Step, set[Route]] = defaultdict(set)
    for path in paths:
        rests[path[0]].add(path[1:])
    return {step: _tree(rests[step]) for step in sorted(rests, key=str)}


_READS: dict[str, Reads | None] = {}
"""What each template source reads, worked out once per process: the analysis costs more
than a rebuild's pages after one change. The site's environment parses every template with
the same syntax, so the source alone decides."""


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
    reader = _Reader()
    reader.walk(tree)
    return reader.resolved()


class PageCache:
    """Pages kept under a key over everything their template reads."""

    def __init__(
        self,
        folder: Path | None,
        env: Environment,
        templates: Sequence[Path],
        digests: Iterable[tuple[object, str]] = (),
    ) -> None:
        """`digests`: values whose digest is known already, such as a model's by the bytes of
        the data file it was loaded from (`Brief.digests`), which costs no dump."""
        self.folder = folder
        self.env = env
        self.rendered: list[str] = []
        self._version = _folders_digest(templates, CODE_VERSION, jinja2.__version__)
        self._digests: dict[tuple[int, int], tuple[object, str]] = {}
        self._parts: dict[tuple[int, int], tuple[object, list[object]]] = {}
        self._includes: dict[tuple[type, int], Include] = {}
        self._wholes: dict[int, tuple[object, str]] = {id(v): (v, d) for v, d in digests}
        self._reads: dict[str, Reads | None] = {}
        self._known: dict[str, str] = {}
        if folder is not None:
            # none yet, or cut short: then every page is keyed through its view
            with contextlib.suppress(OSError, ValueError):
                self._known = json.loads((folder / KNOWN).read_text(encoding="utf-8"))
        self._learnt: dict[str, str] = {}
        self._inputs = ""

    def template_reads(self, template: str) -> Reads | None:
        if template not in self._reads:
            source = self.env.loader.get_source(self.env, template)[0]  # type: ignore[union-attr]
            if source not in _READS:  # a serving process keeps them from one rebuild to the next
                _READS[source] = template_reads(self.env.parse(source))
            self._reads[template] = _READS[source]
        return self._reads[template]

    def key(self, template: str, page: str, given: dict[str, object]) -> str:
        """The key of a page rendered from `template` with the values `given` to it."""
        reads = self.template_reads(template)
        read: list[object] = []
        for name, value in given.items():
            if reads is not None and name not in reads:
                continue  # given, never read
            read.append([name, self._part(value, WHOLE if reads is None else reads[name])])
        payload = json.dumps([self._version, template, page, read], default=self._stand_in)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def _part(self, value: object, tree: Tree) -> object:
        """What JSON holds for the parts of `value` the tree reads. A mapping is digested, and
        a model's or a dataclass's parts are gathered, once a run per tree: the same markets
        and groups are read by many pages (`brief.markets[slug].name`)."""
        if not tree:
            return value
        if isinstance(value, dict):
            return self._digest(value, tree, lambda: self._json(self._follow(value, tree)))
        if isinstance(value, BaseModel):
            return self._model_part(value, tree)
        if _record(value):
            known = self._parts.get((id(value), id(tree)))
            if known is None or known[0] is not value:
                known = (value, self._follow(value, tree))
                self._parts[(id(value), id(tree))] = known  # kept: its id stays its own
            return known[1]
        return self._follow(value, tree)

    def _model_part(self, value: BaseModel, tree: Tree) -> str:
        """A digest of the fields of a model the tree reads, as pydantic dumps them."""
        include = self._includes.get((type(value), id(tree)))
        if include is None:
            include = self._includes[(type(value), id(tree))] = _include(type(value), tree)
        if include is True:
            return str(self._stand_in(value))
        fields = cast(IncEx, include)
        return self._digest(value, tree, lambda: value.model_dump_json(include=fields))

    def _follow(self, value: object, tree: Tree) -> list[object]:
        return [[step, self._step(value, step, rest)] for step, rest in tree.items()]

    def _step(self, value: object, step: Step, rest: Tree) -> object:
        """The part of `value` one step reads, or all of it where the step cannot be followed
        in the same way Jinja would follow it."""
        if isinstance(step, int):
            if isinstance(value, list | tuple):
                return self._part(value[step], rest) if -len(value) <= step < len(value) else None
            return value
        if step not in MARKERS:
            return self._part(getattr(value, step, None), rest) if _record(value) else value
        if step == LENGTH and isinstance(value, Sized):
            return len(value)
        if step == TRUTH:
            return bool(value)
        if isinstance(value, list | tuple):  # EACH, ANY
            return [self._part(item, rest) for item in value]
        if step == ANY and isinstance(value, dict):
            return [[key, self._part(item, rest)] for key, item in value.items()]
        if step == EACH and isinstance(value, dict):
            return list(value)  # a loop over a mapping walks its keys
        return value

    def _stand_in(self, value: object) -> object:
        """What JSON holds for a value it cannot encode itself: a model or a dataclass by a
        digest, looked up first (they are most of what pages are given, many times a run)."""
        whole = self._wholes.get(id(value))
        if whole is not None and whole[0] is value:
            return whole[1]
        if isinstance(value, BaseModel):
            return self._whole(value, value.model_dump_json)
        if is_dataclass(value):
            return self._whole(value, lambda: self._json(_fields(value)))
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, Path | BaseException):
            return str(value)
        qualname = getattr(value, "__qualname__", None)
        if callable(value) and qualname is not None:
            return f"{value.__module__}.{qualname}"  # code: covered by the version
        raise TypeError(f"no cache key for a {type(value).__name__} passed to a page")

    def _whole(self, value: object, text: Callable[[], str]) -> str:
        digest = hashlib.sha256(text().encode("utf-8")).hexdigest()
        self._wholes[id(value)] = (value, digest)  # the value is kept: its id stays its own
        return digest

    def _json(self, value: object) -> str:
        return json.dumps(value, default=self._stand_in)

    def _digest(self, value: object, tree: Tree, text: Callable[[], str]) -> str:
        """A digest per object, part read and run: one company or the whole brief is on
        many pages."""
        known = self._digests.get((id(value), id(tree)))
        if known is None or known[0] is not value:
            known = (value, hashlib.sha256(text().encode("utf-8")).hexdigest())
            self._digests[(id(value), id(tree))] = known  # the value is kept: its id stays its own
        return known[1]

    def known(self, template: str, page: str, inputs: object) -> str | None:
        """The text of the page made from these inputs before, if the cache still has it."""
        payload = json.dumps([self._version, template, page, inputs], default=self._stand_in)
        self._inputs = hashlib.sha256(payload.encode("utf-8")).hexdigest()
        key = self._known.get(self._inputs)
        text = None if key is None else self.get(key)
        if key is not None and text is not None:
            self._learnt[self._inputs] = key
        return text

    def learn(self, key: str) -> None:
        """The key of the page whose inputs `known` looked up last."""
        self._learnt[self._inputs] = key

    def save(self) -> None:
        """Keep the inputs and keys of this run's pages (and only those) for the next one."""
        if self.folder is not None and self._learnt != self._known:
            text = json.dumps(self._learnt, sort_keys=True)
            atomic_write(self.folder / KNOWN, text.encode("utf-8"))

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
    """`Pages`, reusing a page from the cache when nothing its template reads has changed.

    A market's or a company's page is first looked up by a digest of what its view is made
    from (the market's or company's data and the index entries and models its view reads),
    so an unchanged page costs that digest, not a view and a key over it. That digest is
    coarser than the page's key (a market's revised figure changes it on every page naming
    the market), and then the view is worked out and keyed as for any page: the page is
    rendered only if what it shows changed. A template that reads the whole brief, the
    index or the site data (a project's own one may) is always keyed through its view.
    """

    def __init__(self, env: Environment, data: SiteData, cache: PageCache) -> None:
        super().__init__(env, data)
        self.cache = cache
        self._key = ""
        self._dimensions = [(d.label, d.slug) for d in self.index.dimensions]

    def _render(self, template: str, page: str, **context: object) -> str:
        given = {"brief": self.brief, "index": self.index, "site": self.data, **context}
        self._key = key = self.cache.key(template, page, given)
        text = self.cache.get(key)
        if text is None:
            self.cache.rendered.append(page)
            text = super()._render(template, page, **context)
            self.cache.put(key, text)
        return text

    def _known(self, template: str, page: str, inputs: Callable[[], object]) -> str | None:
        """The page's text, when the inputs of its view are those of a page cached before."""
        reads = self.cache.template_reads(template)
        if reads is None or not WHOLE_DATA.isdisjoint(reads):
            return None
        return self.cache.known(template, page, inputs())

    def market(self, slug: str) -> str:
        text = self._known("market.md.j2", market_page(slug), lambda: self._market_inputs(slug))
        if text is None:
            text = super().market(slug)
            self.cache.learn(self._key)
        return text

    def company(self, slug: str) -> str:
        page = company_page(slug)
        text = self._known("company.md.j2", page, lambda: self._company_inputs(slug))
        if text is None:
            text = super().company(slug)
            self.cache.learn(self._key)
        return text

    def _market_inputs(self, slug: str) -> list[object]:
        """Everything `Pages.market` makes the page's view from."""
        brief, index, checks = self.brief, self.index, self.data.checks
        companies = [brief.companies.get(c) for c in index.companies_of.get(slug, [])]
        consensus = checks.consensus_of(slug)
        findings = checks.of_market(slug)
        named = {s for f in findings for s in f.markets} | set(
            consensus.markets if consensus else ()
        )
        return [
            brief.markets[slug],
            companies,
            [index.attributed.get(c.slug, []) for c in companies if c is not None],
            self.data.charts.get(slug, []),
            index.geography_of[slug],
            index.publisher_of[slug],
            brief.corrected("market", slug),
            self.data.built,
            self._dimensions,
            findings,
            consensus,
            [brief.markets.get(s) for s in sorted(named)],
        ]

    def _company_inputs(self, slug: str) -> list[object]:
        """Everything `Pages.company` makes the page's view from."""
        brief, index = self.brief, self.index
        company = brief.companies[slug]
        attributed = index.attributed.get(slug, [])
        owners = index.revenue_owner.get(slug, {})
        markets = index.markets_of.get(slug, [])
        related = [
            company.parent,
            *(a.named_under for a in attributed),
            *owners.values(),
            *index.subsidiaries_of.get(slug, []),
            *(p for p, _ in index.peers.get(slug, [])),
        ]
        return [
            company,
            attributed,
            owners,
            index.subsidiaries_of.get(slug, []),
            index.peers.get(slug, []),
            [brief.companies.get(c) for c in related if c],
            [brief.markets.get(a.market) for a in attributed],
            [(brief.markets[m], index.geography_of[m], index.publisher_of[m]) for m in markets],
            brief.corrected("company", slug),
        ]
