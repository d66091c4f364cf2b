"""User text is data, never markup: labels and message boxes that show it take it as plain text, and a
tooltip (which Qt would render as HTML when it looks like HTML) gets it escaped."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QMessageBox

Shown = TypeVar("Shown", "QLabel", "QMessageBox")


def plain(widget: Shown) -> Shown:
    """`widget`, set to show its text literally (Qt guesses rich text from a tag in the first line). Qt's
    namespace is imported here, when first needed: creating it costs start-up (README, Performance)."""
    from PySide6.QtCore import Qt

    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def tooltip(text: str) -> str:
    """A tooltip that shows `text` literally: escaped inside a rich-text paragraph that keeps its lines
    (an empty text stays empty: no tooltip)."""
    if not text:
        return ""
    import html  # imported here: start-up does not need it (README, Performance)

    return f'<p style="white-space:pre-wrap">{html.escape(text)}</p>'
