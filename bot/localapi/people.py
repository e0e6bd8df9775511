"""Acting as Telegram users against the bot, and waiting for what the bot does in return.

``People`` adds to the ``World`` what a test or the console does: send text (commands get their
``bot_command`` entity), reply to a message, attach a document, press an inline button, type an
inline query; then ``await replies(chat_id)`` for the bot's new messages and edits.
"""

from __future__ import annotations

import asyncio
import re
import time
from typing import Any

from bot.localapi.records import Sent
from bot.localapi.world import World, on_serving_loop

_URL = re.compile(r"https?://[^\s<>\"]+")


def utf16_len(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def text_entities(text: str) -> list[dict[str, Any]]:
    """The entities Telegram adds to a user's text: a leading command, and links."""
    entities = []
    if text.startswith("/"):
        command = re.match(r"/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,64})?", text)
        if command:
            entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(command.group())})
    for link in _URL.finditer(text):
        url = link.group().rstrip(".,;:!?)]}'")
        entities.append({"type": "url", "offset": utf16_len(text[: link.start()]), "length": utf16_len(url)})
    return entities


class People(World):
    """The world plus its users' actions and the waits for the bot's answers."""

    # -- acting as users ---------------------------------------------------------------------------

    def _user_message(
        self, user_id: int, chat_id: int | None, reply_to: Any, fields: dict[str, Any]
    ) -> dict[str, Any]:
        chat = self.chat(user_id if chat_id is None else chat_id)
        message: dict[str, Any] = {
            "message_id": next(self._message_ids[chat["id"]]),
            "from": self.user(user_id),
            "chat": chat,
            "date": int(time.time()),
        }
        if reply_to is not None:
            message["reply_to_message"] = self._reply_target(chat["id"], reply_to)
        message.update(fields)
        self.messages[(chat["id"], message["message_id"])] = message
        self.push_update("message", message)
        return message

    def _reply_target(self, chat_id: int, reply_to: Any) -> dict[str, Any]:
        if isinstance(reply_to, Sent):
            reply_to = reply_to.message_id
        if isinstance(reply_to, dict):
            reply_to = reply_to["message_id"]
        target = self.messages.get((chat_id, int(reply_to)))
        if target is None:
            raise LookupError(f"no message {reply_to} in chat {chat_id} to reply to")
        return {k: v for k, v in target.items() if k != "reply_to_message"}

    @on_serving_loop
    def send_text(
        self, user_id: int, text: str, *, chat_id: int | None = None, reply_to: Any = None
    ) -> dict[str, Any]:
        """A user types ``text`` (a command gets its ``bot_command`` entity); returns the message.

        ``reply_to`` (a message dict, a ``Sent`` or a message id) makes it a reply to that message.
        """
        fields: dict[str, Any] = {"text": text}
        entities = text_entities(text)
        if entities:
            fields["entities"] = entities
        return self._user_message(user_id, chat_id, reply_to, fields)

    @on_serving_loop
    def send_document(
        self,
        user_id: int,
        data: bytes,
        file_name: str,
        mime_type: str = "text/plain",
        caption: str | None = None,
        *,
        chat_id: int | None = None,
        reply_to: Any = None,
    ) -> dict[str, Any]:
        """A user attaches a file, optionally with a caption such as ``/post``."""
        number = next(self._file_ids)
        file_id = f"BQACAgIAAxkBAAI{number:06d}"
        suffix = file_name.rsplit(".", 1)[-1] if "." in file_name else "bin"
        path = f"documents/file_{number}.{suffix}"
        self.files[file_id] = (data, path)
        self.file_paths[path] = data
        fields: dict[str, Any] = {
            "document": {
                "file_id": file_id,
                "file_unique_id": f"AgAD{number:06d}",
                "file_name": file_name,
                "mime_type": mime_type,
                "file_size": len(data),
            }
        }
        if caption is not None:
            fields["caption"] = caption
            entities = text_entities(caption)
            if entities:
                fields["caption_entities"] = entities
        return self._user_message(user_id, chat_id, reply_to, fields)

    @on_serving_loop
    def press_button(
        self, user_id: int, message: Sent | dict[str, Any], text: str, *, chat_id: int | None = None
    ) -> dict[str, Any]:
        """A user presses the inline button labelled ``text`` under a message the bot sent.

        The button is looked up on the message as it is now (after any edits).
        """
        if isinstance(message, Sent):
            key = (message.chat_id, message.message_id)
        else:
            key = (message.get("chat", {}).get("id", chat_id), message["message_id"])
        current = self.messages.get(key)  # type: ignore[arg-type]
        if current is None:
            raise LookupError(f"no message {key[1]} in chat {key[0]}")
        labels = []
        for row in (current.get("reply_markup") or {}).get("inline_keyboard", []):
            for button in row:
                labels.append(button.get("text"))
                if button.get("text") == text and "callback_data" in button:
                    query = {
                        "id": str(next(self._query_ids)),
                        "from": self.user(user_id),
                        "message": current,
                        "chat_instance": str(-abs(hash(key[0])) % 10**18),
                        "data": button["callback_data"],
                    }
                    self.open_queries.add(query["id"])
                    self.push_update("callback_query", query)
                    return query
        raise LookupError(f"no button {text!r} under message {key[1]}; buttons: {labels}")

    @on_serving_loop
    def inline_query(self, user_id: int, query: str, offset: str = "") -> str:
        """A user types ``@bot query`` in some chat; returns the query id to await the answer with."""
        query_id = str(next(self._query_ids))
        self.open_queries.add(query_id)
        self.push_update(
            "inline_query",
            {
                "id": query_id,
                "from": self.user(user_id),
                "query": query,
                "offset": offset,
                "chat_type": "sender",
            },
        )
        return query_id

    # -- what the bot did --------------------------------------------------------------------------

    async def replies(self, chat_id: int, count: int = 1, timeout: float = 15.0) -> list[Sent]:
        """The next ``count`` messages or edits the bot made in ``chat_id`` that were not read yet."""

        def unread() -> list[Sent]:
            return self._by_chat.get(chat_id, [])[self._cursor[chat_id] :]

        def enough() -> bool:
            return len(unread()) >= count

        try:
            await self.wait_until(enough, timeout)
        except TimeoutError:
            got = unread()
            problems = [(r.method, r.status, r.description) for r in self.rejected[-3:]]
            raise TimeoutError(
                f"chat {chat_id}: wanted {count} new messages, got {len(got)}: "
                f"{[s.text for s in got]}; last refusals: {problems}"
            ) from None
        got = unread()[:count]
        self._cursor[chat_id] += count
        return got

    wait_for = replies

    async def reply(self, chat_id: int, timeout: float = 15.0) -> Sent:
        """The next unread message or edit in ``chat_id``."""
        return (await self.replies(chat_id, 1, timeout))[0]

    def take_unread(self, chat_id: int) -> list[Sent]:
        """What the bot sent or edited in ``chat_id`` that was not read yet, now marked read."""
        unread = self._by_chat.get(chat_id, [])[self._cursor[chat_id] :]
        self._cursor[chat_id] += len(unread)
        return list(unread)

    async def quiet(self, chat_id: int, seconds: float = 0.5) -> list[Sent]:
        """Wait ``seconds``, then return (and mark read) whatever arrived in the chat, maybe nothing."""
        await asyncio.sleep(seconds)
        return self.take_unread(chat_id)

    async def wait_sent(self, count: int, method: str | None = "sendMessage", timeout: float = 60.0) -> int:
        """Wait until the bot has made ``count`` successful sends (of ``method``, or any) in total."""

        def total() -> int:
            done = len(self.sent) if method is None else sum(1 for s in self.sent if s.method == method)
            return done if done >= count else 0

        return await self.wait_until(total, timeout, f"fewer than {count} {method or 'sends'} in {timeout}s")

    async def inline_answer(self, query_id: str, timeout: float = 15.0) -> dict[str, Any]:
        """The bot's ``answerInlineQuery`` for ``query_id`` (results already checked like Telegram)."""
        return await self.wait_until(
            lambda: self.inline_answers.get(query_id), timeout, f"inline query {query_id} not answered"
        )

    async def callback_answer(self, query_id: str, timeout: float = 15.0) -> dict[str, Any]:
        """The bot's ``answerCallbackQuery`` for a pressed button."""

        def answered() -> dict[str, Any] | None:
            return next((a for a in self.callback_answers if a.get("callback_query_id") == query_id), None)

        return await self.wait_until(answered, timeout, f"callback query {query_id} not answered")
