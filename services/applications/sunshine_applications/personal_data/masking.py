"""Who sees the personal data of applicants and askers (个人信息), and what the others see.

The rule, for every record of this service:
- Whoever handles the case sees it in full: an application's handler (经办人, the user named in
  `handler`), who has to call, write to and identify the applicant; an inquiry's answerer, who
  calls back — any answerer of its unit while it waits (inquiries are not assigned: whoever
  takes one up answers it), then only the one who answered.
- Every other member of staff who may read the record (the unit's staff, the 政务公开办 above
  it, the handlers of the unit who do not handle it) sees the name and organisation, which
  they need to know whom the case concerns, and the ID number, phone, e-mail and address
  masked: enough to tell two applicants apart, not to reach or impersonate them.
- The public views (tracking with the query code, the asker's page, the letter downloaded with
  the code) show no contact data in full: a query code passed on must not pass it on.

`views.sees_personal_data` and `inquiries.service.sees_contact` say who handles the case;
`mask_applicant` and `mask_contact` are what the others see.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sunshine_kit.personal_data import HIDDEN, mask_id, mask_phone


def mask_email(email: str) -> str:
    """c***@example.cn: the domain says how the reply goes, not to whom."""
    if not email:
        return email
    local, at, domain = email.partition("@")
    return f"{local[:1]}***@{domain}" if at else HIDDEN


def mask_address(address: str) -> str:
    """锦华区****: the first third (at most six characters) places it, the rest is hidden."""
    if not address:
        return address
    return address[: min(6, len(address) // 3)] + HIDDEN


def mask_contact(contact: str) -> str:
    """An asker's phone or e-mail, masked as either."""
    return mask_email(contact) if "@" in contact else mask_phone(contact)


APPLICANT_MASKS: dict[str, Callable[[str], str]] = {
    "id_number": mask_id,
    "phone": mask_phone,
    "email": mask_email,
    "address": mask_address,
}


def mask_applicant(fields: Mapping[str, Any]) -> dict[str, str]:
    """The applicant's personal fields among `fields`, masked (the others left out)."""
    return {key: mask(fields[key]) for key, mask in APPLICANT_MASKS.items() if key in fields}
