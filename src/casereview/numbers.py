"""One way to round and print numbers, for every output (HTML, PDF, Excel, CLI, sentences).

Published tables round halves up (001 Table 5 prints 13.25 as 13.3), so every figure the
product prints goes through `round_half_up` here, on an exact value:

- counts and denominators are ints, and a percentage is the exact `Fraction` 100 * n / d
  (57 of 200 is exactly 28.5 and prints as 29%, where the float 0.285 * 100 is
  28.499999999999996 and would print as 28%);
- a float that reaches a renderer (a mean score, a percentage kept in a table) is a ratio
  of counts, so it is read as the nearest fraction with a denominator up to a million,
  which is that ratio exactly; float error (about 1e-14) is far smaller than the gap
  between two such fractions (at least 1e-12).

Python's `round` (half to even: 6.25 -> 6.2) and format specs such as `:.0f` (the same,
on the binary value) are not used anywhere else for printed figures.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from numbers import Rational
from typing import Any

DASH = "\u2013"  # printed for a missing number
_MAX_DENOMINATOR = 1_000_000

Exact = int | Fraction | Decimal


def is_missing(value: Any) -> bool:
    """None, NaN or pandas' NA/NaT."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError, ImportError):
        return False


def exact(value: Any) -> Fraction:
    """`value` as an exact fraction (ints, fractions and decimals as they are; floats and
    numpy numbers as the ratio of counts they stand for, see the module docstring)."""
    if isinstance(value, bool):
        return Fraction(int(value))
    if isinstance(value, int | Fraction):
        return Fraction(value)
    if isinstance(value, Decimal):
        return Fraction(value)
    if isinstance(value, Rational):
        return Fraction(int(value.numerator), int(value.denominator))
    if hasattr(value, "item"):  # numpy scalar
        return exact(value.item())
    f = float(value)
    if math.isnan(f) or math.isinf(f):
        raise ValueError(f"not a finite number: {value!r}")
    return Fraction(f).limit_denominator(_MAX_DENOMINATOR)


def round_half_up(value: Any, decimals: int = 0) -> Decimal:
    """`value` rounded to `decimals` places, halves away from zero (28.5 -> 29, 6.25 -> 6.3).

    Done in integers on the exact fraction, so no binary or decimal precision limit can
    move a half."""
    q = exact(value)
    num, den = q.numerator * 10**decimals, q.denominator
    whole, rest = divmod(abs(num), den)
    if 2 * rest >= den:
        whole += 1
    result = Decimal(-whole if num < 0 else whole).scaleb(-decimals)
    return result.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def rounded(value: Any, decimals: int = 0) -> float:
    """The half-up rounded value as a number (for spreadsheets: the cell holds what the
    report prints, and a number format shows the same places)."""
    return float(round_half_up(value, decimals))


def fmt_number(value: Any, decimals: int | None = None) -> str:
    """A number as a table prints it; missing as an en dash.

    `decimals=None`: whole numbers without decimals, others with one (mean scores such as
    15.3, as 000 Table 6 prints them)."""
    if is_missing(value):
        return DASH
    if isinstance(value, str):
        return value
    q = exact(value)
    if decimals is None:
        if q.denominator == 1:
            return str(q.numerator)
        decimals = 1
    return str(round_half_up(q, decimals))


def percent(count: Any, total: Any) -> Fraction | None:
    """100 * count / total exactly, or None when there is no total."""
    if is_missing(count) or is_missing(total) or exact(total) == 0:
        return None
    return 100 * exact(count) / exact(total)


def fmt_pct(value: Any, decimals: int = 0) -> str:
    """A percentage (0-100) with its sign: 28.5 -> '29%'; missing as an en dash."""
    if is_missing(value):
        return DASH
    return f"{round_half_up(value, decimals)}%"


def fmt_share(count: Any, total: Any, unit: str | None = None, decimals: int = 0) -> str:
    """A percentage that says what it divides by: '28% (27 of 97 reviews)'."""
    p = percent(count, total)
    of = f"{fmt_number(count)} of {fmt_number(total)}" + (f" {unit}" if unit else "")
    if p is None:
        return of
    return f"{fmt_pct(p, decimals)} ({of})"


def fmt_p(p: float | None) -> str:
    """A p-value as reports print it: '<0.001' below 0.001, else three decimals (never 0)."""
    if p is None or is_missing(p):
        return DASH
    if p < 0.001:
        return "<0.001"
    return str(round_half_up(p, 3))


def fmt_ci(low: Any, high: Any, decimals: int = 0, *, percent_sign: bool = True) -> str:
    """An interval as '70\u201397%' (bounds already in percent)."""
    if is_missing(low) or is_missing(high):
        return DASH
    text = f"{round_half_up(low, decimals)}\u2013{round_half_up(high, decimals)}"
    return text + ("%" if percent_sign else "")


def rounded_sum_note(percents: Iterable[Any], decimals: int = 0) -> str | None:
    """The note printed under a table whose rounded percentages do not add to 100
    (None when they do, or when there is nothing to add)."""
    shown = [round_half_up(p, decimals) for p in percents if not is_missing(p)]
    if len(shown) < 2:
        return None
    total = sum(shown, Decimal(0))
    if total == 100:
        return None
    return f"Percentages are rounded and add to {total.normalize():f}% rather than 100%."


def round_to_multiple(value: Any, step: int) -> int:
    """`value` rounded half up to a multiple of `step` (counts to the nearest 5 or 10:
    25 -> 30 at step 10, where numpy's half-to-even gives 20)."""
    return int(round_half_up(exact(value) / step, 0)) * step
