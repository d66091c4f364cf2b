"""Checks of an .xlsx file before any XML of it is parsed (DESIGN.md §4, issue 17).

An xlsx is a zip of XML parts. Before openpyxl sees the file this module checks, from the raw bytes:
its size; that it is a zip at all (and not a PDF, CSV or an encrypted Office file renamed); that no part
is encrypted; the parts' uncompressed size against a limit (a zip bomb); that no part declares a DTD
(entity tricks; defusedxml refuses them as well); each sheet's declared size against the row and column
limits; and, by pattern over each sheet's XML, the cells that hold formulas, the hidden rows and the
merged ranges, which the read-only reader does not report."""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import defusedxml.ElementTree as SafeTree

from carthane_tcfd.domain.errors import UserError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024  # all parts together, as decompressed
MAX_PARTS = 500
MAX_ROWS = 100_000  # per sheet: 10,000 items with 30,000 actions fit with room to spare
MAX_COLUMNS = 64

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]+)?(\d+)?(?::([A-Z]+)(\d+))?\"")
_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_HIDDEN = re.compile(rb"\bhidden=\"(?:1|true)\"")
_ROW_NUMBER = re.compile(rb"\br=\"(\d+)\"")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z0-9:]+)\"")
# a cell with content (not self-closing) that holds an <f> element before it ends
_FORMULA_CELL = re.compile(
    rb"<(?:\w+:)?c\b[^>]*\br=\"([A-Z]+\d+)\"[^>]*(?<!/)>(?:(?!</(?:\w+:)?c>).){0,200}?<(?:\w+:)?f\b", re.S
)
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)


@dataclass
class SheetScan:
    """What the raw XML of one sheet shows."""

    name: str
    rows: int = 0  # as the sheet declares (its dimension); 0 when it declares none
    columns: int = 0
    hidden_rows: list[int] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    formula_cells: list[str] = field(default_factory=list)


@dataclass
class WorkbookScan:
    sheets: dict[str, SheetScan]  # by sheet name, in the workbook's order


def _refuse(name: str, zh: str, en: str) -> UserError:
    return UserError(f"{name}：{zh}。登记册未改动。", f"{name}: {en}. The register is unchanged.")


def _too_big(name: str) -> UserError:
    limit = MAX_UNCOMPRESSED_BYTES // 2**20
    return _refuse(
        name, f"解压后超过 {limit} MB 上限（疑似压缩炸弹）", f"it expands beyond the {limit} MB limit (a zip bomb?)"
    )


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


def _kind_of_foreign_file(head: bytes) -> tuple[str, str]:
    if not head:
        return "文件为空（0 字节）", "the file is empty (0 bytes)"
    if head.startswith(b"%PDF"):
        return "这是 PDF 文件，不是 Excel 工作簿（.xlsx）", "this is a PDF, not an Excel workbook (.xlsx)"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return (
            "文件已加密（设有密码）或为旧版 .xls 格式；请取消密码并另存为 .xlsx",
            "the file is password-protected (encrypted) or an old .xls; remove the password and save it as .xlsx",
        )
    return (
        "不是 Excel 工作簿（.xlsx），例如 CSV 或文本文件",
        "this is not an Excel workbook (.xlsx), e.g. a CSV or text file",
    )


def _sheet_paths(archive: zipfile.ZipFile, parts: dict[str, bytes], name: str) -> dict[str, str]:
    """Sheet name -> the path of its XML part, from the workbook and its relationships."""
    try:
        book = SafeTree.fromstring(parts["xl/workbook.xml"])
        rels = SafeTree.fromstring(parts["xl/_rels/workbook.xml.rels"])
    except KeyError:
        raise _refuse(
            name, "缺少工作簿结构（不是有效的 .xlsx）", "the workbook structure is missing (not a valid .xlsx)"
        ) from None
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_PKG_REL}Relationship")}
    paths: dict[str, str] = {}
    for sheet in book.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"), "")
        path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        paths[sheet.get("name", "")] = path
    return paths


def _scan_sheet(name: str, data: bytes) -> SheetScan:
    scan = SheetScan(name)
    head = _DIMENSION.search(data, 0, 16384)
    if head and head.group(3):
        scan.rows, scan.columns = int(head.group(4)), _column_number(head.group(3))
    elif head and head.group(2):
        scan.rows, scan.columns = int(head.group(2)), _column_number(head.group(1) or b"A")
    if b"hidden" in data:
        for tag in _ROW_TAG.finditer(data):
            attrs = tag.group(1)
            number = _ROW_NUMBER.search(attrs)
            if _HIDDEN.search(attrs) and number:
                scan.hidden_rows.append(int(number.group(1)))
    if b"mergeCell" in data:  # substring tests first: a pattern search over megabytes costs more
        scan.merged = [m.group(1).decode() for m in _MERGE.finditer(data)]
    if any(tag in data for tag in (b"<f>", b"<f ", b":f>", b":f ")):
        scan.formula_cells = [m.group(1).decode() for m in _FORMULA_CELL.finditer(data)]
    return scan


def scan_workbook(path: Path) -> WorkbookScan:
    """Check the file as a container and scan its sheets; a UserError naming the first reason to refuse."""
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise UserError(f"无法读取 {path}：{exc.strerror}", f"Cannot read {path}: {exc.strerror}") from exc
    if size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 2**20
        raise _refuse(name, f"文件大于 {limit} MB 上限", f"the file is larger than the {limit} MB limit")
    if not head.startswith(b"PK\x03\x04"):
        raise _refuse(name, *_kind_of_foreign_file(head))
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_PARTS:
                raise _refuse(name, f"包含超过 {MAX_PARTS} 个部件", f"it holds more than {MAX_PARTS} parts")
            if any(info.flag_bits & 0x1 for info in infos):
                raise _refuse(name, "压缩包已加密；请取消密码", "the zip is encrypted; remove the password")
            # as declared: zipfile never expands a part beyond its declared size (it stops there and the
            # part's checksum fails), so a header that lies only makes the file "damaged"
            if sum(info.file_size for info in infos) > MAX_UNCOMPRESSED_BYTES:
                raise _too_big(name)
            parts: dict[str, bytes] = {}
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    data = archive.read(info)
                    if _DTD.search(data, 0, 4096) or (b"<!" in data and _DTD.search(data)):
                        raise _refuse(
                            name,
                            f"部件 {info.filename} 含有 DTD/实体声明（不安全的 XML）",
                            f"part {info.filename} declares a DTD or entities (unsafe XML)",
                        )
                    parts[info.filename] = data
            paths = _sheet_paths(archive, parts, name)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise _refuse(
            name, f"文件已损坏，无法作为 .xlsx 打开（{exc}）", f"the file is damaged and cannot be opened ({exc})"
        ) from exc
    except SafeTree.ParseError as exc:
        raise _refuse(name, f"工作簿结构无法解析（{exc}）", f"the workbook structure cannot be parsed ({exc})") from exc
    sheets = {}
    for sheet_name, part in paths.items():
        if part not in parts:
            raise _refuse(name, f"缺少工作表「{sheet_name}」的内容", f"the content of sheet '{sheet_name}' is missing")
        scan = _scan_sheet(sheet_name, parts[part])
        if scan.rows > MAX_ROWS or scan.columns > MAX_COLUMNS:
            raise _refuse(
                name,
                f"工作表「{sheet_name}」有 {scan.rows} 行 × {scan.columns} 列，"
                f"超过上限 {MAX_ROWS} 行 × {MAX_COLUMNS} 列",
                f"sheet '{sheet_name}' has {scan.rows} rows × {scan.columns} columns, over the limit of "
                f"{MAX_ROWS} rows × {MAX_COLUMNS} columns",
            )
        sheets[sheet_name] = scan
    return WorkbookScan(sheets)
