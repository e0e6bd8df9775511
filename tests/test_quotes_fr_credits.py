"""What a French credit is NOT: a capitalised common word or an institution's first word ("le Premier
ministre" is not "Premier"), a name cut at its digit ("C8"), a participle or gerund glued after the
speaker ("le ministère répondant aux …", "les agriculteurs réunis devant …"), whom the speaker told
("auprès du Monde", "auprès de l'AFP"), a bare participle with no auxiliary ("X, présidente du syndicat
interrogée sur France 2"); and a gerund ("ajoutant que « … »") credits the subject of its clause.
Texts written for these tests."""

from __future__ import annotations

import pytest

from summarizer.quotes import extract

QUOTE = "« Nous ne reculerons pas sur ce dossier »"


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract(text, "fr")]


@pytest.mark.parametrize(
    ("credit", "speaker"),
    [
        # a capitalised word right after an article is no name: the whole noun phrase
        (", a déclaré le Premier ministre.", "le Premier ministre"),
        (", note la Commission européenne.", "la Commission européenne"),
        (", a ajouté le Quai d'Orsay.", "le Quai d'Orsay"),
        (", détaille le Parisien.", "le Parisien"),
        # ... while a title before a name still gives the name
        (", a déclaré le député Dupont.", "Dupont"),
        (", a affirmé Marine Le Pen.", "Marine Le Pen"),
        # a name keeps its digits
        (", détaille le chroniqueur de C8.", "le chroniqueur de C8"),
        (", explique la présentatrice de TF1 Claire Vidal.", "Claire Vidal"),
        # a participle or gerund after the speaker's noun ends it
        (", s'est justifié le ministère répondant aux critiques.", "le ministère"),
        (", affirment les agriculteurs réunis devant la préfecture.", "les agriculteurs"),
        (", conclut la lettre envoyée par les élus.", "la lettre"),
        (", affirme un homme montrant une photo.", "un homme"),
        # ... but a noun ending like a participle stays
        (", confie un ancien salarié.", "un ancien salarié"),
        (", confie un de ses amis au Parisien.", "un de ses amis"),
        (", confie un ancien dirigeant.", "un ancien dirigeant"),
        # whom the speaker told, and a date, between the verb and the speaker
        (", a réagi lundi auprès de l'AFP Paul Garnier.", "Paul Garnier"),
        (", analyse auprès de Libération l'ancien ministre.", "l'ancien ministre"),
        (", avance un conseiller d'Emmanuel Macron auprès du Monde.", "un conseiller d'Emmanuel Macron"),
        (", a assuré jeudi 27 septembre Paul Garnier.", "Paul Garnier"),
    ],
)
def test_the_speaker_after_the_verb_is_a_name_or_a_noun_phrase_alone(credit: str, speaker: str):
    assert speakers(QUOTE + credit) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a gerund's subject is the subject of the clause before it, not the last person named
        (
            "Le maire Luc Berthier était présent. « Les trains ont traversé les voies », a confirmé une source "
            "policière, ajoutant que « les manifestants sont vite repartis vers la gare ».",
            "une source policière",
        ),
        (
            "Paul Garnier a confirmé la nouvelle, ajoutant que « les syndicats seront reçus dès lundi matin ».",
            "Paul Garnier",
        ),
        (
            "« Rien n'a été annoncé ce soir », a dénoncé Anne Fabre, présidente du syndicat interrogée sur "
            "France 2, en regrettant « une réforme faite sans les salariés du secteur ».",
            "Anne Fabre",
        ),
    ],
)
def test_a_gerund_credits_the_subject_of_its_clause(text: str, speaker: str):
    assert speakers(text)[-1] == speaker


def test_a_pronoun_written_on_the_verb_after_an_object_pronoun_is_the_subject():
    text = "Le professeur Paul Garnier a accueilli les élèves. « Vous devez bien vous laver les mains », leur a-t-il lancé."
    assert speakers(text) == ["Paul Garnier"]


def test_an_object_pronoun_before_the_verb_is_skipped():
    assert speakers("Paul Garnier lui a répondu : « Nous ne reculerons pas sur ce dossier ».") == ["Paul Garnier"]


@pytest.mark.parametrize(
    "text",
    [
        # a speech verb's participle with no auxiliary is an apposition, not a credit
        "Anne Fabre, la présidente du syndicat interrogée sur France 2 : elle parle d'une « réforme faite sans les salariés du secteur ».",
        # a transitive verb with an object before the quote is no speech
        "Le ministre Paul Garnier a invité les Français à privilégier ces masques « parce qu'ils sont très filtrants et fabriqués en France ».",
    ],
)
def test_no_credit_from_a_bare_participle_or_a_transitive_verb(text: str):
    assert speakers(text) == [None]
