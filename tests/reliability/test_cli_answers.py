"""Class 10: every command answers bad input with one specific line (usage errors exit 2), in the
language asked for, and prints user text to the terminal without control characters. Run in-process
(main() as main.py calls it): the tests/cli suite covers the real subprocess."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from carthane_tcfd.app import main
from carthane_tcfd.services.register import open_register


def answer(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip() and not line.startswith("usage:")]
    assert len(lines) == 1, err
    assert "Traceback" not in err and "unexpected error" not in err, err
    return lines[0]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "x.db"
    open_register(f"sqlite:///{db}").close()
    return db


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["--db", "", "list"], "must not be empty"),
        (["--db", "garbage!!", "list"], "neither a database URL nor a database file"),
        (["--db", "{db}", "list", "--period", "99999999999999999999"], "is not a year"),
        (["--db", "{db}", "list", "--period", "abc"], "is not a year"),
        (["--db", "{db}", "export", "--out", "{tmp}/x.pdf"], "use .xlsx"),
        (["--db", "{db}", "matrix", "--out", "{tmp}/x.svg"], "use .pdf or .png"),
        (["--db", "{db}", "matrix", "--out", "{tmp}/x.pdf", "--residual", "--combined"], "not allowed with"),
    ],
)
def test_usage_errors_exit_2_without_touching_anything(capsys, tmp_path, seeded, argv, expected):
    before = sorted(os.listdir(tmp_path)), sorted(os.listdir(Path.cwd()))
    code, _, err = answer(capsys, *[a.format(db=seeded, tmp=tmp_path) for a in argv])
    assert code == 2 and expected in err, err
    assert (sorted(os.listdir(tmp_path)), sorted(os.listdir(Path.cwd()))) == before


@pytest.mark.parametrize(
    "url, expected",
    [
        ("mysql://root:hunter2@127.0.0.1/x", "Unsupported database type 'mysql'"),
        ("oracle://scott:hunter2@db/x", "Unsupported database type 'oracle'"),
        ("http://example.com/x", "Unsupported database type 'http'"),
        ("postgresql+psycopg://u:hunter2@127.0.0.1:abc/x", "Not a database URL"),
    ],
)
def test_foreign_urls_get_a_specific_line_without_the_password(capsys, url, expected):
    code, _, err = answer(capsys, "--db", url, "list", "--lang", "en")
    assert code == 1 and expected in one_line(err)
    assert "hunter2" not in err


def test_a_damaged_database_is_named_as_damaged(capsys, tmp_path, seeded):
    db = tmp_path / "flipped.db"
    db.write_bytes(seeded.read_bytes())
    data = bytearray(db.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, page):  # every page but the header's, mid-page
        data[offset + 100 : offset + 600] = bytes(500)
    db.write_bytes(bytes(data))
    code, _, err = answer(capsys, "--db", db, "list", "--lang", "en")
    assert code == 1 and "damaged" in one_line(err)


@pytest.mark.parametrize("lang, expected", [("en", "There is no register for 1999"), ("zh", "没有 1999 年度")])
@pytest.mark.parametrize("command", [["list"], ["export", "--out", "{tmp}/p.xlsx"], ["matrix", "--out", "{tmp}/m.pdf"]])
def test_errors_follow_lang_on_every_command(capsys, tmp_path, seeded, command, lang, expected):
    argv = ["--db", seeded, *[c.format(tmp=tmp_path) for c in command], "--period", "1999", "--lang", lang]
    code, _, err = answer(capsys, *argv)
    assert code == 1 and expected in one_line(err)


def test_errors_follow_the_system_language_without_lang(capsys, monkeypatch, tmp_path, seeded):
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    code, _, err = answer(capsys, "--db", seeded, "export", "--out", tmp_path / "p.xlsx", "--period", "1999")
    assert code == 1 and "There is no register for 1999" in one_line(err)


def test_init_takes_lang_for_its_errors(capsys, tmp_path):
    code, _, err = answer(capsys, "--db", tmp_path / "no" / "x.db", "init", "--lang", "zh")
    assert code == 1 and "文件夹不存在" in one_line(err)


def test_list_prints_no_control_characters_or_direction_overrides(capsys, tmp_path):
    from carthane_tcfd.domain.records import ItemDraft
    from carthane_tcfd.domain.taxonomy import Category

    db = tmp_path / "t.db"
    reg = open_register(f"sqlite:///{db}")
    reg.items.create(2024, ItemDraft(Category.MARKETS, "red\x1b[31m alert\x07\u202eevil\nnext\x9b2J"))
    reg.close()
    code, out, _ = answer(capsys, "--db", db, "list", "--lang", "en")
    assert code == 0
    line = next(line for line in out.splitlines() if "alert" in line)
    assert "red[31m alert" in line and "evil next2J" in line
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 or 0x202A <= ord(ch) <= 0x202E for ch in out if ch != "\n")


def test_a_read_only_target_is_not_replaced(capsys, tmp_path, seeded):
    target = tmp_path / "pack.xlsx"
    target.write_bytes(b"the reviewed pack")
    target.chmod(stat.S_IRUSR)  # read-only for its owner, and refused even when root runs the export
    code, _, err = answer(capsys, "--db", seeded, "export", "--out", target, "--lang", "en")
    assert code == 1 and "read-only" in one_line(err)
    assert target.read_bytes() == b"the reviewed pack"


def test_a_255_byte_file_name_works_and_leaves_no_temporary(capsys, tmp_path, seeded):
    name = "董" * 80 + "x" * 10 + ".xlsx"  # 240 + 10 + 5 bytes in UTF-8
    assert len(name.encode()) == 255
    code, _, err = answer(capsys, "--db", seeded, "export", "--out", tmp_path / name, "--lang", "en")
    assert code == 0, err
    assert os.listdir(tmp_path) == [name]


def test_an_old_register_file_is_never_touched_by_a_typo(capsys, tmp_path, seeded):
    conn = sqlite3.connect(seeded)
    before = conn.execute("SELECT count(*) FROM item").fetchone()
    conn.close()
    assert answer(capsys, "--db", str(seeded) + "x", "list")[0] == 2
    assert not Path(str(seeded) + "x").exists()
    conn = sqlite3.connect(seeded)
    assert conn.execute("SELECT count(*) FROM item").fetchone() == before
    conn.close()
