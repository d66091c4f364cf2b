"""The item editor panel beside the register table: every field of an item and its mitigations."""

from __future__ import annotations

import dataclasses
import itertools
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from carthane_tcfd.domain.effects_validation import validate_effects
from carthane_tcfd.domain.records import ItemDraft, ItemSnapshot
from carthane_tcfd.domain.scales import impact_level_for_amount, threshold_text
from carthane_tcfd.domain.taxonomy import Category, FinancialImpact, Horizon, Kind, Lang, ValueChain, categories_of
from carthane_tcfd.domain.validation import Problem, parse_amount, problem, validate_item
from carthane_tcfd.ui import styles
from carthane_tcfd.ui.models.mitigation_model import DESCRIPTION, DESCRIPTION_EN, DUE, MitigationModel
from carthane_tcfd.ui.plain import plain
from carthane_tcfd.ui.widgets.editor_widgets import CheckList, ScorePicker
from carthane_tcfd.ui.widgets.effects_editor import EffectsEditor
from carthane_tcfd.ui.widgets.mitigation_delegate import MitigationDelegate


class ItemEditor(QWidget):
    """Shows one item (or a new one) for editing. It validates to show problems early; the services decide."""

    save_requested = Signal()
    revert_requested = Signal()
    history_requested = Signal()
    dirty_changed = Signal(bool)
    loaded = Signal()  # the form now shows another item (or none, or a new one)

    def __init__(self, lang: Lang, parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.item: ItemSnapshot | None = None
        self.kind = Kind.RISK
        self.matrix_size = 5
        self.thresholds: tuple[int, ...] = ()
        self._dirty = False
        self._loading = False
        self._creating = False
        self._read_only = False
        self._read_only_reason = ""
        self._loaded = ItemDraft(Category.PHYSICAL_ACUTE, "")  # what the form was filled with
        self._errors: dict[str, QLabel] = {}
        self._build()
        self.set_read_only(False, "")
        self.clear()

    # ---- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        self._build_header(outer)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self._build_fields(body)
        rows = self._build_form(body)
        outer.addLayout(self._build_buttons())
        self._chain_tab_order(rows)
        self._connect()

    def _build_header(self, outer: QVBoxLayout) -> None:
        """The heading (code and title), the banner (read-only, illustrative scores) and the problem summary."""
        self.heading = plain(QLabel(self))
        self.heading.setObjectName("editor_heading")
        self.heading.setStyleSheet("font-size:15px; font-weight:bold;")
        self.banner = plain(QLabel(self))
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(styles.BANNER)
        self.summary = plain(QLabel(self))
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(styles.ERROR)
        outer.addWidget(self.heading)
        outer.addWidget(self.banner)
        outer.addWidget(self.summary)

    def _build_fields(self, body: QWidget) -> None:
        """One widget per field of the item."""
        self.category = QComboBox(body)
        self.title_edit = QLineEdit(body)
        self.title_en = QLineEdit(body)
        self.description = QPlainTextEdit(body)
        self.description_en = QPlainTextEdit(body)  # beside the Chinese: the English board pack prints it
        self.descriptions = QWidget(body)
        pair = QHBoxLayout(self.descriptions)
        pair.setContentsMargins(0, 0, 0, 0)
        for edit, hint in ((self.description, self.tr("Chinese")), (self.description_en, self.tr("English"))):
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(70)
            edit.setPlaceholderText(hint)
            pair.addWidget(edit)
        self._source = ""  # where a seeded item was transcribed from; kept as it is
        self.horizons = CheckList(Horizon, self.lang)
        self.value_chain = CheckList(ValueChain, self.lang)
        self.impacts = CheckList(FinancialImpact, self.lang, columns=2)
        self.estimate = self._build_estimate(body)
        self.inherent = ScorePicker(self.lang)
        self.residual = ScorePicker(self.lang)
        self.owner = QLineEdit(body)
        self.sites = QLineEdit(body)
        self.notes = QPlainTextEdit(body)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(70)
        self.closed = QCheckBox(self.tr("Closed: kept in the register and in comparisons, not deleted"), body)
        self.closed.setObjectName("closed")
        self.closed_reason = QLineEdit(body)
        self.closed_reason.setObjectName("closed_reason")
        self.closed_reason.setPlaceholderText(self.tr("Why the item is closed (required to close it)"))
        self._build_mitigations(body)
        self.effects_editor = EffectsEditor(self.lang, body)

    def _build_estimate(self, body: QWidget) -> QWidget:
        """Low – high estimate in CNY, with the impact level it hints at."""
        self.estimate_low = QLineEdit(body)
        self.estimate_high = QLineEdit(body)
        for edit in (self.estimate_low, self.estimate_high):
            edit.setPlaceholderText(self.tr("CNY, optional"))
        estimate = QWidget(body)
        row = QHBoxLayout(estimate)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.estimate_low)
        row.addWidget(QLabel("–"))
        row.addWidget(self.estimate_high)
        self.estimate_hint = plain(QLabel(estimate))
        self.estimate_hint.setObjectName("estimate_hint")
        self.estimate_hint.setStyleSheet(styles.HINT)
        row.addWidget(self.estimate_hint)
        return estimate

    def _build_mitigations(self, body: QWidget) -> None:
        """The actions as an editable table, with add / remove / move buttons below it."""
        self.mitigations = MitigationModel(self.lang, self)
        self.mitigation_view = QTableView(body)
        self.mitigation_view.setObjectName("mitigation_view")
        self.mitigation_view.setModel(self.mitigations)
        self.mitigation_view.setItemDelegate(MitigationDelegate(self.lang, self.mitigation_view))
        self.mitigation_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.mitigation_view.setWordWrap(True)
        self.mitigation_view.setMinimumHeight(220)
        header = self.mitigation_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the two texts wrap in columns of their own width (the table scrolls sideways when narrow):
        # sized to their contents, the English one took the whole width and left the Chinese 18 px
        for column in (DESCRIPTION, DESCRIPTION_EN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, 200)
        # an empty Due column would size to its header: wide enough for a date and the calendar button
        header.setSectionResizeMode(DUE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(DUE, self.fontMetrics().horizontalAdvance("2026-12-31") + 32)
        self.mitigation_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.mitigation_buttons = QWidget(body)
        button_row = QHBoxLayout(self.mitigation_buttons)
        button_row.setContentsMargins(0, 0, 0, 0)
        self.add_action = QPushButton(self.tr("Add action"), self.mitigation_buttons)
        self.remove_action = QPushButton(self.tr("Remove"), self.mitigation_buttons)
        self.up_action = QPushButton(self.tr("Move up"), self.mitigation_buttons)
        self.down_action = QPushButton(self.tr("Move down"), self.mitigation_buttons)
        for button in (self.add_action, self.remove_action, self.up_action, self.down_action):
            button_row.addWidget(button)
        button_row.addStretch(1)

    def _build_form(self, body: QWidget) -> list[QWidget]:
        """A labelled row per field, each with the place its problems are shown; the rows' widgets in order."""
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # a narrow editor (1366×768) puts a row's label above its field rather than cutting either
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        fields: list[tuple[str, QWidget, str]] = [
            (self.tr("Category"), self.category, "category"),
            (self.tr("Title"), self.title_edit, "title"),
            (self.tr("English title"), self.title_en, "title_en"),
            (self.tr("Description (Chinese | English)"), self.descriptions, "description"),
            (self.tr("Time horizons"), self.horizons, "horizons"),
            (self.tr("Value chain"), self.value_chain, "value_chain"),
            (self.tr("Financial impacts"), self.impacts, "financial_impacts"),
            (self.tr("Estimate (CNY)"), self.estimate, "estimate_high_cny"),
            (self.tr("Inherent score"), self.inherent, "impact"),
            (self.tr("Residual score"), self.residual, "residual_impact"),
            (self.tr("Owner"), self.owner, "owner"),
            (self.tr("Sites"), self.sites, "sites"),
            (self.tr("Notes"), self.notes, "notes"),
            (self.tr("Closed"), self.closed, "closed"),
            (self.tr("Reason closed"), self.closed_reason, "closed_reason"),
            (self.tr("Mitigations"), self.mitigation_view, "mitigations"),
            ("", self.mitigation_buttons, ""),
        ]
        for label, widget, field in fields:
            holder = QWidget(body)
            stack = QVBoxLayout(holder)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.setSpacing(1)
            stack.addWidget(widget)
            if field:
                error = plain(QLabel(holder))
                error.setStyleSheet(styles.ERROR)
                error.setWordWrap(True)
                error.hide()
                stack.addWidget(error)
                self._errors[field] = error
            form.addRow(label, holder)
        form.addRow(self.effects_editor)
        self._errors["estimate_low_cny"] = self._errors["estimate_high_cny"]
        self._errors["likelihood"] = self._errors["impact"]
        self._errors["residual_likelihood"] = self._errors["residual_impact"]
        return [widget for _, widget, _ in fields]

    def _chain_tab_order(self, rows: list[QWidget]) -> None:
        """Tab walks the form in the order it is shown, every control included (Qt's own chain skipped the
        check lists and the score pickers); the buttons below the form come last. In the actions table Tab
        leaves the table (the arrow keys move between its cells)."""
        self.mitigation_view.setTabKeyNavigation(False)

        def stops(widget: QWidget) -> list[QWidget]:
            """The widget if it takes focus (a combo box's popup is its own), else the stops of its children."""
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                return [widget]
            children = widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            return [stop for child in children for stop in stops(child)]

        chain = [stop for row in rows for stop in stops(row)]
        chain += [self.history_button, self.revert_button, self.save_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _build_buttons(self) -> QHBoxLayout:
        """History on the left; Revert and Save on the right."""
        actions = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.history_button = QPushButton(self.tr("History…"), self)
        actions.addWidget(self.history_button)
        actions.addStretch(1)
        actions.addWidget(self.revert_button)
        actions.addWidget(self.save_button)
        return actions

    def _connect(self) -> None:
        self.save_button.clicked.connect(self.save_requested)
        self.revert_button.clicked.connect(self.revert_requested)
        self.history_button.clicked.connect(self.history_requested)
        self.estimate_low.textChanged.connect(self._hint_impact_level)
        self.estimate_high.textChanged.connect(self._hint_impact_level)
        self.add_action.clicked.connect(self._add_mitigation)
        self.remove_action.clicked.connect(lambda: self.mitigations.remove(self._current_mitigation()))
        self.up_action.clicked.connect(lambda: self._move_mitigation(-1))
        self.down_action.clicked.connect(lambda: self._move_mitigation(1))
        self.horizons.changed.connect(lambda: self.effects_editor.set_horizons(self.horizons.values()))
        for signal in (
            self.category.currentIndexChanged,
            self.title_edit.textEdited,
            self.title_en.textEdited,
            self.description.textChanged,
            self.description_en.textChanged,
            self.horizons.changed,
            self.value_chain.changed,
            self.impacts.changed,
            self.estimate_low.textEdited,
            self.estimate_high.textEdited,
            self.inherent.changed,
            self.residual.changed,
            self.owner.textEdited,
            self.sites.textEdited,
            self.notes.textChanged,
            self.closed.toggled,
            self.closed_reason.textEdited,
            self.mitigations.edited,
            self.effects_editor.changed,
        ):
            signal.connect(self._mark_dirty)

    # ---- state --------------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self._dirty

    def _mark_dirty(self, *_args: Any) -> None:
        if not self._loading and not self._dirty:
            self._dirty = True
            self.dirty_changed.emit(True)
        self._refresh_buttons()

    def _set_clean(self) -> None:
        was = self._dirty
        self._dirty = False
        if was:
            self.dirty_changed.emit(False)
        self._refresh_buttons()

    def _refresh_buttons(self) -> None:
        editable = not self._read_only and (self.item is not None or self._creating)
        self.save_button.setEnabled(editable and self._dirty)
        self.revert_button.setEnabled(self._dirty)
        self.history_button.setEnabled(self.item is not None)

    def set_read_only(self, read_only: bool, reason: str) -> None:
        self._read_only = read_only
        for widget in (
            self.category,
            self.title_edit,
            self.title_en,
            self.horizons,
            self.value_chain,
            self.impacts,
            self.estimate_low,
            self.estimate_high,
            self.inherent,
            self.residual,
            self.owner,
            self.sites,
            self.closed,
            self.closed_reason,
            self.add_action,
            self.remove_action,
            self.up_action,
            self.down_action,
        ):
            widget.setEnabled(not read_only)
        for text in (self.description, self.description_en, self.notes):
            text.setReadOnly(read_only)
        self.mitigations.read_only = read_only
        self.effects_editor.set_read_only(read_only)
        self._read_only_reason = reason
        self._refresh_banner()
        self._refresh_buttons()

    def _refresh_banner(self) -> None:
        notes = []
        if self._read_only and self._read_only_reason:
            notes.append(self._read_only_reason)
        if self.item is not None and self.item.scores_illustrative:
            notes.append(
                self.tr(
                    "Illustrative assessment: the 2024 report gives no scores. Rescoring the item "
                    "replaces them with your assessment."
                )
            )
        self.banner.setText("\n".join(notes))
        self.banner.setVisible(bool(notes))

    # ---- loading ------------------------------------------------------------------------------
    def clear(self) -> None:
        self.item = None
        self._creating = False
        self.heading.setText(self.tr("No item selected"))
        self._fill(ItemDraft(categories_of(self.kind)[0], ""))
        self.setEnabled(False)
        self._refresh_banner()

    def load(self, item: ItemSnapshot, matrix_size: int) -> None:
        self.item = item
        self._creating = False
        self.kind = item.kind
        self.matrix_size = matrix_size
        self.heading.setText(f"{item.code} · {item.display_title(self.lang)}")
        self._fill(item.to_draft())
        self.setEnabled(True)
        self._refresh_banner()

    def start_new(self, kind: Kind, matrix_size: int) -> None:
        self.item = None
        self._creating = True
        self.kind = kind
        self.matrix_size = matrix_size
        self.heading.setText(self.tr("New risk") if kind is Kind.RISK else self.tr("New opportunity"))
        self._fill(ItemDraft(categories_of(kind)[0], ""))
        self.setEnabled(True)
        self._refresh_banner()
        self._mark_dirty()
        self.title_edit.setFocus()

    @property
    def creating(self) -> bool:
        return self._creating

    def load_draft(self, draft: ItemDraft) -> None:
        """Put a draft (the user's own edits, kept across a conflict) back into the form, still unsaved."""
        self._fill(draft)
        self._mark_dirty()

    def _fill(self, draft: ItemDraft) -> None:
        self._loading = True
        try:
            self.category.clear()
            for category in categories_of(self.kind):
                self.category.addItem(category.label(self.lang), category.value)
            self.category.setCurrentIndex(max(0, self.category.findData(draft.category.value)))
            self.title_edit.setText(draft.title)
            self.title_en.setText(draft.title_en)
            self.description.setPlainText(draft.description)
            self.description_en.setPlainText(draft.description_en)
            self._source = draft.source
            self.horizons.set_values(draft.horizons)
            self.value_chain.set_values(draft.value_chain)
            self.impacts.set_values(draft.financial_impacts)
            self.estimate_low.setText("" if draft.estimate_low_cny is None else f"{draft.estimate_low_cny:f}")
            self.estimate_high.setText("" if draft.estimate_high_cny is None else f"{draft.estimate_high_cny:f}")
            for picker in (self.inherent, self.residual):
                picker.configure(self.kind, self.matrix_size)
            self.inherent.set_values(draft.likelihood, draft.impact)
            self.residual.set_values(draft.residual_likelihood, draft.residual_impact)
            self.owner.setText(draft.owner)
            self.sites.setText(draft.sites)
            self.notes.setPlainText(draft.notes)
            self.closed.setChecked(draft.closed)
            self.closed_reason.setText(draft.closed_reason)
            self.mitigations.set_drafts(draft.mitigations)
            self.effects_editor.set_effects(draft.effects, draft.horizons)
            self._loaded = draft
        finally:
            self._loading = False
        self.show_problems([])
        self._set_clean()
        self.loaded.emit()

    # ---- reading the form ---------------------------------------------------------------------
    def draft(self) -> tuple[ItemDraft, list[Problem]]:
        """The form as a draft, with every problem the domain finds (nothing is saved here)."""
        problems: list[Problem] = []
        low = _money(self.estimate_low.text(), "estimate_low_cny", problems)
        high = _money(self.estimate_high.text(), "estimate_high_cny", problems)
        likelihood, impact = self.inherent.values()
        residual_likelihood, residual_impact = self.residual.values()
        # fields without a widget here (the illustrative mark, any field the form does not show) keep their value
        draft = dataclasses.replace(
            self._loaded,
            category=Category(self.category.currentData()),
            title=self.title_edit.text(),
            title_en=self.title_en.text(),
            description=self.description.toPlainText(),
            description_en=self.description_en.toPlainText(),
            source=self._source,
            horizons=self.horizons.values(),
            value_chain=self.value_chain.values(),
            financial_impacts=self.impacts.values(),
            estimate_low_cny=low,
            estimate_high_cny=high,
            likelihood=likelihood,
            impact=impact,
            residual_likelihood=residual_likelihood,
            residual_impact=residual_impact,
            owner=self.owner.text(),
            sites=self.sites.text(),
            notes=self.notes.toPlainText(),
            closed=self.closed.isChecked(),
            closed_reason=self.closed_reason.text(),
            mitigations=self.mitigations.drafts(),
            effects=self.effects_editor.effects(problems),
        )
        problems += validate_item(draft, self.matrix_size) + validate_effects(draft.effects, draft.horizons)
        return draft, problems

    def show_problems(self, problems: list[Problem]) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()
        for p in problems:
            key = "mitigations" if p.field.startswith("mitigations[") else p.field
            target = self._errors.get(key)
            if target is not None:
                target.setText("\n".join(filter(None, [target.text(), p.message(self.lang)])))
                target.show()
        self.effects_editor.show_problems(problems)
        self.summary.setText(self.tr("Please correct the fields marked in red; nothing was saved.") if problems else "")
        self.summary.setVisible(bool(problems))

    def set_thresholds(self, thresholds: tuple[int, ...]) -> None:
        """The period's CNY bounds of the impact levels, for the hint beside the estimate."""
        self.thresholds = thresholds
        self._hint_impact_level()

    def _hint_impact_level(self, *_args: Any) -> None:
        """The impact level the estimate falls in under the period's thresholds (a hint; the officer scores)."""
        try:
            amount = parse_amount(self.estimate_high.text()) or parse_amount(self.estimate_low.text())
        except ValueError:
            amount = None
        if amount is None or len(self.thresholds) != self.matrix_size - 1:
            self.estimate_hint.clear()
            return
        level = impact_level_for_amount(float(amount), self.thresholds)
        text = self.tr("≈ impact level %1 (%2)").replace("%1", str(level))
        self.estimate_hint.setText(text.replace("%2", threshold_text(level, self.thresholds, self.lang)))

    # ---- mitigations --------------------------------------------------------------------------
    def _current_mitigation(self) -> int:
        index = self.mitigation_view.currentIndex()
        return index.row() if index.isValid() else -1

    def _add_mitigation(self) -> None:
        row = self.mitigations.add()
        index = self.mitigations.index(row, 0)
        self.mitigation_view.setCurrentIndex(index)
        self.mitigation_view.edit(index)

    def _move_mitigation(self, delta: int) -> None:
        current = self.mitigation_view.currentIndex()
        if current.isValid():
            row = self.mitigations.move(current.row(), delta)
            self.mitigation_view.setCurrentIndex(self.mitigations.index(row, current.column()))

    def focus_title(self) -> None:
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)


def _money(text: str, field: str, problems: list[Problem]) -> Decimal | None:
    try:
        return parse_amount(text)
    except ValueError:
        problems.append(problem(field, "须为金额数字", "must be an amount in numbers"))
        return None
