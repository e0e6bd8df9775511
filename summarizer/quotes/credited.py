"""Who said each quote in French, Spanish, Italian, Portuguese, Dutch and Russian.

The patterns news in these languages credits quotes with, read from the :mod:`.lexicon` tables:

- after the quote, the speaker after the verb ("», a déclaré la conseillère Marie Dubois, qui …",
  "», dijo el alcalde Juan Pérez", "—dijo María—", ", — сказал Иван") or before it ("», Marie
  Dubois a ajouté"), an attached pronoun ("», a-t-elle déclaré", "», dit-il");
- before the quote, "Marie Dubois a déclaré : « … »", "Selon Marie Dubois, « … »", "Volgens De
  Vries: „…“";
- a quote with none continues the one before it; a pronoun, or a verb with no subject ("»,
  añadió"), is the person credited last.

A speaker is a name ("Marie Dubois", not "la conseillère Marie Dubois") or, with no name, a short
noun phrase ("le maire de Lyon"): never a bare determiner ("Le", "Les") nor a clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from summarizer.quotes.lexicon import LEXICONS, Lexicon
from summarizer.quotes.marks import Span, paragraphs
from summarizer.quotes.people import first_names
from summarizer.quotes.speakers import Attribution

#: A word with digits written onto it is one token: "C8", "TF1" (a name cut at its digit is "C").
_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*\d*\.?|\d+|[^\w\s]")
_LETTER_WORD = re.compile(r"[^\W\d_]{3,}")
_SENTENCE_END = re.compile(r"[.!?…]+(?=\s)")
#: Russian patronymic endings: "Антон Германович Силуанов" is three words of one name.
_PATRONYMIC = ("ич", "вна", "чна")
#: Two or more capitalised words in a row: a person's full name, for pronouns with no speaker yet.
_FULL_NAME = re.compile(r"\b([A-ZÀ-ÝА-ЯЁ][\w’'\-]+(?:\s+[A-ZÀ-ÝА-ЯЁ][\w’'\-]+)+)")


class _Tok(NamedTuple):
    text: str
    start: int
    end: int
    word: str


@dataclass(frozen=True)
class _Found:
    start: int | None
    end: int | None
    display: str | None
    #: "name", "phrase", "pronoun" or "implicit" (a verb with no subject: "», añadió.")
    kind: str


#: A subject pronoun written onto an elided conjunction: "qu'il", "lorsqu’elle" (split in two tokens, so
#: "Un dispositif qu'elle détaille : « … »" credits "elle", not "Un dispositif qu'elle").
_ELIDED_PRONOUN = re.compile(r"((?:qu|lorsqu|puisqu)['’])(il|elle|ils|elles|on)", re.IGNORECASE)


def _tokens(text: str, start: int, end: int, lex: Lexicon) -> list[_Tok]:
    out = []
    for match in _TOKEN.finditer(text, start, end):
        tok = match.group()
        elided = _ELIDED_PRONOUN.fullmatch(tok)
        if elided:
            cut = match.start() + len(elided[1])
            out.append(_Tok(elided[1], match.start(), cut, elided[1].lower()))
            out.append(_Tok(elided[2], cut, match.end(), elided[2].lower()))
        elif tok.endswith(".") and tok[:-1] not in lex.titles:
            out.append(_Tok(tok[:-1], match.start(), match.end() - 1, tok[:-1].lower()))
            out.append(_Tok(".", match.end() - 1, match.end(), "."))
        else:
            out.append(_Tok(tok, match.start(), match.end(), tok.rstrip(".").lower()))
    return out


def _is_alpha(tok: _Tok) -> bool:
    return tok.text[:1].isalpha()


def _name_word(tok: _Tok, lex: Lexicon) -> bool:
    return tok.text[:1].isupper() and tok.text.rstrip(".") not in lex.not_names


def _speech_word(word: str, lex: Lexicon) -> bool:
    """A speech verb, also with its reflexive pronoun written on: "s'indigne", "queixou-se"."""
    if word in lex.verbs:
        return True
    for prefix in lex.reflexive_prefixes:
        if word.startswith(prefix) and word[len(prefix) :] in lex.verbs:
            return True
    return any(word.endswith(suffix) and word[: -len(suffix)] in lex.verbs for suffix in lex.reflexive_suffixes)


def _is_verb(toks: list[_Tok], i: int, lex: Lexicon) -> bool:
    tok = toks[i]
    if i and not tok.text[:1].islower():
        return False
    if tok.word in lex.separable:
        # "liet burgemeester X weten": a speech verb only with its particle later in the clause
        particles = lex.separable[tok.word]
        return any(t.word in particles for t in toks[i + 1 : i + 10]) and not (i and toks[i - 1].word in lex.determiners)
    if not _speech_word(tok.word, lex):
        return False
    if not i:
        return True
    if tok.word.endswith(lex.participles) and not _has_auxiliary(toks, i, lex):
        return False  # "Philippe Martinez, numéro un de la CGT interrogé sur France 2": no credit
    before = toks[i - 1].word
    if before in lex.determiners or re.split("['’]", before)[-1] in lex.determiners:
        return False  # "le juge", "la note", "d'un juge": nouns
    # "le télétravail sera maintenu", "fue criticado": a passive, not a credit ("s'est", "se sont" are)
    return before not in lex.passives or (i > 1 and toks[i - 2].word in lex.reflexives)


def _has_auxiliary(toks: list[_Tok], i: int, lex: Lexicon) -> bool:
    """An auxiliary before the participle ``toks[i]`` in its clause: "a déclaré", "a de son côté martelé"."""
    for k in range(i - 1, max(-1, i - 6), -1):
        if toks[k].text in (",", ";", ":", "(", ")", "«", "»", '"', "“", "”"):
            return False
        if toks[k].word in lex.auxiliaries or toks[k].word in lex.passives or _attached_pronoun(toks[k], lex):
            return True
    return False


def _ends_speaker(tok: _Tok, lex: Lexicon) -> bool:
    """A word no speaker runs over: a stop word, or a separable verb's particle ("legde X uit")."""
    return (tok.word in lex.stops and tok.word not in lex.connectors) or tok.word in lex.particles


def _attached_pronoun(tok: _Tok, lex: Lexicon) -> tuple[int, int] | None:
    """ "dit-il", "a-t-elle", "estime-t-il": the offsets of the pronoun inside the token."""
    if not lex.inverted_pronouns or "-" not in tok.text:
        return None
    parts = tok.word.split("-")
    if parts[-1] not in lex.pronouns or not (_speech_word(parts[0], lex) or parts[0] in lex.auxiliaries):
        return None
    return tok.end - len(parts[-1]), tok.end


def _credit_at(toks: list[_Tok], i: int, lex: Lexicon) -> int:
    """How many tokens a credit word ("selon", "de acuerdo con", "по словам") takes at ``i``, or 0."""
    for credit in lex.credits:
        words = credit.split()
        got = [t.word for t in toks[i : i + len(words)]]
        if got == words:
            return len(words)
    return 0


def _name_run(toks: list[_Tok], i: int, lex: Lexicon) -> int:
    """The last token of the name starting at ``i`` (names run over "de", "van", "da" between words)."""
    last = i
    k = i + 1
    while k < len(toks):
        if _name_word(toks[k], lex) or (toks[k].text in lex.not_names and k + 1 < len(toks) and _name_word(toks[k + 1], lex) and toks[k].word in lex.connectors):
            last = k
        elif toks[k].word in lex.connectors and k + 1 < len(toks) and _name_word(toks[k + 1], lex):
            pass
        else:
            break
        k += 1
    return last


def _starts_name(toks: list[_Tok], k: int, lex: Lexicon) -> bool:
    """A name word, or a capitalised particle before one: "De Vries", "Le Pen" (not "Le maire")."""
    if _name_word(toks[k], lex):
        return True
    following = toks[k + 1] if k + 1 < len(toks) else None
    return toks[k].text[:1].isupper() and toks[k].word in lex.connectors and following is not None and _name_word(following, lex)


def _phrase_after(toks: list[_Tok], j: int, lex: Lexicon) -> tuple[int, int, str] | None:
    """The speaker starting at ``toks[j]``: "la conseillère Marie Dubois" gives "Marie Dubois",
    "le Premier ministre Jean Morel" gives "Jean Morel" (the full name, not the capitalised title)."""
    j = _past_time(toks, j, lex)
    if j >= len(toks):
        return None
    if toks[j].word in lex.pronouns and toks[j].text[:1].islower():
        return j, j, "pronoun"
    k = j
    while k < len(toks) and k < j + 10:
        tok = toks[k]
        if not _is_alpha(tok) or _ends_speaker(tok, lex) or _is_verb(toks, k, lex):
            break
        k += 1
    if toks[j].word in lex.determiners and k + 1 < len(toks) and toks[k].text == "," and _starts_name(toks, k + 1, lex):
        # "dijo el presidente de Castilla y León, Alfonso Mañueco": the name in apposition.
        last = _name_run(toks, k + 1, lex)
        if last > k + 1:
            return k + 1, last, "name"
    runs: list[tuple[int, int]] = []
    n = j
    while n < k:
        if (n == j or not toks[n].text[:1].isupper() or toks[n - 1].text[:1].islower()) and _starts_name(toks, n, lex):
            last = min(_name_run(toks, n, lex), k - 1)
            runs.append((n, last))
            n = last + 1
        else:
            n += 1
    full = [r for r in runs if r[1] > r[0]]
    if full:
        n, last = full[-1]
        return _past_complement(toks, _name_start(toks, n, last, lex), last, lex), last, "name"
    if runs:
        n, last = runs[-1]
        if n == j + 1 and toks[j].word in lex.determiners and toks[j].word not in lex.prepositions:
            # "le Premier ministre", "la Commission européenne", "le Parisien": a name takes no article
            found: tuple[int, int, str] = (j, _phrase_end(toks, j, min(k - 1, j + 4), lex), "phrase")
        elif n > j + 1 and re.split("['’]", toks[n - 1].word)[0] in lex.prepositions and toks[n - 1].text[:1].islower() and not toks[n - 2].text[:1].isupper():
            found = (j, last, "phrase")  # "un conseiller d'Emmanuel Macron": the name is not who spoke
        elif n > j + 1 and toks[n - 1].word in lex.connectors and not toks[n - 2].text[:1].isupper():
            found = (j, last, "phrase")  # "le maire de Lyon": Lyon is not who spoke
        else:
            return n, last, "name"
    elif k > j and _elided_determiner(toks[j], lex):
        # "», concède l'artiste": the determiner written on the noun
        found = (j, _phrase_end(toks, j, min(k - 1, j + 3), lex, head=j), "phrase")
    elif k > j + 1 and toks[j].word in lex.determiners and toks[j].word not in lex.prepositions:
        found = (j, _phrase_end(toks, j, min(k - 1, j + 4), lex), "phrase")
    elif lex.bare_nouns and k > j and toks[j].text[:1].islower():
        found = (j, min(k - 1, j + 1), "phrase")
    else:
        return None
    return found


def _phrase_end(toks: list[_Tok], j: int, last: int, lex: Lexicon, head: int | None = None) -> int:
    """The last word of the noun phrase ``toks[j..last]``: before a participle or gerund written after
    its noun ("le ministère répondant aux …", "les agriculteurs réunis") and before a trailing
    connector ("la chanteuse de")."""
    head = j + 1 if head is None else head
    for m in range(head + 1, last + 1):
        if toks[m].text[:1].isupper() or toks[m - 1].word in lex.connectors or toks[m - 1].word in lex.determiners:
            continue  # "un de ses amis au Parisien": a word after a determiner is a noun
        following = toks[m + 1] if m + 1 < len(toks) else None
        if following is None or not _is_alpha(following):
            continue  # "un ancien salarié.", "un ancien dirigeant": nouns
        gerund = toks[m].word.endswith(lex.gerunds) and following.word not in lex.prepositions
        if gerund or (toks[m].word.endswith(lex.participles) and following.word in lex.participle_complements):
            last = m - 1
            break
    while last > head and toks[last].word in lex.connectors:
        last -= 1
    return last


def _name_start(toks: list[_Tok], n: int, last: int, lex: Lexicon) -> int:
    """Where the name starts in a run of three or more capitalised words ``toks[n..last]``: after an
    institution or place written before it: an acronym ("глава ЦБ Эльвира Набиуллина"), a word with a
    lower-case part ("RIVM-directeur Jaap van Dissel", "la région Île-de-France Valérie Pécresse"), and
    in Russian any word but a first name before a patronymic ("мэр Москвы Сергей Собянин", "Министр
    Антон Силуанов заявил")."""
    if last - n < 2 or not _name_word(toks[n + 1], lex):
        return n
    head = toks[n].text
    if len(head) > 1 and head.isupper():
        return n + 1
    if "-" in head and any(part[:1].islower() for part in head.split("-")[1:]):
        return n + 1
    if lex.bare_nouns and last - n == 2 and not toks[n + 1].word.endswith(_PATRONYMIC):
        return n + 1
    return n


def _elided_determiner(tok: _Tok, lex: Lexicon) -> bool:
    """ "l'artiste", "l’entraîneur": a noun with its determiner written on ("d'un" is a preposition)."""
    head = re.split("['’]", tok.word)[0]
    return head != tok.word and head in lex.determiners and head not in lex.prepositions


def _past_complement(toks: list[_Tok], n: int, last: int, lex: Lexicon) -> int:
    """ "le président de la République Emmanuel Macron": after "de la", the first capitalised word of
    a run of three or more is the institution, and the name starts after it."""
    if last - n >= 2 and n >= 1 and toks[n - 1].word in lex.connectors and toks[n + 1].word not in lex.connectors:
        return n + 1
    return n


def _past_time(toks: list[_Tok], j: int, lex: Lexicon) -> int:
    """Past "mercredi", "hier soir", "este lunes", "в понедельник" between a verb and its speaker."""
    while j < len(toks):
        if toks[j].word in lex.times:
            j += 1
        elif j + 1 < len(toks) and (toks[j].word in lex.time_openers or toks[j].text.isdigit()) and toks[j + 1].word in lex.times:
            j += 2  # "ce matin", "27 septembre"
        else:
            return j
    return j


def _phrase_before(toks: list[_Tok], v: int, lex: Lexicon, floor: int = 0) -> tuple[int, int, str] | None:
    """The subject ending right before ``toks[v]``: "Marie Dubois, conseillère municipale, a dit";
    a subject with a complement is read from the start of its clause: "le président Jean Morel en
    campagne pour sa réélection a affirmé" gives "Jean Morel", not "sa réélection"."""
    i = v - 1
    if i < floor:
        return None
    if toks[i].word in lex.pronouns and i - 1 >= floor and toks[i - 1].text.endswith(("'", "’")):
        return i, i, "pronoun"  # "Un dispositif qu'elle détaille": the subject is "elle"
    clause = i
    while clause > floor and toks[clause - 1].text not in (",", ";", ":", "(", ")", "—", "–", "«", "»", '"', "“", "”"):
        clause -= 1
    if 1 < v - clause <= 12 and toks[i].text != ",":
        found = _phrase_after(toks[:v], clause, lex)
        if found is not None and (found[2] != "phrase" or found[1] == i):
            return found
    if toks[i].word in lex.pronouns:
        return i, i, "pronoun"
    if toks[i].text == ",":
        j = i - 1
        while j > floor and j > i - 12 and toks[j].text != ",":
            j -= 1
        if j <= floor or toks[j].text != ",":
            return None
        i = j - 1
    if not _is_alpha(toks[i]) or toks[i].word in lex.stops or toks[i].word in lex.determiners:
        return None
    if _name_word(toks[i], lex):
        first = i
        while first - 1 >= floor and (
            _name_word(toks[first - 1], lex)
            or (toks[first - 1].word in lex.connectors and first - 2 >= floor and _name_word(toks[first - 2], lex))
            or (toks[first - 1].text[:1].isupper() and toks[first - 1].word in lex.connectors)
        ):
            first -= 1
        while first < i and toks[first].word in lex.connectors and toks[first].text[:1].islower():
            first += 1
        if i - first >= 2 and first - 1 >= floor and toks[first - 1].word in lex.connectors:
            return _past_complement(toks, first, i, lex), i, "name"
        if first - 2 >= floor and toks[first - 1].word in lex.connectors and toks[first - 2].text[:1].islower():
            start = _determiner_before(toks, first - 2, lex, floor)
            if start is not None:
                return start, i, "phrase"  # "Le maire de Lyon a déclaré"
        return first, i, "name"
    start = _determiner_before(toks, i, lex, floor)
    if start is not None and toks[i].word in lex.adverbial_heads:
        # "le ministre pour sa part a estimé": past the adverbial to the subject before it
        return _phrase_before(toks, start - 1, lex, floor) if start - 1 > floor else None
    if start is not None:
        return start, i, "phrase"
    if lex.bare_nouns and i - 1 >= floor and _is_alpha(toks[i - 1]):
        return i - 1, i, "phrase"
    return (i, i, "phrase") if lex.bare_nouns else None


def _determiner_before(toks: list[_Tok], i: int, lex: Lexicon, floor: int) -> int | None:
    for j in range(i - 1, max(floor, i - 5) - 1, -1):
        if toks[j].word in lex.determiners:
            return j if toks[j].word not in lex.prepositions else None
        if not _is_alpha(toks[j]) or toks[j].word in lex.stops:
            return None
    return None


def _verb_start(toks: list[_Tok], v: int, lex: Lexicon, floor: int) -> int:
    """Back over auxiliaries and adverbs: "a déclaré" starts at "a", "heeft ook gezegd" at "heeft"."""
    while v - 1 >= floor and toks[v - 1].word in lex.auxiliaries and toks[v - 1].text[:1].islower():
        v -= 1
    return v


def _found(text: str, toks: list[_Tok], rng: tuple[int, int, str] | None) -> _Found | None:
    if rng is None:
        return None
    start, end = toks[rng[0]].start, toks[rng[1]].end
    return _Found(start, end, text[start:end], rng[2])


def _after(text: str, toks: list[_Tok], lex: Lexicon) -> _Found | None:
    """The credit right after a quote: "», a déclaré X", "», X a déclaré", "», dit-il", "», aldus X"."""
    i = 0
    while i < len(toks) and toks[i].text in (",", "—", "–", "―", "-", ";"):
        i += 1
    if i >= len(toks):
        return None
    n = _credit_at(toks, i, lex)
    if n:
        return _found(text, toks, _phrase_after(toks, i + n, lex))
    j = i
    while j < len(toks) and toks[j].word in lex.auxiliaries and toks[j].text[:1].islower():
        j += 1
    pronoun = _attached_pronoun(toks[j], lex) if j < len(toks) else None
    if pronoun:
        return _Found(pronoun[0], pronoun[1], text[pronoun[0] : pronoun[1]], "pronoun")
    if j > i:
        # "», a de son côté martelé X", "», a quant à lui assuré X": an adverbial phrase inside the verb
        for v in range(j, min(len(toks), j + 4)):
            if not toks[v].text[:1].islower():
                break
            if _is_verb(toks, v, lex):
                j = v
                break
    if j < len(toks) and _is_verb(toks, j, lex):
        k = _past_addressee(toks, _past_time(toks, j + 1, lex), lex)  # "a réagi lundi auprès de l'AFP X"
        return _found(text, toks, _phrase_after(toks, k, lex)) or _Found(None, None, None, "implicit")
    for v in range(i + 1, min(len(toks), i + 9)):
        if toks[v].text in (".", ":", ";", "!", "?"):
            break
        pronoun = _attached_pronoun(toks[v], lex)
        if pronoun:  # "», leur a-t-il lancé": the pronoun is the subject
            return _Found(pronoun[0], pronoun[1], text[pronoun[0] : pronoun[1]], "pronoun")
        if _is_verb(toks, v, lex):
            return _found(text, toks, _phrase_before(toks, _verb_start(toks, v, lex, i), lex, floor=i))
    return None


def _past_addressee(toks: list[_Tok], k: int, lex: Lexicon) -> int:
    """Past "à l'AFP", "au Monde", "a la prensa" between a verb and its speaker: "a indiqué à
    l'AFP le porte-parole"."""
    if k < len(toks) and re.split("['’]", toks[k].word)[0] in lex.addressees and toks[k].word not in lex.addressees:
        return k + 1  # "all'ANSA", "à l'AFP" written as one word
    if k < len(toks) and toks[k].word in lex.addressees:
        k += 1
        if k < len(toks) and toks[k].word in lex.determiners:
            k += 1
        if k < len(toks) and _is_alpha(toks[k]):
            k += 1
    return k


def _before(text: str, toks: list[_Tok], lex: Lexicon) -> _Found | None:
    """The credit before a quote: "X a déclaré : « … »", "Selon X, « … »", "X : « … »"."""
    for c in range(len(toks) - 1, -1, -1):
        n = _credit_at(toks, c, lex)
        if n:
            found = _found(text, toks, _phrase_after(toks, c + n, lex))
            if found:
                return found
    for v in range(len(toks) - 1, -1, -1):
        pronoun = _attached_pronoun(toks[v], lex)
        if pronoun:
            return _Found(pronoun[0], pronoun[1], text[pronoun[0] : pronoun[1]], "pronoun")
        if v and _speech_gerund(toks[v], lex):
            # "a confirmé une source policière, ajoutant que « … »": the subject of the clause before
            # (none found: the quote goes on from the one before, like a quote with no credit)
            return _before(text, toks[:v], lex)
        if _is_verb(toks, v, lex) or (v == 0 and toks[v].word in lex.verbs and toks[-1].text == ":"):
            found = _found(text, toks, _phrase_before(toks, _verb_start(toks, v, lex, 0), lex))
            after = _phrase_after(toks, v + 1, lex)
            if after is not None and not _gerund_follows(toks, after[1] + 1, lex) and any(_is_alpha(t) and t.word not in lex.times for t in toks[after[1] + 1 :]):
                after = None  # "a dénoncé le meurtre de X, qui constituait « … »": the object, not the speaker
            return found or _found(text, toks, after) or _Found(None, None, None, "implicit")
    if len(toks) >= 2 and toks[-1].text == ":" and _name_word(toks[-2], lex):
        first = len(toks) - 2
        while first - 1 >= 0 and _name_word(toks[first - 1], lex) and first > len(toks) - 5:
            first -= 1
        return _found(text, toks, (first, len(toks) - 2, "name"))
    return None


def _speech_gerund(tok: _Tok, lex: Lexicon) -> bool:
    """ "ajoutant", "estimant", "jugeant", "dénonçant", "réagissant": a speech verb's gerund."""
    word = tok.word
    if not tok.text[:1].islower() or not word.endswith(lex.gerunds):
        return False
    stem = word[: -len(next(g for g in lex.gerunds if word.endswith(g)))]
    forms = {stem, stem + "e", stem.replace("ç", "c") + "e", stem.removesuffix("iss") + "it"}
    return any(form in lex.verbs for form in forms if form)


def _gerund_follows(toks: list[_Tok], k: int, lex: Lexicon) -> bool:
    """ ", ajoutant que …", ", tout en regrettant …": a clause whose subject is the speaker before it."""
    if k >= len(toks) or toks[k].text != ",":
        return False
    for t in toks[k + 1 : k + 4]:
        if t.word.endswith(lex.gerunds) and t.text[:1].islower():
            return True
        if t.word not in lex.gerund_openers:
            return False
    return False


def _is_break(text: str, match: re.Match[str], lex: Lexicon) -> bool:
    word = text[max(0, match.start() - 6) : match.start()].split()
    last = word[-1] if word else ""
    return not (match.group() == "." and ((len(last) == 1 and last.isupper()) or last in lex.titles))


def _sentence_end(text: str, start: int, limit: int, lex: Lexicon) -> int:
    for match in _SENTENCE_END.finditer(text, start, limit):
        if _is_break(text, match, lex):
            return match.end()
    return limit


def _sentence_start(text: str, floor: int, at: int, lex: Lexicon) -> int:
    start = floor
    for match in _SENTENCE_END.finditer(text, floor, at):
        if _is_break(text, match, lex):
            start = match.end()
    return start


def attribute_in(text: str, spans: list[Span], language: str) -> list[Attribution]:
    """One attribution per span, in order, by the rules of ``language`` (a key of ``LEXICONS``)."""
    lex = LEXICONS[language]
    paras = paragraphs(text)
    found: list[_Found | None] = []
    for i, span in enumerate(spans):
        p_start, p_end = paras[span.paragraph]
        same_prev = i > 0 and spans[i - 1].paragraph == span.paragraph
        same_next = i + 1 < len(spans) and spans[i + 1].paragraph == span.paragraph
        limit = spans[i + 1].start if same_next else p_end
        floor = spans[i - 1].end if same_prev else p_start
        after = _tokens(text, span.end, _sentence_end(text, span.end, limit, lex), lex)
        before = _tokens(text, _sentence_start(text, floor, span.start, lex), span.start, lex)
        mention = _after(text, after, lex) or _before(text, before, lex)
        if mention is None and span.start == p_start and span.paragraph and not same_prev:
            q_start, q_end = paras[span.paragraph - 1]
            if text[q_start:q_end].rstrip().endswith(":"):
                lead = _tokens(text, _sentence_start(text, q_start, q_end, lex), q_end, lex)
                mention = _before(text, lead, lex)
        found.append(mention)
    for i in range(len(spans) - 2, -1, -1):
        # "« …\n\n« … », a conclu X": a quote left open and continued by the next paragraph is X's too.
        following = spans[i + 1]
        if found[i] is None and not spans[i].closed and following.start == paras[following.paragraph][0]:
            found[i] = found[i + 1] if following.paragraph == spans[i].paragraph + 1 else None
    for i in range(1, len(spans)):
        if found[i] is None and spans[i].paragraph - spans[i - 1].paragraph <= 1:
            found[i] = found[i - 1]  # a quote with no credit of its own goes on from the one before
    return _resolve(text, found, lex)


def _resolve(text: str, found: list[_Found | None], lex: Lexicon) -> list[Attribution]:
    """Pronouns and subject-less verbs name the person credited last (or named last before them);
    "elle", "ella", "она" skip back past a man to the last woman, when first names tell; with no
    person to tell, a pronoun is the last credit ("le président du MoDem")."""
    out: list[Attribution] = []
    named: list[tuple[int, str]] = []
    for m in found:
        if m is None:
            out.append(Attribution(None, None, None, False))
            continue
        if m.kind in ("pronoun", "implicit"):
            wanted = None
            if m.start is None:  # "», añadió.": the person credited last
                speaker = named[-1][1] if named else None
            else:
                wanted = lex.pronoun_gender.get(text[m.start : m.end].lower())
                told = [(at, name) for at, name in _full_names(text, m.start, lex) if wanted is None or _gender(name, lex)]
                people = sorted([*named, *told])
                speaker = _agreeing([name for _, name in people], wanted, lex)
            if speaker is None:
                # "», rappelle le président du MoDem. « … », déplore-t-il": no person told, the last credit
                # (for "il" or "elle", not a plural one: "les agriculteurs" are not "il")
                speaker = next((a.speaker for a in reversed(out) if a.speaker and not (wanted and _plural(a.speaker, lex))), None)
            out.append(Attribution(speaker, m.start, m.end, speaker is not None))
            continue
        if m.kind == "name" and m.display and m.start is not None:
            named.append((m.start, m.display))
        out.append(Attribution(m.display, m.start, m.end, m.kind == "name"))
    return out


def _plural(speaker: str, lex: Lexicon) -> bool:
    """A noun phrase opening with a plural determiner: "les agriculteurs", "sus vecinos"."""
    return speaker.split(None, 1)[0].lower() in lex.plural_determiners


def _agreeing(names: list[str], wanted: str | None, lex: Lexicon) -> str | None:
    """The last of ``names`` whose gender is ``wanted``, else the last whose gender is unknown (the
    last one when no gender is wanted)."""
    if wanted is None:
        return names[-1] if names else None
    genders = [(name, _gender(name, lex)) for name in reversed(names)]
    exact = [name for name, gender in genders if gender == wanted]
    unknown = [name for name, gender in genders if gender is None]
    return exact[0] if exact else unknown[0] if unknown else None


def _gender(name: str, lex: Lexicon) -> str | None:
    """ "m" or "f" from the first name (the shipped list, then the language's endings), else None."""
    first = name.split()[0].lower()
    known = lex.first_names.get(first) or first_names().get(first)
    if known:
        return known
    for ending, gender in lex.name_endings:
        if first.endswith(ending) and len(first) > len(ending) + 1:
            return gender
    return None


def _full_names(text: str, before: int, lex: Lexicon) -> list[tuple[int, str]]:
    """The people named in full before ``before``, in order ("Иван Петров"; a capitalised word opening
    the sentence before a longer name is its title: "Мэр Иван Петров" gives "Иван Петров")."""
    names = []
    for match in _FULL_NAME.finditer(text, 0, before):
        words = match.group(1).split()
        opens = not text[: match.start()].rstrip() or text[: match.start()].rstrip()[-1] in ".!?:\n"
        if opens and len(words) > 2:
            words = words[1:]
        while words and words[0] in lex.not_names:
            words = words[1:]
        if len(words) >= 2:
            names.append((match.start(), " ".join(words)))
    return names


def bound_unclosed(text: str, spans: list[Span], language: str) -> list[Span | None]:
    """Quotes whose closing mark is missing, bounded: never the rest of their paragraph.

    A mark left open at the start of a sentence and continued by a quote opening the next paragraph
    is the news convention for a long quote and stays. Any other runs to the end of its sentence when
    it opens one (or follows a colon: "a déclaré : « Nous allons …"); a stray mark inside a sentence
    (a typo, a ditto mark in a price table, "habló de un «año difícil …"), even with a quote opening
    the next paragraph, is no quote at all (None).
    """
    lex = LEXICONS[language]
    paras = paragraphs(text)
    out: list[Span | None] = []
    for i, span in enumerate(spans):
        following = spans[i + 1] if i + 1 < len(spans) else None
        continued = (
            following is not None
            and following.paragraph == span.paragraph + 1
            and following.start == paras[following.paragraph][0]
        )
        if span.closed:
            out.append(span)
            continue
        body = text[span.start : span.end]
        if any(c.isdigit() for c in body) and len(_LETTER_WORD.findall(body)) < 3:
            out.append(None)  # "«3,20 € les 2 kg": a ditto mark in a price table, not a quote
            continue
        lead = text[paras[span.paragraph][0] : span.start].rstrip()
        if lead and lead[-1] not in ".:!?…—–":
            out.append(None)
            continue
        if continued:
            out.append(span)
            continue
        end = _sentence_end(text, span.start + 1, span.end, lex)
        out.append(Span(span.start, _trim(text, span.start, end), span.paragraph, False))
    return out


def _trim(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end
