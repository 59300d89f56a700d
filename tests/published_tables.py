"""Published figures of the Cafcass SCR studies, typed from the documents: one place for the
acceptance tests and the analysis to take expected values from.

The tables live in published_cafcass_2017.py (001, pooled), published_cafcass_2017_study.py
(001 Sections 1-3) and published_cafcass_2014.py (000); all are re-exported here, and this
module adds the list of inconsistencies.

Every number here was copied by hand from a reference document (000 = Cafcass, Learning from
Cafcass submissions to SCRs, November 2014; 001 = the same series, June 2017); none comes
from code. Page numbers are those of the documents' own contents lists.

Rows and columns are keyed by the value ids of the `cafcass-scr` codebook (2017 version for
001, 2014 version for 000); the document's own row label is kept beside each row.
Column keys used throughout: "public" = law types whose parent is public (s31 only,
others), "private" = WTFH only, WTFH & WAFH; "public_and_private"; "total".

Published tables that contradict themselves keep their published numbers here; each such
cell is listed in INCONSISTENCIES with the value the rest of the document implies, and the
acceptance tests check the data against that implied value.
"""

from __future__ import annotations

from typing import Any

# Re-export every table so that `published_tables.TABLE_001_6` etc. work.
from published_cafcass_2014 import *
from published_cafcass_2017 import *
from published_cafcass_2017_study import *

# ----------------------------------------------------------------------------------------
# Internal inconsistencies of the published tables. The data follow `implied`; the
# published value is kept in the table modules and in the tests.
# ----------------------------------------------------------------------------------------
INCONSISTENCIES: list[dict[str, Any]] = [
    {
        "where": "001 Table 5, All case types, Overall average risk rating",
        "published": 13.1,
        "implied": 13.4,
        "note": "The table's own cells give 16.3 x 15 + 12.9 x 82 = 1302.3 (about 13.4 per case); "
        "the overall public, private and public-and-private rows (16.6 x 49, 9.0 x 41, 17.3 x 7) "
        "allow a total of at most 1307, at least 1299, i.e. 13.39-13.47, never 13.1.",
    },
    {
        "where": "000 Table 5, Neglect (non-fatal), Total %",
        "published": 9.2,
        "implied": 10.2,
        "note": "6 of 59 is 10.2%; the same count for Suicide is printed as 10.2.",
    },
    {
        "where": "000 Section 3.3, non-fatal share of the 2012 and 2013 samples",
        "published": 18.1,
        "implied": 18.2,
        "note": "6 of 33 is 18.18% (neglect 2 + physical abuse 4 non-fatal); the 'Other' incident of "
        "2012 is therefore not counted as non-fatal (coded fatal in the data).",
    },
    {
        "where": "001 Section 5.3.2 text, male domestic abuse perpetrator %",
        "published": 66,
        "implied": 67,
        "note": "Table 10 prints 46 (67%); 46 of 69 is 66.7%.",
    },
    {
        "where": "001 Executive summary, DA cases where the index perpetrator was not the DA perpetrator",
        "published": 48,
        "implied": 28,
        "note": "Section 5.3.2 gives 28% (n=19) of the 69; 48% is 100% - 52%, i.e. it also counts the 14 "
        "cases where the perpetrator of one or the other is unknown or the young person.",
    },
    {
        "where": "001 Section 3.4.1, physical abuse index incidents in the 2017 study",
        "published": 8,
        "implied": 7,
        "note": "Section 3.3 lists two fatal and five non-fatal physical abuse incidents (7), and "
        "Section 3.2 seven children (four girls, three boys) subject to physical abuse.",
    },
    {
        "where": "001 Table 12 vs 000 Section 3.2 / Table 4: children per study",
        "published": {
            "001 2014 study": 32,
            "000 2014 sample": 30,
            "001 2012+2013": 83,
            "000 2012+2013": 46,
        },
        "implied": None,
        "note": "001 counts 32 children for the 2014 study (16 girls, 16 boys), 000 30 index children "
        "(16 girls, 14 boys); 001 counts 54 + 29 children for 2012 and 2013, 000 Table 4 46. The "
        "pooled dataset follows 001 (two extra boys in 2014 reviews); the 2014 dataset follows 000. "
        "000 Table 4's 2012-2013 column is therefore not reproduced.",
    },
    {
        "where": "000 Table 1: SCR type of 28 submissions, 26 analysed",
        "published": 28,
        "implied": 26,
        "note": "Table 1 counts all 28 submissions; the two excluded from the analysis (Appendix A) "
        "are not in the 26-review dataset. Assumed (not stated) to be both 'Traditional'.",
    },
]

# 000 Table 1 assumption for the two excluded submissions (see INCONSISTENCIES).
TABLE_000_1_EXCLUDED_ASSUMED = {"traditional": 2}
