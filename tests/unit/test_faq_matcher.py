"""The matcher: the issue's symptoms one by one, and quality floors on the tuning set.

The floors use tests/data/faq/tuning.* only, which the matcher does not learn from (the other
labelled sets are its training data, bot/content/faq_examples, scored leave-one-set-out by
bench/faq_quality.py --loso).
"""

from __future__ import annotations

import pytest

from bot.content.knowledge_loader import EXAMPLES_DIR, learnt_sets, load_labelled_messages
from bot.content.loader import load_content
from bot.nlp.faq.matcher import (
    FaqMatcher,
    SmallTalk,
    Verdict,
    _comma_parts,
    _parts,
    features,
    in_domain,
    normalise,
)
from bot.services.cases import CaseKind
from bot.services.knowledge import KnowledgeBase
from tests.support.paths import DATA

NOT_TOPICS = {"smalltalk", "out_of_scope"}


def tuning(lang: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(label, message, other labels) of the tuning files of one language."""
    found = []
    for path in sorted((DATA / "faq").glob(f"tuning*.{lang}.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                label, text, *rest = line.split("\t")
                found.append((label, text, tuple(o for o in "".join(rest).split(",") if o)))
    return found


@pytest.fixture(scope="module")
def knowledge() -> KnowledgeBase:
    return load_content().knowledge


def test_tuning_data_is_apart_from_the_knowledge_base(knowledge: KnowledgeBase) -> None:
    rows = tuning("zh") + tuning("en")
    assert len(rows) >= 400
    examples = {
        q for by_id in knowledge.topics.values() for t in by_id.values() for q in t.questions
    } | {q for messages in knowledge.unanswered.values() for q in messages}
    assert not examples & {text for _, text, _ in rows}, "tuning questions copied into the KB"
    labels = frozenset({*knowledge.topic_ids(), "out_of_scope"})
    learnt = {
        text
        for locale in knowledge.topics
        for path in learnt_sets(EXAMPLES_DIR, locale)
        for _, text in load_labelled_messages(path, labels)
    }
    assert not learnt & {text.strip() for _, text, _ in rows}, "tuning messages learnt from"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_floors_on_the_tuning_set(knowledge: KnowledgeBase, lang: str) -> None:
    rows = tuning(lang)
    matches = [(label, knowledge.matcher.match(text)) for label, text, _ in rows]
    topics = [(label, m) for label, m in matches if label not in NOT_TOPICS]
    top1 = sum(m.ranked[0][0] == label for label, m in topics) / len(topics)
    called_oos = [label for label, m in matches if m.verdict is Verdict.OUT_OF_SCOPE]
    true_oos = sum(label == "out_of_scope" for label, _ in matches)
    right_oos = called_oos.count("out_of_scope")
    small = [m for label, m in matches if label == "smalltalk"]
    assert top1 >= 0.95, top1
    assert right_oos / len(called_oos) >= 0.95 and right_oos / true_oos >= 0.95
    assert all(m.verdict is Verdict.SMALLTALK for m in small)
    assert not [
        m for label, m in matches if label in {"genuine_email", "contact_roadmap"} and m.fraud
    ]
    confident = [(label, m) for label, m in topics if m.verdict is Verdict.CONFIDENT]
    assert sum(m.best != label for label, m in confident) / len(confident) <= 0.03


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("怎么找小二", "contact_roadmap"),
        ("小二还没分配咋办", "missing_am"),
        ("入驻后多久分配小二", "assignment"),
        ("小二是啥", "what_is_am"),
        ("跟进编号是什么", "followup_number"),  # word for word from the bot's own examples
        ("global@global.ozon.com是真的吗", "genuine_email"),
        ("店铺被冻结了", "route_store_blocked"),
        ("物流一直不更新", "route_logistics"),
        ("退货太多", "route_returns"),
        ("回款一直没到账", "route_payouts"),
        ("被罚款了怎么申诉", "route_fines"),
        ("Wildberries的客户经理怎么联系", "other_marketplaces"),
        ("Yandex Market有小二吗", "other_marketplaces"),
        ("KYC一直显示Pending", "kyc_pending"),
        ("KYC被Rejected了", "kyc_rejected"),
        ("5个sku够了吗", "sku_threshold"),
        ("我只有3个", "sku_threshold"),
        ("小二的微信能给我吗", "am_wechat"),
        ("partner day在哪报名", "partner_day_signup"),
        ("怎么用这个机器人设提醒", "bot_howto"),
        ("how do I contact my account manager", "contact_roadmap"),
        ("my store is blocked", "route_store_blocked"),
        ("is email from global@global.ozon.com real", "genuine_email"),
        # Other styles: traditional characters, "I am" (no AM), a topic word beside an
        # off-subject one, another marketplace's payouts.
        ("帳號被凍結了", "route_store_blocked"),
        ("I am a new seller, how do I contact my account manager", "contact_roadmap"),
        ("退货太多会影响店铺评分吗", "route_returns"),
        ("Yandex Market的回款什么时候到", "other_marketplaces"),
        ("my AM has not answered for a week", "slow_reply"),
        # Seller Center's Russian words pasted as they appear on screen.
        ("статус На проверке уже 2 недели", "kyc_pending"),
        ("店铺显示Заблокирован", "route_store_blocked"),
    ],
)
def test_core_questions_get_their_topic(knowledge: KnowledgeBase, text: str, topic: str) -> None:
    match = knowledge.matcher.match(text)
    assert match.verdict is Verdict.CONFIDENT and match.best == topic, match.ranked


@pytest.mark.parametrize(
    "text",
    [
        "global@global.ozon.com是真的吗",
        "seller.ozon.ru的链接能点吗",
        "后台Support标签页的消息是官方的吗",
        "global@global.ozon.com是骗子冒充的吗",
        "is this a scam? got a message from global@global.ozon.com",
        "how do I know the AM who contacted me is real and not a scammer",
        "Ozon Seller App上的通知是真的吗",
        "i want to reply to his email, where do I find it",
        "do I need to pay someone to contact my AM",
        "the email asks for my sms code, is it safe",
    ],
)
def test_genuine_ozon_addresses_and_channels_are_no_fraud(
    knowledge: KnowledgeBase, text: str
) -> None:
    assert not knowledge.matcher.match(text).fraud


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("你好", SmallTalk.GREETING),
        ("在吗", SmallTalk.GREETING),
        ("谢谢", SmallTalk.THANKS),
        ("好的", SmallTalk.ACKNOWLEDGEMENT),
        ("ok", SmallTalk.ACKNOWLEDGEMENT),
        ("好滴，感谢🙏", SmallTalk.THANKS),
        ("thank you very much", SmallTalk.THANKS),
        ("👍", SmallTalk.ACKNOWLEDGEMENT),
        ("在？", SmallTalk.GREETING),
        ("okok", SmallTalk.ACKNOWLEDGEMENT),
        ("thankss", SmallTalk.THANKS),
        ("谢谢您的帮助", SmallTalk.THANKS),
        ("好的，我试试", SmallTalk.ACKNOWLEDGEMENT),
        # Praise of the help thanks; "really" is not "realy".
        ("帮了大忙 谢谢", SmallTalk.THANKS),
        ("really helpful, thanks", SmallTalk.THANKS),
        # Traditional characters, forms of address, a homophone of 吗.
        ("謝謝老師", SmallTalk.THANKS),
        ("多謝兄弟", SmallTalk.THANKS),
        ("thanks mate", SmallTalk.THANKS),
        ("在马", SmallTalk.GREETING),
        # Laughter, waiting, leaving it there; asking whether anyone is there; pinyin.
        ("哈哈哈", SmallTalk.ACKNOWLEDGEMENT),
        ("666", SmallTalk.ACKNOWLEDGEMENT),
        ("那我再等等看", SmallTalk.ACKNOWLEDGEMENT),
        ("稍等一下 我看看", SmallTalk.ACKNOWLEDGEMENT),
        ("好的 先这样", SmallTalk.ACKNOWLEDGEMENT),
        ("are you there?", SmallTalk.GREETING),
        ("hey, anybody here", SmallTalk.GREETING),
        ("xiexie", SmallTalk.THANKS),
        ("thanks, that's really helpful!", SmallTalk.THANKS),
    ],
)
def test_small_talk_gets_a_friendly_reply(
    knowledge: KnowledgeBase, text: str, kind: SmallTalk
) -> None:
    match = knowledge.matcher.match(text)
    assert match.verdict is Verdict.SMALLTALK and match.smalltalk is kind and match.best is None


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # Each fails without its rule (a cue, a synonym or a narrower out-of-scope word).
        ("伙伴日在哪里举办", "partner_day"),  # 伙伴日 is Partner Day
        ("when will ozon pay me for last month", "route_payouts"),  # "pay me" is a payout
        ("审核中的申请会不会过期", "kyc_pending"),  # a pending review expiring
        ("认证进行到哪一步了在哪看", "kyc_status"),  # how far the review is
        ("后台认证那一栏的几个单词是什么意思", "kyc_status"),  # "单词" is no vocabulary lesson
        ("送仓的时间一直预约不到", "route_logistics"),  # a warehouse slot, not an event
        ("能把语言换成英文吗", "bot_howto"),  # the bot's language, not writing in one
        ("同行都有小二了 就我没有", "missing_am"),  # others have one
        ("我没执照 能有经理吗", "individual_business"),  # no business licence
        ("顾客要退钱", "route_returns"),
        ("绑的邮箱在哪看", "contact_info"),  # the address Ozon's mail goes to
        ("my payout is late, currency conversion issue?", "route_payouts"),  # not marketing
        ("资深经理怎么找", "escalation"),  # a senior AM
        # Whether the AM helps with a subject outside the field is the AM's scope, and so is
        # whether the AM helps with a route topic's problem.
        ("does the AM help with pricing strategy", "am_scope"),
        ("can my AM help with a suspended store", "am_scope"),
        # Sub-cases the knowledge base's examples now cover.
        ("what's the difference between pending and rejected", "kyc_status"),
        ("小二分下来的时候有通知吗", "welcome_message"),
        ("is the account manager an actual human", "what_is_am"),
        ("供货时间段约不上", "route_logistics"),
        # The definitional question either way round; "personal" is the AM's own number here,
        # not an individual seller; using the bot, asked in English.
        ("什么是小二", "what_is_am"),
        ("what is an AM?", "what_is_am"),
        ("can I get my AM's personal phone number", "am_wechat"),
        ("how do I use this bot", "bot_howto"),
        # Where the seller sold before is background; asked about, it is the question.
        ("以前一直做亚马逊，ozon这边的客户经理怎么联系", "contact_roadmap"),
        (
            "switched from Wildberries last month, how do I reach my Ozon manager?",
            "contact_roadmap",
        ),
        ("WB有客户经理吗", "other_marketplaces"),
        ("does yandex market give sellers a manager too?", "other_marketplaces"),
        # Pinyin typed without a Chinese keyboard, joined or syllable by syllable.
        ("dianpu bei dongjie le zenme ban", "route_store_blocked"),
        ("wo de youjian yizhou meiren hui", "email_unanswered"),
        ("zen me lian xi ke hu jing li", "contact_roadmap"),
        ("kyc shenhe tai man le", "kyc_pending"),
    ],
)
def test_colloquial_families_get_their_topic(
    knowledge: KnowledgeBase, text: str, topic: str
) -> None:
    match = knowledge.matcher.match(text)
    assert match.best == topic, (match.verdict, match.ranked)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("店铺评分太低会被封吗", "route_store_blocked"),
        ("商品价格写错了被罚款 能申诉吗", "route_fines"),
        ("ads money deducted from payout", "route_payouts"),
    ],
)
def test_a_store_problem_is_answered_whatever_caused_it(
    knowledge: KnowledgeBase, text: str, topic: str
) -> None:
    # Ratings, prices and ads are outside the field, but not the fine or block they led to.
    assert knowledge.matcher.match(text).best == topic


def test_whether_the_am_solves_a_store_problem_offers_the_route_and_the_scope(
    knowledge: KnowledgeBase,
) -> None:
    # Sellers' own messages answer "can AM help with fine?" by the AM's scope and "got fine,
    # how to appeal" by the fines route: this one gets one and the other as a button.
    match = knowledge.matcher.match("can my AM appeal the fine for me")
    assert match.best is not None
    assert {match.best, *match.others} >= {"am_scope", "route_fines"}


@pytest.mark.parametrize(
    ("text", "topic"),
    [("你好，小二怎么联系", "contact_roadmap"), ("哈哈 小二周末上班吗", "slow_reply")],
)
def test_small_talk_beside_a_question_is_the_question(
    knowledge: KnowledgeBase, text: str, topic: str
) -> None:
    match = knowledge.matcher.match(text)
    assert match.smalltalk is None and match.best == topic


def test_several_questions_main_first_others_offered_fraud_beside(
    knowledge: KnowledgeBase,
) -> None:
    match = knowledge.matcher.match(
        "kyc过了一个月了还是没有小二。另外有人说付300块可以帮我加急分配，靠谱吗？还有我的货卡在仓库一周了"
    )
    assert match.best == "missing_am"
    assert match.fraud  # the warning goes beside the answer, not instead of it
    assert "route_logistics" in match.others and "fraud" not in match.others


@pytest.mark.parametrize(
    ("text", "main", "other"),
    [
        ("partner day是干啥的，怎么报名", "partner_day", "partner_day_signup"),
        ("小二是干嘛的？我要咋联系到他", "what_is_am", "contact_roadmap"),
        ("AM not reply 3 days, what to do? can i complain", "slow_reply", "escalation"),
    ],
)
def test_the_first_question_is_the_main_one(
    knowledge: KnowledgeBase, text: str, main: str, other: str
) -> None:
    match = knowledge.matcher.match(text)
    assert match.best == main and other in match.others


@pytest.mark.parametrize(
    ("text", "main", "other"),
    [
        # A space between Chinese parts is a comma: read as one, the second part wins.
        ("partner day要带什么 怎么报名", "partner_day", "partner_day_signup"),
        # "会不会" asks like "是不是": without it the second part is no question of its own.
        ("欢迎消息一般在哪看 会不会被我归档了", "welcome_message", "messages_muted"),
        # What the seller tells beside the question is offered too.
        ("小二三天没回了，可以加他微信吗", "am_wechat", "slow_reply"),
        # A store's problem told first, then whether the AM handles it: the problem is the
        # main one, the AM's scope offered (as the labelled sellers' messages read).
        ("tracking not updating, is that the AM's job?", "route_logistics", "am_scope"),
        # A part ending in "不" asks: two questions, the first one main.
        ("你是官方的机器人吗 能帮我记录发消息的时间不", "about_bot", "bot_howto"),
    ],
)
def test_the_parts_of_a_message_give_its_questions(
    knowledge: KnowledgeBase, text: str, main: str, other: str
) -> None:
    match = knowledge.matcher.match(text)
    assert match.best == main and other in match.others, (match.ranked, match.others)


def test_a_space_typed_for_a_comma_separates_parts() -> None:
    # Between Chinese characters, and before or after a Latin word run into Chinese.
    assert _comma_parts("店铺开好了 ozon小二在哪找") == ["店铺开好了", "ozon小二在哪找"]
    assert _comma_parts("小二一周不回 要不要提escalation 流程是啥") == [
        "小二一周不回",
        "要不要提escalation",
        "流程是啥",
    ]
    # A word set apart by spaces stays in its part.
    assert _comma_parts("我的 AM 不回消息") == ["我的 AM 不回消息"]


def test_a_question_fragment_does_not_outweigh_the_message(knowledge: KnowledgeBase) -> None:
    # "怎么申诉" read alone is about fines; the message is about a frozen account.
    match = knowledge.matcher.match("账号突然被冻了，我也没干什么，怎么申诉")
    assert match.best == "route_store_blocked" and "route_fines" not in match.others


def test_a_sentence_asks_as_a_whole_and_its_parts_come_in_beside() -> None:
    # "几" after a number is a rough count, not a question: one part asks, so the sentence
    # stands as the question and each part may still offer its own topic.
    assert _parts("商品三十几个都上架了，小二在哪找") == [
        ("商品三十几个都上架了", False),
        ("商品三十几个都上架了，小二在哪找", True),
        ("小二在哪找", False),
    ]


def test_torn_between_two_topics_answers_the_best_and_offers_the_other(
    knowledge: KnowledgeBase,
) -> None:
    match = knowledge.matcher.match("在线客服能代替小二吗 小二周末休息")
    assert match.verdict is Verdict.LIKELY and match.best == "live_chat"
    assert match.others[0] == "slow_reply"


def test_a_vague_message_offers_the_best_three(knowledge: KnowledgeBase) -> None:
    # Three topics near each other: no answer is likely enough to show.
    match = knowledge.matcher.match("我的店")
    assert match.verdict is Verdict.UNSURE and match.best is None and len(match.ranked) == 3


def test_one_question_offers_nothing_else(knowledge: KnowledgeBase) -> None:
    assert knowledge.matcher.match("小二一直不回怎么办").others == ()


def test_a_message_mostly_about_fraud_answers_fraud(knowledge: KnowledgeBase) -> None:
    match = knowledge.matcher.match("有人说花500块就能帮我找到小二，靠谱吗")
    assert match.best == "fraud" and match.fraud


def test_a_confident_topic_is_never_refused_by_the_scope_check() -> None:
    # No word of this bot's field in either the example or the question.
    matcher = FaqMatcher(
        [
            ("moon", "月亮为什么是圆的"),
            ("moon", "月亮怎么是圆形"),
            ("sea", "海水为什么是咸的"),
            ("sea", "海水怎么这么咸"),
        ]
    )
    match = matcher.match("月亮为什么是圆的呢")
    assert not in_domain("月亮为什么是圆的呢")
    assert match.verdict is Verdict.CONFIDENT and match.best == "moon"


@pytest.mark.parametrize(
    "text",
    [
        "今天莫斯科天气咋样",
        "帮我把商品标题翻译成俄语",
        "在ozon上卖啥好卖",
        "write a poem for me",
        "商品标题用俄语怎么写比较吸引人",
        "how do I run ads on ozon",
        "推荐一部电影",
        # The market's exchange rate, not a payout's conversion.
        "人民币兑卢布汇率今天多少",
    ],
)
def test_out_of_scope(knowledge: KnowledgeBase, text: str) -> None:
    assert knowledge.matcher.match(text).verdict is Verdict.OUT_OF_SCOPE


@pytest.mark.parametrize(
    ("text", "count"), [("我只有3个sku", 3), ("五个商品够不够", 5), ("i have 12 sku", 12)]
)
def test_stated_sku_count(knowledge: KnowledgeBase, text: str, count: int) -> None:
    assert knowledge.matcher.match(text).stated_skus == count


def test_no_stated_count_without_one(knowledge: KnowledgeBase) -> None:
    assert knowledge.matcher.match("sku要多少个才够").stated_skus is None


@pytest.mark.parametrize(
    "question",
    [
        "有人说交钱就能拉我进小二微信群",
        "中介说代找客户经理要500",
        "有人在卖小二联系方式",
        "someone asked me for the verification code",
        "我是不是被骗了",
        "自称ozon客户经理的人让我把法人身份证发他微信",
        "有人说能帮我加急分配小二",
        "someone pretending to be ozon asked my password",
        "花钱找小二靠谱吗",
        "i sent money to a fake manager",
        "有人收我钱说能帮我找到小二，现在联系不上了",
        # A text or link that wants the code typed in; a fee for a free event.
        "收到短信让我点链接输入验证码解冻店铺",
        "partner day报名有人收200块报名费",
        "有个人说他是我的客户经理 要收服务费才帮我处理",
    ],
)
def test_paying_for_contacts_is_fraud(knowledge: KnowledgeBase, question: str) -> None:
    assert knowledge.matcher.match(question).fraud


@pytest.mark.parametrize(
    "question",
    [
        "小二一直不回怎么办",
        "卖家后台在哪里",
        "个体户能不能有客户经理",
        "这封邮件是不是骗局",
        "联系小二要付费吗",
        "小二是官方的还是中介的",
        "登录seller center要验证码，正常吗",
        "我家目前就八个链接在卖，够不够分经理",
        "速卖通的客户经理怎么联系",
        "who do I ask to reset my password",
        "你会不会骗人",
        # The seller alone is no stranger asking for a licence.
        "我一个人在家做 没执照 能有小二吗",
        # Asking whether there is a fee is no fee asked for.
        "is there a fee to get an AM",
    ],
)
def test_ordinary_questions_are_not_fraud(knowledge: KnowledgeBase, question: str) -> None:
    assert not knowledge.matcher.match(question).fraud


def test_beside_fraud_another_marketplace_is_where_it_was_seen(
    knowledge: KnowledgeBase,
) -> None:
    match = knowledge.matcher.match("在小红书上看到有人收钱帮忙分配小二")
    assert match.best == "fraud" and "other_marketplaces" not in (t for t, _ in match.ranked)


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
        ("昨天发了邮件到现在没回，怎么办", None),  # a question, not a report
    ],
)
def test_reported_actions(knowledge: KnowledgeBase, text: str, kind: CaseKind | None) -> None:
    assert knowledge.matcher.match(text).reported_action is kind


def test_synonyms_and_typos_fold_to_one_word() -> None:
    for variant in ["客户经理", "专属经理", "AM", "Account Manager", "小儿", "客服经里", "xiaoer"]:
        assert "小二" in normalise(f"找{variant}")
    assert "小二" not in normalise("amazon")
    assert "罚款" in normalise("罚款") and normalise("罚款").count("罚") == 1
    assert normalise("ＫＹＣ") == normalise("kyc")
    assert "没有" in normalise("木有")
    for variant, canonical in [
        ("俩sku", "两个"),
        ("小二分好了", "分配"),
        ("伙伴日", "线下"),
        ("可以越级吗", "升级"),
        ("找他上级", "升级"),
        ("右下角的聊天窗口", "在线客服"),
        ("账号被冻了", "冻结"),
        ("要先交定金", "付钱"),
        ("who r u", "机器人"),
    ]:
        assert canonical in normalise(variant), variant
    # Money Ozon pays the seller is a payout; money paid to someone is not.
    assert "回款" in normalise("when will ozon pay me") and "付钱" in normalise("pay him 500")
    # English without its auxiliary, and with or without the apostrophe.
    for text in [
        "AM not reply 3 days",
        "my AM doesn't reply",
        "my am doesnt reply",
        "my AM ignores me",
    ]:
        assert "不回" in normalise(text), text


def test_features_skip_stop_words() -> None:
    counts = features("what is the AM")
    assert "what" not in counts and "the" not in counts


def test_in_domain() -> None:
    assert in_domain("小二不回") and in_domain("Здравствуйте") and in_domain("店铺被封了")
    assert not in_domain("今天天气") and not in_domain("月亮为什么是圆的")


def test_a_topics_cue_puts_a_message_in_the_field(knowledge: KnowledgeBase) -> None:
    # No word of the field's list, but a payout's cue: not refused as out of scope.
    assert not in_domain("平台打款一直没来")
    assert knowledge.matcher.match("平台打款一直没来").best == "route_payouts"


def test_unrelated_text_leans_to_no_topic() -> None:
    matcher = FaqMatcher([("a", "小二不回"), ("b", "邮件地址")])
    match = matcher.match("🌙🌙🌙")
    assert match.verdict is Verdict.OUT_OF_SCOPE and match.ranked[0][1] == match.ranked[1][1]


def test_the_same_content_builds_one_matcher() -> None:
    # Training is done once per process: every dispatcher the tests open shares it.
    assert load_content().knowledge.matcher is load_content().knowledge.matcher


# Near the field but outside it: the bot knows nothing of commissions, ads, prices or
# translation. Written for this test, apart from every labelled set.
NEAR_TOPIC_OUT_OF_SCOPE = [
    "Ozon的佣金比例是多少",  # ~0.4 log-odds ahead of out of scope: refused at 1.0, not at 0
    "What is Ozon's commission for my category",  # ~0.9 ahead, likewise
    "Ozon平台的手续费是多少",
    "Ozon广告怎么投才能让订单多一点，后台的推广工具怎么用",
    "Ozon的定价策略有什么技巧，怎么定价不亏",
    "帮我把这段中文商品描述翻译成俄语",
    "How do I get more reviews on Ozon",
    "Any tips for pricing my products on Ozon",
    "Please translate my product card into Russian for me",
]


@pytest.mark.parametrize("question", NEAR_TOPIC_OUT_OF_SCOPE)
def test_near_topic_questions_outside_the_field_are_not_answered(
    knowledge: KnowledgeBase, question: str
) -> None:
    # Bug caught: the scope threshold (how far a topic must lead out of scope) set to 0:
    # a commission question got the AM-scope answer as if sure; the aggregate accuracy
    # floors barely move, so only messages this close to the field show it.
    match = knowledge.matcher.match(question)
    assert match.best is None, (question, match.verdict, match.ranked[:1])
    assert match.verdict in {Verdict.OUT_OF_SCOPE, Verdict.UNSURE}
