"""Classes 1 and 2: hostile text goes through the services on both databases and comes back unchanged;
every report shows it literally (no mathtext, no formula) and whole (nothing cut without a word)."""

from __future__ import annotations

import datetime as dt
import io
import re

import openpyxl
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from carthane_tcfd.domain.records import ItemDraft, MitigationDraft, Narrative, PeriodDraft
from carthane_tcfd.domain.taxonomy import Category
from carthane_tcfd.domain.validation import NARRATIVE_MAX
from carthane_tcfd.reports.boardpack import write_board_pack, write_workbook
from carthane_tcfd.reports.charts import dashboard_figure
from carthane_tcfd.reports.matrix_export import export_matrix
from carthane_tcfd.reports.matrix_figure import matrix_pages
from carthane_tcfd.reports.matrix_model import MatrixView
from carthane_tcfd.reports.xlsx import CELL_MAX, Book, CellTooLong, cell_length, joined, put
from tests.reliability.payloads import STORABLE


def hostile_draft(name: str, text: str) -> ItemDraft:
    return ItemDraft(
        Category.TRANSITION_MARKET,
        f"{name}: {text}",
        title_en=text,
        description=text,
        owner=text[:200],
        notes=text,
        likelihood=3,
        impact=4,
        residual_likelihood=2,
        residual_impact=2,
        mitigations=[MitigationDraft(text, owner=text[:200], due=dt.date(2026, 1, 1))],
    )


def as_excel_reads(text: str) -> str:
    """A cell's text as Excel shows it: openpyxl leaves a control character as "_xHHHH_"."""
    return re.sub(r"_x(00[01][0-9A-F])_", lambda m: chr(int(m.group(1), 16)), text)


def all_cell_text(workbook_bytes: bytes) -> list[str]:
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes))
    return [
        as_excel_reads(c.value)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str)
    ]


def test_hostile_text_round_trips_and_prints_literally(register, tmp_path):
    created = {name: register.items.create(2024, hostile_draft(name, text)) for name, text in STORABLE.items()}
    for name, text in STORABLE.items():
        back = register.items.get(created[name].id)
        assert (back.title, back.description, back.notes, back.mitigations[0].description) == (
            f"{name}: {text}",
            text,
            text,
            text,
        )
    snapshot = register.periods.snapshot(2024)
    pack = tmp_path / "pack.xlsx"
    write_board_pack(snapshot, pack, "en")
    cells = all_cell_text(pack.read_bytes())
    for name, text in STORABLE.items():
        assert any(text in c for c in cells), name
    wb = openpyxl.load_workbook(pack)
    formulas = [c.coordinate for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []
    assert export_matrix(snapshot, tmp_path / "m.pdf", view=MatrixView.COMBINED, lang="en") >= 2
    assert export_matrix(snapshot, tmp_path / "m.png", lang="zh") >= 1


def texts_drawn(figure) -> list[str]:
    FigureCanvasAgg(figure).draw()  # mathtext would fail here, or garble the text
    return [t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text"))]


def test_dollar_signs_are_drawn_as_dollar_signs(register):
    item = register.items.create(2024, hostile_draft("m", STORABLE["mathtext_units"]))
    view = register.periods.snapshot(2024)
    page = matrix_pages(view, item.kind, MatrixView.INHERENT, "en")[0]
    texts = texts_drawn(page.figure)
    line = next(t for t in texts if t.startswith(item.code + "  "))
    assert "US$50/t to US$100/t" in line
    text_artist = next(a for a in page.figure.texts if a.get_text() == line)
    assert not text_artist._parse_math  # drawn literally, not as $…$ mathematics


def test_the_dashboard_draws_any_text(register, snapshot):
    actions = register.items.action_counts(2024, dt.date(2025, 1, 1))
    texts_drawn(dashboard_figure(snapshot, actions, "en"))


def test_a_text_longer_than_a_cell_fails_clearly_instead_of_being_cut():
    book = Book(io.BytesIO())
    ws = book.add_sheet("S")
    with pytest.raises(CellTooLong) as caught:  # a heading does not wrap (wrapped text goes on below)
        put(ws, 3, 2, "x" * (CELL_MAX + 1), "pack_heading")
    assert "B3" in caught.value.en and "32,768" in caught.value.en
    with pytest.raises(CellTooLong):  # an emoji is two characters to Excel
        put(ws, 3, 2, "🌀" * (CELL_MAX // 2 + 1), "pack_heading")


def test_narratives_at_their_limit_come_out_whole_in_the_pack(register):
    p = register.periods.get(2024)
    narrative = Narrative(governance="🌀" * NARRATIVE_MAX, strategy="策略。" * (NARRATIVE_MAX // 3))
    draft = PeriodDraft(p.title, p.matrix_size, p.horizon_definitions, list(p.impact_thresholds_cny), narrative)
    register.periods.update(2024, draft, p.version)
    out = io.BytesIO()
    write_workbook(register.periods.snapshot(2024), out, "en")
    governance = openpyxl.load_workbook(io.BytesIO(out.getvalue()))["Governance"]
    text = "".join(c.value for row in governance.iter_rows() for c in row if isinstance(c.value, str))
    assert narrative.governance in text and narrative.strategy in text


def test_long_lists_in_one_cell_say_how_many_they_leave_out():
    codes = [f"PR-{n:04d}" for n in range(10_000)]
    cell = joined(codes, "\n", "… and {n} more")
    assert cell_length(cell) <= CELL_MAX
    shown = cell.split("\n")[:-1]
    assert shown == codes[: len(shown)] and cell.endswith(f"… and {len(codes) - len(shown)} more")
    assert joined(codes[:3], "\n", "… {n} more", most=2) == "PR-0000\nPR-0001\n… 1 more"
    assert joined(codes[:2], "\n", "… {n} more", most=2) == "PR-0000\nPR-0001"
