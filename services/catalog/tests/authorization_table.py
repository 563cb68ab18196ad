"""Who may call each of the catalog's operations (checked by test_authorization.py).

The records are the bureau's (锦华区教育局): a draft item with an attachment, a submitted one, a
published one, a proposal from the applications service, a template column.
"""

from __future__ import annotations

import uuid
from typing import Any

from catalog_builders import BUREAU, DISTRICT, PUBLISHER, column_id, item_body, publish

from sunshine_kit.access_matrix import (
    Access,
    Caller,
    Place,
    Records,
    Refusal,
    Scope,
    components_only,
    dead_message,
    public,
    service_table,
    username,
)
from sunshine_kit.roles import Can, Role
from sunshine_kit.testing import auth

# The district office writes the submitted item, so that it cannot review it (谁制作谁不审查).
AUTHOR = auth(
    "office", unit_id=DISTRICT, username=username(Caller(Role.OFFICE, Place.PARENT)), user_id=1
)
APPLICATIONS = auth("service", unit_id=None, username="applications")


async def _column(records: Records) -> int:
    return await column_id(records.client, "A20-11")


async def _draft(records: Records) -> dict[str, Any]:
    column = await records.get("column_id")
    made = await records.client.post("/items", json=item_body(column), headers=PUBLISHER)
    assert made.status_code == 201, made.text
    return dict(made.json())


async def _item_id(records: Records) -> int:
    return int((await records.get("draft"))["id"])


async def _index_number(records: Records) -> str:
    return str((await records.get("draft"))["index_number"])


async def _submitted(records: Records) -> int:
    column = await records.get("column_id")
    made = await records.client.post("/items", json=item_body(column), headers=AUTHOR)
    assert made.status_code == 201, made.text
    item_id = made.json()["id"]
    sent = await records.client.post(f"/items/{item_id}/submit", headers=AUTHOR)
    assert sent.status_code == 200, sent.text
    return int(item_id)


async def _published(records: Records) -> int:
    return int((await publish(records.client, await records.get("column_id")))["id"])


async def _attachment(records: Records) -> int:
    item_id = await records.get("item_id")
    sent = await records.client.post(
        f"/items/{item_id}/attachments",
        files={"file": ("说明.txt", "招生入学说明\n".encode(), "text/plain")},
        headers=PUBLISHER,
    )
    assert sent.status_code == 201, sent.text
    return int(sent.json()["id"])


async def _proposal(records: Records) -> int:
    sent = await records.client.post(
        "/proposals",
        json={
            "unit_id": BUREAU,
            "description": "锦华区2026年义务教育阶段学校划片范围",
            "application_count": 3,
            "tracking_numbers": ["YSQ2026000001", "YSQ2026000002", "YSQ2026000003"],
        },
        headers={**APPLICATIONS, "Idempotency-Key": f"matrix-{uuid.uuid4().hex}"},
    )
    assert sent.status_code == 201, sent.text
    return int(sent.json()["id"])


MAKERS = {
    "column_id": _column,
    "draft": _draft,
    "item_id": _item_id,
    "index_number": _index_number,
    "submitted_item": _submitted,
    "published_item": _published,
    "attachment_id": _attachment,
    "proposal_id": _proposal,
    "message_id": dead_message,
}


async def _new_item(records: Records) -> dict[str, Any]:
    return item_body(await records.get("column_id"))


async def _new_column(records: Records) -> dict[str, Any]:
    return {"name": "矩阵检查栏目", "code": f"M-{uuid.uuid4().hex[:8].upper()}"}


async def _move(records: Records) -> dict[str, Any]:
    column = await records.get("column_id")
    return {"from_column_id": column, "to_column_id": column + 1, "unit_id": BUREAU}


# The delivery queues are the whole component's, holding every unit's messages: for the ops
READ_DRAFTS = Access(Can.READ_ITEMS, Scope.UNIT, makes=("item_id",))
HIDDEN_DRAFT = Access(Can.READ_ITEMS, Scope.UNIT, hides=True)
WRITE = Access(Can.WRITE_ITEMS, Scope.UNIT)
TEMPLATE = Access(Can.MANAGE_CATALOGUE, Scope.TOP)
DECIDE = Access(Can.DECIDE_PROPOSALS, Scope.UNIT, makes=("proposal_id",))
AFTER_PUBLICATION = (Can.WRITE_ITEMS, Can.REVIEW_ITEMS)

TABLE = service_table(
    {
        "search-search": public(),
        "vocabulary-vocabulary": public(),
        "feed-harvest": public(),
        "feed-atom": public(),
        "feed-rss": public(),
        "feed-latest": public(),
        "intake-receive_item": components_only(),
        "proposals-receive_proposal": components_only(),
        # The catalogue template (目录模板): public to read; the top unit's office changes it.
        "columns-template": public(),
        "columns-unit_columns": public(),
        "columns-empty_columns": public(),
        "columns-column_items": public(),
        "columns-resolve_column": public(),
        # What 栏目管理 may offer the caller: any console user asks about themselves.
        "columns-template_rights": Access(Can.WORK_IN_CONSOLE, Scope.ANY),
        "columns-add_column": Access(Can.MANAGE_CATALOGUE, Scope.TOP, body=_new_column),
        "columns-update_column": TEMPLATE,
        "columns-merge_column": TEMPLATE,
        "columns-split_column": TEMPLATE,
        "items-move_items": Access(Can.MANAGE_CATALOGUE, Scope.TOP, body=_move),
        # A unit's office (or one above it) hides a column in that unit's catalogue.
        "columns-set_unit_column": Access(Can.MANAGE_CATALOGUE, Scope.UNIT, body={"hidden": True}),
        # Items: published ones are public; the rest the unit's (READ_DRAFTS).
        "items-published_items": public(),
        "items-read_item": HIDDEN_DRAFT,
        "items-read_by_index_number": HIDDEN_DRAFT,
        "items-staff_items": READ_DRAFTS,
        "items-item_history": READ_DRAFTS,
        "items-deadlines": READ_DRAFTS,
        "items-missing_interpretations": READ_DRAFTS,
        "attachments-list_attachments": HIDDEN_DRAFT,
        "attachments-download_attachment": HIDDEN_DRAFT,
        "items-create_item": Access(Can.WRITE_ITEMS, Scope.UNIT, body=_new_item),
        "items-update_item": WRITE,
        "items-delete_item": WRITE,
        "items-submit": WRITE,
        "attachments-upload_attachment": WRITE,
        "attachments-delete_attachment": WRITE,
        "items-review": Access(
            Can.REVIEW_ITEMS,
            Scope.UNIT,
            records={"item_id": "submitted_item"},
            body={
                "decision": "approve",
                "confidentiality_checked": True,
                "attribute_checked": True,
            },
            exceptions=(
                Refusal(
                    ("office@parent",),
                    403,
                    "reviewer_is_author",
                    "谁制作谁不审查: the district office wrote this item, another must review it",
                ),
            ),
        ),
        "items-withdraw": Access(
            AFTER_PUBLICATION,
            Scope.UNIT,
            records={"item_id": "published_item"},
            body={"reason": "文件内容需要更正"},
        ),
        "items-change_validity": Access(
            AFTER_PUBLICATION,
            Scope.UNIT,
            records={"item_id": "published_item"},
            body={"validity": "expired", "changed_on": "2026-09-01"},
        ),
        # Figures of a unit's year: for any of its staff (and those above).
        "stats-catalogue_figures": Access(Can.WORK_IN_CONSOLE, Scope.UNIT),
        "stats-item_figures": Access(Can.WORK_IN_CONSOLE, Scope.UNIT),
        "stats-item_period_figures": Access(
            Can.WORK_IN_CONSOLE,
            Scope.UNIT,
            query={"date_from": "2026-01-01", "date_to": "2026-01-31"},
        ),
        # 工作台概览: the deadline figures, unit by unit, for those who read the lists.
        "overview-catalog_overview": Access(Can.READ_ITEMS, Scope.UNIT),
        # Article 44 proposals: those who decide what the unit discloses proactively.
        "proposals-unit_proposals": DECIDE,
        "proposals-accept": DECIDE,
        "proposals-decline": Access(
            Can.DECIDE_PROPOSALS, Scope.UNIT, body={"note": "该信息已在招生专栏主动公开"}
        ),
    },
    makers=MAKERS,
)
