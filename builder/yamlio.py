"""Reading and writing the YAML files under `data/`, always through the schema.

Only safe loaders are used: a report or a hand edit can never make the builder construct
Python objects. Errors carry the file and, where YAML can tell, the line, because analysts
fix these files by hand.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import ValidationError

from builder.errors import BriefError
from builder.paths import schema_file
from builder.schema import Model

try:  # the C implementations are several times faster on a brief of thousands of files
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

M = TypeVar("M", bound=Model)


def schema_comment(kind: str, relative_to_data: str = "..") -> str:
    """The first line of a data file, so editors validate hand edits as they are typed."""
    return f"# yaml-language-server: $schema={relative_to_data}/{schema_file(kind)}\n"


def dump_text(data: Any) -> str:
    """Deterministic YAML: key order as given, Unicode kept, no line folding surprises."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )


def dump_model(model: Model, kind: str) -> str:
    return schema_comment(kind) + dump_text(model.model_dump(mode="json", exclude_none=True))


MAX_YAML_BYTES = 1024 * 1024
"""A hand-written file (an override, a table) is a few KB; above this it is refused unread."""

MAX_DATA_BYTES = 32 * 1024 * 1024
"""A data file the builder wrote: a company named in thousands of reports can be large."""

ALIAS_ALLOWANCE = 10_000
"""Characters that `*alias` references may add beyond twice the file's own length."""


def _check_node(root: yaml.Node, path: Path | str, text_length: int) -> None:
    """Refuse duplicate keys, recursive aliases and aliases that repeat a value beyond reason.

    Constructing YAML shares an aliased value, but merging and validating copy it: 20,000
    references to one string in a 160 KB file would become gigabytes. Each node's size
    (characters of its scalars) is counted once per reference, memoised per node.
    """
    sizes: dict[int, int] = {}
    visiting: set[int] = set()
    limit = 2 * text_length + ALIAS_ALLOWANCE

    def size(node: yaml.Node) -> int:
        if id(node) in sizes:
            return sizes[id(node)]
        if id(node) in visiting:
            raise BriefError(path, "a YAML alias refers to itself", node.start_mark.line + 1)
        visiting.add(id(node))
        if isinstance(node, yaml.MappingNode):
            _no_duplicate_keys(node, path)
            total = 1 + sum(size(k) + size(v) for k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            total = 1 + sum(size(item) for item in node.value)
        else:
            total = 1 + len(str(node.value))
        visiting.discard(id(node))
        sizes[id(node)] = total
        if total > limit:
            raise BriefError(
                path,
                "YAML aliases (*name) repeat values far beyond the file's size; "
                "write the values out",
                node.start_mark.line + 1,
            )
        return total

    size(root)


def _no_duplicate_keys(node: yaml.MappingNode, path: Path | str) -> None:
    """YAML keeps the last of two equal keys; a hand edit means one of them, so ask which."""
    seen: dict[str, int] = {}
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode) or key.value == "<<":
            continue
        line = key.start_mark.line + 1
        if key.value in seen:
            first = seen[key.value]
            problem = f"key {key.value!r} appears twice (first on line {first}); keep one"
            raise BriefError(path, problem, line)
        seen[key.value] = line


def parse_text(text: str, path: Path | str) -> Any:
    """Parse YAML safely; a syntax error becomes a BriefError with the line number.

    The document is composed and checked (`_check_node`) before any value is built.
    """
    try:
        loader = _Loader(text)  # _Loader is a safe loader
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            _check_node(node, path, len(text))
            return loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        problem = exc.problem or str(exc)
        raise BriefError(path, f"invalid YAML: {problem}", line) from None
    except yaml.YAMLError as exc:
        raise BriefError(path, f"YAML error: {exc}") from None
    except RecursionError:
        raise BriefError(path, "invalid YAML: nested too deeply") from None


def read_bytes(path: Path, limit: int = MAX_YAML_BYTES) -> bytes:
    """A regular file's bytes, at most `limit` of them; anything else is a BriefError.

    A FIFO would block the build forever and a link to /dev/zero would fill memory, so the
    file is opened without blocking and checked to be a regular file of a sane size before
    a byte is read; the read itself stops after `limit` in case the file grows meanwhile.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise BriefError(path, f"cannot read: {exc.strerror or exc}") from None
    too_big = BriefError(path, f"over {limit // 1024:,} KB, too large to be read")
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise BriefError(path, "cannot read: is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise BriefError(path, "not a regular file (a device, FIFO or socket); not read")
        if info.st_size > limit:
            raise too_big
        with os.fdopen(os.dup(fd), "rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise BriefError(path, f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise too_big
    return raw


def read_text(path: Path, limit: int = MAX_YAML_BYTES) -> str:
    """A YAML file's text; a file that is not UTF-8, or not readable, is a BriefError.

    Hand-edited files are never read leniently: a correction saved as Latin-1 would
    otherwise be applied with its accents turned into replacement characters.
    """
    raw = read_bytes(path, limit)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise BriefError(path, "not UTF-8 text; save the file as UTF-8", line) from None


def key_line(text: str, loc: tuple[int | str, ...]) -> int | None:
    """The line of the deepest key in `loc` that exists in the YAML text, for error messages."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None
    line = None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = [(k, v) for k, v in node.value if k.value == str(part)]
            if not match:
                break
            line = match[0][0].start_mark.line + 1
            node = match[0][1]
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def validate(model: type[M], data: Any, path: Path | str, text: str | None = None) -> M:
    """Validate data against a model; the first problem is reported with its field and line."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(top level)"
        line = key_line(text, first["loc"]) if text is not None else None
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise BriefError(path, f"{field}: {first['msg']}{more}", line) from None


def load_model(path: Path, model: type[M], limit: int = MAX_YAML_BYTES) -> M:
    text = read_text(path, limit)
    return validate(model, parse_text(text, path), path, text)
