"""The annual report's figures (tables 三 and 四, consultations, fees) for a unit's year."""

from __future__ import annotations

from datetime import date
from typing import Any

from applications_builders import (
    BUREAU,
    DISTRICT,
    HANDLER,
    OFFICE,
    STREET,
    STREET_HANDLER,
    add_test_district,
    applicant,
    registered,
)
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications.models import DisclosureApplication
from sunshine_kit.testing import auth

COLUMNS = ("natural_person", "business", "research", "public_welfare", "legal_service", "other")
NON_RESULTS = {"new", "carried_over", "results_total", "carried_forward"}


def organisation(kind: str, name: str) -> dict[str, Any]:
    return {"applicant_type": "legal_person", "organisation_kind": kind, "organisation_name": name}


async def closed(
    client: AsyncClient, app: dict[str, Any], replied_on: str, outcome: str, reason: int | None
) -> None:
    decision: dict[str, Any] = {"outcome": outcome, "outcome_reason": reason}
    if outcome == "not_disclosed":
        decision |= {"explanation": "危及社会稳定", "legal_basis": "《条例》第十四条"}
    decided = await client.post(
        f"/applications/{app['id']}/decision", json=decision, headers=HANDLER
    )
    assert decided.status_code == 200, decided.text
    replied = await client.post(
        f"/applications/{app['id']}/reply", json={"replied_on": replied_on}, headers=HANDLER
    )
    assert replied.status_code == 200, replied.text


async def figures(client: AsyncClient, year: int, unit: int = BUREAU, **params: Any) -> Any:
    response = await client.get(
        f"/stats/units/{unit}/applications", params={"year": year, **params}, headers=OFFICE
    )
    assert response.status_code == 200, response.text
    return response.json()


def table3(body: Any) -> dict[str, dict[str, int]]:
    return {row["key"]: row["counts"] for row in body["applications"]}


def nonzero(rows: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    return {
        key: {column: n for column, n in counts.items() if n}
        for key, counts in rows.items()
        if counts["total"]
    }


def assert_balanced(rows: dict[str, dict[str, int]]) -> None:
    for column in (*COLUMNS, "total"):
        results = sum(c[column] for key, c in rows.items() if key not in NON_RESULTS)
        assert rows["results_total"][column] == results, column
        assert (
            rows["new"][column] + rows["carried_over"][column]
            == rows["results_total"][column] + rows["carried_forward"][column]
        ), column
    for counts in rows.values():
        assert counts["total"] == sum(counts[column] for column in COLUMNS)


async def test_table_three_over_three_years(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    # 2025: two applications; one closed that year, one carried into 2026.
    repeat = await registered(client, received_on="2025-11-03")
    await closed(client, repeat, "2025-11-20", "not_processed", 2)
    carried = await registered(client, received_on="2025-12-22")
    await closed(client, carried, "2026-01-12", "disclosed", None)
    # 2026: a company refused, a research institute still open, a law firm replied in 2027.
    company = await registered(
        client, received_on="2026-03-02", **organisation("business", "锦华科技有限公司")
    )
    await closed(client, company, "2026-03-20", "not_disclosed", 3)
    await registered(client, received_on="2026-11-02", **organisation("research", "锦华教育研究院"))
    law_firm = await registered(
        client, received_on="2026-11-09", **organisation("legal_service", "锦华律师事务所")
    )
    await closed(client, law_firm, "2026-11-20", "unavailable", 1)
    # Its reply was delivered in the new year, still ahead as this is written: set on the row.
    row = await session.get(DisclosureApplication, law_firm["id"])
    assert row is not None
    row.replied_on = date(2027, 1, 6)
    await session.commit()
    # Neither an unconfirmed online application nor another unit's counts.
    assert (await client.post("/applications", json=applicant())).status_code == 201
    street = applicant(unit_id=STREET, description="东湖街道2026年老旧小区改造计划")
    made = await client.post(
        "/applications/registered",
        json={**street, "channel": "in_person", "submitted_on": "2026-04-01"},
        headers=STREET_HANDLER,
    )
    assert made.status_code == 201

    year_2025 = table3(await figures(client, 2025))
    assert nonzero(year_2025) == {
        "new": {"natural_person": 2, "total": 2},
        "not_processed_2": {"natural_person": 1, "total": 1},
        "results_total": {"natural_person": 1, "total": 1},
        "carried_forward": {"natural_person": 1, "total": 1},
    }
    year_2026 = table3(await figures(client, 2026))
    assert nonzero(year_2026) == {
        "new": {"business": 1, "research": 1, "legal_service": 1, "total": 3},
        "carried_over": {"natural_person": 1, "total": 1},
        "disclosed": {"natural_person": 1, "total": 1},
        "not_disclosed_3": {"business": 1, "total": 1},
        "results_total": {"natural_person": 1, "business": 1, "total": 2},
        "carried_forward": {"research": 1, "legal_service": 1, "total": 2},
    }
    year_2027 = table3(await figures(client, 2027))
    assert nonzero(year_2027) == {
        "carried_over": {"research": 1, "legal_service": 1, "total": 2},
        "unavailable_1": {"legal_service": 1, "total": 1},
        "results_total": {"legal_service": 1, "total": 1},
        "carried_forward": {"research": 1, "total": 1},
    }
    for rows in (year_2025, year_2026, year_2027):
        assert_balanced(rows)
    whole_district = table3(await figures(client, 2026, unit=DISTRICT, below=True))
    assert whole_district["new"]["total"] == 4
    assert_balanced(whole_district)


async def test_rows_follow_the_national_format(client: AsyncClient, session: AsyncSession) -> None:
    await add_test_district(session)
    body = await figures(client, 2026)
    keys = [row["key"] for row in body["applications"]]
    assert keys[:4] == ["new", "carried_over", "disclosed", "partly_disclosed"]
    assert keys[4:12] == [f"not_disclosed_{n}" for n in range(1, 9)]
    assert keys[-5:] == ["other_1", "other_2", "other_3", "results_total", "carried_forward"]
    assert len(keys) == 2 + 2 + 8 + 3 + 5 + 3 + 2
    labels = {row["key"]: (row["group"], row["label"]) for row in body["applications"]}
    assert labels["not_disclosed_3"] == ("（三）不予公开", "3.危及“三安全一稳定”")
    assert labels["carried_forward"] == (None, "四、结转下年度继续办理")
    assert [row["label"] for row in body["remedies"]] == [
        "行政复议",
        "行政诉讼（未经复议直接起诉）",
        "行政诉讼（复议后起诉）",
    ]


async def test_table_four_counts_remedies_filed_in_the_year(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered(client, received_on="2025-12-01")
    for remedy in (
        {"kind": "reconsideration", "filed_on": "2026-02-02", "result": "upheld"},
        {"kind": "reconsideration", "filed_on": "2026-05-06"},
        # Decided after the year's end: still pending in the 2026 report.
        {
            "kind": "litigation",
            "filed_on": "2026-04-10",
            "result": "corrected",
            "decided_on": "2027-02-01",
        },
        {"kind": "litigation_after_reconsideration", "filed_on": "2026-07-01", "result": "other"},
        {"kind": "litigation", "filed_on": "2025-12-20", "result": "upheld"},
    ):
        added = await client.post(
            f"/applications/{app['id']}/remedies", json=remedy, headers=HANDLER
        )
        assert added.status_code == 201, added.text
    remedies = {row["key"]: row["counts"] for row in (await figures(client, 2026))["remedies"]}
    assert remedies == {
        "reconsideration": {"upheld": 1, "corrected": 0, "other": 0, "pending": 1, "total": 2},
        "litigation": {"upheld": 0, "corrected": 0, "other": 0, "pending": 1, "total": 1},
        "litigation_after_reconsideration": {
            "upheld": 0,
            "corrected": 0,
            "other": 1,
            "pending": 0,
            "total": 1,
        },
    }


async def test_fees_paid_in_the_year_in_ten_thousand_yuan(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    app = await registered(client, received_on="2026-03-02")
    noticed = await client.post(
        f"/applications/{app['id']}/fee-notice",
        json={"fee_fen": 12250, "notified_on": "2026-03-05", "due_on": "2026-03-20"},
        headers=HANDLER,
    )
    assert noticed.status_code == 200, noticed.text
    await client.post(
        f"/applications/{app['id']}/fee-paid", json={"paid_on": "2026-03-10"}, headers=HANDLER
    )
    # 122.50 元 is 0.01225 万元: the report rounds half up to four places.
    assert (await figures(client, 2026))["fees"] == {"fen": 12250, "wan_yuan": "0.0123"}
    assert (await figures(client, 2025))["fees"] == {"fen": 0, "wan_yuan": "0.0000"}


async def test_consultations_received_answered_on_time_and_rated(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)

    async def inquiry(kind: str, received_on: str, answered_on: str, rating: str | None) -> None:
        made = await client.post(
            "/inquiries/registered",
            json={
                "unit_id": BUREAU,
                "kind": kind,
                "channel": "phone",
                "received_on": received_on,
                "subject": "入学咨询",
                "content": "请问小学入学需要哪些材料？",
                "asker_name": "李华",
                "asker_contact": "13987654321",
            },
            headers=HANDLER,
        )
        assert made.status_code == 201, made.text
        answered = await client.post(
            f"/inquiries/{made.json()['id']}/answer",
            json={"answer": "请携带户口簿到学校报名。", "answered_on": answered_on},
            headers=HANDLER,
        )
        assert answered.status_code == 200, answered.text
        if rating:
            rated = await client.post(
                f"/inquiries/{made.json()['id']}/satisfaction",
                json={"token": made.json()["token"], "satisfaction": rating},
            )
            assert rated.status_code == 200, rated.text

    await inquiry("consultation", "2025-12-30", "2026-01-04", None)  # due 7 January 2026
    await inquiry("consultation", "2026-06-01", "2026-06-03", "satisfied")
    await inquiry("mailbox", "2026-06-01", "2026-07-01", "unsatisfied")  # due 15 June
    counts = {row["key"]: row["counts"] for row in (await figures(client, 2026))["inquiries"]}
    assert counts["consultation"] == {
        "received": 1,
        "answered": 2,
        "answered_on_time": 2,
        "rated": 1,
        "satisfied": 1,
        "satisfaction_rate": 1.0,
    }
    assert counts["mailbox"]["answered_on_time"] == 0
    assert counts["total"] == {
        "received": 2,
        "answered": 3,
        "answered_on_time": 2,
        "rated": 2,
        "satisfied": 1,
        "satisfaction_rate": 0.5,
    }


async def test_staff_of_the_unit_and_services_only(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    path = f"/stats/units/{BUREAU}/applications"
    assert (await client.get(path, params={"year": 2026})).status_code == 401
    assert (
        await client.get(path, params={"year": 2026}, headers=STREET_HANDLER)
    ).status_code == 403
    service = auth("service", username="reporting", unit_id=None)
    assert (await client.get(path, params={"year": 2026}, headers=service)).status_code == 200
    assert (await client.get(path, params={"year": 1999}, headers=service)).status_code == 422


async def test_year_boundaries_columns_and_unlisted_results(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)

    async def on_row(app: dict[str, Any], **values: Any) -> None:
        row = await session.get(DisclosureApplication, app["id"])
        assert row is not None
        for name, value in values.items():
            setattr(row, name, value)
        await session.commit()

    # The first and last days of a year are in it: these dates are set on the rows, as the
    # counter would not register on New Year's Day.
    crossing = await registered(client, received_on="2025-12-31")
    await on_row(crossing, replied_on=date(2026, 1, 1), outcome="partly_disclosed")
    welfare = await registered(
        client, received_on="2026-03-02", **organisation("public_welfare", "锦华助学基金会")
    )
    await on_row(
        welfare,
        received_on=date(2026, 1, 1),
        replied_on=date(2026, 12, 31),
        outcome="other",
        outcome_reason=2,
    )
    # A legal person with no kind recorded counts under 其他.
    unknown = await registered(
        client, received_on="2026-05-06", **organisation("other", "锦华某协会")
    )
    await on_row(unknown, organisation_kind=None)
    # Results without a valid sub-item fall back to 其他处理 3 so that the totals balance.
    no_reason = await registered(
        client, received_on="2026-03-02", **organisation("other", "锦华商会")
    )
    await closed(client, no_reason, "2026-03-20", "not_disclosed", 3)
    await on_row(no_reason, outcome_reason=None)
    stray_reason = await registered(client, received_on="2026-04-01")
    await closed(client, stray_reason, "2026-04-10", "disclosed", None)
    await on_row(stray_reason, outcome_reason=2)
    # Replied on 31 December: all in 2025, nothing in 2026.
    done = await registered(client, received_on="2025-12-01")
    await on_row(done, replied_on=date(2025, 12, 31), outcome="disclosed")

    year_2025 = table3(await figures(client, 2025))
    assert nonzero(year_2025) == {
        "new": {"natural_person": 2, "total": 2},
        "disclosed": {"natural_person": 1, "total": 1},
        "results_total": {"natural_person": 1, "total": 1},
        "carried_forward": {"natural_person": 1, "total": 1},
    }
    year_2026 = table3(await figures(client, 2026))
    assert nonzero(year_2026) == {
        "new": {"natural_person": 1, "public_welfare": 1, "other": 2, "total": 4},
        "carried_over": {"natural_person": 1, "total": 1},
        "partly_disclosed": {"natural_person": 1, "total": 1},
        "other_2": {"public_welfare": 1, "total": 1},
        "other_3": {"natural_person": 1, "other": 1, "total": 2},
        "results_total": {"natural_person": 2, "public_welfare": 1, "other": 1, "total": 4},
        "carried_forward": {"other": 1, "total": 1},
    }
    for rows in (year_2025, year_2026):
        assert_balanced(rows)
