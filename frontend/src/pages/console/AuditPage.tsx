import { Card, Form, Input, Select, Table, Typography } from "antd";
import { useState } from "react";
import { useAuditEntries, type AuditSource } from "../../api/queries/audit";
import type { components } from "../../api/schema";
import { QueryError } from "../../components/QueryError";
import { formatDateTime } from "../../lib/dates";
import { COMPONENT_LABELS } from "../../lib/labels";

type Entry = components["schemas"]["AuditEntryOut"];

// What each component records, in the words of its users.
const ENTITY_TYPES = {
  gateway: { unit: "单位", user: "账号", calendar_year: "节假日安排" },
  catalog: { column: "目录栏目", unit_column: "单位栏目设置", unit: "单位副本" },
} as const satisfies Record<AuditSource, unknown>;
type Source = keyof typeof ENTITY_TYPES;

function Change({ value }: { value: Record<string, unknown> | null }) {
  if (!value) return <>—</>;
  return (
    <Typography.Text code style={{ whiteSpace: "pre-wrap", fontSize: 12 }}>
      {JSON.stringify(value, null, 1)}
    </Typography.Text>
  );
}

/** 审计日志: who changed what and when; entries are append-only. */
export function AuditPage() {
  const [source, setSource] = useState<Source>("gateway");
  const [entityType, setEntityType] = useState<string>("unit");
  const [entityId, setEntityId] = useState("");
  const entries = useAuditEntries(source, { entity_type: entityType, entity_id: entityId || undefined, limit: 200 });

  return (
    <Card title="审计日志">
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label="系统">
          <Select<Source>
            value={source}
            style={{ width: 200 }}
            onChange={(next) => {
              setSource(next);
              setEntityType(Object.keys(ENTITY_TYPES[next])[0]!);
            }}
            options={(Object.keys(ENTITY_TYPES) as Source[]).map((s) => ({ value: s, label: COMPONENT_LABELS[s] }))}
          />
        </Form.Item>
        <Form.Item label="对象">
          <Select
            value={entityType}
            style={{ width: 160 }}
            onChange={setEntityType}
            options={Object.entries(ENTITY_TYPES[source]).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="编号">
          <Input.Search allowClear placeholder="全部" onSearch={setEntityId} style={{ width: 160 }} />
        </Form.Item>
      </Form>
      {entries.isError && <QueryError error={entries.error} onRetry={() => entries.refetch()} />}
      <Table<Entry>
        rowKey="id"
        size="small"
        loading={entries.isPending}
        dataSource={entries.data ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: "时间", dataIndex: "at", width: 170, render: (v: string) => formatDateTime(v) },
          { title: "操作人", dataIndex: "actor", width: 110 },
          { title: "操作", dataIndex: "action", width: 170 },
          { title: "对象编号", dataIndex: "entity_id", width: 90 },
          { title: "变更前", dataIndex: "before", render: (v: Entry["before"]) => <Change value={v} /> },
          { title: "变更后", dataIndex: "after", render: (v: Entry["after"]) => <Change value={v} /> },
          { title: "请求编号", dataIndex: "request_id", width: 120, ellipsis: true },
        ]}
      />
    </Card>
  );
}
