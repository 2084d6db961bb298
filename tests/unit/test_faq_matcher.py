"""The matcher on questions written apart from the knowledge base's own examples."""

from __future__ import annotations

import pytest

from bot.content.loader import load_content
from bot.services.cases import CaseKind
from bot.services.faq_matcher import FaqMatcher, Verdict, features, in_domain, normalise
from bot.services.knowledge import KnowledgeBase
from tests.support.paths import DATA


def read_lines(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


LABELLED = [tuple(line.split("\t")) for line in read_lines("faq_questions.tsv")]
OUT_OF_SCOPE = read_lines("out_of_scope.txt")


@pytest.fixture(scope="module")
def knowledge() -> KnowledgeBase:
    return load_content().knowledge


def test_dataset_is_big_enough(knowledge: KnowledgeBase) -> None:
    assert len(LABELLED) >= 80 and len(OUT_OF_SCOPE) >= 15
    assert {topic for topic, _ in LABELLED} == set(knowledge.topic_ids())
    examples = {
        q for by_id in knowledge.topics.values() for t in by_id.values() for q in t.questions
    }
    assert not examples & {question for _, question in LABELLED}, "test questions leaked into KB"


def test_top1_accuracy_at_least_90_percent(knowledge: KnowledgeBase) -> None:
    hits = sum(knowledge.matcher.match(q).ranked[0][0] == topic for topic, q in LABELLED)
    assert hits / len(LABELLED) >= 0.90


def test_confident_answers_are_right(knowledge: KnowledgeBase) -> None:
    matches = [(topic, knowledge.matcher.match(q)) for topic, q in LABELLED]
    confident = [(topic, m) for topic, m in matches if m.verdict is Verdict.CONFIDENT]
    wrong = [(topic, m.best) for topic, m in confident if m.best != topic]
    assert len(confident) / len(LABELLED) >= 0.75
    assert len(wrong) / len(confident) <= 0.03, wrong


def test_out_of_scope_precision_and_recall(knowledge: KnowledgeBase) -> None:
    rejected_oos = [
        q for q in OUT_OF_SCOPE if knowledge.matcher.match(q).verdict is Verdict.OUT_OF_SCOPE
    ]
    rejected_in = [
        q for _, q in LABELLED if knowledge.matcher.match(q).verdict is Verdict.OUT_OF_SCOPE
    ]
    precision = len(rejected_oos) / max(1, len(rejected_oos) + len(rejected_in))
    recall = len(rejected_oos) / len(OUT_OF_SCOPE)
    assert precision >= 0.90 and recall >= 0.90
    for question in OUT_OF_SCOPE:
        assert knowledge.matcher.match(question).verdict is not Verdict.CONFIDENT, question


@pytest.mark.parametrize(
    "question",
    [
        "有人说交钱就能拉我进小二微信群",
        "中介说代找客户经理要500",
        "有人在卖小二联系方式",
        "someone asked me for the verification code",
        "我是不是被骗了",
    ],
)
def test_paying_for_contacts_is_fraud(knowledge: KnowledgeBase, question: str) -> None:
    assert knowledge.matcher.match(question).fraud


@pytest.mark.parametrize(
    "question", ["小二一直不回怎么办", "卖家后台在哪里", "个体户能不能有客户经理"]
)
def test_ordinary_questions_are_not_fraud(knowledge: KnowledgeBase, question: str) -> None:
    assert not knowledge.matcher.match(question).fraud


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("刚给小二发了消息", CaseKind.AM_MESSAGE),
        ("我刚发了邮件给中国团队", CaseKind.SUPPORT_EMAIL),
        ("今天上午已经发了Missing AM邮件", CaseKind.MISSING_AM),
        ("刚刚发了escalation邮件", CaseKind.ESCALATION),
        ("个体户申请邮件昨天发出了", CaseKind.INDIVIDUAL_APPLICATION),
        ("I just sent my AM a message", CaseKind.AM_MESSAGE),
        ("小二一直不回怎么办", None),
        ("怎么给小二发消息", None),
    ],
)
def test_reported_actions(knowledge: KnowledgeBase, text: str, kind: CaseKind | None) -> None:
    assert knowledge.matcher.match(text).reported_action is kind


def test_synonyms_fold_to_one_word() -> None:
    for variant in ["客户经理", "专属经理", "AM", "Account Manager", "小儿"]:
        assert "小二" in normalise(f"找{variant}")
    assert "小二" not in normalise("amazon")
    assert normalise("ＫＹＣ") == normalise("kyc")


def test_features_skip_stop_words() -> None:
    counts = features("what is the AM")
    assert "what" not in counts and "the" not in counts


def test_in_domain() -> None:
    assert in_domain("小二不回") and in_domain("Здравствуйте")
    assert not in_domain("今天天气") and not in_domain("淘宝小二怎么找")
    assert in_domain("ozon和淘宝的小二有什么区别")


def test_unrelated_text_scores_zero() -> None:
    matcher = FaqMatcher([("a", "小二不回"), ("b", "邮件地址")])
    match = matcher.match("🙂🙂🙂")
    assert match.verdict is Verdict.OUT_OF_SCOPE and match.ranked[0][1] == 0.0
