"""Loading `data/` for the site: extracted files with the analysts' overrides merged on top.

`data/markets` and `data/companies` are the builder's output and are rewritten by every
extraction; `data/overrides/<slug>.yaml` belongs to people and is only ever read. Merging
happens here, at load time, so a correction shows on the next page build without
re-extracting, and the merged result is validated against the same schema as extraction.

Parsing YAML is the slow part of loading (about 3 ms a file even with libyaml), so a loaded
file is remembered in `.cache/data/` as the JSON of its validated model, keyed by a hash of
the file's bytes, the model and this code: a brief of thousands of files loads from JSON,
and a file that changed, by hand or by extraction, is parsed again. Extraction, which has
the models in hand when it writes the files, fills the cache as it goes (`remember`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.errors import BriefError
from builder.fingerprint import CODE_VERSION, cache_folder
from builder.gc_pause import gc_paused
from builder.paths import (
    COMPANIES,
    DATA_PATTERN,
    GENERATION,
    MARKETS,
    OVERRIDE_FOLDERS,
    OVERRIDES,
    in_data,
    override_file,
)
from builder.schema import AliasFile, Company, Market, MarketGroups, RateTable
from builder.settings import Settings
from builder.warm import Kept
from builder.write import atomic_write
from builder.yamlio import (
    MAX_DATA_BYTES,
    M,
    load_model,
    parse_text,
    read_bytes,
    read_text,
    validate,
)


@dataclass
class Brief:
    """Everything the site is made from, cross-checked and ready to render."""

    markets: dict[str, Market] = field(default_factory=dict)
    companies: dict[str, Company] = field(default_factory=dict)
    problems: list[BriefError] = field(default_factory=list)
    applied_overrides: dict[str, Path] = field(default_factory=dict)
    """Each correction applied, by slug, or "market:<slug>" / "company:<slug>" when it came
    from the kind's own folder."""
    digests: list[tuple[Market | Company, str]] = field(default_factory=list)
    """Each model loaded through the cache with a digest of its data file's bytes (and of the
    code), which stands for the model: the same bytes load as the same model. A page's key
    takes it instead of dumping the model; a corrected model is another object, not here."""

    def corrected(self, kind: str, slug: str) -> bool:
        """Whether a correction applied to this market's (kind "market") or company's page."""
        own = self.markets if kind == "market" else self.companies
        named = slug in self.applied_overrides and slug in own
        return named or f"{kind}:{slug}" in self.applied_overrides

    def correction_files(self) -> list[str]:
        """The files of the corrections applied, as a person finds them in the project."""
        keys = (key.rpartition(":") for key in self.applied_overrides)
        return sorted(override_file(slug, kind or None) for kind, _, slug in keys)


def merge(base: Any, override: Any) -> Any:
    """Mappings merge key by key; anything else (lists included) is replaced whole."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            merged[key] = merge(base.get(key), value) if key in base else value
        return merged
    return override


def _cache_file(cache_dir: Path, raw: bytes, model: type[Market] | type[Company]) -> Path:
    digest = hashlib.sha256(f"{CODE_VERSION}\0{model.__name__}\0".encode())
    digest.update(raw)
    return cache_dir / f"{digest.hexdigest()}.json"


def data_cache(settings: Settings) -> Path:
    """Loaded data files as JSON, for this builder code only."""
    return cache_folder(settings.cache_dir / "data", CODE_VERSION)


def remember(cache_dir: Path, raw: bytes, item: Market | Company) -> None:
    """Note that a data file with these bytes loads as `item`, unless already noted."""
    cached = _cache_file(cache_dir, raw, type(item))
    if not cached.is_file():
        atomic_write(cached, item.model_dump_json().encode("utf-8"))


_KEPT: Kept[Market | Company] = Kept()
"""Data files a serving process loaded, by cache file (`builder.warm`)."""


def _load(path: Path, model: type[Market] | type[Company], cache_dir: Path | None):
    """One data file, from the cache when its bytes were loaded before; with the digest of
    its bytes when it went through the cache."""
    if cache_dir is None:
        return load_model(path, model, MAX_DATA_BYTES), None
    raw = read_bytes(path, MAX_DATA_BYTES)
    cached = _cache_file(cache_dir, raw, model)
    item = _KEPT.get(cached)
    if item is not None:
        return item, cached.stem
    try:
        item = model.model_validate_json(cached.read_bytes())
    except (OSError, ValueError):  # not cached yet, or a damaged entry: parse the YAML
        item = load_model(path, model, MAX_DATA_BYTES)
        atomic_write(cached, item.model_dump_json().encode("utf-8"))
    _KEPT.put(cached, item)
    return item, cached.stem


def _load_folder(
    folder: Path, model: type[Market] | type[Company], brief: Brief, cache_dir: Path | None
) -> dict:
    loaded = {}
    for path in sorted(folder.glob(DATA_PATTERN)) if folder.is_dir() else []:
        try:
            item, digest = _load(path, model, cache_dir)
        except BriefError as exc:
            brief.problems.append(exc)
            continue
        if item.slug != path.stem:
            brief.problems.append(BriefError(path, f"slug {item.slug!r} does not match file name"))
            continue
        loaded[item.slug] = item
        if digest is not None:
            brief.digests.append((item, digest))
    return loaded


OVERRIDE_SUFFIXES = (".yaml", ".yml")


def override_files(folder: Path) -> tuple[list[tuple[Path, str | None]], list[BriefError]]:
    """Every override with the kind its place fixes (None: by slug), and files that are not.

    `.yml` and any case of the suffix count; a file that cannot be an override is named
    rather than skipped, since it is most likely a correction someone expects to apply.
    """
    found: list[tuple[Path, str | None]] = []
    problems: list[BriefError] = []
    places: list[tuple[Path, str | None]] = [(folder, None)]
    places += [(folder / name, kind) for name, kind in OVERRIDE_FOLDERS.items()]
    for place, kind in places:
        if not place.is_dir():
            continue
        for path in sorted(place.iterdir()):
            if path.name.startswith(".") or (kind is None and path.name in OVERRIDE_FOLDERS):
                continue
            if path.suffix.lower() in OVERRIDE_SUFFIXES:
                found.append((path, kind))
            else:
                problems.append(
                    BriefError(path, "not an override: name corrections <slug>.yaml; not applied")
                )
    by_target: dict[tuple[str, str | None], Path] = {}
    for path, kind in found:
        other = by_target.setdefault((path.stem, kind), path)
        if other != path:
            problems.append(BriefError(path, f"corrects the same slug as {other.name}; merge them"))
    return found, problems


def apply_override(path: Path, brief: Brief, kind: str | None = None) -> None:
    """Merge one override file; a broken one is reported and left exactly as it is."""
    text = read_text(path)
    data = parse_text(text, path)
    if data is None:
        return
    if not isinstance(data, dict):
        raise BriefError(path, "an override must be a mapping of fields to corrected values", 1)
    slug = path.stem
    is_market = slug in brief.markets and kind != "company"
    is_company = slug in brief.companies and kind != "market"
    if is_market and is_company:
        raise BriefError(
            path,
            f"{slug!r} names both a market and a company; move the file into "
            f"{in_data(f'{OVERRIDES}/{MARKETS}')}/ or {in_data(f'{OVERRIDES}/{COMPANIES}')}/",
        )
    if not is_market and not is_company:
        raise BriefError(
            path,
            f"no {kind or 'market or company'} with slug {slug!r}; the correction is not applied",
        )
    if data.get("slug", slug) != slug:
        raise BriefError(path, "an override cannot change the slug; rename the file instead")
    if is_market:
        _correct(brief.markets, Market, slug, data, path, text)
    else:
        _correct(brief.companies, Company, slug, data, path, text)
    brief.applied_overrides[slug if kind is None else f"{kind}:{slug}"] = path


def _correct(
    table: dict[str, M], model: type[M], slug: str, data: dict[str, Any], path: Path, text: str
) -> None:
    """Replace a record by itself with the override merged on top, validated again."""
    merged = merge(table[slug].model_dump(mode="json"), data)
    table[slug] = validate(model, merged, path, text)


def generation_state(data_dir: Path) -> str | None:
    """ "writing" when a run was stopped before it finished writing `data_dir`."""
    try:
        record = json.loads((data_dir / GENERATION).read_bytes())
    except (OSError, ValueError):
        return None
    return record.get("state") if isinstance(record, dict) else None


def load_brief(data_dir: Path, cache_dir: Path | None = None) -> Brief:
    """Load markets, companies and overrides; problems are collected, not raised.

    With a `cache_dir`, files loaded before come from their cached JSON (see above).
    """
    brief = Brief()
    with gc_paused():
        brief.markets = _load_folder(data_dir / MARKETS, Market, brief, cache_dir)
        brief.companies = _load_folder(data_dir / COMPANIES, Company, brief, cache_dir)
    _KEPT.round_done()
    if generation_state(data_dir) == "writing":
        brief.problems.append(
            BriefError(
                data_dir,
                "an extraction was stopped while writing, so files of two extractions are "
                "mixed here; run `brief build` to finish it",
            )
        )
    overrides, problems = override_files(data_dir / OVERRIDES)
    brief.problems += problems
    for path, kind in overrides:
        try:
            apply_override(path, brief, kind)
        except BriefError as exc:
            brief.problems.append(exc)
    return brief


# --- The rate and alias tables: shipped defaults, extended by the project's files ----------

DEFAULTS = Path(__file__).parent / "defaults"


@dataclass
class Tables:
    """The rate and alias tables extraction uses, and every problem found reading them."""

    rates: RateTable
    aliases: AliasFile
    problems: list[BriefError] = field(default_factory=list)


def _table(default: Path, project: Path, model: type[M], problems: list[BriefError]) -> M:
    """The shipped table with the project's merged on top (a broken project file: reported)."""
    base = parse_text(read_text(default), default)
    if not project.exists():
        return model.model_validate(base)
    try:
        text = read_text(project)
        data = parse_text(text, project) or {}
        if not isinstance(data, dict):
            raise BriefError(project, "a table must be a mapping", 1)
        table = validate(model, merge(base, data), project, text)
        if isinstance(table, AliasFile):  # a list would replace the shipped one: add up
            shipped = base["not_companies"]
            table.not_companies = list(dict.fromkeys([*shipped, *table.not_companies]))
        return table
    except BriefError as exc:
        problems.append(exc)
        return model.model_validate(base)


def load_tables(settings: Settings) -> Tables:
    """Both tables; each broken one is reported (all of them, not only the first)."""
    problems: list[BriefError] = []
    rates = _table(DEFAULTS / "fx_rates.yaml", settings.rates_file, RateTable, problems)
    aliases = _table(DEFAULTS / "company_aliases.yaml", settings.aliases_file, AliasFile, problems)
    return Tables(rates, aliases, problems)


def load_groups(
    settings: Settings, markets: Iterable[str]
) -> tuple[MarketGroups, list[BriefError]]:
    """The analyst's market groups, if any; a broken file or a slug no market has is
    reported (the rest of the groups still apply)."""
    path = settings.groups_file
    if not path.exists():
        return MarketGroups(), []
    try:
        groups = load_model(path, MarketGroups)
    except BriefError as exc:
        return MarketGroups(), [exc]
    known = set(markets)
    problems = [
        BriefError(path, f"group {label!r} names {slug!r}, which is no market; left out")
        for label, slugs in groups.groups.items()
        for slug in slugs
        if slug not in known
    ]
    return groups, problems
