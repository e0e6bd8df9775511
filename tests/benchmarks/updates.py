"""``/latest`` under N concurrent users: the real bot process through the stand-in; prints JSON.

Usage: python tests/benchmarks/updates.py [--users 10,100,500] [--rounds 5] [--profile PATH]

Three processes, as in production: the stand-in (``python -m tests.standin``) plays Telegram, the bot
runs as ``python -m bot``, and this script plays the users through the stand-in's control surface.
In each round every one of N users sends ``/latest`` at once; a user's latency runs from the moment
their message is handed to the stand-in to the moment the stand-in accepts the bot's reply. Rounds
are a second apart, so Telegram's one-message-a-second-per-chat limit (which the bot keeps) never
delays a reply. The bot's flood limiter is set far above what the machine can send.

Beside it, in the same run, the fair baseline: a bare python-telegram-bot ``Application`` with one
``/latest`` handler that sends the very reply the bot sent (``bare_application.py``), as its own
process against its own stand-in process (one token each, so neither takes the other's updates).
Rounds alternate between the two, so both see the same machine load; the same users, the same
stand-in work per update (a message in, getUpdates, sendMessage out). The ratio of the two rates is
what our code costs (dispatch through our handlers, the flood limiter, the database read,
rendering). A bare ``Bot.send_message`` loop (no updates to parse at all) is kept as a third figure.
Figures are medians over the rounds; CPU per update of each process is reported too.

``--profile PATH`` runs the bot under cProfile and adds where its CPU goes, per update, by package
(ours: bot/, storage/, summarizer/; PTB; httpx; asyncio; SQLite), and our costliest functions.
Profiling slows the bot, so its ratio is not the figure to quote: run once without it for that.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import pstats
import signal
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


def start_bot(telegram: Telegram, db_path: Path, profile: str | None = None) -> subprocess.Popen[bytes]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "NEWSBRIEF_"))},
        "PYTHONPATH": str(ROOT),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": telegram.base_url,
        "NEWSBRIEF_DB": str(db_path),
        "NEWSBRIEF_RATE": "1000",  # the most the settings take: far above what the machine sends
    }
    log = db_path.with_suffix(".log").open("ab")
    command = [sys.executable, *profiled(profile), "-m", "bot"]
    return subprocess.Popen(command, cwd=db_path.parent, env=env, stdout=log, stderr=subprocess.STDOUT)


def profiled(profile: str | None) -> list[str]:
    """The command prefix that runs a program under ``profiled.py`` (nothing without a profile)."""
    return [str(Path(__file__).with_name("profiled.py")), profile] if profile else []


def start_bare_application(
    telegram: Telegram, reply_path: Path, profile: str | None = None
) -> subprocess.Popen[bytes]:
    script = Path(__file__).with_name("bare_application.py")
    log = reply_path.with_suffix(".log").open("ab")
    return subprocess.Popen(
        [sys.executable, *profiled(profile), str(script), telegram.base_url, TOKEN, str(reply_path)],
        cwd=reply_path.parent,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )


async def wait_ready(
    telegram: Telegram, bot: subprocess.Popen[bytes], log: Path, signal: str = "setMyCommands"
) -> None:
    for _ in range(600):  # the bot is ready once it has announced its commands (post_init)
        if (await telegram.control("stats"))["calls"].get(signal):
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
    with standin_process(TOKEN) as bot_url, standin_process(TOKEN) as baseline_url:
        return await measure(Telegram(bot_url), Telegram(baseline_url), args)


async def measure(telegram: Telegram, baseline: Telegram, args: argparse.Namespace) -> dict[str, Any]:
    results: dict[str, Any] = {}
    handled = 0
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db_path = Path(tmp) / "newsbrief.db"
            async with await Database.open(db_path) as db:
                await post_text(db, ARTICLE.read_text(encoding="utf-8"), source="bench")
            bot = start_bot(telegram, db_path, args.profile)
            app: subprocess.Popen[bytes] | None = None
            try:
                await wait_ready(telegram, bot, db_path.with_suffix(".log"))
                reply = (await bot_round(telegram, 1))["reply"]  # the reply both sides send
                reply_path = Path(tmp) / "reply.json"
                reply_path.write_text(json.dumps(reply), encoding="utf-8")
                app_profile = f"{args.profile}.bare" if args.profile else None
                app = start_bare_application(baseline, reply_path, app_profile)
                await wait_ready(baseline, app, reply_path.with_suffix(".log"), signal="getUpdates")
                await bot_round(baseline, 1)  # warm both up alike
                await asyncio.sleep(1.05)
                if args.profile:  # from here on: the rounds only, start-up and warm-up left out
                    bot.send_signal(signal.SIGUSR1)
                    app.send_signal(signal.SIGUSR1)
                request = HTTPXRequest(POOL, pool_timeout=60, connect_timeout=30, read_timeout=60)  # N sends at once
                async with Bot(TOKEN, base_url=f"{telegram.base_url}/bot", request=request) as bare:
                    for users in (int(n) for n in args.users.split(",")):
                        rates, latencies, app_rates, app_latencies, bare_rates = [], [], [], [], []
                        bot_cpu = app_cpu = bare_cpu = 0.0
                        for _ in range(args.rounds):
                            cpu = cpu_seconds(bot.pid)
                            round_ = await bot_round(telegram, users)
                            bot_cpu += cpu_seconds(bot.pid) - cpu
                            rates.append(round_["updates_per_s"])
                            latencies += round_["latencies"]
                            cpu = cpu_seconds(app.pid)
                            app_round = await bot_round(baseline, users)
                            app_cpu += cpu_seconds(app.pid) - cpu
                            app_rates.append(app_round["updates_per_s"])
                            app_latencies += app_round["latencies"]
                            cpu = time.process_time()
                            bare_rates.append(await bare_round(bare, users, round_["reply"]))
                            bare_cpu += time.process_time() - cpu
                            await asyncio.sleep(1.05)  # Telegram's per-chat limit, kept by the bot
                        bot_rate, app_rate = statistics.median(rates), statistics.median(app_rates)
                        paired = [b / a for b, a in zip(rates, app_rates, strict=True)]
                        count = users * args.rounds
                        handled += count
                        results[str(users)] = {
                            "updates_per_s": round(bot_rate, 1),
                            "latency_p50_ms": round(1000 * statistics.median(latencies), 1),
                            "latency_p99_ms": round(1000 * percentile(latencies, 0.99), 1),
                            "bare_application_updates_per_s": round(app_rate, 1),
                            "bare_application_latency_p50_ms": round(1000 * statistics.median(app_latencies), 1),
                            "bot_to_bare_application_ratio": round(bot_rate / app_rate, 3),
                            # Each bot round beside the bare round right after it: less of the
                            # machine's drift than the ratio of medians.
                            "paired_ratio_median": round(statistics.median(paired), 3),
                            "paired_ratios": [round(r, 3) for r in paired],
                            "bot_cpu_ms_per_update": round(1000 * bot_cpu / count, 2),
                            "bare_application_cpu_ms_per_update": round(1000 * app_cpu / count, 2),
                            "bare_ptb_bot_sends_per_s": round(statistics.median(bare_rates), 1),
                            "bare_ptb_bot_cpu_ms_per_send": round(1000 * bare_cpu / count, 2),
                        }
                rejected = await telegram.control("rejected") + await baseline.control("rejected")
            finally:
                for process in (bot, app):
                    if process is not None:
                        process.terminate()
                        process.wait(60)
    finally:
        await telegram.close()
        await baseline.close()
    report = {
        "benchmark": "updates",
        "command": "/latest",
        "rounds": args.rounds,
        "users": results,
        "rejected_by_standin": len(rejected),
        "machine": machine(),
    }
    if args.profile:
        report["profile"] = {
            "note": "main-thread CPU per update during the rounds (SQL thread not included); profiling slows both",
            "bot": profile_summary(args.profile, handled),
            "bare_application": profile_summary(f"{args.profile}.bare", handled),
        }
    return report


#: Where a function's file lies, in order: the first match names its share of the bot's CPU.
AREAS = [
    ("ours", (f"{ROOT}/bot/", f"{ROOT}/storage/", f"{ROOT}/summarizer/")),
    ("python-telegram-bot", ("/telegram/",)),
    ("httpx/httpcore/h11/anyio", ("/httpx/", "/httpcore/", "/h11/", "/anyio/")),
    ("sqlite (aiosqlite, sqlite3)", ("/aiosqlite/", "/sqlite3/", "sqlite3.Connection", "sqlite3.Cursor")),
    ("apscheduler", ("/apscheduler/",)),
    ("asyncio and selectors", ("/asyncio/", "selectors.py", "select.epoll", "_asyncio")),
    ("json", ("/json/", "_json")),
]


def profile_summary(path: str, updates: int) -> dict[str, Any]:
    """The bot's profile per update: own time by area, and our costliest functions (cumulative)."""
    stats = pstats.Stats(path)
    by_area: dict[str, float] = {}
    ours: list[tuple[float, str]] = []
    for (filename, line, name), (_, _, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        where = f"{filename}:{name}"
        area = next((label for label, marks in AREAS if any(m in where for m in marks)), "other")
        by_area[area] = by_area.get(area, 0.0) + own
        if area == "ours":
            ours.append((cumulative, f"{Path(filename).relative_to(ROOT)}:{line} {name}"))
    total = sum(by_area.values())
    return {
        "cpu_ms_per_update": round(1000 * total / updates, 3),
        "cpu_ms_per_update_by_area": {
            k: round(1000 * v / updates, 3) for k, v in sorted(by_area.items(), key=lambda kv: -kv[1])
        },
        "share_by_area": {k: round(v / total, 3) for k, v in sorted(by_area.items(), key=lambda kv: -kv[1])},
        "our_costliest_ms_per_update_cumulative": {
            where: round(1000 * cumulative / updates, 3) for cumulative, where in sorted(ours, reverse=True)[:12]
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", default="10,100,500", help="comma-separated numbers of concurrent users")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", metavar="PATH", help="run the bot under cProfile, writing PATH, and summarise it")
    args = parser.parse_args()
    print(json.dumps(asyncio.run(main_async(args)), indent=2))


if __name__ == "__main__":
    main()
