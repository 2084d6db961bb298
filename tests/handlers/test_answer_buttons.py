"""No answer offers the same button twice (issue 23): a topic the message also asks about that
is among the answer's own follow-ups, the fraud warning beside an answer that links fraud (the
returning seller's /start: test_journey.py)."""

from __future__ import annotations

import pytest

from tests.support.rig import Rig


def targets(rig: Rig) -> list[str]:
    message = rig.chat.last()
    assert message is not None
    return [button["callback_data"] for button in message.buttons()]


@pytest.mark.parametrize(
    ("question", "offered"),
    [
        ("partner day是干啥的，怎么报名", "f2:partner_day_signup"),
        ("小二一直不回怎么办，能不能升级", "f2:escalation"),
        ("被罚款了怎么申诉，小二能帮忙吗", "f2:am_scope"),
        ("小二能帮我处理罚款吗，罚款怎么申诉", "f2:route_fines"),
        ("partner day在哪报名？有人说交500块能占位", "f2:fraud"),
    ],
)
async def test_an_answer_offers_each_topic_once(rig: Rig, question: str, offered: str) -> None:
    # Bug: the topic offered as another question (or the fraud warning) came again among the
    # answer's follow-up buttons.
    reply = await rig.chat.send(question)
    assert reply is not None
    found = targets(rig)
    assert found.count(offered) == 1, found
    assert len(found) == len(set(found)), found
