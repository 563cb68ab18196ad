import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Grid, Select, Space, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useInquiries, type Inquiry } from "../../../api/queries/inquiries";
import { useUnits } from "../../../api/queries/units";
import { useApplicationsVocabulary } from "../../../api/queries/vocabulary";
import type { components } from "../../../api/schema";
import { useCurrentUser } from "../../../auth/useAuth";
import { PagedTable } from "../../../components/PagedTable";
import { UnitTreeSelect } from "../../../components/UnitTreeSelect";
import { can, reachesSubtree } from "../../../lib/navigation";
import { usePageTitle } from "../../../lib/usePageTitle";
import { knownValue, labelOf, optionsOf } from "../../../lib/vocabulary";
import { InquiryState } from "./InquiryState";
import { RegisterInquiryDialog } from "./RegisterInquiryDialog";

type State = components["schemas"]["ApplicationsInquiryState"];

const PAGE_SIZE = 20;
const TITLE = "咨询与留言办理";

/** 咨询与留言办理: the inquiries of the caller's units, unanswered first and soonest due first
 * (the service's order), with their due dates and overdue marks as the service gives them. */
export function InquiriesPage() {
  usePageTitle(TITLE);
  const user = useCurrentUser()!;
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const vocabulary = useApplicationsVocabulary();
  const words = vocabulary.data?.inquiries;
  const state = knownValue<State>(words?.states, params.get("state"));
  const unitId = Number(params.get("unit")) || undefined;
  const page = Math.max(1, Number(params.get("page")) || 1);
  const wide = reachesSubtree(user);
  const [registering, setRegistering] = useState(false);
  const units = useUnits();
  const unitName = useMemo(() => new Map(units.data?.map((u) => [u.id, u.name])), [units.data]);

  const inquiries = useInquiries({
    page,
    size: PAGE_SIZE,
    ...(state ? { state } : {}),
    ...(unitId ? { unit_id: unitId } : {}),
  });

  const change = (next: { state?: State; unit?: number; page?: number }) => {
    const merged = { state, unit: unitId, page: 1, ...next };
    const out = new URLSearchParams();
    if (merged.state) out.set("state", merged.state);
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
        can(user, "handle_applications") && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
            登记咨询
          </Button>
        )
      }
    >
      <RegisterInquiryDialog
        open={registering}
        onClose={() => setRegistering(false)}
        unitId={user.unit_id}
        reachesBelow={wide}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="答复状态"
          placeholder="全部"
          allowClear
          style={{ width: 160 }}
          options={optionsOf<State>(words?.states)}
          value={state}
          onChange={(next?: State) => change({ state: next })}
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
      </Space>
      <Typography.Paragraph type="secondary">
        未答复的排在前面，按答复期限先后排列；答复期限按工作日计算。提问人的联系方式只对可以答复的人员显示。
      </Typography.Paragraph>
      <PagedTable<Inquiry>
        query={inquiries}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={(next) => change({ page: next })}
        countUnit="件"
        rowKey="id"
        tableLayout="fixed"
        // Fits a desktop console without scrolling sideways; a phone scrolls the table in its box.
        scroll={screens.md ? undefined : { x: 760 }}
        columns={[
          { title: "编号", dataIndex: "id", width: 64 },
          {
            title: "标题",
            dataIndex: "subject",
            ellipsis: true,
            render: (subject: string, row) => <Link to={`/console/inquiries/${row.id}`}>{subject}</Link>,
          },
          { title: "类别", dataIndex: "kind_label", width: 100 },
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
          { title: "提问人", dataIndex: "asker_name", width: 80, ellipsis: true },
          { title: "收到日期", dataIndex: "received_on", width: 104 },
          {
            title: "答复期限",
            dataIndex: "answer_due_on",
            width: 130,
            render: (due: string, row) => (
              <span>
                {due} {row.due_provisional && <Tag>暂定</Tag>}
              </span>
            ),
          },
          {
            title: "状态",
            key: "state",
            width: 140,
            render: (_: unknown, row) => <InquiryState inquiry={row} states={words?.states} />,
          },
          {
            title: "满意度",
            dataIndex: "satisfaction",
            width: 80,
            render: (value: string | null) => (value ? labelOf(words?.satisfaction, value) : "—"),
          },
        ]}
      />
    </Card>
  );
}
