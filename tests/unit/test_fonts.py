"""Finding a CJK font, and saying clearly when there is none (the output is still produced)."""

from __future__ import annotations

from carthane_tcfd import fonts


def test_the_system_cjk_font_is_found_and_an_override_wins(tmp_path, monkeypatch):
    fonts.find_cjk_font.cache_clear()
    found = fonts.find_cjk_font()
    assert found is not None and found.name in fonts.CANDIDATES
    custom = tmp_path / "MyFont.ttf"
    custom.write_bytes(b"\0")
    monkeypatch.setenv(fonts.ENV_VAR, str(custom))
    fonts.find_cjk_font.cache_clear()
    assert fonts.find_cjk_font() == custom
    fonts.find_cjk_font.cache_clear()


def test_without_a_cjk_font_the_user_is_told_how_to_install_one(monkeypatch, qapp):
    from carthane_tcfd.ui import fonts as ui_fonts

    monkeypatch.setattr(ui_fonts, "find_cjk_font", lambda: None)
    message = ui_fonts.register_cjk_font(qapp)
    assert message == fonts.INSTALL_HINT and "fonts-wqy-microhei" in message


def test_without_a_cjk_font_figures_are_still_drawn(monkeypatch, capsys, snapshot, tmp_path):
    from carthane_tcfd.reports import figure_fonts
    from carthane_tcfd.reports.matrix_export import export_matrix

    monkeypatch.setattr(figure_fonts, "find_cjk_font", lambda: None)
    figure_fonts.configure_matplotlib.cache_clear()
    try:
        assert figure_fonts.configure_matplotlib() is None
        assert "No Chinese (CJK) font was found" in capsys.readouterr().err
        assert export_matrix(snapshot, tmp_path / "m.png", lang="en") >= 1
    finally:
        figure_fonts.configure_matplotlib.cache_clear()
        monkeypatch.undo()
        assert figure_fonts.configure_matplotlib() is not None
