"""Typed settings, built once and passed explicitly: no module-level mutable state."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from builder.paths import ALIASES, DATA, GROUPS, OVERRIDES, RATES


@dataclass(frozen=True)
class Settings:
    """Where a brief's inputs and outputs live, all relative to the project root."""

    root: Path

    @classmethod
    def at(cls, root: Path | str = ".") -> Settings:
        return cls(Path(root).resolve())

    @property
    def reports_dir(self) -> Path:
        return self.root / "content" / "reports"

    @property
    def pages_dir(self) -> Path:
        """Hand-written pages that sit beside the generated ones."""
        return self.root / "content" / "pages"

    @property
    def data_dir(self) -> Path:
        return self.root / DATA

    @property
    def overrides_dir(self) -> Path:
        return self.data_dir / OVERRIDES

    @property
    def rates_file(self) -> Path:
        return self.data_dir / RATES

    @property
    def aliases_file(self) -> Path:
        return self.data_dir / ALIASES

    @property
    def groups_file(self) -> Path:
        """An analyst's optional grouping of reports on one market."""
        return self.data_dir / GROUPS

    @property
    def templates_dir(self) -> Path:
        """The page templates shipped with the project."""
        return self.root / "site_templates"

    @property
    def user_templates_dir(self) -> Path:
        """A project's own templates: one named like a shipped template is used instead."""
        return self.root / "templates"

    @property
    def template_folders(self) -> tuple[Path, ...]:
        """Where templates are looked up, the first folder that has one winning."""
        return (self.user_templates_dir, self.templates_dir)

    @property
    def cache_dir(self) -> Path:
        return self.root / ".cache"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"
