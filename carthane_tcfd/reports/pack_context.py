"""What every sheet of the board pack shares: the snapshot, the language, the workbook and page set-up."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from carthane_tcfd.domain.fingerprint import snapshot_hash
from carthane_tcfd.domain.records import ItemSnapshot, RegisterSnapshot
from carthane_tcfd.domain.taxonomy import Lang, PeriodStatus
from carthane_tcfd.reports.pack_text import t
from carthane_tcfd.reports.xlsx import Book, Sheet, put
from carthane_tcfd.reports.xlsx_print import PageFrame, setup_print

CONTENT_ID_DIGITS = 12  # of the content hash, printed on every page

SHEETS = (
    "cover",
    "summary",
    "governance",
    "risks",
    "opportunities",
    "mitigations",
    "matrix",
    "effects",
    "scenarios",
    "scenario_grid",
    "metrics",
    "changes",
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
    content_hash: str = ""
    anchors: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # name -> sheet key, row, column

    def __post_init__(self) -> None:
        for key in SHEETS:
            self.sheets[key] = self.book.add_sheet(self.sheet_name(key))
        # an approved period's pack prints the hash its approval stored
        self.content_hash = self.snapshot.frozen_hash or snapshot_hash(self.snapshot)

    def mark(self, name: str, sheet_key: str, row: int, col: int = 1) -> None:
        """Name a cell that answers something (the disclosure index links to it)."""
        self.anchors[name] = (sheet_key, row, col)

    def anchor(self, name: str) -> tuple[str, str]:
        """(sheet key, cell) of a named cell; a sheet's A1 for a sheet key, or for a name not marked (such as
        "metrics.ghg" when the metrics sheet marks no groups)."""
        if name in self.anchors:
            key, row, col = self.anchors[name]
            return key, f"{chr(ord('A') + col - 1)}{row}"
        key = name if name in self.sheets else name.split(".")[0]
        return (key if key in self.sheets else "cover"), "A1"

    @property
    def content_id(self) -> str:
        """The short content hash printed on every page."""
        return self.content_hash[:CONTENT_ID_DIGITS]

    @property
    def draft(self) -> bool:
        """Every page says DRAFT until the period is approved."""
        return self.snapshot.period.status is not PeriodStatus.APPROVED

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

    @property
    def page_frame(self) -> PageFrame:
        return PageFrame(
            left=f"{self.t('company')} · {self.t('period')} {self.snapshot.period.year}",
            banner=self.t("draft_banner") if self.draft else "",
            right=self.t("confidential_short"),
            content_id=f"{self.t('content_id')} {self.content_id}",
            page_text=self.t("page_of"),
        )

    def print_setup(self, ws: Sheet, *, title_rows: int | None, last_col: int, landscape: bool = True) -> None:
        """The print rules (reports/print_rules.py) applied to a finished sheet."""
        setup_print(ws, self.page_frame, title_rows=title_rows, last_col=last_col, landscape=landscape)

    def title_of(self, item: ItemSnapshot) -> str:
        return self.text_of(item.title, item.title_en)

    def text_of(self, zh: str, en: str) -> str:
        """A text in the edition's language: the English edition prints the Chinese, marked, where the
        English text is still missing."""
        if self.lang == "zh" or not zh.strip():
            return zh
        return en if en.strip() else f"{zh} {self.t('en_pending')}"
