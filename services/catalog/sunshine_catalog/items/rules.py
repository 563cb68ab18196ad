"""What may be done to an information item now, and by whom: written once, in `RULES`.

Each step (`ItemStep`) has one rule: the role groups that may take it, the statuses it starts
from, and what else must hold (a reviewer other than the author, 谁制作谁审查; only 主动公开
items are published; an item once published is withdrawn, never deleted). The steps' guards
raise the first condition that fails (`ensure`), and the staff view lists the steps whose
conditions all hold (`next_steps`), so what the console offers and what the API accepts cannot
disagree. The unit scope comes between the role and the item, as it always did: the staff view
is only shown to callers in scope, and `ensure` checks it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_catalog.errors import (
    ITEM_NOT_DELETABLE,
    ITEM_NOT_EDITABLE,
    ITEM_NOT_PROACTIVE,
    ITEM_NOT_PUBLISHED,
    ITEM_NOT_SUBMITTABLE,
    ITEM_NOT_SUBMITTED,
    REVIEWER_IS_AUTHOR,
)
from sunshine_catalog.items.models import (
    EDITABLE,
    DisclosureAttribute,
    InformationItem,
    ItemStatus,
)
from sunshine_kit.auth import Principal
from sunshine_kit.errors import ROLE_FORBIDDEN, AppError, Conflict, Forbidden
from sunshine_kit.roles import Can
from sunshine_kit.units.service import ensure_can_act_on


class ItemStep(StrEnum):
    """What the caller may do to an item now (the staff view's `next_steps`)."""

    EDIT = "edit"  # 修改 (PATCH /items/{id})
    DELETE = "delete"  # 删除草稿 (DELETE /items/{id})
    SUBMIT = "submit"  # 提交审查
    APPROVE = "approve"  # 审查通过并发布 (review, decision approve)
    REJECT = "reject"  # 审查退回 (review, decision reject)
    WITHDRAW = "withdraw"  # 撤回
    CHANGE_VALIDITY = "change-validity"  # 变更效力
    ATTACHMENTS = "attachments"  # 上传、删除附件


STEP_LABELS: dict[ItemStep, str] = {
    ItemStep.EDIT: "修改",
    ItemStep.DELETE: "删除草稿",
    ItemStep.SUBMIT: "提交审查",
    ItemStep.APPROVE: "审查通过并发布",
    ItemStep.REJECT: "审查退回",
    ItemStep.WITHDRAW: "撤回",
    ItemStep.CHANGE_VALIDITY: "变更效力",
    ItemStep.ATTACHMENTS: "管理附件",
}


@dataclass(frozen=True)
class ItemState:
    """What the rules read of an item."""

    status: ItemStatus
    author: str
    disclosure_attribute: DisclosureAttribute
    # Once published an item stays in the change feed and other platforms' copies: it may be
    # withdrawn, never deleted. Publication is the only step that sets published_at.
    was_published: bool

    @classmethod
    def of(cls, item: InformationItem) -> ItemState:
        return cls.of_row(
            {
                "status": item.status,
                "author": item.author,
                "disclosure_attribute": item.disclosure_attribute,
                "published_at": item.published_at,
            }
        )

    @classmethod
    def of_row(cls, row: Mapping[str, Any]) -> ItemState:
        """From the item's row as the views read it."""
        return cls(
            status=ItemStatus(row["status"]),
            author=row["author"],
            disclosure_attribute=DisclosureAttribute(row["disclosure_attribute"]),
            was_published=row["published_at"] is not None,
        )


@dataclass(frozen=True)
class Refusal:
    """The answer when a condition fails."""

    kind: type[AppError]
    code: str
    message: str

    def error(self) -> AppError:
        return self.kind(self.message, code=self.code)


@dataclass(frozen=True)
class Condition:
    holds: Callable[[Principal, ItemState], bool]
    otherwise: Refusal


@dataclass(frozen=True)
class Rule:
    who: tuple[Can, ...]  # any one of these role groups may
    not_allowed: str  # what a caller of another role is told
    statuses: frozenset[ItemStatus]
    wrong_status: Refusal
    also: tuple[Condition, ...] = ()


def _other_than_author(actor: Principal, state: ItemState) -> bool:
    return actor.username != state.author


def _proactive(actor: Principal, state: ItemState) -> bool:
    return state.disclosure_attribute == DisclosureAttribute.PROACTIVE


def _never_published(actor: Principal, state: ItemState) -> bool:
    return not state.was_published


_WRITERS = (Can.WRITE_ITEMS,)
_REVIEWERS = (Can.REVIEW_ITEMS,)
_WRITERS_OR_REVIEWERS = (Can.WRITE_ITEMS, Can.REVIEW_ITEMS)
_MAY_NOT_WRITE = "只有信息发布员或政务公开办可以编辑信息"
_MAY_NOT_REVIEW = "只有保密审查员或政务公开办可以审查信息"
_NOT_IN_REVIEW = Refusal(Conflict, ITEM_NOT_SUBMITTED, "该信息不在待审查状态")
_BY_ANOTHER = Condition(
    _other_than_author, Refusal(Forbidden, REVIEWER_IS_AUTHOR, "审查人不能是信息的编写人")
)

RULES: dict[ItemStep, Rule] = {
    ItemStep.EDIT: Rule(
        _WRITERS,
        _MAY_NOT_WRITE,
        EDITABLE,
        Refusal(
            Conflict,
            ITEM_NOT_EDITABLE,
            "已提交或已发布的信息不能直接修改：请先撤回或等待审查结果",
        ),
    ),
    ItemStep.DELETE: Rule(
        _WRITERS,
        _MAY_NOT_WRITE,
        frozenset({ItemStatus.DRAFT, ItemStatus.REJECTED}),
        Refusal(Conflict, ITEM_NOT_DELETABLE, "只能删除未发布的草稿；已发布的信息请撤回"),
        also=(
            Condition(
                _never_published,
                Refusal(Conflict, ITEM_NOT_DELETABLE, "该信息曾经发布，只能撤回不能删除"),
            ),
        ),
    ),
    ItemStep.SUBMIT: Rule(
        _WRITERS,
        _MAY_NOT_WRITE,
        EDITABLE,
        Refusal(Conflict, ITEM_NOT_SUBMITTABLE, "只有草稿或被退回的信息可以提交审查"),
    ),
    ItemStep.APPROVE: Rule(
        _REVIEWERS,
        _MAY_NOT_REVIEW,
        frozenset({ItemStatus.SUBMITTED}),
        _NOT_IN_REVIEW,
        also=(
            _BY_ANOTHER,
            Condition(
                _proactive,
                Refusal(
                    Conflict,
                    ITEM_NOT_PROACTIVE,
                    "只有主动公开的信息可以发布；依申请公开、不予公开的信息只编入目录",
                ),
            ),
        ),
    ),
    ItemStep.REJECT: Rule(
        _REVIEWERS,
        _MAY_NOT_REVIEW,
        frozenset({ItemStatus.SUBMITTED}),
        _NOT_IN_REVIEW,
        (_BY_ANOTHER,),
    ),
    ItemStep.WITHDRAW: Rule(
        _WRITERS_OR_REVIEWERS,
        "无权撤回信息",
        frozenset({ItemStatus.PUBLISHED}),
        Refusal(Conflict, ITEM_NOT_PUBLISHED, "只有已发布的信息可以撤回"),
    ),
    ItemStep.CHANGE_VALIDITY: Rule(
        _WRITERS_OR_REVIEWERS,
        "无权变更信息的效力",
        frozenset({ItemStatus.PUBLISHED}),
        Refusal(Conflict, ITEM_NOT_PUBLISHED, "只有已发布的信息可以变更效力"),
    ),
    # Attachments change with the item: the same people, the same states as editing it.
    ItemStep.ATTACHMENTS: Rule(
        _WRITERS,
        "只有信息发布员或政务公开办可以管理附件",
        EDITABLE,
        Refusal(
            Conflict,
            ITEM_NOT_EDITABLE,
            "已提交或已发布的信息不能修改附件：请先撤回或等待审查结果",
        ),
    ),
}


def _role_refusal(step: ItemStep, actor: Principal) -> AppError | None:
    rule = RULES[step]
    if any(actor.can(work) for work in rule.who):
        return None
    return Forbidden(rule.not_allowed, code=ROLE_FORBIDDEN)


def _item_refusal(step: ItemStep, actor: Principal, state: ItemState) -> AppError | None:
    rule = RULES[step]
    if state.status not in rule.statuses:
        return rule.wrong_status.error()
    for condition in rule.also:
        if not condition.holds(actor, state):
            return condition.otherwise.error()
    return None


def next_steps(actor: Principal, state: ItemState) -> list[ItemStep]:
    """The steps a caller in the item's unit scope may take now, in `ItemStep` order."""
    return [
        step
        for step in ItemStep
        if _role_refusal(step, actor) is None and _item_refusal(step, actor, state) is None
    ]


async def ensure(
    session: AsyncSession, actor: Principal, item: InformationItem, step: ItemStep
) -> None:
    """Raise why `actor` may not take `step` on `item` now: role, unit scope, then the item."""
    refused = _role_refusal(step, actor)
    if refused is not None:
        raise refused
    await ensure_can_act_on(session, actor, item.unit_id)
    refused = _item_refusal(step, actor, ItemState.of(item))
    if refused is not None:
        raise refused


async def ensure_writer(session: AsyncSession, actor: Principal, unit_id: int) -> None:
    """A new item is written by those who may edit one, in their unit scope."""
    refused = _role_refusal(ItemStep.EDIT, actor)
    if refused is not None:
        raise refused
    await ensure_can_act_on(session, actor, unit_id)
