import { Card, Space, Table, Tabs, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useDeadlines, useMissingInterpretations } from "../../../api/queries/catalog";
import { useLabels } from "../../../api/queries/vocabulary";
import type { components } from "../../../api/schema";
import { useCurrentUser } from "../../../auth/useAuth";
import { QueryError } from "../../../components/QueryError";
import { UnitTreeSelect } from "../../../components/UnitTreeSelect";
import { daysLeftColour, daysLeftText, STATUS_COLOURS, type ItemStatus } from "../../../lib/catalog";
import { canSee, reachesSubtree } from "../../../lib/navigation";
import { usePageTitle } from "../../../lib/usePageTitle";

type DeadlineRow = components["schemas"]["CatalogDeadlineRow"];
type MissingInterpretation = components["schemas"]["CatalogMissingInterpretation"];
type State = "at_risk" | "late";

const DEADLINES_PAGE_SIZE = 20;

function DeadlineTable({
  unitId,
  below,
  state,
  linkToEditor,
}: {
  unitId: number;
  below: boolean;
  state: State;
  linkToEditor: boolean;
}) {
  const [page, setPage] = useState(1);
  const rows = useDeadlines(unitId, { state, below, page, size: DEADLINES_PAGE_SIZE });
  const label = useLabels("catalog");
  if (rows.isError) return <QueryError error={rows.error} onRetry={() => rows.refetch()} />;
  // Paged by the service, soonest (or longest) due first: every row is reachable.
  return (
    <Table<DeadlineRow>
      rowKey="id"
      // On a phone the table scrolls in its own box, the page does not.
      scroll={{ x: 700 }}
      loading={rows.isPending}
      dataSource={rows.data?.items ?? []}
      pagination={{
        current: page,
        pageSize: DEADLINES_PAGE_SIZE,
        total: rows.data?.total ?? 0,
        hideOnSinglePage: true,
        showSizeChanger: false,
        showTotal: (total) => `共 ${total} 条`,
        onChange: setPage,
      }}
      locale={{ emptyText: state === "late" ? "没有逾期的信息" : "没有即将到期的信息" }}
      columns={[
        {
          title: "标题",
          dataIndex: "title",
          render: (title: string, row) =>
            linkToEditor ? <Link to={`/console/items/${row.id}`}>{title}</Link> : title,
        },
        { title: "索引号", dataIndex: "index_number", width: 220, responsive: ["xl"] },
        {
          title: "状态",
          dataIndex: "status",
          width: 90,
          render: (s: ItemStatus) => <Tag color={STATUS_COLOURS[s]}>{label("statuses", s)}</Tag>,
        },
        { title: "生成日期", dataIndex: "formed_on", width: 110 },
        {
          title: "发布期限",
          dataIndex: "due_on",
          width: 150,
          render: (due: string, row) => (
            <Space size={4}>
              {due}
              {row.due_provisional && <Tag>暂定</Tag>}
            </Space>
          ),
        },
        {
          title: "剩余工作日",
          dataIndex: "working_days_left",
          width: 150,
          render: (days: number, row) =>
            row.published_at ? (
              <Tag color="red">逾期发布于 {dayjs(row.published_at).format("YYYY-MM-DD")}</Tag>
            ) : (
              <Tag color={daysLeftColour(days)}>{daysLeftText(days)}</Tag>
            ),
        },
      ]}
    />
  );
}

const INTERPRETATIONS_PAGE_SIZE = 20;

function MissingInterpretations({ unitId, below }: { unitId: number; below: boolean }) {
  const [page, setPage] = useState(1);
  const rows = useMissingInterpretations(unitId, { below, page, size: INTERPRETATIONS_PAGE_SIZE });
  if (rows.isError) return <QueryError error={rows.error} onRetry={() => rows.refetch()} />;
  return (
    <>
      <Typography.Paragraph type="secondary">
        规章和行政规范性文件发布后，政策解读应在3个工作日内同步发布；尚未发布或迟发的解读列在这里，最新的在前。
      </Typography.Paragraph>
      <Table<MissingInterpretation>
        rowKey="id"
        scroll={{ x: 700 }}
        loading={rows.isPending}
        dataSource={rows.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: INTERPRETATIONS_PAGE_SIZE,
          total: rows.data?.total ?? 0,
          hideOnSinglePage: true,
          showSizeChanger: false,
          onChange: setPage,
        }}
        locale={{ emptyText: "没有缺少或迟发解读的政策文件" }}
        columns={[
          { title: "政策文件", dataIndex: "title", render: (title: string, row) => <Link to={`/items/${row.id}`}>{title}</Link> },
          { title: "索引号", dataIndex: "index_number", width: 220, responsive: ["xl"] },
          {
            title: "发布日期",
            dataIndex: "published_at",
            width: 110,
            render: (at: string) => dayjs(at).format("YYYY-MM-DD"),
          },
          { title: "解读应发布日期", dataIndex: "interpretation_due_on", width: 140 },
          {
            title: "解读",
            dataIndex: "interpretation_id",
            width: 150,
            render: (id: number | null, row) =>
              id == null ? (
                <Tag color="red">尚未发布</Tag>
              ) : (
                <Link to={`/items/${id}`}>{dayjs(row.interpretation_published_at).format("YYYY-MM-DD")} 迟发</Link>
              ),
          },
          {
            title: "逾期",
            dataIndex: "working_days_overdue",
            width: 150,
            render: (days: number) => <Tag color={daysLeftColour(-days)}>{daysLeftText(-days)}</Tag>,
          },
        ]}
      />
    </>
  );
}

/** 期限监督: items near or past the 20-working-day deadline, and policies without 解读. */
export function DeadlinesPage() {
  usePageTitle("期限监督");
  const user = useCurrentUser()!;
  const wide = reachesSubtree(user);
  // The unit, whether those below it count, and the tab are in the URL, so that a figure of
  // the overview (工作台概览) links to the list it counts: ?unit=3&below=0&tab=late.
  const [params, setParams] = useSearchParams();
  const chosen = Number(params.get("unit")) || undefined;
  const setChosen = (unit?: number) => {
    const next = new URLSearchParams(params);
    if (unit) next.set("unit", String(unit));
    else next.delete("unit");
    next.delete("below");
    setParams(next);
  };
  const tab = params.get("tab") ?? "at_risk";
  const unitId = chosen ?? user.unit_id;
  if (unitId === null) return <QueryError error={new Error("您的账号没有所属单位")} />;
  // The office and supervisors watch their whole subtree; a unit's own staff watch their unit.
  const below = wide && params.get("below") !== "0";
  const linkToEditor = canSee("/console/items", user);

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
          期限监督
        </Typography.Title>
      }
      extra={
        wide && (
          <UnitTreeSelect
            label="单位"
            within={user.unit_id}
            placeholder="本单位及下属单位"
            value={chosen}
            onChange={setChosen}
          />
        )
      }
    >
      <Typography.Paragraph type="secondary">
        依据《条例》第二十六条，主动公开的政府信息应自形成或变更之日起20个工作日内公开。
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          const next = new URLSearchParams(params);
          next.set("tab", key);
          setParams(next);
        }}
        items={[
          {
            key: "at_risk",
            label: "即将到期",
            children: (
              <DeadlineTable
                key={`${unitId}-${below}`}
                unitId={unitId}
                below={below}
                state="at_risk"
                linkToEditor={linkToEditor}
              />
            ),
          },
          {
            key: "late",
            label: "已逾期",
            children: (
              <DeadlineTable
                key={`${unitId}-${below}`}
                unitId={unitId}
                below={below}
                state="late"
                linkToEditor={linkToEditor}
              />
            ),
          },
          {
            key: "interpretations",
            label: "政策解读缺失",
            children: <MissingInterpretations key={`${unitId}-${below}`} unitId={unitId} below={below} />,
          },
        ]}
      />
    </Card>
  );
}
