"""What each subscriber's daily update holds once topics count: followed stories first, or only
them, and never a story already sent to them as an alert."""

from __future__ import annotations

from collections.abc import Sequence

from storage import topics
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

    async def load(self, chat_ids: Sequence[int]) -> None:
        """The batch's follow settings and who follows anything, in two queries."""
        self._readers.update(await topics.readers(self.db, chat_ids))
        self._following.update(await topics.chats_with_topics(self.db, chat_ids))

    async def _followers(self, article: StoredArticle) -> set[int]:
        if article.id not in self._matched:
            self._matched[article.id] = await topics.matching_chats(self.db, article.title, article.briefing)
        return self._matched[article.id]

    async def choose(
        self, chat_id: int, pool: Sequence[StoredArticle], limit: int, skip: frozenset[int] = frozenset()
    ) -> list[StoredArticle]:
        """Up to ``limit`` of the new articles (newest first) as this reader wants them."""
        reader = self._readers.get(chat_id)
        mode = reader.daily_mode if reader is not None else topics.DEFAULT_MODE
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
