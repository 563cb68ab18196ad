"""The machine codes this service answers with (the codes every component shares, such as
`role_forbidden` and `unit_forbidden`, are in `sunshine_kit.errors`).

They are part of the API: the SPA and the tests read them, so a code is never renamed.
"""

from __future__ import annotations

# Applications (依申请公开)
APPLICATION_NOT_FOUND = "application_not_found"
OPINION_NOT_FOUND = "opinion_not_found"
REMEDY_NOT_FOUND = "remedy_not_found"
# A step refused for where the application stands (409).
APPLICATION_CLOSED = "application_closed"
NOT_RECEIVED = "not_received"
ALREADY_RECEIVED = "already_received"
SUPPLEMENT_ALREADY_REQUESTED = "supplement_already_requested"
SUPPLEMENT_NOTICE_LATE = "supplement_notice_late"
REPLY_PERIOD_OVER = "reply_period_over"
NOT_AWAITING_SUPPLEMENT = "not_awaiting_supplement"
AWAITING_SUPPLEMENT = "awaiting_supplement"
OPINION_ANSWERED = "opinion_answered"
ALREADY_EXTENDED = "already_extended"
FEE_ALREADY_NOTIFIED = "fee_already_notified"
NOT_AWAITING_FEE = "not_awaiting_fee"
EXPLANATION_ALREADY_REQUESTED = "explanation_already_requested"
NOT_AWAITING_EXPLANATION = "not_awaiting_explanation"
EXPLANATION_LAPSED = "explanation_lapsed"
NOT_READY = "not_ready"
CONSULTING = "consulting"
NOT_DECIDED = "not_decided"
# The reply letter (答复告知书)
APPLICATION_NOT_DECIDED = "application_not_decided"
APPLICATION_NOT_CLOSED = "application_not_closed"

# Consultations and messages (咨询、留言)
INQUIRY_NOT_FOUND = "inquiry_not_found"
INQUIRY_ANSWERED = "inquiry_answered"
NOT_ANSWERED = "not_answered"
ALREADY_RATED = "already_rated"
