"""Who said each quote: attribution patterns around the quote, carried over and through pronouns."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache, partial
from operator import attrgetter
from typing import NamedTuple

from summarizer.quotes.credits import speaker_label, tail_credit
from summarizer.quotes.marks import Span, has_words, paragraphs
from summarizer.quotes.mentions import (
    DE_ARTICLES,
    DETERMINERS,
    GERMAN_CREDIT_VERBS,
    NOT_NAMES,
    PRONOUNS,
    SEPARABLE,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS_BY_LANGUAGE,
    TITLES,
    VERB_SECOND,
    Token,
    clause_particle,
    german_speaker_after,
    is_participle,
    is_speech_verb,
    noun_phrase_after_verb,
    noun_phrase_ending,
    noun_phrase_starting,
    sentence_subject,
    subject_before,
    tokens,
)
from summarizer.quotes.people import AGREEMENT, Cast, Person, describe, first_names
from summarizer.quotes.sentences import (
    ABBREVIATIONS,
    LOOK_BACK,
    sentence_breaks,
    sentence_end,
    sentence_start,
)

_PARTICIPLE_ADVERBS = frozenset(["recently", "also", "later", "then", "repeatedly", "publicly", "once", "again", "still", "even"])
_SUBJECTS = frozenset(["he", "she", "they", "we", "I"])
_NOT_VERB_AFTER = frozenset(["of", "in", "on", "at", "to", "for", "with", "by", "from", "and", "or", "but", "as", "than", "that", "which", "who"])
_NEGATIONS = frozenset(["not", "never", "didn’t", "didn't", "don’t", "don't", "doesn’t", "doesn't", "won’t", "won't", "wouldn’t", "wouldn't", "no"])
_AUXILIARIES = frozenset(["could", "would", "will", "should", "can", "may", "might", "must", "is", "was", "are", "were", "has", "had", "have", "did", "does", "do"])
#: Speech verbs whose object is the person spoken to (or about): "told reporters", "urged voters".
_HEARER_VERBS = frozenset(["told", "tells", "tell", "urged", "urges", "reminded", "reminds", "assured", "assures", "called", "calls", "accused", "accuses", "praised", "praises", "thanked", "warned", "warns", "begged", "asked", "asks"])
_CLAUSE_OPENERS = frozenset(["but", "and", "while", "although", "though", "because", "when", "if", "so", "yet", "whereas"])


class Attribution(NamedTuple):
    """Who said one quote (named tuples here, not dataclasses: built for every quote, at a third of the cost)."""

    speaker: str | None
    mention_start: int | None
    mention_end: int | None
    named: bool


class _Mention(NamedTuple):
    start: int
    end: int
    display: str


def attribute(text: str, spans: list[Span], paras: list[tuple[int, int]] | None = None) -> list[Attribution]:
    """One attribution per span, in order (``paras``: the text's ``paragraphs``, when known already)."""
    if paras is None:
        paras = paragraphs(text)
    mentions = [_own_mention(text, spans, i, paras) for i in range(len(spans))]
    _credit_lines(text, spans, paras, mentions)
    for i in range(len(spans) - 2, -1, -1):
        # "Guns are “a crisis” and “a disgrace,” Jane Doe said.": quotes joined by "and"/"or" share
        # the credit that follows the last of them.
        joined = text[spans[i].end : spans[i + 1].start].strip(" ,") in ("and", "or", "but")
        same = spans[i + 1].paragraph == spans[i].paragraph
        if mentions[i] is None and mentions[i + 1] is not None and same and joined:
            mentions[i] = mentions[i + 1]
        elif mentions[i] is None and mentions[i + 1] is not None and same and mentions[i + 1].start >= spans[i + 1].end:
            # "Fundraising was “stagnant” as donors waited to see how a “turbulent year” played out, he
            # said.": two quotes of one sentence share the credit that ends it.
            near = spans[i + 1].start - spans[i].end < 300
            mentions[i] = mentions[i + 1] if near and not sentence_breaks(text, spans[i].end, spans[i + 1].start) else None
    for i in range(1, len(spans)):
        # "As X reported:\n“…\n“…\n“…,” Y said.": paragraphs of a run introduced before it keep
        # the introducer, not the credit of a quote inside the excerpt.
        prev = spans[i - 1]
        run = not prev.closed and spans[i].paragraph == prev.paragraph + 1 and spans[i].start == paras[spans[i].paragraph][0]
        if mentions[i] is None and run and mentions[i - 1] is not None and mentions[i - 1].end <= prev.start:
            mentions[i] = mentions[i - 1]
    for i in range(len(spans) - 2, -1, -1):
        # A quote left open at the end of its paragraph and continued by the next one ("…\n“…,” X
        # said."): the whole run belongs to the speaker named at its end.
        following = spans[i + 1]
        continued = following.paragraph == spans[i].paragraph + 1 and following.start == paras[following.paragraph][0]
        if mentions[i] is None and not spans[i].closed and continued and not _opens_with_label(following, mentions[i + 1]):
            mentions[i] = mentions[i + 1]
    for i, span in enumerate(spans):
        if mentions[i] is None and span.paragraph + 1 < len(paras):
            mentions[i] = _dash_credit(text, span, paras[span.paragraph], paras[span.paragraph + 1])
        if mentions[i] is not None:
            continue
        if _dialogue_turn(text, spans, i, mentions):
            # "A: „…“ — B: „…“ — „…“ — „…“": dash-separated turns of a dialogue alternate.
            mentions[i] = mentions[i - 2]
        elif narrator := _sentence_before_speaker(text, span, paras[span.paragraph]):
            # "Jane Doe argues that her client was misread. “…”": the sentence before the quote in
            # its own paragraph names the speaker, not a quote in the paragraph before.
            mentions[i] = narrator
        elif i and span.paragraph - spans[i - 1].paragraph <= 1:
            # A quote with no attribution of its own continues the quote before it, credited by
            # the credit written between them when there is one (:func:`_credit_between`).
            mentions[i] = _credit_between(text, spans[i - 1], span, mentions[i - 1]) or mentions[i - 1]
        elif span.paragraph and span.start == paras[span.paragraph][0]:
            # A quote paragraph after narration: "Jane Doe praised the plan.\n“…”".
            mentions[i] = _previous_paragraph_subject(text, paras[span.paragraph - 1])
    return _resolve(text, mentions, paras, spans)


def _opens_with_label(span: Span, found: _Mention | None) -> bool:
    """ "“WALLACE: Governor, …": a transcript label opens a new turn; the paragraphs before it,
    continuing an earlier turn, are not its speaker's."""
    return found is not None and span.start <= found.start <= span.start + 3


def _credit_between(text: str, prev: Span, span: Span, prev_mention: _Mention | None) -> _Mention | None:
    """ "X scolded him: “…,” she said. “…”": the previous quote has a credit before it and another
    after it; the quote that follows continues after the nearer one, which is its credit as written."""
    if prev_mention is None or prev_mention.end > prev.start or prev.paragraph != span.paragraph:
        return None
    if span.start - prev.end > 120:
        return None
    between = tokens(text, prev.end, span.start)
    return _after(text, prev, between, span)[0]


def _dialogue_turn(text: str, spans: list[Span], i: int, mentions: list[_Mention | None]) -> bool:
    if i < 2 or spans[i - 2].paragraph != spans[i].paragraph or spans[i - 1].paragraph != spans[i].paragraph:
        return False
    two, one = mentions[i - 2], mentions[i - 1]
    if two is None or one is None or text[two.start : two.end] == text[one.start : one.end]:
        return False
    return text[spans[i - 1].end : spans[i].start].strip() in ("—", "–", "--")


def _credit_lines(text: str, spans: list[Span], paras: list[tuple[int, int]], mentions: list[_Mention | None]) -> None:
    """Transcript labels ("PENCE: …") and dash credits ("“…” ― Jane Doe") name the speaker outright."""
    by_paragraph: dict[int, list[int]] = {}
    for i, span in enumerate(spans):
        by_paragraph.setdefault(span.paragraph, []).append(i)
        label = speaker_label(text, span)
        if label:
            mentions[i] = _Mention(label.start, label.end, text[label.start : label.end])
    for index, members in by_paragraph.items():
        credit = tail_credit(text, paras[index])
        if credit is None or spans[members[-1]].end < credit.at - 200:
            continue
        mention = _Mention(credit.start, credit.end, text[credit.start : credit.end])
        p_start, p_end = paras[index]
        for i in members:
            # The credit line beats a guess from outside the paragraph, not an attribution inside it.
            found = mentions[i]
            if found is None or not p_start <= found.start < p_end:
                mentions[i] = mention


def _dash_credit(text: str, span: Span, para: tuple[int, int], following: tuple[int, int]) -> _Mention | None:
    """A quote paragraph credited on the next line: "“…”\n- Jane Doe." (fact checks, epigraphs)."""
    if text[span.end : para[1]].strip(" .") or following[1] - following[0] > 80:
        return None
    line = text[following[0] : following[1]].lstrip()
    if line.rstrip(" .").endswith(("-", "—", "–")):
        return None  # "– A subheading –": set off by dashes on both sides, no credit
    if line.startswith(("-", "—", "–")):
        start = following[1] - len(line) + 1
    elif not span.closed and line.rstrip().endswith(("”", '"', "''")) and not re.search(r"[“”\"]|''", line.rstrip()[:-2]):
        # a pull quote closed on its credit line: "“…\nJane Doe, Some Institute.”"
        start = following[1] - len(line)
    else:
        return None
    toks = tokens(text, start, following[1])
    return _mention(text, toks, noun_phrase_starting(toks, 0)) if toks else None


def _sentence_before_speaker(text: str, span: Span, para: tuple[int, int]) -> _Mention | None:
    """The subject of a speech verb in the sentence just before a quote that opens a sentence
    inside its paragraph (no quote marks in that sentence, no negation)."""
    lead_end = span.start
    lead = text[max(para[0], lead_end - 16) : lead_end].rstrip()  # a short window: linear on long paragraphs
    if not lead or lead[-1] not in ".!?":
        return None
    start = sentence_start(text, max(para[0], lead_end - 1), para[0])
    if _DOUBLE_MARK.search(text, start, lead_end):
        return None  # (before the sentence is cut into words)
    toks = tokens(text, start, lead_end)
    if not toks or any(t.word in _NEGATIONS for t in toks):
        return None
    found = _verb_in(text, toks)
    return found


def _previous_paragraph_subject(text: str, para: tuple[int, int]) -> _Mention | None:
    start = sentence_start(text, para[1], para[0])
    toks = tokens(text, start, para[1])
    return _verb_in(text, toks) or _mention(text, toks, sentence_subject(toks))


def _own_mention(text: str, spans: list[Span], i: int, paras: list[tuple[int, int]]) -> _Mention | None:
    """The speaker named by the attribution around span ``i`` itself, if any."""
    span = spans[i]
    p_start, p_end = paras[span.paragraph]
    prev = spans[i - 1] if i and spans[i - 1].paragraph == span.paragraph else None
    nxt = spans[i + 1] if i + 1 < len(spans) and spans[i + 1].paragraph == span.paragraph else None
    # A short quoted name before ("Die „Saarztg.“ schreibt: „…“") is part of this quote's sentence.
    # The walk stops once it is past the window sentence_start looks in: a floor further back makes no
    # difference there, and hostile text with thousands of short quotes stays linear.
    j = i - 1
    while prev is not None and (not has_words(text, 3, prev.start, prev.end) or _title(text, prev)) and prev.end > span.start - LOOK_BACK:
        j -= 1
        prev = spans[j] if j >= 0 and spans[j].paragraph == span.paragraph else None
    floor = prev.end if prev else p_start
    sent_start = sentence_start(text, span.start, floor)
    before = tokens(text, sent_start, span.start)
    after_end = sentence_end(text, span.end, nxt.start if nxt else p_end)
    after = tokens(text, span.end, after_end)
    found = _sentence_mention(text, span, before, after, sent_start, nxt, p_start, paras)
    if found is not None:
        # "According to CNN, Jane Doe said “…”": the attribution is the outlet's report.
        ends_sentence = text[span.start : span.end].rstrip("”\"'’ ").endswith((".", "!", "?"))
        return _according_to(text, before) or (None if ends_sentence else _according_to(text, after)) or found
    return None


_TITLE_SMALL = frozenset(["a", "an", "the", "of", "in", "on", "and", "for", "to", "with", "at", "by"])


def _title(text: str, span: Span) -> bool:
    """ "author of “America’s Unwritten Constitution,”": a short quoted title is part of the sentence."""
    if span.end - span.start > 120:
        return False
    words = re.findall(r"[^\W\d_][\w’'\-]*", text[span.start : span.end])
    if not words or len(words) > 6 or re.search(r"[.;:?!]", text[span.start : span.end]):
        return False
    big = [w for w in words if w.lower() not in _TITLE_SMALL]
    return len(big) >= 2 and all(w[:1].isupper() for w in big)


_WORD_OF = attrgetter("word")


def _according_to(text: str, toks: list[Token]) -> _Mention | None:
    if "according" not in map(_WORD_OF, toks):
        return None  # (most sentences: told in C, before the words are read one by one)
    for k in range(len(toks) - 2):
        if toks[k].word == "according" and toks[k + 1].word == "to":
            return _mention(text, toks, noun_phrase_after_verb(toks, k + 2))
        if _per(toks, k):
            return _mention(text, toks, noun_phrase_starting(toks, k + 1))
    return None


def _per(toks: list[Token], k: int) -> bool:
    """ "“…,” per the party’s bylaws": "per" right after the quote, before a name or a determiner, is
    "according to" (not "per cent", "$3 per gallon", nor "X said, per a translator, that …")."""
    if toks[k].word != "per" or k > 1 or k + 1 >= len(toks) or (k and toks[k - 1].text != ","):
        return False
    follower = toks[k + 1]
    return follower.word in DETERMINERS or (follower.capitalised and follower.text not in NOT_NAMES)


def _sentence_mention(
    text: str,
    span: Span,
    before: list[Token],
    after: list[Token],
    sent_start: int,
    nxt: Span | None,
    p_start: int,
    paras: list[tuple[int, int]],
) -> _Mention | None:
    trailing, guess_from = _after(text, span, after, nxt)
    if trailing and _inverted_speech_clause(after):
        return trailing  # "“…?” asked Dunn": nothing before the quote outranks an inverted attribution
    aside = _aside_after_name(text, before, after) or _in_the_view_of(text, before)
    if aside:
        return aside  # "…, including Mitt Romney -- ''…'' -- and Fred Goldberg"
    adjacent = _adjacent_before(text, before)
    if adjacent and trailing and _in_subject_phrase(before, adjacent):
        return trailing  # "The loopholes he cited are “…,” The Hill reported."
    if adjacent:
        return _outer_speaker(text, before, adjacent)
    if trailing:
        return _named_before(text, before, trailing) or trailing
    document = _german_document(text, before)
    if document:
        return document  # "Der Antrag: „es sei …“", "Das Blatt enthält eine Bekanntmachung, „…“"
    inner = _verb_in(text, before)
    if inner:
        return _outer_speaker(text, before, inner)
    guessed = None if guess_from is None else _mention(text, after, _unknown_verb_clause(after, guess_from))
    if guessed:
        return guessed  # "“…,” the nominee riffed": a verb not on the list, after a known one before
    complete = text[span.start : span.end].rstrip("”\"'’ ").endswith(".")
    later = None if complete else (_later_in_sentence(text, after) or _sentence_final_credit(text, after))
    if later:
        return later
    label = _label_before(text, before)
    if label:
        return label
    # "Roffman, who estimates his costs were “…,” described the impact as “…”": after a quote in the
    # same sentence, a verb (or "and" + verb) has its subject before that quote, not after the verb.
    opens_clause = bool(before) and before[0].text.islower() and (before[0].word in ("and", "or", "but") or before[0].word.endswith("ed"))
    # "He offered “…”": a subject pronoun and its verb are enough, as are any three words.
    pronoun_verb = len(before) == 2 and before[0].text in ("He", "She", "They") and before[1].text.islower() and before[1].word.isalpha()
    words = sum(t.text[:1].isalnum() for t in before)
    if (words >= 3 or pronoun_verb) and not text.startswith("„", span.start) and not opens_clause:
        # A quote inside a sentence with no speech verb ("X called the plan “…”"): its subject.
        # Not for German, whose sentences put so much before the verb that the first noun is rarely it.
        relative = _relative_clause_subject(before)
        if relative:
            # "Trump released a video that said, “…”": whoever released it speaks.
            relative = _issuer(before, (relative[0], relative[1] - 1)) or relative
        subject = _mention(text, before, relative or sentence_subject(before))
        if subject:
            return subject
    return _colon_intro(text, span, sent_start, p_start, paras)


def _named_before(text: str, before: list[Token], trailing: _Mention) -> _Mention | None:
    """ "DuVernay said she felt the law was worth a film because “…,” she said.": the sentence opens
    with the name, whose verb reports a clause with the same pronoun; the name is the credit."""
    pronoun = text[trailing.start : trailing.end].lower()
    if pronoun not in ("he", "she"):
        return None
    for v in range(1, min(len(before) - 1, 8)):
        if not is_speech_verb(before, v):
            continue
        k = v + 2 if before[v + 1].word == "that" else v + 1
        if k >= len(before) or before[k].text.lower() != pronoun:
            return None
        rng = subject_before(before, v)
        if rng and rng[0] == 0 and before[rng[0]].capitalised and before[rng[0]].text.lower() not in PRONOUNS:
            return _mention(text, before, rng)
        return None
    return None


_DASHES = frozenset(["—", "–", "--"])


def _aside_after_name(text: str, before: list[Token], after: list[Token]) -> _Mention | None:
    """ "A chorus of Republicans agreed, including Mitt Romney -- ''…'' -- and …": a quote set off by
    dashes right after a name is that person's words."""
    if len(before) < 2 or before[-1].text not in _DASHES or not after or after[0].text != before[-1].text:
        return None
    if not before[-2].capitalised or before[-2].text in NOT_NAMES:
        return None
    return _mention(text, before, noun_phrase_ending(before, len(before) - 2))


def _in_the_view_of(text: str, before: list[Token]) -> _Mention | None:
    """ "… because to her, “…”", "For Jane Doe, “…”": the person whose view the quote gives."""
    if len(before) < 3 or before[-1].text != ",":
        return None
    for k in range(len(before) - 2, max(-1, len(before) - 6), -1):
        if before[k].word in ("to", "for") and k + 1 < len(before) - 1:
            rng = (k + 1, len(before) - 2)
            words = before[k + 1 : len(before) - 1]
            pronoun = len(words) == 1 and words[0].word in ("her", "him", "them")
            named = all(_is_name_token(t) for t in words) and words[0].capitalised and words[0].text not in NOT_NAMES
            opens = k == 0 or before[k - 1].word in _CLAUSE_OPENERS or before[k - 1].text == ","
            return _mention(text, before, rng) if (pronoun or named) and opens else None
    return None


def _is_name_token(tok: Token) -> bool:
    return tok.capitalised or tok.word in ("of", "de", "van", "von")


_COPULAS = frozenset(["is", "are", "was", "were"])


def _in_subject_phrase(before: list[Token], found: _Mention) -> bool:
    """ "The four loopholes he cited are “…”": the speech verb after the credit is followed by "is"
    or "are": it sits in a clause describing the sentence's subject, and reports nothing."""
    for k, tok in enumerate(before):
        if tok.start >= found.end:
            return k + 1 < len(before) and is_speech_verb(before, k) and before[k + 1].word in _COPULAS
    return False


def _label_before(text: str, before: list[Token]) -> _Mention | None:
    """ "— Der Redakteur: „…“", "Pollsters agree - Carl Bialik: “…”": a short name and a colon right
    before the quote, after a dash or at the start of the sentence, is who speaks."""
    if len(before) < 2 or before[-1].text != ":":
        return None
    k = len(before) - 2
    first = k
    while first > 0 and k - first < 4 and before[first - 1].text not in ("—", "–", "--", "-") and before[first - 1].text[:1].isalnum():
        if "-" in text[before[first - 1].end : before[first].start]:
            break  # "Pollsters agree - Carl Bialik:": a spaced hyphen is a dash (and no token)
        first -= 1
    opener = first == 0 or before[first - 1].text in ("—", "–", "--", "-") or "-" in text[before[first - 1].end : before[first].start]
    if not opener:
        return None
    source = next((j + 1 for j in range(first, min(k, first + 2)) if before[j].word == "from"), None)
    if source is not None and all(before[j].word == "more" for j in range(first, source - 1)):
        first = source  # "- More from Jane Doe:", "From the report:": the source after "from"
        if not (before[first].capitalised or before[first].word in ("the", "a", "an")):
            return None
    elif not before[k].capitalised:
        return None
    lower_ok = ("der", "die", "das", "the", "and") if source is None else tuple(t.word for t in before[first : k + 1])
    if any(is_speech_verb(before, j) or (before[j].text.islower() and before[j].word not in lower_ok) for j in range(first, k + 1)):
        return None
    return _mention(text, before, (first, k))


def _relative_clause_subject(toks: list[Token]) -> tuple[int, int] | None:
    """ "Ivanka Trump, who portrayed him as “…”", "a foundation that focuses on the “…”": the quote
    sits in a relative clause, whose subject is the noun before "who"/"that" (and the word itself)."""
    for k in range(len(toks) - 2, 0, -1):
        if toks[k].word not in ("who", "that", "which"):
            continue
        follower = toks[k + 1]
        if not (follower.text.islower() and follower.word.isalpha()) or follower.word in _NOT_VERB_AFTER:
            return None
        if follower.word in DETERMINERS or follower.text in PRONOUNS:
            return None  # "told leaders that the state …", "a request that month": no relative clause
        if toks[k].word == "that" and not (follower.word.endswith(("s", "ed")) or follower.word in _AUXILIARIES or follower.word in SPEECH_VERBS):
            return None
        j = k - 1 if toks[k - 1].text != "," else k - 2
        if j < 0 or (toks[k].word == "that" and toks[k - 1].text == ","):
            return None
        found = noun_phrase_ending(toks, j)
        if found is None or toks[found[0]].text.lower() in PRONOUNS:
            return None
        return found[0], k
    return None


def _inverted_speech_clause(after: list[Token]) -> bool:
    i = 0
    while i < len(after) and after[i].text in (",", "—", "–", "--"):
        i += 1
    return i < len(after) and is_speech_verb(after, i) and after[i].word in ("said", "says", "asked", "asks", "added", "adds", "wrote", "writes", "told", "tells")


def _outer_speaker(text: str, before: list[Token], found: _Mention) -> _Mention:
    """ "Lynch said she recalled thinking, “…”": the named speaker of the reporting clause, not the
    pronoun inside the reported one (they are the same person, and the name is the attribution)."""
    if text[found.start : found.end].lower() not in PRONOUNS:
        return _reporting_clause_speaker(text, before, found)
    for v, tok in enumerate(before):
        if tok.start >= found.start:
            return found
        if not is_speech_verb(before, v):
            continue
        between = [t for t in before[v + 1 :] if t.start < found.start]
        # "Rubio said that over the last days he has begun “…”": the pronoun in the clause the verb
        # reports (no name, comma or new clause in between) is its subject again.
        plain = not any(t.capitalised or t.text in (",", ";", ":") or t.word in _CLAUSE_OPENERS for t in between)
        reported = _reports_pronoun_clause(before, v) and not any(t.text == "," or t.word in _CLAUSE_OPENERS for t in between)
        if not plain and not reported:
            continue
        rng = subject_before(before, v)
        same = rng is not None and rng[0] == rng[1] and before[rng[0]].text.lower() == text[found.start : found.end].lower()
        if rng and (same or before[rng[0]].text.lower() not in PRONOUNS) and before[rng[0]].word not in ("who", "which", "that"):
            return _mention(text, before, rng) or found  # "She said she asked “…”": the first "She"
    return found


_SUBORDINATORS = frozenset(["that", "when", "if", "while", "because", "although", "though", "as", "since", "whether"])


def _reporting_clause_speaker(text: str, before: list[Token], found: _Mention) -> _Mention:
    """ "Mrs. Clinton said that when Ms. Warren railed against Wall Street, “…”": the sentence's
    reporting verb is "said", and the clause it reports (with its own speech verb) is what she said."""
    for v, tok in enumerate(before):
        if tok.start >= found.start:
            return found
        if not is_speech_verb(before, v) or v + 1 >= len(before):
            continue
        k = v + 1
        while k < len(before) and before[k].word in _SUBORDINATORS:
            k += 1
        if k == v + 1 or k >= len(before) or before[k].start != found.start:
            continue
        rng = subject_before(before, v)
        if rng and before[rng[0]].capitalised and before[rng[0]].word not in ("who", "which", "that"):
            return _mention(text, before, rng) or found
    return found


def _reports_pronoun_clause(toks: list[Token], v: int) -> bool:
    """ "said she …", "told reporters that he …": the verb reports a clause whose subject is a pronoun."""
    for j in range(v + 1, min(len(toks), v + 7)):
        if toks[j].text.lower() in PRONOUNS and toks[j].text.lower() != "it":
            return j == v + 1 or toks[j - 1].word == "that"
        if toks[j].text in (",", ";", ":"):
            return False
    return False


def _mention(text: str, toks: list[Token], rng: tuple[int, int] | None) -> _Mention | None:
    if rng is None:
        return None
    if toks[rng[0]].text in _DE_QUANTIFIERS:
        rng = _quantified_head(toks, rng[0]) or rng  # "Mehrere deutsche Frauen": "Frauen" speak
    start, end = toks[rng[0]].start, toks[rng[1]].end
    if rng[0] == rng[1] and re.match(r"(?:he|she|they)[’'](?:s|ve|d|ll)$", toks[rng[0]].text, re.IGNORECASE):
        end = start + re.split("[’']", toks[rng[0]].text)[0].__len__()  # "he’s said": the credit is "he"
    elif text[end - 1] in ".’'" and text[start:end].rstrip(".’'") and not _is_abbreviation(text[start:end]):
        end -= 1
    return _Mention(start, end, _display(text, toks, rng, start, end))


def _shown(text: str, toks: list[Token], rng: tuple[int, int]) -> str:
    """How a person named in the narration is shown as a speaker: the name with its description."""
    found = _mention(text, toks, rng)
    return found.display if found else text[toks[rng[0]].start : toks[rng[1]].end]


#: One or two capitalised words right before a position: ``(?<![\w’'\-])(?:[A-Z][\w’'\-]+\s+){1,2}$``
#: written to open with a capital, so that the engine skips to capitals (the same matches).
_NAME_WORDS_BEFORE = re.compile(r"[A-Z](?<![\w’'\-][A-Z])[\w’'\-]+\s+(?:[A-Z][\w’'\-]+\s+)?$")


def _fuller_name(text: str, m: _Mention) -> str:
    """A surname alone ("Jonescu sagte", "Lopez said") is shown as the article first wrote it,
    with the first name ("Take Jonescu", "Maria Lopez"), when it did."""
    written = text[m.start : m.end]
    if " " in written or not written[:1].isupper() or len(written) < 3:
        return m.display
    names = _fuller_names_of(text)
    if written not in names:
        names[written] = _fuller_names(text, written)
    starts, fuller = names[written]
    at = bisect_left(starts, m.start) - 1  # the latest occurrence before this mention
    return (fuller[at] if at >= 0 else None) or m.display


@lru_cache(maxsize=2)
def _fuller_names_of(text: str) -> dict[str, tuple[list[int], list[str | None]]]:
    """The surnames of one text already looked up (the texts being worked on now, no more)."""
    return {}


def _fuller_names(text: str, written: str) -> tuple[list[int], list[str | None]]:
    """Each occurrence of ``written`` in ``text`` and the fullest name written at or before it.

    Worked out once per text and surname (not once per quote), so a text with thousands of quotes
    credited to one surname stays linear.
    """
    starts: list[int] = []
    fuller: list[str | None] = []
    latest = None
    at = text.find(written)
    while at >= 0:
        after = text[at + len(written) : at + len(written) + 1]
        match = _NAME_WORDS_BEFORE.search(text, max(0, at - 60), at) if not after.isalnum() else None
        if match:
            words = match.group().split()
            while words and (words[0] in NOT_NAMES or words[0].rstrip(".") in TITLES or words[0].lower() in PRONOUNS):
                words = words[1:]
            known = [k for k, w in enumerate(words) if w.lower() in first_names()]
            words = words[known[0] :] if known else words[-1:]  # "Whip John Cornyn" is John Cornyn
            if words and all(w not in NOT_NAMES for w in words):
                latest = " ".join([*words, written])
        starts.append(at)
        fuller.append(latest)
        at = text.find(written, at + 1)
    return starts, fuller


def _is_abbreviation(words: str) -> bool:
    return words.split()[-1].rstrip(".").lower() in ABBREVIATIONS


def _display(text: str, toks: list[Token], rng: tuple[int, int], start: int, end: int) -> str:
    """The mention with its appositive description: "Abdullah Ansari, an Aleppo resident"."""
    name = text[start:end]
    k = rng[1] + 1
    if k < len(toks) and toks[k].text == "," and k + 1 < len(toks):
        stop = k + 1
        while stop < len(toks) and stop < k + 14 and toks[stop].text not in (",", ";", ":", "(", "—"):
            stop += 1
        first = toks[k + 1]
        closed = stop == len(toks) or toks[stop].text == ","
        looks_like_description = (
            first.word in ("a", "an", "the", "his", "her", "its", "their")
            or first.text[:1].islower()
            or first.text.rstrip(".") in ("Former", "Senior", "Vice", "Deputy", "Chief")
        )
        clause = first.word in ("who", "which", "that", "and", "but", "or", "so")
        # "Müller, die seit 2020 Ministerin ist": a German relative clause ends with its verb
        clause = clause or (first.word in _DE_RELATIVES and toks[stop - 1].text.islower())
        verb = is_speech_verb(toks, k + 1) or is_participle(first) or _participle_phrase(toks, k + 1)
        if closed and stop > k + 1 and looks_like_description and not clause and not verb:
            description = text[first.start : toks[stop - 1].end].rstrip(".")
            return f"{name}, {description}"
    return name


_DE_RELATIVES = frozenset(["der", "die", "das", "dem", "den", "dessen", "deren", "welcher", "welche", "welches"])
_PARTICIPLE_FOLLOWERS = frozenset(["to", "of", "on", "in", "at", "for", "with", "about", "up", "out", "off", "into", "over", "from", "him", "her", "them", "it", "his", "their"])


def _participle_phrase(toks: list[Token], k: int) -> bool:
    """ "wearing a cowboy hat", "speaking to reporters", "delivering Cross’ speech": a participle
    with its object (not "managing director", a noun phrase)."""
    first = toks[k]
    if not (first.text.islower() and first.word.endswith("ing")) or k + 1 >= len(toks):
        return False
    follower = toks[k + 1]
    return follower.word in DETERMINERS or follower.word in _PARTICIPLE_FOLLOWERS or follower.capitalised


def _adjacent_before(text: str, before: list[Token]) -> _Mention | None:
    """ "X said: “…”", "X told reporters that “…”", "…, saying, “…”": a verb just before the quote."""
    n = len(before)
    for v in range(n - 1, max(-1, n - 8), -1):
        if is_participle(before[v]) and v >= n - 4:
            return _mention(text, before, _subject_of_participle(before, v))
        if is_speech_verb(before, v):
            rng = _inverted_after_comma(before, v, 0, ends=(",", ":"))
            if rng is None:
                rng = _verb_second_subject(before, v) if before[v].word in VERB_SECOND else subject_before(before, v)
            if rng is None:
                # "said X: “…”" / "Said X, “…”" (inverted order before the quote); never after a
                # verb that takes its hearer as object: in "told Fox News: “…”" Fox News listens.
                phrasal = before[v].word in ("put", "puts") and v + 1 < len(before) and before[v + 1].word == "it"
                rng = noun_phrase_starting(before, v + 1) if before[v].word not in _HEARER_VERBS and not phrasal else None
                if rng is None or rng[1] + 1 >= len(before) or before[rng[1] + 1].text not in (",", ":"):
                    rng = None
            if _reported_by_earlier_verb(before, rng):
                return None
            return _mention(text, before, rng)
    return None


#: German articles and titles, for subjects in verb-second order.
#: The articles of mentions.DE_ARTICLES, and the relative "deren", "dessen" that stand where one would.
_DE_ARTICLES = DE_ARTICLES | frozenset(["deren", "dessen"])
_DE_TITLES = frozenset(["Graf", "Grafen", "Herr", "Herrn", "Frau", "Fürst", "Prinz", "König", "Kaiser", "Minister", "Abg", "General", "Präsident", "Bürgermeister", "Vizebürgermeister", "Redakteur", "Dr", "Professor", "Pfarrer"])


#: German quantifiers that open a subject: its speaker is the noun after them ("Mehrere deutsche
#: Frauen", "Einige Abgeordnete"), or the quantifier itself when it stands alone ("Viele riefen").
_DE_QUANTIFIERS = frozenset(
    ["Mehrere", "Einige", "Viele", "Manche", "Zahlreiche", "Verschiedene", "Sämtliche", "Sämmtliche", "Alle", "Beide", "Wenige", "Etliche", "Andere", "Zwei", "Drei", "Vier", "Fünf", "Hunderte", "Tausende"]
)
#: German words that are no adjective of a noun after a quantifier: a verb's object or a clause begins.
_DE_FUNCTION_WORDS = _DE_ARTICLES | frozenset(
    ["und", "oder", "aber", "auch", "noch", "schon", "nicht", "sich", "ihm", "ihn", "ihr", "ihre", "ihren", "ihnen", "sie", "er", "es", "wir", "man",
     "zu", "zum", "zur", "in", "im", "an", "am", "auf", "aus", "bei", "beim", "mit", "nach", "von", "vom", "vor", "über", "unter", "um", "für", "gegen", "durch",
     "daß", "dass", "wie", "als", "so", "sehr", "hier", "dort", "da", "dann", "laut", "wo", "was", "wer"]
)


def _quantified_head(toks: list[Token], q: int) -> tuple[int, int] | None:
    """ "Mehrere deutsche, d. h. Gießener Frauen", "Einige Abgeordnete", "Zahlreiche Berliner Arbeiter":
    the head noun after a quantifier and its adjectives; None when the quantifier stands alone
    ("Viele riefen: …", "Einige stimmten dem Antrag zu")."""
    k = q + 1
    while k < len(toks) and k <= q + 6 and not toks[k].capitalised:
        tok = toks[k]
        if tok.text != "," and not (tok.text.islower() and tok.word.isalpha() and tok.word not in _DE_FUNCTION_WORDS and tok.word not in SPEECH_VERBS):
            return None
        k += 1
    if k >= len(toks) or not toks[k].capitalised or not toks[k].word.isalpha() or toks[k].text in _DE_QUANTIFIERS:
        return None
    # "Berliner Arbeiter", "Gießener Frauen": a capitalised place adjective before the noun.
    while k + 1 < len(toks) and toks[k].word.endswith("er") and toks[k + 1].capitalised and toks[k + 1].word.isalpha():
        k += 1
    return k, k


#: German documents and motions that are the source of the words they contain: "Der Antrag:
#: „es sei …“", "durch den Antrag, „…“" (a compound ending in one of the longer ones counts too:
#: "Regierungserklärung", "Hirtenbrief" does not, being short).
_DE_DOCUMENTS = frozenset(
    ["antrag", "anträge", "erklärung", "bekanntmachung", "kundmachung", "verordnung", "erlass", "erlaß", "verfügung", "beschluss", "beschluß", "resolution",
     "depesche", "telegramm", "schreiben", "brief", "note", "proklamation", "proclamation", "aufruf", "manifest", "botschaft", "mitteilung", "mittheilung",
     "zuschrift", "eingabe", "petition", "denkschrift", "kommuniqué", "communiqué", "thronrede", "ansprache", "inschrift", "aufschrift", "interpellation",
     "anfrage", "gesetzentwurf", "adresse", "befehl", "tagesbefehl", "rundschreiben", "circular", "zirkular", "aufforderung", "gutachten", "reskript", "rescript"]
)
_DE_DOCUMENT_ENDINGS = tuple(sorted(w for w in _DE_DOCUMENTS if len(w) >= 7))
#: Determiners before a German document ("den Antrag", "eine Bekanntmachung", "folgende Erklärung").
_DE_DETERMINERS = _DE_ARTICLES | frozenset(
    ["diese", "dieser", "diesen", "diesem", "dieses", "jene", "jener", "jenen", "jenem", "jenes", "seine", "seinen", "seiner", "seinem", "seines",
     "ihre", "ihren", "ihrer", "ihrem", "ihres", "folgende", "folgenden", "folgender", "folgendes", "nachstehende", "nachstehenden", "obige", "obigen"]
)
#: A document's words: "Die Erklärung lautet: „…“".
_DE_READS = frozenset(["lautet", "lautete", "lauten", "lauteten"])
#: Verbs whose subject issues or carries the document that is their object: "Das Blatt enthält eine
#: Bekanntmachung, „…“", "Am Abend veröffentlichte die Regierung eine Erklärung: „…“".
_DE_ISSUING = frozenset(
    ["enthält", "enthielt", "enthalten", "enthielten", "veröffentlicht", "veröffentlichte", "veröffentlichten", "publiziert", "publizierte", "bringt", "brachte",
     "erlässt", "erläßt", "erließ", "erließen", "stellt", "stellte", "stellten", "richtet", "richtete", "richteten", "sendet", "sandte", "schickte", "übersandte",
     "übersendet", "verlas", "verliest", "verbreitet", "verbreitete", "druckt", "druckte", "telegraphiert", "telegraphierte", "telegrafiert", "telegrafierte"]
)


def _is_german_document(tok: Token) -> bool:
    return tok.capitalised and tok.word.isalpha() and (tok.word in _DE_DOCUMENTS or tok.word.endswith(_DE_DOCUMENT_ENDINGS))


def _german_document(text: str, before: list[Token]) -> _Mention | None:
    """A German document or motion right before the quote, set off by a colon or a comma, is its
    source ("Der Antrag: „es sei …“", "durch den Antrag, „…“", "Die Erklärung lautet: „…“"), or
    whoever issued it when it is the object of a verb of issuing ("Das Blatt enthält eine
    Bekanntmachung, „…“"): the German side of the English :data:`_DOCUMENTS`."""
    n = len(before)
    if n < 3 or before[-1].text not in (":", ","):
        return None
    k = n - 2
    if before[k].word in _DE_READS and before[k].text.islower():
        k -= 1
    if not _is_german_document(before[k]):
        return None
    j = k - 1
    while j >= 0 and j > k - 4 and before[j].text.islower() and before[j].word.isalpha() and before[j].word not in _DE_DETERMINERS:
        j -= 1  # adjectives: "die neue Verordnung", "den vorliegenden Antrag", "das königl. Reskript"
    if j < 0 or before[j].word not in _DE_DETERMINERS or before[j].word in ("deren", "dessen"):
        return None
    issuer = _german_issuer(before, j)
    return _mention(text, before, issuer or (k, k))


def _german_issuer(toks: list[Token], det: int) -> tuple[int, int] | None:
    """The subject of a verb of issuing whose object opens at ``det``: after the verb ("veröffentlichte
    die Regierung eine Erklärung", "brachte sie eine Note") or before it ("Das Amtsblatt Nr. 12 enthält")."""
    v = det - 1
    if v >= 1 and toks[v].text in SUBJECT_PRONOUNS_BY_LANGUAGE["de"] and toks[v - 1].word in _DE_ISSUING:
        return v, v
    if v >= 2 and toks[v].capitalised and toks[v].word.isalpha():
        first = v
        while first - 1 >= 0 and first > v - 3 and not toks[first - 1].text.islower() and toks[first - 1].word.isalpha():
            first -= 1
        if first >= 2 and toks[first - 1].word in _DE_ARTICLES and toks[first - 2].word in _DE_ISSUING and toks[first - 2].text.islower():
            return v, v  # the head noun of the subject after the verb
        return None
    if v < 1 or toks[v].word not in _DE_ISSUING or not toks[v].text.islower():
        return None
    i = v - 1
    while i >= 0 and (toks[i].word in ("nr", "no") or toks[i].text[:1].isdigit()):
        i -= 1  # "Das Amtsblatt Nr. 12 enthält"
    if i < 0 or not toks[i].capitalised or not toks[i].word.isalpha() or toks[i].text in SUBJECT_PRONOUNS_BY_LANGUAGE["de"]:
        return (i, i) if i >= 0 and toks[i].text in SUBJECT_PRONOUNS_BY_LANGUAGE["de"] else None
    opener = i - 1
    while opener >= 0 and opener > i - 3 and toks[opener].text.islower() and toks[opener].word.isalpha() and toks[opener].word not in _DE_FUNCTION_WORDS:
        opener -= 1  # "Das königl. Regierungsblatt"
    if opener >= 0 and toks[opener].word not in _DE_ARTICLES and toks[opener].text[:1].isalnum():
        return None  # "Am Montag enthält …": a fronted phrase, not the subject
    return i, i


#: Words that open a phrase fronted before a German verb, whose subject then follows it: "Am
#: Montag sagte …", "Dazu erklärte …", "Im Interview betonte …".
_DE_FRONTED = frozenset(
    ["am", "im", "in", "an", "auf", "bei", "beim", "nach", "vor", "gegenüber", "während", "zum", "zur", "mit", "dazu", "darauf", "daraufhin", "danach",
     "zudem", "außerdem", "auch", "später", "gestern", "heute", "zuvor", "zuletzt", "bereits", "schon", "jetzt", "nun", "dann", "damals", "kürzlich", "jüngst"]
)


def _fronted(toks: list[Token], v: int) -> bool:
    """The clause of the verb at ``v`` opens with a time, place or linking phrase, not its subject."""
    start = v
    while start > 0 and start > v - 8 and toks[start - 1].text[:1].isalnum():
        start -= 1
    return start < v and toks[start].word in _DE_FRONTED


def _verb_second_subject(toks: list[Token], v: int) -> tuple[int, int] | None:
    """The subject of a German speech verb: after it when a phrase is fronted ("Am 5. Mai schreibt
    er …", "ausdrücklich konstatierte Graf Stürgkh …"), else the name just before it ("in deren
    Verlauf Jonescu sagte"). German capitalises every noun, so a name is at most two capitalised
    words after an article, a title or a lower-case word."""
    after = toks[v + 1] if v + 1 < len(toks) else None
    if after is not None and after.text in SUBJECT_PRONOUNS_BY_LANGUAGE["de"]:
        return v + 1, v + 1
    if _fronted(toks, v):
        # "Am Montag betonte die Ministerin in Berlin: „…“", "Dazu sagte Scholz: „…“"
        found = german_speaker_after(toks, v + 1)
        if found is not None:
            return found
    if after is not None and after.text.rstrip(".") in _DE_TITLES:
        last = v + 1
        while last + 1 < len(toks) and last < v + 3 and toks[last + 1].capitalised:
            last += 1
        return v + 1, last
    j = v - 1
    if j < 0 or not toks[j].capitalised:
        return subject_before(toks, v)
    first = j
    while first - 1 >= 0 and first > j - 2 and toks[first - 1].capitalised and toks[first - 1].word not in _DE_ARTICLES:
        if first - 2 >= 0 and toks[first - 2].word in _DE_ARTICLES and toks[first - 1].text.rstrip(".") not in _DE_TITLES:
            break  # "deren Verlauf Jonescu": "Verlauf" is the article's noun
        first -= 1
    if first >= 2 and toks[first - 1].word in ("des", "der"):
        # "Mehrere Mitglieder des Rates erklärten": the quantified noun before the genitive speaks.
        for q in range(first - 2, max(-1, first - 7), -1):
            if toks[q].text in _DE_QUANTIFIERS:
                head = _quantified_head(toks, q)
                if head is not None and head[1] == first - 2:
                    return head
                break
    return first, j


def _subject_of_participle(toks: list[Token], v: int) -> tuple[int, int] | None:
    """ "X, who …, emailed supporters, telling them, “…”": the subject of the whole sentence.

    A participle with its own subject ("with Cruz recently promising to “…”") takes that one.
    """
    own = v - 1
    while own >= 0 and (toks[own].word in _PARTICIPLE_ADVERBS or (toks[own].text.islower() and toks[own].word.endswith("ly"))):
        own -= 1  # "with Jane Doe reportedly yelling: “…”"
    if own >= 0 and (toks[own].text in _SUBJECTS or (toks[own].capitalised and toks[own].word.isalpha())):
        rng = subject_before(toks, own + 1)
        if rng and not (rng[0] and toks[rng[0] - 1].word in ("on", "to", "for")):
            # (not "responded on Facebook writing, “…”": a name after a preposition is no subject)
            return _issuer(toks, rng) or rng
    for j in range(v - 1, -1, -1):
        if is_speech_verb(toks, j) and toks[j].word not in ("read", "post", "posts"):
            rng = subject_before(toks, j)
            if rng and _restrictive_relative(toks, rng) and toks[v - 1].text == ",":
                continue  # "X defended not paying an architect who said …, saying, “…”": X says it
            if rng:
                return rng
    return sentence_subject(toks[:v])


_INDEFINITES = frozenset(["a", "an", "anybody", "anyone", "someone", "somebody", "everyone", "everybody"])


def _restrictive_relative(toks: list[Token], rng: tuple[int, int]) -> bool:
    """ "an architect who", "a young woman who", "anybody who": a relative clause on an indefinite
    noun, with no comma before "who": someone the sentence is about, not whose words it reports."""
    first, last = rng
    if toks[last].word != "who" or not last or toks[last - 1].text == ",":
        return False
    return toks[first].word in _INDEFINITES or (first == last and toks[last - 1].word in _INDEFINITES)


def _reported_by_earlier_verb(toks: list[Token], rng: tuple[int, int] | None) -> bool:
    """ "X mocked the complaint, saying anybody who complains about it “…”": the verb after the noun
    phrase ``rng`` is in a relative clause on an indefinite noun, and an earlier speech verb reports
    the quote."""
    if rng is None or not _restrictive_relative(toks, rng):
        return False
    return any(is_participle(toks[j]) or is_speech_verb(toks, j) for j in range(rng[0]))


#: What a speaker issues, and what says its words only for them: "released a statement saying".
_DOCUMENTS = frozenset(["statement", "email", "e-mail", "letter", "memo", "release", "tweet", "post", "video", "note", "message", "announcement"])


def _issuer(toks: list[Token], rng: tuple[int, int]) -> tuple[int, int] | None:
    """ "The town released a statement Wednesday saying “…”": the statement is the object of the
    sentence's verb, and whoever released it is the speaker."""
    head = next((toks[k].word for k in range(rng[1], rng[0] - 1, -1) if toks[k].text.islower()), "")
    verb = rng[0] - 1
    if head not in _DOCUMENTS or verb < 1 or not toks[verb].text.islower() or not toks[verb].word.isalpha():
        return None
    found = subject_before(toks, verb)
    return found if found and toks[found[0]].word not in ("who", "which", "that") else None


def _after(text: str, span: Span, after: list[Token], nxt: Span | None) -> tuple[_Mention | None, int | None]:
    """ "“…,” said X" / "“…,” X said" / "“…,” X, a Y, said".

    With no credit, also the token from which a guess from a verb that is not on the list may be
    made ("“…,” the nominee riffed": ``_unknown_verb_clause``), or None when there is no guess to
    make: the caller makes it last, so that a known speech verb before the quote can outrank it
    (one pass over the words after the quote serves both).
    """
    toks = after
    i = 0
    while i < len(toks) and toks[i].text in (",", "—", "–", "--", ";"):
        i += 1
    if i >= len(toks):
        return None, None
    german = _german_credit(text, toks, i)
    if german is not None:
        return german, None
    if toks[i].word in _CLAUSE_OPENERS:
        return None, None  # "“…,” but he said that …": a new clause with its own subject, not an attribution
    quoted = text[span.start : span.end].rstrip("”\"'’ ")
    if quoted.endswith((",", "?", "!")):
        written = _written_credit(toks, i)
        if written:
            return _mention(text, toks, written), None
    leads_on = nxt is not None and not text[toks[-1].end : nxt.start].strip(" ,:")
    if quoted.endswith(".") and (not _short_speech_clause(toks, i) or leads_on):
        # "“….” He added, “…”" / "“….” South Carolina, he said, was …" / "“….” He also said he’s
        # “…”": a new sentence, which introduces the next quote, not ours.
        return None, None
    if is_speech_verb(toks, i):
        j = i + 1 if toks[i].word not in ("pointed", "went", "put", "puts") else i + 2
        rng = noun_phrase_after_verb(toks, j)
        if rng and rng[1] + 1 < len(toks) and toks[rng[1] + 1].word in _AUXILIARIES:
            return None, None  # "“…,” said the candidate could win": "said" reports a clause, names no speaker
        return _mention(text, toks, rng), None
    for v in range(i + 1, min(len(toks), i + 16)):
        if toks[v].text in (".", ";", ":"):
            break
        if is_speech_verb(toks, v):
            rng = _inverted_after_comma(toks, v, i) or subject_before(toks, v, floor=i) or _described_subject(toks, i, v)
            if rng:
                return _mention(text, toks, rng), None
            break
    if quoted.endswith((",", "?", "!", "—", "-")):
        return None, i
    return None, None


#: Adverbs between a German verb and its subject: "sagte dazu der Minister", "erklärte zudem Scholz".
_DE_VERB_ADVERBS = frozenset(
    ["auch", "zudem", "dazu", "außerdem", "noch", "weiter", "später", "jetzt", "nun", "bereits", "damals", "gestern", "heute", "dann", "ebenfalls", "daraufhin", "etwa", "selbst", "aber", "jedoch", "allerdings", "indes", "hingegen", "wiederum", "schon", "sogar", "nämlich"]
)
#: What may follow the speaker of "so": the end of the clause, or when and where it was said.
_DE_AFTER_SPEAKER = frozenset(
    ["am", "im", "in", "auf", "bei", "beim", "gegenüber", "vor", "nach", "weiter", "zuletzt", "dazu", "damals", "jüngst", "kürzlich", "bereits", "einst", "noch", "auch", "zum", "zur", "während", "kurz", "zufolge"]
)
#: Articles and possessives that open a German speaker phrase.
_DE_OPENERS = frozenset(["der", "die", "das", "ein", "eine", "sein", "seine", "ihr", "ihre", "unser", "unsere"])
#: "„…“, hieß es aus dem Ministerium": where the words came from, after these prepositions.
_DE_SOURCE_PREPOSITIONS = frozenset(["aus", "von", "vom", "seitens", "bei", "beim"])


def _german_credit(text: str, toks: list[Token], i: int) -> _Mention | None:
    """A German credit after the quote: "„…“, betonte die Ministerin am Montag in Berlin." (the
    subject after the verb, up to the time or place), "„…“, so der Minister.", "„…“, hieß es aus
    dem Ministerium." (the source; a credit with no speaker when none is named, so that an earlier
    speaker is not carried over to words nobody in particular said)."""
    word = toks[i].word
    if toks[i].text == "so":
        opener = toks[i + 1] if i + 1 < len(toks) else None
        if opener is None or not (opener.text in _DE_OPENERS or (opener.capitalised and opener.text not in NOT_NAMES)):
            return None  # "„…“, so dass …", "“…,” so the mayor …": no German credit
        rng = german_speaker_after(toks, i + 1)
        if rng is None:
            return None
        k = rng[1] + 1
        ends = k >= len(toks) or toks[rng[1]].text.endswith(".") or not toks[k].text[:1].isalnum() or toks[k].word in _DE_AFTER_SPEAKER
        return _mention(text, toks, rng) if ends and opener.text != "Gott" else None
    if word in ("hieß", "heißt") and i + 1 < len(toks) and toks[i + 1].word == "es" and toks[i].text.islower():
        nobody = _Mention(toks[i].start, toks[i + 1].end, "")
        k = i + 2
        while k < len(toks) and k < i + 7 and toks[k].text[:1].isalnum() and toks[k].text not in _DE_SOURCE_PREPOSITIONS and toks[k].text not in ("in", "im"):
            k += 1  # "hieß es am Abend aus …", "heißt es weiter"
        if k + 1 < len(toks) and toks[k].text in _DE_SOURCE_PREPOSITIONS:
            start = k + 2 if toks[k + 1].text in ("dem", "der", "den") else k + 1
            rng = german_speaker_after(toks, start)
            return _mention(text, toks, rng) if rng else nobody
        if k + 1 < len(toks) and toks[k].text in ("in", "im"):
            # "hieß es in einer Mitteilung des Ministeriums": whoever issued the document
            rng = german_speaker_after(toks, k + 1)
            owner = next((g + 1 for g in range(k + 1, rng[1]) if toks[g].text in ("des", "der") and _is_german_document(toks[g - 1])), None) if rng else None
            return _mention(text, toks, (owner, rng[1])) if owner is not None and rng else nobody
        return nobody
    if word in GERMAN_CREDIT_VERBS:
        if not toks[i].text.islower() or clause_particle(toks, i) is not None:
            return None
    elif (word not in VERB_SECOND and word not in SEPARABLE) or not is_speech_verb(toks, i):
        return None
    j = i + 1
    while j < len(toks) and j < i + 4 and (toks[j].text in _DE_VERB_ADVERBS or toks[j].text == "sich"):
        j += 1  # "sagte dazu der Minister", "freute sich die Trainerin"
    rng = german_speaker_after(toks, j)
    return _mention(text, toks, rng) if rng else None


#: Verbs that are more often nouns, but not right after a quote: "“…,” the email read", "read the
#: statement", "the two senators state in the letter".
_WRITTEN_VERBS = frozenset(["read", "reads", "state", "states"])


def _written_credit(toks: list[Token], i: int) -> tuple[int, int] | None:
    """ "“…,” read the email." / "“…,” the statement read." / "“…,” the authors state in the report."."""
    if toks[i].word in ("read", "reads") and toks[i].text.islower():
        rng = noun_phrase_starting(toks, i + 1)
        return rng if rng and toks[rng[0]].word in DETERMINERS else None
    for v in range(i + 1, min(len(toks), i + 8)):
        if toks[v].word in _WRITTEN_VERBS and toks[v].text.islower():
            rng = subject_before(toks, v, floor=i)
            if rng and rng[0] != i and toks[i].word in ("the", "a", "an") and all(t.text[:1].isalnum() for t in toks[i:v]):
                return i, v - 1  # "“…,” a voice-over in the ad states"
            return rng if rng and rng[0] == i else None
        if not toks[v].text[:1].isalnum():
            return None
    return None


def _described_subject(toks: list[Token], i: int, v: int) -> tuple[int, int] | None:
    """ "“…,” the Florida senator and presidential candidate said", "“…,” the bespectacled, 71-year-old
    diplomat said": everything from the determiner after the quote to the verb is the speaker."""
    if toks[i].word not in ("the", "a", "an", "his", "her", "its", "their") or v - i > 12:
        return None
    last = v - 1
    while last > i and toks[last].text == ",":
        last -= 1
    inner = toks[i + 1 : last + 1]
    if not inner or any(not (t.text[:1].isalnum() or t.text == ",") or t.word in _NOT_VERB_AFTER - {"and", "of"} for t in inner):
        return None
    return i, last


def _inverted_after_comma(toks: list[Token], v: int, floor: int, ends: tuple[str, ...] = ()) -> tuple[int, int] | None:
    """ "“…” for the party, said Jane Doe." / "…, explained Jane Doe, “…”": a speech verb right after
    a comma, followed by its speaker, is inverted; the noun before the comma is no subject of it.

    ``ends``: what must follow the speaker (before a quote, the comma or colon that opens it).
    """
    if v - 1 <= floor or toks[v - 1].text != "," or toks[v].word in _HEARER_VERBS:
        return None
    rng = noun_phrase_starting(toks, v + 1)
    if rng is None or toks[rng[0]].text.lower() in PRONOUNS:
        return None
    k = rng[1] + 1
    if ends:
        return rng if k < len(toks) and toks[k].text in ends else None
    return rng if k >= len(toks) or toks[k].text in (",", ";", "(") else None


def _short_speech_clause(toks: list[Token], i: int) -> bool:
    """ "Jane Doe said Friday." after a quote that ends its own sentence (loose, but common)."""
    if toks[-1].text in (",", ":"):
        return False
    verb = next((v for v in range(i, min(len(toks), i + 7)) if is_speech_verb(toks, v)), None)
    return verb is not None and len(toks) - verb <= 4


def _unknown_verb_clause(toks: list[Token], i: int) -> tuple[int, int] | None:
    """After “…,” the sentence goes on with its speaker even when the verb is not on our list:
    "“…,” the nominee riffed", "“…,” Jane Doe, a resident, Tweeted", "“…,” read the email"."""
    rng = noun_phrase_starting(toks, i)
    if rng:
        k = rng[1] + 1
        if k < len(toks) and toks[k].word.isalpha() and toks[k].text.islower():
            return rng if toks[k].word not in _NOT_VERB_AFTER else None
        if k < len(toks) and toks[k].text == "," and toks[i].capitalised:
            return rng
        return None
    if toks[i].word.isalpha() and toks[i].text.islower() and toks[i].word.endswith(("ed", "s")):
        return noun_phrase_starting(toks, i + 1)
    return None


def _verb_in(text: str, before: list[Token]) -> _Mention | None:
    """A speech verb earlier in the sentence: "Morris says the campaign will “…”"."""
    for v in range(len(before) - 1, -1, -1):
        if before[v].word in ("according",) and v + 1 < len(before) and before[v + 1].word == "to":
            return _mention(text, before, noun_phrase_starting(before, v + 2))
        if is_speech_verb(before, v) or is_participle(before[v]):
            if is_participle(before[v]):
                return _mention(text, before, _subject_of_participle(before, v))
            # "The paradox of it, says Jane Doe, a historian, is that “…”": inverted after a comma.
            rng = _inverted_after_comma(before, v, 0)
            if rng is None:
                rng = _verb_second_subject(before, v) if before[v].word in VERB_SECOND else subject_before(before, v)
            if rng is None and v == 0 and before[0].capitalised:
                rng = noun_phrase_starting(before, 1)  # "Stated Stone: …", "Added the senator: …"
            if _reported_by_earlier_verb(before, rng):
                continue
            if rng:
                return _mention(text, before, rng)
    return None


def _later_in_sentence(text: str, after: list[Token]) -> _Mention | None:
    """The rest of the sentence names the speaker: "“…” was how Jane Doe put it", "according to X"."""
    for v in range(min(len(after), 20)):
        if after[v].word == "according" and v + 1 < len(after) and after[v + 1].word == "to":
            return _mention(text, after, noun_phrase_starting(after, v + 2))
        if _per(after, v):
            return _mention(text, after, noun_phrase_starting(after, v + 1))
        if is_speech_verb(after, v):
            rng = subject_before(after, v)
            if rng is None and v and after[v - 1].word in ("and", "or", "then"):
                return None  # "“…” and declared a resolve to “…”": the verb's subject came before
            if rng is None:
                rng = noun_phrase_starting(after, v + 1)
                if rng and rng[1] + 1 < len(after) and after[rng[1] + 1].word in _AUXILIARIES:
                    rng = None  # "said the candidate could win": the reported clause's subject
            return _mention(text, after, rng)
    return None


def _sentence_final_credit(text: str, after: list[Token]) -> _Mention | None:
    """ "The promise to “…” appeals to voters who …, said Jane Doe, a demographer.": a credit set off
    by a comma at the end of a long sentence names the speaker of the quotes inside it."""
    n = len(after)
    for v in range(n - 1, max(0, n - 14), -1):
        if not is_speech_verb(after, v):
            continue
        if after[v - 1].text == ",":
            rng = noun_phrase_after_verb(after, v + 1)
            if rng and not (rng[1] + 1 < n and after[rng[1] + 1].word in _AUXILIARIES):
                return _mention(text, after, rng)
            return None
        rng = subject_before(after, v)
        if rng and rng[0] and after[rng[0] - 1].text == "," and after[rng[0]].text.lower() not in PRONOUNS:
            return _mention(text, after, rng)
        return None
    return None


def _colon_intro(
    text: str, span: Span, sent_start: int, p_start: int, paras: list[tuple[int, int]]
) -> _Mention | None:
    """A quote introduced by the sentence before it ending in a colon: "Cruz continued:"."""
    lead = text[sent_start : span.start].strip()
    if lead and not lead.endswith(":"):
        return None
    if not lead:
        if span.start > p_start + 1 or span.paragraph == 0:
            # the quote opens a sentence mid-paragraph: look at the sentence before it
            end = sent_start
            start = sentence_start(text, max(p_start, end - 1), p_start)
        else:
            start, end = paras[span.paragraph - 1]
            start = sentence_start(text, end, start)
        if not text[start:end].rstrip().endswith(":") and not _ends_with_speech_clause(text, start, end):
            return None
    else:
        start, end = sent_start, span.start
    toks = tokens(text, start, end)
    return _verb_in(text, toks) or _mention(text, toks, sentence_subject(toks))


_DOUBLE_MARK = re.compile(r"[“”\"]|''")


def _ends_with_speech_clause(text: str, start: int, end: int) -> bool:
    """ "Jane Doe said in a statement." with no quote of its own: it introduces the quote after it."""
    if _DOUBLE_MARK.search(text, start, end):
        return False  # (before the sentence is cut into words: most sentences are settled here)
    toks = tokens(text, start, end)
    if any(t.text[:1] in "“\"‘'" for t in toks):
        return False
    if any(t.word in _NEGATIONS for t in toks):
        return False  # "He did not suggest retaliation." introduces nothing
    return any(is_speech_verb(toks, v) for v in range(max(1, len(toks) - 5), len(toks)))


def _resolve(text: str, mentions: list[_Mention | None], paras: list[tuple[int, int]], spans: list[Span]) -> list[Attribution]:
    """Pronoun credits get the name of the person they refer to (:mod:`.people`), or no name at all
    when that person is not clear: a quote is better unnamed than credited to the wrong person."""
    cast: Cast | None = None
    spoken: list[Person] = []
    # Credited mentions not yet described as people: only a pronoun credit reads them, so an article
    # without one (or the quotes after its last one) never pays for it.
    unread: list[tuple[int, int, str]] = []
    out: list[Attribution] = []
    for m in mentions:
        if m is None:
            out.append(Attribution(None, None, None, False))
            continue
        if not m.display:
            out.append(Attribution(None, None, None, False))  # "hieß es": a credit naming nobody
            continue
        written = text[m.start : m.end]
        if written.lower() in PRONOUNS:
            if cast is None:
                cast = Cast(text, paras, [(s.start, s.end) for s in spans], partial(_shown, text))
            spoken.extend(p for p in (describe(text, *args, speech=True) for args in unread) if p is not None)
            unread.clear()
            person = cast.resolve(written, m.start, spoken)
            if person is None:
                out.append(Attribution(None, m.start, m.end, False))
                continue
            # The pronoun is a fresh mention of the same person: "she added" later refers to it too.
            gender = AGREEMENT[written.lower()][0] or cast.gender(person)
            spoken.append(person._replace(start=m.start, end=m.end, gender=gender, speech=True))
            out.append(Attribution(person.display, m.start, m.end, person.named))
            continue
        display = _fuller_name(text, m) if m.display == written else m.display
        unread.append((m.start, m.end, display))
        named = any(word[:1].isupper() for word in written.split())
        out.append(Attribution(display, m.start, m.end, named))
    return out
