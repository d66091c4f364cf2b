"""An item's fields, declared once: each field of `ItemDraft` carries an `ItemField` in its metadata, and
everything that lists an item's fields reads them from there (`records.ITEM_FIELDS`): the JSON of
`list --json`, the CLI table, the validation, the audit comparison, the conflict dialog, the service's
stored values, the grid row and the board pack's register columns.

How to add a field to an item (say a text `response`):
1. `domain/records.py`: the field on `ItemDraft` with its declaration (`item_field(...)`: labels, shape,
   limit, JSON key, pack width...) and the same field on `ItemSnapshot` (or on `ItemHeader` when the
   register grid needs it: `in_row=True`). A test fails if the two disagree.
2. `store/models.py`: the column on `Item`, and its Alembic migration in `db/versions/`.
3. The widget that edits it: `ui/widgets/item_editor.py` (build, fill, read back).
Nothing else: the services store and audit it, validation checks its limit or its codes, the CLI prints
it, the pack shows it (with `pack_width`), a conflict compares it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from carthane_tcfd.domain.taxonomy import Category, Coded, Lang, labels, labels_as_entered

TITLE_MAX = 200
TEXT_MAX = 20_000
SHORT_MAX = 200
SOURCE_MAX = 40  # a Source code


class Shape(Enum):
    """What kind of value a field holds; it decides how the value is stored, checked, shown and compared."""

    TEXT = "text"
    CATEGORY = "category"  # a Category
    CODES = "codes"  # a set of codes of one vocabulary, kept in the order entered
    SCORE = "score"  # a whole number on the period's scale, or None
    AMOUNT = "amount"  # a CNY Decimal, or None
    FLAG = "flag"


@dataclass(frozen=True)
class ItemField:
    """One field of an item. `name` is the attribute on drafts, snapshots and the `Item` model, and the
    field name the audit trail records."""

    zh: str
    en: str
    shape: Shape = Shape.TEXT
    name: str = ""  # filled from the dataclass field
    max_length: int | None = None  # TEXT: the limit the domain enforces (its error names it)
    required: bool = False
    stripped: bool = False  # TEXT: stored without surrounding blanks
    vocabulary: type[Coded] | None = None  # CODES: the codes allowed
    json_key: str | None = None  # its key in `list --json`; None: not in the JSON
    in_row: bool = False  # on the register grid's row (ItemHeader) as well as the whole item
    edited: bool = True  # the user edits it (a conflict compares it); False: the system keeps it
    english: str | None = None  # TEXT: the field holding its English version, shown in English output
    pack_width: float | None = None  # its column on the pack's register sheets, in characters; None: none
    table: tuple[str, str] | None = None  # its column in the CLI table (zh, en head); None: none
    as_entered: bool = False  # CODES: shown in the order entered (else in the vocabulary's order)

    def label(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en

    @property
    def is_set(self) -> bool:
        """Compared as a set: re-ordering the codes is no change."""
        return self.shape is Shape.CODES

    def same(self, old: Any, new: Any) -> bool:
        if self.is_set:
            return set(old or ()) == set(new or ())
        return bool(old == new)

    def stored(self, value: Any) -> Any:
        """The draft's value as the `Item` model holds it."""
        if self.shape is Shape.CATEGORY:
            return value.value
        if self.shape is Shape.CODES:
            return list(value)
        if self.stripped:
            return value.strip()
        return value

    def loaded(self, value: Any) -> Any:
        """A stored value as a snapshot holds it."""
        if self.shape is Shape.CATEGORY:
            return Category(value)
        if self.shape is Shape.CODES:
            return tuple(value)
        return value

    def drafted(self, value: Any) -> Any:
        """A snapshot's value as a draft holds it."""
        return list(value) if self.shape is Shape.CODES else value

    def json_value(self, value: Any) -> Any:
        if isinstance(value, Enum):
            return value.value
        if isinstance(value, tuple | list):
            return list(value)
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, dt.date):
            return value.isoformat()
        return value

    def shown(self, item: Any, lang: Lang, sep: str = "、") -> Any:
        """The field of `item` as a reader sees it: labels for codes, the English text in English."""
        value = getattr(item, self.name)
        if self.shape is Shape.CATEGORY:
            return value.label(lang)
        if self.shape is Shape.CODES:
            assert self.vocabulary is not None
            return (labels_as_entered if self.as_entered else labels)(value, self.vocabulary, lang, sep)
        if self.english and lang == "en":
            return getattr(item, self.english) or value
        return value


def item_field(spec: ItemField, default: Any = dataclasses.MISSING, default_factory: Any = dataclasses.MISSING) -> Any:
    """A dataclass field declared with `spec` (see the module's note)."""
    return dataclasses.field(default=default, default_factory=default_factory, metadata={"item_field": spec})


def declared_fields(cls: type) -> tuple[ItemField, ...]:
    """The declared fields of a dataclass, in declaration order, each named after its attribute."""
    return tuple(
        dataclasses.replace(f.metadata["item_field"], name=f.name)
        for f in dataclasses.fields(cls)
        if "item_field" in f.metadata
    )
