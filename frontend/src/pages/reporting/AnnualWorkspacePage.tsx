// 年度报告: the office's workspace for a unit's (or its region's) annual report — the tables as
// the national format draws them, missing figures and failed invariants where they are, sections
// 一, 五 and 六 edited, finalised, compared with its snapshot, exported and published — and the
// 31 January (Article 49) status of every unit. The report says what may happen next.
import {
  App,
  Alert,
  Button,
  Card,
  Empty,
  Input,
  Modal,
  Segmented,
  Select,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import {
  useAnnualDifferences,
  useAnnualReport,
  useAnnualReports,
  useAnnualStatus,
  useAnnualStep,
  useCreateAnnualReport,
  useEditSections,
  type AnnualReport,
  type AnnualStep,
  type ReportScope,
  type SectionsIn,
} from "../../api/queries/reporting";
import { useCurrentUser } from "../../auth/useAuth";
import { QueryError } from "../../components/QueryError";
import { ResponsiveTabs } from "../../components/ResponsiveTabs";
import { UnitTreeSelect } from "../../components/UnitTreeSelect";
import { formatDateTime, officeToday } from "../../lib/dates";
import { can } from "../../lib/navigation";
import { usePageTitle } from "../../lib/usePageTitle";
import { AnnualExports } from "./AnnualExports";
import { AnnualTablesView } from "./AnnualTablesView";
import { MISSING } from "./format";

const STATUS_COLOURS: Record<string, string> = { draft: "blue", finalised: "gold", published: "green" };
const STEP_DONE: Record<AnnualStep, string> = {
  regenerate: "已重新读取数字",
  finalise: "已定稿，数字已冻结",
  reopen: "已退回草稿",
  publish: "已提交发布到公开目录“年度报告”栏目",
};

type Section = "overview" | "problems" | "other_matters";

function sectionBody(field: Section, value: string): Pick<SectionsIn, Section> {
  return field === "overview" ? { overview: value } : field === "problems" ? { problems: value } : { other_matters: value };
}

function SectionEditor({
  report,
  field,
  title,
  editable,
}: {
  report: AnnualReport;
  field: Section;
  title: string;
  editable: boolean;
}) {
  const { message } = App.useApp();
  const [text, setText] = useState<string | null>(null);
  const edit = useEditSections(report.id, {
    onSuccess: () => {
      void message.success(`${title}已保存`);
      setText(null);
    },
    onError: (error) => void message.error(error.message),
  });
  const value = text ?? report.sections[field];
  const save = (body: SectionsIn) => edit.mutate(body);
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Input.TextArea
        aria-label={title}
        value={value}
        readOnly={!editable}
        autoSize={{ minRows: 6, maxRows: 24 }}
        onChange={(event) => setText(event.target.value)}
      />
      {editable && (
        <Space>
          <Button type="primary" disabled={text === null} loading={edit.isPending} onClick={() => save({ ...sectionBody(field, value), redraft_overview: false })}>
            保存
          </Button>
          {field === "overview" && (
            <Button onClick={() => save({ redraft_overview: true })}>按当前数字重新起草</Button>
          )}
          {field === "overview" && !report.sections.overview_edited && (
            <Typography.Text type="secondary">未修改时，随数字重新读取而重新起草</Typography.Text>
          )}
        </Space>
      )}
    </Space>
  );
}

function Differences({ report, onClose }: { report: AnnualReport; onClose: () => void }) {
  const differences = useAnnualDifferences(report.id, true);
  return (
    <Modal title="与定稿快照比较" open onCancel={onClose} footer={null} width={900}>
      {differences.isPending && <Skeleton active />}
      {differences.isError && <QueryError error={differences.error} onRetry={() => differences.refetch()} />}
      {differences.data && (
        <Space orientation="vertical" style={{ width: "100%" }}>
          {differences.data.missing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={`现在无法读取：${differences.data.missing.map((m) => m.source_label).join("、")}`}
            />
          )}
          {differences.data.differences.length === 0 ? (
            <Empty description="当前数字与定稿快照一致" />
          ) : (
            <Table
              size="small"
              pagination={false}
              rowKey={(d) => `${d.table}:${d.row}:${d.column}`}
              dataSource={differences.data.differences}
              columns={[
                { title: "表", dataIndex: "table" },
                { title: "行", dataIndex: "row_label" },
                { title: "列", dataIndex: "column_label" },
                { title: "快照", dataIndex: "snapshot", render: (v) => v ?? MISSING },
                { title: "现在", dataIndex: "current", render: (v) => v ?? MISSING },
              ]}
            />
          )}
        </Space>
      )}
    </Modal>
  );
}

function ReportView({ reportId, mayPrepare }: { reportId: number; mayPrepare: boolean }) {
  const { message } = App.useApp();
  const report = useAnnualReport(reportId);
  const [comparing, setComparing] = useState(false);
  const step = useAnnualStep(reportId, {
    onSuccess: (_, done) => void message.success(STEP_DONE[done]),
    onError: (error) => void message.error(error.message),
  });
  if (report.isPending) return <Skeleton active />;
  if (report.isError) return <QueryError error={report.error} onRetry={() => report.refetch()} />;
  const r = report.data;
  const draft = r.status === "draft";
  const editable = mayPrepare && draft;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
          {r.title}
        </Typography.Title>
        <Tag color={STATUS_COLOURS[r.status]}>{r.status_label}</Tag>
        <Tag>{r.scope_label}</Tag>
        <Typography.Text type={r.late ? "danger" : "secondary"}>
          发布期限 {r.deadline}
          {r.late ? "（已逾期）" : ""}
        </Typography.Text>
        <Typography.Text type="secondary">
          {r.frozen ? "快照时间" : "数字读取于"} {formatDateTime(r.figures_read_at)}
        </Typography.Text>
      </Space>
      {r.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="部分数字缺失，报告不能定稿"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {r.missing.map((m) => (
                <li key={m.source}>
                  {m.source_label}（{m.reason}）：{m.figures.join("、")}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {r.problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title="以下单元格不符合格式的勾稽关系，报告不能定稿"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {r.problems.map((p) => (
                <li key={`${p.table}:${p.row}:${p.column}`}>
                  表{{ two: "二", three: "三", four: "四" }[p.table]} {p.row_label} · {p.column_label}：{p.reason}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Space wrap>
        {mayPrepare && draft && (
          <>
            <Button loading={step.isPending && step.variables === "regenerate"} onClick={() => step.mutate("regenerate")}>
              重新读取数字
            </Button>
            <Button type="primary" disabled={!r.can_finalise} onClick={() => step.mutate("finalise")}>
              定稿
            </Button>
          </>
        )}
        {mayPrepare && r.status === "finalised" && (
          <>
            <Button type="primary" onClick={() => step.mutate("publish")}>
              发布到公开目录
            </Button>
            <Button onClick={() => step.mutate("reopen")}>退回草稿</Button>
          </>
        )}
        {r.frozen && <Button onClick={() => setComparing(true)}>与当前数字比较</Button>}
        <AnnualExports report={r} />
      </Space>
      <ResponsiveTabs
        label="报告部分"
        parts={[
          {
            key: "overview",
            label: "一、总体情况",
            children: <SectionEditor report={r} field="overview" title="一、总体情况" editable={editable} />,
          },
          { key: "tables", label: "二至四、统计表", children: <AnnualTablesView report={r} /> },
          {
            key: "problems",
            label: "五、存在的主要问题及改进情况",
            children: (
              <SectionEditor report={r} field="problems" title="五、存在的主要问题及改进情况" editable={editable} />
            ),
          },
          {
            key: "other",
            label: "六、其他需要报告的事项",
            children: (
              <Space orientation="vertical" style={{ width: "100%" }}>
                <Typography.Text type="secondary">
                  本年收取信息处理费：{r.fees.wan_yuan === null ? MISSING : `${r.fees.wan_yuan} 万元`}
                </Typography.Text>
                <SectionEditor report={r} field="other_matters" title="六、其他需要报告的事项" editable={editable} />
              </Space>
            ),
          },
        ]}
      />
      {comparing && <Differences report={r} onClose={() => setComparing(false)} />}
    </Space>
  );
}

function DeadlineStatus({ year, unitId }: { year: number; unitId: number }) {
  const status = useAnnualStatus(year, unitId);
  if (status.isPending) return <Skeleton active />;
  if (status.isError) return <QueryError error={status.error} onRetry={() => status.refetch()} />;
  const s = status.data;
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Text type={s.overdue && s.unpublished ? "danger" : "secondary"}>
        {year}年度报告发布期限 {s.deadline}：尚未发布 {s.unpublished} 个单位，逾期 {s.late} 个单位
      </Typography.Text>
      <Table
        size="small"
        rowKey="unit_id"
        pagination={false}
        dataSource={s.units}
        columns={[
          { title: "单位", dataIndex: "unit_name" },
          {
            title: "状态",
            dataIndex: "status_label",
            render: (label: string, unit) => <Tag color={unit.status ? STATUS_COLOURS[unit.status] : "default"}>{label}</Tag>,
          },
          { title: "发布时间", dataIndex: "published_at", render: (at: string | null) => (at ? formatDateTime(at) : "—") },
          { title: "逾期", dataIndex: "late", render: (late: boolean) => (late ? <Tag color="red">逾期</Tag> : null) },
        ]}
      />
    </Space>
  );
}

export function AnnualWorkspacePage() {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const mayPrepare = can(user, "prepare_reports");
  const lastYear = officeToday().year() - 1;
  const [unitId, setUnitId] = useState<number | undefined>(user?.unit_id);
  const [year, setYear] = useState(lastYear);
  const [chosenScope, setScope] = useState<ReportScope>();
  const reports = useAnnualReports(year, unitId);
  const ofUnit = reports.data?.filter((r) => r.unit_id === unitId) ?? [];
  // Until the office chooses, the scope of the report the unit has (a government's is usually
  // its region's), else the unit's own.
  const only = ofUnit.length === 1 ? ofUnit[0] : undefined;
  const scope = chosenScope ?? only?.scope ?? "unit";
  const found = ofUnit.find((r) => r.scope === scope);
  const create = useCreateAnnualReport({
    onSuccess: () => void message.success("已编制草稿，数字已从各系统读取"),
    onError: (error) => void message.error(error.message),
  });
  const years = Array.from({ length: 6 }, (_, i) => lastYear + 1 - i);
  usePageTitle("年度报告");
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card>
        <Space wrap size="middle">
          <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
            政府信息公开工作年度报告
          </Typography.Title>
          <UnitTreeSelect label="报告单位" within={user?.unit_id} value={unitId} onChange={setUnitId} allowClear={false} />
          <Select
            aria-label="报告年度"
            value={year}
            onChange={setYear}
            style={{ width: 120 }}
            options={years.map((y) => ({ value: y, label: `${y}年度` }))}
          />
          <Segmented<ReportScope>
            aria-label="报告范围"
            value={scope}
            onChange={setScope}
            options={[
              { value: "unit", label: "本单位" },
              { value: "region", label: "本地区汇总" },
            ]}
          />
        </Space>
      </Card>
      <Tabs
        items={[
          {
            key: "report",
            label: "报告",
            children: (
              <Card>
                {reports.isPending && <Skeleton active />}
                {reports.isError && <QueryError error={reports.error} onRetry={() => reports.refetch()} />}
                {reports.data && !found && (
                  <Empty description={`${year}年度报告尚未编制`}>
                    {mayPrepare && unitId !== undefined && (
                      <Button
                        type="primary"
                        loading={create.isPending}
                        onClick={() => create.mutate({ unitId, year, scope })}
                      >
                        编制报告
                      </Button>
                    )}
                  </Empty>
                )}
                {found && <ReportView reportId={found.id} mayPrepare={mayPrepare} />}
              </Card>
            ),
          },
          {
            key: "status",
            label: "各单位发布情况",
            children: <Card>{unitId !== undefined && <DeadlineStatus year={year} unitId={unitId} />}</Card>,
          },
        ]}
      />
    </Space>
  );
}
