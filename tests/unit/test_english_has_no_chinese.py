"""English screens carry no Chinese (issue 23): an English seller types English examples.

The rule (locales/GLOSSARY.md, Punctuation): an English text may hold Chinese characters only
as a gloss the glossary's English column gives ("individual business (个体工商户)",
"Language / 语言"), examples in <code> included: what a seller may type is shown in English.
Chinese punctuation (，、。「」…) appears only inside <code>, in what the seller copies as it is
(the guide's subject line <code>【Missing AM】</code>).
"""

from __future__ import annotations

import re

from tests.unit.test_glossary import CJK, CODE, english_texts, read_glossary

CHINESE_PUNCTUATION = re.compile(r"[\u3000-\u303f\uff00-\uffef]")


def test_chinese_characters_only_in_the_glossarys_glosses() -> None:
    # Bug: English prompts offered <code>昨天 15:30</code> and <code>3小时前</code> as examples.
    glosses = read_glossary().glosses_en
    failures = [
        (text.where, chinese)
        for text in english_texts()
        if (chinese := set(CJK.findall(text.text)) - glosses)
    ]
    assert failures == []


def test_chinese_punctuation_only_in_what_is_copied() -> None:
    # Bug: a Chinese comma or corner quotes in English prose.
    failures = [
        (text.where, found)
        for text in english_texts()
        if (found := CHINESE_PUNCTUATION.findall(CODE.sub("", text.text)))
    ]
    assert failures == []
