"""Raw sendMessage throughput of a bare python-telegram-bot ``Bot`` through the stand-in; prints JSON.

Usage: python tests/benchmarks/standin_throughput.py [--messages N] [--concurrency C] [--repeats R]

Three placements of the stand-in: on the sender's own event loop, in a thread of the same process
(one GIL), and as a separate process (``python -m tests.standin``). Each message is a ~700-character
HTML briefing with a four-button keyboard, checked like Telegram checks it. Medians of R runs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.request import HTTPXRequest

from tests.benchmarks.machine import machine
from tests.benchmarks.standin_process import standin_process
from tests.standin import StandIn

TOKEN = "123456:TEST-TOKEN"
TEXT = (
    "<b>Harbour reopens after the storm</b>\n"
    + "Ships &amp; ferries return to the <i>old</i> quay as crews clear the last debris. " * 7
    + '\n<a href="https://example.org/a/1">Read more</a>'
)
KEYBOARD = InlineKeyboardMarkup(
    [
        [
            InlineKeyboardButton("Quotes", callback_data="q:1"),
            InlineKeyboardButton("Full text", callback_data="f:1"),
        ],
        [
            InlineKeyboardButton("« Older", callback_data="o:1"),
            InlineKeyboardButton("Newer »", callback_data="n:1"),
        ],
    ]
)


async def send_all(base_url: str, messages: int, concurrency: int) -> float:
    """Messages per second for ``messages`` sends spread over ``concurrency`` workers."""
    request = HTTPXRequest(connection_pool_size=concurrency)
    async with Bot(TOKEN, base_url=f"{base_url}/bot", request=request) as bot:
        per_worker = messages // concurrency

        async def worker(offset: int) -> None:
            for i in range(per_worker):
                await bot.send_message(
                    1 + offset * per_worker + i, TEXT, parse_mode="HTML", reply_markup=KEYBOARD
                )

        started = time.perf_counter()
        await asyncio.gather(*(worker(w) for w in range(concurrency)))
        return per_worker * concurrency / (time.perf_counter() - started)


async def same_loop(messages: int, concurrency: int) -> float:
    async with StandIn(TOKEN, auto_register=True) as api:
        return await send_all(api.base_url, messages, concurrency)


async def in_thread(messages: int, concurrency: int) -> float:
    with StandIn(TOKEN, auto_register=True) as api:
        return await send_all(api.base_url, messages, concurrency)


async def in_process(messages: int, concurrency: int) -> float:
    with standin_process(TOKEN) as base_url:
        return await send_all(base_url, messages, concurrency)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    results = {}
    for name, run in (("same_loop", same_loop), ("thread", in_thread), ("process", in_process)):
        rates = [asyncio.run(run(args.messages, args.concurrency)) for _ in range(args.repeats)]
        results[name] = {
            "median_msgs_per_s": round(statistics.median(rates), 1),
            "runs": [round(r, 1) for r in rates],
        }
    print(
        json.dumps(
            {
                "benchmark": "standin_throughput",
                "messages": args.messages,
                "concurrency": args.concurrency,
                "repeats": args.repeats,
                "message_chars": len(TEXT),
                "results": results,
                "machine": machine(),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
