from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow
from sunshine_kit.personal_data import Sealed


class Channel(StrEnum):
    ONLINE = "online"  # 网上申请
    LETTER = "letter"  # 信函
    FAX = "fax"  # 传真
    EMAIL = "email"  # 电子邮件
    IN_PERSON = "in_person"  # 当面提交


class ApplicantType(StrEnum):
    NATURAL_PERSON = "natural_person"  # 自然人
    LEGAL_PERSON = "legal_person"  # 法人或其他组织


class OrganisationKind(StrEnum):
    """The five columns of table 三 for 法人或其他组织."""

    BUSINESS = "business"  # 商业企业
    RESEARCH = "research"  # 科研机构
    PUBLIC_WELFARE = "public_welfare"  # 社会公益组织
    LEGAL_SERVICE = "legal_service"  # 法律服务机构
    OTHER = "other"  # 其他


class Status(StrEnum):
    AWAITING_RECEIPT = "awaiting_receipt"  # 网上提交，待确认收到
    IN_PROGRESS = "in_progress"  # 办理中
    AWAITING_SUPPLEMENT = "awaiting_supplement"  # 待补正
    AWAITING_EXPLANATION = "awaiting_explanation"  # 待说明理由（第三十五条）
    CONSULTING = "consulting"  # 征求意见中
    AWAITING_FEE = "awaiting_fee"  # 待缴纳信息处理费
    DECIDED = "decided"  # 已拟定答复
    CLOSED = "closed"  # 已答复办结


class Outcome(StrEnum):
    """The annual report's taxonomy of results (table 三, 三、本年度办理结果)."""

    DISCLOSED = "disclosed"  # 予以公开
    PARTLY_DISCLOSED = "partly_disclosed"  # 部分公开
    NOT_DISCLOSED = "not_disclosed"  # 不予公开 1-8
    UNAVAILABLE = "unavailable"  # 无法提供 1-3
    NOT_PROCESSED = "not_processed"  # 不予处理 1-5
    OTHER = "other"  # 其他处理 1-3


class ApplicationStep(StrEnum):
    """What staff do to an application, one step at a time (办理环节). Each value is the last
    segment of the step's route, POST /applications/{id}/<step> (an opinion's answer is
    /opinions/{opinion_id}/answer); the staff view lists those the caller may take now."""

    RECEIPT = "receipt"  # 确认收到
    ASSIGN = "assign"  # 分配经办人
    SUPPLEMENT_REQUEST = "supplement-request"  # 补正通知
    SUPPLEMENT_RECEIVED = "supplement-received"  # 收到补正
    EXPLANATION_REQUEST = "explanation-request"  # 要求说明理由（第三十五条）
    EXPLANATION_RECEIVED = "explanation-received"  # 收到说明
    OPINIONS = "opinions"  # 征求意见
    OPINION_ANSWER = "opinion-answer"  # 记录意见
    EXTENSION = "extension"  # 延长答复期限
    FEE_NOTICE = "fee-notice"  # 收费通知
    FEE_PAID = "fee-paid"  # 缴费
    DECISION = "decision"  # 拟定答复
    REPLY = "reply"  # 作出答复
    REMEDIES = "remedies"  # 登记复议或诉讼


class HistoryAction(StrEnum):
    """What the audit log records of an application: the entries of its history (办理记录)."""

    SUBMITTED = "application.submitted"
    RECEIVED = "application.received"
    ASSIGNED = "application.assigned"
    SUPPLEMENT_REQUESTED = "application.supplement_requested"
    SUPPLEMENT_RECEIVED = "application.supplement_received"
    EXPLANATION_REQUESTED = "application.explanation_requested"
    EXPLANATION_RECEIVED = "application.explanation_received"
    OPINION_ASKED = "application.opinion_asked"
    OPINION_ANSWERED = "application.opinion_answered"
    EXTENDED = "application.extended"
    FEE_NOTIFIED = "application.fee_notified"
    FEE_PAID = "application.fee_paid"
    DECIDED = "application.decided"
    REPLIED = "application.replied"
    REMEDY_ADDED = "application.remedy_added"
    REMEDY_UPDATED = "application.remedy_updated"


# Applications not yet closed: the predicate of the inbox's partial index, and the very same text
# in the inbox's query (a bound parameter would hide it from a cached generic plan).
NOT_CLOSED = "status <> 'closed'"


class DisclosureApplication(Base):
    """依申请公开: one application for disclosure of government information."""

    __tablename__ = "disclosure_application"
    __table_args__ = (
        Index("ix_disclosure_application_unit_status", "unit_id", "status"),
        # The inbox: open applications soonest due first (migration applications_0003).
        Index(
            "ix_disclosure_application_open_due",
            "reply_due_on",
            "id",
            "unit_id",
            postgresql_where=text(NOT_CLOSED),
            sqlite_where=text(NOT_CLOSED),
        ),
        # The inbox's search: a number's or a name's beginning (migration applications_0007).
        *(
            Index(
                f"ix_disclosure_application_{column}_prefix",
                column,
                postgresql_ops={column: "varchar_pattern_ops"},
            )
            for column in ("tracking_number", "applicant_name", "organisation_name")
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    tracking_number: Mapped[str] = mapped_column(String(30), unique=True)
    query_code_hash: Mapped[str] = mapped_column(String(128))
    channel: Mapped[str] = mapped_column(String(20))
    applicant_type: Mapped[str] = mapped_column(String(20))
    organisation_kind: Mapped[str | None] = mapped_column(String(20))
    applicant_name: Mapped[str] = mapped_column(String(100))
    organisation_name: Mapped[str] = mapped_column(String(200), default="")
    id_type: Mapped[str] = mapped_column(String(30), comment="证件类型")
    # Personal data, encrypted at rest (sunshine_kit.personal_data), masked but for the handler.
    id_number: Mapped[str] = mapped_column(
        Sealed("disclosure_application.id_number"), comment="证件号码"
    )
    phone: Mapped[str] = mapped_column(Sealed("disclosure_application.phone"))
    email: Mapped[str] = mapped_column(Sealed("disclosure_application.email"), default="")
    address: Mapped[str] = mapped_column(Sealed("disclosure_application.address"), default="")
    description: Mapped[str] = mapped_column(Text, comment="所需政府信息的名称、文号或描述")
    purpose: Mapped[str] = mapped_column(String(500), default="")
    form: Mapped[str] = mapped_column(String(20), comment="获取形式：纸质/电子/邮寄")
    submitted_on: Mapped[date] = mapped_column(Date, comment="提交（寄出）日期")
    # Article 31: in person, the day submitted; by post, the day signed for; online, fax and
    # e-mail, the day the office confirms receipt. Empty until then.
    received_on: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(30), default=Status.IN_PROGRESS, index=True)
    handler: Mapped[str | None] = mapped_column(String(50), index=True)
    supplement_requested_on: Mapped[date | None] = mapped_column(Date)
    supplement_due_on: Mapped[date | None] = mapped_column(Date, comment="申请人补正期限")
    supplement_request: Mapped[str] = mapped_column(Text, default="", comment="补正事项")
    supplement_received_on: Mapped[date | None] = mapped_column(Date)
    # Article 35: a request clearly beyond a reasonable quantity or frequency; the applicant is
    # asked to explain by a day, the reply clock not running meanwhile (clock.py).
    explanation_requested_on: Mapped[date | None] = mapped_column(Date)
    explanation_request: Mapped[str] = mapped_column(Text, default="", comment="要求说明的事项")
    explanation_due_on: Mapped[date | None] = mapped_column(Date, comment="申请人说明理由期限")
    explanation_received_on: Mapped[date | None] = mapped_column(Date)
    explanation_reasonable: Mapped[bool | None] = mapped_column(comment="机关认为理由是否合理")
    later_reply_on: Mapped[date | None] = mapped_column(Date, comment="延迟答复的合理期限")
    extension_working_days: Mapped[int] = mapped_column(default=0)
    extension_approved_by: Mapped[str] = mapped_column(String(50), default="")
    extension_reason: Mapped[str] = mapped_column(String(500), default="")
    extension_notified_on: Mapped[date | None] = mapped_column(Date)
    fee_fen: Mapped[int] = mapped_column(default=0, comment="信息处理费（分）")
    fee_notified_on: Mapped[date | None] = mapped_column(Date)
    fee_due_on: Mapped[date | None] = mapped_column(Date)
    fee_paid_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(30), index=True)
    outcome_reason: Mapped[int | None] = mapped_column(comment="结果细项序号，如不予公开第3项")
    outcome_explanation: Mapped[str] = mapped_column(Text, default="")
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    linked_item_ids: Mapped[list[Any]] = mapped_column(default=list)
    decided_by: Mapped[str | None] = mapped_column(String(50))
    replied_on: Mapped[date | None] = mapped_column(Date, index=True)
    # The clock's due date, kept on the row so that the inbox sorts by it in SQL; recomputed on
    # every change and whenever a year's holiday arrangement is loaded.
    reply_due_on: Mapped[date | None] = mapped_column(Date, index=True)
    due_provisional: Mapped[bool] = mapped_column(default=False)
    # The same applicant asking again for the same information (不予处理 2 when unreasonable).
    repeat_of_id: Mapped[int | None] = mapped_column(ForeignKey("disclosure_application.id"))
    # Keyed (HMAC) over the ID number and the normalised request: matches, reveals nothing.
    fingerprint: Mapped[str] = mapped_column(String(64), index=True, comment="申请人+内容摘要")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class TrackingSequence(Base):
    """Tracking numbers per year, handed out once."""

    __tablename__ = "tracking_sequence"

    year: Mapped[int] = mapped_column(primary_key=True)
    last: Mapped[int] = mapped_column(default=0)


class OpinionKind(StrEnum):
    THIRD_PARTY = "third_party"  # 征求第三方意见
    AGENCY = "agency"  # 征求其他机关意见


class OpinionRequest(Base):
    """征求意见: while it is open the application's clock is suspended."""

    __tablename__ = "opinion_request"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("disclosure_application.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    party: Mapped[str] = mapped_column(String(200), comment="第三方或机关名称")
    asked_on: Mapped[date] = mapped_column(Date)
    # The consulted party's 15 working days (Art. 32, 34) run from its receipt of the letter.
    letter_received_on: Mapped[date] = mapped_column(Date, comment="对方收到征求意见函日期")
    answer_due_on: Mapped[date | None] = mapped_column(Date)
    answered_on: Mapped[date | None] = mapped_column(Date)
    answer: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RemedyKind(StrEnum):
    RECONSIDERATION = "reconsideration"  # 行政复议
    LITIGATION = "litigation"  # 未经复议直接起诉
    LITIGATION_AFTER_RECONSIDERATION = "litigation_after_reconsideration"  # 复议后起诉


class RemedyResult(StrEnum):
    UPHELD = "upheld"  # 结果维持
    CORRECTED = "corrected"  # 结果纠正
    OTHER = "other"  # 其他结果
    PENDING = "pending"  # 尚未审结


class Remedy(Base):
    """行政复议 or 行政诉讼 brought against how an application was handled (table 四)."""

    __tablename__ = "remedy"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("disclosure_application.id"), index=True)
    unit_id: Mapped[int] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(40))
    filed_on: Mapped[date] = mapped_column(Date)
    result: Mapped[str] = mapped_column(String(20), default=RemedyResult.PENDING)
    decided_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
