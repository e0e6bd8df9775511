"""Issue 13: no renderer can produce a message Telegram refuses, whatever it is given.

Every public function of every ``bot/render`` module is found by introspection and fed hostile
values built from its type hints (giant titles, bodies of one 20,000-character word, markup and
entities, direction overrides, huge ids). Each message it returns must pass the stand-in's
``sendMessage`` checks: at most 4096 characters after entity parsing, tags balanced, entities
whole. A new renderer is picked up on its own; one taking a type this test cannot build fails
here until the type is taught to ``strategy_for``.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import types
import typing
from collections.abc import Callable, Sequence
from dataclasses import fields, is_dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from telegram import InlineKeyboardMarkup, InlineQueryResultArticle

import bot.render
from bot.i18n import LANGUAGES, Translator, translator
from bot.localapi import to_plain_text
from bot.render import split
from storage.articles import StoredArticle
from summarizer.quotes import Quote
from tests.standin import check_message

EXAMPLES = 8  # per renderer: ~70 renderers, the whole file in ~15 s

#: Pieces an outsider can send, repeated into texts far over Telegram's limit.
UNITS = ["&", "<b>", "</i>", "W", "word ", "“q,” said Ann. ", "\u202e", "😀", "a. ", "&amp;", "\n", " "]
hostile_text = st.one_of(
    st.text(max_size=40),
    st.builds(lambda unit, n: unit * n, st.sampled_from(UNITS), st.integers(1, 7000)),
    st.builds(
        lambda parts: "".join(parts), st.lists(st.sampled_from([*UNITS, "x" * 500, "Ünïcödé "]), max_size=60)
    ),
)
hostile_int = st.one_of(st.integers(0, 10**6), st.integers(-(2**63), 2**63 - 1))

#: Arguments that are not outside text but one of a few words the code itself chooses.
CHOSEN: dict[str, st.SearchStrategy[Any]] = {
    "command": st.sampled_from(sorted(__import__("bot.render.messages").render.messages.USAGE)),
    "mode": st.sampled_from(["all", "first", "only"]),
    "current": st.sampled_from(["all", "first", "only"]),
    "direction": st.sampled_from(["o", "n"]),
    # A subscriber's zone is checked before it is stored; any instant.
    "zone": st.sampled_from(["UTC", "Europe/Berlin", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham"]),
    "instant": st.datetimes(datetime(1900, 1, 2), datetime(9998, 12, 30), timezones=st.just(UTC)),
}
#: Count dictionaries, by parameter name: the keys the code reads, any numbers.
CHOSEN_DICTS: dict[str, st.SearchStrategy[Any]] = {
    "subscribers": st.fixed_dictionaries({k: hostile_int for k in ("active", "blocked", "total")}),
    "counts": st.fixed_dictionaries({k: hostile_int for k in ("sent", "blocked", "failed")}),
}


def quotes_json() -> st.SearchStrategy[list[dict[str, Any]]]:
    quote = st.builds(
        Quote,
        quote=hostile_text,
        start=st.integers(0, 10**6),
        end=st.integers(0, 10**6),
        speaker=st.none() | hostile_text,
        mention_start=st.none() | st.integers(0, 10**6),
        mention_end=st.none() | st.integers(0, 10**6),
        score=st.floats(0, 10, allow_nan=False),
    )
    return st.lists(quote.map(Quote.to_json), max_size=6)


def strategy_for(hint: Any, name: str = "") -> st.SearchStrategy[Any]:
    """Hostile values of a type hint; raises TypeError for a type this test has not learnt."""
    if name in CHOSEN:
        return CHOSEN[name]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*[strategy_for(a, name) for a in args])
    if hint is type(None):
        return st.none()
    if hint is str:
        return hostile_text
    if hint is bool:
        return st.booleans()
    if hint is int:
        return hostile_int
    if hint is float:
        return st.floats(allow_nan=False, allow_infinity=False)
    if origin in (list, Sequence, typing.Sequence) or hint in (list,):
        return st.lists(strategy_for(args[0] if args else str, name), max_size=5)
    if origin is dict:
        if name in CHOSEN_DICTS:
            return CHOSEN_DICTS[name]
        key, value = args
        if name == "quotes" or value is Any:
            raise TypeError(f"dict[{key}, {value}] for {name}")
        return st.dictionaries(st.sampled_from(["active", "blocked", "total", "sent", "failed"]), strategy_for(value))
    if hint is StoredArticle:
        return article_strategy()
    if hint is Translator:  # every reader's language: the catalogs' texts must be safe HTML too
        return st.sampled_from([translator(code) for code in LANGUAGES])
    if is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        return st.builds(hint, **{f.name: strategy_for(hints[f.name], f.name) for f in fields(hint)})
    raise TypeError(f"no hostile values for {hint!r} ({name})")


def article_strategy() -> st.SearchStrategy[StoredArticle]:
    hints = typing.get_type_hints(StoredArticle)
    chosen = {
        "id": st.integers(1, 2**63 - 1),
        "quotes": st.none() | quotes_json(),
        "body": st.builds(lambda parts: "\n\n".join(parts), st.lists(hostile_text, max_size=8)),
    }
    values = {
        f.name: chosen[f.name] if f.name in chosen else strategy_for(hints[f.name], f.name)
        for f in fields(StoredArticle)
    }
    return st.builds(StoredArticle, **values)


def renderers() -> list[tuple[str, Callable[..., Any]]]:
    found = []
    for module_info in pkgutil.iter_modules(bot.render.__path__):
        module = importlib.import_module(f"bot.render.{module_info.name}")
        if module is split:
            continue
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue
            found.append((f"{module_info.name}.{name}", function))
    return found


def messages_of(result: Any) -> list[str]:
    """The message texts a renderer's result would put in a chat."""
    if result is None or isinstance(result, InlineKeyboardMarkup | int | bool):
        return []
    if isinstance(result, str):
        return [result]
    if isinstance(result, InlineQueryResultArticle):
        return [result.input_message_content.message_text]
    if isinstance(result, list | tuple):
        return [text for item in result for text in messages_of(item)]
    return []  # data, not a message (e.g. a Quote list for another renderer)


#: Renderers whose result is not a message (data handed to other renderers, or link text).
NOT_MESSAGES = {
    "articles.stored_quotes",
    "articles.posted_date",
    "articles.source_name",  # plain text for a heading (escaped there) or a button label
    "inline.deep_link",
    "inline.result_description",
}


@pytest.mark.parametrize(("name", "function"), renderers(), ids=[n for n, _ in renderers()])
def test_no_renderer_can_produce_a_message_telegram_refuses(name: str, function: Callable[..., Any]):
    hints = typing.get_type_hints(function)
    parameters = inspect.signature(function).parameters
    arguments = {p: strategy_for(hints[p], p) for p in parameters if p in hints}

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],  # no shrinking: giant inputs shrink for minutes
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.fixed_dictionaries(arguments))
    def check(values: dict[str, Any]) -> None:
        result = function(**values)
        if name in NOT_MESSAGES:
            return
        for text in messages_of(result):
            if isinstance(text, str) and text.strip():
                check_message(text, "HTML")  # raises Telegram's 400 description

    check()


def test_every_renderer_is_checked():
    """The introspection finds the renderers (a rename of the package would silently test none)."""
    names = {name for name, _ in renderers()}
    assert {"articles.article_card", "articles.posted", "daily.daily_update", "messages.unknown_command"} <= names
    assert len(names) > 40


@settings(max_examples=60, deadline=None, database=None)
@given(st.lists(hostile_text, min_size=1, max_size=12), st.integers(50, 4096))
def test_split_blocks_never_exceeds_the_limit_or_cuts_a_tag(blocks: list[str], limit: int):
    from html import escape

    marked = [f"<b>{escape(b)}</b>" if i % 3 == 0 else escape(b) for i, b in enumerate(blocks)]
    for message in split.split_blocks(marked, limit):
        assert split.visible_length(message) <= limit
        check_message(message, "HTML", limit=max(limit, 1))


@settings(max_examples=60, deadline=None, database=None)
@given(hostile_text, st.integers(2, 4096))
def test_fit_keeps_what_fits_and_cuts_the_rest_with_an_ellipsis(text: str, limit: int):
    from html import escape

    html = f"<b>{escape(text)}</b> <i>#1</i>"
    fitted = split.fit(html, limit)
    assert split.visible_length(fitted) <= limit
    if split.visible_length(html) <= limit:
        assert fitted == html
    elif fitted.strip():
        check_message(fitted, "HTML", limit=limit)


def test_a_long_bold_block_is_cut_between_words_and_never_leaves_an_empty_message():
    """Found by the property above under load: a bold block of repeated short sentences was cut
    mid-word ("said A" / "nn.") and ended in a message of one space inside <b>, which Telegram
    refuses as empty."""
    from html import escape

    block = "<b>" + escape("“q,” said Ann. " * 23) + "</b>"
    messages = split.split_blocks([block], 50)
    assert len(messages) > 1
    for message in messages:
        check_message(message, "HTML", limit=50)
        words = to_plain_text(message).split()
        assert set(words) <= {"“q,”", "said", "Ann."}, words
