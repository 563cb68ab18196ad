"""The catalog service's error codes: what a client may test `error.code` against.

Codes every component answers with (role_forbidden, unit_forbidden, unit_not_found…) are the
kit's, in `sunshine_kit.errors`.
"""

from __future__ import annotations

# Information items and their workflow.
ITEM_NOT_FOUND = "item_not_found"
ITEM_NOT_EDITABLE = "item_not_editable"
ITEM_NOT_DELETABLE = "item_not_deletable"
ITEM_NOT_SUBMITTABLE = "item_not_submittable"
ITEM_NOT_SUBMITTED = "item_not_submitted"
ITEM_NOT_PUBLISHED = "item_not_published"
ITEM_NOT_PROACTIVE = "item_not_proactive"
REVIEWER_IS_AUTHOR = "reviewer_is_author"
POLICY_NOT_FOUND = "policy_not_found"

# Columns of the catalogue.
COLUMN_NOT_FOUND = "column_not_found"
COLUMN_HIDDEN = "column_hidden"
COLUMN_CLOSED = "column_closed"
COLUMN_CODE_TAKEN = "column_code_taken"
COLUMN_HAS_CHILDREN = "column_has_children"
PARENT_NOT_FOUND = "parent_not_found"
TEMPLATE_FORBIDDEN = "template_forbidden"

# Attachments, and the files refused on upload (attachments.scrub).
ATTACHMENT_NOT_FOUND = "attachment_not_found"
ATTACHMENT_FILE_MISSING = "attachment_file_missing"
FILE_MISSING = "file_missing"
UPLOAD_MALFORMED = "upload_malformed"
UPLOAD_INCOMPLETE = "upload_incomplete"
FILE_EMPTY = "file_empty"
FILE_DAMAGED = "file_damaged"
LEGACY_FORMAT = "legacy_format"
TYPE_NOT_ALLOWED = "type_not_allowed"
CONTENT_MISMATCH = "content_mismatch"
ENCRYPTED = "encrypted"
IMAGE_TOO_LARGE = "image_too_large"
MACROS = "macros"

# The change feed and search.
INVALID_CURSOR = "invalid_cursor"
QUERY_EMPTY = "query_empty"

# Proposals for proactive disclosure (Article 44).
PROPOSAL_NOT_FOUND = "proposal_not_found"
PROPOSAL_HANDLED = "proposal_handled"
