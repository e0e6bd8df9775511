"""Replies of /follow, /unfollow, /following and /alert, and the daily-update choice buttons."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import ENGLISH, N_, Translator
from storage.topics import MAX_CHARS, MAX_TOPICS, Topic

FOLLOW_USAGE = 'Usage: /follow words or "a phrase", e.g. /follow harbour wall or /follow "sea wall".'
UNFOLLOW_USAGE = "Usage: /unfollow number or words, e.g. /unfollow 2 (/following shows the numbers)."
ALERT_USAGE = "Usage: /alert on or /alert off."
NO_TOPICS = 'You follow no topics. /follow words or "a phrase" adds one.'

MODES = {
    "all": N_("everything, newest first"),
    "first": N_("followed topics first, then the rest"),
    "only": N_("only followed topics"),
}
_BUTTONS = {"all": N_("Everything"), "first": N_("Followed first"), "only": N_("Only followed")}


def _quoted(phrase: str, limit: int = 60) -> str:
    shown = phrase if len(phrase) <= limit else phrase[: limit - 1] + "…"
    return f"“{escape(shown)}”"


def followed(topic: Topic, number: int, mode: str, alerts: bool) -> str:
    where = {"all": "/settings can put it first in", "first": "It comes first in", "only": "It is what fills"}
    tail = "" if alerts else " /alert on sends matching stories at once."
    return f"Following {_quoted(topic.phrase)} (#{number}). {where[mode]} your daily update.{tail}"


def already_following(phrase: str) -> str:
    return f"You already follow {_quoted(phrase)}. /following lists your topics."


def too_long(length: int) -> str:
    return f"A topic is at most {MAX_CHARS} characters; that one has {length:,}. Try a few key words."


def no_words(phrase: str) -> str:
    shown = f"{_quoted(phrase)} has" if phrase else "That has"
    return f"{shown} no words to match: a topic needs letters or digits."


def too_many() -> str:
    return f"You follow {MAX_TOPICS} topics, the most there can be. /unfollow one first."


def unfollowed(topic: Topic) -> str:
    return f"Stopped following {_quoted(topic.phrase)}."


def not_following(text: str) -> str:
    return f"You don't follow {_quoted(text)}. /following lists your topics."


def no_such_number(number: int, count: int) -> str:
    if count == 0:
        return NO_TOPICS
    return f"There is no topic #{number}: you follow {count}. /following lists them."


def mode_line(mode: str, tr: Translator = ENGLISH) -> str:
    # Catalog text only (no markup characters): it is shown as HTML and as a button's plain-text answer.
    return tr("Daily update: {mode}").format(mode=tr(MODES[mode]))


def following(topics: Sequence[Topic], mode: str, alerts: bool, tz: str) -> str:
    if not topics:
        return NO_TOPICS
    lines = [f"<b>You follow {len(topics)} topic{'s' if len(topics) != 1 else ''}</b>"]
    lines += [f"{n}. {escape(t.phrase)}" for n, t in enumerate(topics, 1)]
    lines.append("")
    lines.append(mode_line(mode) + " (buttons below).")
    lines.append(alerts_state(alerts, tz))
    lines.append("<i>/unfollow number · /alert on|off</i>")
    return "\n".join(lines)


def alerts_state(on: bool, tz: str) -> str:
    if not on:
        return "Alerts: off (/alert on sends matching stories at once)."
    return f"Alerts: on, at most 5 a day, none 22:00–07:00 ({escape(tz)})."


def alerts_on(tz: str, has_topics: bool) -> str:
    text = (
        "Alerts on: a story matching a topic you follow comes at once, at most 5 a day; "
        f"between 22:00 and 07:00 ({escape(tz)}) it waits for the morning."
    )
    return text if has_topics else text + ' You follow no topics yet: /follow words or "a phrase".'


ALERTS_OFF = "Alerts off. Followed stories still come first in your daily update."


def mode_keyboard(current: str, tr: Translator = ENGLISH) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(("✓ " if mode == current else "") + tr(label), callback_data=f"dm:{mode}")
                for mode, label in _BUTTONS.items()
            ]
        ]
    )


def mode_chosen(mode: str, tr: Translator = ENGLISH) -> str:
    return f"{mode_line(mode, tr)}."
