"""Reading and writing the YAML files under `data/`, always through the schema.

Only safe loaders are used: a report or a hand edit can never make the builder construct
Python objects. Errors carry the file and, where YAML can tell, the line, because analysts
fix these files by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import ValidationError

from builder.errors import BriefError
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
    return f"# yaml-language-server: $schema={relative_to_data}/schema/{kind}.schema.json\n"


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


def parse_text(text: str, path: Path | str) -> Any:
    """Parse YAML safely; a syntax error becomes a BriefError with the line number."""
    try:
        return yaml.load(text, Loader=_Loader)  # _Loader is a safe loader
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        problem = exc.problem or str(exc)
        raise BriefError(path, f"invalid YAML: {problem}", line) from None
    except yaml.YAMLError as exc:
        raise BriefError(path, f"YAML error: {exc}") from None


def read_text(path: Path) -> str:
    """A YAML file's text; a file that is not UTF-8, or not readable, is a BriefError.

    Hand-edited files are never read leniently: a correction saved as Latin-1 would
    otherwise be applied with its accents turned into replacement characters.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BriefError(path, f"cannot read: {exc.strerror or exc}") from None
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


def load_model(path: Path, model: type[M]) -> M:
    text = read_text(path)
    return validate(model, parse_text(text, path), path, text)
