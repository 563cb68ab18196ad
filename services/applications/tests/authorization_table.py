"""Who may call each of the applications service's operations (checked by test_authorization.py).

The records are the bureau's (锦华区教育局): an application in the state each step starts from
(brought there through the API by zhouting, its handler), an opinion asked, a remedy, an
inquiry asked on the portal.
"""

from __future__ import annotations

from typing import Any

from applications_builders import (
    HANDLER,
    applicant,
    application_in,
    days_from_today,
    question,
    registered,
)

from sunshine_kit.access_matrix import (
    PUBLIC,
    Access,
    Records,
    Refusal,
    Scope,
    dead_message,
    public,
    service_table,
)
from sunshine_kit.roles import Can


def _in(status: str) -> Any:
    async def make(records: Records) -> int:
        return int((await application_in(records.client, status))["id"])

    return make


async def _received_yesterday(records: Records) -> int:
    """An application within its first 7 working days, when a supplement may be asked."""
    return int((await registered(records.client, received_on=days_from_today(-1)))["id"])


async def _consulting(records: Records) -> dict[str, Any]:
    return await application_in(records.client, "consulting")


async def _consulting_id(records: Records) -> int:
    return int((await records.get("consulting"))["id"])


async def _opinion_id(records: Records) -> int:
    return int((await records.get("consulting"))["opinions"][0]["id"])


async def _remedy(records: Records) -> int:
    application_id = await records.get("application_id")
    added = await records.client.post(
        f"/applications/{application_id}/remedies",
        json={"kind": "reconsideration", "filed_on": days_from_today(-1)},
        headers=HANDLER,
    )
    assert added.status_code == 201, added.text
    return int(added.json()["id"])


async def _inquiry(records: Records) -> int:
    asked = await records.client.post("/inquiries", json=question())
    assert asked.status_code == 201, asked.text
    return int(asked.json()["id"])


MAKERS = {
    "application_id": _in("in_progress"),
    "awaiting_receipt": _in("awaiting_receipt"),
    "awaiting_supplement": _in("awaiting_supplement"),
    "awaiting_fee": _in("awaiting_fee"),
    "awaiting_explanation": _in("awaiting_explanation"),
    "decided": _in("decided"),
    "received_yesterday": _received_yesterday,
    "consulting": _consulting,
    "consulting_id": _consulting_id,
    "opinion_id": _opinion_id,
    "remedy_id": _remedy,
    "inquiry_id": _inquiry,
    "message_id": dead_message,
}

READ = Access(
    Can.READ_APPLICATIONS,
    Scope.UNIT,
    makes=("application_id", "inquiry_id"),
)

TODAY = days_from_today(0)


def handle(record: str, **options: Any) -> Access:
    """A handler's step on an application in the state `record` names."""
    return Access(
        Can.HANDLE_APPLICATIONS, Scope.UNIT, records={"application_id": record}, **options
    )


async def _registered(records: Records) -> dict[str, Any]:
    return {**applicant(), "channel": "in_person", "submitted_on": days_from_today(-1)}


TABLE = service_table(
    {
        "vocabulary-vocabulary": public(),
        # The applicant's side: no account, a tracking number and a query code.
        "applications-apply_online": Access(PUBLIC, body=applicant()),
        "applications-track": public(),
        "letters-public_letter": public(),
        "inquiries-ask_online": Access(PUBLIC, body=question()),
        "inquiries-read_answer": public(),
        "inquiries-rate": public(),
        # Reading files.
        "applications-inbox": READ,
        "applications-read": READ,
        "applications-history": READ,
        "applications-remedies": READ,
        "inquiries-list_inquiries": READ,
        "inquiries-read": READ,
        "inquiries-history": READ,
        # Handling them.
        # A handler registers for the units in reach; a window of the 政务服务中心 for any unit
        # (in person only), and may do nothing else here: every read above refuses it.
        "applications-register": Access(
            Can.REGISTER_APPLICATIONS,
            body=_registered,
            exceptions=(
                Refusal(
                    (
                        "application_handler@parent",
                        "application_handler@sibling",
                        "office@sibling",
                    ),
                    403,
                    "unit_forbidden",
                    "a handler registers for the units in reach; only the hall's windows "
                    "receive for every unit",
                ),
            ),
        ),
        "applications-confirm_receipt": handle("awaiting_receipt", body={"received_on": TODAY}),
        "applications-assign": handle("application_id", body={"handler": "zhouting"}),
        "applications-request_supplement": handle(
            "received_yesterday",
            body={
                "requested_on": TODAY,
                "request": "请明确所需信息的学年及学校名称",
                "due_on": days_from_today(15),
            },
        ),
        "applications-receive_supplement": handle(
            "awaiting_supplement", body={"received_on": TODAY}
        ),
        "applications-request_explanation": handle(
            "application_id",
            body={"requested_on": TODAY, "request": "一年内就同一事项提出申请三十余次"},
        ),
        "applications-receive_explanation": handle(
            "awaiting_explanation",
            body={"received_on": TODAY, "reasonable": True, "finding": "系课题研究需要"},
        ),
        "applications-ask_opinion": handle(
            "application_id", body={"kind": "agency", "party": "锦华区财政局", "asked_on": TODAY}
        ),
        "applications-record_opinion": handle(
            "consulting_id", body={"answered_on": TODAY, "answer": "同意公开"}
        ),
        "applications-extend": handle(
            "application_id",
            body={
                "working_days": 10,
                "approved_by": "王局长",
                "reason": "需要调取历年档案",
                "notified_on": TODAY,
            },
        ),
        "applications-notify_fee": handle(
            "application_id",
            body={"fee_fen": 10_000, "notified_on": TODAY, "due_on": days_from_today(15)},
        ),
        "applications-fee_paid": handle("awaiting_fee", body={"paid_on": TODAY}),
        "applications-decide": handle("application_id", body={"outcome": "disclosed"}),
        "applications-reply": handle("decided", body={"replied_on": TODAY}),
        "applications-add_remedy": handle(
            "application_id", body={"kind": "reconsideration", "filed_on": TODAY}
        ),
        "applications-update_remedy": Access(
            Can.HANDLE_APPLICATIONS,
            Scope.UNIT,
            body={"result": "upheld", "decided_on": TODAY},
        ),
        "applications-letter": handle("decided"),
        "letters-letter_docx": handle("decided"),
        "letters-letter_pdf": handle("decided"),
        "inquiries-register": Access(
            Can.HANDLE_APPLICATIONS,
            Scope.UNIT,
            body={**question(), "channel": "phone", "received_on": TODAY},
        ),
        "inquiries-answer": Access(
            Can.HANDLE_APPLICATIONS,
            Scope.UNIT,
            body={"answer": "请携带户口簿和房产证明到学校报名。", "answered_on": TODAY},
        ),
        # Figures of a unit's year: for any of its staff (and those above).
        "stats-application_figures": Access(Can.WORK_IN_CONSOLE, Scope.UNIT),
        "stats-application_period_figures": Access(
            Can.WORK_IN_CONSOLE,
            Scope.UNIT,
            query={"date_from": "2026-01-01", "date_to": "2026-01-31"},
        ),
        # 工作台概览: applications due soon and overdue, unit by unit, for inbox readers.
        "overview-applications_overview": Access(Can.READ_APPLICATIONS, Scope.UNIT),
        # Every unit's due dates, after the district's calendar changed.
        "applications-recompute": Access(Can.MANAGE_CALENDAR, Scope.TOP),
    },
    makers=MAKERS,
)
