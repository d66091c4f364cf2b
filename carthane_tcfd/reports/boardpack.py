"""The board pack: one workbook for the Board Strategy Committee, built from a register snapshot."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from carthane_tcfd.domain.records import RegisterSnapshot
from carthane_tcfd.domain.taxonomy import Kind, Lang
from carthane_tcfd.reports.atomic import write_atomically
from carthane_tcfd.reports.pack_changes import build_changes
from carthane_tcfd.reports.pack_context import SHEETS, PackContext
from carthane_tcfd.reports.pack_cover import build_cover, build_summary
from carthane_tcfd.reports.pack_disclosure import build_disclosure_index
from carthane_tcfd.reports.pack_effects import build_financial_effects, build_scenario_analysis, build_scenario_grid
from carthane_tcfd.reports.pack_front import build_governance
from carthane_tcfd.reports.pack_metrics import build_metrics
from carthane_tcfd.reports.pack_reference import (
    build_matrix_sheet,
    build_methodology,
)
from carthane_tcfd.reports.pack_registers import build_mitigations, build_register
from carthane_tcfd.reports.pack_text import t
from carthane_tcfd.reports.xlsx import Book


def default_file_name(year: int, lang: Lang) -> str:
    return f"凯众TCFD董事会材料_{year}.xlsx" if lang == "zh" else f"Carthane_TCFD_board_pack_{year}.xlsx"


Progress = Callable[[int, int], None]  # (steps done, steps in all); may raise Cancelled to stop the export


def _builders(ctx: PackContext) -> list[Callable[[], None]]:
    """Every sheet of the pack, in order."""
    return [
        lambda: build_cover(ctx),
        lambda: build_summary(ctx),
        lambda: build_governance(ctx),
        lambda: build_register(ctx, Kind.RISK),
        lambda: build_register(ctx, Kind.OPPORTUNITY),
        lambda: build_mitigations(ctx),
        lambda: build_matrix_sheet(ctx),
        lambda: build_financial_effects(ctx),
        lambda: build_scenario_analysis(ctx),
        lambda: build_scenario_grid(ctx),
        lambda: build_metrics(ctx),
        lambda: build_changes(ctx),
        lambda: build_methodology(ctx),
        lambda: build_disclosure_index(ctx),
    ]


def write_workbook(
    snapshot: RegisterSnapshot,
    target: Path | IO[bytes],
    lang: Lang = "zh",
    *,
    today: dt.date | None = None,
    matrix_png: bytes | None = None,
    progress: Progress | None = None,
    steps_before: int = 0,
) -> None:
    """Write the pack's workbook to a file or a binary stream, reporting each sheet to `progress`."""
    with collector_paused():
        _write(snapshot, target, lang, today or dt.date.today(), matrix_png, progress, steps_before)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while the pack is written: xlsxwriter keeps every cell
    until the file is written (700,000 at 10,000 items), and each of the collector's full passes, set
    off by those allocations, walks them and the snapshot's million records again, to find nothing (a
    fifth of a 10,000-item pack's time; README "Performance"). Cycles made meanwhile are collected
    after."""
    if not gc.isenabled():  # paused already (a pack written inside another pause)
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _write(
    snapshot: RegisterSnapshot,
    target: Path | IO[bytes],
    lang: Lang,
    today: dt.date,
    matrix_png: bytes | None,
    progress: Progress | None,
    steps_before: int,
) -> None:
    book = Book(target)
    try:
        ctx = PackContext(snapshot, lang, book, today, matrix_png)
        builders = _builders(ctx)
        total = steps_before + len(builders) + 1
        for done, build in enumerate(builders, start=steps_before):
            if progress:
                progress(done, total)
            build()
        if progress:
            progress(total - 1, total)  # writing the file, the last step, cannot be interrupted
        book.wb.set_properties(
            {
                "title": f"{t('report_title', lang)} {snapshot.period.year}",
                "author": snapshot.prepared_by,
                "company": t("company", lang),
            }
        )
        book.close()
        if progress:
            progress(total, total)
    finally:
        book.release()


def write_board_pack(
    snapshot: RegisterSnapshot,
    path: Path,
    lang: Lang = "zh",
    *,
    with_matrix_image: bool = True,
    progress: Progress | None = None,
) -> Path:
    """Build the pack and write it atomically: the file at `path` is replaced only by a complete pack. A
    `progress` that raises (Cancelled) stops it, and no file is left behind."""
    matrix_png = None
    if with_matrix_image and snapshot.items:
        from carthane_tcfd.reports.matrix_figure import matrix_png_bytes

        if progress:
            progress(0, 1 + len(SHEETS) + 1)
        matrix_png = matrix_png_bytes(snapshot, lang, dpi=150)  # printed across the page: sharp at 150 dpi
    return write_atomically(
        path,
        lambda temp: write_workbook(snapshot, temp, lang, matrix_png=matrix_png, progress=progress, steps_before=1),
    )
