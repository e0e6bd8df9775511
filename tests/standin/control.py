"""HTTP control surface of the stand-in under ``/_standin/<action>``, for driving it from another process.

Every action takes a JSON body (or query parameters) and answers JSON. Actions:

- ``message`` {user_id, text, chat_id?, reply_to_message_id?} -> the user's message
- ``document`` {user_id, file_name, data_base64, mime_type?, caption?, chat_id?} -> the message
- ``press`` {user_id, chat_id, message_id, button} -> the callback query
- ``inline`` {user_id, query} -> {"id": query id}
- ``register`` {chat_ids: [...]} or {any: true}; ``block`` {chat_id, description?}; ``unblock`` {chat_id}
- ``fault`` {status?, count? | seconds? | fraction?, retry_after?, chat_id?}; ``clear_faults``; ``delay`` {seconds}
- ``sent`` {chat_id?, after?: index} -> list of sent records; ``rejected`` -> list of refusals
- ``wait`` {chat_id, count?, after?, timeout?} -> the chat's records from ``after`` once there are ``count``
- ``stats`` {window?} -> totals, per-method calls, most sends in any window (overall, busiest chat)
- ``reset`` -> forget the records
"""

from __future__ import annotations

import base64
import contextlib
import json
from typing import TYPE_CHECKING, Any

import tornado.web

from tests.standin.records import Fault

if TYPE_CHECKING:
    from tests.standin.server import StandIn


def _opt_int(body: dict[str, Any], key: str) -> int | None:
    return None if body.get(key) in (None, "") else int(body[key])


def _chat_records(api: StandIn, body: dict[str, Any]) -> list[dict[str, Any]]:
    source = api.messages_in(int(body["chat_id"])) if body.get("chat_id") is not None else api.sent
    return [sent.to_json() for sent in source[int(body.get("after", 0)) :]]


async def _wait(api: StandIn, body: dict[str, Any]) -> list[dict[str, Any]]:
    chat_id, after, count = int(body["chat_id"]), int(body.get("after", 0)), int(body.get("count", 1))
    with contextlib.suppress(TimeoutError):
        await api.wait_until(
            lambda: len(api.messages_in(chat_id)) - after >= count, float(body.get("timeout", 15))
        )
    return _chat_records(api, body)


def _fault(api: StandIn, body: dict[str, Any]) -> dict[str, Any]:
    status, retry_after = int(body.get("status", 429)), int(body.get("retry_after", 1))
    chat_id = _opt_int(body, "chat_id")
    if body.get("count") is not None:
        fault = api.fail_next(int(body["count"]), status, retry_after, chat_id)
    elif body.get("seconds") is not None:
        fault = api.fail_for(
            float(body["seconds"]), status, retry_after, float(body.get("fraction", 1.0)), chat_id
        )
    else:
        fault = api.fail_fraction(
            float(body.get("fraction", 1.0)), status, retry_after, int(body.get("seed", 0))
        )
    return {"status": fault.status, "remaining": fault.remaining, "fraction": fault.fraction}


def _register(api: StandIn, body: dict[str, Any]) -> bool:
    if body.get("any"):
        api.auto_register = True
    api.register(*(int(chat) for chat in body.get("chat_ids", [])))
    return True


def _stats(api: StandIn, body: dict[str, Any]) -> dict[str, Any]:
    window = float(body.get("window", 1.0))
    return {
        "sent": len(api.sent),
        "rejected": len(api.rejected),
        "calls": dict(api.calls),
        "max_in_window": api.max_per_window(window),
        "max_attempts_in_window": api.max_per_window(window, attempts=True),
        "max_per_chat_in_window": api.max_per_chat_window(window),
        "window": window,
    }


def _press(api: StandIn, body: dict[str, Any]) -> dict[str, Any]:
    message = {"chat": {"id": int(body["chat_id"])}, "message_id": int(body["message_id"])}
    return api.press_button(int(body["user_id"]), message, body["button"])


ACTIONS: dict[str, Any] = {
    "message": lambda api, b: api.send_text(
        int(b["user_id"]), b["text"], chat_id=_opt_int(b, "chat_id"), reply_to=b.get("reply_to_message_id")
    ),
    "document": lambda api, b: api.send_document(
        int(b["user_id"]),
        base64.b64decode(b.get("data_base64", "")),
        b["file_name"],
        b.get("mime_type", "text/plain"),
        b.get("caption"),
        chat_id=_opt_int(b, "chat_id"),
    ),
    "press": _press,
    "inline": lambda api, b: {"id": api.inline_query(int(b["user_id"]), b.get("query", ""))},
    "register": _register,
    "block": lambda api, b: (
        api.block(int(b["chat_id"]), b.get("description", "Forbidden: bot was blocked by the user")) or True
    ),
    "unblock": lambda api, b: api.unblock(int(b["chat_id"])) or True,
    "fault": _fault,
    "clear_faults": lambda api, b: api.clear_faults() or True,
    "delay": lambda api, b: setattr(api, "delay", float(b.get("seconds", 0))) or True,
    "sent": _chat_records,
    "rejected": lambda api, b: [r.to_json() for r in api.rejected],
    "stats": _stats,
    "reset": lambda api, b: api.reset_records() or True,
    "wait": _wait,
}


class ControlHandler(tornado.web.RequestHandler):
    def initialize(self, standin: StandIn) -> None:
        self.standin = standin

    def check_xsrf_cookie(self) -> None:
        return None

    async def get(self, action: str) -> None:
        await self._act(action)

    async def post(self, action: str) -> None:
        await self._act(action)

    async def _act(self, action: str) -> None:
        self.set_header("Content-Type", "application/json")
        function = ACTIONS.get(action)
        if function is None:
            self.set_status(404)
            self.finish(
                json.dumps({"ok": False, "error": f"no action {action!r}", "actions": sorted(ACTIONS)})
            )
            return
        body: dict[str, Any] = {k: v[-1].decode() for k, v in self.request.query_arguments.items()}
        try:
            if self.request.body:
                body.update(json.loads(self.request.body))
            result = function(self.standin, body)
            if hasattr(result, "__await__"):
                result = await result
        except (KeyError, ValueError, TypeError, LookupError) as exc:
            self.set_status(400)
            self.finish(json.dumps({"ok": False, "error": f"{type(exc).__name__}: {exc}"}))
            return
        self.finish(json.dumps({"ok": True, "result": result}))


__all__ = ["ACTIONS", "ControlHandler", "Fault"]
