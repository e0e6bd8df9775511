"""Replies of /channel add|list|remove."""

from __future__ import annotations

from collections.abc import Sequence

from bot.render.split import shown, split_blocks
from storage.channels import Channel

USAGE = "Usage: /channel add @name, /channel list, or /channel remove channel-id (e.g. /channel remove 2)."
NO_CHANNELS = "No channels linked. Make me an admin of your channel, then /channel add @name."


def name(channel: Channel) -> str:
    return (
        f"@{shown(channel.username, 64)}" if channel.username else shown(channel.title or str(channel.chat_id), 200)
    )


def not_found(handle: str) -> str:
    return f"I can't find {shown(handle)}: it must be a public channel with me as an admin."


def not_a_channel(handle: str) -> str:
    return f"{shown(handle)} is not a channel; /channel add takes a channel's @name."


def not_admin(handle: str) -> str:
    return (
        f"I'm not an admin of {shown(handle)} allowed to post: add me as an admin with "
        f"“Post messages”, then /channel add {shown(handle)} again."
    )


def linked(channel: Channel, new: bool) -> str:
    verb = "linked" if new else "resumed"
    return f"Channel #{channel.id} {name(channel)} {verb}: each new story will be posted there once."


def removed(channel: Channel) -> str:
    return f"Channel #{channel.id} {name(channel)} removed: nothing more will be posted there."


def no_such_channel(channel_id: int) -> str:
    return f"There is no channel #{channel_id}. /channel list shows them."


def channel_list(found: Sequence[Channel]) -> list[str]:
    if not found:
        return [NO_CHANNELS]
    lines = ["<b>Channels</b>"]
    for channel in found:
        state = "posting" if channel.active else f"paused: {shown(channel.paused_reason or '', 200)}"
        title = f" — {shown(channel.title, 200)}" if channel.title else ""
        lines.append(f"#{channel.id} {name(channel)}{title} · {state}")
    return split_blocks(lines)
