"""Person mentions in document order: named roles, initials, pseudonyms and pronouns.

Pronouns resolve to the last person mentioned with the same gender; a pronoun opening a
sentence continues the previous sentence's subject, or the child (a review's protagonist);
an object pronoun is not the subject of its own verb ("his stepfather assaulted him");
they/their are the parents. "Y's X" and "X of the Y" take the owner's class when the owner is
not a parent (a partner of the grandmother is "other").
"""

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from casereview.extract import rules as R
from casereview.extract.findings import child_of, positions_of
from casereview.extract.matchers import PEOPLE_KEY

_POSSESSIVE_PRONOUNS = {"her", "his", "their"}
# A person after these is not who abuse was done to: "exploited by men", "placed with her aunt".
AGENT_PREPS = {"by", "from", "with"}
_OBJECT_PRONOUNS = {"him", "her", "them"}
DETERMINERS = {"the", "her", "his", "their", "both", "a", "an", "this", "that", "mother's", "'s"}
_GENERIC_PLURALS = {
    "parental",
    "parenting",
    "parents",
    "children",
    "carers",
    "families",
    "adults",
    "babies",
    "infants",
    "young people",
    "parent",
    "child",
    "carer",
    "family",
    "the children",
    "siblings",
}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    role: str
    cls: str
    gender: str | None
    how: str  # named | pronoun
    possessive: bool
    agent: bool
    generic: bool


class MentionReader:
    def __init__(self, rules: R.PeopleRules) -> None:
        self.roles = {p.role: p for p in rules.people}
        self.pronouns = rules.pronouns

    def mentions(self, doc: Doc) -> list[Mention]:
        """Person mentions in document order, pronouns resolved, owners applied."""
        child_gender = child_of(doc).gender
        child_g = child_gender.value if child_gender else None
        spans = sorted(doc.spans[PEOPLE_KEY], key=lambda s: s.start)
        covered = {i for s in spans for i in range(s.start, s.end)}
        raw: list[tuple[int, int, Span | None]] = [(s.start, s.end, s) for s in spans]
        for i in positions_of(doc, self.pronouns):
            if i not in covered:
                nxt = i + 1
                if nxt < len(doc) and nxt in covered:
                    continue  # "her mother": the determiner of a person mention
                raw.append((i, i + 1, None))
        raw.sort(key=lambda r: r[0])
        out: list[Mention] = []
        last: dict[str, Mention] = {}
        history: dict[str, list[Mention]] = {}
        last_role: dict[str, Mention] = {}
        # Subject preference: a pronoun opening a sentence continues the previous sentence's
        # subject when the gender fits ("Child A lived with her mother. At 15 she had been
        # exploited" -> the child, not the mother mentioned last).
        first_of_sent: dict[int, Mention] = {}
        sent_of = _sentence_starts(doc)
        for start, end, span in raw:
            possessive = end < len(doc) and doc[end].lower_ in ("'s", "'")
            prev = doc[start - 1].lower_ if start > 0 else ""
            prev2 = doc[start - 2].lower_ if start > 1 else ""
            agent = prev in AGENT_PREPS or (prev in DETERMINERS and prev2 in AGENT_PREPS)
            sent_start = sent_of[start]
            if span is None:
                word = doc[start].lower_
                g = self.pronouns[word]
                ref = last.get(g)
                same_sentence = [
                    x for x in out if x.start >= sent_start and x.gender == g and x.how == "named"
                ]
                if (
                    word in _OBJECT_PRONOUNS
                    and ref is not None
                    and _is_object(doc, start)
                    and _is_clause_subject(doc, ref, start)
                ):
                    # "his stepfather assaulted him": an object is not its own verb's subject
                    earlier = [m for m in history.get(g, []) if m.role != ref.role]
                    ref = earlier[-1] if earlier else ref
                if word in _REFLEXIVE and same_sentence:
                    ref = same_sentence[-1]  # "Mother ... is herself looked after": the mother
                elif (
                    g != "plural"
                    and child_g == g
                    and "child" in last_role
                    and _CHILD_WORLD.search(
                        doc[sent_start : _sentence_end(sent_of, sent_start)].text
                    )
                ):
                    ref = last_role["child"]  # "she ... since Year 8", "with older friends"
                elif sent_start not in first_of_sent and sent_start > 0 and g != "plural":
                    before = first_of_sent.get(sent_of[sent_start - 1])
                    if before is not None and before.gender == g:
                        ref = before
                    elif child_g == g and "child" in last_role:
                        ref = last_role["child"]  # the protagonist of a review is the child
                elif (
                    g == "plural"
                    and sent_start > 0
                    # "the care his parents gave him ... their mental health": the parents
                    and not any(
                        x.start >= sent_start and (x.gender == "plural" or x.cls == "parent")
                        for x in out
                    )
                ):
                    # "they" for one child ("Child F ... They had been referred to CAMHS"):
                    # the previous sentence was about the child and named no other adult
                    prev_start = sent_of[sent_start - 1]
                    earlier_sent = [x for x in out if prev_start <= x.start < sent_start]
                    if (
                        earlier_sent
                        and earlier_sent[0].cls == "child"
                        and not any(
                            x.cls in ("parent", "other", "family") or x.gender == "plural"
                            for x in earlier_sent
                        )
                    ):
                        ref = earlier_sent[0]
                if ref is None and g != "plural" and child_g == g:
                    # nobody of this gender named yet: the review's protagonist, the child
                    ref = Mention(start, end, "child", "child", g, "pronoun", False, False, False)
                if ref is None:
                    role, cls = ("parents", "parent") if g == "plural" else ("unknown", "family")
                    ref = Mention(start, end, role, cls, g, "pronoun", False, False, False)
                m = replace(
                    ref,
                    start=start,
                    end=end,
                    how="pronoun",
                    possessive=word in _POSSESSIVE_PRONOUNS or possessive,
                    agent=agent,
                    generic=False,
                )
                out.append(m)
                first_of_sent.setdefault(sent_start, m)
                if ref.role != "unknown":
                    last[g] = m  # the chain goes on: "she ... and she" (here, at the pronoun)
                continue
            person = self.roles[span.label_]
            gender = child_g if person.subject_class == "child" else person.gender
            if gender is None and span.label_ == "carer":
                # "her grandfather, who looked after her ... He was convicted": a carer's
                # word gives the gender (other relatives stay out of pronoun chains)
                gender = _WORD_GENDER.get(span[-1].lower_)
            text = span.text.lower()
            # "the parents" are these parents; "parents", "a parent" are anyone's
            generic = text in _GENERIC_PLURALS and (prev not in DETERMINERS or prev in ("a", "an"))
            m = Mention(
                start,
                end,
                person.role,
                person.subject_class,
                gender if isinstance(gender, str) else None,
                "named",
                possessive,
                agent,
                generic,
            )
            m = self._owned(doc, m, out)
            owner = (
                _OWNER_PARENT.get(span[0].lower_)
                if m.role in _PARTNERS and len(span) > 1 and span[1].lower_ in ("'s", "'")
                else None
            )
            if owner is not None:
                # "Mother's previous partner had been violent towards her": the mother
                last[owner[1]] = Mention(
                    start, start + 1, owner[0], "parent", owner[1], "named", True, False, False
                )
            out.append(m)
            first_of_sent.setdefault(sent_start, m)
            if m.gender:
                last[m.gender] = m
                history.setdefault(m.gender, []).append(m)
            last_role[m.cls] = m
            if m.role in ("parents", "family"):
                last["plural"] = m
        return out

    def _owned(self, doc: Doc, m: Mention, previous: list[Mention]) -> Mention:
        """'Y's X' and 'X of the Y': a partner or sibling of a grandparent is not a parent."""
        owner = None
        if previous and previous[-1].possessive:
            p = previous[-1]
            gap = m.start - p.end
            if gap == 1 or (
                gap == 2 and doc[p.end + 1].lower_ in ("own", "new", "former", "previous")
            ):
                owner = p
        if owner is None:
            return m
        if owner.cls == "other" or (owner.cls == "parent" and m.cls == "sibling"):
            return replace(m, cls="other", role="other")
        return m


_REFLEXIVE = {"herself", "himself", "themselves"}
# The owner in "mother's partner" is a person a later pronoun can point to.
_PARTNERS = {"mother's partner", "father's partner"}
_OWNER_PARENT = {
    "mother": ("mother", "female"),
    "mum": ("mother", "female"),
    "father": ("father", "male"),
    "dad": ("father", "male"),
}
_WORD_GENDER = {
    **dict.fromkeys(
        (
            "grandfather",
            "grandad",
            "granddad",
            "grandpa",
            "great-grandfather",
            "uncle",
            "half-uncle",
            "man",
            "male",
            "boyfriend",
            "husband",
            "stepfather",
            "nephew",
            "brother",
            "half-brother",
            "stepbrother",
            "step-brother",
        ),
        "male",
    ),
    **dict.fromkeys(
        (
            "grandmother",
            "grandma",
            "nan",
            "nana",
            "great-grandmother",
            "aunt",
            "auntie",
            "aunty",
            "woman",
            "girlfriend",
            "wife",
            "stepmother",
            "niece",
            "sister",
            "half-sister",
            "stepsister",
            "step-sister",
        ),
        "female",
    ),
}
_AFTER_OBJECT = {
    "with",
    "to",
    "for",
    "in",
    "on",
    "at",
    "by",
    "from",
    "and",
    "or",
    "but",
    "down",
    "up",
    "out",
    "off",
    "over",
    "into",
    "again",
    "twice",
    "repeatedly",
    "when",
    "while",
    "as",
    "because",
    "if",
    "that",
    "so",
    "until",
    "about",
    "around",
    "against",
    "badly",
    "hard",
    # "reported her missing", "found her unconscious", "left her alone", "gave her a lift"
    "missing",
    "alone",
    "unconscious",
    "unresponsive",
    "dead",
    "home",
    "crying",
    "asleep",
    "unattended",
    "unsupervised",
    "outside",
    "there",
    "back",
    "away",
    "a",
    "an",
    "the",
    "some",
    "any",
    "several",
    "once",
    "regularly",
    "frequently",
}


def _is_object(doc: Doc, i: int) -> bool:
    """'hit her with a belt' (object), not 'treated by her GP' (possessive)."""
    if doc[i].lower_ != "her":
        return True
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is None or nxt.is_punct or nxt.lower_ in _AFTER_OBJECT


# Words of a child's or teenager's world: a pronoun in such a sentence is the child's.
_CHILD_WORLD = re.compile(
    r"\b(school|schools|year \d+|teacher|teachers|classmates?|friends|peers?|college|gcses?|"
    r"nursery|pupil|playground|homework|camhs|school nurse|youth worker|foster carers?|"
    r"children's home|placement|out late|stayed out|staying out|knife|knives|youth offending|"
    r"yot|gang|gangs|excluded|exclusion|pupil referral|pru|county lines?|criminally exploited|"
    r"sexually exploited|exploitation|nrm|young person|teenager)\b",
    re.IGNORECASE,
)


def _sentence_end(sent_of: list[int], start: int) -> int:
    end = start
    while end < len(sent_of) and sent_of[end] == start:
        end += 1
    return end


def _sentence_starts(doc: Doc) -> list[int]:
    """For each token, the index where its sentence starts (Token.sent walks the Doc)."""
    out = [0] * len(doc)
    for sent in doc.sents:
        out[sent.start : sent.end] = [sent.start] * (sent.end - sent.start)
    return out


def _is_clause_subject(doc: Doc, m: Mention, pronoun_at: int) -> bool:
    """The mention is the subject of the verb right before the pronoun ("X hit him")."""
    if pronoun_at - m.end > 6:
        return False
    return all(not t.is_punct for t in doc[m.end : pronoun_at])
