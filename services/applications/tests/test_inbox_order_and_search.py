"""The inbox puts the next legal action first, and finds an application by its tracking number
or its applicant; a window of the 政务服务中心 registers walk-in applications for any unit and
sees nothing else. Dates counted by hand on the 2026 calendar (Spring Festival 16–20 and 23
February off, Saturday 14 and 28 February worked)."""

from __future__ import annotations

from typing import Any

from applications_builders import (
    DISTRICT,
    HANDLER,
    OFFICE,
    STREET,
    STREET_HANDLER,
    applicant,
    application_in,
    auth,
    registered,
)
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.testing import add_test_district, add_units

SERVICE_CENTRE = 5
CLERK = auth("window_clerk", unit_id=SERVICE_CENTRE, username="zhaojing")


async def _step(client: AsyncClient, app: dict[str, Any], step: str, body: dict[str, Any]) -> None:
    taken = await client.post(f"/applications/{app['id']}/{step}", json=body, headers=HANDLER)
    assert taken.status_code == 200, taken.text


async def _inbox(client: AsyncClient, **params: Any) -> list[dict[str, Any]]:
    found = await client.get("/applications", params=params, headers=HANDLER)
    assert found.status_code == 200, found.text
    return list(found.json()["items"])


async def test_the_next_legal_action_comes_first(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    # Received Friday 13 February: reply due Thursday 19 March (docs/applications.md).
    plain = await registered(client, received_on="2026-02-13", description="二〇二五年校车采购合同")
    # Received Monday 2 March: 20 working days are 3–6, 9–13, 16–20, 23–27 and 30 March.
    later = await registered(client, received_on="2026-03-02", description="学区划分调整的会议纪要")
    # A supplement asked on 26 February (within 7 working days of the 13th: the last day is
    # 2 March), to come by 5 March: the applicant's deadline is the next one.
    supplement = await registered(
        client, received_on="2026-02-13", description="教师招聘的笔试成绩"
    )
    await _step(
        client,
        supplement,
        "supplement-request",
        {
            "requested_on": "2026-02-26",
            "request": "请写明招聘公告的年份和岗位",
            "due_on": "2026-03-05",
        },
    )
    # A fee notified on 26 February, to be paid by 10 March.
    fee = await registered(client, received_on="2026-02-13", description="全区中小学历年课程表汇编")
    await _step(
        client,
        fee,
        "fee-notice",
        {"fee_fen": 10_000, "notified_on": "2026-02-26", "due_on": "2026-03-10"},
    )
    # Applied online and not yet confirmed: no clock runs until it is, so it heads the list.
    online = await application_in(client, "awaiting_receipt")

    rows = await _inbox(client)

    assert [r["id"] for r in rows] == [
        online["id"],
        supplement["id"],
        fee["id"],
        plain["id"],
        later["id"],
    ]
    shown = {r["id"]: (r["next_action"], r["next_action_on"], r["next_action_label"]) for r in rows}
    assert shown[online["id"]][:2] == ("confirm_receipt", online["submitted_on"])
    assert shown[online["id"]][2].startswith("确认收到")
    assert shown[supplement["id"]] == (
        "supplement",
        "2026-03-05",
        "等待补正，2026-03-05 前；逾期未补正可按其他处理答复",
    )
    assert shown[fee["id"]][:2] == ("fee", "2026-03-10")
    assert shown[plain["id"]] == ("reply", "2026-03-19", "2026-03-19 前答复")
    assert shown[later["id"]][:2] == ("reply", "2026-03-30")


async def test_the_inbox_finds_an_application_by_tracking_number_or_applicant(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    ouyang = await registered(client, applicant_name="欧阳明华")
    chen = await registered(client, applicant_name="陈晓明", description="校园食堂的招标文件")
    company = await registered(
        client,
        applicant_type="legal_person",
        organisation_kind="business",
        organisation_name="蓉州锦程教育咨询有限公司",
        applicant_name="王经理",
        description="民办培训机构的年检结果",
    )
    await _step(client, chen, "decision", {"outcome": "disclosed"})
    await _step(client, chen, "reply", {"replied_on": "2026-02-20"})

    async def found(q: str, headers: dict[str, str] = HANDLER) -> list[int]:
        answer = await client.get("/applications", params={"q": q}, headers=headers)
        assert answer.status_code == 200, answer.text
        return sorted(r["id"] for r in answer.json()["items"])

    # The whole number, or its beginning in any case; a search looks at closed ones too.
    assert await found(chen["tracking_number"]) == [chen["id"]]
    assert await found(chen["tracking_number"].lower()) == [chen["id"]]
    assert await found(" " + chen["tracking_number"][:7] + " ") == sorted(
        [ouyang["id"], chen["id"], company["id"]]
    )
    # A name, whole or its beginning (a surname); not a piece from its middle.
    assert await found("欧阳") == [ouyang["id"]]
    assert await found("陈晓明") == [chen["id"]]
    assert await found("晓明") == []
    assert await found("蓉州锦程") == [company["id"]]
    # LIKE's wildcards are searched as themselves.
    assert await found("%") == []
    # Only within reach: another unit's handler finds nothing of the bureau's.
    assert await found(chen["tracking_number"], STREET_HANDLER) == []
    too_long = await client.get("/applications", params={"q": "张" * 51}, headers=HANDLER)
    assert too_long.status_code == 422


async def test_a_window_of_the_service_centre_registers_for_any_unit_and_reads_nothing(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    await add_units(session, [(SERVICE_CENTRE, "锦华区政务服务管理局", "department", DISTRICT)])
    walk_in = {**applicant(), "channel": "in_person", "submitted_on": "2026-03-02"}

    made = await client.post("/applications/registered", json=walk_in, headers=CLERK)
    street = await client.post(
        "/applications/registered", json={**walk_in, "unit_id": STREET}, headers=CLERK
    )

    assert made.status_code == 201, made.text
    receipt = made.json()
    assert receipt["tracking_number"].startswith("YSQ2026")
    assert len(receipt["query_code"]) == 8
    assert receipt["received_on"] == "2026-03-02"  # in person: the day handed in (Art. 31)
    assert street.status_code == 201, street.text
    # It lands in the bureau's inbox, received in person, its clock running.
    [row] = await _inbox(client, q=receipt["tracking_number"])
    assert (row["channel"], row["status"], row["reply_due_on"]) == (
        "in_person",
        "in_progress",
        "2026-03-30",
    )
    history = await client.get(f"/applications/{row['id']}/history", headers=HANDLER)
    assert history.json()[0]["actor"] == "zhaojing"
    # The window reads nothing of the applications: not the inbox, not the one it registered.
    assert (await client.get("/applications", headers=CLERK)).status_code == 403
    assert (await client.get(f"/applications/{row['id']}", headers=CLERK)).status_code == 403
    assert (
        await client.get(f"/applications/{row['id']}/history", headers=CLERK)
    ).status_code == 403
    # A letter, fax or e-mail reaches the unit itself: the window registers visits only.
    letter = await client.post(
        "/applications/registered",
        json={**walk_in, "channel": "letter", "signed_for_on": "2026-03-02"},
        headers=CLERK,
    )
    assert letter.status_code == 422
    assert letter.json()["error"]["code"] == "in_person_only"
    assert letter.json()["error"]["fields"][0]["field"] == "channel"
    # A handler still registers only for the units in reach.
    refused = await client.post(
        "/applications/registered", json={**walk_in, "unit_id": STREET}, headers=HANDLER
    )
    assert refused.status_code == 403
    assert (
        await client.post("/applications/registered", json=walk_in, headers=OFFICE)
    ).status_code == 201
