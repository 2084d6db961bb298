"""Buttons and notes are user input: forged data is refused without a trace, other sellers'
cases reveal nothing, and notes are escaped wherever they are shown."""

from __future__ import annotations

from bot.db.case_repository import CaseRepository
from bot.db.user_repository import UserRepository
from bot.services.cases import CaseStatus
from bot.ui.callbacks import EmailCb
from tests.support.driver import callback_answers, wait_until
from tests.support.rig import USER_ID, Rig

STALE = "这个按钮已过期。"


async def test_a_forged_moment_on_a_tracking_button_is_refused(rig: Rig) -> None:
    menu = await rig.chat.send("/start")
    assert menu is not None
    for at in ["1", "99999999999999999999", "-5", "0"]:
        before = len(rig.emulator.chat_messages(USER_ID))
        await rig.chat.press_data(menu.message_id, f"k1:at:assign::{at}")
        assert len(rig.emulator.chat_messages(USER_ID)) == before
        assert callback_answers(rig.emulator)[-1] == STALE, at
    cases = await CaseRepository(rig.dispatcher["db"]).for_user(USER_ID, (CaseStatus.OPEN,))
    assert cases == []
    context = rig.dispatcher.fsm.get_context(rig.bot, chat_id=USER_ID, user_id=USER_ID)
    assert await context.get_state() is None


async def test_a_forged_profile_choice_is_refused_and_nothing_stored(rig: Rig) -> None:
    await rig.chat.send("/profile")
    menu = await rig.chat.press("主体类型")
    assert menu is not None
    await rig.chat.press_data(menu.message_id, "pc1:entity_type:ceo")
    await rig.chat.press_data(menu.message_id, "pc1:timezone:Mars/Base")
    assert callback_answers(rig.emulator)[-2:] == [STALE, STALE]
    user = await UserRepository(rig.dispatcher["db"]).get(USER_ID)
    assert user is not None and user.entity_type is None and user.timezone is None


async def test_another_sellers_case_reveals_nothing(rig: Rig) -> None:
    other = rig.user(5151)
    await other.send("/track")
    await other.press("给小二发了消息")
    await other.send("10分钟前")
    await other.press("加备注")
    await other.send("SECRET-NOTE 深圳某某")
    await other.press("保存")
    menu = await rig.chat.send("/start")
    assert menu is not None
    forged = ["c1:v:1", "c1:e:1", "c1:a:1", "c1:h:1", "c1:r:1", "c1:x:1", "c1:ed:1", "c1:n:1"]
    forged += [EmailCb(template="follow_up", case=1).pack(), "ct1:1:h:60", "ct1:1:a:"]
    for data in forged:
        await rig.chat.press_data(menu.message_id, data)
        assert callback_answers(rig.emulator)[-1] == STALE, data
    mine = rig.emulator.chat_messages(USER_ID)
    assert all("SECRET-NOTE" not in m.text and "#1" not in m.text for m in mine)
    case = await CaseRepository(rig.dispatcher["db"]).get(1, 5151)
    assert case is not None and case.status is CaseStatus.OPEN and case.nudges == 0


async def test_notes_are_escaped_in_the_push_and_the_case_view(rig: Rig) -> None:
    await rig.chat.send("/track")
    await rig.chat.press("等待分配小二")
    await rig.chat.send("4天前")
    await rig.chat.press("加备注")
    await rig.chat.send("<b>bold</b> & <script>x</script>")
    await rig.chat.press("保存")

    def pushed() -> list[str]:
        return [m.html for m in rig.emulator.chat_messages(USER_ID) if "超时未回复" in m.text]

    await wait_until(lambda: bool(pushed()), 5)
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;" in pushed()[0]
    await rig.chat.send("/cases")
    detail = await rig.chat.press("#1")
    assert detail is not None and "&lt;script&gt;x&lt;/script&gt;" in detail.html
    assert "<script>" in detail.text


async def test_forged_numbers_beyond_sqlite_integers_are_stale_buttons(rig: Rig) -> None:
    # Bug caught: ids were unbounded ints; 2**63 reached SQLite and raised OverflowError
    # (a traceback and the generic apology instead of the stale-button answer).
    menu = await rig.chat.send("/start")
    assert menu is not None
    huge = str(2**63)
    email = EmailCb(template="follow_up", case=7).pack().replace(":7:", f":{huge}:")
    forged = [f"c1:v:{huge}", f"c1:x:{2**64}", f"ct1:{huge}:h:60", email]
    forged += [f"rt1:{huge}:0", f"rt1:0:{huge}", f"e1:{huge}:reg:yes"]
    for data in forged:
        await rig.chat.press_data(menu.message_id, data)
        assert callback_answers(rig.emulator)[-1] == STALE, data
