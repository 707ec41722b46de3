"""Whatever arrives from Zalo or an admin's keyboard, the parsers answer and never raise."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.channel import WebhookRefused
from handlers.zalo.channel import ZaloChannel
from handlers.zalo.render import LIMIT, parts
from knowledge.search.vocabulary import parse_members
from knowledge.smalltalk import small_talk
from tests.conftest import make_settings

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=20)
UPDATES = st.fixed_dictionaries({"event_name": JSON, "message": JSON}) | JSON


@pytest.fixture(scope="module")
def channel(tmp_path_factory: pytest.TempPathFactory) -> ZaloChannel:
    """One channel for every example: reading a webhook body keeps no state."""
    return ZaloChannel(make_settings(tmp_path_factory.mktemp("z"), ZALO_BOT_TOKEN="t",
                                     ZALO_WEBHOOK_SECRET="secret-123"))


@settings(max_examples=200, deadline=None)
@given(payload=UPDATES, secret=st.text(max_size=20))
def test_any_webhook_body_is_a_key_or_a_polite_refusal(channel: ZaloChannel, payload,  # noqa: ANN001
                                                       secret: str) -> None:
    for header in (secret, "secret-123"):
        try:
            key = channel.webhook_key({"X-Bot-Api-Secret-Token": header}, payload)
        except WebhookRefused as refused:
            assert refused.status in (400, 403)
        else:
            assert isinstance(key, str) and 0 < len(key) <= 64


@settings(max_examples=200, deadline=None)
@given(text=st.text(min_size=1, max_size=9000))
def test_any_text_is_cut_into_parts_zalo_accepts(text: str) -> None:
    pieces = parts(text)
    assert pieces and all(1 <= len(p) <= LIMIT for p in pieces)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200))
def test_small_talk_and_synonym_groups_read_anything(text: str) -> None:
    assert small_talk(text) in (None, "greeting", "thanks", "bye", "ack", "who", "vague")
    members = parse_members(text)
    assert isinstance(members, str) or (2 <= len(members) <= 12)
