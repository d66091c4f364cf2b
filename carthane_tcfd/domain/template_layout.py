"""The department template's layout (issue 17): its sheets and columns, shared by the writer, the reader
and the import. Headers are bilingual; the reader accepts either language, the writer uses the chosen one."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from carthane_tcfd.domain.effects import Direction, NotQuantifiedReason, StatementLine
from carthane_tcfd.domain.effects_validation import NARRATIVE_MAX
from carthane_tcfd.domain.ghg import LineStatus, TargetMetric, TargetStatus
from carthane_tcfd.domain.item_fields import SHORT_MAX, TEXT_MAX, TITLE_MAX, ItemField, Shape
from carthane_tcfd.domain.metrics_validation import REASON_MAX, SOURCE_MAX
from carthane_tcfd.domain.records import ITEM_FIELDS
from carthane_tcfd.domain.taxonomy import Category, Coded, Horizon, Lang, MitigationStatus
from carthane_tcfd.domain.validation import FIELD_LABELS

FORMAT_NAME = "carthane-tcfd-template"
FORMAT_VERSION = 2  # 2: the scenario grid and metrics sheets, the register's identity


class ColumnKind(Enum):
    CODE = "code"  # an item code (PR-01)
    CHOICE = "choice"  # one member of a vocabulary, by label or code
    TEXT = "text"
    TICK = "tick"  # one member of a set-valued field: ticked or blank
    SCORE = "score"  # 1..N, N the period's matrix size
    AMOUNT = "amount"  # CNY
    DATE = "date"
    NUMBER = "number"  # a whole number (an action's number within its item)
    NAME = "name"  # one of the period's own names (a scenario's), resolved by the import
    FIGURE = "figure"  # a metric's figure: any finite number, checked by the metric's own rules
    KEY = "key"  # a metric's key as the register names it (scope1.natural_gas, custom.1)
    INFO = "info"  # shown to help whoever fills the sheet; read, never imported


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
GRID = Sheet("grid", "情景分析", "Scenario grid")
METRICS = Sheet("metrics", "指标", "Metrics")
TARGETS = Sheet("targets", "目标", "Targets")
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
# The scenario assessment grid: one row per item, scenario and horizon the item covers.
GRID_COLUMNS: tuple[Column, ...] = (
    Column("item_code", ColumnKind.CODE, "条目编号", "Item code", width=10),
    Column("title", ColumnKind.INFO, "条目名称", "Item", width=30),
    Column("scenario", ColumnKind.NAME, "情景", "Scenario", width=30, limit=TITLE_MAX),
    Column("horizon", ColumnKind.CHOICE, "时间范围", "Horizon", width=12, choices=Horizon),
    Column("direction", ColumnKind.CHOICE, "影响方向", "Direction", width=12, choices=Direction),
    Column("level", ColumnKind.SCORE, "影响等级", "Level", width=8),
    Column("low_cny", ColumnKind.AMOUNT, "影响金额下限（元）", "Low (CNY)", width=16),
    Column("high_cny", ColumnKind.AMOUNT, "影响金额上限（元）", "High (CNY)", width=16),
    Column("narrative", ColumnKind.TEXT, "说明", "Narrative", width=50, limit=NARRATIVE_MAX),
)
GRID_FIELDS: tuple[str, ...] = (
    "direction",
    "level",
    "low_cny",
    "high_cny",
    "narrative",
)  # a cell's, as drafts name them
# The period's metrics: one row per inventory line (by its code), then one per custom metric (custom.N).
CUSTOM_KEY = "custom."
METRIC_COLUMNS: tuple[Column, ...] = (
    Column("key", ColumnKind.KEY, "指标代码", "Key", width=26, limit=64),
    Column("name", ColumnKind.INFO, "指标", "Metric", width=40),
    Column("unit", ColumnKind.INFO, "单位", "Unit", width=14),
    Column("value", ColumnKind.FIGURE, "数值", "Value", width=16),
    Column("tce", ColumnKind.FIGURE, "折标准煤（吨）", "Coal equivalent (tce)", width=16),
    Column("status", ColumnKind.CHOICE, "核算状态", "Status", width=14, choices=LineStatus),
    Column("reason", ColumnKind.TEXT, "未核算原因", "Reason left out", width=30, limit=REASON_MAX),
    Column("source", ColumnKind.TEXT, "出处", "Source", width=30, limit=SOURCE_MAX),
)
METRIC_FIELDS: tuple[str, ...] = ("value", "tce", "status", "reason", "source")  # a line's, as the register names them
CUSTOM_FIELDS: tuple[str, ...] = ("value", "source")  # what a custom metric's row may change
# The period's climate targets: one row per target by its number (blank for a new one); milestones are
# kept as the register holds them (edited on the Metrics page).
TARGET_COLUMNS: tuple[Column, ...] = (
    Column("number", ColumnKind.NUMBER, "序号", "No.", width=6),
    Column("title", ColumnKind.TEXT, "目标名称", "Title", width=36, limit=TITLE_MAX),
    Column("title_en", ColumnKind.TEXT, "目标名称（英文）", "Title (English)", width=36, limit=TITLE_MAX),
    Column("metric", ColumnKind.CHOICE, "目标指标", "Target metric", width=24, choices=TargetMetric),
    Column("coverage", ColumnKind.TEXT, "覆盖范围", "Coverage", width=30, limit=TEXT_MAX),
    Column("base_year", ColumnKind.NUMBER, "基准年", "Base year", width=10),
    Column("base_value", ColumnKind.FIGURE, "基准值", "Base value", width=16),
    Column("target_year", ColumnKind.NUMBER, "目标年", "Target year", width=10),
    Column("target_value", ColumnKind.FIGURE, "目标值", "Target value", width=16),
    Column("status", ColumnKind.CHOICE, "目标状态", "Target status", width=14, choices=TargetStatus),
    Column("science_based", ColumnKind.TICK, "科学碳目标", "Science-based", width=12),
    Column("validated", ColumnKind.TICK, "已获验证", "Validated", width=12),
)
TARGET_FIELDS: tuple[str, ...] = tuple(c.field for c in TARGET_COLUMNS[1:])
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
