"""BriefRank's weight sets per language: French has its own, others fall back to English's and say so.

Short texts written here (never from the evaluation data).
"""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from summarizer import briefrank
from summarizer.article import parse_article
from summarizer.briefing import briefing, briefing_document, summarizer_for
from summarizer.briefrank import (
    FEATURES,
    FEATURES_FR,
    REDUNDANCY,
    REDUNDANCY_FR,
    WEIGHTS,
    WEIGHTS_FR,
    BriefRankSummarizer,
    paragraph_numbers,
    weight_set_for,
)
from summarizer.language_rules import rules_for
from tests.benchmarks import fit_briefing
from tests.test_briefrank import fit_report
from tests.test_cli_brief import newsbrief

ROOT = Path(__file__).resolve().parents[1]

#: A council story: the fourth sentence repeats the lead's words over and over (salient by word
#: counts, but saying nothing the lead has not said).
BRIDGE = [
    "Le conseil municipal de Lyon a voté jeudi la fermeture du pont Wilson pour six mois de travaux.",
    "La décision a été prise après une longue séance marquée par de vifs échanges entre élus.",
    "Les commerçants du quartier redoutent une baisse de leur chiffre d'affaires pendant le chantier du pont.",
    "Fermeture du pont Wilson : travaux du pont Wilson, pont Wilson fermé, travaux longs.",
    "Une passerelle provisoire sera installée pour les piétons à côté du pont dès le mois de mars.",
    "Les bus passeront par le pont voisin pendant toute la durée des travaux.",
    "Le maire présentera le calendrier des travaux aux habitants lors d'une réunion publique.",
]


def _english_set_on_french_text() -> BriefRankSummarizer:
    """BriefRank with English's weights but French splitting, stems, stop words and person words."""
    rules = rules_for("fr")
    summarizer = BriefRankSummarizer(rules.stemmer(), weights=WEIGHTS, redundancy=REDUNDANCY, names=FEATURES)
    summarizer.stop_words = rules.stop_words()
    summarizer.in_person = rules.in_person
    return summarizer


def test_a_french_article_is_briefed_with_the_french_weight_set():
    french = summarizer_for("briefrank", "fr")
    assert french.names == FEATURES_FR and tuple(french.weights) == WEIGHTS_FR
    assert french.redundancy == REDUNDANCY_FR
    article = parse_article("\n".join(BRIDGE), has_title=False)
    picked = briefing(article, 3, language="fr")
    # OrangeSum taught the French set to hold a sentence that restates the lead much more strongly
    # against it (a briefing should say three things); the English set takes the restatement.
    assert picked == [BRIDGE[0], BRIDGE[1], BRIDGE[2]]
    assert BRIDGE[3] in briefing(article, 3, _english_set_on_french_text())


def test_the_command_line_briefs_a_detected_french_article_with_the_french_set():
    done = newsbrief("brief", "--json", "--no-title", "--sentences", "3", "-", stdin="\n".join(BRIDGE).encode())
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["language"] == "fr"
    assert payload["sentences"] == [BRIDGE[0], BRIDGE[1], BRIDGE[2]]


def test_a_french_briefing_keeps_two_of_the_three_opening_sentences():
    # A set that rates the later sentences best (the lead weighed negatively) still keeps two of the
    # first three in French: OrangeSum's briefings lost most where they left two lead sentences out.
    later_first = {"names": ("lead",), "weights": (-1.0,), "redundancy": 0.0}
    french = BriefRankSummarizer(rules_for("fr").stemmer(), language="fr", **later_first)
    assert french.replaceable == briefrank.REPLACEABLE_FR == 1
    article = parse_article("\n".join(BRIDGE), has_title=False)
    assert briefing(article, 3, french, language="fr") == [BRIDGE[1], BRIDGE[2], BRIDGE[6]]
    unbounded = BriefRankSummarizer(rules_for("fr").stemmer(), language="fr", replaceable=None, **later_first)
    assert briefing(article, 3, unbounded, language="fr") == [BRIDGE[4], BRIDGE[5], BRIDGE[6]]
    assert summarizer_for("briefrank", "en").replaceable is None  # English leaves any number (measured)


def test_a_language_without_its_own_set_is_rated_with_the_english_set_and_says_so(caplog):
    weight_set_for.cache_clear()
    with caplog.at_level(logging.INFO, logger="summarizer.briefrank"):
        german = BriefRankSummarizer(rules_for("de").stemmer(), language="de")
    assert german.names == FEATURES and tuple(german.weights) == WEIGHTS and german.redundancy == REDUNDANCY
    assert "no BriefRank weights for language 'de': rated with the English set" in caplog.text
    english = BriefRankSummarizer(language="en")
    assert tuple(english.weights) == WEIGHTS
    text = (
        "Der Stadtrat von Freiburg hat am Montag den Bau einer neuen Brücke beschlossen. "
        "Die Arbeiten beginnen im Frühjahr und dauern zwei Jahre. "
        "Die Geschäftsleute der Altstadt fürchten weniger Kunden während der Bauzeit. "
        "Eine Fußgängerbrücke soll den Verkehr in dieser Zeit aufnehmen."
    )
    picked = briefing(parse_article(text, has_title=False), 3, language="de")
    assert len(picked) == 3 and picked[0].startswith("Der Stadtrat")


def test_a_set_with_an_unknown_feature_or_the_wrong_width_is_refused():
    with pytest.raises(ValueError, match="unknown BriefRank features"):
        BriefRankSummarizer(weights=[1.0], names=["length of the moon"])
    with pytest.raises(ValueError, match=f"needs {len(FEATURES_FR)} weights"):
        BriefRankSummarizer(language="fr", weights=[1.0, 2.0])


def test_writing_the_french_set_leaves_the_english_set_alone(tmp_path, monkeypatch):
    copy = tmp_path / "briefrank.py"
    shutil.copy(briefrank.__file__, copy)
    monkeypatch.setattr(fit_briefing, "SOURCE", copy)
    monkeypatch.setitem(fit_briefing.SETUPS, "fr", replace(fit_briefing.SETUPS["fr"], redundancy=1.25))
    weights = tuple(float(i) / 8 for i in range(len(FEATURES_FR)))
    assert fit_briefing.write(weights, "fr")
    assert not fit_briefing.write(weights, "fr")  # already there
    namespace: dict = {}
    exec(compile(copy.read_text(), str(copy), "exec"), namespace)
    assert namespace["WEIGHTS_FR"] == weights and namespace["REDUNDANCY_FR"] == 1.25
    assert namespace["WEIGHTS"] == WEIGHTS and namespace["REDUNDANCY"] == REDUNDANCY
    assert namespace["DUPLICATE"] == briefrank.DUPLICATE
    assert namespace["REPLACEABLE_FR"] == fit_briefing.SETUPS["fr"].replaceable == 1
    assert namespace["REPLACEABLE"] is None
    assert namespace["WEIGHT_SETS"]["fr"].weights == weights


@pytest.mark.skipif(
    not all(p.is_file() for p in fit_briefing.SETUPS["fr"].files), reason="no ../shared/eval/news data on this machine"
)
def test_the_fitting_script_reproduces_the_shipped_french_set():
    report = fit_report("--language", "fr")
    assert report["shipped_weights_match"], report
    assert tuple(report["weights"].values()) == WEIGHTS_FR and report["redundancy"] == REDUNDANCY_FR
    assert report["replaceable"] == briefrank.REPLACEABLE_FR


def test_french_features_read_repeated_words_and_lone_paragraphs():
    summarizer = summarizer_for("briefrank", "fr")
    text = (
        "Le pont Wilson fermera en mars pour des travaux. L'Assemblée financera la moitié du chantier.\n"
        "Les travaux du pont dureront six mois.\n"
        "Une réunion publique est prévue à la mairie de l'arrondissement. Elle aura lieu lundi soir."
    )
    document = briefing_document(parse_article(text, has_title=False), "fr")
    x, _, _ = summarizer.describe(document.sentences, paragraph_numbers(document))
    column = {name: x[:, i] for i, name in enumerate(FEATURES_FR)}
    assert list(column["alone"]) == [0.0, 0.0, 1.0, 0.0, 0.0]
    assert list(column["paragraph"]) == [2.0, 2.0, 1.0, 2.0, 2.0]
    # "pont" and "travaux" come back; "assemblée" (from "L'Assemblée") does not; no stop word counts.
    assert column["repeated"][0] == 2 / 5  # pont, wilson, fermera, mars, travaux
    assert column["repeated"][2] == 2 / 5  # travaux, pont, dureront, six, mois
    assert column["repeated"][3] == 0.0
    words = ["L'Assemblée", "de", "l'arrondissement", "2024", "qu'ils"]
    assert summarizer.keywords(words) == {"assemblée", "arrondissement"}
    with pytest.raises(ValueError, match="paragraphs"):
        summarizer.describe(document.sentences)


def test_a_french_title_counts_with_the_weight_of_repeated_words():
    body = "\n".join(
        [
            "Une longue séance du conseil municipal s'est achevée tard lundi soir à l'hôtel de ville.",
            "Plusieurs orateurs se sont plaints du stationnement près de la gare.",
            "Les commerçants ont demandé des places de livraison supplémentaires.",
            "Le vote sur la digue du port a été adopté par neuf voix contre deux.",
            "La séance a aussi traité des horaires de la piscine municipale.",
        ]
    )
    assert "salience" not in FEATURES_FR  # the French set rates word repetition with "repeated" alone
    untitled = briefing(parse_article(body, has_title=False), 2, language="fr")
    assert not any("digue" in s for s in untitled)
    titled = briefing(parse_article("Le conseil adopte le projet de digue du port\n" + body), 2, language="fr")
    assert any("digue du port" in s for s in titled)
