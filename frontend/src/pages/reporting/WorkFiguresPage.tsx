// 工作数据: the figures a 工作总结 quotes for any period of a unit or its region — proactive
// disclosure, interpretations, applications and consultations, hall cases and rates — each beside
// the same period a year earlier, with charts. A source that could not be read shows 缺失.
import { Alert, Card, Col, DatePicker, Row, Skeleton, Space, Statistic, Switch, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { useWorkSummary, type SourceGap, type SummaryFigure, type WorkSummary } from "../../api/queries/reporting";
import { useCurrentUser } from "../../auth/useAuth";
import { QueryError } from "../../components/QueryError";
import { UnitTreeSelect } from "../../components/UnitTreeSelect";
import { officeToday } from "../../lib/dates";
import { usePageTitle } from "../../lib/usePageTitle";
import { Chart, pieOption, seriesOption } from "./Chart";
import { change, count, MISSING, percent } from "./format";

const RATE_KEYS = [
  "items_on_time_rate",
  "applications_on_time_rate",
  "consultations_satisfaction",
  "hall_on_time_rate",
  "hall_satisfaction_rate",
];

function FigureCard({ figure }: { figure: SummaryFigure }) {
  const rate = figure.unit === "%";
  const value = figure.current === null ? MISSING : rate ? percent(figure.current) : count(figure.current);
  const before = figure.previous === null ? MISSING : rate ? percent(figure.previous) : count(figure.previous);
  const up = (figure.change ?? 0) > 0;
  const down = (figure.change ?? 0) < 0;
  return (
    <Card size="small">
      <Statistic title={figure.label} value={value} suffix={figure.current !== null && !rate ? figure.unit : undefined} />
      <Typography.Text type="secondary">上年同期 {before}</Typography.Text>
      <br />
      <Typography.Text type={up ? "success" : down ? "danger" : "secondary"}>
        同比 {change(figure.change, figure.change_kind)}
      </Typography.Text>
    </Card>
  );
}

function Gaps({ title, gaps }: { title: string; gaps: SourceGap[] }) {
  if (!gaps.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={title}
      description={gaps.map((g) => `${g.source_label}暂不可用（${g.reason}）：${g.figures.join("、")}缺失`).join("；")}
    />
  );
}

function Charts({ summary }: { summary: WorkSummary }) {
  const items = useMemo(
    () =>
      seriesOption(
        summary.by_month.map((m) => m.month),
        [
        { name: "本期", data: summary.by_month.map((m) => m.items) },
          { name: "上年同期", data: summary.by_month.map((m) => m.items_previous) },
        ],
      ),
    [summary],
  );
  const casesAndApplications = useMemo(
    () =>
      seriesOption(
        summary.by_month.map((m) => m.month),
        [
        { name: "大厅受理", data: summary.by_month.map((m) => m.hall_accepted) },
        { name: "大厅受理（上年同期）", data: summary.by_month.map((m) => m.hall_accepted_previous), kind: "line" },
          { name: "新收申请", data: summary.by_month.map((m) => m.applications), kind: "line" },
        ],
      ),
    [summary],
  );
  const rates = useMemo(() => {
    const shown = summary.figures.filter((f) => RATE_KEYS.includes(f.key));
    const asPercent = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 100);
    return seriesOption(
      shown.map((f) => f.label),
      [
        { name: "本期", data: shown.map((f) => asPercent(f.current)) },
        { name: "上年同期", data: shown.map((f) => asPercent(f.previous)) },
      ],
      true,
    );
  }, [summary]);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card size="small" title={<CardHeading>主动公开信息（按月）</CardHeading>}>
          <Chart option={items} label="主动公开按月图表" />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={<CardHeading>大厅办件与依申请公开（按月）</CardHeading>}>
          <Chart option={casesAndApplications} label="办件与申请按月图表" />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={<CardHeading>各项比率</CardHeading>}>
          <Chart option={rates} label="比率图表" />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={<CardHeading>发布渠道</CardHeading>}>
          {summary.by_channel ? (
            <Chart option={pieOption("发布渠道", summary.by_channel)} label="发布渠道图表" />
          ) : (
            <Typography.Text type="warning">{MISSING}</Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title={<CardHeading>栏目（前十）</CardHeading>}>
          {summary.by_column ? (
            <Chart option={pieOption("栏目", summary.by_column.slice(0, 10))} label="栏目图表" />
          ) : (
            <Typography.Text type="warning">{MISSING}</Typography.Text>
          )}
        </Card>
      </Col>
    </Row>
  );
}

/** A chart's or a table's heading under the page's h1. */
function CardHeading({ children }: { children: string }) {
  return (
    <Typography.Title level={2} style={{ margin: 0, fontSize: 15 }}>
      {children}
    </Typography.Title>
  );
}

export function WorkFiguresPage() {
  const user = useCurrentUser();
  usePageTitle("工作数据");
  const today = officeToday();
  const [unitId, setUnitId] = useState<number | undefined>(user?.unit_id);
  const [range, setRange] = useState<[Dayjs, Dayjs]>([today.startOf("year"), today]);
  const [below, setBelow] = useState(true);
  const summary = useWorkSummary(
    unitId === undefined
      ? undefined
      : { unitId, dateFrom: range[0].format("YYYY-MM-DD"), dateTo: range[1].format("YYYY-MM-DD"), below },
  );
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card>
        <Space wrap size="middle">
          <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
            工作数据
          </Typography.Title>
          <UnitTreeSelect label="单位" within={user?.unit_id} value={unitId} onChange={setUnitId} allowClear={false} />
          <DatePicker.RangePicker
            aria-label="统计期间"
            allowClear={false}
            value={range}
            disabledDate={(day) => day.isAfter(dayjs(), "day")}
            onChange={(next) => next?.[0] && next[1] && setRange([next[0], next[1]])}
          />
          <Space>
            <Switch checked={below} onChange={setBelow} aria-label="包括下属单位" />
            包括下属单位
          </Space>
        </Space>
      </Card>
      {summary.isPending && <Skeleton active />}
      {summary.isError && <QueryError error={summary.error} onRetry={() => summary.refetch()} />}
      {summary.data && (
        <>
          <Typography.Text type="secondary">
            {summary.data.unit_name}
            {summary.data.include_subunits ? "（含下属单位）" : ""} {summary.data.date_from} 至 {summary.data.date_to}，
            上年同期 {summary.data.previous_from} 至 {summary.data.previous_to}
          </Typography.Text>
          <Gaps title="本期部分来源不可用" gaps={summary.data.missing} />
          <Gaps title="上年同期部分来源不可用" gaps={summary.data.missing_previous} />
          <Row gutter={[16, 16]}>
            {summary.data.figures.map((figure) => (
              <Col key={figure.key} xs={12} md={8} xl={6}>
                <FigureCard figure={figure} />
              </Col>
            ))}
          </Row>
          <Charts summary={summary.data} />
          {summary.data.by_unit.length > 0 && (
            <Card size="small" title={<CardHeading>各单位</CardHeading>}>
              <Table
                size="small"
                rowKey="unit_id"
                pagination={false}
                dataSource={summary.data.by_unit}
                columns={[
                  { title: "单位", dataIndex: "unit_name" },
                  { title: "主动公开", dataIndex: "items", align: "right", render: count },
                  { title: "新收申请", dataIndex: "applications", align: "right", render: count },
                  { title: "大厅受理", dataIndex: "hall_accepted", align: "right", render: count },
                ]}
              />
            </Card>
          )}
        </>
      )}
    </Space>
  );
}
