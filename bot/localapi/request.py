"""python-telegram-bot's ``BaseRequest`` answered in-process by the local Bot API: no HTTP, no network.

The request is the one seam PTB offers for this (its own suite and httpx's ``MockTransport`` do the
same): ``ApplicationBuilder().request(LocalRequest(world))`` and the real ``Application``, ``Bot``,
rate limiter and handlers run unchanged, while each call is answered from the ``World``.
Parameters arrive as PTB would send them over HTTP (form fields with JSON in the object fields),
so Telegram's parsing and checks apply exactly as they do through a server.
"""

from __future__ import annotations

import json
import re
from urllib.parse import unquote, urlsplit

from telegram.request import BaseRequest, RequestData

from bot.localapi.methods import call, decode_params
from bot.localapi.records import ApiError
from bot.localapi.world import World

#: ``TELEGRAM_API_URL`` for a bot built on ``LocalRequest``; nothing ever connects to it.
LOCAL_API_URL = "http://localapi.invalid"
_METHOD = re.compile(r"^/bot([^/]*)/([A-Za-z]+)/?$")
_FILE = re.compile(r"^/file/bot([^/]*)/(.+)$")


def _json(status: int, body: dict[str, object]) -> tuple[int, bytes]:
    return status, json.dumps(body).encode()


class LocalRequest(BaseRequest):
    """Answers the bot's Bot API calls and file downloads from ``world``."""

    def __init__(self, world: World, read_timeout: float | None = 5.0) -> None:
        self.world = world
        self._read_timeout = read_timeout

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(  # type: ignore[override]
        self, url: str, method: str, request_data: RequestData | None = None, *args: object, **kwargs: object
    ) -> tuple[int, bytes]:
        path = unquote(urlsplit(url).path)
        download = _FILE.match(path)
        if download:
            data = self.world.file_paths.get(download[2]) if download[1] == self.world.token else None
            if data is None:
                return _json(404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return 200, data
        api = _METHOD.match(path)
        if api is None:
            return _json(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        try:
            if api[1] != self.world.token:
                raise ApiError(401, "Unauthorized")
            params = decode_params(dict(request_data.json_parameters) if request_data else {})
            result = await call(self.world, api[2], params)
        except ApiError as exc:
            return _json(exc.status, exc.body())
        return _json(200, {"ok": True, "result": result})
