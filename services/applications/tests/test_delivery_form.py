"""获取形式: what the office needs to deliver the information in the form the applicant chose
(电子文档 → an e-mail address, 邮寄 → a postal address), refused at intake with the field named."""

from __future__ import annotations

from typing import Any

import pytest
from applications_builders import OFFICE, add_test_district, applicant
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession


def _fields(response: Any) -> list[dict[str, str]]:
    assert response.status_code == 422, response.text
    return [
        {"field": f["field"].removeprefix("body."), "reason": f["reason"]}
        for f in response.json()["error"]["fields"]
    ]


async def test_post_needs_a_postal_address(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    for address in ("", "   ", "东湖路"):
        refused = await client.post("/applications", json=applicant(form="post", address=address))
        assert _fields(refused) == [
            {"field": "address", "reason": "邮寄的，须填写通信地址（省市区、街道门牌）"}
        ]
    posted = await client.post(
        "/applications", json=applicant(form="post", email="", address=" 锦华区东湖路18号3栋 ")
    )
    assert posted.status_code == 201, posted.text


async def test_electronic_needs_an_e_mail(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    refused = await client.post("/applications", json=applicant(form="electronic", email=""))
    assert _fields(refused) == [
        {"field": "email", "reason": "以电子文档形式获取的，须填写电子邮箱"}
    ]
    # Left out, the form is paper, which needs neither.
    body = applicant(email="", address="")
    del body["form"]
    made = await client.post("/applications", json=body)
    assert made.status_code == 201, made.text
    sent = await client.post(
        "/applications", json=applicant(form="electronic", email="chenxm@example.cn", address="")
    )
    assert sent.status_code == 201, sent.text


@pytest.mark.parametrize("email", ["chenxm", "chenxm@example", "chen xm@example.cn", "a@@b.cn"])
async def test_an_e_mail_given_must_be_one(
    client: AsyncClient, session: AsyncSession, email: str
) -> None:
    await add_test_district(session)
    refused = await client.post("/applications", json=applicant(form="paper", email=email))
    assert _fields(refused) == [{"field": "email", "reason": "电子邮箱格式不正确"}]


async def test_paper_needs_neither(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    made = await client.post("/applications", json=applicant(form="paper", email="", address=""))
    assert made.status_code == 201, made.text


async def test_staff_registering_a_letter_meet_the_same_rules(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    letter = {
        **applicant(form="post", address=""),
        "channel": "letter",
        "submitted_on": "2026-02-10",
        "signed_for_on": "2026-02-12",
    }
    refused = await client.post("/applications/registered", json=letter, headers=OFFICE)
    assert _fields(refused) == [
        {"field": "address", "reason": "邮寄的，须填写通信地址（省市区、街道门牌）"}
    ]
    letter["address"] = "锦华区东湖路18号"
    made = await client.post("/applications/registered", json=letter, headers=OFFICE)
    assert made.status_code == 201, made.text
