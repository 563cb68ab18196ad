"""Review before publication (先审查后公开) and what follows it: submit, approve or reject,
withdraw, change of validity. Each step checks its rule (`rules.RULES`) first, and every
transition is an audit entry; what other platforms must learn of goes to the change feed.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.actions import Action
from sunshine_catalog.errors import ITEM_NOT_FOUND, ITEM_NOT_PUBLISHED
from sunshine_catalog.feed.service import record_change
from sunshine_catalog.items import rules
from sunshine_catalog.items.models import ChangeKind, InformationItem, ItemStatus, Validity
from sunshine_catalog.items.rules import ItemStep
from sunshine_catalog.items.schemas import ReviewIn, ValidityIn
from sunshine_catalog.items.service import now, snapshot
from sunshine_kit.audit import service as audit
from sunshine_kit.auth import Principal
from sunshine_kit.errors import InvalidInput


async def submit(session: AsyncSession, actor: Principal, item: InformationItem) -> InformationItem:
    """Send a draft, rejected or withdrawn item to review (保密审查、属性审核)."""
    await rules.ensure(session, actor, item, ItemStep.SUBMIT)
    return await _transition(session, actor, item, ItemStatus.SUBMITTED, Action.ITEM_SUBMITTED)


async def review(
    session: AsyncSession,
    actor: Principal,
    item: InformationItem,
    body: ReviewIn,
    *,
    province_url: str = "",
) -> InformationItem:
    """谁公开谁负责: a reviewer of the unit (not the author) publishes the item or sends it back."""
    approve = body.decision == "approve"
    await rules.ensure(session, actor, item, ItemStep.APPROVE if approve else ItemStep.REJECT)
    item.reviewer = actor.username
    item.review_note = body.reason.strip()
    if not approve:
        return await _transition(
            session, actor, item, ItemStatus.REJECTED, Action.ITEM_REJECTED, reason=body.reason
        )
    item.published_at = now()
    await _transition(
        session, actor, item, ItemStatus.PUBLISHED, Action.ITEM_PUBLISHED, reason=body.reason
    )
    await record_change(session, item, ChangeKind.PUBLISHED, province_url=province_url)
    return item


async def withdraw(
    session: AsyncSession,
    actor: Principal,
    item: InformationItem,
    reason: str,
    *,
    province_url: str = "",
) -> InformationItem:
    """撤回: the item leaves the public catalogue; its record, number and history stay."""
    await rules.ensure(session, actor, item, ItemStep.WITHDRAW)
    await _transition(
        session, actor, item, ItemStatus.WITHDRAWN, Action.ITEM_WITHDRAWN, reason=reason
    )
    await record_change(session, item, ChangeKind.WITHDRAWN, province_url=province_url)
    return item


async def change_validity(
    session: AsyncSession,
    actor: Principal,
    item: InformationItem,
    body: ValidityIn,
    *,
    province_url: str = "",
) -> InformationItem:
    """失效/废止 (or valid again), with the date and the item that replaces it."""
    await rules.ensure(session, actor, item, ItemStep.CHANGE_VALIDITY)
    if body.replaced_by_id is not None:
        replacement = await session.get(InformationItem, body.replaced_by_id)
        if replacement is None or replacement.id == item.id:
            raise InvalidInput("replaced_by_id", "替代的信息不存在", code=ITEM_NOT_FOUND)
        if replacement.status != ItemStatus.PUBLISHED:
            raise InvalidInput("replaced_by_id", "替代的信息尚未发布", code=ITEM_NOT_PUBLISHED)
    if body.validity == Validity.VALID and body.replaced_by_id is not None:
        raise InvalidInput("replaced_by_id", "有效的信息不能有替代信息")
    before = snapshot(item)
    item.validity = body.validity
    item.validity_changed_on = body.changed_on
    item.replaced_by_id = body.replaced_by_id
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action=Action.ITEM_VALIDITY_CHANGED,
        entity_type="item",
        entity_id=item.id,
        before=before,
        after=snapshot(item),
    )
    await record_change(session, item, ChangeKind.VALIDITY_CHANGED, province_url=province_url)
    return item


async def _transition(
    session: AsyncSession,
    actor: Principal,
    item: InformationItem,
    status: ItemStatus,
    action: Action,
    reason: str = "",
) -> InformationItem:
    before = item.status
    item.status = status
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action=action,
        entity_type="item",
        entity_id=item.id,
        before={"status": before},
        after={"status": status.value, **({"reason": reason} if reason else {})},
    )
    return item
