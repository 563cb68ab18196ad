"""审计日志 in words: filters, paging, export and scope of the kit's `/audit/log` routes, on the
tiny component of conftest.py (its words: NOTE_WORDS)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from typing import Any

from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.roles import Role
from sunshine_kit.testing import BUREAU, DISTRICT, STREET, add_test_district, auth

ZHANG = Principal(
    subject="11", username="zhangsan", roles=frozenset({Role.PUBLISHER}), unit_id=BUREAU,
    display_name="张三",
)  # fmt: skip
LI = Principal(
    subject="12", username="lisi", roles=frozenset({Role.PUBLISHER}), unit_id=STREET,
    display_name="李四",
)  # fmt: skip
SUPERVISOR = auth("supervisor", unit_id=DISTRICT)
STREET_OFFICE = auth("office", unit_id=STREET)


async def _note(
    session: AsyncSession,
    actor: Principal | str,
    action: str,
    note_id: int,
    at: datetime,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    entry = await audit.record(
        session,
        actor=actor,
        action=action,
        entity_type="note",
        entity_id=note_id,
        before=before,
        after=after,
    )
    entry.at = at
    await session.commit()


async def _story(session: AsyncSession) -> None:
    """张三 (bureau) writes note 1 on 2 March and changes it on 3 March, 李四 (street) shares
    note 2 on 3 March, a component adds note 3 on 4 March (times in UTC; Beijing +8)."""
    await add_test_district(session)
    await _note(
        session,
        ZHANG,
        "note.added",
        1,
        datetime(2026, 3, 2, 1, 0, tzinfo=UTC),
        after={"title": "春季招生通知", "body": "<p>各学校：请于3月10日前报送计划。</p>"},
    )
    await _note(
        session,
        ZHANG,
        "note.changed",
        1,
        datetime(2026, 3, 3, 1, 0, tzinfo=UTC),
        before={"title": "春季招生通知", "status": "draft", "version": 1, "unit_id": BUREAU},
        after={"title": "春季招生通知", "status": "shared", "version": 2, "unit_id": STREET},
    )
    await _note(
        session,
        LI,
        "note.shared",
        2,
        datetime(2026, 3, 3, 15, 30, tzinfo=UTC),  # 23:30 on 3 March in Beijing
        after={"status": "shared"},
    )
    await _note(
        session, "catalog", "note.added", 3, datetime(2026, 3, 4, 2, 0, tzinfo=UTC), after={}
    )


async def _log(client: AsyncClient, headers: dict[str, str], **query: Any) -> dict[str, Any]:
    response = await client.get("/audit/log", params=query, headers=headers)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_an_entry_reads_as_a_sentence_with_its_changes(
    client: AsyncClient, session: AsyncSession
) -> None:
    await _story(session)
    page = await _log(client, SUPERVISOR, entity_type="note", entity_id="1")
    changed, added = page["items"]
    assert changed["sentence"] == "张三 修改了 便签《春季招生通知》"
    assert changed["actor_name"] == "张三"
    assert changed["actor_unit_name"] == "锦华区教育局"
    # Only what differs, labelled; codes and unit ids in words; the version is bookkeeping.
    assert [(c["label"], c["before"], c["after"]) for c in changed["changes"]] == [
        ("状态", "草稿", "已分享"),
        ("单位", "锦华区教育局", "东湖街道"),
    ]
    # A new record shows what it was created with, rich text without its tags.
    assert added["sentence"] == "张三 新增了 便签《春季招生通知》"
    assert [(c["label"], c["before"], c["after"]) for c in added["changes"]] == [
        ("标题", "", "春季招生通知"),
        ("正文", "", "各学校：请于3月10日前报送计划。"),
    ]


async def test_an_entry_without_a_name_takes_it_from_the_records_history(
    client: AsyncClient, session: AsyncSession
) -> None:
    await _story(session)
    await _note(session, LI, "note.shared", 1, datetime(2026, 3, 5, 1, 0, tzinfo=UTC), after={})
    newest = (await _log(client, SUPERVISOR, entity_id="1"))["items"][0]
    assert newest["sentence"] == "李四 分享了 便签《春季招生通知》"
    # Nothing in its history names note 2: the number stands in.
    shared = (await _log(client, SUPERVISOR, entity_id="2"))["items"][0]
    assert shared["sentence"] == "李四 分享了 便签（编号 2）"


async def test_filters_by_person_unit_action_and_beijing_dates(
    client: AsyncClient, session: AsyncSession
) -> None:
    await _story(session)

    def ids(page: dict[str, Any]) -> list[tuple[str, str]]:
        return [(e["actor"], e["entity_id"]) for e in page["items"]]

    # A part of the name, or the login name exactly.
    assert ids(await _log(client, SUPERVISOR, actor="张")) == [("zhangsan", "1")] * 2
    assert ids(await _log(client, SUPERVISOR, actor="lisi")) == [("lisi", "2")]
    assert ids(await _log(client, SUPERVISOR, actor="lis")) == []
    # People of the street (and below it).
    assert ids(await _log(client, SUPERVISOR, unit_id=STREET)) == [("lisi", "2")]
    assert ids(await _log(client, SUPERVISOR, action="note.added")) == [
        ("catalog", "3"),
        ("zhangsan", "1"),
    ]
    # 3 March in Beijing: 张三's change at 09:00 and 李四's share at 23:30.
    on_the_3rd = await _log(client, SUPERVISOR, date_from="2026-03-03", date_to="2026-03-03")
    assert ids(on_the_3rd) == [("lisi", "2"), ("zhangsan", "1")]
    backwards = await client.get(
        "/audit/log",
        params={"date_from": "2026-03-04", "date_to": "2026-03-03"},
        headers=SUPERVISOR,
    )
    assert backwards.status_code == 422
    assert backwards.json()["error"]["fields"][0]["field"] == "query.date_to"


async def test_pages_newest_first_with_the_total(
    client: AsyncClient, session: AsyncSession
) -> None:
    await _story(session)
    first = await _log(client, SUPERVISOR, size=3)
    second = await _log(client, SUPERVISOR, size=3, page=2)
    assert (first["total"], second["total"]) == (4, 4)
    assert [e["entity_id"] for e in first["items"]] == ["3", "2", "1"]
    # A component acted: it is named as people call it.
    assert first["items"][0]["sentence"] == "公开目录服务 新增了 便签（编号 3）"
    assert [(e["entity_id"], e["action"]) for e in second["items"]] == [("1", "note.added")]


async def test_a_streets_office_reads_its_streets_people_only(
    client: AsyncClient, session: AsyncSession
) -> None:
    await _story(session)
    street = await _log(client, STREET_OFFICE)
    assert [e["actor"] for e in street["items"]] == ["lisi"]
    # Another unit's people, asked by name, are outside its reach: nothing, not an error.
    assert (await _log(client, STREET_OFFICE, actor="张三"))["items"] == []
    bureau = await client.get("/audit/log", params={"unit_id": BUREAU}, headers=STREET_OFFICE)
    assert bureau.status_code == 403
    # A unit's own staff without the audit role may not read it at all.
    publisher = await client.get("/audit/log", headers=auth("publisher", unit_id=STREET))
    assert publisher.status_code == 403


async def test_the_export_has_the_same_words_as_the_page(
    client: AsyncClient, session: AsyncSession
) -> None:
    await _story(session)
    response = await client.get("/audit/log/export", params={"actor": "张三"}, headers=SUPERVISOR)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert "filename*=UTF-8''" in response.headers["content-disposition"]
    assert response.content.startswith("\ufeff".encode())  # Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "时间",
        "操作人",
        "登录名",
        "所在单位",
        "操作",
        "对象",
        "对象编号",
        "记录",
        "变更",
    ]
    assert rows[1] == [
        "2026-03-03 09:00:00",
        "张三",
        "zhangsan",
        "锦华区教育局",
        "修改了",
        "便签",
        "1",
        "张三 修改了 便签《春季招生通知》",
        "状态：草稿 → 已分享；单位：锦华区教育局 → 东湖街道",
    ]
    assert len(rows) == 3


async def test_the_words_name_the_objects_and_actions_for_the_filters(
    client: AsyncClient,
) -> None:
    response = await client.get("/audit/words", headers=SUPERVISOR)
    assert response.status_code == 200
    words = response.json()
    assert {"value": "note", "label": "便签"} in words["subjects"]
    assert {"value": "calendar_year", "label": "节假日安排"} in words["subjects"]
    assert {"value": "note.shared", "label": "分享了"} in words["actions"]


async def test_a_person_is_recorded_with_their_name_a_component_without(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    made = await client.post(
        "/notes",
        json={"title": "值班表"},
        headers=auth("publisher", unit_id=BUREAU, username="wangwu", display_name="王五"),
    )
    assert made.status_code == 201
    await client.post("/notes", json={"title": "同步"}, headers=auth("service"))
    page = await _log(client, SUPERVISOR, entity_type="note")
    assert [(e["actor"], e["actor_name"]) for e in page["items"]] == [
        ("tester", "tester"),
        ("wangwu", "王五"),
    ]


async def test_the_kits_own_records_read_in_its_words(
    client: AsyncClient, session: AsyncSession
) -> None:
    await add_test_district(session)
    entry = await audit.record(
        session,
        actor="gateway",
        action="unit.moved",
        entity_type="unit",
        entity_id=BUREAU,
        before={"name": "锦华区教育局", "parent_id": DISTRICT, "version": 1},
        after={"name": "锦华区教育局", "parent_id": STREET, "version": 2},
    )
    await session.commit()
    line = (await _log(client, SUPERVISOR, entity_type="unit"))["items"][0]
    assert line["id"] == entry.id
    assert line["sentence"] == "统一入口 调整了隶属关系 单位 锦华区教育局"
    # A unit's parent is a unit: named, not numbered.
    assert [(c["label"], c["before"], c["after"]) for c in line["changes"]] == [
        ("上级单位", "锦华区人民政府", "东湖街道")
    ]
