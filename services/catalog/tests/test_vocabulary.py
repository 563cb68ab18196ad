"""The catalog's vocabulary: every code the console shows, with its label, for anyone."""

from __future__ import annotations

from catalog_builders import OFFICE, add_test_district, column_id, publish
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.actions import Action
from sunshine_catalog.items.models import (
    ChangeKind,
    DisclosureAttribute,
    DocumentType,
    ItemStatus,
    Validity,
)
from sunshine_catalog.items.rules import ItemStep
from sunshine_catalog.items.schemas import Channel
from sunshine_catalog.proposals.models import ProposalStatus
from sunshine_catalog.search.schemas import SearchOrder


async def test_every_enumeration_with_its_labels_in_display_order(client: AsyncClient) -> None:
    answer = await client.get("/vocabulary")
    assert answer.status_code == 200
    assert answer.headers["cache-control"] == "public, max-age=3600"
    vocabulary = answer.json()
    assert vocabulary["statuses"] == [
        {"value": "draft", "label": "草稿"},
        {"value": "submitted", "label": "待审查"},
        {"value": "rejected", "label": "已退回"},
        {"value": "published", "label": "已发布"},
        {"value": "withdrawn", "label": "已撤回"},
    ]
    assert vocabulary["validities"][1] == {"value": "expired", "label": "已失效"}
    assert vocabulary["document_types"][1] == {"value": "normative", "label": "行政规范性文件"}
    assert vocabulary["disclosure_attributes"][0] == {"value": "proactive", "label": "主动公开"}
    assert vocabulary["channels"][0] == {"value": "website", "label": "政府网站"}
    assert {"value": "change-validity", "label": "变更效力"} in vocabulary["steps"]
    every = {
        "statuses": ItemStatus,
        "disclosure_attributes": DisclosureAttribute,
        "validities": Validity,
        "document_types": DocumentType,
        "channels": Channel,
        "change_kinds": ChangeKind,
        "steps": ItemStep,
        "actions": Action,
        "search_orders": SearchOrder,
        "proposal_statuses": ProposalStatus,
    }
    assert set(vocabulary) == set(every)
    for name, enumeration in every.items():
        assert [t["value"] for t in vocabulary[name]] == [m.value for m in enumeration], name
        assert all(t["label"] for t in vocabulary[name]), name


async def test_an_items_history_is_told_in_the_vocabularys_words(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    item = await publish(client, await column_id(client, "A20-11"))
    history = (await client.get(f"/items/{item['id']}/history", headers=OFFICE)).json()
    labels = {t["value"]: t["label"] for t in (await client.get("/vocabulary")).json()["actions"]}
    assert [labels[e["action"]] for e in history] == ["审查通过并发布", "提交审查", "创建草稿"]
