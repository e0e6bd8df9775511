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
    #: a reflexive pronoun written onto the verb, before or after it: "s'indigne", "queixou-se"
    reflexive_prefixes: tuple[str, ...] = ()
    reflexive_suffixes: tuple[str, ...] = ()
    #: separable verbs and their particles: "liet X weten", "legde X uit"; the verb is a speech
    #: verb only with its particle later in the clause, and the particle ends the speaker
    separable: dict[str, frozenset[str]] = field(default_factory=dict)

    #: forms of "to be" that make the participle after them a passive ("sera maintenu", "fue criticado")
    passives: frozenset[str] = frozenset()
    #: reflexive pronouns before such a form, which make it a speech verb again ("se sont félicités")
    reflexives: frozenset[str] = frozenset()
    #: words that end a speaker: the separable verbs' particles and "eraan", "erop" before them
    particles: frozenset[str] = frozenset()
    #: determiners of a plural noun phrase ("les agriculteurs"): never who "il" or "elle" is
    plural_determiners: frozenset[str] = frozenset()
    #: past participle endings: such a speech verb credits only after an auxiliary ("a déclaré"), and
    #: ends a noun phrase it follows ("les agriculteurs réunis")
    participles: tuple[str, ...] = ()
    #: words opening a participle's complement: "les agriculteurs réunis devant …", "la note envoyée par …"
    participle_complements: frozenset[str] = frozenset()
    #: gerund endings ("ajoutant", "en regrettant"): a clause whose subject is the speaker before it
    gerunds: tuple[str, ...] = ()
    #: words before a gerund: "en", "tout en"
    gerund_openers: frozenset[str] = frozenset()


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _french(er: str, ir: str = "", agreeing: str = "") -> frozenset[str]:
    """The news forms of regular French verbs given by infinitive: "-er" verbs ("déplorer": déplore,
    déplorent, déploré, déplora, déplorait) and "-ir" verbs of the second group ("réagir": réagit,
    réagi, réagissent); ``agreeing`` are the reflexive ones ("se féliciter"), whose participle agrees
    with the subject after "s'est": félicitée, félicités, félicitées."""
    out = set()
    for verb in er.split():
        stem = verb[:-2]
        past = stem + "e" if stem.endswith("g") else stem[:-1] + "ç" if stem.endswith("c") else stem
        out.update([stem + "e", stem + "ent", stem + "é", past + "a", past + "ait", past + "aient", stem + "èrent"])
    for verb in ir.split():
        stem = verb[:-2]
        out.update([stem + "it", stem + "i", stem + "issent", stem + "issait"])
    for participle in agreeing.split():
        out.update([participle, participle + "e", participle + "s", participle + "es"])
    return frozenset(out)


def _romance(verbs: str, *, language: str) -> frozenset[str]:
    """The news forms of regular Spanish, Portuguese and Italian verbs given by infinitive: third
    persons of the present and the simple past, and the participles (after "ha", "tem", "si è");
    irregular forms are listed apart."""
    endings = {
        # infinitive ending: present sg, present pl, past sg, past pl, participles
        "es": {"ar": "a an ó aron ado", "er": "e en ió ieron ido", "ir": "e en ió ieron ido"},
        "pt": {"ar": "a am ou aram ado", "er": "e em eu eram ido", "ir": "e em iu iram ido"},
        "it": {"are": "a ano ò arono ato ata ati ate", "ere": "e ono é erono", "ire": "e ono ì irono ito ita iti ite"},
    }[language]
    out = set()
    for verb in verbs.split():
        group = next(group for group in endings if verb.endswith(group))
        out.update(verb[: -len(group)] + ending for ending in endings[group].split())
    return frozenset(out)


def _russian(past: str, present: str = "") -> frozenset[str]:
    """Russian past forms from the stem before "л" ("пообеща": пообещал, пообещала, пообещали;
    "возмути-ся": возмутился, возмутилась, возмутились) and present forms as written; "ё" also as "е"."""
    out = set()
    for stem in past.split():
        if stem.endswith("-ся"):
            stem = stem[:-3]
            out.update([stem + "лся", stem + "лась", stem + "лись"])
        else:
            out.update([stem + "л", stem + "ла", stem + "ли"])
    out.update(present.split())
    return frozenset(out | {word.replace("ё", "е") for word in out})


_DAYS_FR = "Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche"
_DAYS_ES = "Lunes Martes Miércoles Jueves Viernes Sábado Domingo"

#: Dutch separable speech verbs and their particles: "liet X weten", "legde X uit", "voegde X eraan toe".
_SEPARABLE_NL: dict[str, frozenset[str]] = {
    verb: _words(particles)
    for verbs, particles in (
        ("liet laat lieten laten", "weten"),
        ("legde legt legden", "uit"),
        ("voegde voegt voegden", "toe"),
        ("merkte merkt merkten", "op"),
        ("gaf geeft gaven", "toe aan"),
        ("lichtte licht", "toe"),
        ("wierp werpt", "tegen"),
        ("hield houdt", "vol"),
        ("vulde vult", "aan"),
        ("riep roept", "op uit"),
        ("kondigde kondigt", "aan"),
        ("wees wijst", "op erop"),
        ("haalde haalt", "uit aan"),
        ("stelde stelt", "gerust voor vast"),
        ("zette zet", "uiteen"),
        ("sprak spreekt", "uit tegen"),
        ("ging gaat", "verder"),
        ("vatte vat", "samen"),
        ("juichte juicht", "toe"),
        ("sloot sluit", "af"),
        ("deed doet", "uiteen"),
    )
    for verb in verbs.split()
}

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
            "déclarait disait affirmait expliquait ajoutait estimait prédit prédisent"
        )
        | _french(
            "déclarer affirmer expliquer ajouter estimer souligner indiquer préciser assurer insister confier "
            "lancer anticiper pronostiquer rappeler observer commenter raconter marteler annoncer juger regretter dénoncer tweeter "
            "confirmer ironiser résumer lâcher témoigner répliquer rétorquer riposter déplorer critiquer "
            "saluer féliciter indigner insurger emporter agacer alarmer étonner exclamer interroger désoler "
            "lamenter amuser moquer offusquer excuser justifier détailler développer argumenter avancer "
            "nuancer rassurer alerter clamer proclamer témoigner souffler murmurer plaisanter "
            "railler pester fustiger épingler tacler condamner accuser reprocher redouter souhaiter prôner "
            "exhorter réclamer exiger demander supplier implorer plaider recommander conseiller proposer "
            "signaler relativiser minimiser tempérer avouer confesser nier contester réfuter rectifier "
            "objecter opposer menacer jurer engager révéler dévoiler évoquer pointer noter "
            "constater analyser décrypter considérer penser trancher glisser balayer enchaîner embrayer "
            "abonder appuyer continuer poursuivre insister tonner fulminer tempêter lancer renchérir "
            "remarquer arguer tancer sermonner fanfaronner attaquer",
            "réagir renchérir avertir applaudir garantir",
            "félicité réjoui indigné insurgé emporté agacé alarmé inquiété étonné exclamé interrogé désolé "
            "lamenté plaint amusé moqué offusqué excusé justifié engagé défendu expliqué demandé souvenu "
            "dit",
        )
        | _words(
            "réjouit réjouissent réjouissait plaint plaignent plaignait inquiète inquiètent souvient "
            "répète répètent répété répéta réitère réitéré révèle révèlent considère considèrent espère "
            "espéré suggère suggéré concède concédé assène assené asséné martèlent relève relevé releva "
            "rappellent appelle appellent appelé appela interpelle interpellé promettent promit admet "
            "admis admettent reconnaissent reconnut prévenu prévint avertissent soutient soutenu soutint "
            "soutiennent maintient maintenu défend défendent défendu défendit répondent répond répondu "
            "dément démenti démentent décrit décrivent écrit écrivent croit croient cru craint craignent "
            "redoute sourit souri rit conclu concluent poursuivent poursuivi reprend repris reprit "
            "savoir valoir remarquer observer"
        ),
        auxiliaries=_words(
            "a ont avait avaient aurait auraient aussi également encore ensuite alors enfin "
            "se s'est s’est s'était s’était s'étaient s’étaient sont fait lui leur nous vous"
        ),
        credits=("selon", "d'après", "d’après"),
        pronouns=_words("il elle ils elles"),
        plural_determiners=_words("les des ses leurs ces mes tes nos vos plusieurs certains certaines"),
        determiners=_words("le la les l un une des du de d ce cet cette ces son sa ses leur leurs notre votre"),
        not_names=_words(
            "Le La Les L Un Une Des Du De D Ce Cet Cette Ces Son Sa Ses Leur Leurs Il Elle Ils Elles On Et Mais "
            "Ou Donc Or Ni Car Pour Dans En Sur Selon Après Avant Depuis Lors Avec Sans Quand Si Comme Alors "
            "Puis Enfin Cependant Pourtant Ainsi Aujourd'hui Hier Demain Là Ici Par Chez Entre Vers Nous Vous "
            "Je Tu Oui Non Au Aux À Qui Que Quoi Où Quant Quelques Plusieurs Certains Certaines Celle Celui "
            "Ceux Celles Chaque Tous Toutes Tout Aucun Aucune Cela Ceci " + _DAYS_FR
        ),
        stops=_words(
            "qui que qu dont où lors dans à au aux auprès en pour sur avec par devant après avant selon mais et car "
            "lundi mardi mercredi jeudi vendredi samedi dimanche hier mercredi ce cette jeudi"
        ),
        connectors=_words("de du des d la le l"),
        titles=_words("M Mme Mlle Me Dr Pr"),
        inverted_pronouns=True,
        addressees=_words("à au aux auprès"),
        participles=("é", "ée", "és", "ées", "is"),
        participle_complements=_words("par en à au aux pour dans sur lors depuis devant avec auprès contre chez"),
        gerunds=("ant",),
        gerund_openers=_words("en tout"),
        reflexive_prefixes=("s'", "s’"),
        passives=_words("est sont sera seront serait seraient était étaient été être"),
        reflexives=_words("se"),
        prepositions=_words("de d du des"),
        adverbial_heads=_words("part côté tour"),
        times=_words("lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui aujourd’hui matin soir midi encore aussi également ensuite lendemain veille "
            "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
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
            "preguntó exclamó relató relata denunció confesó puntualizó matizó prevé prevén previó previeron "
            "dicho afirmado declarado explicado añadido asegurado señalado indicado "
            "dijeron afirmaron declararon explicaron aseguraron señalaron indicaron añadieron"
        )
        | _romance(
            "afirmar declarar explicar añadir asegurar señalar indicar agregar comentar subrayar destacar "
            "manifestar insistir precisar contar admitir apuntar recordar expresar anunciar preguntar exclamar "
            "relatar denunciar confesar puntualizar matizar criticar lamentar reprochar reclamar replicar "
            "contestar responder reaccionar celebrar saludar alabar elogiar felicitar valorar calificar "
            "considerar estimar juzgar opinar pensar creer avisar alertar prometer garantizar jurar "
            "aseverar pronosticar vaticinar augurar reiterar insistir remarcar enfatizar recalcar resaltar aclarar detallar revelar desvelar "
            "confirmar negar desmentir rechazar acusar atacar cargar arremeter bromear ironizar resumir "
            "concluir zanjar lanzar deslizar espetar sentenciar proclamar defender justificar argumentar "
            "explicar narrar relatar rememorar evocar avanzar anticipar informar comunicar exigir pedir "
            "demandar solicitar instar urgir reivindicar quejar indignar mostrar congratular felicitar "
            "alegrar sincerar continuar proseguir agregar incidir abundar zanjar sostener apostillar "
            "tuitear escribir responder temer prometer sostener defender entender reconocer añadir insistir "
            "admitir advertir sentenciar escribir aludir discernir",
            language="es",
        )
        | _words(
            "advirtió advierte advierten advirtieron recuerdan pidió pide piden pidieron niega niegan "
            "negó concluyó concluye concluyen sostuvo sostiene sostienen sostenido reconoció reconoce "
            "reconocen confiesa confiesan defiende defienden cree creen creyó piensa piensan dicen "
            "dijeron manifiesta expresado escrito dicho muestra sentencia quejó mostró alegró desmiente "
            "desmienten "
            "desmintió desmentido machacó machaca"
        ),
        auxiliaries=_words("ha han había habían habría también además luego se"),
        credits=("según", "de acuerdo con"),
        pronouns=_words("él ella ellos ellas"),
        plural_determiners=_words("los las sus unos unas estos estas esos esas varios varias"),
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
        passives=_words("es son fue fueron era eran sido será serán sería ser"),
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
        )
        | _romance(
            "dichiarare spiegare affermare sottolineare osservare precisare commentare ricordare annunciare "
            "assicurare raccontare rilevare evidenziare insistere replicare ribattere criticare attaccare "
            "denunciare lamentare accusare deplorare rimarcare incalzare tuonare ammonire avvertire "
            "confermare negare smentire rivelare confessare spiegare dettagliare chiarire giudicare "
            "considerare stimare pensare domandare reclamare esortare invocare auspicare sperare "
            "ironizzare scherzare sintetizzare concludere lanciare accusare esultare salutare elogiare "
            "festeggiare congratulare rassicurare garantire promettere continuare proseguire aggiungere "
            "argomentare motivare puntualizzare chiosare sbottare attaccare bacchettare stigmatizzare "
            "twittare postare evidenziare segnalare avvisare minacciare ammettere esclamare rispondere "
            "incalzare rilanciare rammaricare difendere ammettere ribadire ripetere temere avvertire "
            "chiarire garantire ammonire ribadire",
            language="it",
        )
        | _words(
            "dice dicono detto detta dissero prevede prevedono previsto previde chiede chiedono chiesto chiese risposto rispose ammesso ammise "
            "promesso promise sostiene sostengono sostenuto sostenne difende difeso difese scritto scrisse "
            "aggiunto aggiunse concluso concluse ribadisce ribadiscono chiarisce garantisce ammonisce "
            "avverte avvertono crede credono creduto ritiene ritengono ritenuto ritenne riconosce "
            "riconosciuto riconobbe rivendica rivendicato rilancia spiega insiste insistito insistette "
            "esordisce esordito tuona incalza osserva ammette sbotta dichiara rimarca sottolinea reagisce "
            "reagito reagì ribattuto smentisce"
        ),
        auxiliaries=_words("ha hanno aveva avevano avrebbe anche poi inoltre si è sono"),
        credits=("secondo", "a detta di", "stando a"),
        pronouns=_words("lui lei egli ella loro"),
        plural_determiners=_words("i gli le loro questi queste quei quegli alcuni alcune"),
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
        passives=_words("è sono stato stata stati state era erano fu furono sarà saranno sarebbe viene vengono"),
        reflexives=_words("si"),
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
        )
        | _romance(
            "afirmar declarar explicar acrescentar assegurar garantir sublinhar salientar destacar ressaltar "
            "indicar observar comentar lembrar recordar considerar alertar avisar frisar criticar lamentar "
            "deplorar denunciar acusar atacar reagir replicar retorquir contestar insistir reiterar "
            "rejeitar vaticinar sentenciar rebater confirmar negar revelar admitir confessar assumir julgar pensar acreditar perguntar questionar "
            "pedir exigir reclamar apelar elogiar saudar congratular felicitar queixar regozijar insurgar "
            "mostrar prometer jurar assegurar brincar ironizar gracejar resumir concluir rematar lançar "
            "atirar disparar continuar prosseguir adiantar avançar precisar pormenorizar detalhar explicitar "
            "realçar enfatizar vincar reforçar notar constatar argumentar justificar desabafar contar relatar "
            "anunciar informar esclarecer clarificar sustentar apontar declarar defender responder escrever "
            "prometer esclarecer reconhecer entender temer admitir insistir concluir reagir assumir "
            "retorquir garantir sugerir prosseguir",
            language="pt",
        )
        | _words(
            "diz dizem disse disseram dito prevê preveem previu previram afirma pede pedem pediu pediram pedido lê crê acredita "
            "escrito sustenta sustentou insurgiu-se mantém manteve mantido reconhece deplora frisa vinca"
        ),
        auxiliaries=_words("tem têm tinha tinham havia também ainda se"),
        credits=("segundo", "de acordo com", "conforme"),
        pronouns=_words("ele ela eles elas"),
        plural_determiners=_words("os as seus suas uns umas estes estas esses essas vários várias"),
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
        reflexive_suffixes=("-se",),
        passives=_words("é são foi foram era eram sido será serão seria ser"),
    ),
    "nl": Lexicon(
        pronoun_gender={"hij": "m"},
        verbs=_words(
            "zei zegt zeiden zeggen verklaarde verklaart verklaarden stelde stelt benadrukte benadrukt vertelde "
            "vertelt schreef schrijft antwoordde antwoordt waarschuwde waarschuwt meldde meldt erkende erkent "
            "reageerde reageert vond vindt gezegd verklaard benadrukt geschreven "
            "reageren reageerden vinden vonden stellen stelden waarschuwen waarschuwden benadrukken "
            "benadrukten onderstreepte onderstreept beloofde belooft beloven beloofden beloofd betreurde "
            "betreurt betreuren betreurd verwelkomde verwelkomt bekritiseerde bekritiseert hekelde hekelt "
            "hekelen vroeg vraagt vroegen vragen eiste eist eisen eisten beschuldigde beschuldigt grapte "
            "grapt concludeerde concludeert bevestigde bevestigt bevestigd ontkende ontkent ontkend "
            "onthulde onthult meende meent menen denkt dacht denken gelooft geloofde verwacht verwachtte "
            "vreest vreesde vrezen hoopt hoopte hopen tweette twitterde constateerde constateert opperde "
            "pleitte pleit bepleitte klaagde klaagt protesteerde verweet verwijt verzekerde verzekert "
            "beweerde beweert verduidelijkte preciseerde herhaalde herhaalt benadrukt verzuchtte verzucht "
            "zuchtte lachte riposteerde sneerde sneert countert counterde kaatste bromde mopperde "
            "oordeelde oordeelt beaamde beaamt verdedigde verdedigt vervolgde vervolgt besloot "
            "antwoordden antwoorden schreven schrijven vertelden vertellen erkenden"
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
        separable=_SEPARABLE_NL,
        particles=frozenset().union(*_SEPARABLE_NL.values(), _words("eraan erop erbij")),
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
        )
        | _russian(
            "заяви сказа отмети подчеркну поясни добави сообщи рассказа призна объясни указа написа ответи "
            "предупреди замети констатирова завери уточни пообеща обеща раскритикова критикова посетова "
            "сетова отреагирова возрази парирова напомни повтори подтверди опровергну отрица "
            "прокомментирова комментирова спрогнозирова прогнозирова раскры полага посчита оцени заключи резюмирова подытожи продолжи попроси "
            "потребова призва обвини упрекну пошути съязви броси выпали выда настоя настаива высказа "
            "осуди вырази рассуди спроси подчёркива подчеркива отмеча говори заявля объясня "
            "поясня рассказыва уточня призыва требова счита полага признава предупрежда "
            "приветствова поприветствова сожале пожале возмути-ся пожалова-ся призна-ся поинтересова-ся "
            "удиви-ся порадова-ся "
            "похвали-ся возмуща-ся жалова-ся подели-ся",
            "считает считают прогнозирует прогнозируют полагает полагают говорит говорят уверен уверена уверены убеждён убеждена "
            "убеждены отмечает отмечают подчёркивает подчёркивают поясняет поясняют объясняет объясняют "
            "рассказывает рассказывают заявляет заявляют добавляет добавляют признаёт признают "
            "утверждает утверждают настаивает настаивают предупреждает предупреждают сетует сетуют "
            "возмущается возмущаются жалуется жалуются уточняет уточняют констатирует констатируют "
            "резюмирует напоминает напоминают замечает замечают пишет пишут обещает обещают критикует "
            "критикуют призывает призывают требует требуют возражает возражают отвечает отвечают "
            "сообщает сообщают подтверждает подтверждают поделился поделилась поделились "
            "сожалеет сожалеют приветствует приветствуют сочёл сочла сочли счёл опроверг опровергла "
            "опровергли делится делятся рассуждает рассуждают уверяет уверяют",
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
