"""What an import did: counts per entity and every row it could not take."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class RowIssue:
    """A row that was skipped, with where it is and why."""

    file: str
    line: int
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.column}={self.value!r}: {self.reason}"


@dataclass
class EntityCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged + self.skipped


@dataclass
class ImportSummary:
    """Counts per entity, skipped rows with reasons, and notes on data rules applied."""

    entities: dict[str, EntityCounts] = field(default_factory=dict)
    issues: list[RowIssue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Newest calendar date found in the imported data.
    latest_date: date | None = None

    def counts(self, entity: str) -> EntityCounts:
        """Return the counts for ``entity``, creating them on first use."""
        return self.entities.setdefault(entity, EntityCounts())

    def skip(self, entity: str, issue: RowIssue) -> None:
        self.counts(entity).skipped += 1
        self.issues.append(issue)

    @property
    def changed(self) -> bool:
        """True when the import created or updated at least one row."""
        return any(c.created or c.updated for c in self.entities.values())

    def format_lines(self, max_issues: int = 20) -> list[str]:
        """Render the summary as plain text lines for the CLI and logs."""
        lines = [
            f"{name:<16} created {c.created:>6}  updated {c.updated:>6}  "
            f"unchanged {c.unchanged:>6}  skipped {c.skipped:>6}"
            for name, c in self.entities.items()
        ]
        lines.extend(f"note: {note}" for note in self.notes)
        for issue in self.issues[:max_issues]:
            lines.append(f"skipped: {issue}")
        if len(self.issues) > max_issues:
            lines.append(f"... and {len(self.issues) - max_issues} more skipped rows")
        return lines
