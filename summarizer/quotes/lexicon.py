"""Speech verbs, credit words and the small words around speakers in French, Spanish, Italian,
Portuguese, Dutch and Russian: one table a language, read by :mod:`.credited`.

English and German have their own rules (:mod:`.mentions`, :mod:`.speakers`). A language is added
here by adding one ``Lexicon``; verb forms are single words (participles and finite forms), and the
auxiliaries that may come before a participle ("a déclaré", "ha detto", "heeft gezegd") are listed
apart, so the speaker before "a déclaré" is found before the auxiliary.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Lexicon:
    #: speech verbs, lower-case single words
    verbs: frozenset[str]
    #: auxiliaries and adverbs that may stand between a subject and its speech verb
    auxiliaries: frozenset[str]
    #: credit words followed by the speaker: "selon", "según", "volgens"; lower-case, may be two words
    credits: tuple[str, ...]
    #: subject pronouns that credit a quote to a person named earlier
    pronouns: frozenset[str]
    #: articles, demonstratives, possessives: never a speaker on their own
    determiners: frozenset[str]
    #: capitalised words that start sentences but are not names
    not_names: frozenset[str]
    #: words that end a speaker's noun phrase ("qui", "dans", "que")
    stops: frozenset[str]
    #: small words inside names and noun phrases ("de", "van", "da")
    connectors: frozenset[str]
    #: titles written before a name with a full stop ("M.", "Dr.")
    titles: frozenset[str] = frozenset()
    #: no articles: a bare lower-case noun phrase after the verb is a speaker ("заявил министр")
    bare_nouns: bool = False
    #: a speech verb followed by an attached pronoun: "dit-il", "a-t-elle"
    inverted_pronouns: bool = False
    #: words that introduce whom the speaker told, between verb and speaker: "à" ("a dit à l'AFP X")
    addressees: frozenset[str] = frozenset()
    #: "f" or "m" for the pronouns that tell ("elle", "он")
    pronoun_gender: dict[str, str] = field(default_factory=dict)
    #: first-name endings that tell a gender when the shipped list does not know the name
    name_endings: tuple[tuple[str, str], ...] = ()
    #: first names whose gender differs from the shipped (English) list or the endings: French "Jean"
    first_names: dict[str, str] = field(default_factory=dict)
    #: determiners that are also prepositions ("de", "d'"): a noun phrase never starts with one
    prepositions: frozenset[str] = frozenset()
    #: nouns of adverbials that sit between a subject and its verb: "pour sa part", "de son côté"
    adverbial_heads: frozenset[str] = frozenset()
    #: days and time words that may stand between a verb and its speaker ("a déclaré mercredi X")
    times: frozenset[str] = frozenset()
    #: words that open a time phrase before one of ``times``: "ce matin", "este lunes", "в среду"
    time_openers: frozenset[str] = frozenset()


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DAYS_FR = "Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche"
_DAYS_ES = "Lunes Martes Miércoles Jueves Viernes Sábado Domingo"

LEXICONS: dict[str, Lexicon] = {
    "fr": Lexicon(
        pronoun_gender={"il": "m", "elle": "f"},
        first_names={"jean": "m", "laurent": "m", "pascal": "m", "nicolas": "m", "pierre": "m", "louis": "m", "hugo": "m", "luc": "m", "paul": "m", "anne": "f", "claire": "f", "sophie": "f", "inès": "f", "léa": "f", "chloé": "f", "élise": "f"},
        verbs=_words(
            "déclaré dit affirmé expliqué ajouté estimé souligné indiqué précisé assuré insisté confié lancé "
            "répondu rappelé observé commenté raconté reconnu prévenu martelé averti annoncé jugé poursuivi "
            "conclu regretté dénoncé écrit tweeté confirmé promis répété ironisé résumé lâché témoigné "
            "déclare affirme explique ajoute estime souligne indique précise assure insiste confie répond "
            "rappelle observe commente raconte reconnaît prévient martèle avertit annonce poursuit conclut "
            "regrette dénonce confirme promet répète ironise résume lâche témoigne "
            "déclara affirma expliqua ajouta estima souligna indiqua précisa assura répondit lança "
            "déclarent disent affirment expliquent ajoutent estiment soulignent indiquent assurent "
            "déclarait disait affirmait expliquait ajoutait estimait"
        ),
        auxiliaries=_words("a ont avait avaient aurait auraient aussi également encore ensuite alors enfin"),
        credits=("selon", "d'après", "d’après"),
        pronouns=_words("il elle ils elles"),
        determiners=_words("le la les l un une des du de d ce cet cette ces son sa ses leur leurs notre votre"),
        not_names=_words(
            "Le La Les L Un Une Des Du De D Ce Cet Cette Ces Son Sa Ses Leur Leurs Il Elle Ils Elles On Et Mais "
            "Ou Donc Or Ni Car Pour Dans En Sur Selon Après Avant Depuis Lors Avec Sans Quand Si Comme Alors "
            "Puis Enfin Cependant Pourtant Ainsi Aujourd'hui Hier Demain Là Ici Par Chez Entre Vers Nous Vous "
            "Je Tu Oui Non Au Aux À Qui Que Quoi Où " + _DAYS_FR
        ),
        stops=_words(
            "qui que qu dont où lors dans à au aux en pour sur avec par devant après avant selon mais et car "
            "lundi mardi mercredi jeudi vendredi samedi dimanche hier mercredi ce cette jeudi"
        ),
        connectors=_words("de du des d la le l"),
        titles=_words("M Mme Mlle Me Dr Pr"),
        inverted_pronouns=True,
        addressees=_words("à au aux"),
        prepositions=_words("de d du des"),
        adverbial_heads=_words("part côté tour"),
        times=_words("lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui aujourd’hui matin soir midi encore aussi également ensuite lendemain veille"),
        time_openers=_words("ce cette le la"),
    ),
    "es": Lexicon(
        pronoun_gender={"él": "m", "ella": "f"},
        first_names={"josé": "m", "andrés": "m", "inés": "f", "isabel": "f", "carmen": "f", "pilar": "f", "raquel": "f"},
        name_endings=(("a", "f"), ("o", "m")),
        verbs=_words(
            "dijo dice afirmó afirma declaró declara explicó explica añadió añade aseguró asegura señaló señala "
            "indicó indica agregó agrega comentó comenta subrayó subraya destacó destaca advirtió advierte "
            "manifestó manifiesta sostuvo sostiene reconoció reconoce insistió insiste precisó respondió responde "
            "contó admitió apuntó apunta recordó recuerda concluyó expresó anunció anuncia escribió escribe "
            "preguntó exclamó relató relata denunció confesó puntualizó matizó "
            "dicho afirmado declarado explicado añadido asegurado señalado indicado "
            "dijeron afirmaron declararon explicaron aseguraron señalaron indicaron añadieron"
        ),
        auxiliaries=_words("ha han había habían habría también además luego"),
        credits=("según", "de acuerdo con"),
        pronouns=_words("él ella ellos ellas"),
        determiners=_words("el la los las un una unos unas lo su sus este esta estos estas ese esa"),
        not_names=_words(
            "El La Los Las Un Una Unos Unas Lo Su Sus Este Esta Ese Esa Y Pero O En De Del Con Por Para Según "
            "Tras Ante Desde Sin Sobre Cuando Si Como Él Ella Ellos Ellas Hoy Ayer También Además Al Que Quien "
            "Así Entonces Sí No Nosotros " + _DAYS_ES
        ),
        stops=_words("que quien quienes cuyo en a al durante tras ante con para por desde y pero este esta hoy ayer"),
        connectors=_words("de del la las los y"),
        titles=_words("Sr Sra Srta Dr Dra D Dña"),
        addressees=_words("a al"),
        times=_words("lunes martes miércoles jueves viernes sábado domingo ayer hoy también además luego mañana tarde noche"),
        time_openers=_words("este esta el la"),
    ),
    "it": Lexicon(
        pronoun_gender={"lui": "m", "egli": "m", "lei": "f", "ella": "f", "essa": "f"},
        first_names={"andrea": "m", "luca": "m", "nicola": "m", "mattia": "m", "elia": "m", "enea": "m"},
        name_endings=(("a", "f"), ("o", "m")),
        verbs=_words(
            "detto dichiarato spiegato aggiunto affermato sottolineato osservato precisato commentato ricordato "
            "annunciato assicurato ammesso risposto scritto raccontato concluso avvertito rilevato evidenziato "
            "ribadito insistito dice dichiara spiega aggiunge afferma sottolinea osserva precisa commenta ricorda "
            "annuncia assicura ammette risponde scrive racconta conclude avverte ribadisce "
            "disse dichiarò spiegò aggiunse affermò sottolineò osservò precisò commentò ricordò"
        ),
        auxiliaries=_words("ha hanno aveva avevano avrebbe anche poi inoltre"),
        credits=("secondo", "a detta di", "stando a"),
        pronouns=_words("lui lei egli ella loro"),
        determiners=_words("il lo la l i gli le un uno una un' suo sua suoi sue questo questa"),
        not_names=_words(
            "Il Lo La L Le I Gli Un Uno Una E Ma O In Di Da Con Per Su Tra Fra Secondo Dopo Prima Quando Se "
            "Come Anche Oggi Ieri Lui Lei Questo Questa Nel Nella Al Alla Del Della Che Chi Così Poi Sì No "
            "Lunedì Martedì Mercoledì Giovedì Venerdì Sabato Domenica"
        ),
        stops=_words("che chi cui in a al alla nel nella durante per con su dopo e ma oggi ieri"),
        connectors=_words("di de del della da la lo d"),
        titles=_words("Dott Dr Sig Prof On"),
        addressees=_words("a al alla ai all"),
        times=_words("lunedì martedì mercoledì giovedì venerdì sabato domenica ieri oggi anche poi mattina sera"),
        time_openers=_words("questa questo stamattina"),
    ),
    "pt": Lexicon(
        pronoun_gender={"ele": "m", "ela": "f"},
        first_names={"joão": "m", "josé": "m", "luís": "m", "inês": "f", "isabel": "f", "raquel": "f"},
        name_endings=(("a", "f"), ("o", "m")),
        verbs=_words(
            "disse diz afirmou afirma declarou declara explicou explica acrescentou acrescenta assegurou garantiu "
            "garante sublinhou salientou destacou destaca ressaltou indicou referiu observou comentou lembrou "
            "recordou admitiu reconheceu respondeu escreveu contou concluiu anunciou alertou avisou defendeu "
            "defende considerou considera frisou dito afirmado declarado "
            "disseram afirmaram declararam explicaram garantiram"
        ),
        auxiliaries=_words("tem têm tinha tinham havia também ainda"),
        credits=("segundo", "de acordo com", "conforme"),
        pronouns=_words("ele ela eles elas"),
        determiners=_words("o a os as um uma uns umas seu sua seus suas este esta esse essa"),
        not_names=_words(
            "O A Os As Um Uma E Mas Ou Em No Na Nos Nas De Do Da Dos Das Com Por Para Segundo Após Antes Quando "
            "Se Como Também Hoje Ontem Ele Ela Eles Elas Ao À Que Quem Assim Sim Não Conforme"
        ),
        stops=_words("que quem em no na nos nas durante para com após ao à e mas hoje ontem"),
        connectors=_words("da de do dos das e"),
        titles=_words("Sr Sra Dr Dra"),
        addressees=_words("ao à aos"),
        times=_words("segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo ontem hoje também ainda"),
        time_openers=_words("nesta neste na no"),
    ),
    "nl": Lexicon(
        pronoun_gender={"hij": "m"},
        verbs=_words(
            "zei zegt zeiden zeggen verklaarde verklaart verklaarden stelde stelt benadrukte benadrukt vertelde "
            "vertelt schreef schrijft antwoordde antwoordt waarschuwde waarschuwt meldde meldt erkende erkent "
            "reageerde reageert vond vindt gezegd verklaard benadrukt geschreven"
        ),
        auxiliaries=_words("heeft hebben had hadden ook nog"),
        credits=("volgens", "aldus"),
        pronouns=_words("hij zij ze"),
        determiners=_words("de het een zijn haar hun deze die dit"),
        not_names=_words(
            "De Het Een En Maar Of In Op Aan Van Met Voor Na Bij Volgens Toen Als Ook Dat Die Dit Deze Hij Zij "
            "Ze Wij We Vandaag Gisteren Ik Er Daar Hier Dan Nu Zo Ja Nee Aldus"
        ),
        stops=_words("die dat in op aan met voor na bij tijdens en maar want vandaag gisteren tegen"),
        connectors=_words("van de der den het ter"),
        titles=_words("Dr Mr Ir Drs Prof"),
        addressees=_words("tegen aan"),
        times=_words("maandag dinsdag woensdag donderdag vrijdag zaterdag zondag gisteren vandaag ook nog"),
    ),
    "ru": Lexicon(
        pronoun_gender={"он": "m", "она": "f"},
        first_names={"никита": "m", "илья": "m", "кузьма": "m", "фома": "m", "любовь": "f"},
        name_endings=(("а", "f"), ("я", "f"), ("й", "m"), ("р", "m"), ("н", "m"), ("в", "m"), ("г", "m"), ("л", "m"), ("м", "m"), ("с", "m"), ("д", "m"), ("т", "m")),
        verbs=_words(
            "заявил заявила заявили сказал сказала сказали отметил отметила отметили подчеркнул подчеркнула "
            "подчеркнули пояснил пояснила пояснили добавил добавила добавили сообщил сообщила сообщили "
            "рассказал рассказала рассказали считает считают говорит говорят признал признала объяснил "
            "объяснила указал указала написал написала ответил ответила предупредил предупредила заметил "
            "заметила констатировал заверил заверила уточнил уточнила"
        ),
        auxiliaries=_words("также тоже уже ещё еще затем"),
        credits=("по словам", "по мнению"),
        pronouns=_words("он она они"),
        determiners=_words("этот эта это эти"),
        not_names=_words(
            "В На По И Но А Он Она Они Это Как Что Так При После До Для С Со Из К От За Об О Также Сегодня Вчера "
            "Мы Вы Я Ты Да Нет Если Когда Уже Там Здесь"
        ),
        stops=_words("который которая которые что в на во время после и но а сегодня вчера"),
        connectors=frozenset(),
        bare_nouns=True,
        times=_words("понедельник вторник среду четверг пятницу субботу воскресенье вчера сегодня также тоже"),
        time_openers=_words("в во"),
    ),
}
