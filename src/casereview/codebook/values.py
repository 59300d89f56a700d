"""Checking one raw value against a codebook field and returning its canonical form.

Canonical forms (what the register stores, always text): a value id for categorical,
ordinal and yes/no fields; a plain integer or decimal; an ISO date; free text as given.
Imports may also use a value's label, its numeric code or one of its aliases.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from casereview.codebook.model import Codebook, CodebookField, Value
from casereview.errors import ValidationError

EMPTY = ("", "nan", "none", "null")


def is_empty(raw: Any) -> bool:
    if raw is None:
        return True
    if isinstance(raw, float) and math.isnan(raw):
        return True
    return isinstance(raw, str) and raw.strip().lower() in EMPTY


def allowed_text(values: tuple[Value, ...], limit: int = 30) -> str:
    shown = ", ".join(f"{v.id} ({v.label})" for v in values[:limit])
    more = f", … {len(values) - limit} more" if len(values) > limit else ""
    return shown + more


def normalise(text: str) -> str:
    """Lower case, '&' as 'and', punctuation and dashes as single spaces: so that
    'Public law - s31 only' finds the label 'Public law – s31 only'."""
    text = text.strip().lower().replace("&", " and ")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def _lookup_table(values: tuple[Value, ...]) -> dict[str, str]:
    table: dict[str, str] = {}
    for v in values:
        for key in (v.id, v.label, str(v.code), *v.aliases):
            table.setdefault(key.strip().lower(), v.id)
        for key in (v.label, *v.aliases):
            table.setdefault(normalise(key), v.id)
    return table


class FieldValidator:
    """Validates raw values for one field; built once per field for bulk imports."""

    def __init__(self, codebook: Codebook, field: CodebookField) -> None:
        self.field = field
        self.values = codebook.values_of(field)
        self._table = _lookup_table(self.values)

    def __call__(self, raw: Any) -> str | None:
        """The canonical text of `raw`, None when empty; ValidationError when not allowed."""
        if self.values and isinstance(raw, str) and raw.strip():
            # A value id such as 'none' (risk level, 000 Appendix A) is a value, not a blank.
            found = self._table.get(raw.strip().lower())
            if found is not None:
                return found
        if is_empty(raw):
            return None
        f = self.field
        if self.values:
            key = _as_key(raw)
            found = self._table.get(key) or self._table.get(normalise(key))
            if found is not None:
                return found
            raise ValidationError(
                f"field {f.id!r} ({f.label}): {raw!r} is not an allowed value; allowed: "
                + allowed_text(self.values)
            )
        if f.type == "integer":
            return str(self._number(raw, integer=True))
        if f.type == "number":
            return _format_number(self._number(raw, integer=False))
        if f.type == "date":
            return _parse_date(f, raw)
        return str(raw).strip()

    def _number(self, raw: Any, *, integer: bool) -> float | int:
        f = self.field
        kind = "a whole number" if integer else "a number"
        try:
            num = float(str(raw).strip())
        except ValueError:
            raise ValidationError(f"field {f.id!r} ({f.label}): {raw!r} is not {kind}") from None
        if not math.isfinite(num):  # inf, nan: float() accepts them, nothing here means them
            raise ValidationError(f"field {f.id!r} ({f.label}): {raw!r} is not {kind}")
        if integer and num != int(num):
            raise ValidationError(f"field {f.id!r} ({f.label}): {raw!r} is not {kind}")
        low, high = f.minimum, f.maximum
        if (low is not None and num < low) or (high is not None and num > high):
            bounds = f"{_format_number(low) if low is not None else '…'} to "
            bounds += _format_number(high) if high is not None else "…"
            raise ValidationError(
                f"field {f.id!r} ({f.label}): {raw!r} is outside the allowed range {bounds}"
            )
        return int(num) if integer else num


def _as_key(raw: Any) -> str:
    if isinstance(raw, bool):
        return "yes" if raw else "no"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw).strip().lower()


def _format_number(num: float | None) -> str:
    if num is None:
        return ""
    return str(int(num)) if float(num).is_integer() else repr(float(num))


def _parse_date(f: CodebookField, raw: Any) -> str:
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    try:
        return dt.date.fromisoformat(str(raw).strip()[:10]).isoformat()
    except ValueError:
        raise ValidationError(
            f"field {f.id!r} ({f.label}): {raw!r} is not a date; write it as YYYY-MM-DD"
        ) from None


def validate_value(codebook: Codebook, field_id: str, raw: Any) -> str | None:
    return FieldValidator(codebook, codebook.field(field_id))(raw)
