"""Buttons keep meaning the same thing: ids, not list positions, and within Telegram's limits."""

from __future__ import annotations

import shutil
from pathlib import Path

from aiogram.types import InlineKeyboardButton

from bot.content.knowledge_loader import KNOWLEDGE_DIR, load_knowledge
from bot.content.loader import FEATURE_ACTIONS, load_content
from bot.content.policy_loader import load_policy
from bot.content.template_loader import load_templates
from bot.i18n import create_i18n
from bot.offline.emulator import MAX_CALLBACK_DATA_BYTES
from bot.services.locales import SUPPORTED_LOCALES
from bot.ui.callbacks import EmailCb, FaqCb
from bot.ui.faq_views import topic_list
from bot.ui.keyboards import without_repeats


def reordered_knowledge(tmp_path: Path) -> Path:
    """A copy of the knowledge files with the topics in reverse order."""
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, target)
    for path in target.glob("*.toml"):
        head, *topics = path.read_text(encoding="utf-8").split("[[topic]]")
        path.write_text(head + "".join(f"[[topic]]{t}" for t in reversed(topics)), "utf-8")
    return target


def test_a_sent_topic_button_opens_the_same_topic_after_the_file_is_reordered(
    tmp_path: Path,
) -> None:
    content = load_content()
    reordered = load_knowledge(
        load_policy(), content.templates.actions() | FEATURE_ACTIONS, reordered_knowledge(tmp_path)
    )
    assert reordered.topic_ids() == list(reversed(content.knowledge.topic_ids()))
    i18n = create_i18n()
    for locale in SUPPORTED_LOCALES:
        with i18n.context(), i18n.use_locale(locale):
            _text, sent = topic_list(content.knowledge, locale)
        buttons = [button for row in sent.inline_keyboard for button in row][:-1]
        assert len(buttons) == len(reordered.topic_ids())
        for button in buttons:
            assert button.callback_data is not None
            opened = reordered.topic(locale, FaqCb.unpack(button.callback_data).topic)
            assert opened is not None and opened.title == button.text


def test_the_longest_buttons_fit_in_telegrams_limit() -> None:
    content = load_content()
    longest_topic = max(content.knowledge.topic_ids(), key=len)
    assert len(FaqCb(topic=longest_topic).pack().encode()) <= MAX_CALLBACK_DATA_BYTES
    longest_problem = max(load_templates().problems, key=len)
    for email in content.templates.emails:
        data = EmailCb(template=email.id, case=2**40, problem=longest_problem).pack()
        assert len(data.encode()) <= MAX_CALLBACK_DATA_BYTES, data


def test_repeated_buttons_go_and_no_row_is_left_empty() -> None:
    # Bugs caught: a screen offered the same topic twice; a row whose buttons were all repeats
    # stayed as an empty row, which Telegram refuses (the whole message with it).
    def button(data: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(text=data, callback_data=data)

    rows = [[button("a"), button("b")], [button("a")], [button("b"), button("c")]]
    kept = without_repeats(rows)
    assert [[b.callback_data for b in row] for row in kept] == [["a", "b"], ["c"]]
