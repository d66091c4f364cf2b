"""Printing the matrix: a print preview on A4 landscape, one printer page per figure page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

PRINT_DPI = 200


def a4_landscape_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(8, 8, 8, 8),
            QPageLayout.Unit.Millimeter,
        )
    )
    return printer


def figure_image(figure: Any, dpi: int = PRINT_DPI) -> QImage:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    figure.set_dpi(dpi)
    canvas.draw()
    width, height = canvas.get_width_height()
    image = QImage(bytes(canvas.buffer_rgba()), width, height, QImage.Format.Format_RGBA8888)
    return image.copy()  # own the pixels: the canvas buffer goes away with the canvas


def paint_pages(printer: QPrinter, figures: list[Any]) -> None:
    painter = QPainter(printer)
    try:
        for number, figure in enumerate(figures):
            if number:
                printer.newPage()
            image = figure_image(figure)
            page = printer.pageLayout().paintRectPixels(printer.resolution())
            target = QRectF(0, 0, page.width(), page.height())
            scale = min(target.width() / image.width(), target.height() / image.height())
            painter.drawImage(QRectF(0, 0, image.width() * scale, image.height() * scale), image)
    finally:
        painter.end()


class MatrixPrintPreview(QPrintPreviewDialog):
    """The preview dialog; printing from it paints the same pages. It owns its printer, which is no
    QObject: without a Python reference the printer would be freed under the dialog."""

    def __init__(self, parent: QWidget, figures: list[Any]) -> None:
        self.a4_printer = a4_landscape_printer()
        super().__init__(self.a4_printer, parent)
        self.setWindowTitle(parent.tr("Print risk matrix"))
        self.paintRequested.connect(lambda printer: paint_pages(printer, figures))
        self.resize(1100, 800)
