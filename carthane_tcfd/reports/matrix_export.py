"""Writing matrices to PDF (all pages, risks then opportunities) or PNG (one file per page), atomically."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from carthane_tcfd.domain.errors import UserError
from carthane_tcfd.domain.filtering import ItemFilter
from carthane_tcfd.domain.records import RegisterSnapshot, RegisterView
from carthane_tcfd.domain.taxonomy import Kind, Lang
from carthane_tcfd.reports.atomic import write_atomically
from carthane_tcfd.reports.matrix_figure import MatrixPage, matrix_pages
from carthane_tcfd.reports.matrix_model import MatrixView

FORMATS = (".pdf", ".png")


def export_matrix(
    snapshot: RegisterSnapshot | RegisterView,
    path: Path,
    *,
    view: MatrixView = MatrixView.INHERENT,
    lang: Lang = "zh",
    kinds: tuple[Kind, ...] = (Kind.RISK, Kind.OPPORTUNITY),
    flt: ItemFilter | None = None,
) -> int:
    """Write the matrices of `kinds`; the number of pages (PDF) or files (PNG) written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(
            f"不支持的文件类型 {path.suffix or '（无）'}：请使用 .pdf 或 .png。",
            f"Unsupported file type {path.suffix or '(none)'}: use .pdf or .png.",
        )
    pages = [page for kind in kinds for page in matrix_pages(snapshot, kind, view, lang, flt=flt)]
    if suffix == ".pdf":
        write_pdf(pages, path)
    else:
        for number, page in enumerate(pages, start=1):
            target = path if number == 1 else path.with_name(f"{path.stem}-{number}{path.suffix}")
            write_atomically(target, _png_writer(page))
    return len(pages)


def _png_writer(page: MatrixPage) -> Callable[[Path], None]:
    def write(temp: Path) -> None:
        page.figure.savefig(temp, format="png", dpi=150)

    return write


def write_pdf(pages: list[MatrixPage], path: Path) -> None:
    from matplotlib.backends.backend_pdf import PdfPages

    def write(temp: Path) -> None:
        with PdfPages(temp) as pdf:
            for page in pages:
                pdf.savefig(page.figure)

    write_atomically(path, write)
