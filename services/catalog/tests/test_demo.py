"""The demo catalogue: consistent numbers, public where published, lists with content, once."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from catalog_builders import (
    BUREAU,
    DISTRICT,
    OFFICE,
    PUBLISHER,
    add_test_district,
    column_id,
    item_body,
)
from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.demo.generator import CHINA
from sunshine_catalog.demo.loader import load
from sunshine_catalog.items.models import ChangeEntry, IndexSequence, InformationItem
from sunshine_kit.units.models import Unit

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=CHINA)
TODAY = NOW.date().isoformat()
COUNT = 400


async def loaded(session: AsyncSession) -> int:
    await add_test_district(session)
    written = await load(session, count=COUNT, now=NOW)
    await session.commit()
    return written


async def test_index_numbers_run_from_one_without_gaps_per_unit_and_year(
    client: AsyncClient, session: AsyncSession
) -> None:
    assert await loaded(session) >= COUNT
    credit = {u.id: u.credit_code for u in (await session.scalars(select(Unit))).all()}
    rows = (
        await session.execute(
            select(
                InformationItem.unit_id,
                InformationItem.index_year,
                InformationItem.index_seq,
                InformationItem.index_number,
                InformationItem.formed_on,
            ).order_by(InformationItem.id)
        )
    ).all()
    years = {row.index_year for row in rows}
    assert years == {2024, 2025, 2026}
    numbers: dict[tuple[int, int], list[int]] = defaultdict(list)
    for row in rows:
        assert row.index_year == row.formed_on.year
        assert row.index_number == f"{credit[row.unit_id]}/{row.index_year}-{row.index_seq:05d}"
        numbers[(row.unit_id, row.index_year)].append(row.index_seq)
    for seqs in numbers.values():
        # Handed out in the order the items were formed, as an office would.
        assert seqs == list(range(1, len(seqs) + 1))
    last = await session.scalar(
        select(IndexSequence.last).where(
            IndexSequence.unit_id == BUREAU, IndexSequence.year == 2026
        )
    )
    assert last == len(numbers[(BUREAU, 2026)])

    # The next item the bureau writes takes the next number.
    column = await column_id(client, "A20-11")
    created = await client.post("/items", json=item_body(column), headers=PUBLISHER)
    assert created.status_code == 201, created.text
    assert created.json()["index_number"].endswith(f"/2026-{last + 1:05d}")


async def test_every_published_item_is_in_its_units_public_list_and_a_draft_is_not(
    client: AsyncClient, session: AsyncSession
) -> None:
    await loaded(session)
    for unit_id in (DISTRICT, BUREAU):
        published = set(
            (
                await session.scalars(
                    select(InformationItem.id).where(
                        InformationItem.unit_id == unit_id, InformationItem.status == "published"
                    )
                )
            ).all()
        )
        assert published
        listed: set[int] = set()
        page = 1
        while True:
            body = (await client.get(f"/units/{unit_id}/items?size=100&page={page}")).json()
            listed |= {item["id"] for item in body["items"]}
            if page * 100 >= body["total"]:
                break
            page += 1
        assert body["total"] == len(published)
        assert listed == published

    draft = await session.scalar(
        select(InformationItem.id).where(
            InformationItem.unit_id == BUREAU, InformationItem.status == "draft"
        )
    )
    assert draft is not None
    assert (await client.get(f"/items/{draft}")).status_code == 404
    assert (await client.get(f"/items/{draft}", headers=PUBLISHER)).json()["status"] == "draft"


async def test_the_review_queue_deadline_and_interpretation_lists_have_content(
    client: AsyncClient, session: AsyncSession
) -> None:
    await loaded(session)
    queue = await client.get("/items?status=submitted&size=5", headers=PUBLISHER)
    assert queue.json()["total"] > 0

    late = await client.get(
        f"/units/{DISTRICT}/deadlines",
        params={"state": "late", "below": "true", "today": TODAY},
        headers=OFFICE,
    )
    assert late.status_code == 200, late.text
    rows = late.json()["items"]
    assert rows
    # Both kinds of lateness: still unpublished past due, and published after the due date.
    assert any(r["published_at"] is None and r["working_days_left"] < 0 for r in rows)
    assert any(r["published_at"] is not None and r["published_at"][:10] > r["due_on"] for r in rows)

    missing = await client.get(
        f"/units/{DISTRICT}/interpretations/missing",
        params={"below": "true", "today": TODAY},
        headers=OFFICE,
    )
    assert missing.status_code == 200, missing.text
    assert missing.json()["items"]

    interpreted = await session.scalar(
        select(InformationItem.interprets_id).where(
            InformationItem.interprets_id.is_not(None), InformationItem.status == "published"
        )
    )
    policy = (await client.get(f"/items/{interpreted}")).json()
    assert policy["document_type"] in ("regulation", "normative")
    assert policy["interpretation_ids"]
    interpretation = (await client.get(f"/items/{policy['interpretation_ids'][0]}")).json()
    assert interpretation["interprets_id"] == policy["id"]
    assert interpretation["published_at"] >= policy["published_at"]


async def test_a_repealed_policy_names_its_published_replacement(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    await load(session, count=1500, now=NOW)
    await session.commit()
    repealed = await session.scalar(
        select(InformationItem.id).where(InformationItem.validity == "repealed")
    )
    assert repealed is not None
    old = (await client.get(f"/items/{repealed}")).json()
    # A policy may be revised more than once: each repealed one names its replacement, down to
    # the one in force.
    for _ in range(10):
        new = (await client.get(f"/items/{old['replaced_by_id']}")).json()
        assert new["status"] == "published"
        assert "修订" in new["title"]
        assert old["validity_changed_on"] >= new["published_at"][:10]
        if new["validity"] == "valid":
            break
        assert new["validity"] == "repealed"
        old = new
    assert new["validity"] == "valid"


async def test_the_change_feed_follows_publication_order(session: AsyncSession) -> None:
    await loaded(session)
    entries = (await session.execute(select(ChangeEntry).order_by(ChangeEntry.seq))).scalars().all()
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    assert [e.at for e in entries] == sorted(e.at for e in entries)
    published_ids = set(
        (
            await session.scalars(
                select(InformationItem.id).where(InformationItem.published_at.is_not(None))
            )
        ).all()
    )
    assert {e.item_id for e in entries if e.kind == "published"} == published_ids


async def test_loading_again_writes_nothing(session: AsyncSession) -> None:
    written = await loaded(session)
    assert await load(session, count=COUNT, now=NOW) == 0
    total = await session.scalar(select(func.count()).select_from(InformationItem))
    assert total == written


async def test_last_years_annual_report_of_the_district_is_left_to_the_reporting_demo(
    session: AsyncSession,
) -> None:
    # The reporting service's demo publishes the district government's 2025 report into the
    # 年度报告 column from the platform's figures; the catalog's demo writing one too left the
    # district with two. Earlier years, and every other unit's, are the catalog demo's.
    await loaded(session)
    titles = set(
        (
            await session.scalars(
                select(InformationItem.title).where(InformationItem.title.like("%年度报告"))
            )
        ).all()
    )
    assert "锦华区人民政府2024年政府信息公开工作年度报告" in titles
    assert "锦华区人民政府2025年政府信息公开工作年度报告" not in titles
    assert "锦华区教育局2025年政府信息公开工作年度报告" in titles
