"""A refused action is shown in the user's language and logged in both (issue 11: one language per
message, the other available to the log)."""

from __future__ import annotations

import logging

from carthane_tcfd.app import main
from carthane_tcfd.logs import log_file


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_cli_refusal_is_shown_in_english_and_logged_in_both_languages(tmp_path, capsys) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    code = main(["--db", db, "export", "--out", str(tmp_path / "p.xlsx"), "--period", "2030", "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("error: ") and not has_chinese(err), err
    for handler in logging.getLogger("carthane_tcfd").handlers:
        handler.flush()
    lines = [line for line in log_file().read_text(encoding="utf-8").splitlines() if "refused (export)" in line]
    english, chinese = lines[-1].split("refused (export): ", 1)[1].split(" | ")
    assert english.strip() in err and has_chinese(chinese)


def test_gui_refusal_is_shown_in_the_users_language_and_logged_in_both(monkeypatch) -> None:
    from carthane_tcfd.domain.errors import PeriodLocked
    from carthane_tcfd.ui import prompts

    shown: list[str] = []
    monkeypatch.setattr(prompts, "error", lambda parent, text: shown.append(text))
    exc = PeriodLocked(2024)
    prompts.refused(None, exc, "zh")
    for handler in logging.getLogger("carthane_tcfd").handlers:
        handler.flush()
    assert shown == [exc.zh]
    assert f"refused (-): {exc.en} | {exc.zh}" in log_file().read_text(encoding="utf-8")
