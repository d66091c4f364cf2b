"""Import of a filled template, on SQLite and PostgreSQL: dry run, exact edits, conflicts, all or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from carthane_tcfd.cli import item_json
from carthane_tcfd.domain.errors import PeriodLocked, UserError
from carthane_tcfd.domain.imports import MAX_LISTED_PROBLEMS, problem_lines
from carthane_tcfd.domain.signoff import StepRequest
from carthane_tcfd.domain.taxonomy import Kind, MitigationStatus
from carthane_tcfd.reports.template_reader import ReadOptions, read_template
from carthane_tcfd.reports.template_writer import TemplateRequest, save_template
from carthane_tcfd.services.imports import ImportRefused
from carthane_tcfd.services.register import open_register
from carthane_tcfd.store.models import AuditEntry, Item
from tests.reports.hostile_corpus import CORPUS, genuine_template, make_corpus


def make_template(register, folder: Path, request: TemplateRequest | None = None) -> Path:
    target = folder / "template.xlsx"
    save_template(
        register.periods.get(2024),
        register.items.in_period(2024),
        target,
        request or TemplateRequest("en"),
        register=register.location,
        made_by=register.user,
    )
    return target


def edit(path: Path, change) -> Path:
    wb = openpyxl.load_workbook(path)
    change(wb)
    target = path.with_name("edited.xlsx")
    wb.save(target)
    return target


def col(ws, header: str) -> int:
    return [c.value for c in ws[1]].index(header) + 1


def listing(register) -> dict[str, dict]:
    return {i.code: item_json(i) for i in register.items.in_period(2024)}


def audit_count(register) -> int:
    with register.items.ctx.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry))


def test_template_imported_unedited_changes_nothing(register, tmp_path):
    template = make_template(register, tmp_path)
    before, audits = listing(register), audit_count(register)
    plan = register.imports.apply(read_template(template), lang="en")
    assert (len(plan.new), len(plan.changed), len(plan.unchanged), len(plan.conflicts)) == (0, 0, 11, 0)
    assert plan.summary("en") == "0 new, 0 changed, 11 unchanged, 0 conflicts"
    assert listing(register) == before and audit_count(register) == audits


def _two_risks_and_a_status(wb) -> None:
    items, actions = wb["Items"], wb["Actions"]
    for row, title in ((13, "Heat stress at the Shanghai plant"), (14, "Water shortage in Anhui")):
        items.cell(row, col(items, "Category"), "物理风险-慢性")  # a Chinese label in an English template
        items.cell(row, col(items, "Title"), f"  {title} ")
        items.cell(row, col(items, "Owner"), "EHS")
        items.cell(row, col(items, "Time horizons: Long term"), "✓")
        items.cell(row, col(items, "Inherent likelihood"), "３")  # full-width digit, as text
        items.cell(row, col(items, "Inherent impact"), 4)
    actions.cell(2, col(actions, "Status"), "completed")  # a code instead of a label


def test_edits_are_imported_exactly_and_audited_with_the_file_as_source(register, tmp_path):
    before = listing(register)
    edited = edit(make_template(register, tmp_path), _two_risks_and_a_status)
    preview = register.imports.preview(read_template(edited), lang="en")
    assert listing(register) == before  # the dry run wrote nothing
    assert [(n.row, n.title) for n in preview.new] == [
        (13, "Heat stress at the Shanghai plant"),
        (14, "Water shortage in Anhui"),
    ]
    [change] = preview.changed
    assert change.code == "PR-01"
    was = MitigationStatus(before["PR-01"]["mitigations"][0]["status"]).label("en")
    assert [(c.label, c.old, c.new) for c in change.changes] == [("Action 1 · Status", was, "Completed")]

    plan = register.imports.apply(read_template(edited), lang="en")
    assert plan.summary("en") == "2 new, 1 changed, 10 unchanged, 0 conflicts"
    after = listing(register)
    assert set(after) - set(before) == {"PR-03", "PR-04"}
    assert after["PR-03"]["title"] == "Heat stress at the Shanghai plant"
    assert after["PR-03"]["horizons"] == ["long"] and after["PR-03"]["likelihood"] == 3
    assert after["PR-01"]["mitigations"][0]["status"] == "completed"
    after["PR-01"]["mitigations"][0]["status"] = before["PR-01"]["mitigations"][0]["status"]
    assert {code: after[code] for code in before} == before  # nothing else moved

    pr01 = next(i for i in register.items.in_period(2024) if i.code == "PR-01")
    [entry] = [h for h in register.items.history(pr01.id) if h.field == "status"]
    assert (entry.old_value, entry.new_value, entry.who) == (
        before["PR-01"]["mitigations"][0]["status"],
        "completed",
        "alice",
    )
    assert entry.source == "import from edited.xlsx"


def test_a_change_made_after_the_template_is_a_conflict_naming_who_and_when(register, db_url, tmp_path):
    template = make_template(register, tmp_path)
    original_owner = listing(register)["TR-01"]["owner"]
    bob = open_register(db_url, user="bob")
    try:
        item = next(i for i in bob.items.in_period(2024) if i.code == "TR-01")
        draft = item.to_draft()
        draft.owner = "采购部"
        bob.items.update(item.id, draft, item.version)
    finally:
        bob.close()

    def retitle(wb) -> None:
        ws = wb["Items"]
        row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "TR-01")
        ws.cell(row, col(ws, "Title"), "Carbon pricing")

    edited = edit(template, retitle)
    with pytest.raises(ImportRefused) as refused:
        register.imports.apply(read_template(edited), lang="en")
    [conflict] = refused.value.plan.conflicts
    assert conflict.who == "bob" and conflict.when.date() == dt.datetime.now(dt.UTC).date()
    assert "TR-01 was changed by bob at" in conflict.message("en")
    assert listing(register)["TR-01"]["owner"] == "采购部"  # nothing written

    plan = register.imports.apply(read_template(edited), lang="en", take_file_values=True)
    assert [c.code for c in plan.changed] == ["TR-01"]
    after = listing(register)["TR-01"]
    assert (after["title"], after["owner"]) == ("Carbon pricing", original_owner)  # the whole row as the file has it


def test_an_approved_period_refuses_the_import_as_a_whole(register, tmp_path):
    edited = edit(make_template(register, tmp_path), _two_risks_and_a_status)
    register.workflow.submit(2024, StepRequest())
    approver = open_register(register.url, user="carol")  # who submits does not approve
    try:
        approver.workflow.approve(2024, StepRequest("同意"))
    finally:
        approver.close()
    audits = audit_count(register)
    with pytest.raises(PeriodLocked):
        register.imports.preview(read_template(edited))
    with pytest.raises(PeriodLocked):
        register.imports.apply(read_template(edited))
    assert audit_count(register) == audits


def test_rows_left_out_of_the_file_are_never_deleted(register, tmp_path):
    def keep_one_item(wb) -> None:
        wb["Items"].delete_rows(3, 20)
        wb["Actions"].delete_rows(3, 100)
        wb["Financial effects"].delete_rows(3, 20)

    before = listing(register)
    plan = register.imports.apply(read_template(edit(make_template(register, tmp_path), keep_one_item)))
    assert plan.unchanged == ("PR-01",)
    assert listing(register) == before


def test_any_problem_writes_nothing_and_the_list_stops_at_fifty(register, tmp_path):
    def many_bad_scores(wb) -> None:
        ws = wb["Items"]
        for row in range(13, 13 + 60):
            ws.cell(row, col(ws, "Category"), "Markets")
            ws.cell(row, col(ws, "Title"), f"New {row}")
            ws.cell(row, col(ws, "Inherent likelihood"), 9)
            ws.cell(row, col(ws, "Inherent impact"), 1)
        ws.cell(13, col(ws, "Inherent likelihood"), 2)  # one valid new row among them

    items = listing(register)
    template = read_template(edit(make_template(register, tmp_path), many_bad_scores))
    with pytest.raises(ImportRefused) as refused:
        register.imports.apply(template, lang="en")
    lines = problem_lines(refused.value.plan.problems, "en")
    assert len(refused.value.plan.problems) == 59
    assert len(lines) == MAX_LISTED_PROBLEMS + 1 and lines[-1] == "… and 9 more problems not listed"
    assert lines[0] == "sheet 'Items', row 14, column Y (Inherent likelihood): must be between 1 and 5"
    assert listing(register) == items


def test_unknown_columns_are_reported_unless_the_user_chooses_to_ignore_them(register, tmp_path):
    def add_column(wb) -> None:
        ws = wb["Items"]
        ws.cell(1, 40, "Reviewer")
        ws.cell(2, 40, "Wang")

    edited = edit(make_template(register, tmp_path), add_column)
    [problem] = read_template(edited).problems
    assert problem.message("en") == (
        "sheet 'Items', row 1, column AN (Reviewer): unknown column "
        "(choose to ignore unknown columns to import without it)"
    )
    ignoring = read_template(edited, ReadOptions(ignore_unknown_columns=True))
    assert ignoring.problems == []
    assert len(register.imports.preview(ignoring).unchanged) == 11


def test_importing_the_same_new_rows_twice_is_refused(register, tmp_path):
    edited = edit(make_template(register, tmp_path), _two_risks_and_a_status)
    register.imports.apply(read_template(edited))
    with pytest.raises(ImportRefused) as refused:
        register.imports.apply(read_template(edited), lang="en")
    assert (
        refused.value.plan.problems[0]
        .message("en")
        .startswith("sheet 'Items', row 13, column C (Title): the item PR-03 has this title already")
    )


def test_templates_of_one_owner_one_kind_or_blank(register, tmp_path):
    item = register.items.in_period(2024)[1]
    draft = item.to_draft()
    draft.owner = "安环部"
    register.items.update(item.id, draft, item.version)
    for request, expected in (
        (TemplateRequest("zh", owner=" 安环部"), [item.code]),
        (TemplateRequest("en", kind=Kind.OPPORTUNITY), ["OP-01", "OP-02", "OP-03", "OP-04", "OP-05"]),
        (TemplateRequest("en", blank=True), []),
    ):
        template = read_template(make_template(register, tmp_path, request))
        assert [row.code for row in template.items] == expected
        assert template.problems == []


def test_the_template_offers_dropdowns_dates_and_a_hidden_identity(register, tmp_path):
    wb = openpyxl.load_workbook(make_template(register, tmp_path, TemplateRequest("zh")))
    assert wb.sheetnames == ["填写说明", "条目", "应对措施", "财务影响", "_lists", "_identity"]
    assert wb["_identity"].sheet_state == "hidden" and wb["_lists"].sheet_state == "hidden"
    items = wb["条目"]
    sources = {str(dv.sqref): dv.formula1 for dv in items.data_validations.dataValidation}
    assert any(f == "'_lists'!$A$1:$A$11" for f in sources.values())  # categories, in Chinese
    assert '"1,2,3,4,5"' in sources.values()  # scores 1..N
    assert wb["_lists"]["A1"].value == "物理风险-急性"
    actions = wb["应对措施"]
    due = actions.cell(2, col(actions, "到期日")).value
    assert due is None or isinstance(due, dt.datetime)
    identity = {r[0]: r[1] for r in wb["_identity"].iter_rows(max_col=2, values_only=True) if r[0]}
    assert identity["period"] == 2024 and identity["format"] == "carthane-tcfd-template"


def test_statuses_round_trip_in_both_languages(register, tmp_path):
    template = read_template(make_template(register, tmp_path, TemplateRequest("zh")))
    statuses = {a.draft.status for a in template.actions}
    assert statuses <= set(MitigationStatus) and statuses
    assert len(register.imports.preview(template).unchanged) == 11


def test_items_count_unchanged_by_a_refused_import(register, tmp_path):
    def bad(wb) -> None:
        wb["Items"].cell(13, 2, "Markets")  # a new row without a title

    with register.items.ctx.read() as session:
        before = session.scalar(select(func.count()).select_from(Item))
    with pytest.raises(ImportRefused):
        register.imports.apply(read_template(edit(make_template(register, tmp_path), bad)))
    with register.items.ctx.read() as session:
        assert session.scalar(select(func.count()).select_from(Item)) == before


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("corpus")
    return make_corpus(genuine_template(folder), folder)


def dump(register) -> dict[str, list[tuple]]:
    """Every row of every table, in key order: the database's content, comparable on PostgreSQL too."""
    from carthane_tcfd.store.models import Base

    with register.items.ctx.read() as session:
        return {
            table.name: [tuple(r) for r in session.execute(select(table).order_by(*table.primary_key.columns))]
            for table in Base.metadata.sorted_tables
        }


@pytest.mark.parametrize("hostile", CORPUS, ids=[h.name for h in CORPUS])
def test_every_hostile_file_leaves_every_table_as_it_was(hostile, corpus, register):
    before = dump(register)
    try:
        template = read_template(corpus[hostile.name])
    except UserError as refused:  # refused whole, before the register is asked anything
        lines = [refused.message("en")]
    else:
        with pytest.raises(ImportRefused) as refused_plan:
            register.imports.apply(template, lang="en")
        lines = problem_lines(refused_plan.value.plan.problems, "en")
    assert len(lines) == hostile.lines, lines
    for expected in hostile.expect:
        assert any(expected in line for line in lines), (expected, lines)
    assert dump(register) == before


def test_financial_effects_are_imported_from_their_sheet(register, tmp_path):
    item = next(i for i in register.items.in_period(2024) if i.code == "PR-01")
    horizon = item.horizons[0]
    missing = next(h for h in ("short", "medium", "long") if h not in item.horizons)
    labels = {"short": "Short term", "medium": "Medium term", "long": "Long term"}

    def effects(wb) -> None:
        ws = wb["Financial effects"]
        row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "PR-01")
        ws.cell(row, col(ws, "Current effect (CNY)"), "1,200,000")
        ws.cell(row, col(ws, "Statement line: Revenue"), "✓")
        ws.cell(row, col(ws, "Reason not quantified")).value = None  # cleared: figures are given now
        ws.cell(row, col(ws, f"Anticipated low ({labels[horizon]})"), 500000)
        ws.cell(row, col(ws, f"Anticipated high ({labels[horizon]})"), 800000)

    edited = edit(make_template(register, tmp_path), effects)
    [change] = register.imports.preview(read_template(edited), lang="en").changed
    assert {(c.label, c.new) for c in change.changes} >= {
        ("Current effect (CNY)", "1,200,000.00"),
        ("Statement line", "Revenue"),
        (f"Anticipated low ({labels[horizon]})", "500,000.00"),
    }
    register.imports.apply(read_template(edited))
    after = register.items.get(item.id).effects
    assert after.current_cny == 1_200_000 and after.statement_lines == ("revenue",) and after.reason is None
    assert after.for_horizon(horizon).low_cny == 500_000 and after.for_horizon(horizon).high_cny == 800_000

    def outside(wb) -> None:
        ws = wb["Financial effects"]
        ws.cell(2, col(ws, f"Anticipated low ({labels[missing]})"), 1)

    with pytest.raises(ImportRefused) as refused:
        register.imports.apply(read_template(edit(make_template(register, tmp_path), outside)), lang="en")
    [problem] = refused.value.plan.problems
    assert problem.sheet == "Financial effects" and problem.row == 2
    assert f"horizon {missing} is not among the item's horizons" in problem.message("en")
