"""The spaCy pipeline: blank English, sentencizer, then our registered components.

Built once per process (it takes ~1 s to compile the phrase matchers) and reused; a blank
pipeline needs no model download.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import cast

import numpy as np
import spacy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex

# Importing the modules registers their component factories with spaCy.
from casereview.extract import child as _child  # noqa: F401
from casereview.extract import context as _context  # noqa: F401
from casereview.extract import matchers as _matchers  # noqa: F401
from casereview.extract import subjects as _subjects  # noqa: F401

BREAKS_KEY = "cr_breaks"


@Language.component("casereview_breaks")
def sentence_breaks(doc: Doc) -> Doc:
    """A paragraph or heading line ends a sentence even without a full stop (the positions
    come with the text from `text.normalise`, in doc.user_data)."""
    breaks = doc.user_data.get(BREAKS_KEY)
    if breaks:
        # the first token starting after each break (token offsets read at once, not per token)
        starts = doc.to_array(IDX).astype(np.int64)
        firsts = np.searchsorted(starts, np.asarray(breaks, dtype=np.int64) + 1, side="left")
        for i in firsts.tolist():
            if 0 < i < len(doc):
                doc[i].is_sent_start = True
    return doc


COMPONENTS = (
    "casereview_breaks",
    "casereview_people",
    "casereview_concepts",
    "casereview_child",
    "casereview_context",
    "casereview_subjects",
)


def build(rules_dir: str | None = None) -> Language:
    nlp = spacy.blank("en")
    nlp.max_length = 20_000_000
    # Reviews name people by initials: "... her partner, Mr H. The post-mortem found ...".
    # spaCy keeps "H." as one abbreviation token, which would hide the sentence end.
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    tokenizer.rules = {
        k: v for k, v in (tokenizer.rules or {}).items() if not re.fullmatch(r"[A-Za-z]\.", k)
    }
    suffixes = [*(nlp.Defaults.suffixes or ()), r"(?<=^[A-Z])\."]
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    # A bullet or heading with no full stop still ends a sentence at a line break; the
    # sentencizer also splits on ";"-free punctuation only, which keeps clauses together.
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", "•", "▪", "●"]})
    for name in COMPONENTS:
        config = (
            {} if name in ("casereview_child", "casereview_breaks") else {"rules_dir": rules_dir}
        )
        nlp.add_pipe(name, config=config)
    return nlp


@lru_cache(maxsize=2)
def pipeline(rules_dir: str | None = None) -> Language:
    return build(rules_dir)
