import { PlusOutlined } from "@ant-design/icons";
import { Badge, Button, Card, Checkbox, Select, Space, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useInbox } from "../../api/queries/applications";
import { useUnits } from "../../api/queries/units";
import { useApplicationsVocabulary, useLabels } from "../../api/queries/vocabulary";
import { useCurrentUser } from "../../auth/useAuth";
import { PagedTable } from "../../components/PagedTable";
import { UnitTreeSelect } from "../../components/UnitTreeSelect";
import {
  STATUS_COLOURS,
  urgencyColour,
  workingDaysText,
  type ApplicationStatus,
  type Channel,
  type InboxRow,
  type Urgency,
} from "../../lib/applications";
import { can, reachesSubtree } from "../../lib/navigation";
import { knownValue, optionsOf } from "../../lib/vocabulary";
import { RegisterDialog } from "./components/RegisterDialog";

const PAGE_SIZE = 20;
// The inbox filters on these two (the API's urgency filter); their words are the service's.
const URGENCY_FILTERS: readonly Urgency[] = ["due_soon", "overdue"];

/** 依申请公开办理: the applications in reach, soonest due first. */
export function InboxPage() {
  const user = useCurrentUser()!;
  const [params, setParams] = useSearchParams();
  const [registering, setRegistering] = useState(false);
  const vocabulary = useApplicationsVocabulary();
  const label = useLabels("applications");
  const status = knownValue<ApplicationStatus>(vocabulary.data?.statuses, params.get("status"));
  const urgencies = optionsOf<Urgency>(vocabulary.data?.urgencies).filter((u) => URGENCY_FILTERS.includes(u.value));
  const urgency = knownValue<Urgency>(urgencies, params.get("urgency"));
  const mine = params.get("mine") === "1";
  const closed = params.get("closed") === "1";
  const unitId = Number(params.get("unit")) || undefined;
  const page = Math.max(1, Number(params.get("page")) || 1);
  const canHandle = can(user, "handle_applications");
  const wide = reachesSubtree(user);
  const units = useUnits();
  const unitName = useMemo(() => new Map(units.data?.map((u) => [u.id, u.name])), [units.data]);

  const inbox = useInbox({
    page,
    size: PAGE_SIZE,
    mine,
    include_closed: closed,
    ...(status ? { status } : {}),
    ...(urgency ? { urgency } : {}),
    ...(unitId ? { unit_id: unitId } : {}),
  });

  const change = (next: {
    status?: ApplicationStatus;
    urgency?: Urgency;
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
          options={optionsOf<ApplicationStatus>(vocabulary.data?.statuses)}
          value={status}
          onChange={(next?: ApplicationStatus) => change({ status: next })}
        />
        <Select
          aria-label="期限"
          placeholder="全部期限"
          allowClear
          style={{ width: 170 }}
          options={urgencies}
          value={urgency}
          onChange={(next?: Urgency) => change({ urgency: next })}
        />
        {wide && (
          <UnitTreeSelect
            label="单位"
            within={user.unit_id}
            placeholder="本单位及下属单位"
            value={unitId}
            onChange={(unit) => change({ unit })}
          />
        )}
        {/* Online applications start no clock until receipt is confirmed (条例第三十一条). */}
        <Badge count={inbox.data?.awaiting_receipt ?? 0} size="small">
          <Button
            aria-label="待确认收到"
            type={status === "awaiting_receipt" ? "primary" : "default"}
            onClick={() => change({ status: status === "awaiting_receipt" ? undefined : "awaiting_receipt" })}
          >
            待确认收到
          </Button>
        </Badge>
        <Checkbox checked={mine} onChange={(e) => change({ mine: e.target.checked })}>
          只看我经办的
        </Checkbox>
        <Checkbox checked={closed} onChange={(e) => change({ closed: e.target.checked })}>
          含已办结
        </Checkbox>
      </Space>
      <PagedTable<InboxRow>
        query={inbox}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={(next) => change({ page: next })}
        countUnit="件"
        rowKey="id"
        scroll={{ x: 1400 }}
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
          { title: "渠道", dataIndex: "channel", width: 90, render: (c: Channel) => label("channels", c) },
          {
            title: "状态",
            dataIndex: "status",
            width: 110,
            render: (s: ApplicationStatus) => <Tag color={STATUS_COLOURS[s]}>{label("statuses", s)}</Tag>,
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
              ) : row.status === "awaiting_receipt" ? (
                <Tag color="purple">待确认收到，确认后起算</Tag>
              ) : left === null ? (
                <Typography.Text type="secondary">不计时</Typography.Text>
              ) : (
                <Tag color={urgencyColour(left)}>{workingDaysText(left)}</Tag>
              ),
          },
        ]}
      />
      <RegisterDialog open={registering} onClose={() => setRegistering(false)} unitId={user.unit_id} />
    </Card>
  );
}
