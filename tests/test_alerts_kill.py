"""Kill test for alerts: SIGKILL the bot twice while it alerts 1,500 followers of one story; after
the restarts every follower has had the alert, and at most the one message in flight per kill twice."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.ingest import post_text
from storage import subscribers, topics
from storage.db import Database
from tests.conftest import ARTICLE, BotProcess
from tests.standin import StandIn
from tests.standin.records import max_in_window

FOLLOWERS = 1500
ZONES = ("UTC", "Europe/Berlin", "Asia/Tokyo", "America/New_York", "Asia/Kolkata", "America/Los_Angeles")


def daytime_zone() -> str:
    """A zone where it is day for the next hour, so quiet hours hold nothing back."""
    now = datetime.now(UTC)
    for zone in ZONES:
        hours = {(now + timedelta(minutes=m)).astimezone(ZoneInfo(zone)).hour for m in (0, 60)}
        if all(8 <= hour < 21 for hour in hours):
            return zone
    raise AssertionError("some zone is always in daytime")


async def prepare(db_path: Path, zone: str) -> None:
    """1,500 readers in a daytime zone following "sea wall" with alerts on, then the story."""
    async with await Database.open(db_path) as db:
        groups = await topics.parse(db, "sea wall")
        await topics.add_many(db, [(chat, "sea wall", groups) for chat in range(1, FOLLOWERS + 1)])
        for chat in range(1, FOLLOWERS + 1):
            await subscribers.subscribe(db, chat, "08:00", zone, 0, "2099-01-01T00:00:00Z")
            await topics.set_alerts(db, chat, True)
        await post_text(db, ARTICLE.read_text(encoding="utf-8"), source="test")


async def wait_for_alerts(api: StandIn, at_least: int, timeout: float) -> None:
    for _ in range(int(timeout / 0.05)):
        if len({s.chat_id for s in api.delivered()}) >= at_least:
            return
        await asyncio.sleep(0.05)
    raise TimeoutError(f"only {len(api.delivered())} alerts after {timeout} s")


async def test_sigkill_mid_alerts_every_follower_gets_the_story_once(standin: StandIn, db_path: Path):
    standin.auto_register = True
    await prepare(db_path, daytime_zone())
    kills = 0
    process = await BotProcess(standin, db_path, NEWSBRIEF_RATE="300").start()
    for fraction in (0.25, 0.6):
        await wait_for_alerts(standin, int(FOLLOWERS * fraction), timeout=60)
        process.kill()
        kills += 1
        process = await BotProcess(standin, db_path, NEWSBRIEF_RATE="300").start()
    try:
        await wait_for_alerts(standin, FOLLOWERS, timeout=60)
        await asyncio.sleep(3)  # two more ticks: anything queued twice would show up now
    finally:
        await process.stop()

    alerts = [s for s in standin.delivered() if s.chat_id is not None and 1 <= s.chat_id <= FOLLOWERS]
    per_chat = Counter(s.chat_id for s in alerts)
    duplicates = sum(n - 1 for n in per_chat.values())
    print(f"\nalert kill test: {FOLLOWERS} followers, {kills} kills, {len(per_chat)} alerted, {duplicates} repeats")
    assert len(per_chat) == FOLLOWERS  # nobody lost
    assert duplicates <= kills  # at most the one message in flight per kill
    assert all("Alert" in (s.text or "") for s in alerts)
    assert max_in_window(s.at for s in standin.delivered()) <= 300  # never over NEWSBRIEF_RATE
