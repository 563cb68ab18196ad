import { Card, Skeleton, Table, Typography } from "antd";
import type { ColumnType } from "antd/es/table";
import {
  useApplicationsOverview,
  useCatalogOverview,
  type UnitApplicationFigures,
  type UnitItemFigures,
} from "../../../api/queries/overview";
import { QueryError } from "../../../components/QueryError";
import { FigureLink } from "./FigureLink";

/** Where each figure leads: the list of that unit alone, filtered as the figure counts. */
export const listOf = {
  deadlines: (unitId: number, tab: "at_risk" | "late" | "interpretations") =>
    `/console/deadlines?unit=${unitId}&below=0&tab=${tab}`,
  applications: (unitId: number, urgency: "due_soon" | "overdue") =>
    `/console/applications?unit=${unitId}&urgency=${urgency}`,
};

function figureColumn<Row extends { unit_id: number; unit_name: string }>(
  title: string,
  key: keyof Row & string,
  to: (row: Row) => string,
  danger = false,
): ColumnType<Row> {
  return {
    title,
    dataIndex: key,
    align: "right",
    width: Math.max(96, title.length * 16 + 48),
    sorter: (a, b) => Number(a[key]) - Number(b[key]),
    sortDirections: ["descend", "ascend"],
    render: (value: number, row) => (
      <FigureLink value={value} to={to(row)} what={`${row.unit_name} ${title}`} danger={danger} />
    ),
  };
}

const unitColumn = {
  title: "单位",
  dataIndex: "unit_name",
  sorter: (a: { unit_name: string }, b: { unit_name: string }) => a.unit_name.localeCompare(b.unit_name, "zh-CN"),
};

function total<Row>(rows: Row[], key: keyof Row): number {
  return rows.reduce((sum, row) => sum + Number(row[key]), 0);
}

/** 信息发布期限, unit by unit: at risk, late, policies without 解读 (the catalog's figures). */
export function DeadlinesByUnit({ unitId }: { unitId: number }) {
  const overview = useCatalogOverview(unitId);
  const rows = overview.data?.units ?? [];
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>信息发布期限（按单位）</Typography.Title>}>
      {overview.isPending && <Skeleton active />}
      {overview.isError && <QueryError error={overview.error} onRetry={() => overview.refetch()} />}
      {overview.data && (
        <Table<UnitItemFigures>
          rowKey="unit_id"
          size="small"
          dataSource={rows}
          pagination={rows.length > 15 ? { pageSize: 15, showSizeChanger: false } : false}
          scroll={{ x: "max-content" }}
          columns={[
            unitColumn,
            figureColumn<UnitItemFigures>("即将到期", "at_risk", (r) => listOf.deadlines(r.unit_id, "at_risk")),
            figureColumn<UnitItemFigures>("已逾期", "late", (r) => listOf.deadlines(r.unit_id, "late"), true),
            figureColumn<UnitItemFigures>("政策解读缺失", "missing_interpretations", (r) =>
              listOf.deadlines(r.unit_id, "interpretations"),
            ),
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">{total(rows, "at_risk")}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{total(rows, "late")}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">{total(rows, "missing_interpretations")}</Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      )}
    </Card>
  );
}

/** 依申请公开期限, unit by unit: due within 5 working days, overdue (the inbox's figures). */
export function ApplicationsByUnit({ unitId }: { unitId: number }) {
  const overview = useApplicationsOverview(unitId);
  const rows = overview.data?.units ?? [];
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>依申请公开期限（按单位）</Typography.Title>}>
      {overview.isPending && <Skeleton active />}
      {overview.isError && <QueryError error={overview.error} onRetry={() => overview.refetch()} />}
      {overview.data && (
        <Table<UnitApplicationFigures>
          rowKey="unit_id"
          size="small"
          dataSource={rows}
          pagination={rows.length > 15 ? { pageSize: 15, showSizeChanger: false } : false}
          scroll={{ x: "max-content" }}
          columns={[
            unitColumn,
            figureColumn<UnitApplicationFigures>("临近期限", "due_soon", (r) => listOf.applications(r.unit_id, "due_soon")),
            figureColumn<UnitApplicationFigures>(
              "已逾期",
              "overdue",
              (r) => listOf.applications(r.unit_id, "overdue"),
              true,
            ),
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">{total(rows, "due_soon")}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{total(rows, "overdue")}</Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      )}
    </Card>
  );
}
