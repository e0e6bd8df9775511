"""Who a pronoun credit refers to: the people an article names, with their gender and number.

"“…,” she said" is credited to the nearest earlier speaker who can be "she": the subject of the
nearest speech verb that agrees in gender and number, found among the quotes' own credits and the
narration around them ("Lopez said the council would …"). Gender comes from titles (Mr, Ms, Mrs),
gendered nouns (spokeswoman, congressman) and a small list of first names shipped with the package;
an unknown gender agrees with any pronoun. When the choice is not clear (nobody agrees, or another
person who agrees was named more recently) the quote gets no name rather than a guess.

The agreement and title tables are plain dictionaries so that another language can add its own.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from operator import attrgetter
from typing import NamedTuple

from summarizer.quotes.mentions import (
    NOT_NAMES,
    PHRASAL,
    SPEECH_VERBS,
    TITLES,
    Token,
    is_speech_verb,
    sentence_subject,
    subject_before,
    tokens,
)
from summarizer.quotes.sentences import sentence_breaks

#: What each pronoun needs of its antecedent: a gender ("m", "f") and a kind ("person", "plural", "thing").
AGREEMENT: dict[str, tuple[str | None, frozenset[str]]] = {
    "he": ("m", frozenset(["person"])),
    "she": ("f", frozenset(["person"])),
    "they": (None, frozenset(["plural", "thing"])),
    "we": (None, frozenset(["plural", "thing"])),
    "it": (None, frozenset(["thing"])),
}
#: Titles and nouns that say a person's gender.
GENDER_WORDS: dict[str, str] = {
    "mr": "m", "mister": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "father": "m",
    "brother": "m", "congressman": "m", "chairman": "m", "spokesman": "m", "businessman": "m",
    "assemblyman": "m", "councilman": "m", "alderman": "m", "man": "m", "husband": "m", "son": "m",
    "boy": "m", "grandfather": "m", "uncle": "m", "nephew": "m", "dad": "m", "actor": "m",
    "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "lady": "f", "dame": "f", "queen": "f",
    "princess": "f", "mother": "f", "sister": "f", "congresswoman": "f", "chairwoman": "f",
    "spokeswoman": "f", "businesswoman": "f", "assemblywoman": "f", "councilwoman": "f", "woman": "f",
    "wife": "f", "daughter": "f", "girl": "f", "grandmother": "f", "aunt": "f", "niece": "f", "mom": "f",
    "actress": "f",
}  # fmt: skip
#: Head words of a speaker that is an organisation, not a person ("the campaign said").
ORGANISATION_WORDS = frozenset(
    ["post", "times", "news", "journal", "press", "daily", "magazine", "network", "campaign", "committee", "company", "corporation", "inc", "department", "ministry", "agency", "office", "house", "court", "council", "party", "association", "group", "foundation", "institute", "university", "administration", "government", "cnn", "nbc", "abc", "cbs", "msnbc", "fox", "reuters", "politico", "bureau", "fbi", "cia", "commission", "board", "union", "tribune", "herald", "review", "breitbart", "huffington", "bloomberg", "team", "police", "staff", "service", "services", "firm", "bank", "club", "church", "school", "city", "state", "county", "congress", "senate", "pentagon", "kremlin", "statement", "report", "poll", "survey", "study", "site", "website", "paper", "newspaper"]
)
#: Nouns for people, so that an unnamed phrase ("the Republican presidential candidate") can be "he".
PERSON_NOUNS = frozenset(
    ["candidate", "nominee", "senator", "president", "official", "governor", "mayor", "director", "leader", "secretary", "minister", "judge", "lawyer", "attorney", "officer", "adviser", "advisor", "aide", "strategist", "analyst", "professor", "reporter", "host", "author", "founder", "executive", "businessman", "businesswoman", "doctor", "pastor", "resident", "voter", "worker", "source", "player", "coach", "manager", "member", "representative", "general", "admiral", "ambassador", "chief", "diplomat", "activist", "critic", "supporter", "economist", "expert", "historian", "writer", "columnist", "editor", "pollster", "billionaire", "developer", "mogul", "veteran", "student", "teacher", "chairman", "chairwoman", "spokesman", "spokeswoman", "spokesperson", "lawmaker", "congressman", "congresswoman", "legislator", "prosecutor", "investigator", "detective", "sheriff", "chancellor", "premier", "king", "queen", "prince", "princess", "star", "singer", "comedian", "actor", "actress", "owner", "ceo", "founder", "partner", "friend", "neighbor", "neighbour", "witness", "victim", "survivor", "nurse", "scientist", "researcher", "physician", "surgeon", "officer", "soldier", "priest", "rabbi", "imam", "bishop", "governor-elect", "incumbent", "challenger", "frontrunner", "front-runner", "businessman", "entrepreneur", "investor", "banker", "farmer", "owner", "organizer", "organiser", "volunteer", "consultant", "lobbyist", "adviser", "speaker", "delegate", "woman", "man", "person"]
)
#: Heads of time phrases that stand where a subject would ("this past week announced").
TIME_WORDS = frozenset(["week", "weekend", "month", "year", "day", "days", "morning", "afternoon", "evening", "night", "time", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"])
_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])
_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "their", "its", "our", "one", "another"])
#: How many paragraphs before the quote's own an antecedent may sit in.
WINDOW = 3
_POSSESSIVE = re.compile(r"[’']s?$")
#: What a word ends with when ``_POSSESSIVE`` can match it (``$`` also matches before a final newline).
_POSSESSIVE_ENDS = ("’", "'", "s", "\n")
_MENTION_WORD = re.compile(r"[^\W_][\w’'.\-]*")
_START = attrgetter("start")
_WORD_OF = attrgetter("word")
#: Every word ``is_speech_verb`` may say yes to.
_VERB_WORDS = SPEECH_VERBS | frozenset(PHRASAL)


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First name (lower case) -> "m" or "f", from the list shipped in this package."""
    table: dict[str, str] = {}
    data = resources.files("summarizer.quotes").joinpath("first_names.txt").read_text(encoding="utf-8")
    for line in data.splitlines():
        gender, _, names = line.partition(" ")
        if gender in ("m", "f"):
            table.update((name, gender) for name in names.split())
    return table


class Person(NamedTuple):
    """One mention of someone who may be a speaker (a named tuple: cheaper to build than a dataclass)."""

    start: int
    end: int
    key: str
    display: str
    gender: str | None
    kind: str
    speech: bool
    named: bool


def describe(text: str, start: int, end: int, display: str, speech: bool) -> Person | None:
    """A mention as a ``Person``; None for a pronoun or for words that name nobody."""
    words = _MENTION_WORD.findall(text, start, end)
    opening = words[0].lower() if words else ""
    if not words or opening in AGREEMENT or opening in ("i", "who", "which", "that"):
        return None
    while len(words) > 1 and _unpossessed(words[0]).lower() in AGREEMENT:
        words = words[1:]  # "He's Donald Trump": the contraction is not part of the name
    for k, word in enumerate(words[1:], start=1):
        if word.islower() and (word.endswith(("ing", "ed")) or word in ("who", "which", "that")):
            words = words[:k]  # "One pastor supporting Mr. Cruz" is a pastor
            break
    bare = [w.rstrip(".") for w in words]
    lowered = [_unpossessed(w).lower() for w in bare]
    if lowered[-1] in TIME_WORDS:
        return None  # "Reince Priebus, the GOP chairman, this past week announced"
    # A name ends in a capitalised word: "The Democratic presidential candidate’s response" is not
    # one, and neither is "Hillary Clinton’s Claim" (the claim is a thing; its owner is not the subject).
    possessed = any(w.endswith(_POSSESSIVE_ENDS) and _POSSESSIVE.search(w) for w in words[:-1])
    named = not possessed and bare[-1][:1].isupper() and any(w[:1].isupper() and w not in NOT_NAMES and w not in TITLES for w in bare)
    core = [w for w, low in zip(bare, lowered, strict=True) if low not in _DETERMINERS and low not in _SUFFIXES]
    if not core:
        return None
    key = _unpossessed(core[-1]).lower()
    gender = next((GENDER_WORDS[low] for low in lowered if low in GENDER_WORDS), None)
    if gender is None and named and len(core) > 1:
        # "Senate Majority Whip John Cornyn": the first name is the first known one before the surname
        names = first_names()
        gender = next((names[w.lower()] for w in core[:-1] if w.lower() in names), None)
    return Person(start, end, key, display, gender, _kind(bare, lowered), speech, named)


def _unpossessed(word: str) -> str:
    """``word`` without a possessive ending ("Lopez’s" -> "Lopez"); no regex for most words."""
    return _POSSESSIVE.sub("", word) if word.endswith(_POSSESSIVE_ENDS) else word


def _kind(bare: list[str], lowered: list[str]) -> str:
    head = bare[-1]
    if lowered[-1] in ORGANISATION_WORDS or (len(head) > 1 and head.isupper() and head.isalpha()):
        # "the Harbour Company", "the EPA", "NATO": organisations ("it"), never "he" or "she"
        return "thing"
    if "and" in lowered or lowered[0] in ("both", "two", "three", "many", "several", "some", "most", "all"):
        return "plural"
    head = lowered[-1]
    if not head.endswith("s") or head.endswith(("ss", "us", "is")):
        return "person"
    # "officials", "City officials", "the Democrats" are plural; "Sanders" and "Jones" are people.
    if bare[-1][:1].islower() or (lowered[0] == "the" and len(bare) == 2):
        return "plural"
    return "person"


def _gendered_head(person: Person) -> bool:
    return GENDER_WORDS.get(person.key) is not None


class Cast:
    """The people of one article, read lazily a paragraph at a time around each pronoun credit."""

    def __init__(
        self,
        text: str,
        paras: list[tuple[int, int]],
        quoted: list[tuple[int, int]],
        display: Callable[[list[Token], tuple[int, int]], str] | None = None,
    ) -> None:
        self.text = text
        self.display = display
        self.paras = paras
        self.starts = [p[0] for p in paras]
        self.quoted = sorted(quoted)
        self._narration: dict[int, list[Person]] = {}
        #: How each person read from the narration is shown, worked out only for the one a pronoun
        #: resolves to (most people read are never chosen): start -> (person as read, sentence
        #: tokens, range, the person with its display once worked out).
        self._unshown: dict[int, tuple[Person, list[Token], tuple[int, int], Person | None]] = {}
        self._genders: dict[str, list[tuple[int, str]]] | None = None
        self._surnames: set[str] = set()

    def paragraph_of(self, at: int) -> int:
        return max(0, bisect.bisect_right(self.starts, at) - 1)

    def resolve(self, pronoun: str, at: int, spoken: list[Person]) -> Person | None:
        """The person ``pronoun`` (written at ``at``) refers to, or None when that is not clear.

        Paragraphs are read from the pronoun's own backwards, and reading stops as soon as the
        answer cannot change: most credits are settled by the paragraph they are in.
        """
        need = AGREEMENT.get(pronoun.lower())
        if need is None or not self.paras:
            return None
        here = self.paragraph_of(at)
        first = max(0, here - WINDOW)
        found: list[Person] = []
        for index in range(here, first - 1, -1):
            p_start, p_end = self.paras[index]
            batch = [p for p in spoken if p_start <= p.start < at and p.start < p_end]
            seen = {p.start for p in batch}
            batch.extend(p for p in self._people_in(index) if p.start < at and p.start not in seen)
            found[:0] = sorted(batch, key=lambda p: p.start)
            decided, person = self._decide(found, need, complete=index == first)
            if decided:
                return self._shown(person)
        return None

    def _shown(self, person: Person | None) -> Person | None:
        """``person`` with the display it was read with (see ``_unshown``)."""
        pending = self._unshown.get(person.start) if person is not None else None
        if person is None or pending is None or pending[0] is not person:
            return person
        read, toks, rng, shown_person = pending
        if shown_person is None:
            start, end = toks[rng[0]].start, toks[rng[1]].end
            shown = self.display(toks, rng) if self.display else self.text[start:end]
            shown_person = read._replace(display=shown.rstrip(".,’'"))
            self._unshown[start] = (read, toks, rng, shown_person)
        return shown_person

    def _decide(
        self, found: list[Person], need: tuple[str | None, frozenset[str]], complete: bool
    ) -> tuple[bool, Person | None]:
        """(whether the answer is settled, the person): ``found`` is in text order, the nearest last."""
        agreeing = [p for p in found if self._agrees(p, need)]
        speakers = [p for p in agreeing if p.speech]
        chosen = speakers[-1] if speakers else None
        if chosen is None:
            if not complete:
                return False, None
            chosen = next((p for p in reversed(agreeing) if p.named), None)
            if chosen is None:
                return True, None
        if any(p.start > chosen.start and p.named and p.key != chosen.key for p in agreeing):
            return True, None  # someone who agrees was named after the speaker: "she" could be either
        if self.gender(chosen) is not None:
            return True, chosen
        if any(p.speech and p.named and p.key != chosen.key for p in agreeing):
            return True, None  # two speakers agree and nothing tells them apart
        return complete, chosen if complete else None

    def gender(self, person: Person) -> str | None:
        """The person's gender: from the mention itself, else from the article's fuller mentions."""
        if person.gender is not None:
            return person.gender
        seen = self._gender_index().get(person.key)
        if not seen:
            return None
        # "Bill Clinton … Hillary Clinton … Clinton said": two people share the name, so the bare
        # surname could be either (it agrees with both pronouns).
        return seen[0][1] if len({g for _, g in seen}) == 1 else None

    def _agrees(self, person: Person, need: tuple[str | None, frozenset[str]]) -> bool:
        gender, kinds = need
        if person.kind not in kinds:
            return False
        if kinds == {"person"} and not person.named and person.key not in PERSON_NOUNS and person.key not in GENDER_WORDS:
            return False  # "he" is not "the exchange" or "the past": an unnamed person needs a person's noun
        return gender is None or self.gender(person) in (None, gender)

    def _gender_index(self) -> dict[str, list[tuple[int, str]]]:
        if self._genders is None:
            self._genders = {}
            names = first_names()
            genders, surnames = self._genders, self._surnames
            for match in _FULL_NAME.finditer(self.text):
                first = match[1]
                if first in NOT_NAMES:
                    continue
                last = _unpossessed(match[2]).lower()
                surnames.add(last)
                low = first.lower()
                gender = GENDER_WORDS.get(low.rstrip(".")) or names.get(low)
                if gender:
                    genders.setdefault(last, []).append((match.start(), gender))
        return self._genders

    def _people_in(self, index: int) -> list[Person]:
        """Speech-verb subjects and sentence subjects of one paragraph's narration (quotes left out)."""
        if index not in self._narration:
            self._narration[index] = self._read(*self.paras[index])
        return self._narration[index]

    def _read(self, p_start: int, p_end: int) -> list[Person]:
        people: list[Person] = []
        # Only the narration is read: the paragraph's words outside quotation marks.
        toks: list[Token] = []
        at = p_start
        i = bisect.bisect_left(self.quoted, (p_start, -1))
        while i < len(self.quoted) and self.quoted[i][0] < p_end:
            toks.extend(tokens(self.text, at, self.quoted[i][0]))
            at = max(at, self.quoted[i][1])
            i += 1
        toks.extend(tokens(self.text, at, p_end))
        if not toks:
            return people
        sentences = by_sentence(toks, [b for _, b in sentence_breaks(self.text, p_start, p_end)])
        for toks in sentences:
            if not toks:
                continue
            # Most sentences hold no speech verb: that is told in C, before a word is read in Python.
            for v in range(1, len(toks)) if not _VERB_WORDS.isdisjoint(map(_WORD_OF, toks)) else ():
                word = toks[v].word  # might_be_speech_verb, written out: it is asked of every word read
                if (word in SPEECH_VERBS or word in PHRASAL) and is_speech_verb(toks, v):
                    self._add(people, toks, subject_before(toks, v), speech=True)
            self._add(people, toks, sentence_subject(toks), speech=False)
        return people

    def _add(self, people: list[Person], toks: list[Token], rng: tuple[int, int] | None, speech: bool) -> None:
        if rng is None:
            return
        start, end = toks[rng[0]].start, toks[rng[1]].end
        if any(p.start == start for p in people):
            return
        person = describe(self.text, start, end, "", speech)  # shown when chosen: ``_shown``
        if person is None:
            return
        if rng == (0, 0) and person.named:
            # One capitalised word opening a sentence ("Crews worked …", "Demonstrators said …") is
            # a name only when the article also writes it after a first name or title ("Mr. Reilly"),
            # or when it is said to speak and does not look plural ("Lopez said …").
            self._gender_index()
            plural = person.key.endswith("s") and not person.key.endswith(("ss", "us", "is"))
            if person.key not in self._surnames and (plural or not speech):
                person = person._replace(named=False, kind="plural" if plural else person.kind)
        if speech or person.named or _gendered_head(person) or person.kind != "person":
            # "The work began …" names nobody; "My mother says …" does, and "The campaign is
            # defending …" gives "it" something to refer to.
            people.append(person)
            self._unshown[start] = (person, toks, rng, None)


def by_sentence(toks: list[Token], starts: list[int]) -> list[list[Token]]:
    """``toks`` (in text order) cut where each sentence starts: one list per sentence, empty ones too.

    Cut by bisection, one per sentence: a look-up per token cost more than the cutting saves.
    """
    cuts = [bisect.bisect_left(toks, start, key=_START) for start in starts]
    return [toks[i:j] for i, j in zip([0, *cuts], [*cuts, len(toks)], strict=True)]


#: "Mr. Lopez", "Maria Lopez", "Sen. Maria de la Cruz" (the surname is the last capitalised word).
#: It is ``\b(Mrs?\.?|Ms\.?|Miss|Sir|Lady|[A-Z][a-z]+)\s+…`` written to open with a capital letter
#: (the word boundary checked behind it), so the regex engine skips ahead to capitals instead of
#: trying a match at every character of the article: the same matches, in half the time.
_FULL_NAME = re.compile(
    r"([A-Z](?<!\w[A-Z])(?:(?<=M)rs?\.?|(?<=M)s\.?|(?<=M)iss|(?<=S)ir|(?<=L)ady|[a-z]+))\s+(?:[A-Z]\.\s+)?([A-Z][\w’'\-]+)"
)
