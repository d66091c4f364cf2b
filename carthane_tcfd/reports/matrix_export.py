"""Writing matrices to PDF (all pages, risks then opportunities) or PNG (one file per page), atomically."""

from __future__ import annotations

import importlib.util
import io
import os
from collections.abc import Callable
from pathlib import Path

from carthane_tcfd import APP_NAME
from carthane_tcfd.domain.errors import UserError
from carthane_tcfd.domain.filtering import ItemFilter
from carthane_tcfd.domain.records import RegisterSnapshot, RegisterView
from carthane_tcfd.domain.taxonomy import Kind, Lang
from carthane_tcfd.fonts import ENV_VAR as CJK_FONT_ENV
from carthane_tcfd.reports.atomic import write_atomically
from carthane_tcfd.reports.matrix_figure import A4_LANDSCAPE, MatrixPage, matrix_pages
from carthane_tcfd.reports.matrix_model import MatrixView

FORMATS = (".pdf", ".png")
POINTS_PER_INCH = 72


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
    """All pages in one PDF, written by cairo where pycairo is installed (several times faster than
    matplotlib's own PDF writer, which lays out every glyph in Python: README, Performance), else by
    matplotlib. Cairo finds fonts by family name, so a CJK font given as a file
    ($CARTHANE_TCFD_CJK_FONT) is written by matplotlib, which embeds the file itself."""
    writer = _write_with_cairo if cairo_usable() else _write_with_matplotlib
    write_atomically(path, lambda temp: writer(pages, temp))


def cairo_usable() -> bool:
    return importlib.util.find_spec("cairo") is not None and not os.environ.get(CJK_FONT_ENV)


def _write_with_cairo(pages: list[MatrixPage], target: Path) -> None:
    import cairo
    from matplotlib.backends.backend_cairo import RendererCairo

    width, height = (inches * POINTS_PER_INCH for inches in A4_LANDSCAPE)
    buffer = io.BytesIO()  # written to the file in one go: a full disk is then an OSError that says so
    surface = cairo.PDFSurface(buffer, width, height)
    surface.set_metadata(cairo.PDFMetadata.CREATOR, APP_NAME)
    context = cairo.Context(surface)
    for page in pages:
        figure, dpi = page.figure, page.figure.dpi
        figure.dpi = POINTS_PER_INCH  # draw in PDF points
        try:
            renderer = RendererCairo(POINTS_PER_INCH)  # type: ignore[no-untyped-call]  # untyped in matplotlib
            renderer.set_context(context)  # type: ignore[no-untyped-call]
            figure.draw(renderer)
        finally:
            figure.dpi = dpi
        context.show_page()
    surface.finish()
    target.write_bytes(buffer.getvalue())


def _write_with_matplotlib(pages: list[MatrixPage], target: Path) -> None:
    from matplotlib.backends.backend_pdf import PdfPages

    with PdfPages(target) as pdf:
        for page in pages:
            pdf.savefig(page.figure)
