"""Qt style sheets, built from the palette, for the few widgets that need a colour of their own."""

from __future__ import annotations

from carthane_tcfd.domain import palette

ERROR = f"color:{palette.ERROR};"  # a form's problems
NOTICE = f"color:{palette.MISSING_TEXT};"  # a value still missing
HINT = f"color:{palette.TEXT_MUTED};"  # hints and keys under a field
SEED_MARK = f"color:{palette.SEED_MARK};"  # "from the seed" marks
BANNER = f"background:{palette.NOTICE_FILL}; padding:4px; border-radius:3px;"  # guidance above a form
LOCK_BANNER = f"background:{palette.LOCK_FILL}; padding:3px;"  # the approved period's banner
