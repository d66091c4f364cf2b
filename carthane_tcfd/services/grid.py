"""The register grid's reads: the periods, the grid rows of a period, its counts, its texts still without
English, and the items a stored value keeps out. They run the statements of store/grid_sql.py on a
GridSource: a SQLite file through the standard library (how the GUI reads a file: nothing here imports
SQLAlchemy, so the first page is painted before SQLAlchemy is loaded) or a database through SQLAlchemy
(PostgreSQL, and the other services). Figures: README, Performance."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NamedTuple

from carthane_tcfd.domain.errors import NotFound
from carthane_tcfd.domain.filtering import ItemFilter, matches
from carthane_tcfd.domain.records import DamagedItem, ItemRow, Listed, PeriodSnapshot
from carthane_tcfd.domain.taxonomy import Kind, code_sort_key
from carthane_tcfd.domain.translation_status import NARRATIVES
from carthane_tcfd.services.convert import item_row, period_of_row
from carthane_tcfd.services.repair import damaged as damaged_item
from carthane_tcfd.services.repair import item_damage, sound_matrix_size, surely_sound, unknown_status
from carthane_tcfd.store.grid_sql import (
    ACTIONS_PENDING,
    COUNTS,
    ITEMS_PENDING,
    METRICS_PENDING,
    PERIOD_FIELDS,
    PERIOD_OF_YEAR,
    PERIOD_YEARS,
    PERIODS,
    ROW_FIELDS,
    UNKNOWN_STATUSES,
    Fetch,
    GridSource,
    actions_sql,
    parameters,
    rows_sql,
)

if TYPE_CHECKING:
    from carthane_tcfd.services.context import ServiceContext
    from carthane_tcfd.store.sqlite_file import ReadAhead

log = logging.getLogger("carthane_tcfd")


class PeriodKey(NamedTuple):
    id: int
    year: int
    matrix_size: int


def ordered(items: list[Listed], flt: ItemFilter | None) -> list[Listed]:
    """In code order, and only those passing `flt`."""
    items.sort(key=lambda i: code_sort_key(i.code))
    return items if flt is None or flt.is_empty else [i for i in items if matches(i, flt)]


def left_out(damaged: list[DamagedItem] | None, item: DamagedItem) -> None:
    """An item a stored value keeps out of a list: logged, and added to `damaged` when given."""
    log.warning("%s", item.message("en"))
    if damaged is not None:
        damaged.append(item)


class SessionSource:
    """The grid's statements through SQLAlchemy, in a read session of the services (driver errors said
    as the other services say them)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.dialect = ctx.engine.dialect.name

    @contextmanager
    def reading(self) -> Iterator[Fetch]:
        from sqlalchemy import text

        with self.ctx.read() as session:
            yield lambda sql, params: session.execute(text(sql), params).all()


class GridService:
    def __init__(self, source: GridSource) -> None:
        self.source = source
        self._ahead: ReadAhead | None = None

    def read_ahead(self, year: int | None, kind: Kind) -> None:
        """Start reading the grid rows of `kind` in the period of `year` (else the latest), where the source
        can read in the background (a SQLite file): the window builds its page meanwhile, and the next
        `rows` takes them (README, Performance)."""
        start = getattr(self.source, "read_ahead", None)
        if start is not None:
            self.close()
            self._ahead = start(lambda fetch: _rows_statements(fetch, self.source.dialect, year, kind))

    def close(self) -> None:
        """Drop rows read ahead and not asked for."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None:
            ahead.close()

    def periods(self) -> list[PeriodSnapshot]:
        """Every period, oldest first."""
        with self.source.reading() as fetch:
            return [period_of_row(row) for row in _period_rows(fetch)]

    def rows(self, year: int, kind: Kind | None = None, flt: ItemFilter | None = None) -> list[ItemRow]:
        """The register grid's rows of a period, in code order (see ItemRow); read ahead, if they were."""
        ahead, self._ahead = self._ahead, None
        with ahead.reading() if ahead is not None else self.source.reading() as fetch:
            return ordered(self._rows(fetch, _period(fetch, year), kind, None), flt)

    def damaged(self, year: int) -> list[DamagedItem]:
        """The period's items holding a stored value the program cannot use (lists and reports leave them
        out, and say so with these): a field of the item, else the first action with an unknown status."""
        found: list[DamagedItem] = []
        with self.source.reading() as fetch:
            self._rows(fetch, period := _period(fetch, year), None, found)
            named = {d.id for d in found}
            for item_id, code, position, status in fetch(UNKNOWN_STATUSES, parameters(period.id)):
                if item_id not in named:
                    named.add(item_id)
                    left_out(found, damaged_item(item_id, code, unknown_status(position, status)))
        return sorted(found, key=lambda d: d.id)

    def counts(self, year: int) -> dict[Kind, int]:
        """How many risks and opportunities the period holds."""
        counts = dict.fromkeys(Kind, 0)
        with self.source.reading() as fetch:
            for kind, count in fetch(COUNTS, parameters(_period(fetch, year).id)):
                counts[Kind(kind)] = int(count)
        return counts

    def english_pending(self, year: int) -> int:
        """How many Chinese texts of the period have no English yet: its narratives, item titles and
        descriptions, actions, the officer's metrics and targets, the inventory basis's texts
        (domain.translation_status.english_pending, counted in the database)."""
        with self.source.reading() as fetch:
            key = _period(fetch, year)
            narrative = next(p for p in map(period_of_row, _period_rows(fetch)) if p.id == key.id).narrative
            count = sum(
                1
                for name in NARRATIVES
                if getattr(narrative, name).strip() and not getattr(narrative, f"{name}_en").strip()
            )
            for query in (ITEMS_PENDING, ACTIONS_PENDING, METRICS_PENDING):
                count += int(fetch(query, parameters(key.id))[0][0])
        return count

    def _rows(
        self, fetch: Fetch, period: PeriodKey, kind: Kind | None, damaged: list[DamagedItem] | None
    ) -> list[ItemRow]:
        """Each item's columns, with one aggregate row of its mitigations (how many are open, and their
        text for quick search) instead of the mitigations; an item holding a value the program cannot
        use is left out."""
        params = parameters(period.id, kind)
        summary = {i: (int(n), text) for i, n, text in fetch(actions_sql(self.source.dialect, kind), params)}
        out = []
        for values in fetch(rows_sql(kind), params):
            row = dict(zip(ROW_FIELDS, values, strict=True))
            if not surely_sound(row, period.matrix_size):
                found = item_damage(row, period.matrix_size)
                if found is not None:
                    left_out(damaged, damaged_item(row["id"], row["code"], found))
                    continue
            out.append(item_row(row, period.matrix_size, *summary.get(row["id"], (0, ""))))
        return out


def _rows_statements(fetch: Fetch, dialect: str, year: int | None, kind: Kind) -> list[tuple[str, dict[str, Any]]]:
    """The statements `_rows` runs for `kind` in the period of `year`, else the latest (none without periods)."""
    periods: dict[int, int] = {int(y): int(i) for y, i in fetch(PERIOD_YEARS, {})}  # year -> id, oldest first
    if not periods:
        return []
    chosen = periods[year] if year in periods else list(periods.values())[-1]  # as AppState.select_period
    params = parameters(chosen, kind)
    return [(actions_sql(dialect, kind), params), (rows_sql(kind), params)]


def _period_rows(fetch: Fetch) -> Iterator[dict[str, Any]]:
    return (dict(zip(PERIOD_FIELDS, row, strict=True)) for row in fetch(PERIODS, {}))


def _period(fetch: Fetch, year: int) -> PeriodKey:
    """The period of `year` (its id, and the matrix size its scores are read against)."""
    found = fetch(PERIOD_OF_YEAR, {"year": year})
    if not found:
        raise NotFound(f"没有 {year} 年度的登记册。", f"There is no register for {year}.")
    key = PeriodKey(*found[0])
    return key._replace(matrix_size=sound_matrix_size(key))
