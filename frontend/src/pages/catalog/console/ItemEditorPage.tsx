import { EyeOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  Modal,
  Popconfirm,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  TreeSelect,
  Typography,
  type FormInstance,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useMemo, useRef, useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { ApiError, formErrors } from "../../../api/errors";
import {
  itemKeys,
  uploadAttachment,
  useDeleteItem,
  useItem,
  usePublishedItems,
  useSaveItem,
  useSubmitItem,
  useUnitColumns,
  type ItemChange,
} from "../../../api/queries/catalog";
import { useUnits } from "../../../api/queries/units";
import { useCatalogVocabulary, useLabels } from "../../../api/queries/vocabulary";
import { useCurrentUser } from "../../../auth/useAuth";
import { useBodyWithImages } from "../../../components/editor/attachmentImages";
import type { ImageSource } from "../../../components/editor/dialogs";
import { LazyRichTextEditor } from "../../../components/editor/LazyRichTextEditor";
import { attachmentUrl, imageAlt } from "../../../components/editor/urls";
import { QueryError } from "../../../components/QueryError";
import { UnitTreeSelect } from "../../../components/UnitTreeSelect";
import {
  columnOptions,
  isStaffItem,
  type Channel,
  type DisclosureAttribute,
  type DocumentType,
  type ItemStep,
  type StaffItem,
} from "../../../lib/catalog";
import { officeToday } from "../../../lib/dates";
import { can, reachesSubtree } from "../../../lib/navigation";
import { usePageTitle } from "../../../lib/usePageTitle";
import { optionsOf } from "../../../lib/vocabulary";
import { NotFoundPage } from "../../NotFoundPage";
import { AttachmentEditor, AttachmentList, uploadFailure } from "../components/Attachments";
import { ItemArticle } from "../components/ItemArticle";
import { ItemHistory } from "../components/ItemHistory";
import { ItemStatusCard } from "../components/ItemStatusCard";
import { ReviewItem } from "../components/ReviewItem";
import { ValidityDialog } from "../components/ValidityDialog";
import { WithdrawDialog } from "../components/WithdrawDialog";

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

/** What the catalog removed from the body when it was saved (外部图片…), carried to the new item's address. */
interface EditorState {
  sanitiserNotes?: string[];
}

/**
 * 信息编辑: write a new item or change a draft, attach files, send it to review. An existing item
 * offers exactly the steps of its `next_steps` (the catalog's rules for this user and this item).
 */
export function ItemEditorPage() {
  const user = useCurrentUser();
  const param = useParams().itemId;
  const itemId = param === undefined ? undefined : Number(param);
  const item = useItem(itemId);
  usePageTitle(itemId === undefined ? "新建信息" : (item.data?.title ?? "信息编辑"));
  if (itemId !== undefined && !Number.isInteger(itemId)) return <NotFoundPage />;
  if (itemId === undefined) {
    // Only those who write items may start one (a reviewer or a supervisor reads them).
    return can(user, "write_items") ? (
      <Editor />
    ) : (
      <Refused status="403" title="没有权限" subTitle="当前角色不能新建信息。" />
    );
  }
  if (item.isPending) return <Skeleton active />;
  if (item.isError) {
    // Another unit's unpublished item is not found, as for the public: no retry would help.
    return item.error instanceof ApiError && item.error.status === 404 ? (
      <Refused status="404" title="信息不存在" subTitle="没有这条信息，或它不属于您可以管理的单位。" />
    ) : (
      <QueryError error={item.error} onRetry={() => item.refetch()} />
    );
  }
  if (!isStaffItem(item.data)) {
    return (
      <Refused
        status="403"
        title="不能在工作台中打开"
        subTitle="这条信息不属于您可以管理的单位。"
        publicPath={`/items/${item.data.id}`}
      />
    );
  }
  return <Editor item={item.data} />;
}

/** What the page says instead of the editor, with its h1 and the way back (or to the public page). */
function Refused({
  status,
  title,
  subTitle,
  publicPath,
}: {
  status: "403" | "404";
  title: string;
  subTitle: string;
  publicPath?: string;
}) {
  return (
    <Result
      status={status}
      title={
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {title}
        </Typography.Title>
      }
      subTitle={subTitle}
      extra={
        <Space wrap>
          <Link to="/console/items">返回信息列表</Link>
          {publicPath && <Link to={publicPath}>在门户网站查看</Link>}
        </Space>
      }
    />
  );
}

function Editor({ item }: { item?: StaffItem }) {
  const user = useCurrentUser()!;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const vocabulary = useCatalogVocabulary();
  const label = useLabels("catalog");
  const may = (step: ItemStep) => !!item?.next_steps.includes(step);
  // A new item is written by those whose work it is; an existing one when the catalog says so.
  const editable = item ? may("edit") : can(user, "write_items");
  const carried = (useLocation().state as EditorState | null)?.sanitiserNotes;
  const [sanitiserNotes, setSanitiserNotes] = useState<string[]>(carried ?? []);
  const unitId = Form.useWatch("unit_id", form) ?? item?.unit_id ?? user.unit_id ?? undefined;
  const attribute = Form.useWatch("disclosure_attribute", form);
  const columns = useUnitColumns(unitId);
  const columnTree = useMemo(() => columnOptions(columns.data ?? []), [columns.data]);
  const published = usePublishedItems(unitId);
  // Only 规章 and 规范性文件 get 政策解读.
  const policies = useMemo(() => (published.data ?? []).filter((i) => i.document_type !== "other"), [published.data]);
  const [withdrawing, setWithdrawing] = useState(false);
  const [changingValidity, setChangingValidity] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  // Unsaved changes: submitting saves them first, and only then, so the history shows no empty edits.
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (item) form.setFieldsValue(toValues(item));
  }, [item, form]);

  const showError = (error: Error) => {
    if (error instanceof ApiError) form.setFields(formErrors(error, FIELDS));
    message.error(error.message);
  };

  // A publisher writes for the own unit; the office chooses one (the field it alone sees).
  const changeOf = (values: Values): ItemChange =>
    item
      ? { itemId: item.id, body: toBody(values) }
      : { body: { ...toBody(values), unit_id: (values.unit_id ?? user.unit_id)! } };

  // After a save the notes say what the catalog removed (a submission without changes saves
  // nothing and leaves them); a new item's page shows them too.
  const saved = (done: StaffItem) => {
    setDirty(false);
    if (done.sanitiser_notes) setSanitiserNotes(done.sanitiser_notes);
    const state: EditorState = { sanitiserNotes: done.sanitiser_notes };
    if (!item) navigate(`/console/items/${done.id}`, { replace: true, state });
  };

  const save = useSaveItem({
    onSuccess: (done) => {
      message.success(item ? "已保存" : `已创建草稿，索引号 ${done.index_number}`);
      saved(done);
    },
    onError: showError,
  });

  const submit = useSubmitItem({
    onSuccess: (done) => {
      message.success("已提交审查");
      saved(done);
    },
    onError: showError,
  });

  // Attachments (and images of the body) belong to an item. On a new item's page the first upload
  // saves the draft, uploads the file to it, saves what was typed meanwhile and moves to the
  // draft's address, where the form is read back from what was saved: nothing typed is lost.
  // Holding the files in the browser until the first save was the other way; it was not taken
  // because the catalog's checks of a file (its type, macros, size) would then answer only at
  // that save, far from the file chosen, and a reload before it would lose the files silently.
  const draft = useRef<Promise<StaffItem> | null>(null);
  const draftBody = useRef<string | null>(null);
  const createDraft = useSaveItem({
    onError: (error) => error instanceof ApiError && form.setFields(formErrors(error, FIELDS)),
  });
  const queryClient = useQueryClient();

  const itemForUpload = async (): Promise<number> => {
    if (item) return item.id;
    const values = await form.validateFields().catch(() => {
      throw new Error("请先填写所属栏目、标题和生成日期：上传第一个附件时要先保存草稿");
    });
    if (!draft.current) {
      draftBody.current = JSON.stringify(toBody(values));
      draft.current = createDraft.mutateAsync(changeOf(values)).catch((error: Error) => {
        draft.current = null;
        throw error;
      });
    }
    return (await draft.current).id;
  };

  // The new draft's page: what was typed while the file went up (or the image put in the body)
  // is saved first; nothing, when nothing changed, so the history shows no empty edit.
  const moveToDraft = async (created: StaffItem) => {
    const values = await form.validateFields().catch(() => null);
    const changedSince = values && JSON.stringify(toBody(values)) !== draftBody.current;
    const latest = changedSince ? await createDraft.mutateAsync({ itemId: created.id, body: toBody(values) }) : created;
    message.success(`已保存草稿，索引号 ${latest.index_number}`);
    saved(latest);
  };

  const uploadFirst = async (file: File) => {
    try {
      const itemId = await itemForUpload();
      try {
        const attachment = await uploadAttachment(itemId, file);
        message.success(`已上传 ${attachment.filename}`);
      } catch (error) {
        message.error(uploadFailure(file, error as Error));
      }
      await moveToDraft(await draft.current!);
    } catch (error) {
      message.error(uploadFailure(file, error as Error));
    }
  };

  const uploadImage = async (file: File): Promise<ImageSource> => {
    const itemId = await itemForUpload();
    try {
      const attachment = await uploadAttachment(itemId, file);
      void queryClient.invalidateQueries({ queryKey: itemKeys.attachments(itemId) });
      return { src: attachmentUrl(attachment.id), alt: imageAlt(file.name) };
    } catch (error) {
      // The draft was saved for this image: the page moves to it all the same, so that the next
      // save changes it rather than starting another.
      if (!item && draft.current) {
        message.error(uploadFailure(file, error as Error));
        void draft.current.then(moveToDraft);
      }
      throw error;
    }
  };

  // On a new item the image is in the body only on this page: it is saved before moving on.
  const imageInserted = () => {
    if (!item && draft.current) void draft.current.then(moveToDraft).catch((error: Error) => message.error(error.message));
  };

  const [previewing, setPreviewing] = useState(false);

  const remove = useDeleteItem({
    onSuccess: () => {
      message.success("已删除草稿");
      navigate("/console/items");
    },
    onError: (error) => message.error(error.message),
  });

  const busy = save.isPending || submit.isPending || createDraft.isPending;
  const heading = item ? (editable ? "修改信息" : "查看信息") : "新建信息";

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={16}>
        <Card
          title={
            <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
              {heading}
            </Typography.Title>
          }
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
          {item && !editable && item.status === "submitted" && (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title="已提交审查，审查完成前不能修改" />
          )}
          {item && !editable && may("withdraw") && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title="已发布的信息不能直接修改；如需更正，请先撤回"
            />
          )}
          {sanitiserNotes.length > 0 && (
            <Alert
              type="warning"
              showIcon
              closable={{ onClose: () => setSanitiserNotes([]) }}
              style={{ marginBottom: 16 }}
              title="保存时已从正文中移除以下内容，公众看到的是预览中的正文"
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {sanitiserNotes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
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
            onFinish={(values) => save.mutate(changeOf(values))}
          >
            <Row gutter={16}>
              {!item && editable && reachesSubtree(user) && (
                <Col xs={24} md={12}>
                  <Form.Item label="所属单位" name="unit_id" rules={[{ required: true, message: "请选择单位" }]}>
                    <UnitTreeSelect label="所属单位" within={user.unit_id} allowClear={false} width="100%" />
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
                  <Select aria-label="文件类型" options={optionsOf<DocumentType>(vocabulary.data?.document_types)} />
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
                  <Select
                    aria-label="公开属性"
                    options={optionsOf<DisclosureAttribute>(vocabulary.data?.disclosure_attributes)}
                  />
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
              <Select aria-label="公开渠道" mode="multiple" options={optionsOf<Channel>(vocabulary.data?.channels)} />
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
            <Form.Item label="正文" name="body_html">
              <LazyRichTextEditor
                label="正文"
                disabled={!editable}
                onUploadImage={editable ? uploadImage : undefined}
                onImageInserted={imageInserted}
              />
            </Form.Item>
          </Form>
          <Space wrap>
            <Button icon={<EyeOutlined />} onClick={() => setPreviewing(true)}>
              预览
            </Button>
            {editable && (
              <Button type="primary" loading={save.isPending} disabled={busy} onClick={() => form.submit()}>
                {item ? "保存" : "保存草稿"}
              </Button>
            )}
            {(item ? may("submit") : editable) && (
              <Button
                loading={submit.isPending}
                disabled={busy}
                onClick={async () => {
                  const values = await form.validateFields().catch(() => null);
                  if (values) submit.mutate(item && !dirty ? { itemId: item.id } : changeOf(values));
                }}
              >
                {label("steps", "submit")}
              </Button>
            )}
            {item && may("delete") && (
              <Popconfirm
                title={`${label("steps", "delete")}？`}
                okText="删除"
                cancelText="取消"
                onConfirm={() => remove.mutate(item.id)}
              >
                <Button danger loading={remove.isPending}>
                  {label("steps", "delete")}
                </Button>
              </Popconfirm>
            )}
            {(may("approve") || may("reject")) && <Button onClick={() => setReviewing(true)}>审查</Button>}
            {may("withdraw") && <Button onClick={() => setWithdrawing(true)}>{label("steps", "withdraw")}</Button>}
            {may("change-validity") && (
              <Button onClick={() => setChangingValidity(true)}>{label("steps", "change-validity")}</Button>
            )}
          </Space>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Space orientation="vertical" size="large" style={{ width: "100%" }}>
          {item && <ItemStatusCard item={item} />}
          <Card title="附件" size="small">
            <AttachmentEditor
              itemId={item?.id}
              editable={item ? may("attachments") : editable}
              uploadFirst={uploadFirst}
            />
          </Card>
          {item && (
            <Card title="办理记录" size="small">
              <ItemHistory itemId={item.id} />
            </Card>
          )}
        </Space>
      </Col>
      <Modal
        open={previewing}
        onCancel={() => setPreviewing(false)}
        title="预览：公众在网站上看到的样子"
        width={960}
        footer={<Button onClick={() => setPreviewing(false)}>关闭预览</Button>}
        destroyOnHidden
      >
        <Preview form={form} item={item} />
      </Modal>
      {item && (
        <Drawer open={reviewing} onClose={() => setReviewing(false)} title="审查信息" size="large" destroyOnHidden>
          <ReviewItem itemId={item.id} onDone={() => setReviewing(false)} />
        </Drawer>
      )}
      {item && (
        <WithdrawDialog item={item} open={withdrawing} onClose={() => setWithdrawing(false)} />
      )}
      {item && (
        <ValidityDialog
          item={item}
          candidates={published.data ?? []}
          open={changingValidity}
          onClose={() => setChangingValidity(false)}
        />
      )}
    </Row>
  );
}

/** The form as the portal's item page will show it once published (the same ItemArticle). */
function Preview({ form, item }: { form: FormInstance<Values>; item?: StaffItem }) {
  const user = useCurrentUser()!;
  const units = useUnits();
  const values = form.getFieldsValue(true) as Values;
  const unitId = values.unit_id ?? item?.unit_id ?? user.unit_id;
  const unitName = item?.unit_name ?? units.data?.find((u) => u.id === unitId)?.name ?? user.unit_name ?? "";
  const body = useBodyWithImages(values.body_html ?? "");
  return (
    <ItemArticle
      headingLevel={2}
      item={{
        index_number: item?.index_number ?? "保存后生成",
        topic: values.topic ?? "",
        issuing_unit: values.issuing_unit ?? "",
        unit_name: unitName,
        formed_on: values.formed_on?.format("YYYY-MM-DD") ?? "",
        document_number: values.document_number ?? "",
        published_at: item?.published_at ?? null,
        document_type: values.document_type ?? "other",
        validity: item?.validity ?? "valid",
        keywords: values.keywords ?? "",
        title: values.title || "（未填写标题）",
        body_html: body,
      }}
    >
      {item && <AttachmentList itemId={item.id} headingLevel={3} />}
    </ItemArticle>
  );
}
