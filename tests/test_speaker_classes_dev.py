"""Speaker error classes found on the PolNeAR dev split (issue 17), each with texts written here.

The rules were found on dev misses and kept only when the train split did not get worse. The
quote's credit as written (``mention``) is what the evaluation scores, so the tests check it as
well as the name a reader sees.
"""

from __future__ import annotations

from summarizer.quotes import Quote, extract


def the_quote(text: str, fragment: str) -> Quote:
    found = [q for q in extract(text) if fragment in q.quote]
    assert len(found) == 1, found
    return found[0]


def mention(text: str, quote: Quote) -> str | None:
    if quote.mention_start is None:
        return None
    return text[quote.mention_start : quote.mention_end]


def test_a_quote_continues_after_the_credit_written_between_the_two() -> None:
    text = (
        "Senator Ruth Alvarez (D-N.M.) scolded him: “The data on your supplement are thin at best,” she said. "
        "“When you promise a cure to people who are sick, you give them hope you cannot back up.”"
    )
    quote = the_quote(text, "promise a cure")
    assert mention(text, quote) == "she"
    assert quote.speaker == "Senator Ruth Alvarez"
    first = the_quote(text, "thin at best")
    assert first.speaker == "Senator Ruth Alvarez"



def test_a_surname_credit_between_two_quotes_credits_the_second() -> None:
    text = (
        "Mayor Lena Fischer told reporters: “The budget is tight but the pools will open in June,” Fischer said. "
        "“Nobody should worry about the summer season this year.”"
    )
    assert mention(text, the_quote(text, "Nobody should worry")) == "Fischer"
    text = (
        "The union’s chair Tom Berg warned: “Members will not accept another year without a raise,” he said. "
        "“We have been patient for far too long and our patience is gone.”"
    )
    quote = the_quote(text, "patient for far too long")
    assert (mention(text, quote), quote.speaker) == ("he", "Tom Berg")
