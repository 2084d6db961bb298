"""What a seller's message signals besides its topic: small talk, fraud, another marketplace,
whether it is in this bot's field at all, and word cues that point at one topic.

Cues are written from what each topic is about (LABELS), not from particular test questions:
"被拒 / rejected" next to KYC is a rejected KYC whatever else the message says.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from functools import lru_cache

from bot.nlp.faq.text import normalise, plain
from bot.nlp.typed.numbers import CHINESE_NUMERAL

# Spaces the synonym folding put around canonical words, removed next to Chinese for patterns.
_SPACE_BY_CJK = re.compile(r"\s+(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])\s+")


@lru_cache(maxsize=256)  # one message asks several times
def cue_text(text: str) -> str:
    """The normalised text without spaces next to Chinese, for the word cues."""
    return _SPACE_BY_CJK.sub("", normalise(text))


class SmallTalk(StrEnum):
    """A message with no question: what kind of friendly reply fits."""

    GREETING = "greeting"
    THANKS = "thanks"
    ACKNOWLEDGEMENT = "ack"


_SMALLTALK_WORDS = {
    SmallTalk.GREETING: (
        "你好 您好 你好呀 哈喽 哈罗 嗨 嗨嗨 hi hello hey hallo hiya yo 在吗 在不在 在么 在不 "
        "在嘛 在马 有人吗 有人在吗 有人没 有没有人 有人在不 早上好 早安 早 上午好 中午好 下午好 "
        "晚上好 午安 晚安 goodmorning goodafternoon goodevening goodnight morning evening "
        "здравствуйте привет 大家好 老师好 老板好 大佬好 各位好 亲 打扰了 打扰一下 再见 拜拜 "
        "bye goodbye 回头见 在 喂 嘿 哈啰 嗨喽 👋 nihao ninhao zaima "
        # Asking whether anyone is there ("hello, anyone here?", "you there?").
        "anyone anybody someone youthere areyouthere"
    ),
    SmallTalk.THANKS: (
        "谢谢 谢啦 多谢 感谢 谢谢你 谢谢您 谢谢啦 谢了 太感谢了 非常感谢 万分感谢 感谢感谢 "
        "感恩 蟹蟹 辛苦了 辛苦 麻烦了 麻烦你了 有劳 thanks thank thankyou thanku thx tks tnx "
        "ty tq thks 3q 3ks cheers appreciate appreciated спасибо 🙏 ❤️ ❤ "
        # Praise for the help is thanks too ("帮大忙了", "very helpful").
        "帮大忙 帮了大忙 大忙 有帮助 很有帮助 太有帮助 有用 很有用 太有用 受教 学到了 "
        "helpful helps helped xiexie duoxie ganxie"
    ),
    SmallTalk.ACKNOWLEDGEMENT: (
        "好的 好滴 好嘞 好咧 好哒 好吧 好 行 行吧 行的 ok okay okk kk k 收到 嗯 嗯嗯 嗯呢 "
        "哦 哦哦 噢 明白 明白了 知道了 晓得了 了解 了解了 懂了 没事 没事了 我试试 试试 "
        "我去试试 gotit noted sure cool great alright understood isee roger yes yep yeah fine "
        "np noproblem 👍 👌 ✅ 🆗 👏 😊 🙂 😀 😄 🤝 赞 棒 可以 可以的 没问题 nice good "
        "haode shoudao mingbai 原来如此 原来是这样 这样啊 "
        # Laughter and praise ("哈哈", "666", "lol").
        "哈哈 哈哈哈 嘿嘿 呵呵 嘻嘻 haha hahaha hehe lol lmao 😂 🤣 666 牛 6666 牛逼 厉害 强 nb "
        # Waiting, trying, leaving it there ("那我再等等", "稍等，我看一下", "先这样，回头聊").
        "等等 再等等 等等看 再等等看 等一下 稍等 稍等一下 等会 看一下 看看 看下 先这样 就这样 "
        "回头聊 回头再聊 改天聊 有问题再来问 有问题再问 再来问 去试试 试一下 试下 wait try later"
    ),
}
_SMALLTALK = {word: kind for kind, words in _SMALLTALK_WORDS.items() for word in words.split()}
_PARTICLES = "啊呀哈呢的啦了哦噢喔哇~～嘛吧咯哒"
# Words that go with small talk without saying more ("谢谢老师", "thanks for the help").
_FILLER_WORDS = (
    "你 您 我 哈 呀 亲 大家 各位 老师 大佬 哥 姐 宝 老板 帮助 帮忙 兄弟 兄弟们 哥们 老铁 朋友 "
    "家人们 亲爱的 美女 帅哥 you u ya very much so a lot there all everyone guys bro man dude "
    "mate buddy friend it bot got i see for the help your that this was really super "
    "那 先 再 我先 我再 那我 解答 回答 请问 here are will then s"
)
_SMALLTALK_FILLERS = frozenset(_FILLER_WORDS.split())


_REPEATED_LETTER = re.compile(r"([a-z])\1+")
# Longer than this, a message says more than hello or thanks ("thank you, that's very helpful.").
_SMALLTALK_LONGEST = 40


def smalltalk(text: str) -> SmallTalk | None:
    """Greetings, thanks and acknowledgements with no question in them."""
    value = plain(text).strip()
    if not value or len(value) > _SMALLTALK_LONGEST:
        return None
    compact = "".join(c for c in value if not c.isspace() and unicodedata.category(c)[0] != "P")
    if compact in _SMALLTALK:  # "got it", "thank you", "you there?"
        return _SMALLTALK[compact]
    kinds: list[SmallTalk] = []
    for word in re.findall(r"[a-z0-9]+|[\u3400-\u9fff]+|\S", value):
        if unicodedata.category(word[0])[0] == "P":
            continue
        found = _smalltalk_kinds(word)
        if found is None:
            return None
        kinds += found
    if not kinds:
        return None
    # "好的，谢谢" thanks; "你好" greets; what is left acknowledges.
    for kind in (SmallTalk.THANKS, SmallTalk.GREETING):
        if kind in kinds:
            return kind
    return SmallTalk.ACKNOWLEDGEMENT


def _smalltalk_kinds(word: str) -> list[SmallTalk] | None:
    """The small-talk kinds one word holds ([] for a filler), or None if it says more."""
    if word.isascii():
        # Letters typed twice over ("thankss", "hiii") and words typed twice ("okok").
        known = word in _SMALLTALK or word in _SMALLTALK_FILLERS
        word = word if known else _REPEATED_LETTER.sub(r"\1", word)
        half = len(word) // 2
        word = word[:half] if len(word) % 2 == 0 and word[:half] == word[half:] else word
    if word in _SMALLTALK:
        return [_SMALLTALK[word]]
    if word in _SMALLTALK_FILLERS or word in _PARTICLES:
        return []
    if not re.fullmatch(r"[\u3400-\u9fff]+", word):
        return None
    # A run of Chinese: small-talk words, fillers and particles only, longest first.
    position, kinds = 0, []
    while position < len(word):
        for size in range(min(5, len(word) - position), 0, -1):
            piece = word[position : position + size]
            if piece in _SMALLTALK or piece in _SMALLTALK_FILLERS or piece in _PARTICLES:
                kinds += [_SMALLTALK[piece]] if piece in _SMALLTALK else []
                position += size
                break
        else:
            return None
    return kinds


# Ozon's own addresses and pages: mentioning them is no sign of fraud.
GENUINE = re.compile(
    r"[a-z0-9._-]*@(?:[a-z0-9-]+\.)*ozon\.(?:ru|com|cn)|(?:[a-z0-9-]+\.)*ozon\.(?:ru|com|cn)"
)
# A one-time code or a password, as the synonyms fold them ("验证码" reads "认证码").
_CODE = r"认证码|短信码|(?:认证\s*|(?<![a-z]))(?:sms |login |security )?code(?![a-z])"
# Someone other than the seller and Ozon's channels ("some agent company" is a kind of firm).
_THIRD_PARTY = (
    r"有人|别人|有个|对方|陌生人|自称|冒充|[他她](?:让|要|说|收)|someone|somebody|stranger|guy|"
    r"(?:a|this|that) person|(?:an|the|this|that) agent(?! compan)|"
    r"(?:agent|person|people|man|woman)\s+(?:say|said|tell|told|offer|ask|want|promis|claim|call)|"
    r"群里|网上|淘宝上|(?<![我就己])一个人|人说"
)
# A code asked for or given away: fraud talk, unless the seller asks whether an email or a
# link that wants one is genuine.
_CODE_ASKED = re.compile(
    rf"(?:问我要|找我要|向我要|跟我要|让我发|让我提供|让我告诉|让我把|要我发|要我提供|要我把|索要|"
    rf"发给他|发给她)\S{{0,10}}(?:{_CODE})|(?:{_CODE}).{{0,8}}(?:发给|给他|给她|告诉他|告诉她|提供给)|"
    rf"(?:ask|want|need|request|send|give|share|tell)\w*\s+(?:\S+\s+){{0,3}}\S*?(?:{_CODE})|"
    rf"(?:短信|链接|link|网址|邮件|消息|message).{{0,20}}(?:填|输入|enter|fill|type)\w*.{{0,6}}(?:{_CODE})"
)
# Fraud for certain: someone after codes, passwords or documents, middlemen offering, insiders,
# a scam already suffered. ("登录要验证码正常吗" asks about logging in; "小二是官方的还是中介的"
# asks who the AM is.)
_FRAUD_STRONG = re.compile(
    rf"(?:{_THIRD_PARTY}).{{0,20}}(?:{_CODE}|密码|password|身份证|护照|执照|证件|passport|"
    rf"licen[cs]e|id card|documents?)|"
    rf"(?:{_THIRD_PARTY}).{{0,12}}(?:帮|help).{{0,6}}(?:加急|快速|搞定|包过|插队|speed|fast)|"
    r"中介.{0,10}(?:说|收|要|帮|能|可以|付钱|靠谱|可信|能信)|中介.{0,4}小二|"
    r"(?:找|给|付钱|通过|问).{0,4}中介|内部的人|内部关系|内部渠道|加急通过|包分配|包过|代开通|拉黑|"
    r"block me|blocked me|微信.{0,6}优先|钓鱼群|私人邮箱|私人微信|发他微信|发到他|"
    r"his (?:gmail|qq|personal|private)|骗了|转了.{0,4}钱|付了.{0,4}钱|"
    r"(?:sent|transferred|gave)\s*(?:the\s*)?(?:付钱|money)|"
    r"付钱.{0,20}(?:跑了|run|ran away|disappear|消失|不见|联系不上|拉黑)"
)
# Words of suspicion that are fraud talk only outside a question about an email, a link or an
# address: "这封邮件是不是骗局" asks whether Ozon sent it (genuine_email), not about a scam;
# "骗" in a question whether something is real ("…is he real or a scammer?") asks the same.
_FRAUD_WEAK = re.compile(r"骗|自称|冒充|假冒|加我.{0,8}说.{0,3}是|pretend|impersonat|posing as")
_SCAM = re.compile(r"骗")
_IS_IT_REAL = re.compile(
    r"真的|真假|真是|是真|官方|正规|安全|靠谱|可信|能信|钓鱼|real|genuine|fake|official|legit|safe|"
    r"trust|phishing"
)
# "你会不会骗人" asks the bot whether it can be trusted (the synonyms read "你会"/"are you" as
# the bot).
_TO_THE_BOT = re.compile(r"机器人|你|(?<![a-z])you(?![a-z])")
_ABOUT_A_MESSAGE = re.compile(
    r"邮件|链接|网址|网站|发件|link|site|网页|短信(?!认证码|码)|message|msg|消息|信息|来信|发来|sender|"
    r"address|地址|域名|domain"
)
# Contacts bought or sold ("卖家" is the seller).
_TRADED_CONTACT = re.compile(
    r"(?<!速)[买卖](?!家|通)[^，,。？?！!]{0,10}(?:联系方式|微信|名单|contact|电话|通道|渠道|名额)|"
    r"(?<!速)[买卖](?!家|通)(?:了|的|个)?\s*小二|"
    r"(?<!速)[买卖](?!家|通)[^，,。？?！!]{0,8}小二\s*(?:对接|直联|联系|服务|微信|contact|service)|"
    r"付钱\s*.{0,8}小二\s*(?:联系|contact|微信|群)|小二\s*(?:contact\s*)?(?:名单|list)"
)
_MONEY = re.compile(
    r"付钱|收.{0,2}钱|收.{0,3}费|要钱|money|payment|给[他她]钱|给(?:他|她|钱).{0,3}\d+|"
    r"\d{3,}.{0,3}(?:帮|包|搞定)|"
    r"\d+\s*(?:块|元|rmb|usd|美元|刀|卢布|rub|yuan)|[一二两三四五六七八九十百千万]+\s*(?:块|元)"
)
_MONEY_FOR = re.compile(
    r"小二|微信|对接|联系|分配|加急|认证|帮|搞定|找到|开通|回款|快|报名|名额|占位|门票|"
    r"sign ?up|regist"
)
# Services that are a scam whoever asks: paying for contact, speed or coaching, or for an AM
# ("花钱找小二"; "联系小二要付费吗" asks about a fee).
_PAID_SERVICE = re.compile(r"对接|加急|辅导|包过|快速通过|speed|fast|quick|拉.{0,3}群")
_PAYING_FOR_AN_AM = re.compile(r"付钱.{0,12}小二")
# "Do I need to pay someone to reach my AM?" asks about fees when nobody has offered or asked
# anything ("有人说…要不要付钱" is an offer).
_ASKS_ABOUT_PAYING = re.compile(
    r"(?:need|have|must|should)\s*(?:to\s*)?付钱|要不要付钱|需要付钱|是否付钱|得付钱|要付钱吗|"
    r"付钱吗|is there\s*(?:an?|any)?\s*付钱|any\s*付钱"
)
# A message threatening the store and wanting a login, a verification or money through a link
# or a code to scan: phishing, fraud talk ("链接" reads "商品" and "验证" reads "认证").
# ("一封邮件" counts a letter, no threat.)
_THREAT = (
    r"冻结|(?<![一有这那几每两三])封(?!邮件|信|短信)|关店|关闭|违规|"
    r"suspend|frozen|freez|block|clos|violat"
)
_VIA_LINK = (
    r"(?:点|点击|click|扫码|扫|open|follow|via|through|use)\w*.{0,8}(?:商品|link|网址|url|二维码|qr)"
    r".{0,12}(?:登录|登入|log ?in|sign ?in|认证|核实|确认|confirm|付钱|解冻)"
)
_PHISHING = re.compile(rf"(?:{_THREAT}).{{0,24}}{_VIA_LINK}|{_VIA_LINK}.{{0,24}}(?:{_THREAT})")
_OFFERED = re.compile(r"说|让|要我|收|卖|offer|say|said|ask|want|sell|told|tell")


@lru_cache(maxsize=256)  # one message asks several times
def mentions_fraud(text: str) -> bool:
    """Paying a third party for contacts or speed, middlemen, codes or documents asked for,
    contacts traded, a scam suffered.

    Ozon's own addresses are removed first, and a question naming one asks whether it is
    genuine: "global@global.ozon.com是真的吗", "…是不是骗子冒充的" are no fraud talk.
    """
    lowered = unicodedata.normalize("NFKC", text).lower()
    names_ozon = bool(GENUINE.search(lowered))
    words = _SPACE_BY_CJK.sub("", normalise(GENUINE.sub(" ", lowered)))
    if _FRAUD_STRONG.search(words) or _TRADED_CONTACT.search(words) or _PHISHING.search(words):
        return True
    about_a_message = names_ozon or bool(_ABOUT_A_MESSAGE.search(words))
    third_party = re.search(_THIRD_PARTY, words)
    asks_if_genuine = about_a_message and _IS_IT_REAL.search(words) and not third_party
    if _CODE_ASKED.search(words) and not asks_if_genuine:
        return True
    weak = _FRAUD_WEAK.findall(words)
    if weak and not about_a_message:
        only_scam = all(_SCAM.fullmatch(w) for w in weak)
        if not (only_scam and (_IS_IT_REAL.search(words) or _TO_THE_BOT.search(words))):
            return True
    if _ASKS_ABOUT_PAYING.search(words) and not _OFFERED.search(words):
        return False
    if ("付钱" in words and _PAID_SERVICE.search(words)) or _PAYING_FOR_AN_AM.search(words):
        return True
    return bool(_MONEY.search(words) and _MONEY_FOR.search(words) and third_party)


OTHER_MARKETPLACES = re.compile(
    r"wild\s?berr|wilberr|(?<![a-z])wb(?![a-z])|野莓|вайлдберриз|yandex|яндекс|megamarket|"
    r"мегамаркет|速卖通|阿里俄罗斯|ali\s?express|淘宝|天猫|tmall|拼多多|亚马逊|amazon|京东|1688|抖音|tiktok|"
    r"shopee|lazada|temu|shein|ebay|avito|авито|kazanexpress|lamoda|ламода|joom|etsy|walmart|"
    r"沃尔玛|shopify|mercado|allegro|kaspi|uzum|闲鱼|小红书|快手"
)

# A seller telling where they sold before ("之前做亚马逊的", "从WB转过来", "coming from Amazon").
CAME_FROM = re.compile(
    r"(?:之前|以前|原来|过去|从前)(?:一直)?(?:在|做|是做|卖|用)|转过来|转来|转到|转做|"
    r"(?<![a-z])(?:coming|came|moved|switched|switching)\s+(?:over\s+)?from|used\s+to\s+sell|"
    r"(?<![a-z])previously(?![a-z])"
)

# Words that put a question inside this bot's field; without one (and without a confident
# topic) it is out of scope.
_DOMAIN = re.compile(
    r"小二|邮件|个体户|认证|微信|中介|骗|升级|不回|俄语|在线客服|欢迎消息|消息中心|机器人|线下|罚款|"
    r"物流|分配|编号|ozon|озон|卖家|seller|营业执照|执照|法人|审核|类目|fbs|fbo|佣金|发票|密码|工单|"
    r"客服|support|验证码|证据|申诉|入驻|仓|中国团队|上班|问候|打招呼|missing|官方|店铺|店|账号|账户|"
    r"封|冻结|退货|退款|回款|提现|结算|货款|到账|商品|notification|通知|store|shop|account|"
    r"refund|return|payout|withdraw|warehouse|register|报名|活动|模板|提醒|跟进|记录|统计|删除|"
    r"数据|语言|时区|钱|后台|买家|订单|护照|身份证|驳回|被拒|包裹|快递|清关|海关|发货|货物|入库|个人|"
    r"individual|sole|block|suspend|frozen|freez|banned|restrict|locked|remind|template|statistic|"
    r"stats|language|delete|password|invoice|status|pending|reject|approv|document|licen|passport|"
    r"deliver|ship|parcel|customs|penalt|appeal|commission|categor|sign up|signup|archiv|mute|"
    r"ticket|follow.?up|case number|your (?:info|information|data|answers?|sources?)"
)


@lru_cache(maxsize=256)  # one message asks several times
def in_domain(text: str) -> bool:
    """Does the message touch this bot's field (Ozon selling, the AM, this bot)?"""
    lowered = unicodedata.normalize("NFKC", text).lower()
    return bool(re.search(r"[\u0400-\u04ff]", lowered)) or bool(_DOMAIN.search(normalise(text)))


# A count of SKUs stated or asked about: "上了3个sku", "五个商品", "i have 4 sku".
_COUNT = re.compile(
    rf"(?<![一二两三四五六七八九十\d])(?:\d+|{CHINESE_NUMERAL})\s*(?:多|几|来)?\s*"
    rf"(?:个|款|件|种)?\s*(?:商品|品(?!牌))|(?:只有|才|就|有|上了|上架了?|only|have)\s*"
    rf"(?:\d+|{CHINESE_NUMERAL})\s*(?:多|几|来)?\s*(?:个|款)(?!月|星期|礼拜|小时|工作)"
)
_ENOUGH = re.compile(r"够|还差|算不算|算吗|算进|算几个|enough|count")


# What an AM may or may not handle, asked about next to the AM.
# (Every route topic's problem among them: a blocked store, payouts.)
_SCOPE_SUBJECTS = (
    r"罚款|物流|佣金|退货|退款|类目|fbs|资质|审核|侵权|商标|处罚|申诉|证据|材料|截图|哪些|什么事|"
    r"范围|职责|管不管|封|冻结|限制|回款|提现|logistic|tracking|commission|return|penalt|fine|"
    r"block|suspend|frozen|restrict|payout"
)

# Payment providers Chinese sellers are paid out through (their managers are theirs).
_PAYMENT_PROVIDERS = (
    r"ping\s?pong|连连|lianlian|万里汇|world\s?first|空中云汇|airwallex|payoneer|派安盈|"
    r"收款(?:服务商|平台|公司)|payment (?:provider|company|service)"
)

# Asking to be put through to a person ("转人工", "人工客服怎么找": 人工客服 reads 在线客服).
_TO_A_PERSON = (
    r"转(?:人工|在线客服|真人)|找(?:真人|人工)|在线客服.{0,3}(?:怎么找|咋找|怎么转|入口)|"
    r"(?:a|an|to)\s*human"
)

# Languages, and writing to the AM in one.
_LANGUAGES = r"俄语|翻译|英文|英语|中文|english|chinese|translat"
_TO_THE_AM = (
    r"小二|消息|沟通|交流|打招呼|问候|开头|礼貌|看懂|看得懂|回复|发|greet|hello|talk|message|write|"
    r"speak|understand|reply"
)

# Topic ← (weight, pattern over the normalised text without spaces next to Chinese). Each cue
# found adds its weight to the topic's similarity score.
_CUE_SOURCES: dict[str, tuple[tuple[float, str], ...]] = {
    "contact_roadmap": (
        (
            0.22,
            r"(?:怎么|如何|去哪|哪里|在哪|哪能|通过什么|什么方式|什么办法)(?:.{0,6})(?:找|联系|联络)"
            r".{0,4}小二|联系.{0,3}小二|找.{0,2}小二|小二.{0,4}(?:怎么|去哪|在哪|哪里).{0,3}(?:找|联系)|"
            r"(?:how|way|where)\S*\s*(?:\S+\s*){0,3}(?:contact|reach|find|talk)\S*\s*(?:\S+\s*){0,2}"
            r"小二|step by step",
        ),
    ),
    "what_is_am": (
        (
            0.3,
            r"小二.{0,3}(?:是什么|什么意思|是谁|是干|干什么|干嘛|指什么|指谁|是指|员工|外包|正式|的人|"
            r"是ozon|是第三方|招商|叫法|由来|来历|哪来的)|(?:什么叫|什么是|何为).{0,2}小二|"
            r"小二\s*(?:is\s*)?(?:mean|staff|employee|who)|"
            r"what\s*(?:is|are|r)\s*(?:(?:an?|the)\s*)?\W*小二\W*$|"
            r"who is\s*小二|what\s*(?:is\s*)?小二\s*mean|小二.{0,40}who is (?:this|that|he|she)",
        ),
        # Whether the AM costs anything ("小二收费吗", "is the AM free"): paying a person is fraud.
        (
            0.6,
            r"小二.{0,10}(?:付钱|免费|要钱|收钱|(?<![a-z])free|(?<![a-z])cost|charge)|"
            r"(?:要|需要|得|是否|要不要|have to|need to|must)\s*付钱.{0,10}小二|"
            r"(?:免费|要钱|free of charge|(?<![a-z])cost).{0,10}小二",
        ),
        # Whether the AM is a person or a bot: the AM, not this bot.
        (
            0.5,
            r"小二.{0,12}(?:真人|活人|机器人|人工|程序|robot|human|real person|(?<![a-z])bot|"
            r"(?<![a-z])ai(?![a-z]))",
        ),
    ),
    "assignment": (
        (
            0.2,
            r"多少.{0,4}(?:商品|个).{0,8}(?:分配|小二)|怎么(?:才能)?(?:拿到|获得|得到|申请(?!换)).{0,3}小二|"
            r"条件|规则|要求|condition|rule|requirement|什么时候.{0,4}(?:有|分配|会有).{0,2}小二|"
            r"多久.{0,4}(?:分配|有小二|配)|分配.{0,6}(?:多久|几天|要多长)|自动.{0,3}分配|"
            r"how long.{0,20}分配|automatic|"
            r"(?:how long|when).{0,30}(?:get|have|receive)\s*(?:(?:an?|my|the)\s*)?小二",
        ),
        # Applying for, "opening" or getting one, how one is assigned; whether a new store can
        # have one. Not when the seller is no company (an individual business applies by its own
        # rules), states a count (the SKU threshold), has none though qualified (missing), wants
        # another one (escalation) or speed for money (fraud).
        (
            0.9,
            r"^(?!.*(?:个体户|个人|公司|企业|主体|company|商品|\d|[一二两三四五六七八九十]个(?!小二)|"
            r"(?<![a-z])(?:one|two|three|four)\s|only|items?(?![a-z])|没(?:有)?分配|还没|换|"
            r"change|付钱|faster|speed|加急|快速)).*(?:"
            r"小二.{0,3}(?:怎么|如何|是怎么|咋)分配|(?:怎么|如何)分配小二|"
            r"(?:申请|开通|开个|开一个|获得|拿到|得到|要个|要一个|配个|配一个)\s*(?:一个|个)?\s*小二|"
            r"小二.{0,4}(?:申请|开通|怎么开|怎么要)|"
            r"(?:apply|get|obtain|request|open|receive)\w*\s*(?:(?:for|an?|my|the|one)\s*)*小二|"
            r"(?:新店|新卖家|新手|刚开的店|刚开店|new (?:store|seller|shop)).{0,10}"
            r"(?:能|可以|会|有|can|get|have|eligible).{0,4}小二|"
            r"(?:能不能|能否|可不可以|可以|能)\s*(?:有|拿到|配|分到|申请)\s*(?:个|一个)?\s*小二|"
            r"(?:can|could|may)\s*(?:i|we|my \w+)\s*(?:get|have|apply))",
        ),
    ),
    "sku_threshold": (
        (0.15, _COUNT.pattern),
        (0.25, rf"(?:{_COUNT.pattern}).{{0,12}}(?:{_ENOUGH.pattern}|能|可以|行)"),
    ),
    "welcome_message": (
        (
            0.2,
            r"欢迎消息|support.{0,4}标签|标签页|support tab|小二.{0,6}联系我|什么方式联系我|"
            r"会.{0,2}(?:发|通知)我",
        ),
        (
            0.12,
            r"小二.{0,6}(?:名字|叫什么|id|联系方式|邮件)|(?:名字|联系方式).{0,6}小二|"
            r"在哪.{0,4}(?:看|查).{0,4}小二",
        ),
        # Who the seller's own AM is, where to see them: the welcome message names them.
        (
            0.5,
            r"(?:who is|whos|who's)\s*(?:my|our)\s*小二|who\s*(?:my|our)\s*小二\s*is|"
            r"我(?:的|们的)小二是谁|"
            r"在哪.{0,2}(?:看|查).{0,3}(?:我的|我们的)\S{0,4}小二",
        ),
        # Being told when the AM is assigned.
        (
            0.3,
            r"分配.{0,10}(?:通知|提醒|提示|推送|告诉我|notif|alert)|(?:notif|alert)\w*.{0,20}分配|"
            r"小二.{0,8}(?:告诉我|通知我|推送)",
        ),
    ),
    "messages_muted": (
        (
            0.35,
            r"静音|归档|隐藏|mute|archiv|hidden|hide|红点|铃铛|推送|push|通知.{0,4}关|关.{0,3}通知|"
            r"no notification|notification.{0,6}(?:off|on)",
        ),
    ),
    "contact_info": (
        (
            0.3,
            r"联系信息|contact information|联系人信息|联系邮件|通知.{0,6}邮件|"
            r"邮件.{0,4}(?:改|换|填错|错)|(?:改|换|修改).{0,6}邮件|contact\s*邮件|"
            r"邮件.{0,20}notification|notification.{0,10}邮件|绑.{0,4}邮件|邮件.{0,3}绑|"
            r"(?:官方|ozon|平台).{0,4}邮件.{0,6}(?:发给|发到|寄到)",
        ),
    ),
    "kyc_status": (
        (
            0.22,
            r"认证.{0,6}(?:状态|在哪看|哪里看|哪看|过没过|通过没|进度|有几种|到哪一?步|哪一步)|"
            r"(?:在哪|哪里)看.{0,6}认证|认证.{0,8}(?:那一?栏|显示的|写的)|(?:状态|status).{0,4}"
            r"(?:verified|pending|rejected).{0,8}(?:是|什么|意思|mean|代表)|"
            r"verified.{0,4}(?:是|mean|意思)|(?:pending|rejected)"
            r".{0,4}(?:是什么|什么意思|mean)|绿色的勾|认证\s*status|status.{0,12}认证",
        ),
        # What a status means: the statuses, not being stuck in one or rejected.
        (
            0.4,
            r"(?:verified|pending|rejected|审核中|被拒|通过了?|状态)\W{0,2}.{0,4}"
            r"(?:是什么意思|什么意思|啥意思|是啥|代表什么|代表|mean|stand for)|"
            r"(?:verified|pending|rejected|审核中|被拒).{0,20}(?:区别|不同|difference|differ)|"
            r"(?:区别|不同|difference|differ).{0,20}(?:verified|pending|rejected|审核中|被拒)",
        ),
    ),
    "kyc_pending": (
        (
            0.3,
            r"认证.{0,12}(?:审核中|pending|卡|一直|还在|under review|stuck|在审|好久|多久|几天|"
            r"太慢|催)|(?:审核中|pending|under review|под проверкой).{0,8}(?:好久|多久|天|周|月|"
            r"正常|怎么办|催)|"
            r"认证.{0,3}审.{0,3}(?:多久|几天|要多)|"
            r"(?:pending|审核中|在审).{0,12}(?:过期|失效|expire|重新提交|重新上传|重交|再提交|resubmit)",
        ),
    ),
    "kyc_rejected": (
        (
            0.4,
            r"认证.{0,8}(?:被拒|拒|驳回|失败|没过|没通过|不通过|rejected|fail|declin)|"
            r"(?:被拒|驳回).{0,6}(?:认证|重新|再提交)|rejected|declined",
        ),
        (
            0.25,
            r"(?:重新|再次?)(?:提交|上传|交|申请).{0,6}认证|认证.{0,6}(?:重新|再次?)(?:提交|上传|交)|"
            r"resubmit",
        ),
    ),
    "missing_am": (
        (
            0.4,
            r"没(?:看到|收到|等到).{0,3}欢迎消息|条件都满足|"
            r"(?:never|not|didnt|havent|hasnt)\s*(?:got|get|receiv\w*|seen|see)\s*(?:(?:a|the|any)\s*)?"
            r"欢迎消息|都满足了|all condition|"
            r"(?:还是|还|一直|仍然|到现在|迟迟|都).{0,4}(?:没有|没|无).{0,3}(?:小二|欢迎消息|人联系|分配)|"
            r"(?:没有|没)小二|没人联系|没等到|still no\s*(?:小二|欢迎消息)|no\s*(?:小二|欢迎消息)|"
            r"别人都有|小二.{0,4}(?:影子|没出现|不出现)|(?<!store is )(?<!shop is )missing|"
            r"(?:^|我的|我家)\s*小二\s*呢\W*$|"
            r"(?:别人|人家|朋友|同行|其他人|其他卖家|friend|others|other sellers|everyone|"
            r"everybody).{0,16}(?:都|already|got|get|have|has).{0,6}小二",
        ),
    ),
    "support_email": (
        (
            0.18,
            r"(?:支持|support|中国团队|客服).{0,3}邮件|邮件.{0,4}(?:写什么|写哪些|要写|附|标题|地址|"
            r"是多少|是哪个|包含)|邮件.{0,8}多久回",
        ),
        (
            0.2,
            r"邮件.{0,10}(?:中文|英文|chinese|english|哪种语言|什么语言|language)|"
            r"(?:中文|英文|chinese|english).{0,10}邮件|"
            r"(?:邮件|support).{0,20}(?:一般|通常|usually|normally|how many days)|"
            r"how (?:fast|long|soon|quick)\w*.{0,24}(?:support|邮件)",
        ),
    ),
    "email_unanswered": (
        (
            0.35,
            r"邮件.{0,20}(?:回复.{0,3}没有|没有.{0,2}回复)|邮件.{0,24}(?:不回|没人回|没回|没下文|没消息|"
            r"自动回复|没答复)|(?:不回|auto reply|自动回复).{0,10}邮件|sent\s*邮件.{0,12}不回|"
            r"只收到.{0,3}自动回复|only auto reply",
        ),
    ),
    "followup_number": (
        (
            0.4,
            r"编号|ticket|号码|跟进号|case number|给了.{0,3}号|number for my issue|跟进.{0,2}号",
        ),
        # A "tracking number" of a case, not of a parcel ("tracking" reads "物流").
        (
            0.6,
            r"物流\s*(?:number|no\b|id\b).{0,30}(?:issue|case|ticket|support|小二|problem|request)|"
            r"(?:issue|case|ticket|problem|request).{0,20}物流\s*(?:number|no\b|id\b)",
        ),
    ),
    "slow_reply": (
        (
            0.25,
            r"小二.{0,8}(?:不回|回复.{0,3}慢|慢|几点|上班|工作时间|休息|周末|假期|放假)|"
            r"(?:不回|回复.{0,3}慢|已读).{0,6}小二|几点上班|工作时间|周末|假期|放假|holiday|weekend|"
            r"working|几个意思|已读|才回|时区|隔天|隔一天|小二\s*(?:\S+\s*){0,2}(?:slow|不回)",
        ),
        # The AM's hours and time zone.
        (
            0.35,
            r"(?:online|office|work|working|business)\s*hours?|在线时间|几点在线|时差|"
            r"(?:china|beijing|moscow)\s*time|北京时间|莫斯科时间",
        ),
    ),
    "escalation": (
        (
            0.35,
            r"升级|换.{0,3}小二|小二.{0,4}换|换人|换一个|换个|更换|更高|高一级|往上|"
            r"change\s*(?:to\s*)?(?:another|other|new)|above\s*小二|who is above",
        ),
    ),
    "am_scope": (
        (0.25, rf"小二.{{0,12}}(?:{_SCOPE_SUBJECTS})|(?:{_SCOPE_SUBJECTS}).{{0,12}}小二"),
        (
            0.25,
            r"小二.{0,6}(?:能|可以|管|帮|有用|处理|help|can)|(?:能|可以|找|ask).{0,3}小二|"
            r"有没有用|找小二之前|准备.{0,6}(?:证据|材料|截图)|prepare",
        ),
        # Whether the AM can help with a problem of a route topic: the AM's scope, not the route.
        (
            0.3,
            rf"小二.{{0,8}}(?:能|可以|管|帮|有用|处理|help|can|handle).{{0,12}}(?:{_SCOPE_SUBJECTS})|"
            rf"(?:{_SCOPE_SUBJECTS}).{{0,16}}小二.{{0,6}}(?:能|可以|管|帮|有用|处理|help|handle)|"
            rf"(?:{_SCOPE_SUBJECTS}).{{0,12}}(?:能|可以|找|问|ask).{{0,3}}小二|"
            rf"(?:can|could|will|does)\s*(?:my\s*)?小二.{{0,20}}(?:{_SCOPE_SUBJECTS})|"
            rf"小二.{{0,12}}(?:job|responsib|duty|deal with|take care|solve|fix|sort out|负责|"
            rf"解决).{{0,16}}(?:{_SCOPE_SUBJECTS})|"
            r"(?<![a-z])(?:can|could|will|would|does|do)\s*(?:(?:my|the|an?)\s*)?小二\s*(?:\w+\s+){0,2}"
            r"(?:help|handle|appeal|solve|fix|deal|assist|check|sort)|"
            r"(?:is it|is this|is that|是不是|算不算|属于).{0,8}小二.{0,6}"
            r"(?:job|work|responsib|duty|的事|职责|管)|小二\s*(?:job|duty|responsib)",
        ),
    ),
    # Not when the seller asks to be put through to a person (reaching a human).
    "live_chat": (
        (
            0.4,
            rf"^(?!.*(?:{_TO_A_PERSON})).*(?:在线客服|人工|机器人.{{0,3}}吧|在线聊天|"
            r"online(?!\s*hours?))",
        ),
    ),
    # A language named is a hint; named with the AM or a message to write, the topic itself
    # ("这句俄语是什么意思" asks for a translation, out of scope).
    "russian_greeting": (
        (0.15, _LANGUAGES),
        (
            0.2,
            rf"(?:{_LANGUAGES}).{{0,10}}(?:{_TO_THE_AM})|(?:{_TO_THE_AM}).{{0,10}}(?:{_LANGUAGES})",
        ),
    ),
    "individual_business": (
        (
            0.4,
            r"个体户|(?<!一)个人(?!信息)|(?:没|无)(?:有)?(?:营业)?执照|"
            r"(?:no|without|dont have)\s+(?:a\s+)?(?:business\s+)?licen[cs]e",
        ),
    ),
    "partner_day": ((0.3, r"线下|当面|面对面|face to face|深圳.{0,6}(?:活动|会)"),),
    "partner_day_signup": (
        (
            0.25,
            r"(?:线下|活动).{0,8}(?:报名|报|预约|名额|入口|下一场|什么时候|参加|sign|regist)|"
            r"报名|名额|预约|sign\s*up|regist|下一场|when is next|"
            r"(?:join|attend|book|参加|参与).{0,12}线下|线下.{0,12}(?:join|attend|book)",
        ),
    ),
    "am_wechat": (
        (
            0.45,
            r"微信|qq|(?<![a-z])tg(?![a-z])|telegram|手机号|电话|phone|小二.{0,4}群|群.{0,4}小二|"
            r"[进拉].{0,6}群|交流群|工作群|group chat|私聊|私下联系|私信|"
            r"private(?:ly)?\s*(?:chat|contact|message)",
        ),
    ),
    "genuine_email": (
        (
            0.3,
            r"@|ozon\.(?:ru|com)|发件人|钓鱼|phishing|(?:邮件|链接|link).{0,12}(?:真的|官方|靠谱|能信|"
            r"安全|safe|real)|(?:真的|官方).{0,4}邮件|really from ozon|后缀|域名|domain",
        ),
    ),
    "about_bot": (
        (
            0.25,
            r"机器人.{0,4}(?:是|官方|谁做|靠谱|可信)|是不是.{0,4}机器人|^(?!.*小二).*真人|谁做的|"
            r"信息.{0,4}(?:从哪|来源|哪来)|靠谱不|准不准|官方的吗|official|who are you|"
            r"where\S*\s*(?:\S+\s*){0,2}information",
        ),
        # Asking the bot whether it is a person or staff ("你是人工客服吗": 你是 reads 机器人).
        (
            0.3,
            r"^\W*机器人\W*(?:人工|真人|在线客服|ai|human|real person|staff|employee)",
        ),
    ),
    "bot_howto": (
        (
            0.3,
            r"提醒|记录|记着|记一下|模板|template|统计|stats|切换|删除.{0,4}数据|"
            r"delete.{0,3}\s*data|时区|time zone|语言|language|资格检查|怎么用|remind|功能|"
            r"(?:改|修改|更新).{0,10}资料|how\s*(?:to|do i|can i|should i)?\s*use|"
            r"(?<![a-z])(?:record|remember|track)(?![a-z])",
        ),
        (
            0.2,
            r"语言.{0,6}(?:改|切换|换|设置)|(?:改|切换|换)成.{0,3}(?:中文|英文|english|chinese)|"
            r"(?:change|switch)\s+(?:the\s+)?(?:language|to chinese|to english)",
        ),
    ),
    "route_store_blocked": (
        (
            0.45,
            r"被封|封号|封店|封了|封禁|查封|店.{0,3}封|号.{0,3}封|冻结|暂停|受限|限制|停用|suspend|"
            r"被锁|锁定|locked(?! out)|"
            r"block(?!\s*me)|frozen|freeze|banned|restrict",
        ),
        (0.3, r"关店|被关|cant access"),
    ),
    "route_logistics": (
        (
            0.3,
            r"物流|入库|在途|单号|拒收|丢|发货|到仓|仓库|海关|warehouse|lost|transit|shipment|箱|"
            r"(?:送|入|进)仓|仓位|货物|(?:运|寄|发)(?:到|往)俄|shipping|in transit|damaged",
        ),
        (0.4, r"仓.{0,8}预约|预约.{0,6}(?:仓|入库)|(?:delivery|supply)\s*slot"),
    ),
    "route_returns": ((0.45, r"退货|退款|退回|退了|退钱|退.{0,2}单|return|refund"),),
    "route_payouts": (
        (
            0.45,
            r"回款|提现|结算|到账|货款|收款|打款|payout|withdraw|settlement|"
            r"钱.{0,6}(?:到|come|arriv|没收到|received)|"
            r"money.{0,12}(?:come|arriv|receiv|not|late|delay)|(?:get|got|be)\s*付钱|"
            r"(?:get|receive|got)\s*(?:my|the|our)\s*money|"
            # The rate a payout is converted at, not the market's ("美元兑卢布汇率多少").
            r"卢布换|(?:换|结算|提现|损失).{0,8}汇率|汇率.{0,6}(?:损失|怎么算|扣)",
        ),
        # A payment provider's own manager is the provider's, about payouts.
        (0.6, _PAYMENT_PROVIDERS),
        (0.5, rf"(?:{_PAYMENT_PROVIDERS}).{{0,8}}小二"),
    ),
    "route_fines": (
        (0.3, r"罚款"),
        (
            0.15,
            r"罚款.{0,12}(?:申诉|appeal|撤销|明细|冤枉|不合理|为什么|原因|why)|"
            r"(?:申诉|appeal).{0,6}罚款",
        ),
    ),
    "other_marketplaces": ((1.0, OTHER_MARKETPLACES.pattern),),
    # Not for an email's language, the China mailbox's own question.
    "support_language": (
        (
            0.35,
            r"^(?!.*邮件).*(?:(?:会|能|懂|讲|说|用|回|看得懂|看懂)(?:不会|不懂)?.{0,3}(?:中文|汉语|普通话|英文|英语)|"
            r"(?:中文|英文|英语)(?:客服|支持|沟通|回复|交流|对接)|有没有中文|"
            r"(?:speak|understand|answer|reply|write|talk)\w*\s*(?:\S+\s*){0,3}"
            r"(?:in\s*)?(?:chinese|english)|(?:what|which)\s*language)",
        ),
    ),
    "reach_human": (
        # Asking for a person where the chat answers: not which channel to use (live chat).
        (0.4, _TO_A_PERSON),
        (
            0.45,
            r"(?:找|转|联系|要|跟|和|接)\s*(?:到)?\s*(?:真人|活人|人工)|真人客服|"
            r"(?:talk|speak|reach|get|contact|chat)\w*\s+(?:to\s+|with\s+)?(?:an?\s+)?"
            r"(?:real\s+|live\s+|actual\s+)?(?:person|human|agent|staff)|live agent|"
            r"human (?:support|agent)|canned|"
            r"(?:客服|support|聊天|chat).{0,10}(?:机器人|(?<![a-z])bot|自动回复|auto.?repl|模板回复)|"
            r"(?:全是|都是|只有|一直是?|只会|only)\s*(?:机器人|(?<![a-z])bot|自动回复|auto.?repl)",
        ),
    ),
    "am_assigned_check": (
        (
            0.5,
            r"(?:我|我们|我家|店|店铺|账户|账号)\S{0,4}(?:有没有|有无)\S{0,2}小二|"
            r"(?:我|我们|我家|店|店铺)\S{0,3}有小二(?:吗|没|不)|"
            r"(?:有没有|是否).{0,4}(?:分配|分到|配).{0,4}小二|我(?:现在)?有小二(?:了)?(?:吗|没)|"
            r"小二.{0,6}(?:分配了没|分了没|分没分|有没有分配|分配了吗|分下来了(?:吗|没))|"
            r"(?:do|does|did)\s*(?:i|we|my \w+)\s*(?:already\s*)?(?:have|got)\s*"
            r"(?:an?|my|any)?\s*小二|"
            r"小二\s*(?:been|was|is|got)?\s*分配.{0,6}(?:me|my|我)|"
            r"(?:check|know|tell|see|find out)\w*\s.{0,24}(?:if|whether)\s.{0,20}小二",
        ),
    ),
    "store_disappeared": (
        (
            0.5,
            r"(?:店|store|shop|account|账户|账号).{0,8}(?:不见|没了|消失|找不到|不显示|不存在|"
            r"disappear|vanish|gone|missing|not show|no longer|does not exist|cant find)|"
            r"(?:登不上|登不进|登录不了|登录不上|登不了|进不去|locked out|"
            r"(?:cannot|cant|unable to|can not)\s*(?:log|sign)\s*in|lost access)",
        ),
    ),
    "phishing": (
        (
            0.45,
            r"(?:点|点击|click|扫码|扫|open)\s*(?:这个|此|下面的?|the|this)?\s*(?:商品|link|网址|url|二维码)|"
            r"(?:商品|link|网址).{0,8}(?:登录|登入|log ?in|sign ?in|认证|确认|核实|confirm)|"
            r"(?:登录|log ?in|认证|核实).{0,8}(?:商品|link|网址)|"
            r"钓鱼|phishing|假.{0,3}(?:登录|网站|页面)|fake.{0,10}(?:login|page|site)|解冻费|保证金",
        ),
        (
            0.3,
            r"(?:短信|sms|text message|简讯).{0,24}(?:冻结|封|关店|关闭|违规|suspend|frozen|freez|"
            r"block|close|认证|登录|log ?in)",
        ),
    ),
    "investment_manager": (
        (
            0.6,
            r"招商|(?:onboarding|recruit\w*|investment|merchant recruitment|business development|"
            r"zhaoshang)\s*小二|recruiter",
        ),
    ),
    "manager_role": (
        (
            0.45,
            r"(?<!是)(?<!个)(?<!什么)角色|(?<![a-z])roles?(?![a-z])|子账|sub.?accounts?|权限|permission|主管|管理员|"
            r"administrator|员工(?:账|子账|列表|权限|角色)|(?:加|添加|开).{0,3}员工|"
            r"(?:employee|staff|user)\s*(?:account|access|role|permission)|"
            r"add\w*\s*(?:an?\s*)?(?:employee|user|staff)|give\s*(?:my\s*)?staff",
        ),
    ),
}
CUES: dict[str, tuple[tuple[float, re.Pattern[str]], ...]] = {
    topic: tuple((weight, re.compile(pattern)) for weight, pattern in cues)
    for topic, cues in _CUE_SOURCES.items()
}


# Subjects outside this bot's field even when Ozon is named: selling tactics, content, life.
OUT_OF_SCOPE_SUBJECTS = re.compile(
    r"广告|推广|促销|排名|搜索|评分|好评|差评|定价|价格|主图|尺寸|商品描述|产品描述|写.{0,4}描述|"
    r"(?:商品|产品)标题|翻译成|帮我翻译|视频|选品|好卖|卖什么|卖啥|什么品类|品类好|天气|笑话|签证|"
    r"写诗|写首诗|周报|代码|股票|美股|做饭|吃什么|吃啥|红烧|注册俄罗斯公司|盗用|富文本|今天几号|"
    r"现在几点|汇率多少|(?:查|背|记|学)(?:个|一下|几个)?单词|喜欢什么|喜欢啥|大促|秒杀|优惠券|打折|折扣|流量|曝光|转化率|关键词|"
    r"引流|货代|报关|注册商标|商标注册|利润|详情页|文案|起名|黑五|双11|双十一|学俄语|学习俄语|"
    r"俄语难|(?<![a-z])(?:ads|advert\w*|pric(?:e|es|ing)|rating|poem|jokes?|weather|visa|"
    r"recipes?|cook\w*|dumplings?|stock market|rich content|what time now|capital of|"
    r"best products?|eac|logo|discounts?|coupons?|promotions?|promo|campaigns?|keywords?|traffic|"
    r"(?<!currency )conversion|seo|register trademark|trademark registration|suppliers?|margin|"
    r"profit\w*|"
    r"black friday|excel|python|translate (?:this|it|my|the|product|title|description|text)|"
    r"(?:learn|study|studying|learning) russian|russian (?:lessons?|course))(?![a-z])"
)


# Whether the AM helps with something: the AM's scope, whatever the something is.
_ASKS_THE_AM_TO_HELP = re.compile(
    r"小二.{0,6}(?:能|可以|管不管|帮|负责|help|handle)|(?:让|找|ask)\s*(?:my\s*|the\s*)?小二"
)


@lru_cache(maxsize=256)  # one message asks several times
def off_subject(text: str) -> bool:
    """Is the message about a subject outside the field ("定价", "ads", "写诗")? Not when it
    asks whether the AM helps with it ("小二能帮我做推广吗")."""
    lowered = unicodedata.normalize("NFKC", text).lower()
    words = cue_text(text)
    outside = OUT_OF_SCOPE_SUBJECTS.search(lowered) or OUT_OF_SCOPE_SUBJECTS.search(words)
    return bool(outside) and not _ASKS_THE_AM_TO_HELP.search(words)


# "经理" / "manager" alone may be an AM, Ozon's 招商经理, the Manager role of the seller's own
# staff or a payment provider's manager; a word beside it says which ("客户经理", "my manager",
# "招商", "角色", "PingPong").
_MANAGER = re.compile(r"经理|经里|(?<![a-z])(?:manager|manger|managr)s?(?![a-z])")
_WHICH_MANAGER = re.compile(
    r"小二|小儿|小2|小贰|xiaoer|(?<![a-z])ams?(?![a-z])|客户|客服|专属|对接|客护|高级|资深|"
    r"招商|角色|员工|主管|我的|我们的|我家|ozon|озон|"
    r"(?<![a-z])(?:acc?ount|acc|personal|dedicated|senior|my|our|your|his|her|their|ozon|"
    r"onboarding|recruit\w*|investment|product|financial|warehouse|promotion)\s+mana?g|"
    r"(?<![a-z])roles?(?![a-z])|staff|employee|" + _PAYMENT_PROVIDERS
)


@lru_cache(maxsize=256)  # one message asks several times
def vague_manager(text: str) -> bool:
    """Does the message name a manager without saying which one ("经理怎么联系")?"""
    value = plain(text)
    return bool(_MANAGER.search(value)) and not _WHICH_MANAGER.search(value)
