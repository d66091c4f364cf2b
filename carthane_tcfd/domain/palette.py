"""Every colour the application shows that is not a rating band's (those live with the bands in
`scales.py`): one name per meaning, used alike by the GUI, the board pack, the charts and the matrices,
so that a colour is changed in one place and the same meaning looks the same everywhere.

Colours are '#RRGGBB' strings: XlsxWriter, matplotlib and Qt (QColor, style sheets) all take them.
`tests/unit/test_palette.py` holds every other module to these names.
"""

from __future__ import annotations

# Text
TEXT = "#000000"
TEXT_ON_DARK = "#FFFFFF"
TEXT_SECONDARY = "#404040"  # subtitles, axis and key texts of figures, edges that must read as lines
TEXT_MUTED = "#595959"  # notes under tables, hints, keys
TITLE = "#1F3864"  # titles and the pack's header band (navy)
LINK = "#0563C1"  # hyperlinks, as Excel draws them
CLOSED = "#808080"  # a closed item's row in the register grid
MARKER = "#262626"  # the inherent → residual arrow on the matrices

# Lines and plain fills
WHITE = "#FFFFFF"  # gaps between matrix cells, figure backgrounds
RULE = "#7F7F7F"  # cell edges on figures, trajectory lines
BORDER = "#BFBFBF"  # table borders in the pack
NEUTRAL_FILL = "#F2F2F2"  # computed cells, axis cells, totals, cells that do not apply
EMPTY_FILL = "#D9D9D9"  # "none"/neutral in charts and the scenario grid
SECTION_FILL = "#DDEBF7"  # section rows of tables; a changed row in the import preview

# States: a fill with the text colour that reads on it (the pairs Excel's conditional formats use)
ERROR = "#C00000"  # error messages, the confidentiality mark, warnings
BAD_FILL, BAD_TEXT = "#F8CBAD", "#9C0006"  # overdue, red status, a problem in an import row
AMBER_FILL, AMBER_TEXT = "#FFE699", "#7F6000"  # amber status, a conflict in an import row
GOOD_FILL, GOOD_TEXT = "#C6EFCE", "#006100"  # green status, a new row in an import
MISSING_FILL, MISSING_TEXT = "#FFEB9C", "#9C5700"  # a value the disclosure still misses; notices
NOTICE_FILL = "#FFF2CC"  # guidance banners (seeded or illustrative content)
SEED_MARK = AMBER_TEXT  # "from the seed" marks
LOCK_FILL = "#FCE4D6"  # the banner of a locked (approved) period

# Series in charts
RISK = "#C55A11"
OPPORTUNITY = "#2E75B6"
SCOPE_COLOURS = (RISK, OPPORTUNITY, "#70AD47")  # scope 1, 2, 3 in every chart (GUI, Excel)
MITIGATION_STATUS_COLOURS = {  # by MitigationStatus code
    "planned": "#A5A5A5",
    "in_progress": "#4472C4",
    "completed": "#70AD47",
    "cancelled": EMPTY_FILL,
    "not_stated": "#FFC000",
}
