"""The annual report's error codes: what a client may test `error.code` against."""

from __future__ import annotations

REPORT_NOT_FOUND = "annual_report_not_found"
REPORT_EXISTS = "annual_report_exists"
YEAR_NOT_OVER = "annual_report_year_not_started"
NOT_A_DRAFT = "annual_report_not_draft"
NOT_FINALISED = "annual_report_not_finalised"
ALREADY_PUBLISHED = "annual_report_published"
FIGURES_MISSING = "annual_report_figures_missing"
INVARIANTS_VIOLATED = "annual_report_invariants_violated"
NO_SNAPSHOT = "annual_report_no_snapshot"
