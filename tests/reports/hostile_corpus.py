"""A corpus of hostile and broken template files (issue 17), each made from a genuine template.

Each entry names the file and what the import must say about it (substrings of its English problem
lines). Run as a script to write the corpus to a folder:

    .venv/bin/python tests/reports/hostile_corpus.py OUT_DIR
"""

from __future__ import annotations

import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl

BOMB_BYTES = 320 * 1024 * 1024  # above the reader's 300 MB limit of uncompressed parts


@dataclass(frozen=True)
class Hostile:
    name: str
    expect: tuple[str, ...]  # every one must appear among the problem lines (English)
    make: Callable[[Path, Path], None]  # (genuine template, target)
    lines: int = 1  # how many problems the import reports (a file refused whole: one line)


def _bytes(data: bytes) -> Callable[[Path, Path], None]:
    return lambda _template, target: target.write_bytes(data)


def _edit(change: Callable[[openpyxl.Workbook], None]) -> Callable[[Path, Path], None]:
    """The template opened in openpyxl, changed, saved: as a user's spreadsheet program would."""

    def make(template: Path, target: Path) -> None:
        wb = openpyxl.load_workbook(template)
        change(wb)
        wb.save(target)

    return make


def _rezip(change: Callable[[str, bytes], bytes]) -> Callable[[Path, Path], None]:
    """The template's parts copied to a new zip, each through `change(name, data)`."""

    def make(template: Path, target: Path) -> None:
        with zipfile.ZipFile(template) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                dst.writestr(info.filename, change(info.filename, src.read(info)))

    return make


def _column(ws: object, header: str) -> int:
    heads = [c.value for c in ws[1]]  # type: ignore[index]
    return heads.index(header) + 1


def _set(sheet: str, row: int, header: str, value: object) -> Callable[[openpyxl.Workbook], None]:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb[sheet]
        ws.cell(row, _column(ws, header), value)

    return change


def _encrypted_zip(template: Path, target: Path) -> None:
    """The template with the 'encrypted' flag set on every part (zipfile cannot write real encryption)."""
    data = bytearray(template.read_bytes())
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            data[at + flag_offset] |= 0x1
            start = at + 4
    target.write_bytes(bytes(data))


def _truncated(template: Path, target: Path) -> None:
    data = template.read_bytes()
    target.write_bytes(data[: len(data) // 2])


def _zip_bomb(template: Path, target: Path) -> None:
    """A genuine template plus one part that expands to 320 MB of spaces from about 300 KB."""
    block = b" " * (1 << 20)
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    # after a full flush the compressor starts afresh, so every block compresses to the same bytes
    one_block = squeeze.compress(block) + squeeze.flush(zlib.Z_FULL_FLUSH)
    count = BOMB_BYTES // len(block)
    compressed = one_block * count + b"\x03\x00"  # and an empty final block
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        # written raw: a stored part whose bytes are already deflated, then marked as deflated
        info = zipfile.ZipInfo("xl/media/padding.xml")
        info.compress_type = zipfile.ZIP_STORED
        dst.writestr(info, compressed)
    _mark_deflated(target, "xl/media/padding.xml", BOMB_BYTES, crc)


def _mark_deflated(path: Path, name: str, size: int, crc: int) -> None:
    """Turn a stored part into a deflated one of `size` bytes with checksum `crc` (headers patched)."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    for signature, method_at, crc_at in ((b"PK\x03\x04", 8, 14), (b"PK\x01\x02", 10, 16)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(encoded)] == encoded:
                data[at + method_at : at + method_at + 2] = (8).to_bytes(2, "little")
                data[at + crc_at : at + crc_at + 4] = crc.to_bytes(4, "little")
                data[at + crc_at + 8 : at + crc_at + 12] = size.to_bytes(4, "little")  # uncompressed size
            start = at + 4
    path.write_bytes(bytes(data))


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)


def _entities(name: str, data: bytes) -> bytes:
    if name != "xl/sharedStrings.xml":
        return data
    body = data.split(b"?>", 1)[1]
    return BILLION_LAUGHS + body.replace(b"<t>", b"<t>&lol3;", 1)


def _dimension(ref: bytes) -> Callable[[str, bytes], bytes]:
    def change(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet2.xml":
            start = data.index(b'<dimension ref="') + len(b'<dimension ref="')
            end = data.index(b'"', start)
            return data[:start] + ref + data[end:]
        return data

    return change


def _formula(wb: openpyxl.Workbook) -> None:
    ws = wb["Items"]
    ws.cell(2, _column(ws, "Inherent likelihood"), "=1+2")


def _merged(wb: openpyxl.Workbook) -> None:
    ws = wb["Items"]
    ws.merge_cells(start_row=3, start_column=3, end_row=4, end_column=3)


def _hidden(wb: openpyxl.Workbook) -> None:
    wb["Items"].row_dimensions[3].hidden = True


def _rename(wb: openpyxl.Workbook) -> None:
    wb["Items"].title = "Sheet1"


def _drop_actions(wb: openpyxl.Workbook) -> None:
    del wb["Actions"]


def _duplicate(wb: openpyxl.Workbook) -> None:
    ws = wb["Items"]
    copy = ws.max_row + 1
    for col in range(1, ws.max_column + 1):
        ws.cell(copy, col, ws.cell(2, col).value)


def _unknown_column(wb: openpyxl.Workbook) -> None:
    ws = wb["Items"]
    col = ws.max_column + 1
    ws.cell(1, col, "Comments")
    ws.cell(2, col, "please check")


def _leap_day(wb: openpyxl.Workbook) -> None:
    ws = wb["Actions"]
    ws.cell(2, _column(ws, "Due date"), "1900-02-29")
    cell = ws.cell(3, _column(ws, "Due date"), 60)  # Excel's serial of its non-existent 1900-02-29
    cell.number_format = "yyyy-mm-dd"


def _non_finite(wb: openpyxl.Workbook) -> None:
    ws = wb["Items"]
    ws.cell(2, _column(ws, "Estimate low"), "NaN")
    ws.cell(3, _column(ws, "Estimate high"), "∞")
    actions = wb["Actions"]
    actions.cell(2, _column(actions, "Estimated cost"), "inf")


def _long_cells(wb: openpyxl.Workbook) -> None:
    ws = wb["Items"]
    ws.cell(2, _column(ws, "Title"), "T" * 201)
    ws.cell(3, _column(ws, "Description"), "D" * 20_001)


def _bad_choices(wb: openpyxl.Workbook) -> None:
    ws = wb["Items"]
    ws.cell(2, _column(ws, "Category"), "Hurricane")
    ws.cell(3, _column(ws, "Inherent likelihood"), 7)
    ws.cell(4, _column(ws, "Inherent impact"), "3.5")
    ws.cell(5, _column(ws, "Time horizons: Short term"), "maybe")


CORPUS: tuple[Hostile, ...] = (
    Hostile("renamed_pdf.xlsx", ("this is a PDF",), _bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")),
    Hostile("renamed_csv.xlsx", ("not an Excel workbook",), _bytes("code,title\nPR-01,极端天气\n".encode())),
    Hostile("zero_bytes.xlsx", ("the file is empty",), _bytes(b"")),
    Hostile(
        "encrypted_office.xlsx", ("password-protected",), _bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    ),
    Hostile("encrypted_zip.xlsx", ("the zip is encrypted",), _encrypted_zip),
    Hostile("corrupt_zip.xlsx", ("damaged",), _truncated),
    Hostile("zip_bomb.xlsx", ("zip bomb",), _zip_bomb),
    Hostile("xml_entities.xlsx", ("declares a DTD or entities",), _rezip(_entities)),
    Hostile("too_many_rows.xlsx", ("over the limit of 100000 rows",), _rezip(_dimension(b"A1:AD200000"))),
    Hostile("too_many_columns.xlsx", ("over the limit of",), _rezip(_dimension(b"A1:XFD12"))),
    Hostile("formula.xlsx", ("row 2, column", "formula"), _edit(_formula)),
    Hostile("merged_cells.xlsx", ("merged cells C3:C4",), _edit(_merged)),
    Hostile("hidden_row.xlsx", ("row 3: the row is hidden",), _edit(_hidden)),
    Hostile("renamed_sheet.xlsx", ("the sheet 'Items' is missing (found: Instructions, Sheet1",), _edit(_rename)),
    Hostile("missing_sheet.xlsx", ("the sheet 'Actions' is missing",), _edit(_drop_actions)),
    Hostile("duplicate_code.xlsx", ("the code PR-01 appears twice (first in row 2)",), _edit(_duplicate)),
    Hostile("unknown_column.xlsx", ("(Comments): unknown column",), _edit(_unknown_column)),
    Hostile(
        "dates_1900.xlsx",
        ("row 2, column F (Due date): 1900-02-29 does not exist", "row 3, column F (Due date): must be between 1990"),
        _edit(_leap_day),
        lines=2,
    ),
    Hostile(
        "date_before_1900.xlsx",
        ("(Due date): must be between 1990 and 2100",),
        _edit(_set("Actions", 2, "Due date", "1899-12-31")),
    ),
    Hostile(
        "non_finite.xlsx",
        ("(Estimate low): is not a finite number", "(Estimated cost): is not a finite"),
        _edit(_non_finite),
        3,
    ),
    Hostile(
        "over_long_cells.xlsx",
        ("row 2, column C (Title): is longer than 200 characters", "(Description): is longer than 20000"),
        _edit(_long_cells),
        lines=2,
    ),
    Hostile(
        "bad_choices.xlsx",
        (
            "row 2, column B (Category): is not one of the choices: Hurricane",
            "row 3, column Y (Inherent likelihood): must be between 1 and 5",
            "row 4, column Z (Inherent impact): must be a whole number",
            "row 5, column G (Time horizons: Short term): must be blank or ✓, not: maybe",
        ),
        _edit(_bad_choices),
        lines=4,
    ),
)


def make_corpus(template: Path, folder: Path, names: set[str] | None = None) -> dict[str, Path]:
    """Write the corpus (or the named part of it) beside each other in `folder`."""
    made: dict[str, Path] = {}
    for hostile in CORPUS:
        if names is None or hostile.name in names:
            target = folder / hostile.name
            hostile.make(template, target)
            made[hostile.name] = target
    return made


def genuine_template(folder: Path) -> Path:
    """An English template of the seeded 2024 register, from a throwaway database."""
    from carthane_tcfd.reports.template_writer import TemplateRequest, save_template
    from carthane_tcfd.services.register import open_register

    register = open_register(f"sqlite:///{folder / 'corpus-seed.sqlite3'}")
    try:
        target = folder / "genuine.xlsx"
        save_template(
            register.imports.template_source(2024), target, TemplateRequest("en"), register="corpus", made_by="corpus"
        )
        return target
    finally:
        register.close()


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        made = make_corpus(genuine_template(Path(work)), out)
    for path in made.values():
        print(f"{path}  {path.stat().st_size:,} bytes")
