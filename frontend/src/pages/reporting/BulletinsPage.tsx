// 每月考评通报: a region's month — every unit's figures, score and rank — drawn up from the
// services, issued (frozen), exported and published into the catalogue. The office edits the
// weights; supervisors read. What may be done next is what the bulletin says (can_issue, status).
import { App, Alert, Button, Card, Empty, InputNumber, Modal, Select, Skeleton, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import {
  downloadBulletin,
  useBulletin,
  useBulletins,
  useDrawUpBulletin,
  useIssueBulletin,
  usePublishBulletin,
  useSetWeights,
  useWeights,
  type Bulletin,
  type BulletinFormat,
  type BulletinRow,
  type SourceGap,
  type Weights,
} from "../../api/queries/reporting";
import { useCurrentUser } from "../../auth/useAuth";
import { QueryError } from "../../components/QueryError";
import { UnitTreeSelect } from "../../components/UnitTreeSelect";
import { officeToday } from "../../lib/dates";
import { saveBlob } from "../../lib/download";
import { can } from "../../lib/navigation";
import { usePageTitle } from "../../lib/usePageTitle";
import { Chart, seriesOption } from "./Chart";
import { count, MISSING, pastMonths, percent } from "./format";

const WEIGHT_FIELDS: { key: keyof Weights; label: string; full: boolean }[] = [
  { key: "timeliness", label: "按时发布（满分）", full: true },
  { key: "volume", label: "发布数量（满分）", full: true },
  { key: "interpretation", label: "政策解读（满分）", full: true },
  { key: "interpretation_deduction", label: "每件未按时解读扣分", full: false },
  { key: "applications", label: "依申请公开办理（满分）", full: true },
  { key: "overdue_deduction", label: "每件逾期申请扣分", full: false },
  { key: "due_soon_deduction", label: "每件临近期限申请扣分", full: false },
  { key: "hall_on_time", label: "按时办结（满分）", full: true },
  { key: "satisfaction", label: "办事满意（满分）", full: true },
];

export function fullMarks(weights: Weights): number {
  return WEIGHT_FIELDS.filter((f) => f.full).reduce((sum, f) => sum + weights[f.key], 0);
}

function WeightsDialog({ unitId, open, onClose }: { unitId: number; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const weights = useWeights(unitId);
  const [draft, setDraft] = useState<Weights | null>(null);
  const shown = draft ?? weights.data ?? null;
  const save = useSetWeights({
    onSuccess: () => {
      void message.success("考评权重已保存，之后编制或重新读取的通报按新权重评分");
      setDraft(null);
      onClose();
    },
    onError: (error) => void message.error(error.message),
  });
  const total = shown ? fullMarks(shown) : 0;
  return (
    <Modal
      title="考评权重"
      open={open}
      onCancel={() => {
        setDraft(null);
        onClose();
      }}
      okText="保存"
      okButtonProps={{ disabled: !shown || total !== 100, loading: save.isPending }}
      onOk={() => shown && save.mutate({ unitId, weights: shown })}
    >
      {weights.isError && <QueryError error={weights.error} onRetry={() => weights.refetch()} />}
      {shown && (
        <Space orientation="vertical" style={{ width: "100%" }}>
          {weights.data?.default && <Typography.Text type="secondary">本单位尚未设置，以下为默认权重。</Typography.Text>}
          {WEIGHT_FIELDS.map((field) => (
            <Space key={field.key} style={{ display: "flex", justifyContent: "space-between" }}>
              <label htmlFor={`weight-${field.key}`}>{field.label}</label>
              <InputNumber
                id={`weight-${field.key}`}
                min={0}
                max={100}
                precision={0}
                value={shown[field.key]}
                onChange={(value) => setDraft({ ...shown, [field.key]: value ?? 0 })}
              />
            </Space>
          ))}
          <Typography.Text type={total === 100 ? "success" : "danger"}>各项满分合计 {total} 分（应为100分）</Typography.Text>
        </Space>
      )}
    </Modal>
  );
}

function MissingSources({ gaps }: { gaps: SourceGap[] }) {
  if (!gaps.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title="部分数字缺失，通报不能印发"
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {gaps.map((gap) => (
            <li key={gap.source}>
              {gap.source_label}暂不可用（{gap.reason}），以下数字缺失：{gap.figures.join("、")}
            </li>
          ))}
        </ul>
      }
    />
  );
}

const figure = (key: keyof BulletinRow["figures"], title: string) => ({
  title,
  key,
  align: "right" as const,
  render: (_: unknown, row: BulletinRow) => count(row.figures[key]),
});

const COLUMNS: ColumnsType<BulletinRow> = [
  { title: "名次", dataIndex: "rank", width: 64, render: (rank: number | null) => rank ?? "—" },
  { title: "单位", dataIndex: "unit_name" },
  {
    title: "主动公开",
    children: [
      figure("published", "发布信息"),
      figure("late", "超期发布"),
      figure("overdue_unpublished", "超期未发布"),
      {
        title: "按时发布率",
        key: "on_time_rate",
        align: "right",
        render: (_, row) => percent(row.on_time_rate, row.figures.published !== null),
      },
    ],
  },
  { title: "政策解读", children: [figure("policy_documents", "政策文件"), figure("interpretations_late", "未按时解读")] },
  {
    title: "依申请公开",
    children: [figure("applications_due_soon", "临近期限"), figure("applications_overdue", "逾期未答复")],
  },
  {
    title: "政务服务",
    children: [
      {
        title: "按时办结率",
        key: "hall_on_time_rate",
        align: "right",
        render: (_, row) => percent(row.hall_on_time_rate, row.figures.hall_completed !== null),
      },
      {
        title: "满意率",
        key: "hall_satisfaction_rate",
        align: "right",
        render: (_, row) => percent(row.hall_satisfaction_rate, row.figures.hall_rated !== null),
      },
    ],
  },
  {
    title: "得分",
    dataIndex: "score",
    align: "right",
    render: (score: number | null) => (score === null ? <Tag color="orange">{MISSING}</Tag> : score.toFixed(2)),
  },
];

function ScoreParts({ row }: { row: BulletinRow }) {
  return (
    <Space wrap>
      {row.parts.map((part) => (
        <Tag key={part.key}>
          {part.label}：{part.score === null ? MISSING : part.score.toFixed(2)} / {part.full}
        </Tag>
      ))}
    </Space>
  );
}

function BulletinView({ bulletin, mayPrepare }: { bulletin: Bulletin; mayPrepare: boolean }) {
  const { message } = App.useApp();
  const month = { unitId: bulletin.unit_id, year: bulletin.year, month: bulletin.month };
  const issue = useIssueBulletin({
    onSuccess: () => void message.success("考评通报已印发"),
    onError: (error) => void message.error(error.message),
  });
  const publish = usePublishBulletin({
    onSuccess: () => void message.success("已提交发布到公开目录“考评通报”栏目"),
    onError: (error) => void message.error(error.message),
  });
  const download = async (format: BulletinFormat) => {
    try {
      saveBlob(await downloadBulletin(month, format), `${bulletin.title}.${format}`);
    } catch (error) {
      void message.error((error as Error).message);
    }
  };
  const option = useMemo(
    () =>
      seriesOption(
        bulletin.rows.map((r) => r.unit_name),
        [{ name: "得分", data: bulletin.rows.map((r) => r.score) }],
      ),
    [bulletin.rows],
  );
  const issued = bulletin.status === "issued";
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
          {bulletin.title}
        </Typography.Title>
        <Tag color={issued ? "green" : "blue"}>{bulletin.status_label}</Tag>
        {bulletin.published_at && <Tag color="purple">已发布</Tag>}
      </Space>
      <MissingSources gaps={bulletin.missing_sources} />
      <Space wrap>
        {mayPrepare && !issued && (
          <Button type="primary" disabled={!bulletin.can_issue} loading={issue.isPending} onClick={() => issue.mutate(month)}>
            印发
          </Button>
        )}
        {mayPrepare && issued && !bulletin.published_at && (
          <Button loading={publish.isPending} onClick={() => publish.mutate(month)}>
            发布到公开目录
          </Button>
        )}
        <Button onClick={() => void download("xlsx")}>导出 Excel</Button>
        <Button onClick={() => void download("docx")}>导出 Word</Button>
      </Space>
      <Table<BulletinRow>
        bordered
        size="small"
        rowKey="unit_id"
        pagination={false}
        columns={COLUMNS}
        dataSource={bulletin.rows}
        expandable={{
          columnTitle: <span className="sr-only">详情</span>,
          expandedRowRender: (row) => <ScoreParts row={row} />,
        }}
        scroll={{ x: 1100 }}
      />
      <Card
        size="small"
        title={
          <Typography.Title level={3} style={{ margin: 0, fontSize: 15 }}>
            得分
          </Typography.Title>
        }
      >
        <Chart option={option} label="各单位得分图表" />
      </Card>
      <Typography.Text type="secondary">
        评分：按时发布{bulletin.weights.timeliness}分、发布数量{bulletin.weights.volume}分、政策解读
        {bulletin.weights.interpretation}分、依申请公开办理{bulletin.weights.applications}分、按时办结
        {bulletin.weights.hall_on_time}分、办事满意{bulletin.weights.satisfaction}分。
        {issued ? "已印发，数字与权重不再变化。" : "草稿：可重新读取数字。"}
      </Typography.Text>
    </Space>
  );
}

export function BulletinsPage() {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const mayPrepare = can(user, "prepare_reports");
  const months = useMemo(() => {
    const today = officeToday();
    return pastMonths({ year: today.year(), month: today.month() + 1 });
  }, []);
  const [unitId, setUnitId] = useState<number | undefined>(user?.unit_id);
  const [[year, month], setMonth] = useState<[number, number]>(months[0]);
  const [weightsOpen, setWeightsOpen] = useState(false);
  const listed = useBulletins(unitId);
  const bulletin = useBulletin(unitId, year, month);
  const drawUp = useDrawUpBulletin({
    onSuccess: (drawn) =>
      void message.success(drawn.missing_sources.length ? "已编制，部分数字缺失" : "已按最新数字编制"),
    onError: (error) => void message.error(error.message),
  });
  const statusOf = new Map((listed.data ?? []).map((b) => [`${b.year}-${b.month}`, b.status_label]));
  usePageTitle("考评通报");

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card>
        <Space wrap size="middle">
          <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
            每月考评通报
          </Typography.Title>
          <UnitTreeSelect label="通报单位" within={user?.unit_id} value={unitId} onChange={setUnitId} allowClear={false} />
          <Select
            aria-label="月份"
            style={{ width: 200 }}
            value={`${year}-${month}`}
            onChange={(value: string) => setMonth(value.split("-").map(Number) as [number, number])}
            options={months.map(([y, m]) => ({
              value: `${y}-${m}`,
              label: `${y}年${m}月${statusOf.has(`${y}-${m}`) ? `（${statusOf.get(`${y}-${m}`)}）` : ""}`,
            }))}
          />
          {mayPrepare && unitId !== undefined && (
            <>
              <Button
                type="primary"
                loading={drawUp.isPending}
                disabled={bulletin.data?.status === "issued"}
                onClick={() => drawUp.mutate({ unitId, year, month })}
              >
                {bulletin.data ? "重新读取数字" : "编制通报"}
              </Button>
              <Button onClick={() => setWeightsOpen(true)}>考评权重</Button>
            </>
          )}
        </Space>
      </Card>
      <Card>
        {bulletin.isPending && <Skeleton active />}
        {bulletin.isError && <QueryError error={bulletin.error} onRetry={() => bulletin.refetch()} />}
        {bulletin.data === null && <Empty description={`${year}年${month}月的考评通报尚未编制`} />}
        {bulletin.data && <BulletinView bulletin={bulletin.data} mayPrepare={mayPrepare} />}
      </Card>
      {unitId !== undefined && (
        <WeightsDialog unitId={unitId} open={weightsOpen} onClose={() => setWeightsOpen(false)} />
      )}
    </Space>
  );
}
