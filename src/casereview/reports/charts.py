"""Static charts drawn from a figure's table (matplotlib, no pyplot, imported lazily).

Each chart plots `table.body` (totals and subtotals left out) as the table's `ChartHint`
says: bars, stacked bars (risk type x level, 000 Charts 2-4 / 001 Figures 3 and 5), grouped
bars (age band x gender, 001 Figure 1; incident type by study, 001 Figure 4), lines (trends)
and an UpSet-style overlap chart (toxic trio, 001 Figure 6). Suppressed cells are not drawn:
their place carries the suppression marker, so a chart never shows a hidden number.
Output is SVG with text drawn as paths, so it looks the same in every browser and PDF.
"""

from __future__ import annotations

import base64
import io
import textwrap
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from casereview.analysis.table import ChartHint, ResultTable
from casereview.numbers import fmt_number, fmt_pct

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

WIDTH_IN = 6.4  # the A4 text width at 2 cm margins, a little less
INK = "#1d2733"
GRID = "#d9dee5"
# Ordered dark to light: the first column (e.g. 'High') is the darkest.
SEQUENTIAL = ["#0b3c68", "#2f6ea8", "#76a9d6", "#b9d3ea", "#dde9f4"]
QUALITATIVE = ["#0b3c68", "#d9822b", "#3f8f5b", "#8c4f9f", "#b53a3a", "#6b7b8c", "#c9a227"]
_RC: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 8.5,
    "axes.edgecolor": "#8a94a3",
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "svg.fonttype": "path",
    "svg.hashsalt": "casereview",  # stable ids: the same table gives the same SVG bytes
}


def chart_bytes(table: ResultTable, hint: ChartHint | None = None, fmt: str = "svg") -> bytes:
    """The chart of `table` as SVG (for screens) or PNG (for print: a PDF lays out a PNG
    far faster than an SVG whose text is drawn as paths)."""
    import matplotlib

    hint = hint or table.chart or ChartHint()
    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        fig = draw(table, hint)
        buf = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(buf, format=fmt, dpi=200, bbox_inches="tight", metadata=metadata)
    return buf.getvalue()


def chart_svg(table: ResultTable, hint: ChartHint | None = None) -> str:
    return chart_bytes(table, hint, "svg").decode("utf-8")


def chart_data_uri(table: ResultTable, hint: ChartHint | None = None, fmt: str = "svg") -> str:
    mime = "image/svg+xml" if fmt == "svg" else f"image/{fmt}"
    return f"data:{mime};base64," + base64.b64encode(chart_bytes(table, hint, fmt)).decode("ascii")


# -- drawing ------------------------------------------------------------------------------


def draw(table: ResultTable, hint: ChartHint | None = None) -> Figure:
    """The matplotlib figure of a table's chart (not saved)."""
    hint = hint or table.chart or ChartHint()
    if hint.kind == "venn":
        return _upset(table, hint)
    values, hidden = _values(table, hint)
    if hint.kind == "line":
        return _lines(values, hidden, hint, table)
    stacked = hint.kind == "stacked_bar"
    if hint.kind == "bar" and values.shape[1] > 1:
        values, hidden = values.iloc[:, :1], hidden.iloc[:, :1]
    return _bars(values, hidden, hint, table, stacked=stacked)


def _values(table: ResultTable, hint: ChartHint) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The numbers to plot and a mask of the suppressed cells, without margins."""
    body = table.body
    source = body
    if hint.value == "percent" and table.percent is not None:
        source = table.percent.loc[body.index, body.columns]
    keep_rows = [r for r in body.index if str(r) not in hint.exclude]
    keep_cols = [c for c in body.columns if str(c) not in hint.exclude]
    values = source.loc[keep_rows, keep_cols].astype(float)
    if table.suppressed is not None:
        hidden = table.suppressed.loc[keep_rows, keep_cols] != ""
    else:
        hidden = pd.DataFrame(False, index=keep_rows, columns=keep_cols)
    return values, hidden


def _new_figure(height: float) -> tuple[Figure, Axes]:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_IN, max(1.6, height)))
    ax = fig.add_subplot()
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig, ax


def _wrap(label: Any, width: int = 30) -> str:
    return "\n".join(textwrap.wrap(str(label), width)) or str(label)


def _palette(columns: pd.Index, kind: str) -> list[str]:
    names = [str(c).lower() for c in columns]
    if kind == "stacked_bar" and len(columns) <= len(SEQUENTIAL):
        return SEQUENTIAL[: len(columns)]
    if set(names) <= {"female", "male", "other", "not stated", "unknown"}:
        gender = {"female": "#b5496b", "male": "#2f6ea8"}
        return [gender.get(n, "#9aa5b1") for n in names]
    return [QUALITATIVE[i % len(QUALITATIVE)] for i in range(len(columns))]


def _bars(
    values: pd.DataFrame,
    hidden: pd.DataFrame,
    hint: ChartHint,
    table: ResultTable,
    *,
    stacked: bool,
) -> Figure:
    n_cat, n_ser = values.shape
    horizontal = hint.horizontal or n_cat > 8
    per_cat = 0.26 if stacked or n_ser == 1 else 0.16 * n_ser + 0.12
    height = (0.7 + per_cat * n_cat) if horizontal else 3.0
    fig, ax = _new_figure(height)
    colours = _palette(values.columns, "stacked_bar" if stacked else "bar")
    pos = np.arange(n_cat)
    width = 0.7 if stacked or n_ser == 1 else 0.8 / n_ser
    left = np.zeros(n_cat)
    vmax = float(
        np.nansum(values.to_numpy(), axis=1).max(initial=0)
        if stacked
        else np.nanmax(values.to_numpy(), initial=0)
    )
    vmax = vmax or 1.0
    for j, col in enumerate(values.columns):
        vals = values[col].fillna(0).to_numpy()
        if stacked:
            offsets, where = pos, left.copy()
        else:
            offsets, where = pos - 0.4 + width * (j + 0.5) if n_ser > 1 else pos, np.zeros(n_cat)
        if horizontal:
            bars = ax.barh(
                offsets, vals, height=width, left=where, color=colours[j], label=str(col)
            )
        else:
            bars = ax.bar(
                offsets, vals, width=width, bottom=where, color=colours[j], label=str(col)
            )
        _annotate(
            ax,
            bars,
            vals,
            hidden[col].to_numpy(),
            table,
            values.index,
            col,
            where,
            horizontal=horizontal,
            stacked=stacked,
            vmax=vmax,
            percent=hint.value == "percent",
        )
        if stacked:
            left = left + vals
    if stacked:
        _hidden_segments(ax, values, hidden, table, left, horizontal=horizontal)
    labels = [_wrap(c, 34 if horizontal else 14) for c in values.index]
    axis_label = hint.y_label or ("%" if hint.value == "percent" else _unit_label(table))
    if horizontal:
        ax.set_yticks(pos, labels)
        ax.invert_yaxis()
        ax.set_xlabel(hint.x_label or axis_label)
        ax.xaxis.grid(True, color=GRID, linewidth=0.6)
    else:
        ax.set_xticks(pos, labels)
        ax.set_ylabel(axis_label)
        if hint.x_label:
            ax.set_xlabel(hint.x_label)
        ax.yaxis.grid(True, color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    if n_ser > 1:
        ax.legend(
            frameon=False,
            ncols=min(n_ser, 5),
            loc="lower left",
            bbox_to_anchor=(0, 1.0),
            fontsize=8,
        )
    return fig


def _annotate(
    ax: Axes,
    bars: Any,
    vals: np.ndarray,
    hidden: np.ndarray,
    table: ResultTable,
    rows: pd.Index,
    col: Any,
    where: np.ndarray,
    *,
    horizontal: bool,
    stacked: bool,
    vmax: float,
    percent: bool,
) -> None:
    """Value labels: inside stacked segments, at the end of plain bars; a suppressed
    cell gets its marker where its bar would have been."""
    for k, rect in enumerate(bars):
        if hidden[k]:
            text, value = table.marker(rows[k], col) or "*", 0.0
        else:
            value = float(vals[k])
            if value <= 0:
                continue
            text = fmt_pct(value) if percent else fmt_number(value)
        if stacked:
            if hidden[k] or value < vmax * 0.04:
                continue  # hidden segments are listed at the end of the bar
            centre = where[k] + value / 2
            colour = "white" if rect.get_facecolor()[0] < 0.4 else INK
            xy = (
                (centre, rect.get_y() + rect.get_height() / 2)
                if horizontal
                else (rect.get_x() + rect.get_width() / 2, centre)
            )
            ax.annotate(text, xy, ha="center", va="center", fontsize=7, color=colour)
        elif horizontal:
            ax.annotate(
                text,
                (value, rect.get_y() + rect.get_height() / 2),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=7,
                color=INK,
            )
        else:
            ax.annotate(
                text,
                (rect.get_x() + rect.get_width() / 2, value),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                fontsize=7,
                color=INK,
            )


def _hidden_segments(
    ax: Axes,
    values: pd.DataFrame,
    hidden: pd.DataFrame,
    table: ResultTable,
    ends: np.ndarray,
    *,
    horizontal: bool,
) -> None:
    """Suppressed segments of a stacked bar, named after the bar ('Low <5'): a segment of
    unknown size cannot be drawn, and a marker inside the stack would sit on its neighbour."""
    for k, row in enumerate(values.index):
        cols = [c for c in values.columns if hidden.at[row, c]]
        if not cols:
            continue
        text = ", ".join(f"{c} {table.marker(row, c) or '*'}" for c in cols)
        if horizontal:
            ax.annotate(
                text,
                (ends[k], k),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=7,
                color=INK,
                style="italic",
            )
        else:
            ax.annotate(
                text,
                (k, ends[k]),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                fontsize=6.5,
                color=INK,
                style="italic",
                rotation=90,
            )


def _unit_label(table: ResultTable) -> str:
    return {
        "children": "Number of children",
        "reviews": "Number of reviews",
        "cases": "Number of cases",
    }.get(table.unit, "Number")


def _lines(
    values: pd.DataFrame, hidden: pd.DataFrame, hint: ChartHint, table: ResultTable
) -> Figure:
    """One line per row across the columns (studies or years, left to right)."""
    fig, ax = _new_figure(3.0)
    x = np.arange(values.shape[1])
    for i, (label, series) in enumerate(values.iterrows()):
        ys = series.to_numpy(dtype=float).copy()
        ys[hidden.loc[label].to_numpy()] = np.nan
        ax.plot(
            x,
            ys,
            marker="o",
            markersize=3.5,
            linewidth=1.6,
            color=QUALITATIVE[i % len(QUALITATIVE)],
            label=_wrap(label, 30),
        )
    ax.set_xticks(x, [_wrap(c, 12) for c in values.columns])
    ax.set_ylabel(hint.y_label or ("%" if hint.value == "percent" else _unit_label(table)))
    ax.yaxis.grid(True, color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(frameon=False, fontsize=7.5, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def _upset(table: ResultTable, hint: ChartHint) -> Figure:
    """Overlap of yes/no factors as an UpSet-style chart: one bar per combination, with the
    combination shown as filled dots under it (readable for three or more sets, unlike a
    Venn diagram drawn by hand)."""
    from casereview.reports.overlap import combinations

    combos = combinations(table)
    from matplotlib.figure import Figure

    sets = combos.sets
    fig = Figure(figsize=(WIDTH_IN, 2.6 + 0.25 * len(sets)))
    grid = fig.add_gridspec(2, 1, height_ratios=[3.2, 0.35 * len(sets) + 0.2], hspace=0.05)
    ax = fig.add_subplot(grid[0])
    dots = fig.add_subplot(grid[1], sharex=ax)
    x = np.arange(len(combos.rows))
    heights = [0 if r.hidden else r.count for r in combos.rows]
    bars = ax.bar(x, heights, width=0.6, color=SEQUENTIAL[0])
    top = max(heights, default=1) or 1
    for rect, r in zip(bars, combos.rows, strict=True):
        text = r.marker if r.hidden else fmt_number(r.count)
        if not r.hidden and r.percent is not None:
            text += f"\n({fmt_pct(r.percent)})"
        ax.annotate(
            text,
            (rect.get_x() + rect.get_width() / 2, rect.get_height()),
            xytext=(0, 2),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=7,
            color=INK,
        )
    ax.set_ylim(0, top * 1.3)
    ax.set_ylabel(hint.y_label or _unit_label(table))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.yaxis.grid(True, color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(axis="x", bottom=False, labelbottom=False)
    for i, r in enumerate(combos.rows):
        ys = [k for k, s in enumerate(sets) if s in r.members]
        dots.scatter([i] * len(sets), range(len(sets)), s=30, color="#d5dbe3", zorder=1)
        if ys:
            dots.scatter([i] * len(ys), ys, s=34, color=INK, zorder=2)
            dots.plot([i, i], [min(ys), max(ys)], color=INK, linewidth=1.4, zorder=2)
    dots.set_yticks(range(len(sets)), [_wrap(s, 30) for s in sets])
    dots.set_ylim(len(sets) - 0.5, -0.5)
    dots.tick_params(axis="x", bottom=False, labelbottom=False)
    for side in ("top", "right", "bottom", "left"):
        dots.spines[side].set_visible(False)
    dots.tick_params(axis="y", left=False)
    return fig
