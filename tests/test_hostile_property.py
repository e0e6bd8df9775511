"""Issue 13: random titles, bodies, commands and button data through the real bot (in process).

Hypothesis drives one running bot: an admin posts articles with hostile titles and bodies, readers
send commands with hostile arguments and press buttons with any data. Every update must be
answered (a reply, or a callback answer), no reply may say "something went wrong", and the
stand-in fixture fails the test if Telegram would have refused anything the bot sent.
"""

from __future__ import annotations

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.conftest import ADMIN, READER, InProcessBot
from tests.standin import StandIn, to_plain_text
from tests.test_hostile_input import press_data

UNITS = ["&", "<b>", "</i>", "W", "word ", "“q,” said Ann. ", "\u202e", "😀", "a. ", "²", "①", "9" * 25, "@x"]
hostile = st.one_of(
    st.text(max_size=30),
    st.builds(lambda unit, n: unit * n, st.sampled_from(UNITS), st.integers(1, 2500)),
)
COMMANDS = [
    "/latest", "/brief", "/quotes", "/search", "/start", "/subscribe", "/settings", "/unsubscribe",
    "/digest", "/help", "/delete", "/push", "/stats", "/follow", "/unfollow", "/following", "/alert",
    "/nosuchcommand",
]
command = st.builds(lambda c, a: f"{c} {a}".strip(), st.sampled_from(COMMANDS), hostile)
article = st.builds(
    lambda title, body: f"/post {title.strip() or 'T'}\n{body.strip() or 'Body.'} It happened today.",
    hostile,
    hostile,
)
button = st.builds(
    lambda kind, raw: f"{kind}{raw}",
    st.sampled_from(["q:", "f:", "o:", "n:", "dm:", "x:", ""]),
    st.one_of(st.integers(-5, 10**25).map(str), hostile.map(lambda t: t[:60])),
)
action = st.one_of(
    command.map(lambda t: ("text", READER, t)),
    article.map(lambda t: ("text", ADMIN, t)),
    command.map(lambda t: ("text", ADMIN, t)),
    button.map(lambda d: ("button", READER, d)),
)


@settings(
    max_examples=20,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: each example is a round trip
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(step=action)
async def test_any_command_article_or_button_gets_an_answer_telegram_accepts(
    standin: StandIn, bot: InProcessBot, step: tuple[str, int, str]
):
    kind, user, payload = step
    if kind == "button":
        answered = await standin.callback_answer(press_data(standin, user, payload), timeout=20)
        assert answered is not None
        return
    standin.send_text(user, payload)
    first = await standin.reply(user, timeout=30)
    rest = await standin.quiet(user, 0.2)
    for sent in [first, *rest]:
        text = to_plain_text(sent.text)
        assert "went wrong" not in text, (payload[:80], text[:200])
        assert len(text) <= 4096
