"""No screen offers the same button twice (issue 23): a topic the message also asks about that
is among the answer's own follow-ups, the fraud warning beside an answer that links fraud, the
follow-ups button of a returning seller's /start beside the menu's."""

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


async def test_start_with_an_overdue_follow_up_lists_my_follow_ups_once(rig: Rig) -> None:
    # Bug: "📋 我的跟进" on top of the returning seller's /start and again in the menu.
    await rig.chat.send("/track")
    await rig.chat.press("等待分配小二")
    await rig.chat.send("5天前")
    await rig.chat.press("保存")
    reply = await rig.chat.send("/start")
    assert reply is not None and "已超时" in reply.text
    labels = rig.chat.button_labels()
    assert labels[0] == "📋 我的跟进" and labels.count("📋 我的跟进") == 1
    assert len(targets(rig)) == len(set(targets(rig)))
