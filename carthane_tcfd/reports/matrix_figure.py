"""The risk and opportunity matrices as matplotlib Figures (no pyplot state), laid out for A4 landscape:
title block, grid, legend, key; continuation pages when the key is long. One figure serves the screen,
PNG, PDF, print and the board pack."""

from __future__ import annotations

import datetime as dt
import io
import math
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, Rectangle
from matplotlib.transforms import Bbox

from carthane_tcfd.domain import palette
from carthane_tcfd.domain.filtering import ItemFilter, matches
from carthane_tcfd.domain.records import AnyItem, RegisterSnapshot, RegisterView
from carthane_tcfd.domain.scales import (
    Band,
    band_rule_text,
    impact_axis_name,
    impact_descriptor,
    likelihood_axis_name,
    likelihood_descriptor,
)
from carthane_tcfd.domain.taxonomy import Kind, Lang, char_width
from carthane_tcfd.reports.figure_fonts import configure_matplotlib
from carthane_tcfd.reports.matrix_model import Grid, MatrixView, build_grid
from carthane_tcfd.reports.pack_text import t

# No bold anywhere: the CJK fonts registered have no bold face, so matplotlib would draw regular glyphs
# and warn about each text.
A4_LANDSCAPE = (11.69, 8.27)
GRID_RECT = (0.14, 0.13, 0.44, 0.66)  # left, bottom, width, height in figure fractions
# The smallest type of a page (key, legend, notes, scale labels) and the largest of an item's code: the
# board pack prints the page without its title block at about 82 % of its size (PACK_PICTURE_AREA, as
# large as fits under the sheet's heading), where they come out at 8 pt and more.
MIN_FONT_PT = 10.0
CODE_FONT_PT = 10.5
PACK_PICTURE_AREA = (0.02, 0.0, 0.98, 0.88)  # of the page: left, bottom, right, top (below the title block)
KEY_LINES_FIRST = 26
KEY_LINES_MORE = 34
KEY_COLUMNS_MORE = 2
KEY_PAGES_MORE = 3  # a key longer than the first page and three more is cut short, saying how many are left
MAX_CODES_IN_CELL = 24


@dataclass
class MatrixPage:
    figure: Figure
    grid_axes: Axes | None  # None on a continuation page
    grid: Grid


def _clip(text: str, width: int) -> str:
    """A text on one line of at most `width` columns, "…" where cut (the full text is in the register);
    control characters and line breaks drawn as spaces."""
    out, used = "", 0
    for ch in text:
        if ch < " " or "\x7f" <= ch < "\xa0":
            ch = " "
        used += char_width(ch)
        if used > width:
            return out + "…"
        out += ch
    return out


def _title_block(
    fig: Figure,
    snapshot: RegisterSnapshot | RegisterView,
    kind: Kind,
    view: MatrixView,
    lang: Lang,
    printed: dt.date,
    page: int,
    pages: int,
) -> None:
    p = snapshot.period
    fig.text(
        0.04,
        0.955,
        f"{t('company', lang)} · {t(f'matrix.{kind.value}_{view.value}', lang)}",
        fontsize=15,
        color=palette.TITLE,
        va="top",
    )
    line = (
        f"{t('period', lang)} {p.year} · {p.status.label(lang)} · {t('printed', lang)} {printed.isoformat()}"
        f" · {t('confidential_short', lang)}"
    )
    fig.text(0.04, 0.915, line, fontsize=9.5, color=palette.TEXT_SECONDARY, va="top")
    if pages > 1:
        fig.text(
            0.96,
            0.025,
            t("page", lang).format(n=page, total=pages),
            fontsize=MIN_FONT_PT,
            ha="right",
            color=palette.TEXT_SECONDARY,
        )


def _draw_grid(ax: Axes, grid: Grid, lang: Lang) -> None:
    size = grid.size
    kind = grid.kind
    ax.set_xlim(0, size)
    ax.set_ylim(0, size)
    for lk in range(1, size + 1):
        for im in range(1, size + 1):
            band = grid.band(lk, im)
            ax.add_patch(
                Rectangle((im - 1, lk - 1), 1, 1, facecolor=band.colour_for(kind), edgecolor=palette.WHITE, linewidth=2)
            )
            _draw_codes(ax, grid.cells[(lk, im)], im - 1, lk - 1, band.text_colour_for(kind), size)
    for item, start, end in grid.arrows:
        ax.plot([start[1] - 0.5], [start[0] - 0.5], marker="o", markersize=4, color=palette.MARKER, alpha=0.55)
        ax.annotate(
            "",
            xy=(end[1] - 0.5, end[0] - 0.5),
            xytext=(start[1] - 0.5, start[0] - 0.5),
            arrowprops={
                "arrowstyle": "-|>",
                "color": palette.MARKER,
                "alpha": 0.55,
                "lw": 1.1,
                "connectionstyle": "arc3,rad=0.18",
                "shrinkA": 6,
                "shrinkB": 10,
            },
            gid=f"arrow:{item.code}",
        )
    ax.set_xticks([i - 0.5 for i in range(1, size + 1)])
    impacts = [f"{i}\n{impact_descriptor(i, size, lang, kind)}" for i in range(1, size + 1)]
    ax.set_xticklabels(impacts, fontsize=MIN_FONT_PT)
    ax.set_yticks([i - 0.5 for i in range(1, size + 1)])
    likelihoods = [f"{likelihood_descriptor(i, size, lang)} {i}" for i in range(1, size + 1)]
    ax.set_yticklabels(likelihoods, fontsize=MIN_FONT_PT)
    ax.set_xlabel(f"{impact_axis_name(kind, lang)} →", fontsize=10)
    ax.set_ylabel(f"{likelihood_axis_name(lang)} →", fontsize=10, labelpad=8)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)


def _draw_codes(ax: Axes, items: list[AnyItem], x0: float, y0: float, colour: str, size: int) -> None:
    """The codes of one cell in a small grid of their own, shrunk to fit, never overlapping; a crowded cell
    shows how many items it holds instead (clicking it in the GUI lists them)."""
    if not items:
        return
    scale = 5 / size
    if len(items) > MAX_CODES_IN_CELL:
        ax.text(
            x0 + 0.5,
            y0 + 0.5,
            str(len(items)),
            ha="center",
            va="center",
            fontsize=15 * scale,
            color=colour,
            gid="crowded",
        )
        return
    cols = min(3, max(1, math.ceil(math.sqrt(len(items)))))
    rows = math.ceil(len(items) / cols)
    fontsize = max(
        4.5, min(CODE_FONT_PT, CODE_FONT_PT * scale * min(1.0, 5 / (rows + 1)) * (1.0 if cols < 3 else 0.85))
    )
    for index, item in enumerate(items):
        r, c = divmod(index, cols)
        x = x0 + (c + 0.5) / cols
        y = y0 + 0.86 - (r + 0.5) * (0.80 / rows)
        ax.text(x, y, item.code, ha="center", va="center", fontsize=fontsize, color=colour, gid=f"code:{item.code}")
    if len(items) > 1:
        ax.text(
            x0 + 0.97,
            y0 + 0.97,
            str(len(items)),
            ha="right",
            va="top",
            fontsize=MIN_FONT_PT * min(1, scale + 0.2),
            color=colour,
            alpha=0.9,
            gid="count",
        )


def _draw_legend(fig: Figure, kind: Kind, size: int, lang: Lang) -> None:
    ax = fig.add_axes((0.62, 0.72, 0.34, 0.12))
    ax.set_axis_off()
    ax.set_xlim(0, 4)
    ax.set_ylim(0, 1)
    ax.text(0, 1.05, t("legend", lang), fontsize=10, va="bottom")
    for index, band in enumerate(Band):
        ax.add_patch(
            FancyBboxPatch(
                (index + 0.05, 0.35),
                0.3,
                0.45,
                boxstyle="round,pad=0.02",
                facecolor=band.colour_for(kind),
                edgecolor=palette.RULE,
                linewidth=0.5,
            )
        )
        ax.text(
            index + 0.42, 0.58, f"{band.label(lang)}\n{band_rule_text(band, size)}", fontsize=MIN_FONT_PT, va="center"
        )


def _key_line(item: AnyItem, lang: Lang, width: int, mark: bool) -> str:
    return f"{item.code}  {_clip(item.display_title(lang), width)}{'*' if mark and item.scores_illustrative else ''}"


def _key_lines(placed: list[AnyItem], unscored: list[AnyItem], lang: Lang, width: int, capacity: int) -> list[str]:
    """The key: placed items, then the unscored ones under a heading. When more lines than `capacity`
    would be needed, the last line says how many were left out (only the lines shown are made)."""
    heading = ["", f"{t('unscored', lang)}:"] if unscored else []
    total = len(placed) + len(heading) + len(unscored)
    room = capacity if total <= capacity else capacity - 1
    lines = [_key_line(i, lang, width, True) for i in placed[:room]]
    lines += heading[: room - len(lines)]
    lines += [_key_line(i, lang, width, False) for i in unscored[: max(0, room - len(lines))]]
    if total > capacity:
        lines.append(t("key_more", lang).format(n=total - room))
    return lines


def _draw_key(
    fig: Figure, rect: tuple[float, float, float, float], lines: list[str], title: str, columns: int, per_column: int
) -> None:
    """The key's lines in `rect` (figure fractions), column by column. Figure texts, not an axes of their
    own: no axes to build and no clipping to set up for each of up to 68 lines a page."""
    left, bottom, width, height = rect
    fig.text(left, bottom + height, title, fontsize=10, va="bottom")
    for index, line in enumerate(lines):
        col, row = divmod(index, per_column)
        x = left + width * col / columns
        y = bottom + height * (0.97 - row / per_column)
        fig.text(x, y, line, fontsize=MIN_FONT_PT, va="top", gid="key")


def matrix_pages(
    snapshot: RegisterSnapshot | RegisterView,
    kind: Kind = Kind.RISK,
    view: MatrixView = MatrixView.INHERENT,
    lang: Lang = "zh",
    *,
    flt: ItemFilter | None = None,
    printed: dt.date | None = None,
) -> list[MatrixPage]:
    """The pages of one matrix: the grid with legend and the start of the key, then key continuations."""
    configure_matplotlib()
    items = [i for i in snapshot.items if flt is None or matches(i, flt)]
    grid = build_grid(items, kind, view, snapshot.period.matrix_size)
    placed_ids = {i.id for i in grid.placed}
    placed = [i for i in items if i.id in placed_ids]  # in register order
    per_page = KEY_LINES_MORE * KEY_COLUMNS_MORE
    lines = _key_lines(placed, grid.unscored, lang, 58, KEY_LINES_FIRST + KEY_PAGES_MORE * per_page)
    chunks = [lines[:KEY_LINES_FIRST]]
    rest = lines[KEY_LINES_FIRST:]
    chunks += [rest[i : i + per_page] for i in range(0, len(rest), per_page)]
    printed = printed or dt.date.today()
    pages: list[MatrixPage] = []
    note = t("illustrative", lang) if any(i.scores_illustrative for i in items if i.kind is kind) else ""
    for number, chunk in enumerate(chunks, start=1):
        fig = Figure(figsize=A4_LANDSCAPE, dpi=100)
        fig.patch.set_facecolor(palette.WHITE)
        _title_block(fig, snapshot, kind, view, lang, printed, number, len(chunks))
        grid_axes = None
        if number == 1:
            grid_axes = fig.add_axes(GRID_RECT)
            _draw_grid(grid_axes, grid, lang)
            _draw_legend(fig, kind, grid.size, lang)
            _draw_key(fig, (0.62, 0.10, 0.35, 0.56), chunk, t("key", lang), 1, KEY_LINES_FIRST)
            if not items or not any(i.kind is kind for i in items):
                grid_axes.text(
                    grid.size / 2,
                    grid.size / 2,
                    t("empty_register", lang),
                    ha="center",
                    va="center",
                    fontsize=9,
                    wrap=True,
                    color=palette.TEXT_SECONDARY,
                )
        else:
            _draw_key(
                fig, (0.05, 0.08, 0.90, 0.78), chunk, f"{t('key', lang)} ({number})", KEY_COLUMNS_MORE, KEY_LINES_MORE
            )
        if note:
            fig.text(0.04, 0.025, note, fontsize=MIN_FONT_PT, color=palette.TEXT_MUTED)
        pages.append(MatrixPage(fig, grid_axes, grid))
    return pages


def matrix_png_bytes(
    snapshot: RegisterSnapshot,
    lang: Lang = "zh",
    kind: Kind = Kind.RISK,
    view: MatrixView = MatrixView.COMBINED,
    dpi: int = 110,
) -> bytes:
    """The first page of a matrix as PNG for the board pack: the grid, legend and key, without the title
    block (the pack's sheet has its own heading and page header)."""
    buffer = io.BytesIO()
    figure = matrix_pages(snapshot, kind, view, lang)[0].figure
    width, height = figure.get_size_inches()
    left, bottom, right, top = PACK_PICTURE_AREA
    area = Bbox.from_extents(left * width, bottom * height, right * width, top * height)
    figure.savefig(buffer, format="png", dpi=dpi, bbox_inches=area)
    return buffer.getvalue()
