import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { ApiError, formErrors } from "../../../api/errors";
import {
  downloadTemplate,
  useDecisions,
  useImportDecisions,
  useRegisterDecision,
  type DecisionIn,
  type DecisionOut,
  type ImportReport,
} from "../../../api/queries/hallEnforcement";
import { useCurrentUser } from "../../../auth/useAuth";
import { PagedTable } from "../../../components/PagedTable";
import { UnitTreeSelect } from "../../../components/UnitTreeSelect";
import { saveBlob } from "../../../lib/download";
import { usePageTitle } from "../../../lib/usePageTitle";
import { PageHeading } from "../Headings";

const KINDS = [
  { value: "penalty", label: "行政处罚" },
  { value: "coercion", label: "行政强制" },
];
const PARTIES = [
  { value: "legal_person", label: "法人或其他组织" },
  { value: "natural_person", label: "自然人" },
];
const FIELDS = [
  "unit_id",
  "kind",
  "document_number",
  "party_type",
  "party_name",
  "credit_code",
  "facts",
  "legal_basis",
  "content",
  "decided_on",
] as const;

/** Yuan as the staff type it, fen as the service keeps it. */
export const yuan = (fen: number) => (fen / 100).toLocaleString("zh-CN", { minimumFractionDigits: 2 });

interface FormValues extends Omit<DecisionIn, "decided_on" | "fine_fen"> {
  decided_on: Dayjs;
  fine_yuan?: number | null;
}

function DecisionForm({ onDone }: { onDone: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const register = useRegisterDecision({
    onSuccess: (decision) => {
      message.success(decision.kind === "penalty" ? "已登记，并已提交双公示" : "已登记");
      form.resetFields();
      onDone();
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        const fine = error.fields.filter((f) => f.field.endsWith("fine_fen"));
        form.setFields([...formErrors(error, FIELDS), ...fine.map((f) => ({ name: "fine_yuan" as const, errors: [f.reason] }))]);
      }
    },
  });
  const kind = Form.useWatch("kind", form);
  const party = Form.useWatch("party_type", form);
  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={{ kind: "penalty", party_type: "legal_person" }}
      onFinish={({ decided_on, fine_yuan, ...values }) =>
        register.mutate({
          ...values,
          credit_code: values.credit_code ?? "",
          fine_fen: Math.round((fine_yuan ?? 0) * 100),
          decided_on: decided_on.format("YYYY-MM-DD"),
        })
      }
    >
      {user?.reaches_subtree ? (
        <Form.Item name="unit_id" label="作出决定的单位（默认本单位）">
          <UnitTreeSelect label="作出决定的单位" within={user.unit_id} width="100%" />
        </Form.Item>
      ) : null}
      <Form.Item name="kind" label="决定类别" rules={[{ required: true }]}>
        <Select options={KINDS} />
      </Form.Item>
      <Form.Item name="document_number" label="决定书文号" rules={[{ required: true, min: 4, message: "请填写文号" }]}>
        <Input placeholder="如 锦教罚〔2026〕12号" maxLength={100} />
      </Form.Item>
      <Form.Item name="party_type" label="相对人类型" rules={[{ required: true }]}>
        <Select options={PARTIES} />
      </Form.Item>
      <Form.Item
        name="party_name"
        label={party === "natural_person" ? "姓名（公示时脱敏）" : "相对人名称"}
        rules={[{ required: true, min: 2, message: "请填写相对人" }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      {party === "legal_person" ? (
        <Form.Item name="credit_code" label="统一社会信用代码" rules={[{ required: true, len: 18, message: "18位统一社会信用代码" }]}>
          <Input maxLength={18} />
        </Form.Item>
      ) : null}
      <Form.Item name="facts" label="违法事实" rules={[{ required: true, min: 5, message: "请填写违法事实" }]}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="legal_basis" label="依据" rules={[{ required: true, min: 2, message: "请填写依据" }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="content" label={kind === "coercion" ? "强制内容" : "处罚内容"} rules={[{ required: true, min: 2, message: "请填写内容" }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      {kind === "penalty" ? (
        <Form.Item name="fine_yuan" label="罚款金额（元）">
          <InputNumber min={0} precision={2} style={{ width: "100%" }} />
        </Form.Item>
      ) : null}
      <Form.Item name="decided_on" label="决定日期" rules={[{ required: true, message: "请选择决定日期" }]}>
        <DatePicker style={{ width: "100%" }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={register.isPending}>
        登记
      </Button>
    </Form>
  );
}

function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [report, setReport] = useState<ImportReport | null>(null);
  const importer = useImportDecisions({ onSuccess: setReport });
  return (
    <Modal
      title="导入行政执法决定"
      open={open}
      footer={null}
      width={720}
      onCancel={() => {
        setReport(null);
        importer.reset();
        onClose();
      }}
    >
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Typography.Paragraph type="secondary">
          按模板填写后上传XLSX或CSV文件。任何一行有误时不导入任何记录，请按下表改正后重新上传。
        </Typography.Paragraph>
        <Space>
          <Button onClick={async () => saveBlob(await downloadTemplate(), "行政执法决定导入模板.xlsx")}>下载模板</Button>
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              setReport(null);
              importer.mutate(file);
              return false;
            }}
          >
            <Button type="primary" loading={importer.isPending}>
              选择文件并导入
            </Button>
          </Upload>
        </Space>
        {importer.error ? <Alert type="error" showIcon title={importer.error.message} /> : null}
        {report && report.imported > 0 ? <Alert type="success" showIcon title={`已导入 ${report.imported} 条决定`} /> : null}
        {report && report.errors.length > 0 ? (
          <>
            <Alert type="error" showIcon title={`发现 ${report.errors.length} 处错误，未导入任何记录`} />
            <Table
              size="small"
              rowKey={(e) => `${e.row}-${e.column}-${e.reason}`}
              dataSource={report.errors}
              pagination={false}
              columns={[
                { title: "行号", dataIndex: "row", width: 80 },
                { title: "列", dataIndex: "column", width: 160 },
                { title: "原因", dataIndex: "reason" },
              ]}
            />
          </>
        ) : null}
      </Space>
    </Modal>
  );
}

/** 行政执法决定登记: the unit's 行政处罚 and 行政强制 decisions (双公示, annual report table 二). */
export function EnforcementPage() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get("page") ?? 1);
  const kind = params.get("kind") as DecisionIn["kind"] | null;
  const q = params.get("q") ?? "";
  const query = useDecisions({ page, ...(kind ? { kind } : {}), ...(q ? { q } : {}) });
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  usePageTitle("行政执法决定登记");
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete("page");
    setParams(next);
  };
  return (
    <Card
      title={<PageHeading>行政执法决定登记</PageHeading>}
      extra={
        <Space wrap>
          <Button onClick={() => setImporting(true)}>导入</Button>
          <Button type="primary" onClick={() => setAdding(true)}>
            登记决定
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="决定类别"
          allowClear
          placeholder="全部类别"
          style={{ width: 140 }}
          options={KINDS}
          value={kind ?? undefined}
          onChange={(value) => set({ kind: value ?? null })}
        />
        <Input.Search
          aria-label="文号或相对人"
          placeholder="文号或相对人"
          defaultValue={q}
          allowClear
          onSearch={(value) => set({ q: value })}
        />
      </Space>
      <PagedTable<DecisionOut>
        rowKey="id"
        query={query}
        page={page}
        pageSize={20}
        countUnit="条"
        label="执法决定列表"
        onPageChange={(next) => {
          const copy = new URLSearchParams(params);
          copy.set("page", String(next));
          setParams(copy);
        }}
        expandable={{
          columnTitle: <span className="sr-only">详情</span>,
          expandedRowRender: (row) => (
            <Space orientation="vertical">
              <Typography.Text>违法事实：{row.facts}</Typography.Text>
              <Typography.Text>依据：{row.legal_basis}</Typography.Text>
              <Typography.Text>内容：{row.content}</Typography.Text>
            </Space>
          ),
        }}
        columns={[
          { title: "文号", dataIndex: "document_number" },
          { title: "类别", render: (_, row) => <Tag color={row.kind === "penalty" ? "volcano" : "geekblue"}>{row.kind_label}</Tag> },
          { title: "相对人", render: (_, row) => (row.credit_code ? `${row.party_name}（${row.credit_code}）` : row.party_name) },
          { title: "罚款（元）", align: "right", render: (_, row) => (row.fine_fen ? yuan(row.fine_fen) : "—") },
          { title: "决定日期", dataIndex: "decided_on" },
          { title: "单位", dataIndex: "unit_name" },
          {
            title: "双公示",
            render: (_, row) =>
              row.kind !== "penalty" ? (
                "不公示"
              ) : row.published_at ? (
                <Space orientation="vertical" size={0}>
                  <Tag color="green">已提交</Tag>
                  <Typography.Text type="secondary">期限 {row.publicity_due_on}</Typography.Text>
                </Space>
              ) : (
                "—"
              ),
          },
        ]}
      />
      <Drawer title="登记行政执法决定" open={adding} size="large" onClose={() => setAdding(false)} destroyOnHidden>
        <DecisionForm onDone={() => setAdding(false)} />
      </Drawer>
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}
