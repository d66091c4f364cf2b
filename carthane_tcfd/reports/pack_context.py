"""What every sheet of the board pack shares: the snapshot, the language, the workbook and page set-up."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from carthane_tcfd.domain.records import ItemSnapshot, RegisterSnapshot
from carthane_tcfd.domain.taxonomy import Lang
from carthane_tcfd.reports.pack_text import t
from carthane_tcfd.reports.xlsx import Book, Sheet, put, setup_print

SHEETS = (
    "cover",
    "governance",
    "summary",
    "risks",
    "opportunities",
    "mitigations",
    "matrix",
    "metrics",
    "methodology",
    "disclosure",
)


@dataclass
class PackContext:
    snapshot: RegisterSnapshot
    lang: Lang
    book: Book
    today: dt.date = field(default_factory=dt.date.today)
    matrix_png: bytes | None = None
    sheets: dict[str, Sheet] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key in SHEETS:
            self.sheets[key] = self.book.add_sheet(self.sheet_name(key))

    def t(self, key: str) -> str:
        return t(key, self.lang)

    def sheet_name(self, key: str) -> str:
        return t(f"sheet.{key}", self.lang)

    def sheet(self, key: str) -> Sheet:
        return self.sheets[key]

    @property
    def period_text(self) -> str:
        p = self.snapshot.period
        return f"{p.year} · {p.status.label(self.lang)}"

    def title_block(self, ws: Sheet, key: str) -> int:
        """Sheet title and period line in rows 1–2; the next free row."""
        put(ws, 1, 1, self.t(key), "pack_title")
        put(ws, 2, 1, f"{self.t('company')} · {self.t('period')} {self.period_text}", "pack_subtitle")
        ws.height(1, 28)
        return 4

    def print_setup(self, ws: Sheet, *, title_rows: int | None, last_col: int) -> None:
        setup_print(
            ws,
            header_left=self.t("company"),
            header_center=f"{self.t('period')} {self.period_text}",
            confidential=self.t("confidential_short"),
            page_text=self.t("page_of"),
            title_rows=title_rows,
            last_col=last_col,
        )

    def title_of(self, item: ItemSnapshot) -> str:
        return item.display_title(self.lang)
