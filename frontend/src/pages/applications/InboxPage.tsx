import { PlusOutlined } from "@ant-design/icons";
import { Badge, Button, Card, Checkbox, Grid, Input, Select, Space, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useInbox } from "../../api/queries/applications";
import { useUnits } from "../../api/queries/units";
import { useApplicationsVocabulary, useLabels } from "../../api/queries/vocabulary";
import { useCurrentUser } from "../../auth/useAuth";
import { PagedTable } from "../../components/PagedTable";
import { UnitTreeSelect } from "../../components/UnitTreeSelect";
import {
  nextActionColour,
  STATUS_COLOURS,
  workingDaysText,
  type ApplicationStatus,
  type InboxRow,
  type Urgency,
} from "../../lib/applications";
import { can, reachesSubtree } from "../../lib/navigation";
import { usePageTitle } from "../../lib/usePageTitle";
import { knownValue, optionsOf } from "../../lib/vocabulary";
import { RegisterDialog } from "./components/RegisterDialog";

const PAGE_SIZE = 20;
// The inbox filters on these two (the API's urgency filter); their words are the service's.
const URGENCY_FILTERS: readonly Urgency[] = ["due_soon", "overdue"];
const TITLE = "依申请公开办理";

/** 下一步/期限: what the application waits for and by when, as the service orders the list. */
function NextStep({ row }: { row: InboxRow }) {
  const counting = row.next_action === "reply" && row.working_days_left !== null;
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text>{row.next_action_label}</Typography.Text>
      {counting ? (
        <span>
          <Tag color={nextActionColour(row.next_action, row.working_days_left)}>{workingDaysText(row.working_days_left)}</Tag>
          {row.provisional && <Tag>暂定</Tag>}
        </span>
      ) : (
        row.next_action !== "none" &&
        row.next_action !== "reply" && (
          <span>
            <Tag color={nextActionColour(row.next_action, null)}>
              {row.next_action === "confirm_receipt" ? "确认后起算" : "不计入答复期限"}
            </Tag>
          </span>
        )
      )}
    </Space>
  );
}

/** 依申请公开办理: the applications in reach, the next legal action first (the service's order). */
export function InboxPage() {
  usePageTitle(TITLE);
  const user = useCurrentUser()!;
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const [registering, setRegistering] = useState(false);
  const vocabulary = useApplicationsVocabulary();
  const label = useLabels("applications");
  const status = knownValue<ApplicationStatus>(vocabulary.data?.statuses, params.get("status"));
  const urgencies = optionsOf<Urgency>(vocabulary.data?.urgencies).filter((u) => URGENCY_FILTERS.includes(u.value));
  const urgency = knownValue<Urgency>(urgencies, params.get("urgency"));
  const mine = params.get("mine") === "1";
  const closed = params.get("closed") === "1";
  const q = params.get("q")?.trim() || undefined;
  // What is typed in the search box; searched (and put in the address) on Enter.
  const [term, setTerm] = useState(q ?? "");
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
    ...(q ? { q } : {}),
    ...(status ? { status } : {}),
    ...(urgency ? { urgency } : {}),
    ...(unitId ? { unit_id: unitId } : {}),
  });

  const change = (next: {
    status?: ApplicationStatus;
    urgency?: Urgency;
    mine?: boolean;
    closed?: boolean;
    q?: string;
    unit?: number;
    page?: number;
  }) => {
    const merged = { status, urgency, mine, closed, q, unit: unitId, page: 1, ...next };
    const out = new URLSearchParams();
    if (merged.q?.trim()) out.set("q", merged.q.trim());
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
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {TITLE}
        </Typography.Title>
      }
      extra={
        canHandle && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
            登记申请
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label="按申请编号或申请人查找"
          placeholder="申请编号或申请人姓名"
          allowClear
          enterButton="查找"
          maxLength={50}
          value={term}
          onChange={(e) => setTerm(e.target.value)}
          style={{ width: 300 }}
          onSearch={(value) => change({ q: value })}
        />
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
      <Typography.Paragraph type="secondary">
        待确认收到的网上申请排在最前（确认收到后才开始计算答复期限），其余按下一步的期限先后排列。
        {q && "查找结果包括已办结的申请。"}
      </Typography.Paragraph>
      <PagedTable<InboxRow>
        query={inbox}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={(next) => change({ page: next })}
        countUnit="件"
        rowKey="id"
        tableLayout="fixed"
        // Fits a desktop console without scrolling sideways; a phone scrolls the table in its box.
        scroll={screens.md ? undefined : { x: 760 }}
        columns={[
          {
            title: "申请编号",
            dataIndex: "tracking_number",
            width: 150,
            render: (number: string, row) => <Link to={`/console/applications/${row.id}`}>{number}</Link>,
          },
          {
            title: "申请人与内容",
            dataIndex: "description",
            ellipsis: { showTitle: false },
            render: (text: string, row) => (
              <span title={`${row.applicant_name}：${text}`}>
                <Typography.Text strong>{row.applicant_name}</Typography.Text>：{text}
              </span>
            ),
          },
          ...(wide
            ? [
                {
                  title: "单位",
                  dataIndex: "unit_id",
                  width: 150,
                  ellipsis: true,
                  render: (id: number) => unitName.get(id) ?? id,
                },
              ]
            : []),
          {
            title: "状态",
            dataIndex: "status",
            width: 120,
            render: (s: ApplicationStatus, row) => (
              <Space orientation="vertical" size={0}>
                <Tag color={STATUS_COLOURS[s]}>{label("statuses", s)}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {label("channels", row.channel)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: "下一步/期限",
            key: "next",
            width: 280,
            render: (_: unknown, row) => <NextStep row={row} />,
          },
        ]}
      />
      <RegisterDialog open={registering} onClose={() => setRegistering(false)} unitId={user.unit_id} />
    </Card>
  );
}
