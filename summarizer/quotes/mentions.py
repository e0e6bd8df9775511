"""Words around a quote: speech verbs, and the noun phrase that is a verb's subject or object."""

from __future__ import annotations

import re
from typing import NamedTuple

_VERB_STEMS = (
    "say said says tell told tells add added adds ask asked asks explain explained explains note noted "
    "notes write wrote writes written state stated states declare declared declares insist insisted insists "
    "argue argued argues warn warned warns continue continued continues recall recalled recalls reply replied "
    "replies respond responded responds claim claimed claims admit admitted admits acknowledge acknowledged "
    "acknowledges announce announced announces tweet tweeted tweets post posted posts joke joked jokes remark "
    "remarked remarks observe observed observes suggest suggested suggests predict predicted predicts promise "
    "promised promises concede conceded concedes shout shouted shouts yell yelled whisper whispered cry cried "
    "boast boasted boasts quip quipped quips testify testified testifies report reported reports recount "
    "recounted recounts agree agreed agrees conclude concluded concludes exclaim exclaimed exclaims echo echoed "
    "echoes emailed email emails urge urged urges plead pleaded pleads vow vowed vows charge charged charges "
    "muse mused muses complain complained complains lament lamented laments allege alleged alleges contend "
    "contended contends maintain maintained maintains caution cautioned cautions stress stressed stresses "
    "emphasize emphasized emphasizes opine opined opines confirm confirmed confirms deny denied denies "
    "proclaim proclaimed proclaims retort retorted retorts counter countered counters read reads described "
    "describes wondered wonders mocked mocks blasted blasts slammed slams scoffed scoffs sneered marveled "
    "marvelled gushed raved hinted hints interjected interrupted snapped thundered chided scolded quoted "
    "quotes begged demanded demands questioned questions assured assures reminded reminds cited cites "
    "pledged pledges threatened threatens asserted asserts explained summed shared wrote tweeted ordered "
    "announced replied told texted messaged sang chanted screamed begins began grumbled groused huffed "
    "called calls call accused accuses criticized criticizes praised praises hammered touted touts labeled "
    "labelled dubbed branded barked fumed exhorted voiced pronounced related relates answered answers "
    "advised advises conceded hailed hails lashed railed rails decried decries dismissed dismisses "
    "recalled predicted griped gripes sighed laughed smiled nodded shrugged talked referred"
)
#: Speech verbs that are more often nouns ("his home state", "the server email"): left out.
_NOUN_LIKE = frozenset(
    ["state", "states", "post", "posts", "email", "emails", "call", "question", "questions", "answer", "answers", "order", "echo", "cry", "counter", "counters", "charge", "charges", "note", "claim", "report", "read", "quote", "remarks"]
)
#: Reporting verbs of modern German news, present and past, third person singular and plural (the
#: present plural is the infinitive: "erklären die Grünen"). Forms that are also English words
#: ("bat", "rat") are left out: every language's verbs are looked for in every text.
_DE_MODERN_VERBS = (
    "entgegnet entgegnete entgegnen entgegneten kritisiert kritisierte kritisieren kritisierten ergänzt ergänzte "
    "ergänzen ergänzten mahnt mahnte mahnen mahnten beklagt beklagte beklagen beklagten erläutert erläuterte "
    "erläutern erläuterten unterstreicht unterstrich unterstreichen unterstrichen lobt lobte loben lobten "
    "verspricht versprach versprechen versprachen bekräftigt bekräftigte bekräftigen bekräftigten moniert "
    "monierte monieren monierten beteuert beteuerte beteuern beteuerten widerspricht widersprach widersprechen "
    "widersprachen schimpft schimpfte schimpfen schimpften twittert twitterte twittern twitterten postet postete "
    "argumentiert argumentierte argumentieren argumentierten appelliert appellierte appellieren appellierten "
    "urteilt urteilte urteilen urteilten resümiert resümierte glaubt "
    "glaubte glauben glaubten findet fand finden fanden meinen meinten betonen betonten fordern forderten "
    "warnen warnten antworten antworteten berichten berichteten bemerkten äußerten erwiderten versicherten "
    "verkündeten erzählten behaupteten bestätigten riefen rufen fragten kommentiert kommentierte kommentieren "
    "kommentierten bilanziert bilanzierte prophezeit prophezeite vermutet vermutete befürchtet befürchtete "
    "fürchtet fürchtete hofft hoffte hoffen hofften klagt klagte klagen klagten jubelt jubelte freut freute "
    "freuen freuten ärgert ärgerte empört empörte beschwert beschwerte wundert wunderte dementiert dementierte "
    "präzisiert präzisierte droht drohte drängt drängte drängten "
    "verlangt verlangte verlangen verlangten bittet baten gesteht gestand "
    "kontert konterte konterten spottet spottete witzelt witzelte lästert lästerte stöhnt stöhnte seufzt "
    "seufzte schwärmt schwärmte staunt staunte folgert folgerte schlussfolgert schlussfolgerte begründet "
    "begründete rechtfertigt rechtfertigte bekennt bekannte verrät verriet empfiehlt empfahl rät riet "
    "wettert wetterte poltert polterte tönt tönte sinniert sinnierte verdeutlicht verdeutlichte relativiert "
    "relativierte beschwichtigt beschwichtigte bedauert bedauerte insistiert insistierte beharrt beharrte "
    "vermeldet vermeldete analysiert analysierte "
    "versichern verkünden berichten beklagt ermahnt ermahnte lacht lachte scherzt scherzte spekuliert "
    "spekulierte mutmaßt mutmaßte erklären fragen bemerken äußern konstatieren melden meldeten erzählen sprechen sprachen "
    "behaupten bestätigen"
)
#: Separable German speech verbs and the particles (or, after "sich", adjectives) that end their clause.
_DE_SEPARABLE = (
    ("kündigte kündigt kündigten kündigen", "an"),
    ("räumte räumt räumten räumen", "ein"),
    ("stellte stellt stellten stellen", "klar fest heraus"),
    ("gab gibt gaben geben", "zu an bekannt bedenken überzeugt zuversichtlich optimistisch"),
    ("hob hebt hoben heben", "hervor"),
    ("wies weist wiesen weisen", "hin zurück"),
    ("merkte merkt merkten merken", "an"),
    ("führte führt führten führen", "aus"),
    ("wandte wendet wandten wenden", "ein"),
    ("warf wirft warfen werfen", "ein vor"),
    ("legte legt legten legen", "nach"),
    ("fasste fasst fassten fassen", "zusammen"),
    ("hielt hält hielten halten", "fest entgegen dagegen"),
    ("sicherte sichert sicherten sichern", "zu"),
    ("machte macht machten machen", "klar deutlich"),
    ("pflichtete pflichtet pflichteten pflichten", "bei"),
    ("stimmte stimmt stimmten stimmen", "zu"),
    ("schob schiebt schoben schieben", "nach"),
    ("deutete deutet deuteten deuten", "an"),
    ("schränkte schränkt schränkten schränken", "ein"),
    ("wiegelte wiegelt wiegelten", "ab"),
    ("hakte hakt hakten", "nach"),
    ("zeigte zeigt zeigten zeigen", "überzeugt zuversichtlich optimistisch zufrieden enttäuscht erleichtert besorgt skeptisch"),
)
#: German verbs that report speech right after a quote ("„…“, verwies der Minister auf die Kosten.",
#: "„…“, erinnerte die Ministerin."), but elsewhere mostly mean something else ("verwies man auf die
#: Verordnung", "erinnert an den Krieg"): read only as the credit after a quote.
GERMAN_CREDIT_VERBS = frozenset(
    ["verweist", "verwies", "verweisen", "verwiesen", "erinnert", "erinnerte", "erinnern", "erinnerten", "reagiert", "reagierte", "reagierten",
     "schätzt", "schätzte", "zweifelt", "zweifelte", "erwartet", "erwartete", "rechnet", "rechnete"]
)
#: German verbs that report speech only with their particle, which ends the clause after the
#: subject: "“…“, kündigte X an.", "räumte die Ministerin ein", "gab der Minister zu".
SEPARABLE: dict[str, frozenset[str]] = {verb: frozenset(particles.split()) for verbs, particles in _DE_SEPARABLE for verb in verbs.split()}
#: German speech verbs that mean something else with a particle ending their clause: "findet … statt"
#: (takes place), "rief … an" (phoned).
_DE_OTHER_SENSE = {"findet": "statt", "fand": "statt", "finden": "statt", "fanden": "statt", "rief": "an", "ruft": "an", "riefen": "an", "rufen": "an"}
#: Speech verbs per language; a language is added by adding its table here (and its subject
#: pronouns below). Verbs of every language are looked for in every text: they do not collide.
SPEECH_VERBS_BY_LANGUAGE: dict[str, frozenset[str]] = {
    "en": frozenset(_VERB_STEMS.split()) - _NOUN_LIKE,
    "de": frozenset(
        ["sagte", "sagt", "sagten", "sagen", "erklärte", "erklärt", "erklärten", "schreibt", "schrieb", "schreiben", "schrieben", "meinte", "meint", "betonte", "betont", "fragte", "fragt", "antwortete", "antwortet", "rief", "ruft", "bemerkte", "bemerkt", "äußerte", "äußert", "erwiderte", "erwidert", "erwidern", "versicherte", "versichert", "konstatierte", "konstatiert", "berichtet", "berichtete", "meldet", "meldete", "verkündete", "verkündet", "forderte", "fordert", "warnte", "warnt", "erzählte", "erzählt", "sprach", "spricht", "fügte", "teilte", "fuhr", "schloss", "schloß", "behauptete", "behauptet", "bestätigte", "bestätigt"]
    )
    | frozenset(_DE_MODERN_VERBS.split()),
}
SPEECH_VERBS = frozenset().union(*SPEECH_VERBS_BY_LANGUAGE.values())
#: The first word of a credit right after a quote and its comma: "„…“, sagte X", "„…“, so X",
#: "„…“, hieß es".
CREDIT_OPENERS = SPEECH_VERBS | frozenset(SEPARABLE) | GERMAN_CREDIT_VERBS | frozenset(["so", "hieß", "heißt"])
#: Languages whose speech verb comes before its subject after a fronted phrase ("Am 5. Mai
#: schreibt er dem Minister: „…“", "ausdrücklich konstatierte Graf Stürgkh „…“").
VERB_SECOND = frozenset(SPEECH_VERBS_BY_LANGUAGE["de"])
PARTICIPLES = frozenset(
    ["saying", "adding", "telling", "writing", "noting", "asking", "explaining", "arguing", "warning", "declaring", "insisting", "stating", "claiming", "tweeting", "posting", "urging", "concluding", "continuing", "recalling", "replying", "responding", "calling", "describing", "quoting", "joking", "observing", "pleading", "vowing", "promising", "reminding", "suggesting", "proclaiming", "citing", "remarking", "charging", "announcing", "predicting", "boasting", "complaining", "chanting", "yelling", "shouting", "accusing", "lamenting", "answering", "repeating", "admitting", "acknowledging", "conceding", "stressing", "emphasizing", "reiterating", "quipping", "texting", "emailing", "testifying", "pledging", "demanding", "asserting", "contending", "maintaining", "cautioning", "musing"]
)
#: Phrasal speech verbs: "pointed out", "went on", "put it".
PHRASAL = {"pointed": "out", "went": "on", "put": "it", "puts": "it", "chimed": "in", "fired": "back", "shot": "back"}
PRONOUNS = {"he": "person", "she": "person", "i": "person", "we": "group", "they": "group", "it": "thing"}
DETERMINERS = frozenset(
    ["the", "a", "an", "his", "her", "their", "its", "our", "one", "another", "some", "many", "several", "two", "three", "this", "that", "these", "those", "my", "your", "each", "every", "both"]
)
_ADVERBS = frozenset(
    ["also", "later", "then", "has", "had", "have", "once", "previously", "recently", "again", "further", "repeatedly", "simply", "just", "reportedly", "would", "will", "did", "does", "do", "never", "publicly", "privately", "often", "frequently", "bluntly", "flatly", "quickly", "angrily", "famously", "memorably", "soon", "still", "even", "only", "already", "initially", "first", "finally", "now", "once", "subsequently", "had’ve", "has’ve", "may", "might", "could", "should", "can", "must"]
)
TITLES = frozenset(
    ["Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Pres", "President", "Senator", "Governor", "Mayor", "Judge", "Justice", "Sir", "Lord", "Lady", "Rev", "Prof", "Professor", "Secretary", "Speaker", "Chairman", "Chairwoman", "Minister", "Adm", "Maj", "Cpl", "Rabbi", "Father", "Sister", "Brother", "Ambassador", "Attorney", "Chief", "Officer", "Deputy", "Detective", "Representative", "Congressman", "Congresswoman", "Commissioner", "Reporter", "Candidate", "Leader", "Director", "Sheriff"]
)
#: Capitalised words that start sentences or clauses but never names.
NOT_NAMES = frozenset(
    ["The", "A", "An", "This", "That", "These", "Those", "But", "And", "In", "On", "At", "He", "She", "It", "They", "We", "I", "His", "Her", "Their", "When", "While", "After", "Before", "Then", "So", "Yet", "Or", "If", "As", "Also", "Still", "Now", "Later", "Asked", "Speaking", "Last", "Earlier", "On", "Since", "For", "With", "Without", "Here", "There", "What", "Why", "How", "Where", "Who", "Which", "Although", "Though", "Because", "However", "Meanwhile", "Instead", "Indeed", "Even", "Just", "Only", "Yes", "No", "Well", "Oh", "Still", "Both", "Either", "Neither", "Such", "Some", "Many", "Most", "Our", "My", "Your", "Its", "Let", "According", "During", "Under", "Over", "Through", "Among", "Like", "Unlike", "Despite", "Today", "Yesterday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Thirteen", "Fifteen", "Twenty", "Thirty", "Fifty", "Of", "To", "By", "Into", "About", "Unless", "Until", "Amid", "Given", "Any", "Every", "Each", "First", "Whether", "Whatever", "Whoever"]
)
_TOKEN = re.compile(r"[^\W_]+(?:[’'.\-&][^\W_]+)*[.’']?|[,:;()—–]|--")
#: Subject pronouns per language (German "sie" is she or they: credited as written, not resolved).
SUBJECT_PRONOUNS_BY_LANGUAGE: dict[str, frozenset[str]] = {
    "en": frozenset(["he", "she", "it", "they", "we", "I", "He", "She", "It", "They", "We"]),
    "de": frozenset(["er", "sie", "Er", "Sie"]),
}
_SUBJECT_PRONOUNS = frozenset().union(*SUBJECT_PRONOUNS_BY_LANGUAGE.values())
#: Subject pronouns written with a contracted auxiliary ("he’s said", "they’ve argued").
_CONTRACTED = frozenset(["he", "she", "they", "He", "She", "They"])
_FUNCTION_WORDS = DETERMINERS | _ADVERBS | frozenset(
    ["who", "whom", "which", "that", "when", "where", "while", "as", "if", "in", "on", "at", "to", "of", "for", "with", "by", "from", "up", "down", "out", "about", "into", "over", "after", "before", "and", "or", "but", "so", "was", "were", "is", "are", "be", "been", "being", "not", "no", "also", "than", "then", "there", "here", "what", "how", "why", "this", "said"]
)
#: Plural or mass nouns that name speakers without a determiner: "officials said".
_BARE_SPEAKERS = frozenset(
    ["officials", "sources", "police", "prosecutors", "investigators", "aides", "advocates", "critics", "supporters", "analysts", "experts", "authorities", "residents", "witnesses", "democrats", "republicans", "lawmakers", "observers", "organizers", "protesters", "officers", "researchers", "scientists", "economists", "voters", "leaders", "activists"]
)
_INTRO_WORDS = frozenset(
    ["in", "on", "at", "after", "before", "when", "while", "as", "during", "since", "with", "for", "if", "although", "though", "amid", "despite", "asked", "speaking", "following", "like", "unlike", "under", "over", "from", "by", "without", "once", "until", "last", "earlier", "later", "today", "yesterday", "now", "here", "there", "instead", "indeed", "still", "however", "meanwhile"]
)
_NOT_VERBS = frozenset(
    ["of", "in", "on", "at", "to", "for", "with", "by", "from", "and", "or", "but", "the", "a", "an", "as", "than", "that", "which", "about", "into", "over", "after", "before", "during", "since", "later", "earlier", "ago", "last", "this", "next"]
)
_AFTER_VERB_STOPS = frozenset(
    ["in", "on", "at", "to", "during", "after", "before", "who", "which", "that", "about", "with", "when", "while", "as", "and", "but", "or", "because", "if", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today"]
)
_LY_NOUNS = frozenset(["family", "ally", "rally", "assembly", "supply", "monopoly", "anomaly", "bully", "belly", "lily"])
_PARTICIPLE_OBJECT_WORDS = frozenset(["to", "at", "in", "on", "about", "with", "for", "from", "by", "into", "up", "out", "him", "them", "me", "us", "it"])
#: Speech verbs whose base form is also a noun ("a snappy retort", "a brief reply").
_NOUN_TOO = frozenset(["retort", "reply", "tweet", "joke", "remark", "quip", "promise", "vow", "plea", "boast", "complaint", "lament", "shout", "whisper", "cry", "rebuke", "warning", "comment"])
#: "a mother of three", "the father of two": a parent described by the number of children.
_CHILD_COUNTS = frozenset(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])
_PARENTS = frozenset(["mother", "father", "parent", "mom", "dad", "grandmother", "grandfather"])
_CONNECTORS = frozenset(["of", "the", "de", "van", "von", "al", "bin", "la", "le", "del", "da", "dos", "di", "du", "for", "and"])


class Token(NamedTuple):
    """One word or punctuation mark (a named tuple: articles make tens of thousands of them)."""

    text: str
    start: int
    end: int
    #: The token without a trailing full stop or apostrophe, lower-cased (worked out once: it is
    #: read many times per token).
    word: str

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


_new_token = tuple.__new__


def tokens(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]`` (with offsets into ``text``).

    The hottest loop of quote extraction: each ``Token`` is built with ``tuple.__new__`` (a named
    tuple's own ``__new__`` is a Python function, a third of the cost of a token).
    """
    out = []
    for match in _TOKEN.finditer(text, start, end):
        tok = match[0]
        out.append(_new_token(Token, (tok, match.start(), match.end(), tok.rstrip(".’'").lower())))
    return out


def might_be_speech_verb(tok: Token) -> bool:
    """A cheap first test before :func:`is_speech_verb`, for scans over every token of a paragraph."""
    return tok.word in SPEECH_VERBS or tok.word in PHRASAL or tok.word in SEPARABLE


def is_speech_verb(toks: list[Token], i: int) -> bool:
    word = toks[i].word
    if word not in SPEECH_VERBS and word not in PHRASAL and word not in SEPARABLE and i >= 0:
        return False  # the cheap test first: most words it is asked about are no speech verb
    if i and not toks[i].text[:1].islower():
        return False  # "the United States", "Reports" in a headline: names, not verbs
    if word in SEPARABLE or word in _DE_OTHER_SENSE or word in VERB_SECOND:
        return _is_german_speech_verb(toks, i)
    pronominal = i and toks[i - 1].word in _PRONOMINAL and (word.endswith("ed") or word in ("said", "says", "told", "tells", "wrote", "writes", "say", "write", "argue"))
    contracted = bool(i) and re.split("[’']", toks[i - 1].text)[0] in _CONTRACTED  # "he’s said" is a verb
    if i and (toks[i - 1].word in DETERMINERS or toks[i - 1].text.endswith(("’s", "'s"))) and not pronominal and not contracted:
        return False  # "a snappy retort", "her claims": nouns ("another said" is a verb)
    if i >= 2 and _noun_after_singular_determiner(toks, i):
        return False  # "a snappy retort", "the quick reply": a base form after "a/the + word" is a noun
    if word in ("continue", "continues", "continued") and i + 1 < len(toks) and toks[i + 1].word in ("to", "be"):
        return False  # "will continue to be “…”": not speech
    if word in SPEECH_VERBS:
        return True
    follower = PHRASAL.get(word)
    return follower is not None and i + 1 < len(toks) and toks[i + 1].word == follower


#: German articles: a verb form between one and a noun is an adjective ("die erklärte Absicht").
DE_ARTICLES = frozenset(["der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "eines"])


def _is_german_speech_verb(toks: list[Token], i: int) -> bool:
    """A German verb reports speech unless it is an adjective ("die erklärte Absicht", "der
    angekündigte Plan") or the particle ending its clause gives it another sense ("findet … statt");
    a separable verb ("kündigte … an", "räumte … ein") only with its particle."""
    word = toks[i].word
    if i and toks[i - 1].word in DE_ARTICLES and i + 1 < len(toks) and toks[i + 1].capitalised:
        return False
    particle = clause_particle(toks, i)
    if word in SEPARABLE:
        return particle is not None and toks[particle].word in SEPARABLE[word]
    return not (particle is not None and toks[particle].word == _DE_OTHER_SENSE.get(word)) and word in SPEECH_VERBS


def clause_particle(toks: list[Token], i: int) -> int | None:
    """The lower-case word ending the clause of the verb at ``i`` ("an" in "kündigte X am Montag
    an."), if the clause ends within a few words; None when it ends with anything else."""
    for j in range(i + 1, min(len(toks), i + 12)):
        tok = toks[j]
        if not tok.text[:1].isalnum():
            return None  # a comma, colon or dash: the clause ended without a particle
        ends = tok.text.endswith(".") or j + 1 == len(toks) or not toks[j + 1].text[:1].isalnum()
        if ends:
            return j if tok.text.islower() and tok.word.isalpha() and j > i + 1 else None
    return None


def _noun_after_singular_determiner(toks: list[Token], i: int) -> bool:
    word, det, middle = toks[i].word, toks[i - 2].word, toks[i - 1]
    if word not in _NOUN_TOO or det not in ("a", "an", "the", "his", "her", "its", "this", "that", "one"):
        return False
    return middle.text.islower() and middle.word.isalpha() and not middle.word.endswith("s") and middle.word not in _ADVERBS


def is_participle(tok: Token) -> bool:
    return tok.word in PARTICIPLES


def _is_name_word(tok: Token) -> bool:
    text = tok.text
    if len(text) == 2 and text[0].isupper() and text[1] == ".":
        return True  # an initial: "John F. Kennedy", "Julie A. Diaz"
    bare = text.rstrip(".")
    return (text[:1].isupper() and bare not in NOT_NAMES) or bare in TITLES


#: When a verb happened, between its subject and the verb: "Jane Doe later Thursday told …".
_WHEN_WORDS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon", "evening", "night", "yesterday", "today", "tonight"])
#: Determiners that stand alone as a subject: "another said", "others warned".
_PRONOMINAL = frozenset(["another", "others", "one", "several", "many", "some", "both", "few", "two", "three"])
_INFINITIVE_SPEECH = frozenset(["say", "tell", "ask", "add", "declare", "note", "explain", "write", "tweet", "warn", "argue", "insist"])
_WHEN_LEADS = frozenset(["on", "last", "this", "late", "early"])
_WHEN_OR_LEADS = _WHEN_WORDS | _WHEN_LEADS


def _skip_back_adverbs(toks: list[Token], i: int, floor: int) -> int:
    """Back from ``i`` over adverbs and times ("also", "on Thursday", "later Monday night")."""
    while i >= floor:
        if toks[i].word in _ADVERBS or _is_adverb(toks[i]):
            i -= 1
        elif toks[i].word in _WHEN_WORDS and i > floor:
            i -= 1
            while i > floor and toks[i].word in _WHEN_OR_LEADS:
                i -= 1
        else:
            break
    return i


def subject_before(toks: list[Token], v: int, floor: int = 0) -> tuple[int, int] | None:
    """Token range (first, last) of the subject of the verb at ``v``: "Jane Doe, a resident, said"."""
    i = _skip_back_adverbs(toks, v - 1, floor)
    if i - 1 >= floor and toks[i].word == "to" and toks[i - 1].text.islower() and toks[v].word in _INFINITIVE_SPEECH:
        # "Jane Doe was prompted to say", "Doe went on to say": the subject of the verb before "to".
        j = i - 1
        while j > floor and j > i - 4 and toks[j].text.islower() and toks[j].word.isalpha() and toks[j].word not in ("that", "who", "which"):
            j -= 1
        found = noun_phrase_ending(toks, j, floor) if j >= floor else None
        if found and toks[found[0]].text[:1].isupper():
            return found
    if i >= floor and toks[i].word == "who" and i - 1 >= floor:
        # "X, who said": the mention runs from the antecedent to "who" (either may be annotated).
        k = i - 1 if toks[i - 1].text != "," else i - 2
        antecedent = noun_phrase_ending(toks, k, floor) if k >= floor else None
        return (antecedent[0], i) if antecedent else (i, i)
    if i >= floor and toks[i].word in _PRONOMINAL and (i == floor or not toks[i - 1].text[:1].isalnum() or toks[i - 1].word in ("yet", "and", "but")):
        return i, i  # "Yet another said, “…”", "Another tweeted, “…”": the determiner stands alone
    if i >= floor and toks[i].text == ",":
        if i - 1 >= floor and toks[i - 1].text == ")":
            i -= 1
        else:
            # "X, a local resident, said" / "X, during a town hall in Columbus, Ohio, said": the
            # subject opens the sentence; failing that, skip back over one appositive.
            opening = sentence_subject(toks[floor:i])
            if opening is not None:
                return opening[0] + floor, opening[1] + floor
            j = i - 1
            while j >= floor and j > i - 25 and toks[j].text != ",":
                j -= 1
            i = j - 1 if j > floor and toks[j].text == "," else i - 1
    if i >= floor and toks[i].text in ("—", "–", "--"):
        # "Gingrich — mentioned as a running mate — told Fox News": skip the aside between dashes.
        j = i - 1
        while j > floor and j > i - 30 and toks[j].text not in ("—", "–", "--"):
            j -= 1
        if j > floor and toks[j].text == toks[i].text:
            i = j - 1
    if i >= floor and toks[i].text == ")":
        # "Sen. Jane Doe (D-Ore.) said": the party and state are not the name.
        j = i - 1
        while j >= floor and j > i - 8 and toks[j].text != "(":
            j -= 1
        i = j - 1
    return noun_phrase_ending(toks, i, floor)


def _is_adverb(tok: Token) -> bool:
    return tok.text.islower() and tok.word.endswith("ly") and tok.word not in _LY_NOUNS


def noun_phrase_ending(toks: list[Token], i: int, floor: int = 0) -> tuple[int, int] | None:
    """The noun phrase whose last token is ``toks[i]``, or None when it does not look like one."""
    tok = toks[i]
    if tok.text in _SUBJECT_PRONOUNS or re.split("[’']", tok.text)[0] in _CONTRACTED:
        return i, i  # "he", and "he’s said", "they’ve argued"
    if not tok.text[:1].isalnum():
        return None
    if _is_name_word(tok):
        first = i
        while first - 1 >= floor:
            prev = toks[first - 1]
            if _is_name_word(prev) or (
                prev.word in _CONNECTORS and first - 2 >= floor and _is_name_word(toks[first - 2])
            ):
                first -= 1
            else:
                break
        if first - 1 >= floor and toks[first - 1].word in ("the",):
            first -= 1
        while first < i and toks[first].word in _CONNECTORS and toks[first].word != "the":
            first += 1
        return first, i
    if tok.word in ("two", "three", "four", "both") and i - 1 >= floor and toks[i - 1].word in ("the", "all"):
        return i - 1, i  # "“…,” the two write"
    if tok.word in _CHILD_COUNTS and i - 2 >= floor and toks[i - 1].word == "of":
        head = noun_phrase_ending(toks, i - 2, floor)  # "the 34-year-old mother of three replied"
        return (head[0], i) if head and toks[i - 2].word in _PARENTS else None
    if not tok.word.isalpha() or tok.word in _FUNCTION_WORDS or tok.word in SPEECH_VERBS:
        return None
    if _is_adverb(tok):
        return None  # "a swiftly called meeting": an adverb is not the head of a noun phrase
    # A common noun needs its determiner or a possessive: "the unnamed source", "Clinton’s top aide".
    for j in range(i - 1, max(floor, i - 6) - 1, -1):
        word = toks[j]
        if word.word in DETERMINERS or word.text.endswith(("’s", "'s")):
            return j, i
        if word.text[:1].isdigit() and "-" in word.text:
            continue  # "the 34-year-old mother", "a 10-term congressman"
        if not word.text[:1].isalpha() or word.word in _FUNCTION_WORDS:
            break
    if tok.word not in _BARE_SPEAKERS:
        return None
    first = i  # "County officials", "Senate Democrats": the capitalised words before belong to it
    while first - 1 >= floor and first > i - 4 and _is_name_word(toks[first - 1]) and toks[first - 1].text.rstrip(".") not in TITLES:
        first -= 1
    return first, i


def noun_phrase_starting(toks: list[Token], i: int) -> tuple[int, int] | None:
    """The noun phrase starting at ``toks[i]``: "said Jane Doe", "said the unnamed source"."""
    if i >= len(toks):
        return None
    tok = toks[i]
    if tok.text in _SUBJECT_PRONOUNS:
        return i, i
    if tok.word in DETERMINERS and tok.word not in ("that", "this", "these", "those"):
        last = i
        for j in range(i + 1, min(len(toks), i + 6)):
            word = toks[j]
            if not word.text[:1].isalnum() or is_speech_verb(toks, j) or word.word in _FUNCTION_WORDS:
                break
            if word.text.islower() and word.word.endswith("ed") and j > i + 1:
                break  # "the FBI looked": the verb is not part of the phrase
            last = j
        return (i, _name_after_description(toks, last + 1) or last) if last > i else None
    if _is_name_word(tok) or tok.text.rstrip(".") in TITLES:
        last = _name_run(toks, i)
        described = _name_after_description(toks, last + 1)
        owner = toks[last].text[:-2]
        if described is None and toks[last].text.endswith(("’s", "'s")) and owner not in NOT_NAMES and owner.lower() not in PRONOUNS:
            return i, _possessed_noun(toks, last + 1) or last  # "Jane Doe’s right-hand woman"
        return i, described or last
    named = _name_after_description(toks, i)
    return (i, named) if named is not None and tok.text[:1].islower() else None


def _possessed_noun(toks: list[Token], i: int) -> int | None:
    """The last word of the noun after a possessive name: "Jane Doe’s top aide" ends at "aide"."""
    last = None
    for j in range(i, min(len(toks), i + 4)):
        tok = toks[j]
        if not tok.text.islower() or not tok.text[:1].isalpha() or tok.word in _FUNCTION_WORDS or tok.word in SPEECH_VERBS:
            break
        if tok.word.endswith("ed") or _is_adverb(tok):
            break  # "Jane Doe’s team said", "Doe’s aides reportedly …": a verb, not the noun
        last = j
    return last


def _name_run(toks: list[Token], i: int) -> int:
    last = i
    for j in range(i + 1, min(len(toks), i + 8)):
        if _is_name_word(toks[j]) or (toks[j].word in _CONNECTORS and j + 1 < len(toks) and _is_name_word(toks[j + 1])):
            last = j
        else:
            break
    return last


def _name_after_description(toks: list[Token], i: int) -> int | None:
    """Where the name ends in "Former Republican presidential candidate Jeb Bush", "conservative
    commentator Jonah Goldberg": lower-case describing words (``toks[i]`` on) run into a name.

    None when the words at ``i`` are not such a description (a verb, a function word, a clause).
    """
    j = i
    while j < len(toks) and j < i + 4:
        tok = toks[j]
        if not tok.text.islower() or not tok.word.isalpha():
            break
        if tok.word in _FUNCTION_WORDS and not (tok.word == "of" and j > i):
            return None
        if tok.word in SPEECH_VERBS or tok.word.endswith(("ed", "ing", "ly")) or tok.word in _NOT_VERBS - {"of"}:
            return None
        j += 1
    if j == i or j >= len(toks) or not _is_name_word(toks[j]) or toks[j].text.rstrip(".") in NOT_NAMES:
        return None
    end = _name_run(toks, j)
    return end if end > j else None  # a full name ("Jeb Bush"), not one capitalised noun


def noun_phrase_after_verb(toks: list[Token], i: int) -> tuple[int, int] | None:
    """The speaker after an inverted verb: "said former Rep. Jane Doe (D-Ore.), who …"."""
    rng = noun_phrase_starting(toks, i)
    if rng is not None or i >= len(toks):
        return rng
    last = None
    for j in range(i, min(len(toks), i + 9)):
        tok = toks[j]
        if not tok.text[:1].isalnum() or tok.word in _AFTER_VERB_STOPS:
            break
        last = j
    return (i, last) if last is not None else None


def sentence_subject(toks: list[Token]) -> tuple[int, int] | None:
    """The subject of a sentence: the first noun phrase followed by a verb.

    Leading connectives are skipped, and so are introductory phrases: "At a rally in Portsmouth,
    N.H., on Tuesday, Senator Jane Doe endorsed …" gives "Senator Jane Doe".
    """
    i = _after_dateline(toks)
    while i < len(toks) and toks[i].word in ("but", "and", "so", "yet", "then", "still", "meanwhile", "also"):
        i += 1
    commas = [j + 1 for j in range(i, min(len(toks), i + 40)) if toks[j].text == ","]
    starts = [i, *commas[:5]]
    for start in starts:
        if _opens_participle_phrase(toks, start):
            continue
        rng = noun_phrase_starting(toks, start)
        if rng and _followed_by_verb(toks, rng[1] + 1):
            return rng
    if i < len(toks) and not _introduces_clause(toks[i]):
        return noun_phrase_starting(toks, i)
    return None


def _after_dateline(toks: list[Token]) -> int:
    """ "PHILADELPHIA, July 25 (UPI) — The committee …": the sentence starts after the dateline."""
    if not toks or not (toks[0].word.isalpha() and toks[0].text.isupper() and len(toks[0].word) > 2):
        return 0
    for j in range(1, min(len(toks), 12)):
        if toks[j].text in ("—", "–", "--"):
            return j + 1
    return 0


def _opens_participle_phrase(toks: list[Token], i: int) -> bool:
    """ "Reprising one of her lines, the senator …": a capitalised participle is not a name."""
    if i + 1 >= len(toks) or not toks[i].capitalised or not toks[i].word.endswith(("ing", "ed")):
        return False
    follower = toks[i + 1]
    if follower.text.islower() and (_is_adverb(follower) or follower.word in ("home", "back", "throughout", "across", "around", "along", "through")):
        return True  # "Smiling broadly throughout her speech, …", "Flying home one night, …"
    return follower.word in DETERMINERS or follower.word in _PARTICIPLE_OBJECT_WORDS


def _followed_by_verb(toks: list[Token], k: int) -> bool:
    if k < len(toks) and toks[k].text == "(":
        # "Gov. Jane Doe (R) blamed …": the party in brackets sits between the name and its verb.
        close = next((j for j in range(k + 1, min(len(toks), k + 8)) if toks[j].text == ")"), None)
        k = close + 1 if close is not None else k
    if k >= len(toks):
        return False
    tok = toks[k]
    return tok.word.isalpha() and tok.text.islower() and tok.word not in _NOT_VERBS


def _introduces_clause(tok: Token) -> bool:
    """ "In 2008, …", "Shortly after the call, …", "Holding signs, …": not the subject."""
    word = tok.word
    return word in _INTRO_WORDS or (word.endswith(("ly", "ing", "ed")) and word not in ("early", "ted", "ned"))


#: Possessives that open a German subject like an article ("ihr Sprecher", "seine Anwältin").
_DE_POSSESSIVES = frozenset(["sein", "seine", "ihr", "ihre", "unser", "unsere", "dessen", "deren"])
#: Capitalised words that end a German speaker phrase: when and where, not who ("am Montag").
_DE_WHEN = frozenset(["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "sonnabend", "abend", "morgen", "mittag", "nachmittag", "vormittag"])
#: Small words inside German names: "Ursula von der Leyen", "Guido zu Putlitz".
_DE_NAME_CONNECTORS = frozenset(["von", "van", "de"])
#: Whom a German speaker tells, in the dative after the speaker ("sagte die Sprecherin der Zeitung"):
#: not a genitive that belongs to the speaker ("die Sprecherin der Stadt").
_DE_MEDIA_ENDINGS = ("zeitung", "agentur", "blatt", "magazin", "sender", "redaktion", "funk", "fernsehen", "nachrichten", "presse", "portal", "dpa", "afp", "bild")


def german_speaker_after(toks: list[Token], i: int) -> tuple[int, int] | None:
    """The German subject that follows its verb ("betonte die Umweltministerin am Montag in Berlin",
    "kündigte FDP-Fraktionschef Christian Dürr an", "so der Sprecher des Ministeriums"): an optional
    article and adjectives, then capitalised words; it ends before a time or place phrase, a particle,
    a dative hearer ("der Zeitung") or anything lower-case."""
    if i >= len(toks):
        return None
    if toks[i].text in SUBJECT_PRONOUNS_BY_LANGUAGE["de"]:
        return i, i
    first = i
    led = toks[i].text in DE_ARTICLES or toks[i].text in _DE_POSSESSIVES
    end = _german_noun_run(toks, i + 1 if led else i)
    if end is None:
        return None
    k = end + 1
    if led and k + 1 < len(toks) and toks[k].text in ("des", "der"):
        # "der Sprecher des Ministeriums": a genitive names whose speaker it is.
        owner = _german_noun_run(toks, k + 1)
        if owner is not None and not (toks[k].text == "der" and toks[owner].word.endswith(_DE_MEDIA_ENDINGS)):
            end = owner
    return first, end


def _name_follows(toks: list[Token], k: int) -> bool:
    if k < len(toks) and toks[k].text == "der":
        k += 1
    return k < len(toks) and toks[k].capitalised


def _german_noun_run(toks: list[Token], i: int) -> int | None:
    """The last of the adjectives and capitalised words from ``i`` ("neue Gesundheitsminister Karl
    Lauterbach"), or None when no capitalised word comes."""
    k = i
    while k < len(toks) and k < i + 3 and toks[k].text.islower() and toks[k].word.isalpha() and toks[k].word.endswith(("e", "en", "er", "es", "em")) and toks[k].text not in DE_ARTICLES:
        k += 1  # adjectives: "die neue Ministerin", "der stellvertretende Vorsitzende"
    last = None
    while k < len(toks) and k < i + 8:
        tok = toks[k]
        aged = tok.text[:1].isdigit() and "-" in tok.text and tok.text.split("-", 1)[1][:1].isupper()  # "der 54-Jährige"
        if (tok.capitalised or aged) and tok.word.replace("-", "").isalnum() and tok.word not in _DE_WHEN and not tok.word.endswith(("abend", "morgen")):
            last = k
        elif last is not None and (tok.text in _DE_NAME_CONNECTORS or (tok.text == "der" and toks[k - 1].text == "von")) and _name_follows(toks, k + 1):
            pass  # "Ursula von der Leyen"
        else:
            break
        if tok.text.endswith(".") and len(tok.word) > 1 and tok.word not in ("dr", "prof", "st"):
            break  # the sentence ends: "… so Karl Lauterbach."
        k += 1
    return last
