"""The department template's layout (issue 17): its sheets and columns, shared by the writer, the reader
and the import. Headers are bilingual; the reader accepts either language, the writer uses the chosen one."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from carthane_tcfd.domain.effects import NotQuantifiedReason, StatementLine
from carthane_tcfd.domain.item_fields import SHORT_MAX, TEXT_MAX, ItemField, Shape
from carthane_tcfd.domain.records import ITEM_FIELDS
from carthane_tcfd.domain.taxonomy import Category, Coded, Horizon, Lang, MitigationStatus
from carthane_tcfd.domain.validation import FIELD_LABELS

FORMAT_NAME = "carthane-tcfd-template"
FORMAT_VERSION = 1


class ColumnKind(Enum):
    CODE = "code"  # an item code (PR-01)
    CHOICE = "choice"  # one member of a vocabulary, by label or code
    TEXT = "text"
    TICK = "tick"  # one member of a set-valued field: ticked or blank
    SCORE = "score"  # 1..N, N the period's matrix size
    AMOUNT = "amount"  # CNY
    DATE = "date"
    NUMBER = "number"  # a whole number (an action's number within its item)


@dataclass(frozen=True)
class Column:
    field: str  # the draft's attribute this column fills
    kind: ColumnKind
    zh: str
    en: str
    width: int = 14
    limit: int = 0  # TEXT: the field's length limit
    choices: type[Coded] | None = None  # CHOICE and TICK: the vocabulary
    member: str = ""  # TICK: the member's code

    def header(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Sheet:
    key: str
    zh: str
    en: str

    def name(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


ITEMS = Sheet("items", "条目", "Items")
ACTIONS = Sheet("actions", "应对措施", "Actions")
EFFECTS = Sheet("effects", "财务影响", "Financial effects")
INSTRUCTIONS = Sheet("instructions", "填写说明", "Instructions")
LISTS = Sheet("lists", "_lists", "_lists")  # hidden: the labels the dropdowns offer
IDENTITY = Sheet("identity", "_identity", "_identity")  # hidden: register, period, each item's version


_KINDS = {
    Shape.TEXT: ColumnKind.TEXT,
    Shape.CATEGORY: ColumnKind.CHOICE,
    Shape.SCORE: ColumnKind.SCORE,
    Shape.AMOUNT: ColumnKind.AMOUNT,
    Shape.FLAG: ColumnKind.TICK,
}
_WIDTHS = {ColumnKind.CHOICE: 24, ColumnKind.SCORE: 10, ColumnKind.AMOUNT: 16, ColumnKind.TICK: 10}


def _columns_of(spec: ItemField) -> list[Column]:
    """The template's column(s) of one declared field: one per member of a set-valued field."""
    if spec.shape is Shape.CODES:
        assert spec.vocabulary is not None
        return [
            Column(
                spec.name,
                ColumnKind.TICK,
                f"{spec.zh}：{m.label('zh')}",
                f"{spec.en}: {m.label('en')}",
                10,
                0,
                spec.vocabulary,
                m.value,
            )
            for m in spec.vocabulary
        ]
    kind = _KINDS[spec.shape]
    choices = Category if spec.shape is Shape.CATEGORY else None
    long_text = kind is ColumnKind.TEXT and (spec.max_length or 0) > SHORT_MAX
    width = 50 if long_text else _WIDTHS.get(kind, 20)
    return [Column(spec.name, kind, spec.zh, spec.en, width, spec.max_length or 0, choices)]


CODE = Column("code", ColumnKind.CODE, "编号", "Code", width=9)
# The items sheet: the code, then a column for every field the user edits, as the item declares them
# (domain/item_fields.py): a field added there appears in the template and is imported without more code.
ITEM_COLUMNS: tuple[Column, ...] = (CODE, *(c for spec in ITEM_FIELDS if spec.edited for c in _columns_of(spec)))
ACTION_COLUMNS: tuple[Column, ...] = (
    Column("item_code", ColumnKind.CODE, "条目编号", "Item code", width=10),
    Column("number", ColumnKind.NUMBER, "序号", "No.", width=6),
    Column("description", ColumnKind.TEXT, "措施", "Action", width=60, limit=TEXT_MAX),
    Column("description_en", ColumnKind.TEXT, "措施（英文）", "Action (English)", width=60, limit=TEXT_MAX),
    Column("owner", ColumnKind.TEXT, "负责部门", "Owner", width=14, limit=SHORT_MAX),
    Column("due", ColumnKind.DATE, *FIELD_LABELS["due"], width=12),
    Column("status", ColumnKind.CHOICE, *FIELD_LABELS["status"], width=12, choices=MitigationStatus),
    Column("cost_cny", ColumnKind.AMOUNT, *FIELD_LABELS["cost_cny"], width=16),
)
EFFECT_COLUMNS: tuple[Column, ...] = (
    Column("item_code", ColumnKind.CODE, "条目编号", "Item code", width=10),
    Column("current_narrative", ColumnKind.TEXT, "当期财务影响", "Current effect", width=40, limit=TEXT_MAX),
    Column("current_cny", ColumnKind.AMOUNT, "当期影响金额", "Current effect (CNY)", width=16),
    *(
        Column(
            "statement_lines",
            ColumnKind.TICK,
            f"报表项目：{m.label('zh')}",
            f"Statement line: {m.label('en')}",
            10,
            0,
            StatementLine,
            m.value,
        )
        for m in StatementLine
    ),
    Column("material_adjustment", ColumnKind.TICK, "下期重大调整风险", "Risk of material adjustment", width=12),
    Column("reason", ColumnKind.CHOICE, "未量化原因", "Reason not quantified", width=24, choices=NotQuantifiedReason),
    Column("reason_text", ColumnKind.TEXT, "未量化说明", "Explanation", width=30, limit=TEXT_MAX),
    *(
        column
        for h in Horizon
        for column in (
            Column(
                f"anticipated.{h.value}.low_cny",
                ColumnKind.AMOUNT,
                f"预期影响下限（{h.label('zh')}）",
                f"Anticipated low ({h.label('en')})",
                width=16,
            ),
            Column(
                f"anticipated.{h.value}.high_cny",
                ColumnKind.AMOUNT,
                f"预期影响上限（{h.label('zh')}）",
                f"Anticipated high ({h.label('en')})",
                width=16,
            ),
            Column(
                f"anticipated.{h.value}.basis",
                ColumnKind.TEXT,
                f"预期影响依据（{h.label('zh')}）",
                f"Anticipated basis ({h.label('en')})",
                width=30,
                limit=TEXT_MAX,
            ),
        )
    ),
)
# The fields of a draft that the items sheet fills (set-valued ones through several TICK columns).
ITEM_COLUMN_FIELDS: tuple[str, ...] = tuple(dict.fromkeys(c.field for c in ITEM_COLUMNS if c.field != "code"))
ACTION_FIELDS: tuple[str, ...] = tuple(c.field for c in ACTION_COLUMNS[2:])  # a mitigation's, as drafts name them


def column_letter(index: int) -> str:
    """Excel's letter(s) of a column numbered from 1."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
