import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Tabs,
  Tag,
  TreeSelect,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { officeToday } from "../../../lib/dates";
import { useEffect, useMemo, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { api, unwrap } from "../../../api/client";
import { ApiError, formErrors } from "../../../api/errors";
import { hasAnyRole, useCurrentUser } from "../../../auth/useAuth";
import {
  CHANNEL_LABELS,
  columnOptions,
  DISCLOSURE_LABELS,
  DOCUMENT_TYPE_LABELS,
  isEditable,
  isStaffItem,
  optionsOf,
  STATUS_COLOURS,
  STATUS_LABELS,
  VALIDITY_LABELS,
  type Channel,
  type DisclosureAttribute,
  type DocumentType,
  type StaffItem,
  type Validity,
} from "../../../lib/catalog";
import { NotFoundPage } from "../../NotFoundPage";
import { QueryError } from "../../QueryError";
import { AttachmentEditor } from "../AttachmentList";
import { useItem, useUnitColumns } from "../queries";
import { UnitPicker } from "../UnitPicker";
import { ItemHistory } from "./ItemHistory";

interface Values {
  unit_id: number;
  column_id: number;
  title: string;
  document_number: string;
  document_type: DocumentType;
  issuing_unit: string;
  formed_on: Dayjs;
  topic: string;
  keywords: string;
  disclosure_attribute: DisclosureAttribute;
  non_disclosure_reason: string;
  channels: Channel[];
  also_in_columns: number[];
  interprets_id: number | null;
  body_html: string;
}

const FIELDS = [
  "unit_id",
  "column_id",
  "title",
  "document_number",
  "document_type",
  "issuing_unit",
  "formed_on",
  "topic",
  "keywords",
  "disclosure_attribute",
  "non_disclosure_reason",
  "channels",
  "also_in_columns",
  "interprets_id",
  "body_html",
] as const;

function toValues(item: StaffItem): Values {
  return {
    unit_id: item.unit_id,
    column_id: item.column_id,
    title: item.title,
    document_number: item.document_number,
    document_type: item.document_type,
    issuing_unit: item.issuing_unit,
    formed_on: dayjs(item.formed_on),
    topic: item.topic,
    keywords: item.keywords,
    disclosure_attribute: item.disclosure_attribute,
    non_disclosure_reason: item.non_disclosure_reason,
    channels: item.channels,
    also_in_columns: item.column_ids.filter((id) => id !== item.column_id),
    interprets_id: item.interprets_id,
    body_html: item.body_html,
  };
}

// Fields the form does not show (the unit for a publisher, the reason of a proactive item)
// are absent from its values; the API gets their empty form.
function toBody(v: Values) {
  return {
    column_id: v.column_id,
    title: v.title,
    body_html: v.body_html ?? "",
    document_number: v.document_number ?? "",
    document_type: v.document_type,
    issuing_unit: v.issuing_unit ?? "",
    formed_on: v.formed_on.format("YYYY-MM-DD"),
    topic: v.topic ?? "",
    keywords: v.keywords ?? "",
    disclosure_attribute: v.disclosure_attribute,
    non_disclosure_reason: v.non_disclosure_reason ?? "",
    channels: v.channels ?? [],
    also_in_columns: v.also_in_columns ?? [],
    interprets_id: v.interprets_id ?? null,
  };
}

/** A unit's published items: what an interpretation may explain or a new file may replace. */
function usePublished(unitId: number | undefined) {
  return useQuery({
    queryKey: ["items", { status: "published", unitId, page: 1, size: 100 }],
    queryFn: () =>
      unwrap(
        api.GET("/api/catalog/items", {
          params: { query: { unit_id: unitId!, status: "published", page: 1, size: 100 } },
        }),
      ),
    enabled: unitId !== undefined,
    select: (page) => page.items,
  });
}

/** 信息编辑: write a new item or change a draft, attach files, send it to review. */
export function ItemEditorPage() {
  const param = useParams().itemId;
  const itemId = param === undefined ? undefined : Number(param);
  const item = useItem(itemId);
  if (itemId !== undefined && !Number.isInteger(itemId)) return <NotFoundPage />;
  if (itemId === undefined) return <Editor />;
  if (item.isPending) return <Skeleton active />;
  if (item.isError) return <QueryError error={item.error} onRetry={() => item.refetch()} />;
  if (!isStaffItem(item.data)) {
    return <Result status="403" title="没有权限" subTitle="这条信息不属于您可以管理的单位。" />;
  }
  return <Editor item={item.data} />;
}

function Editor({ item }: { item?: StaffItem }) {
  const user = useCurrentUser()!;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const canWrite = hasAnyRole(user, ["publisher", "office"]);
  const editable = canWrite && (!item || isEditable(item.status));
  const unitId = Form.useWatch("unit_id", form) ?? item?.unit_id ?? user.unit_id ?? undefined;
  const attribute = Form.useWatch("disclosure_attribute", form);
  const columns = useUnitColumns(unitId);
  const columnTree = useMemo(() => columnOptions(columns.data ?? []), [columns.data]);
  const published = usePublished(unitId);
  // Only 规章 and 规范性文件 get 政策解读.
  const policies = useMemo(() => (published.data ?? []).filter((i) => i.document_type !== "other"), [published.data]);
  const [withdrawing, setWithdrawing] = useState(false);
  const [changingValidity, setChangingValidity] = useState(false);
  // Unsaved changes: submitting saves them first, and only then, so the history shows no empty edits.
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (item) form.setFieldsValue(toValues(item));
  }, [item, form]);

  const refresh = (id: number) => {
    void queryClient.invalidateQueries({ queryKey: ["item", id] });
    void queryClient.invalidateQueries({ queryKey: ["items"] });
    void queryClient.invalidateQueries({ queryKey: ["history", id] });
  };
  const showError = (error: Error) => {
    if (error instanceof ApiError) form.setFields(formErrors(error, FIELDS));
    message.error(error.message);
  };

  const saveValues = async (values: Values): Promise<StaffItem> => {
    if (item) {
      return unwrap(
        api.PATCH("/api/catalog/items/{item_id}", {
          params: { path: { item_id: item.id } },
          body: toBody(values),
        }),
      );
    }
    const unit = values.unit_id ?? user.unit_id;
    return unwrap(api.POST("/api/catalog/items", { body: { ...toBody(values), unit_id: unit! } }));
  };

  const save = useMutation({
    mutationFn: saveValues,
    onSuccess: (saved) => {
      setDirty(false);
      message.success(item ? "已保存" : `已创建草稿，索引号 ${saved.index_number}`);
      refresh(saved.id);
      if (!item) navigate(`/console/items/${saved.id}`, { replace: true });
    },
    onError: showError,
  });

  const submit = useMutation({
    mutationFn: async (values: Values) => {
      const saved = item && !dirty ? item : await saveValues(values);
      return unwrap(api.POST("/api/catalog/items/{item_id}/submit", { params: { path: { item_id: saved.id } } }));
    },
    onSuccess: (submitted) => {
      setDirty(false);
      message.success("已提交审查");
      refresh(submitted.id);
      if (!item) navigate(`/console/items/${submitted.id}`, { replace: true });
    },
    onError: showError,
  });

  const remove = useMutation({
    mutationFn: (id: number) => unwrap(api.DELETE("/api/catalog/items/{item_id}", { params: { path: { item_id: id } } })),
    onSuccess: () => {
      message.success("已删除草稿");
      void queryClient.invalidateQueries({ queryKey: ["items"] });
      navigate("/console/items");
    },
    onError: (error) => message.error(error.message),
  });

  const busy = save.isPending || submit.isPending;

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={16}>
        <Card
          title={item ? (editable ? "修改信息" : "查看信息") : "新建信息"}
          extra={<Link to="/console/items">返回列表</Link>}
        >
          {item?.status === "rejected" && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title="审查未通过，已退回修改"
              description={item.review_note ? `审查意见：${item.review_note}` : undefined}
            />
          )}
          {item && !editable && canWrite && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={
                item.status === "submitted"
                  ? "已提交审查，审查完成前不能修改"
                  : "已发布的信息不能直接修改；如需更正，请先撤回"
              }
            />
          )}
          <Form<Values>
            form={form}
            layout="vertical"
            disabled={!editable}
            initialValues={{
              unit_id: user.unit_id ?? undefined,
              formed_on: officeToday(),
              document_type: "other",
              disclosure_attribute: "proactive",
              channels: ["website"],
              also_in_columns: [],
              interprets_id: null,
              body_html: "",
            }}
            onValuesChange={(changed: Partial<Values>) => {
              setDirty(true);
              // Another unit has its own catalogue and documents: what was chosen for the last one goes.
              if (changed.unit_id !== undefined) {
                form.setFieldsValue({ column_id: undefined, also_in_columns: [], interprets_id: null });
              }
            }}
            onFinish={(values) => save.mutate(values)}
          >
            <Row gutter={16}>
              {hasAnyRole(user, ["office"]) && !item && (
                <Col xs={24} md={12}>
                  <Form.Item label="所属单位" name="unit_id" rules={[{ required: true, message: "请选择单位" }]}>
                    <UnitPicker label="所属单位" within={user.unit_id} allowClear={false} width="100%" />
                  </Form.Item>
                </Col>
              )}
              <Col xs={24} md={12}>
                <Form.Item label="所属栏目" name="column_id" rules={[{ required: true, message: "请选择栏目" }]}>
                  <TreeSelect
                    aria-label="所属栏目"
                    treeData={columnTree}
                    showSearch
                    treeNodeFilterProp="title"
                    loading={columns.isPending}
                    placeholder="选择公开目录栏目"
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              label="标题"
              name="title"
              rules={[
                { required: true, whitespace: true, message: "请输入标题" },
                { min: 2, max: 300, message: "标题为2至300字" },
              ]}
            >
              <Input maxLength={300} />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item label="发文字号" name="document_number">
                  <Input maxLength={100} placeholder="如 锦教发〔2026〕3号" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label="文件类型" name="document_type">
                  <Select aria-label="文件类型" options={optionsOf(DOCUMENT_TYPE_LABELS)} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label="生成日期" name="formed_on" rules={[{ required: true, message: "请选择生成日期" }]}>
                  <DatePicker style={{ width: "100%" }} disabledDate={(d) => d.isAfter(officeToday(), "day")} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label="发布机构" name="issuing_unit" tooltip="不填为本单位">
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label="主题分类" name="topic">
                  <Input maxLength={50} placeholder="如 教育" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label="关键词" name="keywords">
                  <Input maxLength={200} placeholder="以空格或逗号分隔" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label="公开属性" name="disclosure_attribute">
                  <Select aria-label="公开属性" options={optionsOf(DISCLOSURE_LABELS)} />
                </Form.Item>
              </Col>
              {attribute && attribute !== "proactive" && (
                <Col xs={24} md={16}>
                  <Form.Item
                    label="非主动公开理由"
                    name="non_disclosure_reason"
                    rules={[{ required: true, whitespace: true, message: "非主动公开须写明理由" }]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
              )}
            </Row>
            <Form.Item label="公开渠道" name="channels">
              <Select aria-label="公开渠道" mode="multiple" options={optionsOf(CHANNEL_LABELS)} />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item label="同时列入栏目" name="also_in_columns">
                  <TreeSelect
                    aria-label="同时列入栏目"
                    treeData={columnTree}
                    multiple
                    showSearch
                    treeNodeFilterProp="title"
                    placeholder="可不选"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label="所解读的政策文件" name="interprets_id" tooltip="发布政策解读时选择被解读的文件">
                  <Select
                    aria-label="所解读的政策文件"
                    allowClear
                    showSearch
                    optionFilterProp="label"
                    loading={published.isPending}
                    placeholder="不是政策解读可不选"
                    options={[
                      ...policies.map((p) => ({ value: p.id, label: p.title })),
                      ...(item?.interprets_id && !policies.some((p) => p.id === item.interprets_id)
                        ? [{ value: item.interprets_id, label: `信息 #${item.interprets_id}` }]
                        : []),
                    ]}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label="正文" required={false}>
              <Tabs
                defaultActiveKey={editable ? "source" : "preview"}
                items={[
                  {
                    key: "source",
                    label: "编辑（HTML）",
                    children: (
                      <Form.Item name="body_html" noStyle>
                        <Input.TextArea
                          aria-label="正文"
                          rows={14}
                          placeholder="<p>正文段落……</p>，可使用 p、h2、strong、table、a、img 等标签"
                          style={{ fontFamily: "monospace" }}
                        />
                      </Form.Item>
                    ),
                  },
                  ...(item
                    ? [
                        {
                          key: "preview",
                          label: "预览（已保存）",
                          children: (
                            // The saved body, as the catalog service cleaned it: what the public will see.
                            <div className="item-body" dangerouslySetInnerHTML={{ __html: item.body_html }} />
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </Form.Item>
          </Form>
          <Space wrap>
            {editable && (
              <>
                <Button type="primary" loading={save.isPending} disabled={busy} onClick={() => form.submit()}>
                  {item ? "保存" : "保存草稿"}
                </Button>
                <Button
                  loading={submit.isPending}
                  disabled={busy}
                  onClick={async () => {
                    const values = await form.validateFields().catch(() => null);
                    if (values) submit.mutate(values);
                  }}
                >
                  提交审查
                </Button>
              </>
            )}
            {item && editable && item.status === "draft" && (
              <Popconfirm
                title="删除这条草稿？"
                okText="删除"
                cancelText="取消"
                onConfirm={() => remove.mutate(item.id)}
              >
                <Button danger loading={remove.isPending}>
                  删除草稿
                </Button>
              </Popconfirm>
            )}
            {item?.status === "published" && canWrite && (
              <>
                <Button onClick={() => setWithdrawing(true)}>撤回</Button>
                <Button onClick={() => setChangingValidity(true)}>变更效力</Button>
              </>
            )}
          </Space>
        </Card>
      </Col>
      {item && (
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size="large" style={{ width: "100%" }}>
            <ItemStatusCard item={item} />
            <Card title="附件" size="small">
              <AttachmentEditor itemId={item.id} editable={editable} />
            </Card>
            <Card title="办理记录" size="small">
              <ItemHistory itemId={item.id} />
            </Card>
          </Space>
        </Col>
      )}
      {item && (
        <WithdrawDialog item={item} open={withdrawing} onClose={() => setWithdrawing(false)} onDone={refresh} />
      )}
      {item && (
        <ValidityDialog
          item={item}
          candidates={published.data ?? []}
          open={changingValidity}
          onClose={() => setChangingValidity(false)}
          onDone={refresh}
        />
      )}
    </Row>
  );
}

function ItemStatusCard({ item }: { item: StaffItem }) {
  return (
    <Card title="状态" size="small">
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: "status",
            label: "状态",
            children: <Tag color={STATUS_COLOURS[item.status]}>{STATUS_LABELS[item.status]}</Tag>,
          },
          { key: "index", label: "索引号", children: <Typography.Text copyable>{item.index_number}</Typography.Text> },
          { key: "unit", label: "单位", children: item.unit_name },
          { key: "author", label: "编写人", children: item.author },
          ...(item.reviewer ? [{ key: "reviewer", label: "审查人", children: item.reviewer }] : []),
          ...(item.review_note ? [{ key: "note", label: "审查意见", children: item.review_note }] : []),
          {
            key: "due",
            label: "发布期限",
            children: (
              <Space size={4}>
                {item.due_on}
                {item.due_provisional && <Tag>暂按自然日估算</Tag>}
              </Space>
            ),
          },
          ...(item.published_at
            ? [
                {
                  key: "published",
                  label: "发布时间",
                  children: (
                    <Space size={4} wrap>
                      {dayjs(item.published_at).format("YYYY-MM-DD HH:mm")}
                      {item.status === "published" && <Link to={`/items/${item.id}`}>在门户中查看</Link>}
                    </Space>
                  ),
                },
              ]
            : []),
          ...(item.validity !== "valid"
            ? [
                {
                  key: "validity",
                  label: "效力",
                  children: `${VALIDITY_LABELS[item.validity]}（${item.validity_changed_on ?? "—"}）`,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function WithdrawDialog({
  item,
  open,
  onClose,
  onDone,
}: {
  item: StaffItem;
  open: boolean;
  onClose: () => void;
  onDone: (id: number) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useMutation({
    mutationFn: (reason: string) =>
      unwrap(
        api.POST("/api/catalog/items/{item_id}/withdraw", {
          params: { path: { item_id: item.id } },
          body: { reason },
        }),
      ),
    onSuccess: () => {
      message.success("已撤回，门户不再显示该信息");
      onDone(item.id);
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setFields(formErrors(error, ["reason"] as const));
      message.error(error.message);
    },
  });
  return (
    <Modal
      open={open}
      title="撤回信息"
      okText="撤回"
      cancelText="取消"
      okButtonProps={{ danger: true }}
      confirmLoading={withdraw.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => withdraw.mutate(v.reason)}>
        <Form.Item
          label="撤回理由"
          name="reason"
          rules={[{ required: true, whitespace: true, min: 2, message: "请写明撤回理由（至少2字）" }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ValidityValues {
  validity: Validity;
  changed_on: Dayjs;
  replaced_by_id?: number | null;
}

function ValidityDialog({
  item,
  candidates,
  open,
  onClose,
  onDone,
}: {
  item: StaffItem;
  candidates: { id: number; title: string }[];
  open: boolean;
  onClose: () => void;
  onDone: (id: number) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ValidityValues>();
  const validity = Form.useWatch("validity", form);
  const change = useMutation({
    mutationFn: (v: ValidityValues) =>
      unwrap(
        api.POST("/api/catalog/items/{item_id}/validity", {
          params: { path: { item_id: item.id } },
          body: {
            validity: v.validity,
            changed_on: v.changed_on.format("YYYY-MM-DD"),
            replaced_by_id: v.validity === "valid" ? null : (v.replaced_by_id ?? null),
          },
        }),
      ),
    onSuccess: () => {
      message.success("已变更效力");
      onDone(item.id);
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        form.setFields(formErrors(error, ["validity", "changed_on", "replaced_by_id"] as const));
      }
      message.error(error.message);
    },
  });
  return (
    <Modal
      open={open}
      title="变更效力"
      okText="确定"
      cancelText="取消"
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ validity: item.validity === "valid" ? "repealed" : item.validity, changed_on: officeToday() }}
        onFinish={(v) => change.mutate(v)}
      >
        <Form.Item label="效力" name="validity" rules={[{ required: true }]}>
          <Select aria-label="效力" options={optionsOf(VALIDITY_LABELS)} />
        </Form.Item>
        <Form.Item label="变更日期" name="changed_on" rules={[{ required: true, message: "请选择日期" }]}>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        {validity !== "valid" && (
          <Form.Item label="替代的信息" name="replaced_by_id" tooltip="新文件取代本文件时选择">
            <Select
              aria-label="替代的信息"
              allowClear
              showSearch
              optionFilterProp="label"
              options={candidates.filter((p) => p.id !== item.id).map((p) => ({ value: p.id, label: p.title }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
