"""People's names in review text replaced by consistent, role-aware pseudonyms.

Published reviews anonymise the way this module does: the child is "Child A" or "Baby K", the
adults "Mother", "Father", "Adult B", a household "Family X" (002 sections 4-5: "Child N's
welfare", "the mother of Child E"). A register may hold text that is not yet anonymised
(coded free text, documents read before publication), so an export can replace every name it
finds by a pseudonym: the role it was introduced with plus a tag, "Child QXM", "Mother LTB".

Names are found by rules, not a model: a capitalised name beside a role word ("her mother,
Jane Smith", "Kyle (stepfather)", "Lily, Jane's daughter"), after a title ("Mrs Smith"), after
"called"/"named", or introduced as the child the way the extractor finds a child's pseudonym
(extract/names.py). Every form of a known name is then replaced wherever it occurs, in any
case: the full name, first + last without the middle, "J. Smith", the first name alone, the
surname alone (a surname two people share becomes "Family TAG"), "Mrs Smith", possessives.
Place and organisation names are not looked for.

The tag is an HMAC-SHA256 of the name under a secret: the same secret gives the same tags in
every export; a fresh random secret (the default) makes exports unlinkable to each other.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass

from casereview.extract.names import _CHILD_AGE_BEFORE, _CHILD_INTRO, _CHILD_OWNS, _NOT_NAMES

# Role words (extract/rules/people.yaml roles, reduced to the label a reader needs) and the
# label of their pseudonym.
ROLES = {
    "mother": "Mother", "mum": "Mother", "birth mother": "Mother",
    "father": "Father", "dad": "Father", "birth father": "Father",
    "stepfather": "Stepfather", "step-father": "Stepfather",
    "stepmother": "Stepmother", "step-mother": "Stepmother",
    "partner": "Partner", "boyfriend": "Partner", "girlfriend": "Partner",
    "husband": "Partner", "wife": "Partner", "ex-partner": "Partner",
    "grandmother": "Grandparent", "grandfather": "Grandparent", "grandparent": "Grandparent",
    "aunt": "Relative", "uncle": "Relative", "cousin": "Relative",
    "brother": "Sibling", "sister": "Sibling", "half-brother": "Sibling",
    "half-sister": "Sibling", "sibling": "Sibling",
    "son": "Child", "daughter": "Child", "baby": "Child", "child": "Child",
    "infant": "Child", "toddler": "Child", "boy": "Child", "girl": "Child",
    "social worker": "Professional", "health visitor": "Professional",
    "midwife": "Professional", "teacher": "Professional", "headteacher": "Professional",
    "nurse": "Professional", "doctor": "Professional", "paediatrician": "Professional",
    "police officer": "Professional", "officer": "Professional", "gp": "Professional",
    "neighbour": "Adult", "friend": "Adult", "lodger": "Adult",
}
TITLES = ("mr", "mrs", "ms", "miss", "mx", "dr")
TAG_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I or O: they read as 1 and 0
# Capitalised words that begin or sit in phrases beside role words but are no one's name.
STOP = {w.lower() for w in _NOT_NAMES} | {
    "protection", "plan", "conference", "services", "service", "care", "board", "trust",
    "partnership", "safeguarding", "council", "authority", "county", "borough", "centre",
    "team", "unit", "practice", "surgery", "academy", "nursery", "department", "agency",
    "nhs", "gp", "general", "practitioner", "visitor", "worker", "officer", "court",
    "a", "an", "and", "or", "of", "he", "she", "we", "you", "i", "mr", "mrs", "ms", "miss",
    "dr", "mx", "who", "what", "where", "unknown", "adult", "person", "man", "woman",
    "young", "is", "was", "has", "had", "did", "not", "no", "yes", "as", "if", "so",
    "christmas", "easter", "england", "wales", "scotland", "english", "irish", "welsh",
    *ROLES, *(r.lower() for r in ROLES.values()),
}

_TOK = r"[A-Z][a-z]+(?:['’-][A-Z][a-z]+)?"
_SP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # a space, or a line break where the text wraps
_NAME = rf"{_TOK}(?:{_SP}{_TOK}){{0,2}}"


def _trie(words: list[str]) -> str:
    """One regex for the words, branching letter by letter: Python's re tries a flat
    alternation of 60 words at every position of the text, which made it 10x slower."""
    tree: dict[str, dict] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


_ROLE = "(?i:" + _trie(list(ROLES)) + ")"
_AFTER_ROLE = re.compile(rf"\b({_ROLE})(?:,| -| –)?{_SP}(?:(?i:was|is|called|named){_SP})?({_NAME})\b")
_BEFORE_ROLE = re.compile(
    rf"\b({_NAME})(?:,|[ \t]+-|[ \t]+–)?{_SP}\(?(?:(?i:who was|who is){_SP})?"
    rf"(?:(?i:the|her|his|their|a|an)[ \t]+|[A-Z][a-z]+'s[ \t]+|(?i:the child's|the baby's)[ \t]+)?"
    rf"({_ROLE})\b"
)
_TITLED = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+({_NAME})\b")
_CALLED = re.compile(rf"\b(?:called|named|known as)[ \t]+({_NAME})\b")
# The extractor's ways of introducing the child by a pseudonym, taking a full name too.
_CHILD_PATTERNS = [
    re.compile(p.pattern.replace(r"([A-Z][a-z]{2,14})", f"({_NAME})", 1))
    for p in (_CHILD_INTRO, _CHILD_OWNS, _CHILD_AGE_BEFORE)
]
_TWO_WORDS = re.compile(rf"\b({_TOK}){_SP}({_TOK})\b")
_WORD = re.compile(r"[A-Za-z]+(?:['’\-][A-Za-z]+)*")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass
class Person:
    key: str  # the full name, lower case, one space between words
    role: str  # the pseudonym's label: "Child", "Mother", "Adult", "Family"...
    pseudonym: str


class Pseudonymiser:
    """Learns names from text (`learn`), then replaces them (`replace`). One instance per
    export: a name keeps its pseudonym for the whole export, whatever document it is in."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret if secret else secrets.token_bytes(32)
        self._people: dict[str, Person] = {}
        self._tags: dict[str, str] = {}  # tag -> key, so two names never share a tag
        self._forms: dict[str, str] = {}  # every written form -> pseudonym
        self._firsts: dict[str, set[str]] = {}  # first name -> pseudonyms of its people
        self._lasts: dict[str, set[str]] = {}
        self._starts: set[str] = set()  # the first word of every form: where a match can begin
        self._shared_tags: dict[str, str] = {}  # a shared first name or surname -> pseudonym

    # --- finding names -----------------------------------------------------------------
    def learn(self, text: str) -> None:
        """Add the people this text names, with the role it introduces them with."""
        found: dict[str, str] = {}
        for m in _AFTER_ROLE.finditer(text):
            self._found(found, m.group(2), ROLES[m.group(1).lower()], lead=False)
        for m in _BEFORE_ROLE.finditer(text):
            self._found(found, m.group(1), ROLES[m.group(2).lower()], lead=True)
        for pat in _CHILD_PATTERNS:
            for m in pat.finditer(text):
                self._found(found, m.group(1), "Child")
        for pat in (_TITLED, _CALLED):
            for m in pat.finditer(text):
                self._found(found, m.group(1), "Adult")
        # Full names first, so that "Jane" after "Jane Smith" is her first name, not a person.
        for key in sorted(found, key=lambda k: -k.count(" ")):
            self.add(key, found[key])
        # A known first name followed by a surname ("Anna" then "Anna Pritchard") is that person.
        for m in _TWO_WORDS.finditer(text):
            first, last = m.group(1).lower(), m.group(2).lower()
            if first in self._people and " " not in first and last not in STOP and f"{first} {last}" not in self._people:
                p = self._people[first]
                self._person(f"{first} {last}", p.role, p.pseudonym)

    def learn_name(self, name: str, role: str) -> None:
        """A name the data says is a person (a child's label that is a name)."""
        words = [w for w in name.split() if w.lower() not in STOP]
        if words and all(re.fullmatch(_TOK, w) for w in words):
            self.add(" ".join(words).lower(), role)

    @staticmethod
    def _found(found: dict[str, str], name: str, role: str, lead: bool = True) -> None:
        if lead:  # "1. Introduction\nLily Hartwell was": a heading above is no name
            name = name.rsplit("\n", 1)[-1]
        words = name.split()
        # Before a role word a sentence may start with a capital ("Then Jane, her mother");
        # after one a stop word means a phrase ("a child In Need"), not a name.
        while lead and words and words[0].lower() in STOP:
            words.pop(0)
        while not lead and words and words[-1].lower() in STOP:
            words.pop()
        if not words or any(w.lower() in STOP for w in words):
            return
        key = " ".join(words).lower()
        if found.get(key, "Adult") == "Adult":  # a named role beats "Adult"
            found[key] = role

    def add(self, key: str, role: str) -> None:
        if key in self._people:
            return
        # A first name or surname of a known full name is one of its forms, not a person.
        if " " not in key and (key in self._firsts or key in self._lasts):
            return
        self._person(key, role, f"{role} {self._tag(key)}")

    def _tag(self, key: str) -> str:
        digest = hmac.new(self._secret, key.encode("utf-8"), hashlib.sha256).digest()
        letters = "".join(TAG_LETTERS[b % len(TAG_LETTERS)] for b in digest)
        for n in range(3, len(letters) + 1):
            tag = letters[:n]
            if self._tags.setdefault(tag, key) == key:
                return tag
        raise AssertionError("an HMAC digest cannot collide in every prefix")  # pragma: no cover

    # --- replacing them ----------------------------------------------------------------
    def forms(self) -> dict[str, str]:
        """Every written form of every known name (lower case) -> its pseudonym."""
        return self._forms

    def _person(self, key: str, role: str, pseudonym: str) -> None:
        """Record a person (or another written name of one) and update the forms it touches:
        kept up to date as people come, so a long export never rebuilds them all."""
        self._people[key] = Person(key, role, pseudonym)
        self._set(key, pseudonym)
        words = key.split()
        if len(words) == 1:
            for title in TITLES:  # "Mr Smith" as a whole, not "Mr Adult TAG"
                self._set(f"{title} {key}", pseudonym)
            return
        first, last = words[0], words[-1]
        for form in (f"{first} {last}", f"{first[0]} {last}"):
            if form not in self._people:
                self._set(form, pseudonym)
        self._firsts.setdefault(first, set()).add(pseudonym)
        self._lasts.setdefault(last, set()).add(pseudonym)
        if first not in self._people:  # a first name two people share has its own pseudonym
            owners = self._firsts[first]
            self._set(first, next(iter(owners)) if len(owners) == 1 else self._shared(first, "Adult"))
        if last not in self._people:  # a surname two people share is the family's
            owners = self._lasts[last]
            one = next(iter(owners)) if len(owners) == 1 else None
            shared = None if one else self._shared(last, "Family")
            self._set(last, one or str(shared))
            for title in TITLES:
                self._set(f"{title} {last}", one or f"{title.capitalize()} {shared}")

    def _set(self, form: str, pseudonym: str) -> None:
        self._forms[form] = pseudonym
        self._starts.add(form.split(" ", 1)[0])

    def _shared(self, key: str, role: str) -> str:
        if key not in self._shared_tags:
            self._shared_tags[key] = f"{role} {self._tag('~' + key)}"
        return self._shared_tags[key]

    def replace(self, text: str) -> str:
        """The text with every form of every known name replaced; nothing else changes."""
        return "".join(piece for piece in self._pieces(text))

    def _pieces(self, text: str) -> Iterator[str]:
        forms = self.forms()
        if not forms:
            yield text
            return
        words = list(_WORD.finditer(text))
        pos = i = 0
        starts = self._starts
        while i < len(words):
            word = words[i].group().lower()
            if word not in starts and not (("'" in word or "’" in word) and _POSSESSIVE.sub("", word) in starts):
                i += 1
                continue
            hit = self._match(text, words, i, forms)
            if hit is None:
                i += 1
                continue
            n, end, pseudonym = hit
            yield text[pos : words[i].start()]
            yield pseudonym
            pos, i = end, i + n
        yield text[pos:]

    @staticmethod
    def _match(text: str, words: list[re.Match[str]], i: int, forms: dict[str, str]) -> tuple[int, int, str] | None:
        """The longest known name starting at word i: (words taken, end offset, pseudonym)."""
        parts: list[str] = []
        for n in range(1, min(4, len(words) - i) + 1):
            w = words[i + n - 1]
            if n > 1:
                gap = text[words[i + n - 2].end() : w.start()]
                after_initial = len(parts[-1]) == 1 or parts[-1] in TITLES
                if not (gap.isspace() or (after_initial and gap[:1] == "." and (gap[1:].isspace() or gap == "."))):
                    break
            parts.append(w.group().lower())
        for n in range(len(parts), 0, -1):
            last = words[i + n - 1]
            bare = _POSSESSIVE.sub("", parts[n - 1]) if "'" in parts[n - 1] or "’" in parts[n - 1] else parts[n - 1]
            key = " ".join([*parts[: n - 1], bare])
            pseudonym = forms.get(key)
            if pseudonym is None:
                continue
            if n == 1 and not words[i].group()[0].isupper():
                continue  # "rose", "will": a lower-case word is not taken for a name
            return n, last.start() + len(bare), pseudonym
        return None

    def key(self) -> list[tuple[str, str]]:
        """(written form, pseudonym) for every known name: it re-identifies, so it is written
        only when asked for."""
        return sorted(self._forms.items())
