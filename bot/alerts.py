"""Breaking alerts and channel posts.

Each new story is queued once (the queue and a cursor move in one transaction): for every reader
whose topics it matches and who has alerts on, due at once or, between 22:00 and 07:00 in their
zone, at 07:00; and for every linked channel. Queued sends then go out one at a time through the
story ledger by ``bot.delivery.deliver`` (claimed before, recorded after: the daily update's
protocol), behind the same flood limiter as everything else.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from telegram import Bot
from telegram.ext import ContextTypes

from bot.delivery import Outcome, Record, deliver, send_all
from bot.i18n import translator
from bot.render import alerts as render
from bot.render.articles import card_keyboard
from bot.schedule import local_date, next_delivery, to_iso
from storage import articles, channels, story_sends, subscribers, topics
from storage.db import Database
from storage.story_sends import StorySend

log = logging.getLogger(__name__)

ALERTS_PER_DAY = 5
QUIET_FROM, QUIET_UNTIL, MORNING = 22, 7, "07:00"
TICK_SECONDS = 2.0
_LOST_RIGHTS = ("rights", "not a member", "chat_write_forbidden", "kicked", "chat not found", "forbidden")


def is_quiet(now: datetime, tz: str) -> bool:
    hour = now.astimezone(ZoneInfo(tz)).hour
    return hour >= QUIET_FROM or hour < QUIET_UNTIL


def release_time(now: datetime, tz: str) -> datetime:
    """Now, or 07:00 local when it is night in ``tz`` (correct across daylight-saving changes)."""
    return next_delivery(MORNING, tz, now) if is_quiet(now, tz) else now


async def queue_new_stories(db: Database, default_tz: str, now: datetime) -> int:
    """Queue every story posted since the last call; returns how many sends were queued."""
    queued = 0
    while stories := await story_sends.stories_after(db, await story_sends.cursor(db)):
        linked = await channels.active_chat_ids(db)
        for story in stories:
            readers = await topics.matching_chats(db, story.title, story.briefing)
            zones = await topics.alert_zones(db, sorted(readers)) if readers else {}
            rows = [
                (chat, "alert", to_iso(release_time(now, tz or default_tz))) for chat, tz in zones.items()
            ]
            rows += [(chat, "channel", to_iso(now)) for chat in linked]
            await story_sends.queue(db, story.id, rows)
            queued += len(rows)
    return queued


class StorySender:
    """Sends what is due; one instance per tick."""

    def __init__(self, bot: Bot, db: Database, default_tz: str, admins: Iterable[int]) -> None:
        self.bot, self.db, self.default_tz, self.admins = bot, db, default_tz, tuple(admins)
        self._stories: dict[int, articles.StoredArticle | None] = {}

    async def run(self, now: datetime) -> Counter[str]:
        counts: Counter[str] = Counter()
        while batch := await story_sends.due(self.db, to_iso(now)):
            zones = await topics.alert_zones(self.db, [s.chat_id for s in batch if s.kind == "alert"])
            for send in batch:
                counts[await self._one(send, zones, now)] += 1
        return counts

    def _record(self, chat_id: int, article_id: int) -> Record:
        """``record`` for the story ledger's row (chat, story)."""

        async def record(outcome: Outcome) -> None:
            await story_sends.finish(self.db, chat_id, article_id, outcome.status, outcome.error)

        return record

    async def _story(self, article_id: int) -> articles.StoredArticle | None:
        if article_id not in self._stories:
            self._stories[article_id] = await articles.get(self.db, article_id)
        return self._stories[article_id]

    async def _one(self, send: StorySend, zones: dict[int, str | None], now: datetime) -> str:
        story = await self._story(send.article_id)
        if story is None:
            await story_sends.finish(self.db, send.chat_id, send.article_id, "skipped", "deleted")
            return "skipped"
        if send.kind == "alert":
            return await self._alert(send, story, zones, now)
        return await self._channel(send, story)

    async def _alert(
        self, send: StorySend, story: articles.StoredArticle, zones: dict[int, str | None], now: datetime
    ) -> str:
        chat = send.chat_id
        if chat not in zones:
            await story_sends.finish(self.db, chat, story.id, "skipped", "alerts off")
            return "skipped"
        tz = zones[chat] or self.default_tz
        day = local_date(now, tz)
        if send.status == "pending":  # a claim left by a crash was counted and checked already
            if is_quiet(now, tz):
                await story_sends.hold(self.db, chat, story.id, to_iso(release_time(now, tz)))
                return "held"
            reason = None
            if await story_sends.alerts_on(self.db, chat, day) >= ALERTS_PER_DAY:
                reason = "daily limit"  # the story still comes in the daily update
            elif await story_sends.in_daily_update(
                self.db, chat, story.id, local_date(now - timedelta(days=2), tz)
            ):
                reason = "in the daily update already"
            if reason:
                await story_sends.finish(self.db, chat, story.id, "skipped", reason)
                return "skipped"
        subscriber = await subscribers.get(self.db, chat)
        tr = translator(subscriber.language if subscriber is not None else None)  # their /subscribe language
        outcome = await deliver(
            self.bot,
            chat,
            [render.alert_card(story, tr)],
            claim=lambda: story_sends.claim(self.db, chat, story.id, day),
            record=self._record(chat, story.id),
            reply_markup=card_keyboard(story.id, tr),
        )
        if outcome is None:
            return "skipped"
        if outcome.status == "blocked":
            await subscribers.deactivate(self.db, chat, outcome.error or "blocked")
            await topics.set_alerts(self.db, chat, False)
            await story_sends.skip_pending(self.db, chat, "blocked")
        elif outcome.status == "failed":
            log.warning("alert of story %d to %s failed: %s", story.id, chat, outcome.error)
        return outcome.status

    async def _channel(self, send: StorySend, story: articles.StoredArticle) -> str:
        channel = await channels.by_chat(self.db, send.chat_id)
        if channel is None or not channel.active:
            await story_sends.finish(self.db, send.chat_id, story.id, "skipped", "channel removed or paused")
            return "skipped"
        outcome = await deliver(
            self.bot,
            send.chat_id,
            [render.channel_post(story)],
            claim=lambda: story_sends.claim(self.db, send.chat_id, story.id, None),
            record=self._record(send.chat_id, story.id),
            reply_markup=render.channel_keyboard(story.id, self.bot.username if self._knows_me() else None),
        )
        if outcome is None:
            return "skipped"
        error = (outcome.error or "").lower()
        if outcome.status == "blocked" or (
            outcome.status == "failed" and any(w in error for w in _LOST_RIGHTS)
        ):
            await self._pause(channel, outcome.error or "no rights")
        elif outcome.status == "failed":
            log.warning("post of story %d to channel %s failed: %s", story.id, send.chat_id, outcome.error)
        return outcome.status

    def _knows_me(self) -> bool:
        try:
            return bool(self.bot.username)
        except RuntimeError:  # the bot was never initialised (getMe not called)
            return False

    async def _pause(self, channel: channels.Channel, reason: str) -> None:
        """Stop posting to a channel the bot lost, and tell the admins once."""
        if not await channels.pause(self.db, channel.chat_id, reason):
            return
        await story_sends.skip_pending(self.db, channel.chat_id, "channel paused")
        name = f"@{channel.username}" if channel.username else (channel.title or str(channel.chat_id))
        log.warning("channel %s paused: %s", name, reason)
        for admin in self.admins:
            outcome = await send_all(self.bot, admin, [render.channel_paused(name, reason)])
            if outcome.status != "sent":
                log.warning("could not tell admin %s that %s was paused: %s", admin, name, outcome.error)


async def tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    db = context.bot_data.get("db")
    if db is None or context.bot_data.get("sending_stories"):
        return  # not open yet, or the previous tick is still sending
    context.bot_data["sending_stories"] = True
    try:
        settings = context.bot_data["settings"]
        now = datetime.now(ZoneInfo("UTC"))
        await queue_new_stories(db, settings.default_tz, now)
        counts = await StorySender(context.bot, db, settings.default_tz, settings.admins).run(now)
        if counts:
            log.info("alerts and channel posts: %s", dict(counts))
    finally:
        context.bot_data["sending_stories"] = False
