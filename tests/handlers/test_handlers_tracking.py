"""Recording cases, reminder pushes, case actions and /stats through the production dispatcher."""

from __future__ import annotations

from datetime import timedelta

from bot.db.case_repository import CaseRepository
from bot.db.user_repository import UserRepository
from bot.offline.emulator import SentMessage
from bot.services.cases import CaseKind, CaseStatus, Clock, Deadline
from bot.ui.callbacks import TrackAction, TrackCb
from tests.support.driver import wait_until
from tests.support.moments import RunningClock, at_fixed_moments
from tests.support.rig import USER_ID, Rig


async def wait_for_push(rig: Rig, chat_id: int, marker: str, timeout: float = 3.0) -> SentMessage:
    """The scheduler runs on its own: wait for a message containing `marker`."""

    def pushed() -> list[SentMessage]:
        return [m for m in rig.emulator.chat_messages(chat_id) if marker in m.text]

    await wait_until(lambda: bool(pushed()), timeout)
    return pushed()[0]


async def record(rig: Rig, kind_label: str, when: str) -> str:
    """Record a case; return the confirmation text shown before saving."""
    await rig.chat.send("/track")
    await rig.chat.press(kind_label)
    confirmation = await rig.chat.send(when)
    assert confirmation is not None
    text = confirmation.text
    saved = await rig.chat.press("保存")
    assert saved is not None
    return text


@at_fixed_moments()
async def test_recording_shows_both_clocks_and_the_deadline(rig: Rig) -> None:
    confirmation = await record(rig, "给小二发了消息", "30分钟前")
    assert "北京时间" in confirmation and "莫斯科" in confirmation
    assert "回复截止" in confirmation and "俄罗斯工作日" in confirmation
    saved = rig.chat.last()
    assert saved is not None and "已保存为 #1" in saved.text
    cases = await CaseRepository(rig.dispatcher["db"]).for_user(USER_ID, (CaseStatus.OPEN,))
    assert len(cases) == 1 and cases[0].kind is CaseKind.AM_MESSAGE


@at_fixed_moments()
async def test_overdue_case_is_pushed_with_next_step_and_buttons(rig: Rig) -> None:
    # Twenty days ago: past two working hours even across Russia's longest holidays.
    await record(rig, "给小二发了消息", "20天前")
    push = await wait_for_push(rig, USER_ID, "超时未回复")
    assert "Escalation Request 邮件" in push.text and "个工作小时（" in push.text
    labels = [button["text"] for button in push.buttons()]
    for label in [
        "✅ 已收到回复",
        "✉️ 生成邮件",
        "⏰ 延后 1 小时",
        "🌅 延后到下个工作时段",
        "✖️ 关闭",
    ]:
        assert label in labels
    ask = await rig.chat.press_data(push.message_id, push.buttons()[1]["callback_data"])
    assert ask is not None and "需要你的「卖家 ID」" in ask.text
    await rig.chat.send("123456")
    await rig.chat.send("Shenzhen Co")
    described = await rig.chat.send("Li Wei")  # the case gives the topic and the date
    assert described is not None and "描述你的问题" in described.text
    email = await rig.chat.send("罚款的依据是什么？")
    assert email is not None and "Escalation Request: no reply to our message" in email.text
    assert "(МСК) мы написали Вам в разделе «Сообщения»" in email.text
    assert "личного кабинета продавца, но за 20 дней ответа так и не получили." in email.text
    assert (
        "Описание на китайском языке (перевод не приложен; при необходимости "
        "пришлём пояснение на английском):\n罚款的依据是什么？" in email.text
    )
    assert "С уважением,\nLi Wei\nShenzhen Co" in email.text
    asked = await rig.chat.press_data(push.message_id, push.buttons()[0]["callback_data"])
    assert asked is not None and "什么时候收到的回复" in asked.text
    answered = await rig.chat.press("30 分钟前")
    assert answered is not None and "已回复" in answered.text and "回复用时" in answered.text


async def test_refusals_while_recording(rig: Rig) -> None:
    await rig.chat.send("/track")
    await rig.chat.press("给中国支持邮箱发了邮件")
    for text, reason in [
        ("明天 10:00", "没看懂"),
        ("2099-01-01 10:00", "未来"),
        ("2026-02-30 10:00", "不存在"),
        ("😀" * 100, "没看懂"),
    ]:
        reply = await rig.chat.send(text)
        assert reply is not None and reason in reply.text
    reply = await rig.chat.send("1小时前")
    assert reply is not None and "中国工作日" in reply.text
    await rig.chat.press("加备注")
    reply = await rig.chat.send("问了 <b>类目</b> & 罚款  " + "x" * 500)
    assert reply is not None and "备注：问了 <b>类目</b> & 罚款" in reply.text
    save = next(b for b in reply.buttons() if "保存" in b["text"])["callback_data"]
    await rig.chat.press_data(reply.message_id, save)
    await rig.chat.press_data(reply.message_id, save)  # a double tap saves once
    cases = await CaseRepository(rig.dispatcher["db"]).for_user(USER_ID, (CaseStatus.OPEN,))
    assert len(cases) == 1 and cases[0].note is not None and len(cases[0].note) <= 200


@at_fixed_moments()
async def test_custom_case_asks_for_its_deadline(rig: Rig) -> None:
    await rig.chat.send("/track")
    await rig.chat.press("其他")
    await rig.chat.press("刚刚")
    reply = await rig.chat.press("3 天")
    assert reply is not None and "按自然时间计算" in reply.text


async def test_foreign_and_forged_case_ids_reveal_nothing(rig: Rig) -> None:
    other = rig.user(5151)
    await other.send("/track")
    await other.press("给小二发了消息")
    await other.send("10分钟前")
    await other.press("保存")
    await rig.chat.send("/start")
    menu = rig.chat.last()
    assert menu is not None
    for data in ["c1:v:1", "c1:a:1", "c1:x:1", "c1:v:999", "c1:v:-1", "tm1:1:1:"]:
        before = len(rig.emulator.chat_messages(USER_ID))
        await rig.chat.press_data(menu.message_id, data)
        assert len(rig.emulator.chat_messages(USER_ID)) == before
    case = await CaseRepository(rig.dispatcher["db"]).get(1, 5151)
    assert case is not None and case.status is CaseStatus.OPEN


async def test_case_actions_and_timeline(rig: Rig) -> None:
    await record(rig, "升级到高级客户经理", "20天前")
    await rig.chat.send("/cases")
    detail = await rig.chat.press("#1")
    assert detail is not None and "时间线" in detail.text and "已记录" in detail.text
    detail = await rig.chat.press("延后 1 小时")
    assert detail is not None and "已延后" in detail.text
    detail = await rig.chat.press("延后到下个工作时段")
    detail = await rig.chat.press("关闭")
    assert detail is not None and "已关闭" in detail.text
    detail = await rig.chat.press("重新打开")
    assert detail is not None and "重新打开" in detail.text and "进行中" in detail.text
    await rig.chat.press("关闭")
    reply = await rig.chat.press("删除")
    assert reply is not None and "这里还没有内容" in reply.text


@at_fixed_moments()
async def test_cases_list_overdue_first_with_countdown(rig: Rig) -> None:
    await record(rig, "给中国支持邮箱发了邮件", "刚刚")
    await record(rig, "给小二发了消息", "20天前")
    await wait_for_push(rig, USER_ID, "超时未回复")
    listing = await rig.chat.send("/cases")
    assert listing is not None
    assert listing.text.index("#2") < listing.text.index("#1")
    assert "已超时" in listing.text and ("还剩" in listing.text)
    assert "截止：北京时间" in listing.text and "莫斯科" in listing.text


@at_fixed_moments()
async def test_stats_for_sellers_and_admin(rig: Rig, clock: RunningClock) -> None:
    cases = CaseRepository(rig.dispatcher["db"])
    users = UserRepository(rig.dispatcher["db"])
    now = clock()
    deadline = Deadline(now, Clock.ELAPSED, False, ())
    for index, user_id in enumerate([USER_ID, 7, 11, 12, 13, 14]):
        await users.ensure(user_id, user_id)
        happened = now - timedelta(hours=10)
        case = await cases.create(
            user_id, CaseKind.AM_MESSAGE, happened, deadline, None, happened, deadline.due
        )
        await cases.set_status(case, CaseStatus.ANSWERED, happened + timedelta(hours=index + 1))
    reply = await rig.chat.send("/stats")
    assert reply is not None
    assert "给小二发了消息：1小时" in reply.text and "指南：2 个工作小时" in reply.text
    assert "所有卖家：3小时 30分钟（6 位卖家）" in reply.text
    assert "运营汇总" not in reply.text
    admin = rig.user(7)
    reply = await admin.send("/stats")
    assert reply is not None and "运营汇总" in reply.text and "用户：6" in reply.text


async def test_a_case_snoozed_a_hundred_times_still_opens(rig: Rig, clock: RunningClock) -> None:
    # Bug caught: the timeline listed every entry; after ~75 snoozes the case screen passed
    # Telegram's 4,096 characters and could never be opened again.
    await record(rig, "给小二发了消息", "5分钟前")
    cases = CaseRepository(rig.dispatcher["db"])
    case = await cases.get(1, USER_ID)
    assert case is not None
    for step in range(100):
        moment = clock() + timedelta(minutes=step)
        await cases.snooze(case, moment + timedelta(hours=1), moment)
    await rig.chat.send("/cases")
    detail = await rig.chat.press("#1")
    assert detail is not None and "时间线" in detail.text
    assert len(detail.text) <= 4096
    assert "中间还有 89 条记录" in detail.text
    assert detail.text.count("已延后") == 11 and detail.text.count("已记录") == 1


async def test_replayed_presses_stop_at_the_open_case_limit(rig: Rig, clock: RunningClock) -> None:
    # Bug caught: no limit per seller: a replayed «I have sent it» press created 300 cases
    # and 300 pending reminders in a second.
    limit = rig.dispatcher["rules"].policy.values.max_open_cases
    assert limit == 50
    cases = CaseRepository(rig.dispatcher["db"])
    await UserRepository(rig.dispatcher["db"]).ensure(USER_ID, USER_ID)
    now = clock()
    deadline = Deadline(now + timedelta(hours=5), Clock.ELAPSED, False, ())
    note = "深圳某某贸易有限公司的备注" * 20  # as long as a note may be: the list at its limit
    for _ in range(limit - 1):
        await cases.create(USER_ID, CaseKind.AM_MESSAGE, now, deadline, note, now, deadline.due)
    menu = await rig.chat.send("/start")
    assert menu is not None
    sent = TrackCb(action=TrackAction.SENT, kind=CaseKind.AM_MESSAGE).pack()
    for _ in range(3):
        await rig.chat.press_data(menu.message_id, sent)
    texts = [m.text for m in rig.emulator.chat_messages(USER_ID)[-3:]]
    assert "已保存为 #50" in texts[0] or "#50" in texts[0]
    assert all("未保存：你已有 50 条进行中的跟进事项" in text for text in texts[1:])
    assert len(await cases.for_user(USER_ID, (CaseStatus.OPEN,))) == limit
    listing = await rig.chat.send("/cases")
    assert listing is not None and len(listing.text) <= 4096
    assert "另有 30 条未列出" in listing.text  # twenty listed, the rest said
    await rig.chat.press("#1")
    await rig.chat.press("关闭")
    await rig.chat.press_data(menu.message_id, sent)
    assert "#51" in rig.emulator.chat_messages(USER_ID)[-1].text


async def test_replayed_snoozes_stop_at_the_reminder_limit(rig: Rig, clock: RunningClock) -> None:
    # Bug caught: no limit per case: every replayed snooze press added a reminder row and a
    # timeline entry, without end.
    limit = rig.dispatcher["rules"].policy.values.max_reminders_per_case
    assert limit == 40
    await record(rig, "给小二发了消息", "20天前")  # overdue: a snooze is offered
    cases: CaseRepository = rig.dispatcher["cases"]
    case = await cases.get(1, USER_ID)
    assert case is not None
    for _ in range(limit - 1):
        await cases.snooze(case, clock() + timedelta(hours=1), clock())
    await rig.chat.send("/cases")
    await rig.chat.press("#1")
    refused = await rig.chat.press("延后 1 小时")
    assert refused is not None
    assert "未更改：这条跟进事项已经提醒过 40 次" in refused.text
    async with rig.dispatcher["db"].execute(
        "SELECT state, count(*) FROM reminders WHERE case_id = 1 GROUP BY state"
    ) as cursor:
        states = dict(await cursor.fetchall())
    # The overdue case's first push may already have gone: the rows stay at the limit.
    assert sum(states.values()) == limit and states["pending"] == 1
