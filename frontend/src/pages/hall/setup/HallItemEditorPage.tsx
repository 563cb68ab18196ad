import { Alert, App, Button, Card, Descriptions, Form, Input, Popconfirm, Skeleton, Space, Tag } from "antd";
import { useEffect } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { ApiError, formErrors } from "../../../api/errors";
import {
  useCreateHallItem,
  useHallLabels,
  useItemAction,
  useStaffHallItem,
  useUpdateHallItem,
  type ItemIn,
  type StaffItem,
} from "../../../api/queries/hallItems";
import { useCurrentUser } from "../../../auth/useAuth";
import { QueryError } from "../../../components/QueryError";
import { UnitTreeSelect } from "../../../components/UnitTreeSelect";
import { usePageTitle } from "../../../lib/usePageTitle";
import { beijingTime } from "../guide/format";
import { PageHeading, SectionHeading } from "../Headings";
import { STATUS_COLOURS } from "./HallItemsPage";
import { fenToYuan, ITEM_FIELDS, ItemFields, yuanToFen } from "./ItemFields";
import { ItemVersions } from "./ItemVersions";
import { MaterialsEditor } from "./MaterialsEditor";

type Values = Omit<ItemIn, "fee_fen"> & { fee_yuan?: string };

function bodyOf(values: Values): ItemIn {
  const { fee_yuan, ...rest } = values;
  const instant = rest.kind === "instant";
  return {
    ...rest,
    fee_fen: yuanToFen(fee_yuan),
    legal_limit_days: instant ? 0 : (rest.legal_limit_days ?? null),
    promised_limit_days: instant ? 0 : (rest.promised_limit_days ?? null),
  };
}

function valuesOf(item: StaffItem): Values {
  const values: Partial<Values> = { fee_yuan: fenToYuan(item.fee_fen) };
  for (const name of ITEM_FIELDS) {
    if (name in item && name !== "fee_fen") Object.assign(values, { [name]: item[name as keyof StaffItem] });
  }
  return values as Values;
}

/** The server's reasons on the form's fields (the fee is entered in yuan). */
function showErrors(form: ReturnType<typeof Form.useForm<Values>>[0], error: Error, fallback: (m: string) => void) {
  if (!(error instanceof ApiError)) return fallback(error.message);
  const renamed = new ApiError(
    error.status,
    error.code,
    error.message,
    error.fields.map((f) => (f.field.endsWith("fee_fen") ? { ...f, field: "fee_yuan" } : f)),
  );
  const onFields = formErrors(renamed, ITEM_FIELDS);
  form.setFields(onFields as Parameters<typeof form.setFields>[0]);
  if (onFields.length === 0) fallback(error.message);
}

/** 服务事项 editor: a new item, or an existing one with its materials, forms and versions. */
export function HallItemEditorPage() {
  const { itemId } = useParams();
  return itemId === "new" || itemId === undefined ? <NewItem /> : <ExistingItem itemId={Number(itemId)} />;
}

function NewItem() {
  const user = useCurrentUser()!;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateHallItem({
    onSuccess: (item) => {
      message.success("已创建事项，可继续添加申请材料");
      navigate(`/console/hall/items/${item.id}`, { replace: true });
    },
    onError: (error) => showErrors(form, error, message.error),
  });
  usePageTitle("新建服务事项");
  return (
    <Card title={<PageHeading>新建服务事项</PageHeading>}>
      <Form<Values>
        form={form}
        name="item"
        layout="vertical"
        initialValues={{
          unit_id: user.unit_id ?? undefined,
          category: "licensing",
          hall_level: "district",
          kind: "promised",
          legal_limit_days: 20,
          promised_limit_days: 10,
          fee_yuan: "0",
          online: false,
        }}
        onFinish={(values) => create.mutate(bodyOf(values))}
      >
        <Space wrap align="start">
          <Form.Item
            name="code"
            label="事项编码"
            rules={[{ required: true, message: "请填写事项编码" }]}
            extra="字母、数字和连字符"
          >
            <Input maxLength={40} style={{ width: 240, maxWidth: "100%" }} />
          </Form.Item>
          <Form.Item name="unit_id" label="实施主体" rules={[{ required: true, message: "请选择实施主体" }]}>
            <UnitTreeSelect label="实施主体" within={user.unit_id} allowClear={false} width={280} />
          </Form.Item>
        </Space>
        <ItemFields disabled={false} />
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          创建
        </Button>
      </Form>
    </Card>
  );
}

function ExistingItem({ itemId }: { itemId: number }) {
  const item = useStaffHallItem(itemId);
  usePageTitle(item.data?.name ?? "服务事项");
  if (item.isError) return <QueryError error={item.error} onRetry={() => item.refetch()} />;
  if (item.isPending) return <Skeleton active />;
  return <ItemEditor item={item.data} />;
}

function ItemEditor({ item }: { item: StaffItem }) {
  const { message } = App.useApp();
  const label = useHallLabels();
  const [form] = Form.useForm<Values>();
  const update = useUpdateHallItem(item.id, {
    onSuccess: (saved) =>
      message.success(saved.version > 0 ? "已保存；发布后办事指南才显示修改" : "已保存"),
    onError: (error) => showErrors(form, error, message.error),
  });
  const act = useItemAction(item.id, {
    onSuccess: (done) =>
      message.success(done.status === "retired" ? "事项已取消" : `已发布第 ${done.version} 版`),
    onError: (error) => showErrors(form, error, message.error),
  });

  useEffect(() => form.setFieldsValue(valuesOf(item)), [form, item]);

  const save = (values: Values) => {
    // The code and the unit are fixed once the item exists.
    const changes: Partial<ItemIn> = bodyOf(values);
    delete changes.code;
    delete changes.unit_id;
    update.mutate(changes);
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card
        title={<PageHeading>{item.name}</PageHeading>}
        extra={
          <Space wrap>
            {item.actions.includes("publish") && (
              <Popconfirm
                title={item.version > 0 ? `发布第 ${item.version + 1} 版？` : "发布到办事指南？"}
                description="发布后公众在办事指南中看到这一版"
                onConfirm={() => act.mutate("publish")}
              >
                <Button type="primary" loading={act.isPending}>
                  {item.status === "retired" ? "恢复并发布" : "发布"}
                </Button>
              </Popconfirm>
            )}
            {item.actions.includes("retire") && (
              <Popconfirm
                title="取消该事项？"
                description="办事指南不再显示，窗口不再受理"
                onConfirm={() => act.mutate("retire")}
              >
                <Button danger>取消事项</Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 4 }}>
          <Descriptions.Item label="事项编码">{item.code}</Descriptions.Item>
          <Descriptions.Item label="实施主体">{item.unit_name}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={STATUS_COLOURS[item.status]}>{label("statuses", item.status)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="已发布版本">
            {item.version && item.published_at ? `第 ${item.version} 版（${beijingTime(item.published_at)}）` : "未发布"}
          </Descriptions.Item>
        </Descriptions>
        {item.draft_pending && (
          <Alert
            type="warning"
            showIcon
            title={`有未发布的修改：办事指南仍显示第 ${item.version} 版，发布后显示修改后的内容`}
            style={{ marginTop: 8 }}
          />
        )}
      </Card>
      <Card title={<SectionHeading>事项信息（八公开）</SectionHeading>}>
        <Form<Values> form={form} name="item" layout="vertical" onFinish={save}>
          <ItemFields disabled={false} />
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            保存
          </Button>
        </Form>
      </Card>
      <MaterialsEditor item={item} />
      <ItemVersions itemId={item.id} />
    </Space>
  );
}
