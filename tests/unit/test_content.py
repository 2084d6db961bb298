"""Policy values and the knowledge base: one source for each fact, checked at start-up."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from bot.content.errors import ContentError
from bot.content.knowledge_loader import (
    EXAMPLES_DIR,
    KNOWLEDGE_DIR,
    load_knowledge,
)
from bot.content.loader import FEATURE_ACTIONS
from bot.content.policy_loader import POLICY_PATH, load_policy
from bot.content.template_loader import load_templates
from bot.services.knowledge import KnowledgeBase
from bot.services.locales import SUPPORTED_LOCALES
from bot.services.policy import Status
from bot.telegram.html_rules import to_plain_text
from tests.support.paths import DATA, ROOT

ACTIONS = load_templates().actions() | FEATURE_ACTIONS
# Anything that looks like a phone number: 7+ digits, optionally with + and separators.
PHONE = re.compile(r"(?<![\d.:])\+?\d(?:[\s-]?\d){6,}(?![\d.:])")
# A label's row in LABELS.md's table.
LABEL_ROW = re.compile(r"^\| ([a-z_]+) \|", re.MULTILINE)
TEXT_SUFFIXES = {".py", ".toml", ".po", ".pot", ".md", ".txt", ".tsv", ".json", ".example"}


def test_policy_loads_with_provenance() -> None:
    policy = load_policy()
    assert policy.values.am_assignment_hours == 72
    assert policy.values.support_cutoff.strftime("%H:%M") == "16:00"
    assert policy.provenance["support_email"].status is Status.THIRD_PARTY
    assert policy.provenance["ozon_notification_sender"].status is Status.OZON_OFFICIAL
    assert set(policy.provenance) == set(type(policy.values).model_fields)
    shown = policy.placeholders()
    assert (shown["am_hours_start_beijing"], shown["am_hours_end_beijing"]) == ("14:00", "23:00")
    assert policy.unconfirmed(["am_assignment_hours"])
    assert not policy.unconfirmed(["ozon_notification_sender", "max_extra_nudges"])


def broken_copy(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "policy.toml"
    text = POLICY_PATH.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "entry"),
    [
        ("value = 72", "value = -72", "am_assignment_hours"),
        ('value = "16:00"', 'value = "25:00"', "support_cutoff"),
        ('status = "ozon_official"', 'status = "rumour"', "ozon_notification_sender"),
        ('value = "china-support@ozon.ru"', 'value = "not an address"', "support_email"),
        ("[values.max_extra_nudges]", "[values.max_extra_nudgez]", "max_extra_nudge"),
        ('value = "CN"', 'value = "QQ"', "support_calendar"),
        ('value = "Europe/Moscow"', 'value = "Europe/Atlantis"', "am_timezone"),
        # An Ozon value without a page to check, and a guide value citing an Ozon page.
        ('source = "ozon_notifications"', 'source = "guide"', "ozon_notification_sender"),
        ('value = 72\nsource = "guide"', 'value = 72\nsource = "ozon_chats"', "am_assignment_h"),
        ('page = "https://docs.ozon.ru/global/en/launch', 'page = "https://ozon.help/', "sources"),
    ],
)
def test_broken_policy_names_the_entry(tmp_path: Path, old: str, new: str, entry: str) -> None:
    with pytest.raises(ContentError, match=rf"policy.toml \[.*{entry}"):
        load_policy(broken_copy(tmp_path, old, new))


def knowledge_copy(tmp_path: Path, locale: str, old: str, new: str) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, target)
    path = target / f"{locale}.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


@pytest.mark.parametrize(
    ("locale", "old", "new", "message"),
    [
        (
            "zh",
            "{min_compliant_skus}",
            "{min_skus}",
            r"knowledge/zh.toml \[assignment\]: unknown placeholder",
        ),
        (
            "en",
            "<b>company</b>",
            "<b>company",
            r"knowledge/en.toml \[assignment\]: invalid answer",
        ),
        (
            "zh",
            'id = "about_bot"',
            'id = "about_me"',
            r"knowledge/en.toml \[file\]: topic ids differ",
        ),
        ("en", '"topic:missing_am"]', '"topic:nowhere"]', r"\[assignment\]: unknown action"),
        (
            "zh",
            "下一步：找不到这条消息",
            "电话 131 2289 1000，下一步：找不到这条消息",
            r"\[welcome_message\]: contains a phone",
        ),
        (
            "zh",
            'based_on = ["welcome_message_hours"]',
            'based_on = ["made_up"]',
            r"\[welcome_message\]: unknown policy",
        ),
        ("en", "[out_of_scope]", "[out_of_reach]", r"knowledge/en.toml \[out_of_scope\]: needs"),
        (
            "zh",
            'id = "about_bot"',
            'id = "out_of_scope"',
            r"\[out_of_scope\]: 'out_of_scope' names the unanswered",
        ),
    ],
)
def test_broken_knowledge_names_file_and_entry(
    tmp_path: Path, locale: str, old: str, new: str, message: str
) -> None:
    with pytest.raises(ContentError, match=message):
        load_knowledge(load_policy(), ACTIONS, knowledge_copy(tmp_path, locale, old, new))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "nonsense\t小二在哪",
            r"^faq_examples/train_a.zh.tsv \[line 3\]: unknown label 'nonsense'$",
        ),
        (
            "smalltalk\t谢谢",
            r"^faq_examples/train_a.zh.tsv \[line 3\]: unknown label 'smalltalk'$",
        ),
        ("missing_am\t ", r"^faq_examples/train_a.zh.tsv \[line 3\]: needs label<TAB>message"),
        ("missing_am", r"^faq_examples/train_a.zh.tsv \[line 3\]: needs label<TAB>message"),
    ],
)
def test_a_bad_labelled_message_stops_start_up_naming_file_and_line(
    tmp_path: Path, line: str, message: str
) -> None:
    examples = tmp_path / "faq_examples"
    shutil.copytree(EXAMPLES_DIR, examples)
    path = examples / "train_a.zh.tsv"
    head = path.read_text(encoding="utf-8").splitlines()[:2]
    path.write_text("\n".join([*head, line, "missing_am\t小二还没分"]) + "\n", encoding="utf-8")
    with pytest.raises(ContentError, match=message) as raised:
        load_knowledge(load_policy(), ACTIONS, examples_dir=examples)
    assert "\n" not in str(raised.value)


def test_the_pinyin_table_is_in_step_with_the_texts_it_reads() -> None:
    # Written from the knowledge base and the labelled messages by tools/pinyin_words.py.
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "pinyin_words.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "line",
    [
        "xiao er\t小",  # two syllables, one character
        "xiao er\txiao",  # no characters
        "Xiao\t小",  # not lower case
        "xiao  er\t小二",  # two spaces
        "xiao er",  # no word
    ],
)
def test_a_bad_pinyin_line_stops_start_up_naming_it(tmp_path: Path, line: str) -> None:
    path = tmp_path / "content" / "pinyin_words.tsv"
    path.parent.mkdir()
    path.write_text(f"# header\n{line}\nxiao er\t小二\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"^content/pinyin_words.tsv \[line 2\]: needs syll"):
        load_knowledge(load_policy(), ACTIONS, pinyin_path=path)


def test_every_locale_has_messages_no_topic_answers(knowledge: KnowledgeBase) -> None:
    assert set(knowledge.unanswered) == set(SUPPORTED_LOCALES)
    asked = {q for by_id in knowledge.topics.values() for t in by_id.values() for q in t.questions}
    for locale, messages in knowledge.unanswered.items():
        assert len(messages) >= 100, locale
        assert not asked & set(messages), "a message is both a topic's and no topic's"


@pytest.mark.slow
def test_broken_content_stops_start_up_with_one_line(tmp_path: Path) -> None:
    for folder in ("bot", "handlers", "locales"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    policy = tmp_path / "bot" / "content" / "policy.toml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("value = 48", 'value = "x"'))
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat"],
        cwd=tmp_path,
        input="",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"PATH": "/usr/bin:/bin", "DATABASE_PATH": str(tmp_path / "db.sqlite3")},
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "Cannot start: content/policy.toml [complex_handover_hours]: Input should be a valid "
        "integer, unable to parse string as an integer"
    ]


def test_no_policy_number_is_written_into_prose() -> None:
    for locale in SUPPORTED_LOCALES:
        raw = tomllib.loads((KNOWLEDGE_DIR / f"{locale}.toml").read_text(encoding="utf-8"))
        for topic in raw["topic"]:
            for field in ("title", "answer"):
                # List markers ("1. ") are the only digits allowed; numbers come from the policy.
                text = re.sub(r"(?m)^\d\. ", "", topic[field])
                assert not re.search(r"\d", text), (locale, topic["id"], field)


def test_no_phone_number_anywhere_in_content() -> None:
    # Managers' Russian sentences are data the bot reads, never shows; their ticket numbers
    # look like phone numbers.
    managers_russian = ROOT / "tests" / "data" / "russian"
    files = [
        path
        for folder in ("locales", "bot", "handlers", "tests/data")
        for path in (ROOT / folder).rglob("*")
        if path.is_file()
        and path.suffix in TEXT_SUFFIXES
        and not path.is_relative_to(managers_russian)
    ]
    files += [ROOT / "README.md", ROOT / ".env.example"]
    assert len(files) > 10
    for path in files:
        text = re.sub(r"\d{4}-\d{2}-\d{2}", "", path.read_text(encoding="utf-8"))
        assert not PHONE.search(text), f"{path}: {PHONE.search(text)}"


@pytest.fixture(scope="module")
def knowledge() -> KnowledgeBase:
    return load_knowledge(load_policy(), ACTIONS)


def test_one_topic_per_label(knowledge: KnowledgeBase) -> None:
    # The labels are defined in LABELS.md (the annotators' only guide); the tuning set uses
    # some of them.
    defined = set(LABEL_ROW.findall((DATA / "faq" / "LABELS.md").read_text(encoding="utf-8")))
    used = {
        line.split("\t")[0]
        for path in (DATA / "faq").glob("tuning.*.tsv")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert set(knowledge.topic_ids()) == defined - {"label", "smalltalk", "out_of_scope"}
    assert used <= defined


@pytest.mark.parametrize(
    ("locale", "next_step", "limit"), [("zh", "下一步：", 320), ("en", "Next: ", 700)]
)
def test_answers_are_short_and_end_with_a_next_step(
    knowledge: KnowledgeBase, locale: str, next_step: str, limit: int
) -> None:
    for topic_id in knowledge.topic_ids():
        topic = knowledge.topic(locale, topic_id)
        assert topic is not None
        plain = to_plain_text(topic.answer)
        assert len(plain) <= limit, (topic_id, len(plain))
        assert plain.splitlines()[-1].startswith(next_step), topic_id


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_the_greeting_offered_is_the_phrasebooks(knowledge: KnowledgeBase, locale: str) -> None:
    # Bug: the guide's stiff «Готовы к сотрудничеству» offered as "a common greeting".
    topic = knowledge.topic(locale, "russian_greeting")
    assert topic is not None
    offered = re.findall(r"<code>(.*?)</code>", topic.answer)
    [greeting] = [phrase.ru for phrase in load_templates().phrases if phrase.id == "greeting"]
    assert offered and greeting.startswith(offered[0].split(" Мы")[0])
    assert not any("Готовы" in text for text in offered)


def test_answers_put_the_official_channel_first(knowledge: KnowledgeBase) -> None:
    # Not about Ozon's channels: another marketplace, and the bot's own commands.
    exempt = {"other_marketplaces", "bot_howto"}
    mailbox = load_policy().values.support_email
    for locale in SUPPORTED_LOCALES:
        for topic_id in set(knowledge.topic_ids()) - exempt:
            topic = knowledge.topic(locale, topic_id)
            assert topic is not None
            plain = to_plain_text(topic.answer)
            assert "Seller Center" in plain, (locale, topic_id)
            # The official channel is named before the guide's unconfirmed mailbox.
            if mailbox in plain:
                assert plain.index("Seller Center") < plain.index(mailbox), (locale, topic_id)


def test_route_topics_send_the_seller_to_support(knowledge: KnowledgeBase) -> None:
    cannot_see = {"zh": "看不到", "en": "cannot see"}
    routes = [topic_id for topic_id in knowledge.topic_ids() if topic_id.startswith("route_")]
    assert len(routes) == 5
    for locale in SUPPORTED_LOCALES:
        for topic_id in routes:
            topic = knowledge.topic(locale, topic_id)
            assert topic is not None
            plain = to_plain_text(topic.answer)
            assert "Support" in plain or "support ticket" in plain, (locale, topic_id)
            assert cannot_see[locale] in plain, (locale, topic_id)
    other = knowledge.topic("en", "other_marketplaces")
    assert other is not None and "only cover Ozon" in other.answer


def test_partner_day_cities_are_named_in_the_readers_language(
    knowledge: KnowledgeBase,
) -> None:
    zh, en = knowledge.topic("zh", "partner_day"), knowledge.topic("en", "partner_day")
    assert zh is not None and en is not None
    assert "深圳、杭州" in zh.answer and "Shenzhen, Hangzhou" in en.answer
