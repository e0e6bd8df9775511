"""Kill test: SIGKILL the bot mid-broadcast, restart it; every subscriber ends with one update."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.schedule import to_iso
from storage import articles, subscribers
from storage.db import Database
from tests.conftest import BotProcess
from tests.standin import StandIn

SUBSCRIBERS = 800
#: Where the two kills land: inside the first process's first batch of claims (500), and inside the
#: second process's second batch (it restarts at 25% and has sent 500 of its own by 88%).
KILL_AT = (0.25, 0.9)


async def prepare(db_path: Path) -> None:
    """SUBSCRIBERS subscribers whose update fell due a minute ago, and one new article for them."""
    due = to_iso(datetime.now(UTC) - timedelta(minutes=1))
    async with await Database.open(db_path) as db:
        for chat in range(1, SUBSCRIBERS + 1):
            await subscribers.subscribe(db, chat, "08:00", "UTC", 0, due)
        await articles.add(
            db,
            title="Morning news",
            body="Something happened overnight.",
            briefing=["Something happened overnight."],
            quotes=[],
        )


async def wait_for_sends(api: StandIn, at_least: int, timeout: float) -> None:
    for _ in range(int(timeout / 0.05)):
        if len(api.delivered()) >= at_least:
            return
        await asyncio.sleep(0.05)
    raise TimeoutError(f"only {len(api.delivered())} sends after {timeout} s")


async def test_sigkill_mid_broadcast_loses_nothing_and_repeats_at_most_one(standin: StandIn, db_path: Path):
    standin.auto_register = True
    await prepare(db_path)
    kills = 0
    process = await BotProcess(standin, db_path, NEWSBRIEF_RATE="400").start()
    for fraction in KILL_AT:
        await wait_for_sends(standin, int(SUBSCRIBERS * fraction), timeout=60)
        process.kill()
        kills += 1
        process = await BotProcess(standin, db_path, NEWSBRIEF_RATE="400").start()
    try:
        for _ in range(1200):
            if len({s.chat_id for s in standin.delivered()}) >= SUBSCRIBERS:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.5)  # anything still to come would show up now
    finally:
        await process.stop()

    per_chat = Counter(s.chat_id for s in standin.delivered())
    duplicates = sum(n - 1 for n in per_chat.values() if n > 1)
    print(
        f"\nkill test: {SUBSCRIBERS} subscribers, {kills} kills, {len(per_chat)} got their update, "
        f"{sum(per_chat.values())} messages sent, {duplicates} duplicates"
    )
    assert len(per_chat) == SUBSCRIBERS  # nobody lost
    assert duplicates <= kills  # at most the one message in flight per kill
