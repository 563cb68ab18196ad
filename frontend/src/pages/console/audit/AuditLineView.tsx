import { Button, Descriptions, Space, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import type { AuditChange, AuditLine, AuditSource } from "../../../api/queries/audit";
import { formatDateTime } from "../../../lib/dates";
import { isLong, shortened, textDiff } from "./diff";

const REMOVED = { background: "#fff1f0", color: "#a8071a" };
const ADDED = { background: "#f6ffed", color: "#135200", textDecoration: "none" };

/** One field's old → new; a long text as what changed in it. Screen readers hear 删除/新增. */
export function ChangeValue({ change }: { change: AuditChange }) {
  const { before, after } = change;
  if (!before) return <span>{shortened(after)}</span>;
  if (!after) return <del style={REMOVED}>{shortened(before)}</del>;
  if (!isLong(before, after)) {
    return (
      <span>
        <del style={REMOVED} aria-label={`原为 ${before}`}>
          {before}
        </del>
        {" → "}
        <ins style={ADDED} aria-label={`改为 ${after}`}>
          {after}
        </ins>
      </span>
    );
  }
  return (
    <span>
      {textDiff(before, after).map((segment, index) => {
        switch (segment.kind) {
          case "gap":
            return <span key={index}>…</span>;
          case "same":
            return <span key={index}>{segment.text}</span>;
          case "removed":
            return (
              <del key={index} style={REMOVED} aria-label={`删除 ${segment.text}`}>
                {segment.text}
              </del>
            );
          case "added":
            return (
              <ins key={index} style={ADDED} aria-label={`新增 ${segment.text}`}>
                {segment.text}
              </ins>
            );
        }
      })}
    </span>
  );
}

// The console's page of a record, where it has one (the SPA's routes: the services know none).
const RECORD_PAGES: Partial<Record<AuditSource, Record<string, (id: string) => string>>> = {
  catalog: { item: (id) => `/console/items/${id}` },
  applications: { application: (id) => `/console/applications/${id}` },
  hall: { hall_case: (id) => `/console/hall/cases/${id}` },
};
/** A new record lists every field it was created with: the first few, the rest on request. */
const FIRST_CHANGES = 6;

/** An audit entry as the log reads: the sentence, when and where, and what changed. */
export function AuditLineView({ line, source }: { line: AuditLine; source: AuditSource }) {
  const [all, setAll] = useState(false);
  const page = RECORD_PAGES[source]?.[line.entity_type];
  const changes = all ? line.changes : line.changes.slice(0, FIRST_CHANGES);
  const hidden = line.changes.length - changes.length;
  return (
    <Space orientation="vertical" size={4} style={{ width: "100%" }}>
      <Typography.Text strong>{line.sentence}</Typography.Text>
      <Typography.Text type="secondary">
        {formatDateTime(line.at)}
        {line.actor_unit_name ? ` · ${line.actor_unit_name}` : ""}
        {/* A component or the public has no login of staff to show. */}
        {line.actor_unit_id !== null ? ` · 登录名 ${line.actor} · ` : " · "}
        {page ? (
          // Underlined: in grey text a link must not be told by its colour alone (axe: link-in-text-block).
          <Link to={page(line.entity_id)} style={{ textDecoration: "underline" }}>
            {`${line.entity_label}编号 ${line.entity_id}`}
          </Link>
        ) : (
          `${line.entity_label}编号 ${line.entity_id}`
        )}
      </Typography.Text>
      {changes.length > 0 && (
        <Descriptions
          size="small"
          column={1}
          bordered
          styles={{ label: { width: 140 } }}
          items={changes.map((change) => ({
            key: change.field,
            label: change.label,
            children: <ChangeValue change={change} />,
          }))}
        />
      )}
      {hidden > 0 && (
        <Button type="link" style={{ padding: 0 }} onClick={() => setAll(true)}>
          展开其余 {hidden} 项
        </Button>
      )}
    </Space>
  );
}
