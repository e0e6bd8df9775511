"""Quote extraction: each hard case on a small hand-written text, and every ranking rule."""

from __future__ import annotations

import pytest

from summarizer.quotes import Quote, extract, key_quotes
from summarizer.quotes.ranking import central_terms, score


def said_by(text: str, quote: Quote) -> str | None:
    """The speaker mention as written in the text."""
    if quote.mention_start is None:
        return None
    return text[quote.mention_start : quote.mention_end]


def only(quotes: list[Quote], fragment: str) -> Quote:
    found = [q for q in quotes if fragment in q.quote]
    assert len(found) == 1, found
    return found[0]


def test_speaker_after_with_description_keeps_it_for_display():
    text = "Floods hit the town.\n“The water came up to the second floor,” said Jane Doe, a local resident.\n"
    (quote,) = extract(text)
    assert quote.quote == "“The water came up to the second floor,”"
    assert text[quote.start : quote.end] == quote.quote
    assert said_by(text, quote) == "Jane Doe"
    assert quote.speaker == "Jane Doe, a local resident"


def test_speaker_after_name_then_verb():
    text = "“We will rebuild every single bridge,” the mayor said on Monday."
    (quote,) = extract(text)
    assert said_by(text, quote) == "the mayor"


def test_speaker_before_with_colon_and_with_that():
    text = (
        "Governor Ann Lee said: “Nobody will be left behind this winter.” "
        "Later, Mr. Brown told reporters that “the budget simply does not add up.”"
    )
    first, second = extract(text)
    assert said_by(text, first) == "Governor Ann Lee"
    assert said_by(text, second) == "Mr. Brown"


def test_split_quote_is_two_quotes_with_the_same_speaker():
    text = "“We tried everything we could,” she said, “but the river was faster than us.”"
    first, second = extract(text)
    assert (first.quote, second.quote) == ("“We tried everything we could,”", "“but the river was faster than us.”")
    assert said_by(text, first) == said_by(text, second) == "she"


def test_pronoun_speaker_resolves_to_the_nearest_earlier_named_speaker():
    text = (
        "“The ferry will run again next week,” said Tom Ray, the harbour master.\n"
        "“Our crews have worked through the night,” said Ana Cruz, a dock worker.\n"
        "“I have never seen a storm like this one,” she added."
    )
    quotes = extract(text)
    last = quotes[-1]
    assert said_by(text, last) == "she"
    assert last.speaker == "Ana Cruz, a dock worker"


def test_it_resolves_to_an_organisation_not_a_person():
    text = (
        "“Service will resume by Friday at the latest,” the Harbour Company said in a statement.\n"
        "Jo Bell, a passenger, waited all day. “It is a disgrace for everyone,” said Jo Bell.\n"
        "“All tickets will be refunded in full,” it said."
    )
    last = extract(text)[-1]
    assert said_by(text, last) == "it"
    assert last.speaker == "the Harbour Company"


def test_short_scare_quote_is_not_listed():
    text = "The council called the plan a “vanity project” and “We will fight this plan in court,” said Al Hunt."
    quotes = extract(text)
    assert [q.quote for q in quotes] == ["“We will fight this plan in court,”"]


def test_multi_sentence_quote_is_one_quote():
    text = "“The bridge is closed. Nobody can cross it. We are waiting for engineers,” said Officer Kim."
    (quote,) = extract(text)
    assert quote.quote.count(".") == 2
    assert said_by(text, quote) == "Officer Kim"


def test_quote_running_across_paragraphs_keeps_each_paragraph_and_the_speaker():
    text = (
        "Sam Ortiz, the coach, said: “We lost the first game by a wide margin.\n"
        "“Then we won the next four games in a row, which nobody expected.”\n"
        "The season ends in May."
    )
    first, second = extract(text)
    assert first.quote == "“We lost the first game by a wide margin."
    assert second.quote == "“Then we won the next four games in a row, which nobody expected.”"
    assert said_by(text, first) == said_by(text, second) == "Sam Ortiz"
    assert second.speaker == "Sam Ortiz, the coach"


def test_two_apostrophes_used_as_a_double_quote():
    text = "''This is the worst harvest in memory,'' said Farmer Joe Bloggs."
    (quote,) = extract(text)
    assert quote.quote == "''This is the worst harvest in memory,''"
    assert said_by(text, quote) == "Farmer Joe Bloggs"


def test_unbalanced_mark_never_drops_the_rest_of_the_article():
    text = (
        "“This sentence opens a quote and never closes it, said nobody.\n"
        "Second paragraph without any marks at all.\n"
        "“The third paragraph has a proper quote,” said Lin Wu."
    )
    quotes = extract(text)
    assert quotes[-1].quote == "“The third paragraph has a proper quote,”"
    assert said_by(text, quotes[-1]) == "Lin Wu"
    assert all("Second paragraph" not in q.quote for q in quotes)


def test_nested_single_quotes_stay_inside_the_outer_quote():
    text = "“He told me ‘we are done here’ and walked out of the room,” said Dana Fox."
    (quote,) = extract(text)
    assert quote.quote == text[: text.index(",”") + 2]
    assert said_by(text, quote) == "Dana Fox"


def test_straight_quotes_work_like_curly_ones():
    text = 'Mayor Li said, "The new school opens in September."'
    (quote,) = extract(text)
    assert quote.quote == '"The new school opens in September."'
    assert said_by(text, quote) == "Mayor Li"


def test_quote_paragraph_with_no_attribution_continues_the_previous_speaker():
    text = (
        "“The vote was a disgrace to the whole city,” said Rita Moss.\n"
        "“We will appeal this decision as soon as we can.”"
    )
    first, second = extract(text)
    assert said_by(text, second) == said_by(text, first) == "Rita Moss"


def test_sentence_after_a_period_quote_introduces_the_next_quote():
    text = "Kay Lin said, “The court got this case wrong.” He added, “We will appeal the ruling.”"
    first, second = extract(text)
    assert said_by(text, first) == "Kay Lin"
    assert said_by(text, second) == "He"
    assert second.speaker == "Kay Lin"


def test_inverted_speaker_with_a_lowercase_title():
    text = "“Nobody expected the turnout to be this high,” said former Rep. Ann Wolfe (D-Ore.), a pollster."
    (quote,) = extract(text)
    assert said_by(text, quote) == "former Rep. Ann Wolfe"


def test_speaker_after_with_a_verb_not_on_the_list():
    text = "“France will always be France, whatever happens,” an angry Hollande riffed on Friday."
    (quote,) = extract(text)
    assert said_by(text, quote) == "an angry Hollande"


def test_speaker_before_with_an_aside_between_subject_and_verb():
    text = "Dana Cole, during a town hall in Columbus, Ohio, said she was “going to fight for every single job.”"
    (quote,) = extract(text)
    assert said_by(text, quote) == "Dana Cole"


def test_speaker_before_after_an_introductory_phrase_and_a_participle():
    text = (
        "At a rally in Portsmouth, N.H., on Tuesday, Senator Ben Ito endorsed the mayor, saying that she "
        "would “make an outstanding governor for the state.”"
    )
    (quote,) = extract(text)
    assert said_by(text, quote) == "Senator Ben Ito"


def test_relative_pronoun_speaker_covers_its_antecedent():
    text = "The host Carla Sykes, who lamented on air, “We have spent twenty years shouting at each other.”"
    (quote,) = extract(text)
    assert said_by(text, quote).endswith("who")
    assert "Carla Sykes" in said_by(text, quote)


def test_quote_paragraph_after_narration_takes_the_narrations_subject():
    text = "Vic Lund praised the new budget at length on Monday.\n“We need someone who cuts through the noise.”"
    (quote,) = extract(text)
    assert said_by(text, quote) == "Vic Lund"


def test_quote_credited_on_a_dash_line_below():
    text = "Fact check\n“The deficit has doubled in only four years.”\n- Sam Ortiz.\nThat is not true."
    (quote,) = extract(text)
    assert said_by(text, quote) == "Sam Ortiz"


def test_quote_running_over_paragraphs_takes_the_speaker_named_at_its_end():
    text = (
        "The debate ran late.\n“First we will fix the roads and then the schools.\n"
        "“After that we will lower the taxes for everyone,” the candidate said."
    )
    first, second = extract(text)
    assert said_by(text, first) == said_by(text, second) == "the candidate"


def test_titles_and_web_addresses_are_not_quotes():
    text = (
        "She hosts “The Nightly Show with Larry Wilmore” and links to “http://example.com/a/b/c” daily. "
        "“We will keep the show going for years,” she said."
    )
    assert [q.quote for q in extract(text)] == ["“We will keep the show going for years,”"]


def test_whole_article_file_offsets_slice_back():
    text = (
        "Harbour reopens\n\n“Ships can dock again from tomorrow,” said Port Chief Ola Berg.\n\n"
        "[Featured Image by Someone/Agency]\n"
    )
    (quote,) = extract(text)
    assert text[quote.start : quote.end] == quote.quote
    assert set(quote.to_json()) == {"quote", "start", "end", "speaker", "mention_start", "mention_end", "score"}
    assert 0.0 <= quote.score <= 1.0


@pytest.mark.parametrize(
    "text",
    ["", "“", "”", '"', "''", "“““", "\n\n\n", "“a b c d", "x" * 1000, "“”" * 500, "said he, “", "\x00“é”"],
)
def test_never_raises_and_offsets_hold_on_odd_input(text):
    for quote in extract(text):
        assert text[quote.start : quote.end] == quote.quote


def _q(text: str, score: float, start: int = 0, speaker: str | None = "X") -> Quote:
    return Quote(text, start, start + len(text), speaker, 0 if speaker else None, 1 if speaker else None, score)


def test_key_quotes_best_first_and_at_most_n():
    quotes = [_q("“a b c d”", 0.2, 0), _q("“e f g h”", 0.9, 10), _q("“i j k l”", 0.5, 20)]
    assert [q.score for q in key_quotes(quotes, n=2)] == [0.9, 0.5]


def test_key_quotes_never_lists_two_near_identical_quotes():
    a = _q("“the plan will cost the city ten million dollars”", 0.9, 0)
    b = _q("“the plan will cost the city ten million dollars,”", 0.8, 100)
    c = _q("“something else entirely different here”", 0.5, 200)
    assert key_quotes([a, b, c], n=3) == [a, c]


def test_rank_prefers_a_named_speaker_over_an_unnamed_one():
    quote = "“The new tunnel will change how people travel to work,”"
    assert score(quote, True, True, frozenset()) > score(quote, False, True, frozenset())
    assert score(quote, False, True, frozenset()) > score(quote, False, False, frozenset())


def test_rank_prefers_long_quotes_over_short_ones():
    short = "“Rail fares will rise next year.”"
    long_ = "“Rail fares will rise next year across the whole network and for every ticket we sell.”"
    assert score(long_, True, True, frozenset()) > score(short, True, True, frozenset())


def test_rank_prefers_quotes_carrying_the_articles_central_terms():
    text = "Tunnel plan approved. The tunnel will link both banks; tunnel work starts in spring near the river."
    central = central_terms(text + " The river tunnel.")
    on_topic = "“The tunnel will carry trains under the river bed.”"
    off_topic = "“My grandmother baked wonderful apple pies on Sunday.”"
    assert "tunnel" in central
    assert score(on_topic, True, True, central) > score(off_topic, True, True, central)


def test_rank_prefers_self_contained_quotes_over_fragments():
    whole = "“Our rents have doubled and wages have not moved.”"
    fragment = "“our rents have doubled and wages have not moved”"
    assert score(whole, True, True, frozenset()) > score(fragment, True, True, frozenset())


def test_scores_from_extract_stay_in_range_and_follow_the_rules():
    text = (
        "Tunnel opens\n“The tunnel will change how the whole city travels to work,” said Ria Pal.\n"
        "A commuter called it “a tunnel for the rich ones”."
    )
    named, fragment = extract(text)
    assert 0.0 <= fragment.score < named.score <= 1.0


def test_quote_credited_after_a_dash_on_its_own_line():
    text = (
        "Readers wrote in after the debate.\n"
        "“He never answered a single question about jobs.” ― Maria Lopez\n"
        "“The whole evening felt like a reality show to me.” ― Tom A. Reyes.\n"
    )
    first, second = extract(text)
    assert said_by(text, first) == "Maria Lopez"
    assert said_by(text, second) == "Tom A. Reyes"


def test_transcript_speaker_label_inside_the_quote_names_the_speaker():
    text = (
        "Partial transcript as follows:\n"
        '"HOST: Will you release your tax returns before the election?\n'
        '"SMITH: We have said many times that we will do it in good time.\n'
        '"And the voters know exactly where I stand on this question.\n'
    )
    host, smith, more = extract(text)
    assert said_by(text, host) == "HOST"
    assert said_by(text, smith) == "SMITH"
    assert said_by(text, more) == "SMITH"


def test_a_capitalised_heading_is_not_a_speaker_label():
    text = 'Ann Ray said: "UPDATE: the bridge will stay closed until Monday morning."'
    (quote,) = extract(text)
    assert said_by(text, quote) == "Ann Ray"


def test_reporting_clause_names_the_speaker_over_the_pronoun_inside_it():
    text = "Mayor Ada Holt said she recalled thinking, “This town will never be the same again.”"
    (quote,) = extract(text)
    assert said_by(text, quote) == "Mayor Ada Holt"


def test_a_new_clause_after_the_quote_is_not_its_attribution():
    text = (
        "Chief Ron Bale said that the footage of the arrest on the bridge did not show "
        "“any clear sign of a weapon in his hand,” "
        "but he said the inquiry would go on."
    )
    (quote,) = extract(text)
    assert said_by(text, quote) == "Chief Ron Bale"


def test_sentence_ending_in_a_speech_verb_introduces_the_quote_after_it():
    text = (
        "The count ended late. Lena Park, the county clerk, said in a statement. "
        "“There are no paper ballots left to count in this county.”"
    )
    (quote,) = extract(text)
    assert said_by(text, quote) == "Lena Park"


def test_as_someone_puts_it():
    text = "Few were convinced. As the columnist Ray Dunn puts it, “Nobody in this town believes the numbers.”"
    (quote,) = extract(text)
    assert said_by(text, quote).endswith("Ray Dunn")


def test_an_adverb_is_neither_a_speaker_nor_in_the_way_of_one():
    text = (
        "Following a hastily called meeting, the city council issued a statement calling the closure "
        "“a serious blow to every family in the valley.” Later the mayor Ann Ruiz firmly insisted that "
        "“no school will close this year.”"
    )
    first, second = extract(text)
    assert said_by(text, first) == "the city council"
    assert said_by(text, second).endswith("Ann Ruiz")


def test_a_negated_speech_sentence_does_not_introduce_the_next_quote():
    text = (
        "“We talked for an hour about the border,” Ed Lamb said after the meeting. He did not suggest "
        "any sanctions. “Our goal is to keep talking until the summer.”"
    )
    first, second = extract(text)
    assert said_by(text, second) == said_by(text, first) == "Ed Lamb"


def test_inverted_attribution_after_the_quote_beats_a_verb_before_it():
    text = "But as the ministry strongly denies — “why would anyone want to hide the numbers?” asked Joe Kerr."
    (quote,) = extract(text)
    assert said_by(text, quote) == "Joe Kerr"


def test_according_to_names_the_source_that_reported_the_words():
    text = (
        "According to the Daily Ledger, council aide Bo Park said the vote “will go ahead next month.”\n"
        "“Please stay calm and go home tonight,” the mayor said, according to local radio.\n"
        "“The road is closed for the night.” According to police records, the road closed at nine."
    )
    first, second, third = extract(text)
    assert said_by(text, first) == "the Daily Ledger"
    assert said_by(text, second) == "local radio"
    assert said_by(text, third) != "police records"


def test_a_dateline_is_not_the_speaker():
    text = (
        "Party apologises\n"
        "SPRINGFIELD, May 3 (Wire) — The state party released a statement on Monday, offering "
        "“a deep and sincere apology to all of our members” after the leak."
    )
    (quote,) = extract(text)
    assert said_by(text, quote) == "The state party"


def test_an_opening_participle_phrase_is_not_the_speaker():
    text = (
        "Reprising one of her favourite lines, Senator Amy Cole talked about the "
        "“progress we made under the last mayor” at length."
    )
    (quote,) = extract(text)
    assert said_by(text, quote) == "Senator Amy Cole"


def test_a_speech_noun_after_an_adjective_is_not_a_verb():
    text = "Ms. Hale had finished speaking.\nSenator Ray Moss delivered a snappy retort: “Nobody here is tearing the plan up.”"
    (quote,) = extract(text)
    assert said_by(text, quote) == "Senator Ray Moss"


def test_pull_quote_closed_on_its_credit_line():
    text = (
        "Budget hawks are back.\n"
        "“We will enter the next slump without any agreement that stimulus is needed.\n"
        "Ann Bell, Harbour Policy Institute.”\n"
        "Whether out of conviction or not, the party went along."
    )
    quotes = extract(text)
    assert said_by(text, quotes[0]) == "Ann Bell"
