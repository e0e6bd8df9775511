"""Settings read once from the environment (and a ``.env`` file) into a frozen dataclass."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from summarizer.briefing import DEFAULT_METHOD, METHODS

_TIME = re.compile(r"^([01]?[0-9]|2[0-3]):([0-5][0-9])$")
#: An IANA zone name as written: ASCII letters, digits and ``_+-``, parts joined by ``/``.
_ZONE = re.compile(r"^[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+){0,2}$")
ZONE_CHARS = 64
#: What a Bot API token looks like: the bot's numeric id, a colon, then the secret part.
_TOKEN = re.compile(r"^[0-9]{1,20}:[A-Za-z0-9_-]{1,200}$")


class ConfigError(ValueError):
    """A bad setting; the message names the variable and what is wrong, in one line."""


@dataclass(frozen=True)
class Settings:
    token: str | None = None
    api_url: str = "https://api.telegram.org"
    db_path: str = "newsbrief.db"
    admins: frozenset[int] = field(default_factory=frozenset)
    default_tz: str = "UTC"
    default_time: str = "08:00"
    rate: float = 25.0
    #: Seconds between two sends to one chat (Telegram's limit: 1). Lower only in tests.
    chat_interval: float = 1.0
    summarizer: str = DEFAULT_METHOD
    webhook_url: str | None = None
    webhook_secret: str | None = None
    port: int = 8080
    feed_interval: float = 600.0
    fetch_private: bool = False
    log_level: str = "INFO"

    @property
    def bot_api_base(self) -> str:
        return f"{self.api_url.rstrip('/')}/bot"

    @property
    def bot_file_base(self) -> str:
        return f"{self.api_url.rstrip('/')}/file/bot"


def parse_time(value: str) -> str | None:
    """``"8:05"`` -> ``"08:05"``; None when the text is not a 24-hour HH:MM time."""
    match = _TIME.match(value.strip())
    if not match:
        return None
    return f"{int(match[1]):02d}:{match[2]}"


def valid_zone(name: str) -> bool:
    """True for an IANA zone name zoneinfo knows (``Europe/Berlin``, ``UTC``).

    Folders of the zone database (``Europe``, ``America``) and over-long or odd names are not zones:
    zoneinfo would raise IsADirectoryError or OSError for them rather than ZoneInfoNotFoundError.
    """
    if not name or len(name) > ZONE_CHARS or not _ZONE.match(name):
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def read_dotenv(path: Path) -> dict[str, str]:
    """``KEY=value`` lines of a .env file (comments, blank lines and ``export`` allowed)."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.removeprefix("export ").split("=", 1)
        values[key.strip()] = value.strip().strip("'\"")
    return values


def load_settings(environ: Mapping[str, str] | None = None, dotenv: Path | None = None) -> Settings:
    """Settings from the environment, falling back to ``.env``; raises ConfigError on a bad value."""
    env = dict(read_dotenv(dotenv if dotenv is not None else Path(".env")))
    env.update(os.environ if environ is None else environ)

    def get(name: str) -> str | None:
        value = env.get(name, "").strip()
        return value or None

    admins: set[int] = set()
    for part in (get("NEWSBRIEF_ADMINS") or "").split(","):
        if part.strip():
            if not re.fullmatch(r"-?\d+", part.strip()):
                raise ConfigError(f"NEWSBRIEF_ADMINS: {part.strip()!r} is not a numeric Telegram user id")
            admins.add(int(part))

    tz = get("NEWSBRIEF_TZ") or "UTC"
    if not valid_zone(tz):
        raise ConfigError(f"NEWSBRIEF_TZ: {tz!r} is not a known IANA time zone (try Europe/Berlin)")

    time_text = get("NEWSBRIEF_DELIVERY_TIME") or "08:00"
    delivery_time = parse_time(time_text)
    if delivery_time is None:
        raise ConfigError(f"NEWSBRIEF_DELIVERY_TIME: {time_text!r} is not a time of day as HH:MM")

    method = get("NEWSBRIEF_SUMMARIZER") or DEFAULT_METHOD
    if method not in METHODS:
        raise ConfigError(f"NEWSBRIEF_SUMMARIZER: {method!r} is not one of {', '.join(METHODS)}")

    api_url = get("TELEGRAM_API_URL") or "https://api.telegram.org"
    if not re.match(r"^https?://", api_url):
        raise ConfigError(f"TELEGRAM_API_URL: {api_url!r} must start with http:// or https://")
    webhook_url = get("NEWSBRIEF_WEBHOOK_URL")
    if webhook_url and not re.match(r"^https?://", webhook_url):
        raise ConfigError(f"NEWSBRIEF_WEBHOOK_URL: {webhook_url!r} must be an https:// URL (http:// only for a local Bot API server)")

    token = get("TELEGRAM_BOT_TOKEN")
    if token is not None and not _TOKEN.match(token):
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN: not a bot token; it looks like 123456789:AAE... (digits, a colon, "
            "then letters, digits, _ and -), as @BotFather gave it"
        )
    db_path = get("NEWSBRIEF_DB") or "newsbrief.db"
    if Path(db_path).is_dir():
        raise ConfigError(f"NEWSBRIEF_DB: {db_path} is a folder; point it at a file, e.g. {db_path.rstrip('/')}/newsbrief.db")

    return Settings(
        token=token,
        api_url=api_url,
        db_path=db_path,
        admins=frozenset(admins),
        default_tz=tz,
        default_time=delivery_time,
        rate=_number(get, "NEWSBRIEF_RATE", 25.0, minimum=0.1, maximum=1000),
        chat_interval=_number(get, "NEWSBRIEF_CHAT_INTERVAL", 1.0, minimum=0, maximum=60),
        summarizer=method,
        webhook_url=webhook_url,
        webhook_secret=get("NEWSBRIEF_WEBHOOK_SECRET"),
        port=int(_number(get, "PORT", 8080, minimum=1, maximum=65535, integer=True)),
        feed_interval=_number(get, "NEWSBRIEF_FEED_INTERVAL", 600.0, minimum=1, maximum=7 * 24 * 3600),
        fetch_private=_flag(get, "NEWSBRIEF_FETCH_PRIVATE"),
        log_level=_log_level(get("NEWSBRIEF_LOG_LEVEL") or "INFO"),
    )


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def _log_level(raw: str) -> str:
    level = {"WARN": "WARNING", "FATAL": "CRITICAL"}.get(raw.upper(), raw.upper())  # logging's aliases
    if level not in LOG_LEVELS:
        raise ConfigError(f"NEWSBRIEF_LOG_LEVEL: {raw!r} is not one of {', '.join(LOG_LEVELS)}")
    return level


def _number(
    get, name: str, default: float, *, minimum: float, maximum: float, integer: bool = False
) -> float:
    """A finite number within [minimum, maximum] (``nan`` and ``inf`` are refused, not compared)."""
    raw = get(name)
    if raw is None:
        return default
    try:
        value = int(raw) if integer and re.fullmatch(r"[0-9]{1,10}", raw) else float(raw)
    except ValueError:
        raise ConfigError(f"{name}: {raw!r} is not a number") from None
    if integer and (not isinstance(value, int)):
        raise ConfigError(f"{name}: {raw!r} is not a whole number from {minimum:g} to {maximum:g}")
    if not math.isfinite(value) or not minimum <= value <= maximum:
        raise ConfigError(f"{name}: {raw!r} must be a number from {minimum:g} to {maximum:g}")
    return value


def _flag(get, name: str) -> bool:
    raw = (get(name) or "0").lower()
    if raw not in ("0", "1", "true", "false", "yes", "no"):
        raise ConfigError(f"{name}: {raw!r} must be 0 or 1")
    return raw in ("1", "true", "yes")


def console_db_path(environ: Mapping[str, str] | None = None) -> Path:
    """The console's own database: ``$XDG_DATA_HOME/newsbrief/console.db`` (``~/.local/share`` by default).

    Never ``NEWSBRIEF_DB``: trial posts and deletions in the console must not reach what a live
    bot serves. It persists between console sessions, per user.
    """
    env = os.environ if environ is None else environ
    base = env.get("XDG_DATA_HOME", "").strip()
    root = Path(base) if base else Path(env.get("HOME") or Path.home()) / ".local" / "share"
    return root / "newsbrief" / "console.db"
