// 电子监察: the supervisors' live dashboard — the yellow and red cases, alerts as the sweep raises
// them (live), their handling, and the month's on-time, early and on-the-spot rates by unit,
// window or clerk. On time means completed by the promised date (承诺办结日).
import {
  App,
  Badge,
  Button,
  Card,
  Col,
  DatePicker,
  Input,
  List,
  Modal,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useCases, type CaseRow } from "../../../api/queries/hallCases";
import {
  useAlerts,
  useHandleAlert,
  useLiveAlerts,
  useRates,
  useSupervisionSummary,
  type Alert,
  type RatesBy,
} from "../../../api/queries/hallSupervision";
import { PagedTable } from "../../../components/PagedTable";
import { QueryError } from "../../../components/QueryError";
import { ScrollBox } from "../../../components/ScrollBox";
import { usePageTitle } from "../../../lib/usePageTitle";
import { warningLabel } from "../cases/labels";
import { PageHeading, SectionHeading } from "../Headings";
import { RatesChart } from "./RatesChart";

// Nothing completed, no rate: "—", never a 0 % that reads as every case late.
const percent = (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toFixed(1)}%`);

function WarningList({ level }: { level: "yellow" | "red" }) {
  const [page, setPage] = useState(1);
  const query = useCases({ page, size: 5, open: true, warning: level });
  const label = warningLabel(level);
  return (
    <Card
      size="small"
      title={
        <SectionHeading>
          <Tag color={label.color}>{label.text}</Tag>
        </SectionHeading>
      }
    >
      <PagedTable<CaseRow>
        size="small"
        query={query}
        page={page}
        pageSize={5}
        onPageChange={setPage}
        countUnit="件"
        label={`${label.text}办件`}
        rowKey="id"
        columns={[
          { title: "办件", dataIndex: "number", render: (n: string, r) => <Link to={`/console/hall/cases/${r.id}`}>{n}</Link> },
          { title: "事项", dataIndex: "item_name" },
          { title: "受理人", dataIndex: "clerk" },
          { title: "承诺办结", dataIndex: "promised_due_on" },
          { title: "法定办结", dataIndex: "legal_due_on" },
        ]}
      />
    </Card>
  );
}

function HandleDialog({ alert, onClose }: { alert: Alert | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [note, setNote] = useState("");
  const handle = useHandleAlert({
    onSuccess: () => {
      void message.success("已记录处理意见");
      setNote("");
      onClose();
    },
    onError: (error) => void message.error(error.message),
  });
  return (
    <Modal
      open={!!alert}
      title={`处理预警：${alert?.number ?? ""}`}
      okText="记录处理"
      onCancel={onClose}
      okButtonProps={{ disabled: note.trim().length < 2, loading: handle.isPending }}
      onOk={() => alert && handle.mutate({ alertId: alert.id, note })}
    >
      <Input.TextArea
        aria-label="处理意见"
        rows={3}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder="处理意见，如 已督办、已约谈窗口负责人"
      />
    </Modal>
  );
}

function Alerts() {
  const [unhandled, setUnhandled] = useState(true);
  const [page, setPage] = useState(1);
  const [handling, setHandling] = useState<Alert | null>(null);
  const query = useAlerts(unhandled, page);
  const live = useLiveAlerts();
  return (
    <Card
      size="small"
      title={
        <Space>
          <SectionHeading>预警</SectionHeading>
          <Badge status={live.connected ? "processing" : "default"} text={live.connected ? "实时" : "连接中"} />
        </Space>
      }
      extra={
        <Segmented<string>
          aria-label="显示的预警"
          value={unhandled ? "open" : "all"}
          onChange={(v) => {
            setUnhandled(v === "open");
            setPage(1);
          }}
          options={[
            { value: "open", label: "未处理" },
            { value: "all", label: "全部" },
          ]}
        />
      }
    >
      {live.alerts.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>刚刚推送</Typography.Text>}
          dataSource={live.alerts}
          renderItem={(a) => (
            <List.Item key={`${a.alert_id}`}>
              <Tag color={warningLabel(a.level).color}>{warningLabel(a.level).text}</Tag>
              <Link to={`/console/hall/cases/${a.case_id}`}>{a.number}</Link> 承诺办结 {a.promised_due_on}，受理人 {a.clerk}
            </List.Item>
          )}
        />
      )}
      <PagedTable<Alert>
        size="small"
        query={query}
        page={page}
        pageSize={10}
        onPageChange={setPage}
        countUnit="条"
        label="预警列表"
        rowKey="id"
        columns={[
          { title: "级别", dataIndex: "level", render: (l: string) => <Tag color={warningLabel(l).color}>{warningLabel(l).text}</Tag> },
          { title: "办件", dataIndex: "number", render: (n: string, a) => <Link to={`/console/hall/cases/${a.case_id}`}>{n}</Link> },
          { title: "事项", dataIndex: "item_name" },
          { title: "受理人", dataIndex: "clerk" },
          { title: "承诺办结", dataIndex: "promised_due_on" },
          { title: "预警日期", dataIndex: "raised_on" },
          {
            title: "处理",
            key: "handling",
            render: (_: unknown, a) =>
              a.handled_at ? (
                <span>
                  {a.handled_by}：{a.note}
                </span>
              ) : (
                <Button size="small" onClick={() => setHandling(a)}>
                  处理
                </Button>
              ),
          },
        ]}
      />
      <HandleDialog alert={handling} onClose={() => setHandling(null)} />
    </Card>
  );
}

const BY_LABELS: Record<RatesBy, string> = { unit: "单位", window: "窗口", clerk: "受理人" };

function RatesCard() {
  const [month, setMonth] = useState(dayjs().format("YYYY-MM"));
  const [by, setBy] = useState<RatesBy>("unit");
  const query = useRates(month, by);
  return (
    <Card
      size="small"
      title={<SectionHeading>办结率（按时：不晚于承诺办结日）</SectionHeading>}
      extra={
        <Space wrap>
          <DatePicker
            aria-label="统计月份"
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format("YYYY-MM"))}
          />
          <Segmented<RatesBy>
            aria-label="统计口径"
            value={by}
            onChange={setBy}
            options={(Object.keys(BY_LABELS) as RatesBy[]).map((value) => ({ value, label: `按${BY_LABELS[value]}` }))}
          />
        </Space>
      }
    >
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <>
          {query.data && query.data.rows.length > 0 && <RatesChart rows={query.data.rows} />}
          <ScrollBox label="办结率表">
            <Table
              size="small"
              rowKey="key"
              loading={query.isPending}
              pagination={false}
              style={{ minWidth: 600 }}
              dataSource={query.data ? [...query.data.rows, query.data.total] : []}
              columns={[
                { title: BY_LABELS[by], dataIndex: "label" },
                { title: "办结", dataIndex: "completed" },
                { title: "按时办结", dataIndex: "on_time" },
                { title: "按时办结率", dataIndex: "on_time_rate", render: percent },
                { title: "提前办结率", dataIndex: "early_rate", render: percent },
                { title: "当场办结率", dataIndex: "on_the_spot_rate", render: percent },
              ]}
            />
          </ScrollBox>
        </>
      )}
    </Card>
  );
}

export function SupervisionPage() {
  const summary = useSupervisionSummary();
  usePageTitle("电子监察");
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Card title={<PageHeading>电子监察</PageHeading>}>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title="办理中" value={summary.data?.open_cases ?? "—"} />
          </Col>
          <Col xs={12} md={6}>
            {/* A dark gold: the bright one (#d4a017) is 2.2:1 on white. */}
            <Statistic title="黄牌预警" value={summary.data?.yellow ?? "—"} styles={{ content: { color: "#874d00" } }} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="红牌警告" value={summary.data?.red ?? "—"} styles={{ content: { color: "#cf1322" } }} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="未处理预警" value={summary.data?.unhandled_alerts ?? "—"} />
          </Col>
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <WarningList level="red" />
        </Col>
        <Col xs={24} xl={12}>
          <WarningList level="yellow" />
        </Col>
      </Row>
      <Alerts />
      <RatesCard />
    </Space>
  );
}
