"""``/latest`` under N concurrent users: the real bot process through the stand-in; prints JSON.

Usage: python tests/benchmarks/updates.py [--users 10,100,500] [--rounds 5]

Three processes, as in production: the stand-in (``python -m tests.standin``) plays Telegram, the bot
runs as ``python -m bot``, and this script plays the users through the stand-in's control surface.
In each round every one of N users sends ``/latest`` at once; a user's latency runs from the moment
their message is handed to the stand-in to the moment the stand-in accepts the bot's reply. Rounds
are a second apart, so Telegram's one-message-a-second-per-chat limit (which the bot keeps) never
delays a reply. The bot's flood limiter is set far above what the machine can send.

Beside it, in the same run, a bare python-telegram-bot ``Bot`` sends the very reply the bot sent
(same text, HTML and keyboard) to N chats at once through the same stand-in: the ratio of the two
rates is the bot's own cost per update (getUpdates, dispatch, the database read, rendering).
Figures are medians over the rounds. The rates also carry the stand-in's extra work in the bot's
case (each user message is one more request to it, and getUpdates another), so the CPU each side
spends per message (the bot process per update, the bare ``Bot`` per send) is reported as well.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import httpx
from telegram import Bot, InlineKeyboardMarkup
from telegram.request import HTTPXRequest

from bot.ingest import post_text
from storage.db import Database
from tests.benchmarks.machine import ROOT, machine
from tests.benchmarks.standin_process import standin_process

TOKEN = "123456:BENCH-TOKEN"
ARTICLE = ROOT / "tests" / "data" / "harbour.txt"
FIRST_USER = 10_000
POOL = 256  # python-telegram-bot's own pool size for an Application's bot


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Telegram:
    """The stand-in process's control surface."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.client = httpx.AsyncClient(
            base_url=self.base_url, timeout=60, limits=httpx.Limits(max_connections=64)
        )

    async def control(self, action: str, **body: Any) -> Any:
        answer = await self.client.post(f"/_standin/{action}", json=body)
        answer.raise_for_status()
        return answer.json()["result"]

    async def sent_count(self) -> int:
        return (await self.control("stats"))["sent"]

    async def wait_for(self, count: int, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while await self.sent_count() < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"the bot sent fewer than {count} messages in {timeout:.0f} s")
            await asyncio.sleep(0.01)

    async def close(self) -> None:
        await self.client.aclose()


def start_bot(telegram: Telegram, db_path: Path) -> subprocess.Popen[bytes]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "NEWSBRIEF_"))},
        "PYTHONPATH": str(ROOT),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": telegram.base_url,
        "NEWSBRIEF_DB": str(db_path),
        "NEWSBRIEF_RATE": "100000",
    }
    log = db_path.with_suffix(".log").open("ab")
    return subprocess.Popen(
        [sys.executable, "-m", "bot"], cwd=db_path.parent, env=env, stdout=log, stderr=subprocess.STDOUT
    )


async def wait_ready(telegram: Telegram, bot: subprocess.Popen[bytes], log: Path) -> None:
    for _ in range(600):  # ready once it has announced its commands (post_init)
        if (await telegram.control("stats"))["calls"].get("setMyCommands"):
            return
        if bot.poll() is not None:
            raise RuntimeError(f"the bot exited: {log.read_text()[-2000:]}")
        await asyncio.sleep(0.05)
    raise TimeoutError("the bot did not start")


async def bot_round(telegram: Telegram, users: int) -> dict[str, Any]:
    """Every user sends /latest at once; their latencies and the round's updates per second."""
    before = await telegram.sent_count()
    asked: dict[int, float] = {}

    async def ask(user: int) -> None:
        asked[user] = time.time()
        await telegram.control("message", user_id=user, text="/latest")

    started = time.time()
    await asyncio.gather(*(ask(FIRST_USER + i) for i in range(users)))
    await telegram.wait_for(before + users)
    replies = await telegram.control("sent", after=before)
    answered = {r["chat_id"]: r["wall"] for r in replies if r["method"] == "sendMessage"}
    latencies = [answered[user] - at for user, at in asked.items()]
    return {
        "updates_per_s": users / (max(answered.values()) - started),
        "latencies": latencies,
        "reply": replies[0],
    }


async def bare_round(bot: Bot, users: int, reply: dict[str, Any]) -> float:
    """The same reply sent to N chats at once by a bare Bot; sends per second."""
    markup = InlineKeyboardMarkup.de_json(reply["reply_markup"], bot) if reply.get("reply_markup") else None
    started = time.perf_counter()
    await asyncio.gather(
        *(
            bot.send_message(
                FIRST_USER + i, reply["text"], parse_mode=reply["parse_mode"], reply_markup=markup
            )
            for i in range(users)
        )
    )
    return users / (time.perf_counter() - started)


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    with standin_process(TOKEN) as base_url:
        return await measure(Telegram(base_url), args)


async def measure(telegram: Telegram, args: argparse.Namespace) -> dict[str, Any]:
    results: dict[str, Any] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db_path = Path(tmp) / "newsbrief.db"
            async with await Database.open(db_path) as db:
                await post_text(db, ARTICLE.read_text(encoding="utf-8"), source="bench")
            bot = start_bot(telegram, db_path)
            try:
                await wait_ready(telegram, bot, db_path.with_suffix(".log"))
                request = HTTPXRequest(POOL, pool_timeout=60)  # N sends at once wait for a connection
                async with Bot(TOKEN, base_url=f"{telegram.base_url}/bot", request=request) as bare:
                    for users in (int(n) for n in args.users.split(",")):
                        rates, latencies, bare_rates = [], [], []
                        bot_cpu = bare_cpu = 0.0
                        for _ in range(args.rounds):
                            cpu = cpu_seconds(bot.pid)
                            round_ = await bot_round(telegram, users)
                            bot_cpu += cpu_seconds(bot.pid) - cpu
                            rates.append(round_["updates_per_s"])
                            latencies += round_["latencies"]
                            cpu = time.process_time()
                            bare_rates.append(await bare_round(bare, users, round_["reply"]))
                            bare_cpu += time.process_time() - cpu
                            await asyncio.sleep(1.05)  # Telegram's per-chat limit, kept by the bot
                        bot_rate, bare_rate = statistics.median(rates), statistics.median(bare_rates)
                        handled = users * args.rounds
                        results[str(users)] = {
                            "updates_per_s": round(bot_rate, 1),
                            "latency_p50_ms": round(1000 * statistics.median(latencies), 1),
                            "latency_p99_ms": round(1000 * percentile(latencies, 0.99), 1),
                            "bare_ptb_sends_per_s": round(bare_rate, 1),
                            "bot_to_bare_ratio": round(bot_rate / bare_rate, 3),
                            "bot_cpu_ms_per_update": round(1000 * bot_cpu / handled, 2),
                            "bare_ptb_cpu_ms_per_send": round(1000 * bare_cpu / handled, 2),
                        }
                rejected = await telegram.control("rejected")
            finally:
                bot.terminate()
                bot.wait(15)
    finally:
        await telegram.close()
    return {
        "benchmark": "updates",
        "command": "/latest",
        "rounds": args.rounds,
        "users": results,
        "rejected_by_standin": len(rejected),
        "machine": machine(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", default="10,100,500", help="comma-separated numbers of concurrent users")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(main_async(args)), indent=2))


if __name__ == "__main__":
    main()
