"""The practitioner briefing: two A4 pages in the manner of the Knowledge Bite (003).

Headline figures and the children's characteristics come from the analysis tables (with
small-cell suppression when asked); the learning themes present in the cohort and the
practice points come from the reviews' coded learning text (`reports.learning`). What each
codebook calls a headline is listed in its profile below; a codebook without one gets the
most prevalent of its yes/no fields.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from casereview.analysis.bands import CHILD_AGE_000, Bands, band_table
from casereview.analysis.frequency import frequency
from casereview.analysis.risk import presence_table
from casereview.analysis.table import ResultTable
from casereview.codebook.registry import CodebookRegistry
from casereview.errors import NotFoundError
from casereview.reports.context import ReportData, load_report_data
from casereview.reports.learning import Learning, learning_fields, learning_from, theme_rules
from casereview.reports.model import Cohort
from casereview.reports.observations import cell, join, lower_first, ranked
from casereview.store.database import Store
from casereview.store.usage import codebook_usage

PRESENT = ("high", "medium", "low")
_PLURAL = {"female": "were girls", "male": "were boys"}


@dataclass(frozen=True)
class Fact:
    field: str
    present: tuple[str, ...]
    text: str  # what the percentage is of, e.g. "of cases featured domestic abuse"


@dataclass(frozen=True)
class Profile:
    facts: tuple[Fact, ...]
    gender: str | None = None
    age: str | None = None
    age_bands: Bands | None = None  # for a numeric age field
    source_of_harm: str | None = None


PROFILES = {
    # 001 Sections 5.3.1-5.3.3 and the executive summary pick out these figures.
    "cafcass-scr": Profile(
        facts=(
            Fact("incident_fatal", ("yes",), "of index incidents involved the death of a child"),
            Fact("risk_domestic_abuse", PRESENT, "of cases featured domestic abuse"),
            Fact("risk_neglect", PRESENT, "of cases featured neglect"),
            Fact(
                "risk_parental_mental_health",
                PRESENT,
                "of cases featured parental mental health concerns",
            ),
            Fact("risk_substance_misuse", PRESENT, "of cases featured parental substance misuse"),
            Fact(
                "toxic_trio_all", ("yes",), "of cases featured all three 'toxic trio' risk factors"
            ),
        ),
        gender="child_gender",
        age="child_age",
        age_bands=CHILD_AGE_000,
        source_of_harm="perpetrator",
    ),
    # 002 Chapter 2 and Chapter 4 (parental and family characteristics) headline these.
    "triennial-2014-17": Profile(
        facts=(
            Fact("fatal", ("yes",), "of the children died"),
            Fact("fam_domestic_abuse", ("yes",), "of reviews recorded domestic abuse"),
            Fact(
                "par_mental_health", ("yes",), "of reviews recorded parental mental health problems"
            ),
            Fact("par_substance", ("yes",), "of reviews recorded parental drug or alcohol misuse"),
            Fact("neglect", ("yes",), "of the children had experienced neglect"),
            Fact("toxic_trio_all", ("yes",), "of reviews recorded all three of the 'toxic trio'"),
        ),
        gender="gender",
        age="age_band",
        source_of_harm="source_of_harm",
    ),
}


@dataclass(frozen=True)
class Headline:
    figure: str  # "71%"
    text: str  # "of cases featured domestic abuse"
    detail: str  # "69 of 97 cases"


@dataclass(frozen=True)
class Briefing:
    title: str
    subtitle: str
    cohort: Cohort
    codebook: str
    background: tuple[str, ...]
    headlines: tuple[Headline, ...]
    children: tuple[str, ...]
    learning: Learning | None
    reminder: str | None = None
    suppress_below: int | None = None
    generated: dt.date = field(default_factory=dt.date.today)

    def top_percent(self) -> float:
        """The largest theme percentage shown (bars are drawn relative to it)."""
        if self.learning is None:
            return 1.0
        t = self.learning.themes
        shown = (
            [float(p) for r, p in t.percent["n"].items() if not t.is_suppressed(r, "n")]
            if t.percent is not None
            else []
        )
        return max([p for p in shown if not math.isnan(p)] + [1.0])

    def theme_groups(self) -> list[tuple[str, list[tuple[str, str, float | None]]]]:
        """Themes present under their Appendix H headings: (label, count text, percent)."""
        if self.learning is None:
            return []
        t = self.learning.themes
        groups: dict[str, list[tuple[str, str, float | None]]] = {}
        shown = t.display(percent=False)
        for label in t.data.index:
            pct = (
                None
                if t.is_suppressed(label, "n") or t.percent is None
                else float(t.percent.at[label, "n"])
            )
            groups.setdefault(t.extra["groups"].get(label, ""), []).append(
                (str(label), str(shown.at[label, "n"]), pct)
            )
        return list(groups.items())


def _fact(d: ReportData, fact: Fact) -> Headline | None:
    if not d.has(fact.field):
        return None
    t = presence_table(
        d.cases, d.codebook, [fact.field], present=list(fact.present), table_id=f"fact_{fact.field}"
    )
    t = d.suppress(t) if d.suppress else t
    s = cell(t, t.data.index[0])
    known = t.extra.get("known", {}).get(t.data.index[0])
    if s is None or s.percent is None:
        return None
    unit = "children" if t.unit == "children" else "cases"
    return Headline(s.pct, fact.text, f"{s.n} of {known} {unit}" if known else "")


def _generic_facts(d: ReportData) -> list[Fact]:
    fields = [f.id for f in d.codebook.fields if f.type == "yes_no" and d.has(f.id)]
    if not fields:
        return []
    t = presence_table(d.cases, d.codebook, fields, sort=True)
    labels = {d.codebook.field(f).label: f for f in fields}
    return [
        Fact(labels[s.label], ("yes",), f"recorded {lower_first(s.label)}") for s in ranked(t)[:6]
    ]


def _children(d: ReportData, profile: Profile) -> list[str]:
    out = []
    sup = d.suppress or (lambda t: t)
    if profile.gender and d.has(profile.gender):
        g = sup(frequency(d.cases, d.codebook, profile.gender))
        parts = [
            f"{s.n} ({s.pct}) {_PLURAL.get(s.label.lower(), lower_first(s.label))}"
            for s in ranked(g)
        ]
        if parts:
            out.append(f"Of the {d.cohort.children} children, {join(parts)}.")
    if profile.age and d.has(profile.age):
        if profile.age_bands is not None:
            a: ResultTable = sup(
                band_table(d.cases, d.codebook, profile.age, profile.age_bands, percent="total")
            )
        else:
            a = sup(frequency(d.cases, d.codebook, profile.age))
        order = ranked(a, exclude=("Unknown", "Not stated"))[:2]
        if order:
            out.append(
                "The largest age groups were "
                + join([f"{lower_first(s.label)} ({s.pct})" for s in order])
                + "."
            )
    if profile.source_of_harm and d.has(profile.source_of_harm):
        h = sup(frequency(d.cases, d.codebook, profile.source_of_harm))
        best = ranked(h, exclude=("Not known", "Unknown"))
        if best:
            out.append(
                f"Most often suspected source of harm: {lower_first(best[0].label)} ({best[0].pct})."
            )
    return out


def _briefing_codebook(store: Store, study: str | None, registry: CodebookRegistry) -> str | None:
    """The codebook most reviews are coded against among those with learning text, if any."""
    for cid, _n in codebook_usage(store, study):
        try:
            cb = registry.get(cid)
        except NotFoundError:  # codes of a codebook no longer installed
            continue
        if learning_fields(cb):
            return cid
    return None


def build_briefing(
    store: Store,
    study: str | None = None,
    suppress_below: int | None = None,
    *,
    codebook: str | None = None,
    registry: CodebookRegistry | None = None,
) -> Briefing:
    from casereview.codebook import default_registry
    from casereview.reports.study import suppressor

    registry = registry or default_registry()
    codebook = codebook or _briefing_codebook(store, study, registry)
    d = load_report_data(
        store,
        study=study,
        codebook=codebook,
        suppress=suppressor(suppress_below),
        registry=registry,
    )
    profile = PROFILES.get(d.codebook.id) or Profile(tuple(_generic_facts(d)))
    facts = {f.field: _fact(d, f) for f in profile.facts}
    headlines = tuple(h for h in facts.values() if h is not None)
    trio = facts.get("toxic_trio_all")
    reminder = None
    if trio is not None:
        reminder = (
            f"Domestic abuse, substance misuse and parental mental health problems were all present in "
            f"{trio.figure} of these reviews. They are interacting factors which significantly increase "
            "the risk of serious harm to children (003; 001 Section 5.3.1)."
        )
    learning = learning_from(
        d.reviews,
        d.codebook,
        theme_rules(registry),
        suppress_below=suppress_below,
        suppress=d.suppress,
    )
    c = d.cohort
    scope = f" ({c.years})" if c.years else ""
    background = [
        (
            f"This briefing draws on {c.reviews} case reviews concerning {c.children} children{scope}, "
            f"coded against {d.codebook.title}. It sets out the headline figures"
            + (
                ", the learning themes the reviews raise and the practice points they share."
                if learning is not None
                else " and what is known of the children and their families."
            )
        )
    ]
    if learning is not None:
        background.append(
            f"Learning themes are those of the national analysis of serious case reviews (002 Appendix H), "
            f"found in the {', '.join(lower_first(x) for x in learning.field_labels)} recorded for "
            f"{learning.reviews_with_text} reviews."
        )
    return Briefing(
        title=f"Key messages from {c.reviews} case reviews",
        subtitle=", ".join(c.studies) if 0 < len(c.studies) <= 3 else d.codebook.title,
        cohort=c,
        codebook=d.codebook.key,
        background=tuple(background),
        headlines=headlines,
        children=tuple(_children(d, profile)),
        learning=learning,
        reminder=reminder,
        suppress_below=suppress_below,
    )


# Tighter and tighter settings for the two pages: (theme rows per heading, leading themes,
# practice points per theme). The first that fits two A4 pages is printed.
FITS = ((8, 6, 2), (5, 4, 1), (3, 3, 1))


def render_briefing_html(briefing: Briefing, *, fit: tuple[int, int, int] = FITS[0]) -> str:
    from casereview.reports.html import environment, stylesheet

    per_group, themes, points = fit
    template = environment().get_template("briefing.html.j2")
    return template.render(
        b=briefing,
        css=stylesheet("briefing.css"),
        max_per_group=per_group,
        max_leading=themes,
        max_points=points,
    )


def render_briefing_pdf(briefing: Briefing) -> bytes:
    """The briefing as a PDF of at most two A4 pages: if the cohort's themes and points do
    not fit, fewer are printed (the HTML keeps them all at the first setting)."""
    import pypdfium2

    from casereview.reports.pdf import html_to_pdf

    pdf = b""
    for fit in FITS:
        pdf = html_to_pdf(render_briefing_html(briefing, fit=fit))
        doc = pypdfium2.PdfDocument(pdf)
        pages = len(doc)
        doc.close()
        if pages <= 2:
            break
    return pdf
