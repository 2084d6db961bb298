"""A manager's Russian pasted into the chat: explained sentence by sentence, facts with Beijing
time, a deadline tracked in one tap, Russian answers to copy; never a guessed translation."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from bot.db.case_repository import CaseRepository
from bot.db.user_repository import UserRepository
from bot.services.cases import CaseKind, CaseStatus, Clock, Deadline
from bot.services.profile import ProfileField
from tests.support.driver import callback_answers
from tests.support.moments import RunningClock, at_fixed_moments
from tests.support.rig import USER_ID, Rig

REPLY = (
    "Добрый день! Ваше обращение № 12345678 передано в профильный отдел. "
    "Ответ поступит в течение 3 рабочих дней. "
    "Пришлите, пожалуйста, сертификат соответствия. "
    "Кстати, наш склад переезжает на новую площадку, ведутся работы."
)


async def test_a_pasted_reply_is_explained_with_its_facts_and_answers(rig: Rig) -> None:
    reply = await rig.chat.send(REPLY)
    assert reply is not None and "这条回复说了什么" in reply.text
    assert "12345678" in reply.text and "3 рабочих дней" in reply.text
    assert "这句我没法可靠地解释" in reply.text  # the warehouse sentence has no known meaning
    assert "截止时间：北京时间" in reply.text and "你要做的" in reply.text
    labels = rig.chat.button_labels()
    assert any(label.startswith("📌 记录跟进：截止北京时间") for label in labels)
    assert any("copy_text" in button for button in reply.buttons())


async def test_the_facts_are_said_in_chinese_and_a_demand_is_never_nothing_to_do(
    rig: Rig,
) -> None:
    # bugs: the period or the documents left in Russian only («3 рабочих дней»); the
    # greeting's "nothing to do" shown beside a demand for documents
    reply = await rig.chat.send(
        "Здравствуйте! Просим предоставить скан лицензии и накладную. "
        "Ответ будет предоставлен в течение 3 рабочих дней."
    )
    assert reply is not None
    assert "营业执照扫描件、运单" in reply.text and "3 个工作日内" in reply.text
    assert "无需处理" not in reply.text
    assert reply.text.index("你要做的") < reply.text.index("等待 Ozon")


async def test_a_refusal_gives_its_reason_and_leads_to_check(rig: Rig) -> None:
    # bugs: the refusal left unexplained, its reason untranslated, no way to /check, no
    # answer that accepts it and asks when to reapply
    reply = await rig.chat.send(
        "Добрый день! К сожалению, не можем назначить персонального менеджера: "
        "количество SKU меньше 5."
    )
    assert reply is not None
    assert "这句我没法可靠地解释" not in reply.text and "无需处理" not in reply.text
    assert "原因：SKU 数量少于 5" in reply.text and "/check" in reply.text
    assert "📋 接受并询问何时可重新申请" in rig.chat.button_labels()


async def test_documents_due_by_a_date_offer_the_documents_uploaded_answer(rig: Rig) -> None:
    # bug: the sentence is read as a deadline, so only «noted» is offered, not the answer to
    # a request for documents
    await rig.chat.send("Просим предоставить скан лицензии до 10.12, иначе заявку отклоним.")
    labels = rig.chat.button_labels()
    assert "📋 文件已上传" in labels and "📋 问清具体要求" in labels


async def test_a_closed_ticket_with_a_closing_is_not_nothing_to_do(rig: Rig) -> None:
    # bug: the closing's "nothing to do" listed beside the closed ticket's real next step
    reply = await rig.chat.send("Здравствуйте! Ваше обращение закрыто. Хорошего дня!")
    assert reply is not None and "工单或问题已经关闭" in reply.text
    assert "无需处理" not in reply.text and "原来的工单号" in reply.text


@at_fixed_moments()
async def test_a_deadline_from_the_reply_is_tracked_in_one_tap(
    rig: Rig, clock: RunningClock
) -> None:
    await rig.chat.send(REPLY)
    saved = await rig.chat.press("📌 记录跟进")
    assert saved is not None and "已保存为 #1" in saved.text
    (case,) = await CaseRepository(rig.dispatcher["db"]).for_user(USER_ID, (CaseStatus.OPEN,))
    assert case.kind is CaseKind.CUSTOM and case.note and "3 рабочих дней" in case.note
    assert case.due_at > clock() + timedelta(days=2)  # three Russian working days, at least


async def test_an_old_reply_button_is_refused_after_a_new_reply(rig: Rig) -> None:
    first = await rig.chat.send(REPLY)
    assert first is not None
    await rig.chat.send("Срок ответа — до 5 рабочих дней.")
    track = next(b for b in first.buttons() if b["text"].startswith("📌"))["callback_data"]
    await rig.chat.press_data(first.message_id, track)
    assert callback_answers(rig.emulator)[-1] == "这个按钮已过期。"
    cases = await CaseRepository(rig.dispatcher["db"]).for_user(USER_ID, (CaseStatus.OPEN,))
    assert cases == []


async def test_russian_inside_a_wizard_stays_in_the_wizard(rig: Rig) -> None:
    await rig.chat.send("/track")
    await rig.chat.press("给小二发了消息")
    reply = await rig.chat.send("Здравствуйте, передали в отдел")
    assert reply is not None and "这条回复说了什么" not in reply.text


async def test_english_sellers_read_the_explanation_in_english(rig: Rig) -> None:
    seller = rig.user(8801, "en")
    reply = await seller.send(REPLY)
    assert reply is not None and "What the reply says" in reply.text
    assert not any("\u4e00" <= char <= "\u9fff" for char in reply.text)
    # bug: the Chinese list mark between English names ("invoice、waybill")
    listing = await seller.send("Пришлите, пожалуйста, инвойс и накладную до 10.12.")
    assert listing is not None and "invoice, waybill" in listing.text
    assert "📅 by 10 Dec" in listing.text  # day first, as the letters write dates


async def test_a_deadline_years_away_is_not_tracked_and_says_why(
    rig: Rig, clock: RunningClock
) -> None:
    # Bug caught: «до 31.12.9999» became a tracked deadline; every /cases view then counted
    # working time day by day to the year 9999 (~10 s of blocked CPU) and ended in
    # OverflowError, for good.
    reply = await rig.chat.send("Пришлите, пожалуйста, документы до 31.12.9999.")
    assert reply is not None and "31.12.9999：超过 366 天之后，不提供跟进。" in reply.text
    assert not any(label.startswith("📌") for label in rig.chat.button_labels())


async def test_a_case_stored_with_a_deadline_years_away_still_opens(
    rig: Rig, clock: RunningClock
) -> None:
    # Bug caught: a case saved before the horizon existed (due 9999-12-31) crashed the case
    # list and the case view with OverflowError after seconds of counting.
    cases = CaseRepository(rig.dispatcher["db"])
    await UserRepository(rig.dispatcher["db"]).ensure(USER_ID, USER_ID)
    now = clock()
    far = Deadline(datetime(9999, 12, 31, 15, tzinfo=UTC), Clock.AM_OFFICE, True, ())
    await cases.create(USER_ID, CaseKind.CUSTOM, now, far, None, now, now + timedelta(days=1))
    started = time.perf_counter()
    listing = await rig.chat.send("/cases")
    detail = await rig.chat.press("#1")
    assert time.perf_counter() - started < 2
    assert listing is not None and "#1" in listing.text
    assert detail is not None and "时间线" in detail.text


# Thirty sentences of thirty meanings: the English explanation runs to ~5,800 characters.
LONG_REPLY = (
    "Добрый вечер, уважаемые коллеги! Я Ваш новый персональный менеджер, меня зовут Ольга. "
    "Благодарим за проявленное терпение. Приносим свои извинения за долгое ожидание. "
    "Ваше обращение успешно зарегистрировано. Вашему обращению присвоен номер 55512345. "
    "Ваша заявка сейчас на модерации. Я передала Ваш вопрос коллегам из отдела логистики. "
    "Мы ответим Вам в течение двух рабочих дней. Когда получу ответ от коллег, сразу Вам "
    "напишу. Мне не совсем понятно, что Вы имеете в виду. Сообщите, пожалуйста, Ваш Seller "
    "ID. Уточните номер отправления. Сделайте скриншот страницы с ошибкой. Пришлите, "
    "пожалуйста, сканы документов. Для продажи детской одежды нужна декларация о "
    "соответствии. Нужно письмо-авторизация от производителя. Прикрепите файлы через личный "
    "кабинет. Оформите обращение в разделе «Поддержка». Мы проверили Ваши документы, всё в "
    "порядке. Ваша заявка на участие в программе одобрена. Ваша заявка была отклонена "
    "модератором. Мы исправили ошибку, теперь всё работает. У меня нет доступа к данным "
    "модерации. Предлагаю обсудить ситуацию по видеосвязи завтра в 11:00 МСК. Штраф начислен "
    "за отмену заказа по вине продавца. Ваш магазин временно заблокирован. FBS-склад "
    "активирован. Ознакомьтесь с инструкцией по ссылке."
)


async def test_a_long_reply_is_explained_in_several_messages_within_telegrams_limit(
    rig: Rig,
) -> None:
    # Bug caught: the explanation of 30 sentences was one message past Telegram's 4,096
    # characters; Telegram refused it and the seller got only the apology.
    seller = rig.user(8802, "en")
    await seller.send(LONG_REPLY)
    sent = rig.emulator.chat_messages(8802)
    assert len(sent) >= 2 and all(len(m.text) <= 4096 for m in sent)
    assert sum(len(m.text) for m in sent) > 4096
    assert sent[0].text.startswith("📨 What the reply says")
    assert "55512345" in "".join(m.text for m in sent)  # a fact, shown after the sentences
    assert sent[-1].reply_markup is not None and sent[0].reply_markup is None
    assert any(label.startswith("📌 Track") for label in seller.button_labels())


async def test_an_answer_too_long_for_a_copy_button_is_shown_to_copy_instead(rig: Rig) -> None:
    # Bug caught: the copy buttons under an explanation skipped the 256-character limit the
    # phrasebook respects; with a long company name Telegram refused the whole explanation.
    users = UserRepository(rig.dispatcher["db"])
    await users.ensure(USER_ID, USER_ID)
    company = "Shenzhen " + "Very Long Trading " * 10 + "Co Ltd"
    await users.set_field(USER_ID, ProfileField.COMPANY_NAME, company)
    await users.set_field(USER_ID, ProfileField.SELLER_ID, "123456")
    reply = await rig.chat.send(
        "Здравствуйте! Я Ваш новый персональный менеджер, меня зовут Ольга."
    )
    assert reply is not None and "这条回复说了什么" in reply.text
    assert company in reply.text  # the answer, to tap and copy
    copies = [b["copy_text"]["text"] for b in reply.buttons() if "copy_text" in b]
    assert all(len(text) <= 256 for text in copies)
    assert not any(company in text for text in copies)
