"""The register grid's reads as SQL text: the periods, each item's grid columns, one aggregate row of its
mitigations, the counts. One statement for every backend, run by the standard library's sqlite3 on a
SQLite file at start-up (SQLAlchemy is not imported before the first page is painted) and through
SQLAlchemy otherwise (README, Performance). Nothing here imports SQLAlchemy."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from carthane_tcfd.domain.item_fields import Shape
from carthane_tcfd.domain.records import ITEM_FIELDS, NARRATIVE_COLUMNS
from carthane_tcfd.domain.taxonomy import Kind, MitigationStatus
from carthane_tcfd.domain.translation_status import BASIS_TEXTS, LINE_TEXTS

# The item columns of a grid row, in this order; CODE_LISTS are read as JSON text.
CODE_LISTS = tuple(f.name for f in ITEM_FIELDS if f.in_row and f.shape is Shape.CODES)
ROW_FIELDS = ("id", "code", *(f.name for f in ITEM_FIELDS if f.in_row), "version")
# The period's columns a PeriodSnapshot is made of; its JSON columns are read as text.
PERIOD_JSON = ("horizon_definitions", "impact_thresholds")
PERIOD_FIELDS = (
    "id",
    "year",
    "title",
    "status",
    "matrix_size",
    *PERIOD_JSON,
    *NARRATIVE_COLUMNS.values(),
    "status_changed_by",
    "status_changed_at",
    "version",
    "one_person_team",
)

Fetch = Callable[[str, dict[str, Any]], Sequence[Sequence[Any]]]  # (sql, parameters) -> rows


class GridSource(Protocol):
    """Where the grid's statements run: `dialect` ("sqlite" or "postgresql") and `reading()`, a read
    transaction (one consistent view of the database) that runs statements."""

    dialect: str

    def reading(self) -> AbstractContextManager[Fetch]: ...


def _columns(names: Sequence[str], as_text: Sequence[str]) -> str:
    return ", ".join(f"CAST({n} AS TEXT) AS {n}" if n in as_text else n for n in names)


def _quoted(values: Sequence[str]) -> str:
    """Our own vocabulary's codes as SQL literals (never user input)."""
    return ", ".join(f"'{v}'" for v in values)


PERIODS = f"SELECT {_columns(PERIOD_FIELDS, PERIOD_JSON)} FROM period ORDER BY year"
PERIOD_OF_YEAR = "SELECT id, year, matrix_size FROM period WHERE year = :year"
PERIOD_YEARS = "SELECT year, id FROM period ORDER BY year"
COUNTS = "SELECT kind, COUNT(*) FROM item WHERE period_id = :period_id GROUP BY kind"
OPEN = _quoted([s.value for s in MitigationStatus if s.is_open])
KNOWN_STATUSES = _quoted([s.value for s in MitigationStatus])
ACTIONS_OF_PERIOD = "FROM mitigation JOIN item ON item.id = mitigation.item_id WHERE item.period_id = :period_id"
# the mitigations whose stored status the program does not know, first by position per item
UNKNOWN_STATUSES = (
    f"SELECT mitigation.item_id, item.code, mitigation.position, mitigation.status {ACTIONS_OF_PERIOD} "
    f"AND (mitigation.status IS NULL OR mitigation.status NOT IN ({KNOWN_STATUSES})) "
    "ORDER BY mitigation.item_id, mitigation.position"
)


def _of_kind(kind: Kind | None) -> str:
    return "" if kind is None else " AND item.kind = :kind"


def parameters(period_id: int, kind: Kind | None = None) -> dict[str, Any]:
    return {"period_id": period_id} | ({} if kind is None else {"kind": kind.value})


def rows_sql(kind: Kind | None) -> str:
    """Each item's grid columns (ROW_FIELDS), its code lists as JSON text: one malformed list names its
    item instead of failing the query."""
    return f"SELECT {_columns(ROW_FIELDS, CODE_LISTS)} FROM item WHERE item.period_id = :period_id{_of_kind(kind)}"


def actions_sql(dialect: str, kind: Kind | None) -> str:
    """Per item with mitigations: how many are open, and their descriptions joined by newlines."""
    joined = (
        "string_agg(mitigation.description, E'\\n')"
        if dialect == "postgresql"
        else "group_concat(mitigation.description, char(10))"
    )
    opened = f"SUM(CASE WHEN mitigation.status IN ({OPEN}) THEN 1 ELSE 0 END)"
    # grouped by item.id: the items are read in that order, so no sort is needed to group them
    return f"SELECT item.id, {opened}, {joined} {ACTIONS_OF_PERIOD}{_of_kind(kind)} GROUP BY item.id"


def _missing(text: str, english: str) -> str:
    """1 where a Chinese text has no English beside it, else 0 (as domain.translation_status counts)."""
    return f"CASE WHEN trim({text}) != '' AND trim({english}) = '' THEN 1 ELSE 0 END"


# How many item titles and descriptions, and how many actions, have Chinese text and no English.
ITEMS_PENDING = (
    f"SELECT COALESCE(SUM({_missing('title', 'title_en')} + {_missing('description', 'description_en')}), 0) "
    "FROM item WHERE period_id = :period_id"
)
ACTIONS_PENDING = (
    f"SELECT COALESCE(SUM({_missing('mitigation.description', 'mitigation.description_en')}), 0) {ACTIONS_OF_PERIOD}"
)
# The officer's metric names and sources, target titles, the inventory lines' sources and reasons and the
# basis's texts, without English.
METRICS_PENDING = (
    "SELECT "
    f"(SELECT COALESCE(SUM({_missing('name_zh', 'name_en')} + {_missing('source', 'source_en')}), 0) "
    "FROM custom_metric WHERE period_id = :period_id)"
    f" + (SELECT COALESCE(SUM({' + '.join(_missing(name, name + '_en') for name in LINE_TEXTS)}), 0) "
    "FROM inventory_line WHERE period_id = :period_id)"
    f" + (SELECT COUNT(*) FROM climate_target WHERE period_id = :period_id AND {_missing('title', 'title_en')} = 1)"
    f" + COALESCE((SELECT {' + '.join(_missing(name, name + '_en') for name in BASIS_TEXTS)} "
    "FROM metric_basis WHERE period_id = :period_id), 0)"
)
