"""The template reader's defences, below the command line: defusedxml in use, limits before parsing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from defusedxml import DefusedXmlException

from carthane_tcfd.domain.errors import UserError
from carthane_tcfd.reports import template_reader, xlsx_safety
from carthane_tcfd.reports.template_reader import defusedxml_active, read_template
from tests.reports.hostile_corpus import genuine_template, make_corpus


@pytest.fixture(scope="module")
def genuine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return genuine_template(tmp_path_factory.mktemp("genuine"))


def test_openpyxl_parses_through_defusedxml(genuine, tmp_path):
    assert defusedxml_active()
    entities = make_corpus(genuine, tmp_path, {"xml_entities.xlsx"})["xml_entities.xlsx"]
    # openpyxl itself, without our scan in front of it, refuses the entity declarations
    with pytest.raises(ValueError, match="could not read strings") as refused:
        openpyxl.load_workbook(entities, read_only=True)
    assert isinstance(refused.value.__cause__, DefusedXmlException)
    with pytest.raises(UserError, match="declares a DTD or entities"):
        read_template(entities)


def test_the_reader_refuses_to_work_without_defusedxml(genuine, monkeypatch):
    monkeypatch.setattr(template_reader, "defusedxml_active", lambda: False)
    with pytest.raises(UserError, match="defusedxml is not installed"):
        read_template(genuine)


@pytest.mark.parametrize("name", ["too_many_rows.xlsx", "too_many_columns.xlsx", "zip_bomb.xlsx"])
def test_limits_are_checked_before_any_sheet_is_parsed(name, genuine, tmp_path, monkeypatch):
    hostile = make_corpus(genuine, tmp_path, {name})[name]

    def must_not_parse(*args, **kwargs):
        raise AssertionError("openpyxl was asked to parse a file over the limits")

    monkeypatch.setattr(template_reader.openpyxl, "load_workbook", must_not_parse)
    with pytest.raises(UserError, match=r"over the limit|zip bomb"):
        read_template(hostile)


def test_a_part_that_expands_beyond_what_its_header_declares_is_refused(genuine, tmp_path, monkeypatch):
    """A lying zip header (declaring a small part) cannot get past the limit: zipfile stops at the
    declared size and the part's checksum fails."""
    monkeypatch.setattr(xlsx_safety, "MAX_UNCOMPRESSED_BYTES", 4 * 1024 * 1024)
    payload = b" " * (8 * 1024 * 1024)
    target = tmp_path / "liar.xlsx"
    with zipfile.ZipFile(genuine) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("xl/padding.xml", payload)
    data = bytearray(target.read_bytes())
    name = b"xl/padding.xml"
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = 0
        while (at := data.find(signature, at + 1)) >= 0:
            if data[at + name_at : at + name_at + len(name)] == name:
                data[at + size_at : at + size_at + 4] = (1024).to_bytes(4, "little")  # claims 1 KB
    target.write_bytes(bytes(data))
    assert sum(i.file_size for i in zipfile.ZipFile(target).infolist()) < 4 * 1024 * 1024
    with pytest.raises(UserError, match="the file is damaged and cannot be opened"):
        read_template(target)


def test_a_formula_is_reported_and_its_text_never_used(genuine, tmp_path):
    formula = make_corpus(genuine, tmp_path, {"formula.xlsx"})["formula.xlsx"]
    template = read_template(formula)
    [problem] = template.problems
    assert problem.message("en").startswith("sheet 'Items', row 2, column Y (Inherent likelihood): the cell holds a")
    assert template.items[0].values["likelihood"] is None


def test_the_genuine_template_reads_without_problems_in_either_language(genuine):
    template = read_template(genuine)
    assert template.problems == [] and template.complete
    assert (
        template.year == 2024
        and len(template.items) == 11
        and set(template.versions) == {row.code for row in template.items}
    )
