"""Every colour that is not a rating band's comes from `domain/palette.py` (issue 11): no module spells a
colour of its own, so one meaning has one colour in the GUI, the pack, the charts and the matrices."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from carthane_tcfd.domain import palette
from carthane_tcfd.domain.taxonomy import MitigationStatus

PACKAGE = Path(__file__).resolve().parents[2] / "carthane_tcfd"
HEX = re.compile(r"#[0-9A-Fa-f]{6}\b")
COLOUR_KEYWORDS = {"color", "colour", "colors", "edgecolor", "facecolor", "font_color", "bg_color", "border_color"}
NAMED = {"white", "black", "red", "green", "blue", "grey", "gray", "orange", "yellow", "navy"}


def colour_literals(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, text) of every colour spelt in the code: '#RRGGBB' anywhere in a string, and colour names
    given to a colour keyword or to set_facecolor/set_color. The band table's BandStyle(...) is exempt."""
    exempt: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "BandStyle":
            exempt.update(id(arg) for arg in node.args)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in exempt:
            if HEX.search(node.value):
                found.append((node.lineno, node.value))
        elif isinstance(node, ast.Call):
            named_args = [kw.value for kw in node.keywords if kw.arg in COLOUR_KEYWORDS]
            if getattr(node.func, "attr", None) in {"set_facecolor", "set_color", "set_edgecolor"}:
                named_args += node.args
            for value in named_args:
                if isinstance(value, ast.Constant) and str(value.value).lower() in NAMED:
                    found.append((value.lineno, str(value.value)))
    return found


def test_no_module_but_the_palette_spells_a_colour() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "palette.py":
            continue
        for line, text in colour_literals(ast.parse(path.read_text(encoding="utf-8"))):
            offenders.append(f"{path.relative_to(PACKAGE)}:{line}: {text!r}")
    assert offenders == [], "use a name from carthane_tcfd/domain/palette.py:\n" + "\n".join(offenders)


def test_the_check_finds_what_it_looks_for() -> None:
    planted = ast.parse(
        'a = "#C00000"\nb = f"color:#9C5700;"\nax.text(0, 0, "x", color="white")\nfig.patch.set_facecolor("black")\n'
        'BandStyle("低", "Low", "#A9D18E", "#DEEBF7", 0.2)\nc = "#1 item"\n'
    )
    assert sorted(line for line, _ in colour_literals(planted)) == [1, 2, 3, 4]


def test_palette_values_are_colours() -> None:
    values = [v for k, v in vars(palette).items() if k.isupper()]
    flat = [c for v in values for c in (v.values() if isinstance(v, dict) else v if isinstance(v, tuple) else [v])]
    assert flat and all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in flat), flat
    assert set(palette.MITIGATION_STATUS_COLOURS) == {s.value for s in MitigationStatus}
