"""Hostile text: what a user (or a file, or a clipboard) may put into any text field."""

from __future__ import annotations

# Text every field must store and give back unchanged, and every report must show literally.
STORABLE = {
    "mathtext": "Costs $5m to $8m",
    "mathtext_units": "US$50/t to US$100/t",
    "mathtext_command": r"$\frac{1}{0}$ $\undefinedcommand$",
    "rtl_override": "\u202eevil\u202c txt.exe",
    "control": "bell\x07 escape\x1b[31m red\x1b[0m back\x08space",
    "html": '<b>bold</b> <img src="file:///etc/passwd"> <a href="x">link</a>',
    "formula": '=HYPERLINK("http://evil","x")',
    "formula_plus": "+1+1",
    "formula_at": "@SUM(A1)",
    "emoji": "台风 🌀🌊 👩‍👩‍👧 flag 🇨🇳",
    "zero_width": "a\u200bb\u200dc\ufeffd",
    "quotes": "'; DROP TABLE item; -- \"",
    "percent": "%s %d %(x)s {0} {x}",
    "ampersand": "R&D &P &N &&",
    "newlines": "line1\nline2\r\nline3\ttab",
    "combining": "e\u0301\u0301\u0301 Z\u0351\u0352\u0353",
    "cjk_ext": "𠀀𪚥",
    "excel_escape": "_x0041_ stays literal",
}

# Text every field must refuse, naming the field.
REFUSED = {
    "nul": "before\x00after",
    "lone_surrogate": "bad \udc80 half",
    "lone_high_surrogate": "bad \ud83c half",
}
