"""The subject child's age at the incident (read in `ages`), gender, ethnic group, and a
non-fatal review named by its opening words ("Neglect of a 10-year-old boy").

Ethnic groups are the five the Triennial Review uses (002 Table 8): white, mixed, asian, black,
other. Vocabulary is data (rules/child.yaml); the choice between candidates is here.
"""

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from casereview.extract import rules as R
from casereview.extract.ages import read_age
from casereview.extract.findings import ChildFact, child_of, positions_of, text_of
from casereview.extract.matchers import PEOPLE_KEY

_AND_PARENT = re.compile(r"^\s*(and|&)\s+(her|his|their)?\s*$", re.IGNORECASE)

_PRONOUN_GENDER = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "herself": "female",
}
_OTHER = {"male": "female", "female": "male"}
_PLURAL_CHILD = re.compile(
    r"\b(children|siblings|twins|babies|sons|daughters|young people|infants|toddlers)$", re.IGNORECASE
)


def _adult_age_before(span: Span) -> bool:
    """The number before "year old male" is over 18."""
    if span.start == 0 or not span[0].lower_.startswith("year"):
        return False
    prev = span.doc[span.start - 1]
    return prev.like_num and prev.text.isdigit() and int(prev.text) > 18


@lru_cache(maxsize=1)
def _role_gender() -> dict[str, str]:
    """people.yaml roles with a gender (mother, father, mother's partner, ...)."""
    return {p.role: p.gender for p in R.people().people if p.gender}


@lru_cache(maxsize=1)
def _vocab() -> dict:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: same data, 10x faster
    return yaml.load((R.RULES_DIR / "child.yaml").read_text(encoding="utf-8"), Loader=loader)


@lru_cache(maxsize=1)
def _harm_title_pattern() -> re.Pattern[str]:
    v = _vocab()["harm_title"]

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    return re.compile(
        rf"(?:(?:{alt(v['before'])})(?:\s+and\s+|\s*,\s*|\s+))*(?:{alt(v['nouns'])})"
        rf"(?:\s+and\s+(?:{alt(v['before'])}\s+)*(?:{alt(v['nouns'])}))*"
        rf"\s+(?:{alt(v['after'])})\s+(?:a|an|the|two|three|four|five|six|her|his|\d+|child|baby|infant|young|siblings|children)\b",
        re.IGNORECASE,
    )


@Language.factory("casereview_child", default_config={})
def make_child(nlp: Language, name: str) -> "ChildReader":
    return ChildReader(nlp, name)


class ChildReader:
    """Sets doc._.cr_child: age, gender and ethnicity of the subject child."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        v = _vocab()
        self.words = PhraseMatcher(nlp.vocab, attr="LOWER")
        for g, phrases in v["gender"].items():
            self._add(nlp, f"gender:{g}", phrases)
        self._add(nlp, "newborn", v["newborn"])
        for group, phrases in v["ethnicity"].items():
            self._add(nlp, f"ethnicity:{group}", phrases)

    def _add(self, nlp: Language, label: str, phrases: list[str]) -> None:
        spelled = sorted({p for ph in phrases for p in R.expand(ph.lower())})
        self.words.add(label, [nlp.make_doc(p) for p in spelled])

    def _matches(self, doc: Doc) -> dict[str, list[Span]]:
        """Longest matches only, by kind ("gender", "newborn", "ethnicity")."""
        spans = sorted(
            (Span(doc, s, e, label=m) for m, s, e in self.words(doc)),
            key=lambda x: (x.start, -x.end),
        )
        out: dict[str, list[Span]] = {}
        max_end = -1
        for span in spans:
            if span.end <= max_end:
                continue
            max_end = span.end
            out.setdefault(span.label_.split(":")[0], []).append(span)
        return out

    def __call__(self, doc: Doc) -> Doc:
        facts = child_of(doc)
        words = self._matches(doc)
        facts.age = self.age(doc, words.get("newborn", []))
        facts.gender = self.gender(doc, words.get("gender", []))
        facts.ethnicity = self.ethnicity(doc, words.get("ethnicity", []))
        harm = self.harm_title(doc)
        if harm is not None:
            facts.extra.append(harm)
        return doc

    # ------------------------------------------------------------------ fatal
    def harm_title(self, doc: Doc) -> ChildFact | None:
        """'Neglect of a 10-year-old boy' opening one of the first sentences: serious harm
        (fatal "no"; a death asserted anywhere still wins in the summary)."""
        for k, sent in enumerate(doc.sents):
            if k >= 3:
                break
            m = _harm_title_pattern().match(sent.text.strip())
            if m is not None:
                start = sent.start_char + sent.text.index(m.group(0))
                span = doc.char_span(start, start + len(m.group(0)), alignment_mode="expand")
                if span is not None:
                    return ChildFact("fatal", "no", span, 0.7)
        return None

    # ------------------------------------------------------------------ age
    def age(self, doc: Doc, newborn: list[Span]) -> ChildFact | None:
        return read_age(doc, newborn)

    # ------------------------------------------------------------------ gender
    def gender(self, doc: Doc, words: list[Span]) -> ChildFact | None:
        """Explicit words about the child (boy, girl, son, daughter) first; else the pronoun
        that follows the child ("Child A and her mother")."""
        # "a 24 year old female" is an adult: an age-and-sex phrase counts for a child's age only
        words = [w for w in words if not _adult_age_before(w)]
        if words:
            first = words[0]
            return ChildFact("gender", first.label_.split(":")[1], first, 0.9)
        return self._pronoun_gender(doc)

    @staticmethod
    def _pronoun_gender(doc: Doc) -> ChildFact | None:
        role_gender = _role_gender()
        """Pronouns whose last person mention (this or the previous sentence) is the child:
        "Child D is taken to hospital. He is pronounced dead"; "Child A and her mother"."""
        spans = sorted(doc.spans[PEOPLE_KEY], key=lambda s: s.end)
        ends = [s.end for s in spans]
        votes = {"male": 0, "female": 0}
        first: dict[str, Span] = {}
        sent_starts = [s.start for s in doc.sents]
        for i in positions_of(doc, _PRONOUN_GENDER):
            tok = doc[i]
            g = _PRONOUN_GENDER[tok.lower_]
            k = bisect_right(ends, tok.i) - 1
            j = bisect_right(sent_starts, tok.i) - 1  # this sentence; the one before it
            window = sent_starts[max(j - 1, 0)]
            # Skip people of the other gender: "Father admitted he had dropped her" -> her is
            # not the father; the child named before him is.
            while (
                k >= 0 and spans[k].end > window and role_gender.get(spans[k].label_) == _OTHER[g]
            ):
                k -= 1
            # "the children" is no "she": several children are not the one the pronoun means
            while k >= 0 and spans[k].end > window and _PLURAL_CHILD.search(spans[k].text):
                k -= 1
            if k < 0:
                continue
            prev = spans[k]
            if prev.label_ != "child" or prev.end <= window:
                continue
            sent_start = sent_starts[j]
            if any(
                sent_start <= spans[x].start < prev.start
                and role_gender.get(spans[x].label_) == g
                and spans[x].label_ != "child"
                for x in range(k)
            ):
                # "the mother ... gave birth to Child J, whom she would kill": a woman named
                # earlier in the sentence may be the "she"; the pronoun says nothing of the child
                continue
            votes[g] += 1
            first.setdefault(g, doc[tok.i : tok.i + 1])
        if votes["male"] == votes["female"]:
            return None
        g = max(votes, key=lambda k: votes[k])
        conf = 0.8 if votes[g] >= 2 * votes[_OTHER[g]] else 0.6
        return ChildFact("gender", g, first[g], conf)

    # ------------------------------------------------------------------ ethnicity
    def ethnicity(self, doc: Doc, words: list[Span]) -> ChildFact | None:
        """The child's own group; else the family's; else both parents' (different -> mixed)."""
        people = list(doc.spans[PEOPLE_KEY])
        matches = [(w.start_char, w.end_char, w.label_.split(":")[1]) for w in words]
        found: dict[str, list[tuple[str, Span]]] = {}
        max_end = -1
        for start, end, group in matches:
            if end <= max_end:
                continue  # inside a longer match: "White and Black Caribbean" is one group
            max_end = end
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            sent = span.sent
            before = [p for p in people if sent.start <= p.start and p.end <= span.start]
            owner = self._owner(before)
            if (
                owner in ("mother", "father")
                and len(before) >= 2
                and before[-2].label_ == "child"
                and _AND_PARENT.match(text_of(doc)[before[-2].end_char : before[-1].start_char])
            ):
                owner = "family"  # "Child A and her mother are White British"
            found.setdefault(owner, []).append((group, span))
        for owner in ("child", "family"):
            if owner in found:
                group, span = found[owner][0]
                # "of Black Caribbean and White British dual heritage": two groups -> mixed
                same_sent = {g for g, sp in found[owner] if sp.sent.start == span.sent.start}
                if "mixed" in same_sent or len(same_sent) > 1:
                    group = "mixed"
                return ChildFact("ethnicity", group, span, 0.85 if owner == "child" else 0.75)
        parents = {o: v[0] for o, v in found.items() if o in ("mother", "father")}
        if len(parents) == 2:
            (g1, s1), (g2, _s2) = parents["mother"], parents["father"]
            return ChildFact("ethnicity", g1 if g1 == g2 else "mixed", s1, 0.6)
        # One parent's group or nationality ("her mother is Polish") is not the child's: the
        # other parent may differ (manual: the subject child's ethnic group).
        if "unknown" in found:
            group, span = found["unknown"][0]
            return ChildFact("ethnicity", group, span, 0.5)
        return None

    @staticmethod
    def _owner(before: list[Span]) -> str:
        if not before:
            return "unknown"
        label = before[-1].label_
        if label in ("child", "family", "sibling"):  # siblings share the child's heritage
            return "family" if label == "sibling" else label
        if label in ("mother", "father"):
            return label
        if label == "parents":
            return "family"
        return "other"
