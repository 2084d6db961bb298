"""Seller text made comparable: synonyms and typos folded, then character n-gram features.

Chinese has no spaces, so text becomes character unigrams and bigrams (ASCII words stay whole)
after synonyms and common typos are folded into one canonical word each ("客户经理", "AM",
"客服经里", "xiaoer" → 小二).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from bot.nlp.trie import trie_pattern

# Canonical word ← the ways sellers write it. Longest variants are replaced first.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "小二": (
        "客户经理",
        "专属经理",
        "对接经理",
        "客户成功经理",
        "account manager",
        "account managers",
        "personal manager",
        "专属小二",
        "对接人",
        "小儿",
        "小2",
        "小贰",
        "晓二",
        "小二哥",
        "xiaoer",
        "xiao er",
        "客服经理",
        "客服经里",
        "客护经理",
        "客护经里",
        "专属客服",
        "key account manager",
        "dedicated manager",
        "dedicated account manager",
        "dedicated account managers",
        "dedicated am",
        "manger",
        "managr",
        "acount manager",
        "acc manager",
        "jingli",
        "kehu jingli",
        "客户经里",
        "经里",
        "经理",
        "manager",
        "managers",
        "am",
        "ams",
    ),
    "邮件": (
        "电子邮件",
        "邮箱",
        "email",
        "emails",
        "e-mail",
        "mail",
        "mails",
        "邮件地址",
        "发邮箱",
        "mailbox",
        "emial",
        "youxiang",
    ),
    "个体户": (
        "个体工商户",
        "个体商户",
        "个体",
        "individual business",
        "sole proprietor",
        "sole proprietorship",
    ),
    # "personal" alone is not among them: a personal number or WeChat is the AM's own.
    "个人": (
        "个人卖家",
        "个人身份",
        "自然人",
        "individual seller",
        "individual",
        "personal seller",
        "personal sellers",
        "personal account",
        "personal store",
        "personal shop",
    ),
    "认证": (
        "kyc",
        "实名认证",
        "资质审核",
        "资质认证",
        "审核资料",
        "认证资料",
        "verification",
        "verfication",
        "verifcation",
        "varification",
        "verify",
        "renzheng",
        "验证",
    ),
    "商品": ("sku", "skus", "产品", "链接", "listing", "listings", "货品", "products", "product"),
    "微信": ("wechat", "weixin", "vx", "wx", "v信", "加v", "加薇", "微信号"),
    "付钱": (
        "付费",
        "收费",
        "花钱",
        "交钱",
        "给钱",
        "多少钱",
        "费用",
        "paid",
        "pay",
        "fee",
        "花点钱",
        "购买",
        "买到",
        "出售",
        "倒卖",
        "转了钱",
        "转钱",
        "押金",
        "定金",
        "订金",
        "占位费",
        "报名费",
        "sell",
        "sells",
        "selling",
        "sold",
        "buy",
        "buying",
        "bought",
    ),
    "中介": ("代找", "代办", "中间人", "第三方服务"),
    "骗": (
        "诈骗",
        "骗子",
        "骗局",
        "被骗",
        "scam",
        "scammed",
        "scammer",
        "fraud",
        "fraudster",
        "cheat",
        "cheated",
    ),
    "升级": (
        "escalation",
        "escalate",
        "投诉",
        "高级经理",
        "高级客户经理",
        "senior am",
        "senior",
        "complain",
        # Going over the AM's head: a more senior one, a superior, skipping a level.
        "资深",
        "上级",
        "越级",
        "主管",
        "supervisor",
    ),
    "回复": (
        "回消息",
        "回信",
        "答复",
        "reply",
        "replied",
        "replies",
        "respond",
        "responded",
        "response",
        "answer",
        "answered",
        "回应",
        "理我",
        "回我",
    ),
    "不回": (
        "没回",
        "没有回",
        "未回复",
        "不理",
        "没人理",
        "已读不回",
        "失联",
        "没反应",
        "没回复",
        "ignore",
        "ignores",
        "ignored",
        "ignoring",
        "不回复",
        "no reply",
        "no answer",
        "石沉大海",
        # Sellers' English drops the auxiliary ("AM not reply 3 days").
        "not reply",
        "not replying",
        "not replied",
        "not respond",
        "not responding",
        "not answer",
        "not answering",
        "never reply",
        "never replies",
        "never replied",
        "dont reply",
        "doesnt reply",
        "didnt reply",
        "no response",
        "no respond",
    ),
    "俄语": ("俄文", "russian", "俄罗斯语"),
    "在线客服": (
        "live chat",
        "livechat",
        "人工客服",
        "在线聊天",
        "chat客服",
        "online support",
        "客服在线聊天",
        "聊天窗口",
        "聊天框",
        "客服窗口",
        "chat window",
    ),
    "欢迎消息": ("welcome message", "welcome msg", "welcome", "欢迎信息", "欢迎信", "第一条消息"),
    "消息中心": ("messages", "message center", "站内信", "后台消息"),
    "机器人": (
        "bot",
        "你是谁",
        "你们是谁",
        "你能",
        "你是",
        "你们",
        "你的",
        "who are you",
        "are you",
        "can you",
        # Who the bot is, asked the short way.
        "who r u",
        "who you",
        "who you are",
        "who made you",
        "who created you",
        "who built you",
        "你谁",
        "谁做了你",
        "谁开发了你",
    ),
    "线下": (
        "partner day",
        "partnerday",
        "partner days",
        "合作伙伴日",
        "伙伴日",
        "合作伙伴大会",
        "卖家大会",
        "见面会",
        "招商会",
        "offline",
        "现场",
        "线下会",
    ),
    "罚款": ("罚金", "罚了", "被罚", "扣款", "fine", "fined", "penalty", "处罚", "罚"),
    "物流": ("logistics", "运单", "快递", "轨迹", "tracking", "shipment", "parcel", "包裹"),
    "分配": ("assign", "assigned", "分到", "分好", "匹配", "配小二", "配am", "配经理"),
    # Money Ozon pays the seller ("when ozon pay me"), not money paid to someone.
    "回款": ("pay me", "paid me", "pay us", "paid us", "pay out", "paid out", "payout", "payouts"),
    "编号": (
        "工单号",
        "跟进号",
        "跟进编号",
        "follow-up number",
        "follow up number",
        "ticket number",
    ),
}
# Informal spellings folded before synonyms: typos, dialect, internet slang.
_TYPOS = {
    "肿么": "怎么",
    "咋": "怎么",
    "木有": "没有",
    "么有": "没有",
    "没得": "没有",
    "啥": "什么",
    "神马": "什么",
    "双叒叕": "又",
    "嘛": "吗",
    "有木有": "有没有",
    "冇": "没有",
    "啥子": "什么",
    "介个": "这个",
    "在那里": "在哪里",
    "在那看": "在哪看",
    "在那找": "在哪找",
    "去那里": "去哪里",
    "认正": "认证",
    "审合": "审核",
    "邮相": "邮箱",
    "冻洁": "冻结",
    "物留": "物流",
    "跟近": "跟进",
    "提线": "提现",
    "帐号": "账号",
    "冻了": "冻结了",
    "冻住": "冻结",
    "俩": "两个",
    "帐户": "账户",
    "联西": "联系",
    "连系": "联系",
    "客护": "客户",
    # Seller Center's Russian words, pasted as they appear on screen.
    "на проверке": "审核中",
    "отклонен": "被拒",
    "верифицирован": "已认证",
    "заблокирован": "被封",
    "возврат": "退货",
    "выплат": "回款",
    "штраф": "罚款",
    "поддержк": "support",
    "сообщени": "消息",
    "менеджер": "小二",
    "контактн": "联系信息",
    "настройк": "设置",
    "доставк": "物流",
    "отслеживани": "物流",
}
_STOP_CHARS = frozenset(
    "的了吗呢啊吧我你他她是在有么怎什个一这那就都也还要会能可以呀哦嘛请问和与啥咋"
)
_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "is",
        "are",
        "was",
        "be",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "and",
        "or",
        "but",
        "do",
        "does",
        "did",
        "i",
        "my",
        "me",
        "you",
        "your",
        "it",
        "its",
        "this",
        "that",
        "what",
        "how",
        "why",
        "when",
        "who",
        "which",
        "can",
        "could",
        "should",
        "would",
        "will",
        "there",
        "no",
        "not",
        "still",
        "after",
        "before",
        "have",
        "has",
        "hasnt",
        "havent",
        "dont",
        "doesnt",
        "get",
        "got",
        "s",
        "ozon",
        "days",
        "day",
        "hours",
        "pls",
        "please",
        "we",
        "our",
        "us",
        "so",
        "just",
    ]
)
# Traditional characters of the field's words, read as simplified (帳號 → 账号, 經理 → 经理).
_TRADITIONAL = str.maketrans(
    "經聯繫係帳號戶認證審郵訊貨罰錢結凍碼驗騙線報語譯圖價廣銷賣買營業執們嗎麼還沒幫處"
    "應該開關門區別從後來見現無與專屬幾裡裏邊內導聽讓識計記設誰講談話調據換級務單臺這"
    "個為說會時間對進過發給問題請謝復覆東車兩陸國際資質簽約傳寫樣體員負責權歸檔靜隱條"
    "規則數類項動態狀況點鐘週禮頭鎖違額轉匯銀庫遞運輸倉丟壞損貼層團隊組織註冊機訂參議"
    "詢嘍囉歡標籤頁詐險費貴錯誤預讀變裝盡濟統刪選擇師試電場優實終於並啟續護舊圍範購賬"
    "網獲創總絡遲遠達準隨階擔兒",
    "经联系系账号户认证审邮讯货罚钱结冻码验骗线报语译图价广销卖买营业执们吗么还没帮处"
    "应该开关门区别从后来见现无与专属几里里边内导听让识计记设谁讲谈话调据换级务单台这"
    "个为说会时间对进过发给问题请谢复复东车两陆国际资质签约传写样体员负责权归档静隐条"
    "规则数类项动态状况点钟周礼头锁违额转汇银库递运输仓丢坏损贴层团队组织注册机订参议"
    "询喽啰欢标签页诈险费贵错误预读变装尽济统删选择师试电场优实终于并启续护旧围范购账"
    "网获创总络迟远达准随阶担儿",
)
# English endings stripped so "assigned", "assigning" and "assigns" are one word ("es" only
# where English adds it: "boxes", "matches"; "notes" loses its "s").
_ENDING = re.compile(r"(?:ies|ied)$|(?:(?<=[sxz])|(?<=ch)|(?<=sh))es$|ing$|ed$|(?<![su])s$")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]{2,}")
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_CJK = re.compile(r"[\u3400-\u9fff]+")


# A canonical word maps to itself, so "罚款" is not re-read as its shorter variant "罚".
_VARIANTS = {variant: canonical for canonical, vs in SYNONYMS.items() for variant in vs} | {
    canonical: canonical for canonical in SYNONYMS
}


_ONE_PASS = re.compile(
    trie_pattern([variant for variant in _VARIANTS if not variant.isascii()])
    + r"|(?<![a-z])"
    + trie_pattern([variant for variant in _VARIANTS if variant.isascii()])
    + r"(?![a-z])"
)
# "I am" and "am I" are the verb, not the AM.
_I_AM = re.compile(r"(?<![a-z])(?:i\s+am|am\s+i|i'm|i’m)(?![a-z])")
# "doesn't" reads as sellers also type it, "doesnt".
_APOSTROPHE = re.compile(r"(?<=[a-z])['’](?=[a-z])")
_TYPO_PASS = re.compile("|".join(re.escape(typo) for typo in _TYPOS))


def plain(text: str) -> str:
    """Full-width to half-width, traditional to simplified, lower case."""
    return unicodedata.normalize("NFKC", text).lower().translate(_TRADITIONAL)


@lru_cache(maxsize=1024)
def normalise(text: str) -> str:
    """`plain`, then typos and synonyms folded to one canonical word."""
    text = plain(text)
    text = _APOSTROPHE.sub("", _I_AM.sub("i", text))
    text = _TYPO_PASS.sub(lambda match: _TYPOS[match.group()], text)
    return _ONE_PASS.sub(lambda match: f" {_VARIANTS[match.group()]} ", text)


def features(text: str) -> Counter[str]:
    """Character unigrams and bigrams of Chinese runs, whole ASCII words."""
    normalised = normalise(text)
    counts: Counter[str] = Counter(
        stem(word)
        for word in _ASCII_WORD.findall(normalised)
        if word not in _STOP_WORDS and not word.isdigit()
    )
    for run in _CJK.findall(normalised):
        counts.update(char for char in run if char not in _STOP_CHARS)
        counts.update(
            bigram
            for bigram in (run[i : i + 2] for i in range(len(run) - 1))
            if not (bigram[0] in _STOP_CHARS and bigram[1] in _STOP_CHARS)
        )
    # Other Russian words count by their first letters (endings change with the case); any
    # Russian at all says something about writing in Russian.
    counts.update(word[:5] for word in _CYRILLIC_WORD.findall(normalised))
    if _CYRILLIC.search(normalised):
        counts["俄语"] += 1
    return counts


def stem(word: str) -> str:
    """The word without a common English ending ("replies" → "reply", "blocked" → "block")."""
    found = _ENDING.search(word)
    if found is None or found.start() < 3:
        return word
    return word[: found.start()] + ("y" if found.group().startswith("ie") else "")
