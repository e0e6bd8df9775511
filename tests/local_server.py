"""A tiny HTTP server on 127.0.0.1 for tests: each path answers with whatever the test sets."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    """What the server sends for one path: status, headers, body (bytes or a chunk generator)."""

    body: bytes | Callable[[], object] = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (timeouts)
    length: bool = True  # send Content-Length (False: the body ends when the connection closes)


class LocalServer:
    """``with LocalServer() as server: server.routes["/page"] = Answer(...)``; ``server.url("/page")``."""

    def __init__(self) -> None:
        self.routes: dict[str, Answer | Callable[[dict[str, str]], Answer]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                outer.requests.append((self.path, headers))
                route = outer.routes.get(self.path)
                answer = route(headers) if callable(route) else route
                if answer is None:
                    answer = Answer(b"not found", status=404, headers={"Content-Type": "text/plain"})
                if answer.delay:
                    time.sleep(answer.delay)
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                body = answer.body
                if isinstance(body, bytes) and answer.length and answer.status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    if isinstance(body, bytes):
                        self.wfile.write(body)
                    else:
                        for chunk in body():
                            self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up on purpose (size cap, timeout)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)

    def url(self, path: str) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}{path}"

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
