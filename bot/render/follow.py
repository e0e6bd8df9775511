"""Replies of /follow, /unfollow, /following and /alert, and the daily-update choice buttons."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape as _html_escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import ENGLISH, N_, Translator
from bot.render.split import fit, shown
from storage.topics import MAX_CHARS, MAX_TOPICS, Topic

FOLLOW_USAGE = N_('Usage: /follow words or "a phrase", e.g. /follow harbour wall or /follow "sea wall".')
UNFOLLOW_USAGE = N_("Usage: /unfollow number or words, e.g. /unfollow 2 (/following shows the numbers).")
ALERT_USAGE = N_("Usage: /alert on or /alert off.")
NO_TOPICS = N_('You follow no topics. /follow words or "a phrase" adds one.')

MODES = {
    "all": N_("everything, newest first"),
    "first": N_("followed topics first, then the rest"),
    "only": N_("only followed topics"),
}
_BUTTONS = {"all": N_("Everything"), "first": N_("Followed first"), "only": N_("Only followed")}


def _escape(text: str) -> str:
    """HTML-escaped, leaving quotation marks as typed (the texts quote "a phrase")."""
    return _html_escape(text, quote=False)


def _quoted(phrase: str, limit: int = 60) -> str:
    shown = phrase if len(phrase) <= limit else phrase[: limit - 1] + "…"
    return f"“{_escape(shown)}”"


def followed(topic: Topic, number: int, mode: str, alerts: bool, tr: Translator = ENGLISH) -> str:
    where = {
        "all": tr("/settings can put it first in your daily update."),
        "first": tr("It comes first in your daily update."),
        "only": tr("It is what fills your daily update."),
    }
    tail = "" if alerts else " " + tr("/alert on sends matching stories at once.")
    head = _escape(tr("Following {topic} (#{number}).")).format(topic=_quoted(topic.phrase), number=number)
    return f"{head} {_escape(where[mode] + tail)}"


def already_following(phrase: str, tr: Translator = ENGLISH) -> str:
    return _escape(tr("You already follow {topic}. /following lists your topics.")).format(
        topic=_quoted(phrase)
    )


def too_long(length: int, tr: Translator = ENGLISH) -> str:
    text = tr("A topic is at most {limit} characters; that one has {length}. Try a few key words.")
    return _escape(text).format(limit=MAX_CHARS, length=f"{length:,}")


def no_words(phrase: str, tr: Translator = ENGLISH) -> str:
    if not phrase:
        return _escape(tr("That has no words to match: a topic needs letters or digits."))
    return _escape(tr("{topic} has no words to match: a topic needs letters or digits.")).format(
        topic=_quoted(phrase)
    )


def too_many(tr: Translator = ENGLISH) -> str:
    return _escape(tr("You follow {limit} topics, the most there can be. /unfollow one first.")).format(
        limit=MAX_TOPICS
    )


def unfollowed(topic: Topic, tr: Translator = ENGLISH) -> str:
    return _escape(tr("Stopped following {topic}.")).format(topic=_quoted(topic.phrase))


def not_following(text: str, tr: Translator = ENGLISH) -> str:
    return _escape(tr("You don't follow {topic}. /following lists your topics.")).format(topic=_quoted(text))


def no_such_number(number: int, count: int, tr: Translator = ENGLISH) -> str:
    if count == 0:
        return _escape(tr(NO_TOPICS))
    text = tr("There is no topic #{number}: you follow {count}. /following lists them.")
    return _escape(text).format(number=number, count=count)


def mode_line(mode: str, tr: Translator = ENGLISH) -> str:
    # Catalog text only (no markup characters): it is shown as HTML and as a button's plain-text answer.
    return tr("Daily update: {mode}").format(mode=tr(MODES[mode]))


def following(topics: Sequence[Topic], mode: str, alerts: bool, tz: str, tr: Translator = ENGLISH) -> str:
    if not topics:
        return _escape(tr(NO_TOPICS))
    count = len(topics)
    lines = [
        "<b>"
        + _escape(tr.n("You follow {count} topic", "You follow {count} topics", count)).format(count=count)
        + "</b>"
    ]
    lines += [f"{n}. {shown(t.phrase, 200)}" for n, t in enumerate(topics, 1)]
    lines.append("")
    lines.append(_escape(mode_line(mode, tr) + " " + tr("(buttons below).")))
    lines.append(alerts_state(alerts, tz, tr))
    lines.append("<i>" + _escape(tr("/unfollow number · /alert on|off")) + "</i>")
    return fit("\n".join(lines))


def alerts_state(on: bool, tz: str, tr: Translator = ENGLISH) -> str:
    if not on:
        return _escape(tr("Alerts: off (/alert on sends matching stories at once)."))
    return _escape(tr("Alerts: on, at most 5 a day, none 22:00–07:00 ({zone}).")).format(zone=shown(tz))


def alerts_on(tz: str, has_topics: bool, tr: Translator = ENGLISH) -> str:
    text = tr(
        "Alerts on: a story matching a topic you follow comes at once, at most 5 a day; "
        "between 22:00 and 07:00 ({zone}) it waits for the morning."
    )
    text = _escape(text).format(zone=shown(tz))
    return (
        text
        if has_topics
        else text + " " + _escape(tr('You follow no topics yet: /follow words or "a phrase".'))
    )


ALERTS_OFF = N_("Alerts off. Followed stories still come first in your daily update.")


def mode_keyboard(current: str, tr: Translator = ENGLISH) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    ("✓ " if mode == current else "") + tr(label), callback_data=f"dm:{mode}"
                )
                for mode, label in _BUTTONS.items()
            ]
        ]
    )


def mode_chosen(mode: str, tr: Translator = ENGLISH) -> str:
    return f"{mode_line(mode, tr)}."
