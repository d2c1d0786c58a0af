"""Loading `data/` for the site: extracted files with the analysts' overrides merged on top.

`data/markets` and `data/companies` are the builder's output and are rewritten by every
extraction; `data/overrides/<slug>.yaml` belongs to people and is only ever read. Merging
happens here, at load time, so a correction shows on the next page build without
re-extracting, and the merged result is validated against the same schema as extraction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.errors import BriefError
from builder.schema import Company, Market
from builder.yamlio import load_model, parse_text, validate


@dataclass
class Brief:
    """Everything the site is made from, cross-checked and ready to render."""

    markets: dict[str, Market] = field(default_factory=dict)
    companies: dict[str, Company] = field(default_factory=dict)
    problems: list[BriefError] = field(default_factory=list)
    applied_overrides: dict[str, Path] = field(default_factory=dict)


def merge(base: Any, override: Any) -> Any:
    """Mappings merge key by key; anything else (lists included) is replaced whole."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            merged[key] = merge(base.get(key), value) if key in base else value
        return merged
    return override


def _load_folder(folder: Path, model: type[Market] | type[Company], brief: Brief) -> dict:
    loaded = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            item = load_model(path, model)
        except BriefError as exc:
            brief.problems.append(exc)
            continue
        if item.slug != path.stem:
            brief.problems.append(BriefError(path, f"slug {item.slug!r} does not match file name"))
            continue
        loaded[item.slug] = item
    return loaded


def apply_override(path: Path, brief: Brief) -> None:
    """Merge one override file; a broken one is reported and left exactly as it is."""
    text = path.read_text(encoding="utf-8", errors="replace")
    data = parse_text(text, path)
    if data is None:
        return
    if not isinstance(data, dict):
        raise BriefError(path, "an override must be a mapping of fields to corrected values", 1)
    slug = path.stem
    if slug in brief.markets and slug in brief.companies:
        raise BriefError(path, f"{slug!r} names both a market and a company; rename one")
    if slug in brief.markets:
        target, model, table = brief.markets[slug], Market, brief.markets
    elif slug in brief.companies:
        target, model, table = brief.companies[slug], Company, brief.companies
    else:
        raise BriefError(
            path, f"no market or company with slug {slug!r}; the correction is not applied"
        )
    if data.get("slug", slug) != slug:
        raise BriefError(path, "an override cannot change the slug; rename the file instead")
    merged = merge(target.model_dump(mode="json"), data)
    table[slug] = validate(model, merged, path, text)  # type: ignore[index]
    brief.applied_overrides[slug] = path


def load_brief(data_dir: Path) -> Brief:
    """Load markets, companies and overrides; problems are collected, not raised."""
    brief = Brief()
    brief.markets = _load_folder(data_dir / "markets", Market, brief)
    brief.companies = _load_folder(data_dir / "companies", Company, brief)
    overrides = data_dir / "overrides"
    for path in sorted(overrides.glob("*.yaml")) if overrides.is_dir() else []:
        try:
            apply_override(path, brief)
        except BriefError as exc:
            brief.problems.append(exc)
    return brief
