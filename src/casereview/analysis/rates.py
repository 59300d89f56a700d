"""Rates per population: reviews per 100,000 children by region (002 Section 2.3, Table 2).

002 gives the rates but not the child populations behind them (its Table 2 is an image;
the text gives only the extremes, Yorkshire and the Humber 1.66 and North West 5.52 per
100,000, which the reference library holds). Populations are therefore an input: a mapping
region -> child population, or a CSV file with columns `region,population` (and optionally
`source`), e.g. ONS mid-year estimates of the population aged 0-17.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from casereview.analysis import stats
from casereview.analysis.codes import field_codes, field_label, is_coded
from casereview.analysis.frequency import units
from casereview.analysis.table import ChartHint, ResultTable, Unit
from casereview.codebook.model import Codebook
from casereview.errors import CaseReviewError

TOTAL = "All regions"


def load_population(path: str | Path) -> tuple[dict[str, float], str | None]:
    """Child population per region from a CSV (`region,population[,source]`)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise CaseReviewError(f"{path}: cannot read population figures ({exc.strerror})") from None
    if not rows or not {"region", "population"} <= set(rows[0]):
        raise CaseReviewError(f"{path}: needs the columns region and population")
    out: dict[str, float] = {}
    for i, row in enumerate(rows, start=2):
        try:
            value = float(str(row["population"]).replace(",", ""))
        except ValueError:
            raise CaseReviewError(
                f"{path}, row {i}: population {row['population']!r} is not a number"
            ) from None
        if value <= 0:
            raise CaseReviewError(f"{path}, row {i}: population must be above zero")
        out[row["region"].strip()] = value
    sources = {r.get("source", "").strip() for r in rows} - {""}
    return out, "; ".join(sorted(sources)) or None


def rates(
    frame: pd.DataFrame,
    population: Mapping[str, float],
    *,
    codebook: Codebook | None = None,
    column: str = "region",
    per: int = 100_000,
    years: float = 1.0,
    unit: Unit = "reviews",
    population_source: str | None = None,
    table_id: str = "rates_by_region",
    title: str | None = None,
    source: str | None = "002 Section 2.3, Table 2",
) -> ResultTable:
    """Count per region, population, rate per `per` (per year when `years` > 1) with an exact
    Poisson 95% interval, and the rate over all listed regions."""
    data = units(frame, unit)
    keys = data[column].astype(object)
    if codebook is not None and is_coded(codebook, column):
        labels = field_codes(codebook, column).labels
        keys = keys.map(lambda v: labels.get(v, v) if isinstance(v, str) else v)
    counts = keys.value_counts()
    lookup = {str(k).strip().lower(): k for k in population}
    rows: dict[str, dict[str, float]] = {}
    unmatched = 0
    for region, n in counts.items():
        if str(region).strip().lower() not in lookup:
            unmatched += int(n)
    for key in population:
        n = int(
            sum(v for k, v in counts.items() if str(k).strip().lower() == str(key).strip().lower())
        )
        rows[str(key)] = _rate_row(n, float(population[key]), per, years)
    total_n = int(sum(r["n"] for r in rows.values()))
    rows[TOTAL] = _rate_row(total_n, float(sum(population.values())), per, years)
    df = pd.DataFrame.from_dict(rows, orient="index")
    rate_name = f"Rate per {per:,}" + (" per year" if years != 1 else "")
    counted = {"reviews": "Reviews", "children": "Children"}.get(unit, "Cases")
    df.columns = [counted, "Population", rate_name, "95% CI low", "95% CI high"]
    notes = [
        f"Rates are {unit} per {per:,} of the population given for each region"
        + (f", per year over {years:g} years." if years != 1 else ".")
    ]
    if population_source:
        notes.append(f"Population: {population_source}.")
    missing = int(data[column].isna().sum())
    if missing:
        notes.append(
            f"{missing} {unit} with no {field_label(codebook, column).lower()} are left out."
        )
    if unmatched:
        notes.append(f"{unmatched} {unit} in regions without a population figure are left out.")
    return ResultTable(
        id=table_id,
        title=title or f"{counted} per {per:,} population by region",
        data=df,
        unit=unit,
        denominator=len(data),
        kind="rate",
        missing=missing + unmatched,
        notes=tuple(notes),
        source=source,
        row_total=TOTAL,
        chart=ChartHint(kind="bar", horizontal=True, exclude=(TOTAL,)),
        extra={"per": per, "years": years},
    )


def _rate_row(n: int, pop: float, per: int, years: float) -> dict[str, float]:
    low, high = stats.poisson_ci(n)
    scale = per / pop / years
    return {"n": n, "population": pop, "rate": n * scale, "low": low * scale, "high": high * scale}
