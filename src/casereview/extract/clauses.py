"""The clause grammar that subject attribution (subjects.py) reads: verbs and auxiliaries,
lists of people joined by and/or, asides, and people inside a prepositional phrase."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from casereview.extract.mentions import DETERMINERS, Mention

_AUX = {
    "had",
    "has",
    "have",
    "was",
    "were",
    "is",
    "are",
    "did",
    "does",
    "also",
    "then",
    "later",
    "subsequently",
    "often",
    "regularly",
    "would",
    "could",
    "went",
    "became",
    "began",
    "continued",
    "smoked",
    "drank",
    "used",
    "misused",
    "took",
    "admitted",
    "disclosed",
    "said",
    "told",
    "reported",
    "herself",
    "himself",
    "described",
    "received",
    "served",
    "spent",
}


_IRREGULAR_VERBS = {"hit", "beat", "shook", "bit", "hurt", "struck", "threw", "took", "left", "put"}


def verb_like(tok: Token) -> bool:
    return tok.lower_.endswith("ed") or tok.lower_ in _IRREGULAR_VERBS


_LIST_WORDS = {
    "or",
    "and",
    ",",
    "by",
    "of",
    "from",
    "in",
    "either",
    "both",
    "the",
    "his",
    "her",
    "their",
    "nor",
}


def chain(doc: Doc, after: list[Mention]) -> list[Mention]:
    """The first person after a finding and those joined to it by and/or/by ..."""
    out = [after[0]]
    for m in after[1:]:
        gap = [t.lower_ for t in doc[out[-1].end : m.start]]
        if not gap or len(gap) > 5 or any(w not in _LIST_WORDS for w in gap):
            break
        if not any(w in ("or", "and", ",", "nor") for w in gap):
            break
        out.append(m)
    return out


_PREPS = {"of", "to", "with", "by", "from", "for", "about", "towards", "against"}


def in_phrase(doc: Doc, m: Mention) -> bool:
    """The person is the object of a preposition ("to the care of his parents")."""
    words = [doc[i].lower_ for i in range(max(0, m.start - 2), m.start)]
    if words and words[-1] in DETERMINERS:
        words = words[:-1]
    return bool(words) and words[-1] in _PREPS


def chain_before(doc: Doc, candidates: list[Mention]) -> list[Mention]:
    """The last person before a finding and those joined to it by and/or/commas, first
    named first ("her mother and grandmother", "mother, father and their lodger")."""
    out = [candidates[-1]]
    for m in reversed(candidates[:-1]):
        gap = [t.lower_ for t in doc[m.end : out[0].start]]
        if not gap or len(gap) > 3 or any(w not in _LIST_WORDS for w in gap):
            break
        if not any(w in ("or", "and", ",", "nor") for w in gap):
            break
        # a subject, not a word inside a phrase ("abused as a child and father spent ...")
        prev = doc[m.start - 1].lower_ if m.start > 0 and not doc[m.start].is_sent_start else ""
        if prev not in _SUBJECT_OPENERS:
            break
        out.insert(0, m)
    return out


_SUBJECT_OPENERS = {
    "",
    ",",
    ";",
    ":",
    "and",
    "but",
    "that",
    "the",
    "her",
    "his",
    "their",
    "both",
    "while",
    "when",
    "after",
    "because",
    "by",
}


def coordinated(doc: Doc, start: int, end: int) -> bool:
    """'and had', 'but was' between the last person and the finding: a new verb phrase whose
    subject is the clause's subject, not that person."""
    words = [t.lower_ for t in doc[start:end]]
    if any(w in ("who", "which", "whose", "whom") for w in words):
        return False  # "her brother, who ... and has been missing": the brother
    return any(w in ("and", "but") and nxt in _AUX for w, nxt in pairwise(words))


def asides(sent: Span) -> list[tuple[int, int]]:
    """Token ranges of '( ... )' and ', who/whom/whose/which ... ,' asides."""
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    toks = list(sent)
    for k, tok in enumerate(toks):
        if tok.text == "(":
            open_at = tok.i
        elif tok.text == ")" and open_at is not None:
            out.append((open_at, tok.i + 1))
            open_at = None
        elif tok.text == "," and k + 1 < len(toks):
            nxt = [t.lower_ for t in toks[k + 1 : k + 3]]
            if nxt and (nxt[0] in ("who", "whom", "whose", "which") or nxt[:2] == ["with", "whom"]):
                end = next((t.i for t in toks[k + 1 :] if t.text in (",", ";")), sent.end)
                out.append((tok.i, end))
        elif tok.lower_ == "whose" and k > 0 and toks[k - 1].text != ",":
            # "a girl whose parents came from Iraq, died ...": up to the next comma
            close = next((t.i for t in toks[k + 1 :] if t.text in (",", ";")), None)
            if close is not None:
                out.append((tok.i, close))
    return out
