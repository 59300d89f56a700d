"""Analysis: tables, cross-tabulations, scores, overlaps, trends, rates, comparisons with
published figures, and small-cell suppression, over plain data frames built from the register.

Every function returns a `ResultTable` (see `table.py`), which the reports render.

- frames:      `frame.case_frame`, `frame.review_frame`, `frame.read_cases`, `frame.with_groups`
- counts:      `frequency.frequency`, `frequency.crosstab`
- scores:      `scores.score_summary`, `scores.score_range`, `scores.score_listing`
- risks:       `risk.levels_table`, `risk.presence_table`, `risk.overlap`, `risk.overlap_summary`
- numbers:     `bands.band_table`, `bands.numeric_summary`, `bands.trend` (presets in `bands`)
- rates:       `rates.rates`, `rates.load_population`
- comparisons: `reference.compare`, `reference.compare_distribution`, `reference.compare_cohort`
- publishing:  `suppress.suppress` with rule sets `lt5`, `nhs_digital`, `secondary_c`
- report set:  `catalogue.standard_tables`
"""
