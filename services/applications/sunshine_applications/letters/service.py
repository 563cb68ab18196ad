"""The reply letter (答复告知书): its content, composed once from an application's decision."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from sunshine_applications.applications.models import (
    ApplicantType,
    DisclosureApplication,
    Outcome,
    Status,
)
from sunshine_applications.errors import APPLICATION_NOT_CLOSED, APPLICATION_NOT_DECIDED
from sunshine_applications.letters import templates
from sunshine_applications.letters.schemas import LetterContent
from sunshine_applications.personal_data.masking import mask_address, mask_email
from sunshine_kit.calendar.days import today
from sunshine_kit.errors import Conflict
from sunshine_kit.units.models import Unit, UnitType
from sunshine_kit.units.service import ancestors, get_unit

# Units that are themselves a people's government: their reconsideration body is the next one up.
_GOVERNMENTS = (UnitType.GOVERNMENT, UnitType.TOWNSHIP)
# 不予处理 2 (重复申请), the sub-item of OUTCOME_REASONS whose wording depends on the earlier one.
_REPEAT = 2
_TRACKING = re.compile(r"^YSQ(\d{4})(\d+)$")
_END_PUNCTUATION = tuple("。！？；.!?;")


def chinese_date(value: date) -> str:
    """2026年2月13日, as a letter writes it (GB/T 9704: Arabic numerals, no leading zeros)."""
    return f"{value.year}年{value.month}月{value.day}日"


def letter_number(tracking_number: str) -> str:
    """依告〔2026〕第12号: the year and sequence of the tracking number, unique like it."""
    match = _TRACKING.match(tracking_number)
    if match is None:
        return f"依告〔{tracking_number}〕号"
    return f"依告〔{match.group(1)}〕第{int(match.group(2))}号"


def filename(tracking_number: str, extension: str) -> str:
    return f"{templates.TITLE}-{tracking_number}.{extension}"


async def reconsideration_body(session: AsyncSession, unit: Unit) -> str:
    """Where the applicant asks for 行政复议 (行政复议法 2023): the one place that chooses it.

    A vertically managed unit (tax, customs, financial regulation, …) names the next authority
    of its own system, as the gateway recorded it (第二十七条). Any other department or street
    office answers to the people's government above it, and a government (or township) to the
    government one level up, which the unit table may not hold (第二十四条). A unit below a
    department shares that department's body, so one below a vertically managed unit shares
    its system's; one with a rule of its own (a 税务所 answers to the 税务局 it belongs to) is
    flagged with its own body, which comes first.
    """
    chain = [await get_unit(session, unit_id) for unit_id in await ancestors(session, unit.id)]
    for level, above in enumerate(chain):
        if above.vertically_managed and above.reconsideration_body:
            return above.reconsideration_body
        if level > 0 and above.type in _GOVERNMENTS:
            return above.name
    return "上一级人民政府" if unit.type in _GOVERNMENTS else "本级人民政府"


def decided_outcome(application: DisclosureApplication) -> Outcome:
    """The result the letter announces; there is none to announce before the decision."""
    if application.status not in (Status.DECIDED, Status.CLOSED) or application.outcome is None:
        raise Conflict("该申请尚未作出答复决定，暂不能生成答复告知书", code=APPLICATION_NOT_DECIDED)
    return Outcome(application.outcome)


def ensure_closed(application: DisclosureApplication) -> None:
    if application.status != Status.CLOSED:
        raise Conflict(
            "答复告知书将在本机关作出答复后提供，请稍后再查询", code=APPLICATION_NOT_CLOSED
        )


async def compose(
    session: AsyncSession, application: DisclosureApplication, *, personal_data: bool
) -> LetterContent:
    """The letter for a decided (or closed) application, dated the reply day or else today;
    the applicant's e-mail and address in it masked unless `personal_data` (the rule:
    `personal_data.masking`)."""
    outcome = decided_outcome(application)
    unit = await get_unit(session, application.unit_id)
    legal_person = application.applicant_type == ApplicantType.LEGAL_PERSON
    you = "您单位" if legal_person else "您"
    paragraphs = [_request(application, you)]
    if application.extension_working_days and application.extension_notified_on:
        # Article 33: the head of the 政府信息公开工作机构 approves, not the office's head.
        paragraphs.append(
            f"因{_sentence(application.extension_reason, end=False)}，"
            "经本机关政府信息公开工作机构负责人同意，"
            f"本机关已于{chinese_date(application.extension_notified_on)}告知{you}"
            f"将答复期限延长{application.extension_working_days}个工作日。"
        )
    paragraphs += await _result(session, application, outcome, you, personal_data)
    remedies = {
        Outcome.NOT_DISCLOSED: templates.REMEDIES_NOT_DISCLOSED,
        Outcome.PARTLY_DISCLOSED: templates.REMEDIES_PARTLY_DISCLOSED,
    }.get(outcome, templates.REMEDIES)
    paragraphs.append(remedies.format(body=await reconsideration_body(session, unit)))
    paragraphs.append(templates.CLOSING)
    return LetterContent(
        title=templates.TITLE,
        number=letter_number(application.tracking_number),
        addressee=application.organisation_name if legal_person else application.applicant_name,
        paragraphs=paragraphs,
        signature=unit.name,
        date=chinese_date(application.replied_on or today()),
        tracking_number=application.tracking_number,
    )


def _request(application: DisclosureApplication, you: str) -> str:
    received = application.received_on or application.submitted_on
    return (
        f"本机关于{chinese_date(received)}收到{you}提出的政府信息公开申请"
        f"（申请编号：{application.tracking_number}），"
        f"申请获取“{_sentence(application.description, end=False)}”。"
    )


async def _result(
    session: AsyncSession,
    application: DisclosureApplication,
    outcome: Outcome,
    you: str,
    personal_data: bool,
) -> list[str]:
    explanation = application.outcome_explanation.strip()
    earlier, earlier_replied_on = await _earlier(session, application)
    provided = False
    if outcome == Outcome.DISCLOSED and application.linked_item_ids:
        wording = templates.ALREADY_PUBLISHED
    elif outcome == Outcome.DISCLOSED:
        wording, provided = templates.DISCLOSED, True
    elif outcome == Outcome.PARTLY_DISCLOSED:
        wording, provided = templates.PARTLY_DISCLOSED, True
    elif (
        outcome == Outcome.NOT_PROCESSED
        and application.outcome_reason == _REPEAT
        and earlier is not None
        and earlier_replied_on is None
    ):
        wording = templates.REPEAT_STILL_OPEN
    else:
        wording = templates.REASONED[outcome][(application.outcome_reason or 1) - 1]
    values = {
        **_placeholders(application, you, earlier, earlier_replied_on),
        "you": you,
    }
    main = wording.finding.format(**values)
    if wording.articles:
        main += f"根据{templates.REGULATIONS}{wording.articles}的规定，"
    main += wording.decision.format(**values)
    if explanation and wording.explained:
        main += wording.explained.format(**values)
    paragraphs = [main]
    if explanation:
        paragraphs.append(templates.EXPLANATION.format(text=_sentence(explanation)))
    if application.legal_basis.strip():
        paragraphs.append(templates.LEGAL_BASIS.format(text=_sentence(application.legal_basis)))
    if provided:
        what = "可以公开的内容" if outcome == Outcome.PARTLY_DISCLOSED else "该政府信息"
        how = _how(application, you, personal_data)
        paragraphs.append(f"本机关按照{you}要求的形式，将{what}{how}。")
    return paragraphs


async def _earlier(
    session: AsyncSession, application: DisclosureApplication
) -> tuple[DisclosureApplication | None, date | None]:
    """The earlier application a repeat request points to, and the day it was answered (None
    while it is open: a decision still being drafted is no answer until the reply is sent)."""
    if application.repeat_of_id is None:
        return None, None
    earlier = await session.get(DisclosureApplication, application.repeat_of_id)
    if earlier is None or earlier.status != Status.CLOSED:
        return earlier, None
    return earlier, earlier.replied_on


def _placeholders(
    application: DisclosureApplication,
    you: str,
    earlier: DisclosureApplication | None,
    earlier_replied_on: date | None,
) -> dict[str, str]:
    def day(value: date | None) -> str:
        return chinese_date(value) if value else ""

    repeat_of = templates.repeat_sentence(
        you,
        None if earlier is None else earlier.tracking_number,
        None if earlier_replied_on is None else chinese_date(earlier_replied_on),
    )
    return {
        "supplement_requested_on": day(application.supplement_requested_on),
        "supplement_due_on": day(application.supplement_due_on),
        "fee_notified_on": day(application.fee_notified_on),
        "fee_due_on": day(application.fee_due_on),
        "fee_yuan": f"{application.fee_fen // 100}.{application.fee_fen % 100:02d}",
        "repeat_of": repeat_of,
        "items": "、".join(str(i) for i in application.linked_item_ids),
    }


def _how(application: DisclosureApplication, you: str, personal_data: bool) -> str:
    how = templates.HOW_PROVIDED.get(application.form, templates.HOW_PROVIDED["paper"])
    email = application.email.strip()
    address = application.address.strip()
    if not personal_data:
        email, address = mask_email(email), mask_address(address)
    return how.format(
        you=you,
        email=f"（电子邮箱：{email}）" if email else "",
        address=f"（{address}）" if address else "",
    )


def _sentence(text: str, *, end: bool = True) -> str:
    """The handler's or applicant's words inside a sentence of the letter."""
    text = " ".join(text.split())
    if not end:
        return text.rstrip("".join(_END_PUNCTUATION) + "，,")
    return text if text.endswith(_END_PUNCTUATION) else text + "。"
