import { PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Checkbox, Select, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { api, unwrap } from "../../api/client";
import { useUnits } from "../../api/queries";
import { hasAnyRole, useCurrentUser } from "../../auth/useAuth";
import {
  CHANNEL_LABELS,
  STATUS_COLOURS,
  STATUS_LABELS,
  urgencyColour,
  workingDaysText,
  type ApplicationStatus,
  type Channel,
  type InboxRow,
} from "../../lib/applications";
import { UnitPicker } from "../catalog/UnitPicker";
import { QueryError } from "../QueryError";
import { RegisterDialog } from "./RegisterDialog";

const PAGE_SIZE = 20;
const STATUSES = Object.entries(STATUS_LABELS).map(([value, label]) => ({
  value: value as ApplicationStatus,
  label,
}));
const URGENCIES = [
  { value: "due_soon", label: "5个工作日内到期" },
  { value: "overdue", label: "已逾期" },
] as const;
type UrgencyFilter = (typeof URGENCIES)[number]["value"];

/** 依申请公开办理: the applications in reach, soonest due first. */
export function InboxPage() {
  const user = useCurrentUser()!;
  const [params, setParams] = useSearchParams();
  const [registering, setRegistering] = useState(false);
  const status = STATUSES.find((s) => s.value === params.get("status"))?.value;
  const urgency = URGENCIES.find((u) => u.value === params.get("urgency"))?.value;
  const mine = params.get("mine") === "1";
  const closed = params.get("closed") === "1";
  const unitId = Number(params.get("unit")) || undefined;
  const page = Math.max(1, Number(params.get("page")) || 1);
  const canHandle = hasAnyRole(user, ["application_handler", "office"]);
  const wide = hasAnyRole(user, ["office", "supervisor"]);
  const units = useUnits();
  const unitName = useMemo(() => new Map(units.data?.map((u) => [u.id, u.name])), [units.data]);

  const inbox = useQuery({
    queryKey: ["applications", { status, urgency, mine, closed, unitId, page }],
    queryFn: () =>
      unwrap(
        api.GET("/api/applications/applications", {
          params: {
            query: {
              page,
              size: PAGE_SIZE,
              mine,
              include_closed: closed,
              ...(status ? { status } : {}),
              ...(urgency ? { urgency } : {}),
              ...(unitId ? { unit_id: unitId } : {}),
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });

  const change = (next: {
    status?: ApplicationStatus;
    urgency?: UrgencyFilter;
    mine?: boolean;
    closed?: boolean;
    unit?: number;
    page?: number;
  }) => {
    const merged = { status, urgency, mine, closed, unit: unitId, page: 1, ...next };
    const out = new URLSearchParams();
    if (merged.status) out.set("status", merged.status);
    if (merged.urgency) out.set("urgency", merged.urgency);
    if (merged.mine) out.set("mine", "1");
    if (merged.closed) out.set("closed", "1");
    if (merged.unit) out.set("unit", String(merged.unit));
    if (merged.page > 1) out.set("page", String(merged.page));
    setParams(out);
  };

  return (
    <Card
      title="依申请公开"
      extra={
        canHandle && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
            登记信函/传真/当面申请
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="状态"
          placeholder="全部未办结"
          allowClear
          style={{ width: 150 }}
          options={STATUSES}
          value={status}
          onChange={(next?: ApplicationStatus) => change({ status: next })}
        />
        <Select
          aria-label="期限"
          placeholder="全部期限"
          allowClear
          style={{ width: 170 }}
          options={[...URGENCIES]}
          value={urgency}
          onChange={(next?: UrgencyFilter) => change({ urgency: next })}
        />
        {wide && (
          <UnitPicker
            label="单位"
            within={user.unit_id}
            placeholder="本单位及下属单位"
            value={unitId}
            onChange={(unit) => change({ unit })}
          />
        )}
        <Checkbox checked={mine} onChange={(e) => change({ mine: e.target.checked })}>
          只看我经办的
        </Checkbox>
        <Checkbox checked={closed} onChange={(e) => change({ closed: e.target.checked })}>
          含已办结
        </Checkbox>
      </Space>
      {inbox.isError ? (
        <QueryError error={inbox.error} onRetry={() => inbox.refetch()} />
      ) : (
        <Table<InboxRow>
          rowKey="id"
          scroll={{ x: 1400 }}
          loading={inbox.isPending || inbox.isFetching}
          dataSource={inbox.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: inbox.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 件`,
            onChange: (next) => change({ page: next }),
          }}
          columns={[
            {
              title: "申请编号",
              dataIndex: "tracking_number",
              width: 150,
              render: (number: string, row) => <Link to={`/console/applications/${row.id}`}>{number}</Link>,
            },
            {
              title: "申请内容",
              dataIndex: "description",
              width: 320,
              ellipsis: true,
              render: (text: string, row) => (
                <>
                  <Typography.Text type="secondary">{row.applicant_name}：</Typography.Text>
                  {text}
                </>
              ),
            },
            ...(wide
              ? [{ title: "单位", dataIndex: "unit_id", width: 160, render: (id: number) => unitName.get(id) ?? id }]
              : []),
            { title: "渠道", dataIndex: "channel", width: 90, render: (c: Channel) => CHANNEL_LABELS[c] },
            {
              title: "状态",
              dataIndex: "status",
              width: 110,
              render: (s: ApplicationStatus) => <Tag color={STATUS_COLOURS[s]}>{STATUS_LABELS[s]}</Tag>,
            },
            { title: "经办人", dataIndex: "handler", width: 100, render: (h: string | null) => h ?? "未分配" },
            { title: "收到日期", dataIndex: "received_on", width: 110, render: (d: string | null) => d ?? "待确认" },
            {
              title: "答复期限",
              dataIndex: "reply_due_on",
              width: 140,
              render: (due: string | null, row) =>
                due ? (
                  <>
                    {due} {row.provisional && <Tag>暂定</Tag>}
                  </>
                ) : (
                  "—"
                ),
            },
            {
              title: "剩余",
              dataIndex: "working_days_left",
              width: 150,
              render: (left: number | null, row) =>
                row.status === "closed" ? (
                  "已办结"
                ) : left === null ? (
                  <Typography.Text type="secondary">不计时</Typography.Text>
                ) : (
                  <Tag color={urgencyColour(left)}>{workingDaysText(left)}</Tag>
                ),
            },
          ]}
        />
      )}
      <RegisterDialog open={registering} onClose={() => setRegistering(false)} unitId={user.unit_id} />
    </Card>
  );
}
