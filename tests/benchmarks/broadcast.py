"""Daily-update broadcast to 20,000 subscribers through the stand-in; prints JSON.

Usage: python tests/benchmarks/broadcast.py [--subscribers N] [--rates 25,100,max] [--seconds S] [--repeats R]

For each configured rate, two senders run side by side in one run against the same stand-in
(a separate process, as Telegram is): the bot's own delivery loop (``bot.delivery.run_due``:
due query, ledger claim, render, send, ledger finish, next due time) and a bare python-telegram-bot
send loop (the same rendered message to the same chats, nothing else), both behind the bot's
flood limiter set to that rate. ``max`` sets the limiter far above what this machine can send, so
both run flat out: that figure is the highest rate the machine sustains.

Each rate is measured for ``--seconds`` (the database always holds all N due subscribers; at
``max`` the whole broadcast runs). Figures: messages/s (median of the per-second counts after the
first message), the share of the configured rate, the delivery/bare ratio, time from the start of
the loop to the first message, the most messages the stand-in saw in any one-second window, and
the process's peak memory. Each rate runs ``--repeats`` delivery/bare pairs back to back; the
figures are medians over them (the ratio: the median of the pairs' ratios), the window the worst.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import httpx
from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import Defaults, ExtBot
from telegram.request import HTTPXRequest

from bot.delivery import run_due
from bot.flood import FloodLimiter
from bot.ingest import post_text
from bot.render.daily import daily_update
from bot.schedule import to_iso
from storage import articles, subscribers
from storage.db import Database
from tests.benchmarks.machine import ROOT, machine
from tests.benchmarks.standin_process import standin_process

TOKEN = "123456:BENCH-TOKEN"
ARTICLE = ROOT / "tests" / "data" / "harbour.txt"
UNLIMITED = 100_000.0


class TimedLimiter(FloodLimiter):
    """The bot's flood limiter, noting when each send came back."""

    def __init__(self, rate: float) -> None:
        super().__init__(rate)
        self.done: list[float] = []

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):  # type: ignore[no-untyped-def]
        result = await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
        if endpoint == "sendMessage":
            self.done.append(time.perf_counter())
        return result


def make_bot(base_url: str, limiter: FloodLimiter) -> ExtBot[Any]:
    return ExtBot(
        TOKEN,
        base_url=f"{base_url}/bot",
        request=HTTPXRequest(connection_pool_size=8),
        rate_limiter=limiter,
        defaults=Defaults(
            parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)
        ),
    )


async def build_template(path: Path, count: int) -> list[str]:
    """N subscribers due a minute ago and one new article; returns the daily update's messages."""
    due = to_iso(datetime.now(UTC) - timedelta(minutes=1))
    async with await Database.open(path) as db:
        for chat in range(1, count + 1):
            await subscribers.subscribe(db, chat, "08:00", "UTC", 0, due)
        await post_text(db, ARTICLE.read_text(encoding="utf-8"), source="bench")
        new = await articles.since(db, 0, 5)
    return daily_update(new, "Wed 25 Nov")


async def timed_run(
    work: Callable[[], Awaitable[object]], limiter: TimedLimiter, seconds: float
) -> dict[str, Any]:
    started = time.perf_counter()
    task = asyncio.ensure_future(work())
    try:
        await asyncio.wait_for(asyncio.shield(task), seconds)
    except TimeoutError:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    done = limiter.done
    if len(done) < 2:
        return {"messages": len(done), "msgs_per_s": 0.0, "first_message_s": None}
    first, last = done[0], done[-1]
    per_second = [0] * (int(last - first) + 1)
    for t in done:
        per_second[int(t - first)] += 1
    full = per_second[:-1] or per_second  # the last second is usually cut short
    return {
        "messages": len(done),
        "msgs_per_s": round((len(done) - 1) / (last - first), 1),
        "median_per_second": statistics.median(full),
        "first_message_s": round(first - started, 4),
    }


async def control(client: httpx.AsyncClient, action: str, **body: Any) -> Any:
    answer = await client.post(f"/_standin/{action}", json=body)
    answer.raise_for_status()
    return answer.json()["result"]


async def measure_once(
    base_url: str, template: Path, texts: list[str], rate: float, seconds: float
) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:
        with tempfile.TemporaryDirectory() as tmp:
            db_path = Path(tmp) / "bench.db"
            for suffix in ("", "-wal", "-shm"):
                if Path(f"{template}{suffix}").exists():
                    shutil.copy(f"{template}{suffix}", f"{db_path}{suffix}")
            async with await Database.open(db_path) as db:
                chats = [s.chat_id for s in await subscribers.active(db)]

                await control(client, "reset")
                limiter = TimedLimiter(rate)
                async with make_bot(base_url, limiter) as bot:
                    figures["delivery"] = await timed_run(
                        lambda: run_due(bot, db, datetime.now(UTC)), limiter, seconds
                    )
                stats = await control(client, "stats", window=1.0)
                figures["delivery"]["max_in_any_1s_window"] = stats["max_in_window"]

        await control(client, "reset")
        limiter = TimedLimiter(rate)
        async with make_bot(base_url, limiter) as bot:

            async def bare() -> None:
                for chat in chats:
                    for text in texts:
                        await bot.send_message(chat, text)

            figures["bare_ptb"] = await timed_run(bare, limiter, seconds)
        stats = await control(client, "stats", window=1.0)
        figures["bare_ptb"]["max_in_any_1s_window"] = stats["max_in_window"]
        await control(client, "reset")

    return figures


async def measure(
    base_url: str, template: Path, texts: list[str], rate: float, seconds: float, repeats: int
) -> dict[str, Any]:
    """``repeats`` side-by-side pairs (delivery, then bare); medians, worst windows, paired ratios."""
    runs = [await measure_once(base_url, template, texts, rate, seconds) for _ in range(repeats)]
    figures: dict[str, Any] = {}
    for side in ("delivery", "bare_ptb"):
        sides = [run[side] for run in runs]
        figures[side] = {
            "messages": statistics.median(s["messages"] for s in sides),
            "median_per_second": statistics.median(s.get("median_per_second", 0) for s in sides),
            "per_run": [s.get("median_per_second", 0) for s in sides],
            "first_message_s": statistics.median(s["first_message_s"] or 0 for s in sides),
            "max_in_any_1s_window": max(s["max_in_any_1s_window"] for s in sides),
        }
    ratios = [
        run["delivery"].get("median_per_second", 0) / run["bare_ptb"]["median_per_second"]
        for run in runs
        if run["bare_ptb"].get("median_per_second")
    ]
    figures["delivery_to_bare_ratio"] = round(statistics.median(ratios), 3) if ratios else None
    figures["ratio_per_run"] = [round(r, 3) for r in ratios]
    if rate < UNLIMITED:
        figures["configured"] = rate
        figures["share_of_configured"] = round(figures["delivery"]["median_per_second"] / rate, 3)
    return figures


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    with standin_process(TOKEN) as base_url, tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "template.db"
        started = time.perf_counter()
        texts = await build_template(template, args.subscribers)
        setup = time.perf_counter() - started
        results = {}
        for name in args.rates.split(","):
            rate = UNLIMITED if name == "max" else float(name)
            seconds = args.max_seconds if name == "max" else args.seconds
            results[name] = await measure(base_url, template, texts, rate, seconds, args.repeats)
    return {
        "benchmark": "broadcast",
        "subscribers": args.subscribers,
        "messages_per_update": len(texts),
        "message_chars": len(texts[0]),
        "seconds_per_rate": args.seconds,
        "repeats": args.repeats,
        "setup_s": round(setup, 1),
        "rates": results,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "machine": machine(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=20_000)
    parser.add_argument("--rates", default="25,100,max", help="comma-separated; 'max' = unlimited")
    parser.add_argument("--seconds", type=float, default=20.0, help="measuring time per configured rate")
    parser.add_argument("--repeats", type=int, default=3, help="side-by-side pairs per rate (medians)")
    parser.add_argument("--max-seconds", type=float, default=600.0, help="time limit for the 'max' runs")
    args = parser.parse_args()
    print(json.dumps(asyncio.run(main_async(args)), indent=2))


if __name__ == "__main__":
    main()
