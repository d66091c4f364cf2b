"""The matrix figure: where codes are drawn, colours, unscored items, PDF and PNG output."""

from __future__ import annotations

import dataclasses
import warnings

import pytest
from matplotlib.colors import to_hex
from matplotlib.patches import Rectangle

from carthane_tcfd.domain.scales import band_for
from carthane_tcfd.domain.taxonomy import Kind
from carthane_tcfd.reports.matrix_export import export_matrix
from carthane_tcfd.reports.matrix_figure import matrix_pages
from carthane_tcfd.reports.matrix_model import MatrixView


def key_lines(page):
    return [t.get_text() for t in page.figure.texts if t.get_gid() == "key"]


def drawn_codes(page):
    """code -> (x, y) in data coordinates of the grid axes."""
    return {t.get_gid()[5:]: t.get_position() for t in page.grid_axes.texts if (t.get_gid() or "").startswith("code:")}


def rescaled(snapshot, size):
    """The seed register on an N×N matrix: scores squeezed into 1..N, one item left unscored."""

    def fit(v):
        return None if v is None else min(v, size)

    items = [
        dataclasses.replace(
            i,
            likelihood=fit(i.likelihood),
            impact=fit(i.impact),
            residual_likelihood=fit(i.residual_likelihood),
            residual_impact=fit(i.residual_impact),
            matrix_size=size,
        )
        for i in snapshot.items
    ]
    items[1] = dataclasses.replace(items[1], likelihood=None, impact=None)
    period = dataclasses.replace(snapshot.period, matrix_size=size)
    return dataclasses.replace(snapshot, items=tuple(items), period=period)


@pytest.mark.parametrize("size", [3, 4, 5, 6])
@pytest.mark.parametrize("kind", [Kind.RISK, Kind.OPPORTUNITY])
def test_each_scored_code_is_drawn_in_the_cell_its_scores_say(snapshot, size, kind):
    snap = rescaled(snapshot, size)
    page = matrix_pages(snap, kind, MatrixView.INHERENT, "en")[0]
    drawn = drawn_codes(page)
    for item in snap.of_kind(kind):
        if item.likelihood is None:
            assert item.code not in drawn
            continue
        x, y = drawn[item.code]
        assert item.impact - 1 < x < item.impact and item.likelihood - 1 < y < item.likelihood, item.code
    assert page.grid_axes.get_xlim() == (0, size) and page.grid_axes.get_ylim() == (0, size)


def test_unscored_items_are_listed_beside_the_matrix(snapshot):
    snap = rescaled(snapshot, 5)
    page = matrix_pages(snap, Kind.RISK, MatrixView.INHERENT, "en")[0]
    key = key_lines(page)
    assert "Not yet scored:" in key
    unscored_line = key[key.index("Not yet scored:") + 1]
    assert unscored_line.startswith(snap.items[1].code)


def test_cell_colours_follow_the_band_rules_in_each_palette(snapshot):
    for kind in Kind:
        page = matrix_pages(snapshot, kind, MatrixView.RESIDUAL, "en")[0]
        cells = [p for p in page.grid_axes.patches if isinstance(p, Rectangle)]
        assert len(cells) == 25
        for cell in cells:
            im, lk = int(cell.get_x()) + 1, int(cell.get_y()) + 1
            band = band_for(lk, im, 5)
            assert to_hex(cell.get_facecolor()).upper() == band.colour_for(kind).upper()


def test_combined_view_draws_an_arrow_from_inherent_to_residual(snapshot):
    page = matrix_pages(snapshot, Kind.RISK, MatrixView.COMBINED, "en")[0]
    arrows = {a.get_gid()[6:]: a for a in page.grid_axes.texts if (a.get_gid() or "").startswith("arrow:")}
    moved = [i for i in snapshot.risks if (i.likelihood, i.impact) != (i.residual_likelihood, i.residual_impact)]
    assert set(arrows) == {i.code for i in moved}
    tr01 = next(i for i in snapshot.risks if i.code == "TR-01")
    assert arrows["TR-01"].xy == (tr01.residual_impact - 0.5, tr01.residual_likelihood - 0.5)


def test_a_full_cell_stays_legible_and_a_crowded_one_shows_its_count(snapshot):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    base = snapshot.items[0]
    full = tuple(dataclasses.replace(base, id=n, code=f"PR-{n:02d}") for n in range(1, 25))
    page = matrix_pages(dataclasses.replace(snapshot, items=full), Kind.RISK, MatrixView.INHERENT, "en")[0]
    texts = [t for t in page.grid_axes.texts if (t.get_gid() or "").startswith("code:")]
    assert len(texts) == 24
    renderer = FigureCanvasAgg(page.figure).get_renderer()
    boxes = [t.get_window_extent(renderer) for t in texts]
    for a in range(len(boxes)):
        for b in range(a + 1, len(boxes)):
            assert not boxes[a].overlaps(boxes[b]), (texts[a].get_text(), texts[b].get_text())

    crowd = tuple(dataclasses.replace(base, id=n, code=f"PR-{n:02d}") for n in range(1, 31))
    pages = matrix_pages(dataclasses.replace(snapshot, items=crowd), Kind.RISK, MatrixView.INHERENT, "en")
    assert [t.get_text() for t in pages[0].grid_axes.texts if t.get_gid() == "crowded"] == ["30"]
    assert len(pages) == 2, "a key of 30 lines runs over to a second page"


@pytest.mark.parametrize("writer", ["cairo", "matplotlib"])
def test_pdf_is_a4_landscape_with_extractable_text_and_an_embedded_cjk_font(snapshot, tmp_path, monkeypatch, writer):
    """Both PDF writers: cairo where pycairo is installed, matplotlib's own otherwise."""
    from pypdf import PdfReader

    from carthane_tcfd.reports import matrix_export

    if writer == "cairo":
        pytest.importorskip("cairo", reason="pycairo is not installed here")
    monkeypatch.setattr(matrix_export, "cairo_usable", lambda: writer == "cairo")
    path = tmp_path / "matrix.pdf"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph would warn
        pages = export_matrix(snapshot, path, view=MatrixView.RESIDUAL, lang="zh")
    reader = PdfReader(path)
    assert writer in str(reader.metadata.get("/Producer", "")).lower()
    assert len(reader.pages) == pages == 2
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 841.9) < 2 and abs(height - 595.3) < 2
    text = reader.pages[0].extract_text()
    for expected in ("PR-01", "TR-04", "风险矩阵", "可能性", "极端天气"):
        assert expected in text
    assert "机遇矩阵" in reader.pages[1].extract_text()
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            if descriptor and any(k in descriptor.get_object() for k in ("/FontFile2", "/FontFile3", "/FontFile")):
                fonts.add(str(font["/BaseFont"]))
    assert any("WenQuanYi" in f or "Noto" in f or "YaHei" in f for f in fonts), fonts


def test_png_export_writes_one_file_per_page(snapshot, tmp_path):
    from PIL import Image

    count = export_matrix(snapshot, tmp_path / "m.png", lang="en", kinds=(Kind.RISK, Kind.OPPORTUNITY))
    assert count == 2
    first = Image.open(tmp_path / "m.png")
    assert first.width > first.height
    assert (tmp_path / "m-2.png").exists()


def test_chinese_glyphs_render_without_tofu(snapshot):
    """Drawing Chinese with the registered font raises no missing-glyph warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        page = matrix_pages(snapshot, Kind.OPPORTUNITY, MatrixView.COMBINED, "zh")[0]
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(page.figure).draw()


def test_a_very_long_key_is_cut_short_and_says_how_many_are_left(snapshot):
    base = snapshot.items[0]
    many = tuple(dataclasses.replace(base, id=n, code=f"PR-{n:04d}") for n in range(1, 1001))
    pages = matrix_pages(dataclasses.replace(snapshot, items=many), Kind.RISK, MatrixView.INHERENT, "en")
    assert len(pages) == 4
    key = key_lines(pages[-1])
    shown = sum(1 for page in pages for line in key_lines(page) if line.startswith("PR-"))
    assert key[-1] == f"… and {1000 - shown} more; the register lists them all"


def test_a_cjk_font_given_as_a_file_is_written_by_matplotlib(monkeypatch, tmp_path):
    """Cairo finds fonts by family name among the installed ones; a font file named in the environment is
    embedded by matplotlib's writer instead."""
    from carthane_tcfd import fonts
    from carthane_tcfd.reports import matrix_export

    pytest.importorskip("cairo", reason="pycairo is not installed here")
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    assert matrix_export.cairo_usable()
    monkeypatch.setenv(fonts.ENV_VAR, str(tmp_path / "MyFont.ttf"))
    assert not matrix_export.cairo_usable()
