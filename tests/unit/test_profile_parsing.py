"""Validation of typed profile values."""

from __future__ import annotations

import pytest

from bot.services.profile import (
    COMPANY_NAME_MAX_CHARS,
    CONTACT_NAME_MAX_CHARS,
    InvalidValue,
    names_a_company,
    parse_company_name,
    parse_contact_name,
    parse_seller_id,
    parse_sku_count,
    parse_timezone,
)


@pytest.mark.parametrize(
    ("text", "value", "error"),
    [
        (" 123456 ", "123456", None),
        ("", None, InvalidValue.EMPTY),
        ("12a", None, InvalidValue.NOT_DIGITS),
        ("１２３", "123", None),
        ("我的id是 1234567", "1234567", None),
        ("ID：0012345", "0012345", None),
        ("123 456", None, InvalidValue.NOT_DIGITS),
        ("12.5", None, InvalidValue.NOT_DIGITS),
        ("1" * 21, None, InvalidValue.TOO_LONG),
        ("-5", None, InvalidValue.NOT_DIGITS),
    ],
)
def test_seller_id(text: str, value: str | None, error: InvalidValue | None) -> None:
    parsed = parse_seller_id(text)
    assert (parsed.value, parsed.error) == (value, error)


@pytest.mark.parametrize(
    ("text", "value", "error"),
    [
        ("12", 12, None),
        ("１２", 12, None),
        ("1,200", 1200, None),
        ("0", 0, None),
        ("-0", 0, None),
        ("-3", None, InvalidValue.NEGATIVE),
        ("2.5", None, InvalidValue.NOT_A_NUMBER),
        ("五", 5, None),
        ("五十个", 50, None),
        ("一百零五", 105, None),
        ("两千", 2000, None),
        ("12个", 12, None),
        ("我上了十二个sku", 12, None),
        ("三十多个", 30, None),
        # Bugs caught: "一个都没有" read as 1 SKU; "没有", "十来个", "二十多个吧" refused.
        ("一个都没有", 0, None),
        ("没有", 0, None),
        ("还没有呢", 0, None),
        ("none", 0, None),
        ("十来个", 10, None),
        ("二十多个吧", 20, None),
        ("我有3个还有2个在审核", None, InvalidValue.NOT_A_NUMBER),
        ("😀", None, InvalidValue.NOT_A_NUMBER),
        ("10000001", None, InvalidValue.TOO_LARGE),
        ("9" * 5000, None, InvalidValue.TOO_LARGE),
        ("  ", None, InvalidValue.EMPTY),
    ],
)
def test_sku_count(text: str, value: int | None, error: InvalidValue | None) -> None:
    parsed = parse_sku_count(text)
    assert (parsed.value, parsed.error) == (value, error)


def test_contact_name() -> None:
    # Bug: a Chinese name in a Russian signature, or a whole paragraph signed.
    assert parse_contact_name("  Li   Wei ").value == "Li Wei"
    assert parse_contact_name("Wáng Fāng").value == "Wáng Fāng"
    assert parse_contact_name("李伟").error is InvalidValue.NOT_LATIN
    assert parse_contact_name("Li 伟").error is InvalidValue.NOT_LATIN
    assert parse_contact_name("x" * (CONTACT_NAME_MAX_CHARS + 1)).error is InvalidValue.TOO_LONG
    assert parse_contact_name("").error is InvalidValue.EMPTY


def test_company_name() -> None:
    assert parse_company_name('  A&B   <Ltd> "Beijing" ').value == 'A&B <Ltd> "Beijing"'
    assert parse_company_name("Shenzhen Hongda Trading Co., Ltd.").value is not None
    for chinese in ("深圳宏达贸易有限公司", "Shenzhen 宏达 Co.", "１２３", "12345"):
        assert parse_company_name(chinese).error is InvalidValue.NOT_LATIN, chinese
    assert parse_company_name("x" * COMPANY_NAME_MAX_CHARS).value is not None
    assert parse_company_name("x" * (COMPANY_NAME_MAX_CHARS + 1)).error is InvalidValue.TOO_LONG
    assert parse_company_name("a\x00b").error is InvalidValue.CONTROL_CHARS
    assert parse_company_name("\u202eevil").error is InvalidValue.CONTROL_CHARS
    assert parse_company_name("").error is InvalidValue.EMPTY


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Asia/Shanghai", True),
        ("Europe/Moscow", True),
        ("UTC", True),
        ("Mars/Base", False),
        ("../../etc/passwd", False),
        ("/etc/localtime", False),
        ("上海", True),
        ("莫斯科时间", True),
        ("MSK", True),
        ("火星", False),
        ("", False),
    ],
)
def test_timezone(text: str, ok: bool) -> None:
    assert (parse_timezone(text).value is not None) is ok


@pytest.mark.parametrize(
    ("name", "company"),
    [
        ("Shenzhen Hongda Trading Co., Ltd.", True),
        ("Yiwu Bright Goods Co.,Ltd", True),
        ("Guangzhou Star Limited", True),
        ("Ningbo Sea LLC", True),
        ("深圳市宏达贸易有限公司", True),
        ("Li Wei Trading Shop", False),
        ("Shenzhen Longhua District Zhang San Store", False),
        ("Coltd Toys", False),  # "Co" and "Ltd" must stand as words at the end
        ("义乌市李伟日用品商行", False),
    ],
)
def test_a_limited_companys_legal_form_is_recognised(name: str, company: bool) -> None:
    # Bug: the individual-business letter signed by "… Co., Ltd." (a company contradicting
    # itself), or a sole trader's shop name taken for a company.
    assert names_a_company(name) is company
