"""The stand-in's HTTP side: Bot API, file downloads and the test control surface, on 127.0.0.1.

``async with StandIn() as api:`` serves on the running loop; ``with StandIn() as api:`` serves
from a thread of its own (for synchronous code, or to keep the server off a busy test loop).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
import time
from typing import Any

import tornado.httpclient
import tornado.httpserver
import tornado.netutil
import tornado.web
from telegram.request import HTTPXRequest

from bot.localapi.methods import call, decode_params
from bot.localapi.records import ApiError
from bot.localapi.request import LOCAL_API_URL, LocalRequest
from tests.standin import control
from tests.standin.world import TestWorld

log = logging.getLogger(__name__)
_JSON = "application/json"


class StandIn(TestWorld):
    """The Bot API double: users and their world, served over HTTP. ``base_url`` goes in ``TELEGRAM_API_URL``."""

    def __init__(
        self, token: str = "123456:TEST-TOKEN", username: str = "newsbrief_bot", **options: Any
    ) -> None:
        super().__init__(token, username, **options)
        self.port = 0
        self.webhook_retry = 0.5  # seconds before a failed webhook delivery is tried again
        self._server: tornado.httpserver.HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._pump: asyncio.Task[None] | None = None

    @property
    def base_url(self) -> str:
        """The value for ``TELEGRAM_API_URL``: the bot calls ``{base_url}/bot<token>/<method>``."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def bot_api_url(self) -> str:
        """``base_url`` for python-telegram-bot's ``base_url`` argument."""
        return f"{self.base_url}/bot"

    @property
    def file_url(self) -> str:
        """python-telegram-bot's ``base_file_url``."""
        return f"{self.base_url}/file/bot"

    @staticmethod
    def http_request() -> HTTPXRequest:
        """PTB's own HTTP client for plain-HTTP loopback: it skips loading the CA bundle (no TLS here),
        which otherwise costs 70+ ms per client, two clients per ``Bot``."""
        return HTTPXRequest(httpx_kwargs={"verify": False})

    def local_bot_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for a PTB ``Bot``/``ExtBot`` answered in-process (no HTTP): ``LocalRequest``."""
        return {
            "base_url": f"{LOCAL_API_URL}/bot",
            "base_file_url": f"{LOCAL_API_URL}/file/bot",
            "request": LocalRequest(self),
            "get_updates_request": LocalRequest(self),
        }

    def http_bot_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for a PTB ``Bot``/``ExtBot`` that talks to this stand-in over HTTP."""
        return {
            "base_url": self.bot_api_url,
            "base_file_url": self.file_url,
            "request": self.http_request(),
            "get_updates_request": self.http_request(),
        }

    # -- life cycle on the running loop ------------------------------------------------------------

    async def start(self, port: int = 0) -> StandIn:
        self._loop = asyncio.get_running_loop()
        self._loop_thread = threading.get_ident()
        self.closing = False
        app = tornado.web.Application(
            [
                (r"/bot([^/]*)/([A-Za-z]+)/?", _ApiHandler, {"standin": self}),
                (r"/file/bot([^/]*)/(.+)", _FileHandler, {"standin": self}),
                (r"/_standin/(\w+)", control.ControlHandler, {"standin": self}),
            ],
            log_function=lambda handler: None,  # calls are recorded, not logged
        )
        self._server = tornado.httpserver.HTTPServer(
            app, max_body_size=64 * 1024 * 1024, idle_connection_timeout=120
        )
        sockets = tornado.netutil.bind_sockets(port, "127.0.0.1")
        self.port = sockets[0].getsockname()[1]
        self._server.add_sockets(sockets)
        self._pump = asyncio.create_task(self._deliver_webhooks())
        log.debug("stand-in serving on %s", self.base_url)
        return self

    async def stop(self) -> None:
        self.closing = True
        self._wake(self._update_waiters)
        if self._pump is not None:
            self._pump.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._pump
            self._pump = None
        if self._server is not None:
            self._server.stop()
            for _ in range(100):  # let woken long polls answer before connections close
                if not self.polls_in_flight:
                    break
                await asyncio.sleep(0.01)
            await asyncio.sleep(0)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._server.close_all_connections(), 2)
            self._server = None

    async def __aenter__(self) -> StandIn:
        return await self.start(self.port)

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # -- life cycle in a thread of its own ---------------------------------------------------------

    def start_in_thread(self, port: int = 0) -> StandIn:
        """Serve from a background thread with its own event loop; returns once it listens."""
        ready = threading.Event()
        failure: list[BaseException] = []

        def serve() -> None:
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self.start(port))
            except BaseException as exc:  # reported to the starting thread
                failure.append(exc)
                ready.set()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self.stop())
            loop.close()

        self._thread = threading.Thread(target=serve, name="standin", daemon=True)
        self._thread.start()
        ready.wait()
        if failure:
            raise failure[0]
        return self

    def stop_thread(self) -> None:
        if self._thread is not None and self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
            self._thread = None
            self._loop = self._loop_thread = None

    def __enter__(self) -> StandIn:
        return self.start_in_thread()

    def __exit__(self, *exc: object) -> None:
        self.stop_thread()

    # -- webhook mode: push updates to the bot as Telegram does ------------------------------------

    async def _deliver_webhooks(self) -> None:
        client = tornado.httpclient.AsyncHTTPClient()
        while not self.closing:
            url = self.webhook["url"]
            if not url or not self.updates:
                await self._wait(self._update_waiters, 1.0)
                continue
            update = self.updates[0]
            headers = {"Content-Type": _JSON}
            if self.webhook.get("secret_token"):
                headers["X-Telegram-Bot-Api-Secret-Token"] = self.webhook["secret_token"]
            try:
                response = await client.fetch(
                    url,
                    method="POST",
                    body=json.dumps(update),
                    headers=headers,
                    raise_error=False,
                    request_timeout=10,
                )
                error = (
                    None
                    if 200 <= response.code < 300
                    else f"Wrong response from the webhook: {response.code}"
                )
            except OSError as exc:
                error = f"Connection refused: {exc}"
            self._wake(self._record_waiters)  # a delivery is an event tests may wait for
            if error is None:
                if self.updates and self.updates[0] is update:
                    self.updates.pop(0)
            else:
                self.webhook.update(last_error_date=int(time.time()), last_error_message=error)
                await asyncio.sleep(self.webhook_retry)


def request_params(request: tornado.httputil.HTTPServerRequest) -> dict[str, Any]:
    """The parameters of a Bot API call: query string, then form or JSON body."""
    params: dict[str, Any] = {
        key: values[-1].decode("utf-8", "replace") for key, values in request.query_arguments.items()
    }
    if request.headers.get("Content-Type", "").startswith(_JSON):
        if request.body:
            try:
                body = json.loads(request.body)
            except ValueError:
                raise ApiError(400, "Bad Request: can't parse JSON") from None
            if not isinstance(body, dict):
                raise ApiError(400, "Bad Request: can't parse JSON")
            params.update(body)
    else:
        for key, values in request.body_arguments.items():
            params[key] = values[-1].decode("utf-8", "replace")
    return decode_params(params)


class _ApiHandler(tornado.web.RequestHandler):
    def initialize(self, standin: StandIn) -> None:
        self.standin = standin

    def check_xsrf_cookie(self) -> None:  # an API, not a form
        return None

    async def post(self, token: str, method: str) -> None:
        await self._answer(token, method)

    async def get(self, token: str, method: str) -> None:
        await self._answer(token, method)

    async def _answer(self, token: str, method: str) -> None:
        self.set_header("Content-Type", _JSON)
        try:
            if token != self.standin.token:
                raise ApiError(401, "Unauthorized")
            result = await call(self.standin, method, request_params(self.request))
        except ApiError as exc:
            self.set_status(exc.status)
            self.finish(json.dumps(exc.body()))
            return
        if self.request.connection.stream.closed():  # type: ignore[union-attr]
            return  # the client went away (killed bot): nothing to answer
        self.finish(json.dumps({"ok": True, "result": result}))


class _FileHandler(tornado.web.RequestHandler):
    def initialize(self, standin: StandIn) -> None:
        self.standin = standin

    def get(self, token: str, path: str) -> None:
        data = self.standin.file_paths.get(path) if token == self.standin.token else None
        if data is None:
            self.set_status(404)
            self.set_header("Content-Type", _JSON)
            self.finish(json.dumps({"ok": False, "error_code": 404, "description": "Not Found"}))
            return
        self.set_header("Content-Type", "application/octet-stream")
        self.finish(data)
