"""What each subscriber's daily update holds once topics count: followed stories first, or only
them, and never a story already sent to them as an alert."""

from __future__ import annotations

from collections.abc import Sequence

from storage import story_sends, topics
from storage.articles import StoredArticle
from storage.db import Database

#: How many new articles are considered for one update; the update itself shows at most ``limit``.
POOL = 50


class Personaliser:
    """Chooses the articles of many subscribers' updates; each story is matched once per batch."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._readers: dict[int, topics.Reader] = {}
        self._following: set[int] = set()
        self._matched: dict[int, set[int]] = {}
        self._alerted: dict[int, set[int]] = {}

    async def load(self, chat_ids: Sequence[int], after_id: int = 0) -> None:
        """The batch's follow settings, who follows anything, and what they were alerted to
        (stories newer than ``after_id``), in three queries."""
        self._readers.update(await topics.readers(self.db, chat_ids))
        self._following.update(await topics.chats_with_topics(self.db, chat_ids))
        self._alerted.update(await story_sends.alerted(self.db, chat_ids, after_id))

    async def _followers(self, article: StoredArticle) -> set[int]:
        if article.id not in self._matched:
            self._matched[article.id] = await topics.matching_chats(self.db, article.title, article.briefing)
        return self._matched[article.id]

    async def choose(self, chat_id: int, pool: Sequence[StoredArticle], limit: int) -> list[StoredArticle]:
        """Up to ``limit`` of the new articles (newest first) as this reader wants them, without
        the stories already sent to them as alerts."""
        reader = self._readers.get(chat_id)
        mode = reader.daily_mode if reader is not None else topics.DEFAULT_MODE
        skip = self._alerted.get(chat_id, ())
        candidates = [a for a in pool if a.id not in skip]
        if chat_id not in self._following:
            return [] if mode == "only" else candidates[:limit]
        if mode == "all":
            return candidates[:limit]
        followed = [a for a in candidates if chat_id in await self._followers(a)]
        if mode == "only":
            return followed[:limit]
        chosen = {a.id for a in followed}
        return (followed + [a for a in candidates if a.id not in chosen])[:limit]
