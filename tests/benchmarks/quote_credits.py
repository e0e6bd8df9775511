"""Who said it, on news sentences in seven languages: each sentence one quote and one credit, written
for this check (everyday reporting verbs and credit shapes: "», a réagi le ministre …, X", "», s'est
félicité X", "», criticó el alcalde de Vigo, X", "”, liet burgemeester X weten", "», — пообещал
министр X", "“, entgegnete X", "“, so X"). Prints JSON: how many get the right speaker, per language, and
the misses. A German speaker is right when it ends with the name (the German rules keep the title
before it: "Außenministerin Annalena Baerbock").

With ../shared/eval/news/orangesum_dev.jsonl present it also counts, over its 500 French articles (no
speaker gold), how many quotes get a speaker at all.

Usage: python tests/benchmarks/quote_credits.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from summarizer.quotes import extract
from tests.benchmarks.machine import EVAL, machine

#: (language, sentence, speaker)
SENTENCES: list[tuple[str, str, str]] = [
    ("fr", "« Les usagers ne doivent pas être pris en otage », a réagi le ministre des Transports, Clément Beaune, sur franceinfo.", "Clément Beaune"),
    ("fr", "« Cette réforme est une erreur historique », a fustigé la députée Mathilde Panot.", "Mathilde Panot"),
    ("fr", "« Nous irons jusqu'au bout de cette bataille », lance Sophie Binet, secrétaire générale de la CGT.", "Sophie Binet"),
    ("fr", "« Le gouvernement n'a rien compris à la colère des agriculteurs », déplore Arnaud Rousseau.", "Arnaud Rousseau"),
    ("fr", "« Il n'y aura pas de hausse d'impôts cette année », a rétorqué le ministre Bruno Le Maire.", "Bruno Le Maire"),
    ("fr", "« Nous avons besoin de plus de médecins dans nos campagnes », plaide le maire Jean Dupont.", "Jean Dupont"),
    ("fr", "« Ce résultat est une très bonne nouvelle pour le club », s'est félicité l'entraîneur Franck Haise.", "Franck Haise"),
    ("fr", "« La situation reste très tendue dans le quartier », a détaillé le préfet Laurent Nuñez.", "Laurent Nuñez"),
    ("fr", "« On ne lâchera rien face à la direction », a martelé la syndicaliste Claire Martin.", "Claire Martin"),
    ("fr", "« Les chiffres de la délinquance sont en baisse », a tempéré le procureur Rémy Heitz.", "Rémy Heitz"),
    ("de", "„Das ist reine Symbolpolitik“, entgegnete der Verkehrsminister Volker Wissing.", "Volker Wissing"),
    ("de", "„Wir werden das im Bundestag nicht mittragen“, kritisierte FDP-Fraktionschef Christian Dürr.", "Christian Dürr"),
    ("de", "„Die Mehrheit unserer Mitglieder ist inzwischen dafür“, ergänzte ADAC-Präsident Christian Reinicke.", "Christian Reinicke"),
    ("de", "„Ein Tempolimit rettet Leben und schützt das Klima“, betonte die Umweltministerin am Montag in Berlin.", "die Umweltministerin"),
    ("de", "„Wir müssen jetzt schnell handeln“, mahnte Bundeskanzler Olaf Scholz.", "Olaf Scholz"),
    ("de", "„Die Lage ist ernst, aber nicht hoffnungslos“, so Gesundheitsminister Karl Lauterbach.", "Karl Lauterbach"),
    ("de", "„Das Projekt kommt viel zu spät für die Pendler“, beklagte die Bürgermeisterin Anna Schmidt.", "Anna Schmidt"),
    ("de", "„Wir haben alle Regeln eingehalten“, versicherte Vorstandschef Martin Weber am Dienstag.", "Martin Weber"),
    ("de", "„Die Preise werden weiter steigen“, warnte Ökonom Marcel Fratzscher im Interview.", "Marcel Fratzscher"),
    ("de", "„Wir haben die Erwartungen übertroffen“, erläuterte Finanzvorstand Peter Klein.", "Peter Klein"),
    ("es", "«Es una decisión injusta y la vamos a recurrir», criticó el alcalde de Vigo, Abel Caballero.", "Abel Caballero"),
    ("es", "«No hay ningún riesgo para la población», aseveró la consejera de Sanidad, Ana Pastor.", "Ana Pastor"),
    ("es", "«Vamos a ganar estas elecciones», sentenció Pedro Sánchez ante sus simpatizantes.", "Pedro Sánchez"),
    ("es", "«El acuerdo llega demasiado tarde», lamentó el portavoz sindical Luis Gómez.", "Luis Gómez"),
    ("es", "«Las cifras hablan por sí solas», remarcó la ministra Nadia Calviño.", "Nadia Calviño"),
    ("it", "«È una scelta sbagliata», ha replicato il segretario del Pd Elly Schlein.", "Elly Schlein"),
    ("it", "«Non ci sono rischi per i cittadini», ha sostenuto il ministro Orazio Schillaci.", "Orazio Schillaci"),
    ("it", "«Il governo deve intervenire subito», attacca Giuseppe Conte.", "Giuseppe Conte"),
    ("it", "«La situazione è sotto controllo», ha chiarito il prefetto Marco Rossi.", "Marco Rossi"),
    ("pt", "«É uma decisão injusta», criticou o presidente da câmara, Carlos Moedas.", "Carlos Moedas"),
    ("pt", "«Não há qualquer risco para a população», garantiu a ministra da Saúde, Ana Paula Martins.", "Ana Paula Martins"),
    ("pt", "«Vamos recorrer da decisão», reiterou o advogado Pedro Costa.", "Pedro Costa"),
    ("pt", "«O acordo chega tarde demais», lamentou o sindicalista João Silva.", "João Silva"),
    ("nl", "„Dit is een historische dag voor de stad”, liet burgemeester Femke Halsema weten.", "Femke Halsema"),
    ("nl", "„We hebben geen andere keuze”, legde minister Hugo de Jonge uit.", "Hugo de Jonge"),
    ("nl", "„De cijfers zijn zorgwekkend”, waarschuwde RIVM-directeur Jaap van Dissel.", "Jaap van Dissel"),
    ("nl", "„Het is een goede dag voor Nederland”, aldus premier Mark Rutte.", "Mark Rutte"),
    ("nl", "„Het plan komt veel te laat”, vindt wethouder Rutger Groot Wassink.", "Rutger Groot Wassink"),
    ("ru", "«Ситуация находится под контролем», — подчеркнул губернатор Александр Беглов.", "Александр Беглов"),
    ("ru", "«Мы не планируем повышать налоги», — пообещал министр финансов Антон Силуанов.", "Антон Силуанов"),
    ("ru", "«Цены на бензин стабилизируются к осени», — полагает экономист Сергей Петров.", "Сергей Петров"),
    ("ru", "«Это решение давно назрело», — прокомментировал депутат Госдумы Андрей Исаев.", "Андрей Исаев"),
    ("ru", "«Мы ждём ответа от партнёров», — напомнила официальный представитель МИД Мария Захарова.", "Мария Захарова"),
    ("fr", "« Nous ne céderons pas au chantage », a averti la Première ministre Élisabeth Borne.", "Élisabeth Borne"),
    ("fr", "« Le compte n'y est pas », regrette Philippe Martinez, à la tête de la CGT.", "Philippe Martinez"),
    ("fr", "« C'est une victoire pour tous les salariés », s'est réjouie la syndicaliste Nadia Salhi.", "Nadia Salhi"),
    ("fr", "« Ce projet est une folie écologique », dénonce le militant Thomas Brail.", "Thomas Brail"),
    ("fr", "« Nous avons été trahis par l'État », ont accusé les agriculteurs réunis devant la préfecture.", "les agriculteurs"),
    ("fr", "« Il faut rester prudent face à cette épidémie », a mis en garde l'épidémiologiste Arnaud Fontanet.", "Arnaud Fontanet"),
    ("fr", "« La France doit investir massivement dans le nucléaire », a plaidé mardi Emmanuel Macron.", "Emmanuel Macron"),
    ("de", "„Das Urteil ist ein wichtiges Signal für alle Mieter“, lobte der Mieterbund-Präsident Lukas Siebenkotten.", "Lukas Siebenkotten"),
    ("de", "„Wir werden gegen die Entscheidung klagen“, kündigte Konzernchef Oliver Blume an.", "Oliver Blume"),
    ("de", "„Die Impfquote ist noch immer zu niedrig“, räumte der Minister am Mittwoch ein.", "der Minister"),
    ("de", "„Das ist ein schwarzer Tag für die Demokratie“, so die Grünen-Politikerin Ricarda Lang.", "Ricarda Lang"),
    ("de", "„Die Verhandlungen sind gescheitert“, erklärte Verdi-Chef Frank Werneke am Abend in Berlin.", "Frank Werneke"),
    ("de", "„Wir stehen fest an der Seite der Ukraine“, unterstrich Außenministerin Annalena Baerbock.", "Annalena Baerbock"),
    ("es", "«Es un día histórico para Cataluña», celebró el presidente de la Generalitat, Pere Aragonès.", "Pere Aragonès"),
    ("es", "«No vamos a tolerar más agresiones», advirtió el delegado del Gobierno, Francisco Martín.", "Francisco Martín"),
    ("es", "«La inflación bajará en los próximos meses», pronosticó el gobernador del Banco de España, Pablo Hernández de Cos.", "Pablo Hernández de Cos"),
    ("es", "«Nos sentimos abandonados por las instituciones», denunciaron los vecinos afectados.", "los vecinos afectados"),
    ("it", "«Siamo pronti a scendere in piazza», ha avvertito il leader della Cgil Maurizio Landini.", "Maurizio Landini"),
    ("it", "«È una vittoria di tutta la squadra», ha esultato l'allenatore Luciano Spalletti.", "Luciano Spalletti"),
    ("it", "«Il decreto è incostituzionale», denuncia il giurista Gustavo Zagrebelsky.", "Gustavo Zagrebelsky"),
    ("pt", "«A economia vai crescer acima do previsto», prevê o ministro das Finanças, Fernando Medina.", "Fernando Medina"),
    ("pt", "«Não aceitamos esta proposta», rejeitou o líder sindical Mário Nogueira.", "Mário Nogueira"),
    ("pt", "«Foi um jogo muito difícil», admitiu o treinador Roger Schmidt.", "Roger Schmidt"),
    ("nl", "„Dit is onacceptabel voor de boeren”, reageerde minister Piet Adema.", "Piet Adema"),
    ("nl", "„We gaan de tekorten snel aanpakken”, beloofde wethouder Sofyan Mbarki.", "Sofyan Mbarki"),
    ("nl", "„Het kabinet heeft gefaald”, stelde oppositieleider Frans Timmermans vast.", "Frans Timmermans"),
    ("ru", "«Ситуация остаётся очень сложной», — признал мэр Москвы Сергей Собянин.", "Сергей Собянин"),
    ("ru", "«Мы готовы к переговорам», — заверил пресс-секретарь президента Дмитрий Песков.", "Дмитрий Песков"),
    ("ru", "«Инфляция замедлится уже весной», — прогнозирует глава ЦБ Эльвира Набиуллина.", "Эльвира Набиуллина"),
]


def right(language: str, got: list[str | None], want: str) -> bool:
    if got == [want]:
        return True
    return language == "de" and len(got) == 1 and got[0] is not None and got[0].endswith(want)


def orangesum_coverage() -> dict[str, int] | None:
    path = EVAL / "news" / "orangesum_dev.jsonl"
    if not path.is_file():
        return None
    quotes = named = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        for quote in extract(json.loads(line)["article"], "fr"):
            quotes += 1
            named += quote.speaker is not None
    return {"articles": 500, "quotes": quotes, "with_speaker": named}


def main() -> int:
    total, good, misses = Counter(), Counter(), []
    for language, sentence, want in SENTENCES:
        got = [q.speaker for q in extract(sentence, language)]
        total[language] += 1
        if right(language, got, want):
            good[language] += 1
        else:
            misses.append({"language": language, "sentence": sentence, "want": want, "got": got})
    report = {
        "sentences": sum(total.values()),
        "right": sum(good.values()),
        "by_language": {lang: f"{good[lang]}/{n}" for lang, n in sorted(total.items())},
        "misses": misses,
        "orangesum_fr": orangesum_coverage(),
        "machine": machine(),
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
