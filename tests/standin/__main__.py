"""``python -m tests.standin``: serve the stand-in on its own, driven through ``/_standin/...``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib

from tests.standin.server import StandIn


async def _serve(port: int, token: str, any_chat: bool) -> None:
    api = StandIn(token, auto_register=any_chat)
    api.port = port  # served on this port (0: a free one)
    async with api:
        print(f"TELEGRAM_API_URL={api.base_url}", flush=True)
        print(f"TELEGRAM_BOT_TOKEN={api.token}", flush=True)
        await asyncio.Event().wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.standin", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    parser.add_argument("--token", default="123456:TEST-TOKEN")
    parser.add_argument("--any-chat", action="store_true", help="treat every chat id as known")
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.port, args.token, args.any_chat))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
