"""Who each finding is about: the nearest person mention, possessives, clause subjects.

No parser ships without a model download, so attribution works from the person mentions of
people.yaml, in this order (assisted-coding manual, "Who"):
1. a possessive owner just before the finding ("mother's depression", "her drinking");
2. for abuse (victim concepts) the person it was done to ("neglect of the children"), and a
   named perpetrator ("by the father") is never the subject;
3. a person right after ("drug use by the father", "depression in the mother");
4. the nearest person before it in the sentence, skipping bracketed and ", who ...," asides;
5. the nearest person after it in the sentence; else the concept's default subject.
Pronouns resolve to the last person mentioned with the same gender (they/their: the parents).
"""

import re
from bisect import bisect_left
from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from casereview.extract import clauses
from casereview.extract import rules as R
from casereview.extract.findings import Finding, child_of, findings_of
from casereview.extract.generic import LearningZones, is_generic, is_question
from casereview.extract.mentions import AGENT_PREPS, DETERMINERS, Mention, MentionReader

# From this age a summary's self-harm and overdoses are the young person's (002 Table 14).
_TEEN_AGE = 12.0
# Below the age of criminal responsibility in England a child has no record of their own.
_CRIMINAL_AGE = 10.0
# No age given, but the opening describes a teenager ("the death of a troubled teenage girl",
# "both young women"): unattributed self-harm or drug use is then the young person's own.
_TEEN_WORDS = re.compile(
    r"\b(teenager|teenagers|teenage|adolescent|young (person|woman|women|man|men)|schoolgirl|schoolboy)\b",
    re.IGNORECASE,
)
# A parent reporting on the young person: "her mother told the GP that she had self-harmed".
_REPORTED = re.compile(
    r"\b(told|tells|said|says|reported|reports|disclosed|explained|informed|described|"
    r"was worried|were worried|was concerned|were concerned|found|discovered|noticed)\b"
    r"[^.;]{0,40}\b(that|when|how)\s+(she|he)\b",
    re.IGNORECASE,
)
_CLAUSE_OPENERS = {"that", ";"}
_AFTER_PREPS = {"by", "of", "in", "from", "for", "among", "amongst", "regarding", "about"}
_VICTIM_PREPS = {"of", "on", "to", "against", "towards", "toward", "upon", "in"}


@Language.factory("casereview_subjects", default_config={"rules_dir": None})
def make_subjects(nlp: Language, name: str, rules_dir: str | None) -> "SubjectAttributor":
    return SubjectAttributor(name, Path(rules_dir) if rules_dir else None)


class SubjectAttributor:
    def __init__(self, name: str, rules_dir: Path | None) -> None:
        self.name = name
        self.reader = MentionReader(R.people(rules_dir))

    def __call__(self, doc: Doc) -> Doc:
        findings = findings_of(doc)
        if findings:
            self.set_annotations(doc, self.match(doc, findings))
        return doc

    def set_annotations(self, doc: Doc, findings: list[Finding]) -> None:
        findings_of(doc)[:] = findings

    # ------------------------------------------------------------------ attribution
    def match(self, doc: Doc, findings: list[Finding]) -> list[Finding]:
        mentions = self.reader.mentions(doc)
        starts = [m.start for m in mentions]
        by_sent: dict[int, list[Mention]] = {}
        for f in findings:
            sent = f.sent
            if sent.start not in by_sent:
                lo, hi = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
                by_sent[sent.start] = mentions[lo:hi]
        self._asides_cache: dict[int, list[tuple[int, int]]] = {}
        zones = LearningZones(doc)
        fact = child_of(doc).gender
        child_gender = fact.value if fact is not None else None
        age_fact = child_of(doc).age
        teen = (
            age_fact is not None
            and isinstance(age_fact.value, float)
            and age_fact.value >= _TEEN_AGE
        ) or (age_fact is None and bool(_TEEN_WORDS.search(doc.text[:400])))
        self._teen = teen
        young = (
            age_fact is not None
            and isinstance(age_fact.value, float)
            and age_fact.value < _CRIMINAL_AGE
        )
        # "X of the Y" owners (needs the sentence's mentions)
        for f in findings:
            self._sentence_mentions = by_sent[f.sent.start]
            ms = [
                m for m in by_sent[f.sent.start] if m.end <= f.span.start or m.start >= f.span.end
            ]
            ms = self._apply_of_owners(doc, ms)
            subject = self._attribute(doc, f, ms)
            in_learning = zones.within(f.sent.start)
            if subject is None:
                f.subject, f.subject_class, f.subject_how = (
                    None,
                    f.concept.default_subject,
                    "default",
                )
                if teen and f.concept.teen_own and "child" in f.concept.fields:
                    f.subject_class = "child"  # nobody named: the young person of the review
                if f.subject_class:
                    f.subject = "child" if f.subject_class == "child" else "family"
                specific = [x for x in ms if not x.generic]
                f.generic = in_learning or is_generic(f.sent.text, bool(specific))
            else:
                m, how = subject
                if (
                    how == "pronoun"
                    and m.cls == "child"
                    and "child" not in f.concept.fields
                    and "par_criminal" in f.concept.fields.get("parent", ())
                    and young
                ):
                    # "by his uncle, who looked after him ... He was convicted": a young
                    # child has no record, so the last adult of that gender named before
                    adult = next(
                        (
                            x
                            for x in reversed(mentions)
                            if x.start < f.span.start
                            and x.how == "named"
                            and x.gender == m.gender
                            and x.cls in ("parent", "other")
                        ),
                        None,
                    )
                    m = adult or m
                if (
                    how == "pronoun"
                    and not m.possessive  # "after her death" is the mother's death
                    and m.cls == "parent"
                    and "parent" not in f.concept.fields
                    and not f.childhood
                    and child_gender is not None
                    and m.gender == child_gender
                ):
                    # "she was being sexually exploited": a child's harm, so the child
                    m = replace(m, role="child", cls="child")
                elif (
                    how == "pronoun"
                    and teen
                    and f.concept.teen_reported
                    and _REPORTED.search(doc[f.sent.start : f.span.start].text)
                    and m.cls == "parent"
                    and not f.childhood
                    and child_gender is not None
                    and m.gender == child_gender
                ):
                    # "her mother told the GP that she had self-harmed": the young person
                    m = replace(m, role="child", cls="child")
                f.subject, f.subject_class, f.subject_how = m.role, m.cls, how
                if in_learning and (
                    (m.cls == "family" and how != "possessive") or how == "pronoun"
                ):
                    # "risks posed by men in the household", "how they interface" in a
                    # learning part: nobody in particular (a named person's fact still counts)
                    f.generic = True
                elif m.generic:
                    specific = [x for x in ms if not x.generic]
                    f.generic = in_learning or is_generic(f.sent.text, bool(specific))
            if is_question(f.sent.text) or zones.is_tags(f.sent.start):
                f.generic = True  # questions and topic tags assert nothing, whoever they name
        return findings

    @staticmethod
    def _apply_of_owners(doc: Doc, ms: list[Mention]) -> list[Mention]:
        out = list(ms)
        for i, m in enumerate(out[:-1]):
            nxt = out[i + 1]
            between = [t.lower_ for t in doc[m.end : nxt.start]]
            if between and between[0] == "of" and len(between) <= 3 and nxt.cls == "other":
                out[i] = replace(m, cls="other", role="other")
        return out

    def _attribute(self, doc: Doc, f: Finding, ms: list[Mention]) -> tuple[Mention, str] | None:
        s, e = f.span.start, f.span.end
        before = [m for m in ms if m.end <= s]
        after = [m for m in ms if m.start >= e]
        # 0. a victim named inside the matched words: "reported him missing", "assault on her"
        if f.concept.subject_within:
            within = [m for m in self._sentence_mentions if s <= m.start and m.end <= e]
            # "beat his three-year-old son": the son, not the owner named before him
            owned = [m for m in within if not m.possessive]
            if owned:
                return owned[-1], owned[-1].how
            if within:
                return within[0], within[0].how
        # 1. possessive owner within four words, nobody in between
        if before and before[-1].possessive and s - before[-1].end <= 5:
            return before[-1], "possessive" if before[-1].how == "named" else "pronoun"
        # 2/3. the person right after ("of the children", "by the father")
        if after:
            first = after[0]
            between = [t.lower_ for t in doc[e : first.start]]
            if first.possessive and len(after) > 1 and after[1].start <= first.end + 2:
                first = after[1]  # "by Child R's father": the father
                after = after[1:]
            elif first.possessive:
                between = []  # "an overdose of her mother's medication": a thing, not a person
            preps = _VICTIM_PREPS if f.concept.victim else _AFTER_PREPS
            if (
                f.concept.victim
                and all(w in DETERMINERS for w in between)  # "had assaulted a neighbour"
                and not first.agent
                and clauses.verb_like(doc[e - 1])
            ):
                return first, first.how  # the object: "had sexually abused her"
            if (
                between
                and len(between) <= 3
                and between[0] in preps
                and all(
                    w in DETERMINERS or w in ("either", "of", "each", "one") for w in between[1:]
                )
                and not (f.concept.victim and between[0] in AGENT_PREPS)
            ):
                # "by Child R or by either of his parents": every person of the list
                f.others = [(m.role, m.cls) for m in clauses.chain(doc, after)[1:]]
                return first, first.how
        if f.concept.attach == "possessive":
            return None  # "before the deaths": nobody named with it -> the default subject
        # 4. nearest before, outside asides that do not hold the finding; after "... and
        # had/was ..." the subject of the first clause ("Mr H met mother and had convictions")
        asides = self._asides_cache.get(f.sent.start)
        if asides is None:
            asides = self._asides_cache[f.sent.start] = clauses.asides(f.sent)
        inside = [a for a in asides if a[0] <= s < a[1]]
        candidates = [
            m
            for m in before
            if not (f.concept.victim and m.agent)
            and not (
                any(a[0] <= m.start < a[1] for a in asides)
                and not any(a[0] <= m.start < a[1] for a in inside)
            )
        ]
        if f.concept.victim and doc[e - 1].lower_ == "by":
            # "returned to the care of his parents, only to be murdered by them": a passive
            # harm's victim is its clause's subject, not an adult inside a phrase before it
            # ("Mother was assaulted by the father": the mother)
            candidates = [
                c
                for c in candidates
                if c.cls in ("child", "sibling") or not clauses.in_phrase(doc, c)
            ]
            if not candidates:
                return None
        if candidates:
            m = candidates[-1]
            # "her mother told the GP that she had self-harmed and had taken an overdose": a
            # clause opened by "that" has its own subject
            opens = [t.i for t in doc[f.sent.start : m.start] if t.lower_ in _CLAUSE_OPENERS]
            if opens:
                candidates = [c for c in candidates if c.start > opens[-1]]
            if len(candidates) > 1 and clauses.coordinated(doc, m.end, s):
                # "Child E's father was a lone carer and was alcohol dependent": the clause
                # subject is the father, not the child who owns him
                first = next((c for c in candidates if not c.possessive), candidates[0])
                return first, first.how
            if f.concept.victim and m.cls == "sibling":
                # "Child A, aged 4, and his sister Child B, who were killed": both of them
                joined = [
                    c
                    for c in candidates[:-1]
                    if c.cls == "child"
                    and not c.possessive
                    and any(t.lower_ == "and" for t in doc[c.end : m.start])
                ]
                if joined:
                    f.others = [(m.role, m.cls)]
                    return joined[-1], joined[-1].how
            # "the mother and grandmother were jailed": the finding is about each person of
            # a coordinated subject, not only the last named (manual 'Who': a parent counts).
            chain = clauses.chain_before(doc, candidates)
            if len(chain) > 1:
                f.others = [(c.role, c.cls) for c in chain[1:]]
                return chain[0], chain[0].how
            return m, m.how
        # 5. nearest after; abuse with nobody before it is the child's ("fractures, which the
        # pathologist considered inflicted; the grandmother was charged")
        if f.concept.victim:
            return None
        if self._teen and f.concept.teen_own and "child" in f.concept.fields:
            return (
                None  # "drug and alcohol use from 13 and a strained relationship with her father"
            )
        for m in after:
            if m.start - e <= 12:
                return m, m.how
        return None
