"""Topics readers follow, and which readers' topics one new article matches.

A topic is a list of groups of folded terms: a single word, or a "quoted phrase" whose words must
stand next to each other. A story matches when every group is in its title or briefing.

Matching one article against every topic is an inverted-index query: each topic is indexed under
one of its terms (its *anchor*, the longest: long words are the rare ones), so an article only
reads the topics anchored on one of its own terms, and only those few are checked in full.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from storage.clock import utc_now
from storage.db import Database
from storage.folding import COLUMNS, Folded, fold, fold_many

MAX_TOPICS = 20
MAX_CHARS = 100
DAILY_MODES = ("all", "first", "only")
#: Followed first: for a reader who follows nothing it is the same as everything, newest first.
DEFAULT_MODE = "first"

Groups = list[list[str]]
_QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”|«([^»]*)»|„([^“”]*)[“”]')


@dataclass(frozen=True)
class Topic:
    id: int
    chat_id: int
    phrase: str
    groups: Groups

    @property
    def key(self) -> str:
        return group_key(self.groups)


@dataclass(frozen=True)
class Reader:
    chat_id: int
    daily_mode: str  # all, first, only
    alerts: bool


def group_key(groups: Groups) -> str:
    return json.dumps(groups, ensure_ascii=False, separators=(",", ":"))


def clean_phrase(text: str) -> str:
    """The topic as shown back: control and format characters (RTL marks, zero-widths) removed,
    spaces collapsed."""
    kept = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co", "Cn"))
    return " ".join(kept.split())


def segments(text: str) -> list[tuple[bool, str]]:
    """(is_phrase, text) pieces: quoted phrases and the plain words between them."""
    pieces: list[tuple[bool, str]] = []
    at = 0
    for found in _QUOTED.finditer(text):
        pieces.append((False, text[at : found.start()]))
        pieces.append((True, next(g for g in found.groups() if g is not None)))
        at = found.end()
    pieces.append((False, text[at:]))
    return [(phrase, piece) for phrase, piece in pieces if piece.strip()]


async def parse(db: Database, text: str) -> Groups:
    """The folded groups of a topic as typed (empty when it holds no word)."""
    pieces = segments(text)
    folded = await fold_many(db, [(piece, "") for _, piece in pieces])
    groups: Groups = []
    for (phrase, _), terms in zip(pieces, folded, strict=True):
        words = terms["title"]
        candidates = [words] if phrase and len(words) > 1 else [[w] for w in words]
        for group in candidates:
            if group not in groups:
                groups.append(group)
    return groups


def anchor_of(groups: Groups) -> str:
    """The term a topic is indexed under: the longest (long words are rare), then the last."""
    return max((term for group in groups for term in group), key=lambda t: (len(t), t))


def _from_row(row: Any) -> Topic:
    return Topic(row["id"], row["chat_id"], row["phrase"], json.loads(row["groups"]))


async def add(
    db: Database, chat_id: int, phrase: str, groups: Groups, limit: int = MAX_TOPICS
) -> Topic | str:
    """Follow a topic; 'duplicate' when the reader follows the same words, 'full' at ``limit``.

    The limit is checked in the same statement as the insert, so two quick /follow commands
    cannot both slip in at 19.
    """
    key = group_key(groups)
    rows = await db.write_returning(
        "INSERT INTO topics (chat_id, phrase, groups, anchor, created_at)"
        " SELECT ?, ?, ?, ?, ? WHERE (SELECT COUNT(*) FROM topics WHERE chat_id = ?) < ?"
        " ON CONFLICT (chat_id, groups) DO NOTHING RETURNING id, chat_id, phrase, groups",
        (chat_id, phrase, key, anchor_of(groups), utc_now(), chat_id, limit),
    )
    if rows:
        return _from_row(rows[0])
    same = await db.fetchone("SELECT 1 FROM topics WHERE chat_id = ? AND groups = ?", (chat_id, key))
    return "duplicate" if same is not None else "full"


async def add_many(db: Database, rows: Iterable[tuple[int, str, Groups]]) -> None:
    """Bulk follow (imports, benchmarks): (chat id, phrase, groups) rows, duplicates skipped."""
    now = utc_now()
    await db.write_many(
        "INSERT INTO topics (chat_id, phrase, groups, anchor, created_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (chat_id, groups) DO NOTHING",
        ((chat, phrase, group_key(groups), anchor_of(groups), now) for chat, phrase, groups in rows),
    )


async def for_chat(db: Database, chat_id: int) -> list[Topic]:
    """A reader's topics in the order they were followed (the numbers /unfollow takes)."""
    rows = await db.fetchall(
        "SELECT id, chat_id, phrase, groups FROM topics WHERE chat_id = ? ORDER BY id", (chat_id,)
    )
    return [_from_row(r) for r in rows]


async def count(db: Database, chat_id: int) -> int:
    row = await db.fetchone("SELECT COUNT(*) FROM topics WHERE chat_id = ?", (chat_id,))
    return int(row[0])


async def remove(db: Database, topic_id: int) -> bool:
    return await db.execute("DELETE FROM topics WHERE id = ?", (topic_id,)) == 1


# -- readers' settings ------------------------------------------------------------------------------


async def reader(db: Database, chat_id: int) -> Reader:
    row = await db.fetchone("SELECT chat_id, daily_mode, alerts FROM readers WHERE chat_id = ?", (chat_id,))
    if row is None:
        return Reader(chat_id, DEFAULT_MODE, False)
    return Reader(row["chat_id"], row["daily_mode"], bool(row["alerts"]))


async def readers(db: Database, chat_ids: Sequence[int]) -> dict[int, Reader]:
    """Settings of many readers at once; those never set are absent (followed first, no alerts)."""
    rows = await db.fetchall(
        "SELECT chat_id, daily_mode, alerts FROM readers WHERE chat_id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(chat_ids)),),
    )
    return {r["chat_id"]: Reader(r["chat_id"], r["daily_mode"], bool(r["alerts"])) for r in rows}


async def chats_with_topics(db: Database, chat_ids: Sequence[int]) -> set[int]:
    """Which of these chats follow at least one topic."""
    rows = await db.fetchall(
        "SELECT DISTINCT chat_id FROM topics WHERE chat_id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(chat_ids)),),
    )
    return {r[0] for r in rows}


async def alert_zones(db: Database, chat_ids: Sequence[int]) -> dict[int, str | None]:
    """Of these chats, those with alerts on who have not blocked the bot, each with the zone of
    their subscription (None when they have none)."""
    rows = await db.fetchall(
        "SELECT r.chat_id, s.tz FROM readers r LEFT JOIN subscribers s ON s.chat_id = r.chat_id"
        " WHERE r.alerts = 1 AND s.blocked_at IS NULL AND r.chat_id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(chat_ids)),),
    )
    return {r[0]: r[1] for r in rows}


async def set_daily_mode(db: Database, chat_id: int, mode: str) -> None:
    if mode not in DAILY_MODES:
        raise ValueError(f"unknown daily mode {mode!r}")
    await db.execute(
        "INSERT INTO readers (chat_id, daily_mode) VALUES (?, ?)"
        " ON CONFLICT (chat_id) DO UPDATE SET daily_mode = excluded.daily_mode",
        (chat_id, mode),
    )


async def set_alerts(db: Database, chat_id: int, on: bool) -> None:
    await db.execute(
        "INSERT INTO readers (chat_id, alerts) VALUES (?, ?)"
        " ON CONFLICT (chat_id) DO UPDATE SET alerts = excluded.alerts",
        (chat_id, int(on)),
    )


# -- matching ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    topic_id: int
    chat_id: int
    phrase: str


async def fold_article(db: Database, title: str, briefing: Sequence[str] | None) -> Folded:
    """What topics are matched against: the story's title and briefing, folded."""
    return (await fold_many(db, [(title, " ".join(briefing or []))]))[0]


def contains(folded: Folded, groups: Groups) -> bool:
    """Every group in the story: a word anywhere, a phrase as consecutive words of one column."""
    words = {term for column in COLUMNS for term in folded[column]}
    for group in groups:
        if len(group) == 1:
            if group[0] not in words:
                return False
        elif not any(_has_run(folded[column], group) for column in COLUMNS):
            return False
    return True


def _has_run(terms: list[str], run: list[str]) -> bool:
    width = len(run)
    return any(terms[i : i + width] == run for i in range(len(terms) - width + 1) if terms[i] == run[0])


async def matches(db: Database, folded: Folded) -> list[Match]:
    """Every topic the folded story matches: the anchors index narrows, the full check confirms."""
    terms = sorted({term for column in COLUMNS for term in folded[column]})
    if not terms:
        return []
    rows = await db.fetchall(
        "SELECT id, chat_id, phrase, groups FROM topics WHERE anchor IN (SELECT value FROM json_each(?))",
        (json.dumps(terms, ensure_ascii=False),),
    )
    return [
        Match(r["id"], r["chat_id"], r["phrase"]) for r in rows if contains(folded, json.loads(r["groups"]))
    ]


async def matching_chats(db: Database, title: str, briefing: Sequence[str] | None) -> set[int]:
    """The readers with at least one topic this story matches.

    Most topics are one word, their anchor: those match on the index alone and only their chat
    ids are read; the others are read whole and checked. Both queries read only the covering
    index (anchor, chat id, groups), never the table.
    """
    folded = await fold_article(db, title, briefing)
    terms = json.dumps(sorted({term for column in COLUMNS for term in folded[column]}), ensure_ascii=False)
    single = "groups = '[[\"' || anchor || '\"]]'"  # terms are letters and digits: no JSON escapes
    rows = await db.fetchall(
        f"SELECT DISTINCT chat_id FROM topics WHERE anchor IN (SELECT value FROM json_each(?)) AND {single}",
        (terms,),
    )
    chats = {r[0] for r in rows}
    rows = await db.fetchall(
        "SELECT chat_id, groups FROM topics"
        f" WHERE anchor IN (SELECT value FROM json_each(?)) AND NOT {single}",
        (terms,),
    )
    chats.update(r[0] for r in rows if r[0] not in chats and contains(folded, json.loads(r[1])))
    return chats


__all__ = [
    "DAILY_MODES",
    "MAX_CHARS",
    "MAX_TOPICS",
    "Match",
    "Reader",
    "Topic",
    "add",
    "clean_phrase",
    "count",
    "fold",
    "for_chat",
    "matches",
    "matching_chats",
    "parse",
    "remove",
]
