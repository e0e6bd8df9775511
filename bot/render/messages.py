"""Fixed replies: welcome, help, usage hints, refusals and errors.

What a reader meets is translated (``tr``: bot.i18n; constants are marked with ``N_`` and shown as
``tr(CONSTANT)``); what only admins meet stays English.
"""

from __future__ import annotations

from telegram import BotCommand

from bot.i18n import ENGLISH, N_, Translator
from bot.render.split import fit, shown

WELCOME = N_(
    "<b>Welcome to newsbrief.</b>\n"
    "Short briefings of the news, and who said what.\n\n"
    "/latest — the newest story\n"
    "/subscribe — a daily update at 08:00 (or /subscribe 07:30 Europe/Berlin)\n"
    "/help — everything I can do"
)

HELP_USER = N_(
    "/start — the welcome message (/start id opens that article)\n\n"
    "<b>Reading</b>\n"
    "/latest — the newest story with its briefing and key quotes\n"
    "/brief [id] — the briefing of an article (the newest without an id)\n"
    "/quotes [id] — every quote of an article, with who said it\n"
    "/search words — find articles\n"
    "/digest — today's update now\n\n"
    "<b>Daily update</b>\n"
    "/subscribe [HH:MM] [Area/City] — e.g. /subscribe 07:30 Europe/Berlin\n"
    "/settings — your time, zone and next delivery\n"
    "/unsubscribe — stop the daily update\n\n"
    "<b>Topics</b>\n"
    '/follow words or "a phrase" — follow a topic (up to 20, 100 characters each)\n'
    "/following — your topics, and whether your update has everything, followed first, or only followed\n"
    "/unfollow number or words — stop following one\n"
    "/alert on|off — a followed story at once (at most 5 a day, never 22:00–07:00 your time)"
)

HELP_ADMIN = (
    "\n\n<b>Admin</b>\n"
    "/post — title on the first line after the command, body after; or reply /post to a message "
    "holding the article; or attach a .txt, .md or .html file with /post as its caption\n"
    "/post URL — fetch a web page and post its article\n"
    "/delete id — remove an article\n"
    "/push id — send an article to every subscriber now\n"
    "/stats — counts\n"
    "/feed add URL · /feed list · /feed remove id — news feeds\n"
    "/channel add @name · /channel list · /channel remove id — post each new story to a channel "
    "(make me its admin first)"
)

USAGE = {
    "brief": N_("Usage: /brief [article id], e.g. /brief 12. /latest shows the newest."),
    "quotes": N_("Usage: /quotes [article id], e.g. /quotes 12."),
    "search": N_("Usage: /search words, e.g. /search harbour wall."),
    "delete": "Usage: /delete article-id, e.g. /delete 12.",
    "push": "Usage: /push article-id, e.g. /push 12.",
    "post": (
        "Usage: /post, then the title on the next line and the body after it; or reply /post to a "
        "message holding the article; or attach a .txt, .md or .html file with /post as its caption."
    ),
    "start": N_("Usage: /start, or /start article-id."),
}

#: The "/" menu Telegram shows readers: (command, description), set once per catalog language.
MENU = (
    ("latest", N_("the newest story")),
    ("brief", N_("briefing of an article: /brief [id]")),
    ("quotes", N_("who said what: /quotes [id]")),
    ("search", N_("find articles: /search words")),
    ("digest", N_("today's update now")),
    ("subscribe", N_("daily update: /subscribe [HH:MM] [Area/City]")),
    ("settings", N_("your daily update settings")),
    ("follow", N_("follow a topic: /follow words")),
    ("following", N_("your topics")),
    ("alert", N_("followed stories at once: /alert on|off")),
    ("unsubscribe", N_("stop the daily update")),
    ("help", N_("what I can do")),
)


def command_menu(tr: Translator = ENGLISH) -> list[BotCommand]:
    """The command menu in ``tr``'s language (Telegram picks it by the reader's language_code)."""
    return [BotCommand(command, tr(description)) for command, description in MENU]


NO_ARTICLES = N_("No articles yet. Check back soon.")
ADMIN_ONLY = N_("Sorry, only newsbrief admins can do that.")
ALREADY_SENDING = N_("On its way: the parts come one a second.")
UNKNOWN_BUTTON = N_("That button no longer works. /latest shows the newest story.")
DATABASE_BUSY = N_("The database is busy right now (another program is writing to it). Please try again in a minute.")
SOMETHING_WRONG = N_("Sorry, something went wrong on my side. Please try again in a moment.")
GONE = N_("That article is no longer available.")


def help_text(is_admin: bool, tr: Translator = ENGLISH) -> str:
    return tr(HELP_USER) + (HELP_ADMIN if is_admin else "")


def usage(command: str, tr: Translator = ENGLISH) -> str:
    return tr(USAGE[command])


def bad_language() -> str:
    return "Not posted: lang= takes a language code, e.g. /post lang=fr (then the article)."


def no_such_article(article_id: int, tr: Translator = ENGLISH) -> str:
    return tr("There is no article #{id}. /latest shows the newest.").format(id=article_id)


def unknown_command(command: str, tr: Translator = ENGLISH) -> str:
    return tr("I don't know {command}. Send /help to see what I can do.").format(command=shown(command))


def not_a_command(tr: Translator = ENGLISH) -> str:
    return tr("Send /latest for the newest story, or /help to see what I can do.")


def cannot_post(reason: str) -> str:
    return f"Not posted: {shown(reason, 300)}."


def deleted(article_id: int, title: str) -> str:
    return f"Deleted #{article_id}: <b>{shown(title, 300)}</b>."


def stats(articles: int, subscribers: dict[str, int], feeds: int | None = None) -> str:
    lines = [
        "<b>newsbrief stats</b>",
        f"Articles: {articles}",
        f"Subscribers: {subscribers['active']} active, {subscribers['blocked']} blocked, "
        f"{subscribers['total']} in all",
    ]
    if feeds is not None:
        lines.append(f"Feeds: {feeds}")
    return fit("\n".join(lines))


def edge(direction: str, tr: Translator = ENGLISH) -> str:
    return tr("This is the oldest article.") if direction == "o" else tr("This is the newest article.")
