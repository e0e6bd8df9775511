"""Photo captions that point at a photo by position never reach a briefing (issue 16, second pass).

A caption that ran into a sentence with no full stop is often only recognisable by its pointer at the
photo: "pictured left in …", "(second left)", "(behind the mayor, left)", "(shown above)". Such a
run-on is a caption, not a sentence of the story; sentences that merely mention a side do stay.
"""

from __future__ import annotations

import pytest

from summarizer.article import parse_article
from summarizer.briefing import briefing, is_boilerplate, uncaption
from tests.test_newsrank import STORY

CAPTIONS = [
    "Ann Green, 54, pictured left in her yellow oilskins, walks the harbour wall with her neighbour Tom, 61, "
    "right 'We have never seen the water this high,' she said.",
    "Harbour master Joe Platt (second right) inspects the breach with council engineers The repairs "
    "will begin in the spring once the storm season has passed.",
    "Volunteer Sam Reid (behind the mayor, left) carried sandbags all night The council said the "
    "costs would be shared with the county.",
    "The fishermen (shown above) waited for six hours for the tide to turn before the boats could "
    "leave the harbour.",
    "Residents (pictured far right) gathered on the promenade to watch the waves break over the old "
    "lighthouse.",
    "Council leader Ann Green (centre left) and the engineers meet the residents at the lifeboat station.",
    "Ann Green pictured second left at the opening of the new pier with the town's fishermen and "
    "their families.",
]

STAYS = [
    "The council voted to turn left at the junction and build the new road along the harbour.",
    "The right wing of the council opposed the plan, but the left wing carried the vote by twelve to nine.",
    "Engineers said the middle of the wall (the oldest part) was the first to give way in the storm.",
    "The mayor (a former fisherman) said the town could not wait for another winter storm.",
]


@pytest.mark.parametrize("sentence", CAPTIONS)
def test_a_caption_pointing_at_its_photo_is_page_furniture(sentence: str) -> None:
    assert is_boilerplate(sentence)


@pytest.mark.parametrize("sentence", STAYS)
def test_a_sentence_that_names_a_side_or_has_brackets_is_not_a_caption(sentence: str) -> None:
    assert not is_boilerplate(sentence)


def test_a_briefing_skips_the_caption_run_on_and_briefs_from_the_story() -> None:
    # The run-on repeats the story's words, so without the caption rule it would be picked.
    caption = (
        "Council engineers (second right) inspect the breached sea wall the harbour council will rebuild "
        "two metres higher by next spring"
    )
    body = [STORY[0], caption + " " + STORY[2], STORY[1], *STORY[3:]]
    picked = briefing(parse_article(" ".join(body), has_title=False), 3)
    assert len(picked) == 3
    assert not any("second right" in s for s in picked)
    assert all(s in STORY for s in picked)


def test_a_caption_that_restates_its_sentence_gives_the_sentence_back():
    """Daily Mail captions often restate the sentence they ran into, opening with its first words: the
    sentence after the repeat is kept (it used to go out with the caption as furniture)."""
    lede = "An FBI agent's rifle was stolen from a hotel parking lot days before the president visited the city."
    caption = "An FBI agent's rifle (similar to the one pictured) was taken from a hotel parking lot"
    labelled = "Wanted: Police in Ohio have issued a warrant for a karate instructor charged with fraud"
    second = "Police in Ohio have launched a manhunt for a karate instructor who fled after his arrest."
    body = " ".join([f"{caption} {lede}", "The rifle was locked in a safe in the boot of the car.", f"{labelled} {second}"])
    picked = briefing(parse_article(body, has_title=False), 3)
    assert lede in picked and second in picked
    assert not any("pictured" in s or s.startswith("Wanted") for s in picked)


def test_a_sentence_that_repeats_its_subject_mid_way_is_left_whole():
    sentence = "The council voted on Monday and the council voted again on Tuesday to rebuild the wall."
    assert uncaption(sentence) == sentence
    unended = "Mayor Ann Green said the vote was close and Mayor Ann Green will speak on Friday about it."
    assert uncaption(unended) == unended  # the repeat follows "and": a lower-case word, but no caption


def test_a_name_split_after_its_initials_is_joined_again():
    """Punkt ends a sentence after some initials ("Blues legend B.B." | "King was …"): the piece is
    too short to stand alone, so it is joined to the sentence it belongs to instead of being lost."""
    body = (
        "Soul singer A.J. Croce played in the harbour town on Friday night to a full house. "
        "The show sold out within an hour of the tickets going on sale. "
        "The town council hopes to bring more concerts to the harbour next summer."
    )
    picked = briefing(parse_article(body, has_title=False), 3)
    assert picked[0] == "Soul singer A.J. Croce played in the harbour town on Friday night to a full house."
    # A full sentence that ends in initials stays a sentence of its own.
    moved = "The company moved its offices to the U.S. The move cost two million dollars last year."
    assert briefing(parse_article(moved, has_title=False), 3)[0] == "The company moved its offices to the U.S."
