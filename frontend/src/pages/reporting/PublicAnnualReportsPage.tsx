// 政府信息公开工作年度报告 (public): every published annual report, by year and unit. Each is also an
// item of its unit's 年度报告 column in the catalogue, which the unit's catalogue page lists; the
// report itself reads here with its tables as the national format draws them.
import { Breadcrumb, Card, Empty, Grid, Select, Skeleton, Space, Table, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { useColumnTemplate } from "../../api/queries/catalog";
import { usePublishedAnnualReport, usePublishedAnnualReports, type AnnualReportSummary } from "../../api/queries/reporting";
import { QueryError } from "../../components/QueryError";
import { findColumn } from "../../lib/catalog";
import { formatDateTime, officeToday } from "../../lib/dates";
import { usePageTitle } from "../../lib/usePageTitle";
import { NotFoundPage } from "../NotFoundPage";
import { AnnualTablesView } from "./AnnualTablesView";

export const ANNUAL_REPORT_COLUMN = "X-ANNUAL-REPORT";
const ALL = 0;

export function PublicAnnualReportsPage() {
  const lastYear = officeToday().year() - 1;
  const [year, setYear] = useState(ALL);
  const reports = usePublishedAnnualReports(year === ALL ? undefined : year);
  const template = useColumnTemplate();
  const column = template.data ? findColumn(template.data, (c) => c.code === ANNUAL_REPORT_COLUMN) : undefined;
  const years = Array.from({ length: 8 }, (_, i) => lastYear - i);
  const phone = !Grid.useBreakpoint().md;
  usePageTitle("政府信息公开工作年度报告");
  const titleOf = (r: AnnualReportSummary) => `${r.unit_name}${r.year}年政府信息公开工作年度报告`;
  const inCatalogue = (r: AnnualReportSummary) =>
    column ? <Link to={`/units/${r.unit_id}?column=${column.id}`}>在公开目录中查看</Link> : null;
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Breadcrumb items={[{ title: <Link to="/">首页</Link> }, { title: "政府信息公开工作年度报告" }]} />
      <Card>
        <Typography.Title level={1} style={{ marginTop: 0, fontSize: phone ? 22 : 26 }}>
          政府信息公开工作年度报告
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          各行政机关于每年1月31日前公布本机关上一年度政府信息公开工作年度报告（《政府信息公开条例》第四十九条）。
        </Typography.Paragraph>
        <Select
          aria-label="报告年度"
          value={year}
          onChange={setYear}
          style={{ width: 160, marginBottom: 16 }}
          options={[{ value: ALL, label: "全部年度" }, ...years.map((y) => ({ value: y, label: `${y}年度` }))]}
        />
        {reports.isPending && <Skeleton active />}
        {reports.isError && <QueryError error={reports.error} onRetry={() => reports.refetch()} />}
        {reports.data && phone && reports.data.length === 0 && <Empty description="暂无已发布的年度报告" />}
        {reports.data && phone && (
          // On a phone each report is an entry of its own, not a row of five columns.
          <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
            {reports.data.map((r) => (
              <li key={r.id} style={{ padding: "12px 0", borderBottom: "1px solid #f0f0f0" }}>
                <Space orientation="vertical" size={2}>
                  <Link to={`/annual-reports/${r.id}`}>{titleOf(r)}</Link>
                  <Typography.Text type="secondary">
                    <span>{r.scope_label}</span> · 发布于 {formatDateTime(r.published_at)}
                  </Typography.Text>
                  {inCatalogue(r)}
                </Space>
              </li>
            ))}
          </ul>
        )}
        {reports.data && !phone && (
          <Table<AnnualReportSummary>
            size="middle"
            rowKey="id"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={reports.data}
            locale={{ emptyText: "暂无已发布的年度报告" }}
            columns={[
              { title: "年度", dataIndex: "year", width: 90, render: (y: number) => `${y}年度` },
              {
                title: "报告",
                key: "title",
                render: (_, r) => <Link to={`/annual-reports/${r.id}`}>{titleOf(r)}</Link>,
              },
              { title: "范围", dataIndex: "scope_label", width: 110 },
              { title: "发布时间", dataIndex: "published_at", width: 170, render: formatDateTime },
              { title: "公开目录", key: "catalogue", width: 150, render: (_, r) => inCatalogue(r) },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}

/** One published report, as the public reads it (its frozen figures). */
export function PublicAnnualReportPage() {
  const reportId = Number(useParams().reportId);
  const report = usePublishedAnnualReport(Number.isInteger(reportId) ? reportId : undefined);
  usePageTitle(report.data?.title ?? "年度报告");
  if (!Number.isInteger(reportId)) return <NotFoundPage />;
  if (report.isPending) return <Skeleton active />;
  if (report.isError) return <QueryError error={report.error} onRetry={() => report.refetch()} />;
  const r = report.data;
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Breadcrumb
        items={[
          { title: <Link to="/">首页</Link> },
          { title: <Link to="/annual-reports">政府信息公开工作年度报告</Link> },
          { title: r.unit_name },
        ]}
      />
      <Card>
        <Typography.Title level={1} style={{ marginTop: 0, textAlign: "center", fontSize: 24 }}>
          {r.title}
        </Typography.Title>
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          一、总体情况
        </Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{r.sections.overview}</Typography.Paragraph>
        <AnnualTablesView report={r} level={2} />
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          五、存在的主要问题及改进情况
        </Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{r.sections.problems}</Typography.Paragraph>
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          六、其他需要报告的事项
        </Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{r.sections.other_matters}</Typography.Paragraph>
      </Card>
    </Space>
  );
}
