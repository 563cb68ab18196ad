// Test data shared by the catalogue pages' tests.
import type { StaffItem } from "../lib/catalog";

/** A submitted policy document of the bureau as the staff view gives it; `overrides` change it. */
export function staffItem(overrides: Partial<StaffItem>): StaffItem {
  return {
    id: 5,
    index_number: "11510100MB0000001X/2026-00005",
    title: "关于义务教育招生入学工作的通知",
    unit_id: 3,
    column_id: 9,
    document_number: "",
    document_type: "normative",
    formed_on: "2026-03-02",
    published_at: null,
    validity: "valid",
    status: "submitted",
    body_html: "<p>各学校：</p>",
    issuing_unit: "",
    topic: "教育",
    keywords: "",
    disclosure_attribute: "proactive",
    validity_changed_on: null,
    replaced_by_id: null,
    channels: ["website"],
    interprets_id: null,
    column_ids: [9],
    interpretation_ids: [],
    unit_name: "锦华区教育局",
    column_name: "教育",
    non_disclosure_reason: "",
    author: "publisher",
    reviewer: null,
    review_note: "",
    due_on: "2026-03-30",
    due_provisional: false,
    archive_on: null,
    source: "",
    created_at: "2026-03-02T01:00:00Z",
    updated_at: "2026-03-02T01:00:00Z",
    next_steps: [],
    ...overrides,
  };
}
