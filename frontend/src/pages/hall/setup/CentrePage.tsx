import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Skeleton,
  Space,
  Switch,
  Typography,
  type FormInstance,
} from "antd";
import { useEffect, useMemo, useState } from "react";
import { useParams } from "react-router-dom";
import { ApiError, formErrors } from "../../../api/errors";
import { useHallLabels, useHallVocabulary, useStaffHallItems } from "../../../api/queries/hallItems";
import {
  useAddWindow,
  useCentre,
  useChangeWindow,
  useUpdateCentre,
  type CentreDetail,
  type CentreUpdate,
  type StaffMember,
  type WindowIn,
  type WindowOut,
} from "../../../api/queries/hallWindows";
import { useUnits } from "../../../api/queries/units";
import { QueryError } from "../../../components/QueryError";
import { usePageTitle } from "../../../lib/usePageTitle";
import { optionsOf } from "../../../lib/vocabulary";
import { PageHeading, SectionHeading } from "../Headings";
import { CENTRE_FIELDS, CentreFields } from "./CentresPage";

const WINDOW_FIELDS = ["number", "name", "kind", "ticket_prefix", "open"] as const;

/** Errors on the form's fields, the rest as a message. */
function onFormError<K extends string>(
  form: Pick<FormInstance, "setFields">,
  known: readonly K[],
  show: (text: string) => void,
) {
  return (error: Error) => {
    const onFields = error instanceof ApiError ? formErrors(error, known) : [];
    if (onFields.length) form.setFields(onFields);
    else show(error.message);
  };
}

/** A centre's set-up: its own fields and each window's units, staff and accepted items. */
export function CentrePage() {
  const centreId = Number(useParams().centreId);
  const centre = useCentre(centreId);
  usePageTitle(centre.data?.name ?? "服务中心");
  if (centre.isError) return <QueryError error={centre.error} onRetry={() => centre.refetch()} />;
  if (centre.isPending) return <Skeleton active />;
  return <Centre centre={centre.data} />;
}

function Centre({ centre }: { centre: CentreDetail }) {
  const { message } = App.useApp();
  const vocabulary = useHallVocabulary();
  const label = useHallLabels();
  const [form] = Form.useForm<CentreUpdate>();
  const [adding, setAdding] = useState(false);
  const [windowId, setWindowId] = useState<number>();
  const shownWindow = centre.windows.find((w) => w.id === windowId) ?? centre.windows[0];
  const update = useUpdateCentre(centre.id, {
    onSuccess: () => message.success("已保存"),
    onError: onFormError(form, CENTRE_FIELDS, message.error),
  });
  useEffect(() => form.setFieldsValue(centre), [form, centre]);

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card
        title={<PageHeading>{centre.name}</PageHeading>}
        extra={<Typography.Text type="secondary">主办单位：{centre.unit_name}</Typography.Text>}
      >
        <Form<CentreUpdate> form={form} name="centre" layout="vertical" onFinish={(values) => update.mutate(values)}>
          <CentreFields levels={optionsOf(vocabulary.data?.hall_levels)} within={null} withUnit={false} />
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            保存
          </Button>
        </Form>
      </Card>
      <Card
        title={<SectionHeading>{`窗口（${centre.windows.length}）`}</SectionHeading>}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            新增窗口
          </Button>
        }
      >
        {!shownWindow ? (
          <Typography.Text type="secondary">尚无窗口</Typography.Text>
        ) : (
          // A centre has dozens of windows: chosen from a list rather than a strip of tabs that
          // overflows (and whose overflow menu screen readers cannot follow).
          <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
            <Select
              aria-label="选择窗口"
              showSearch={{ optionFilterProp: "label" }}
              style={{ width: 420, maxWidth: "100%" }}
              value={shownWindow.id}
              onChange={setWindowId}
              options={centre.windows.map((w) => ({
                value: w.id,
                label: `${w.number}号 ${w.name}${w.open ? "" : "（关闭）"}`,
              }))}
            />
            {/* A new key when the server's lists change: the pickers start again from them. */}
            <WindowEditor
              key={`${shownWindow.id}:${JSON.stringify([shownWindow.units, shownWindow.items])}`}
              window={shownWindow}
              kindLabel={label("window_kinds", shownWindow.kind)}
            />
          </Space>
        )}
      </Card>
      {adding && <WindowDialog centreId={centre.id} onClose={() => setAdding(false)} />}
    </Space>
  );
}

function WindowFields() {
  const vocabulary = useHallVocabulary();
  return (
    <Row gutter={16}>
      <Col xs={12} md={4}>
        <Form.Item name="number" label="窗口号" rules={[{ required: true, message: "请填写窗口号" }]}>
          <InputNumber min={1} max={999} precision={0} style={{ width: "100%" }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name="name" label="窗口名称" rules={[{ required: true, message: "请填写窗口名称" }]}>
          <Input maxLength={100} placeholder="如 不动产登记窗口" />
        </Form.Item>
      </Col>
      <Col xs={12} md={5}>
        <Form.Item name="kind" label="窗口类型">
          <Select options={optionsOf(vocabulary.data?.window_kinds)} />
        </Form.Item>
      </Col>
      <Col xs={6} md={4}>
        <Form.Item
          name="ticket_prefix"
          label="号票字母"
          rules={[{ pattern: /^[A-Z]{1,2}$/, message: "一至两个大写字母" }]}
        >
          <Input maxLength={2} />
        </Form.Item>
      </Col>
      <Col xs={6} md={3}>
        <Form.Item name="open" label="开放" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
    </Row>
  );
}

function WindowDialog({ centreId, onClose }: { centreId: number; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<WindowIn>();
  const add = useAddWindow(centreId, { onSuccess: onClose, onError: onFormError(form, WINDOW_FIELDS, message.error) });
  return (
    <Modal open title="新增窗口" width={720} onCancel={onClose} onOk={() => form.submit()} confirmLoading={add.isPending}>
      <Form<WindowIn>
        form={form}
        name="new-window"
        layout="vertical"
        initialValues={{ kind: "unit", ticket_prefix: "A", open: true }}
        onFinish={(values) => add.mutate(values)}
      >
        <WindowFields />
      </Form>
    </Modal>
  );
}

/** One window: its fields, stationed units, staff and accepted items, each saved on its own. */
function WindowEditor({ window, kindLabel }: { window: WindowOut; kindLabel: string }) {
  const { message } = App.useApp();
  const units = useUnits();
  const [fields] = Form.useForm<WindowIn>();
  const [staffForm] = Form.useForm<{ staff: StaffMember[] }>();
  const [unitIds, setUnitIds] = useState(window.units.map((u) => u.id));
  const [itemIds, setItemIds] = useState(window.items.map((i) => i.id));
  const [search, setSearch] = useState("");
  const found = useStaffHallItems({ page: 1, size: 50, ...(search ? { q: search } : {}) });
  const change = useChangeWindow(window.id, {
    onSuccess: () => message.success("已保存"),
    onError: onFormError(fields, WINDOW_FIELDS, message.error),
  });

  useEffect(() => {
    fields.setFieldsValue(window);
    staffForm.setFieldsValue({ staff: window.staff });
  }, [fields, staffForm, window]);

  const unitOptions = useMemo(
    () => (units.data ?? []).filter((u) => !u.closed).map((u) => ({ value: u.id, label: u.name })),
    [units.data],
  );
  const itemOptions = useMemo(() => {
    const shown = new Map(window.items.map((i) => [i.id, `${i.name}（${i.code}）`]));
    for (const i of found.data?.items ?? []) {
      if (i.status !== "retired") shown.set(i.id, `${i.name}（${i.code}）`);
    }
    return [...shown].map(([value, label]) => ({ value, label }));
  }, [window.items, found.data]);
  const stationedOptions = unitOptions.filter((u) => unitIds.includes(u.value));

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Form<WindowIn>
        form={fields}
        name={`window-${window.id}`}
        layout="vertical"
        onFinish={(values) => change.mutate({ what: "fields", body: values })}
      >
        <WindowFields />
        <Button htmlType="submit" loading={change.isPending}>
          保存窗口信息
        </Button>
      </Form>
      <Card size="small" title={<SectionHeading level={3}>进驻单位</SectionHeading>}>
        <Space.Compact style={{ width: "100%" }}>
          <Select
            mode="multiple"
            aria-label="进驻单位"
            showSearch={{ optionFilterProp: "label" }}
            options={unitOptions}
            value={unitIds}
            onChange={setUnitIds}
            style={{ width: "100%" }}
          />
          <Button onClick={() => change.mutate({ what: "units", unitIds })}>保存</Button>
        </Space.Compact>
      </Card>
      <Card size="small" title={<SectionHeading level={3}>窗口人员</SectionHeading>}>
        <Form form={staffForm} name={`staff-${window.id}`} onFinish={(values) => change.mutate({ what: "staff", staff: values.staff ?? [] })}>
          <Form.List name="staff">
            {(rows, { add, remove }) => (
              <>
                {rows.map(({ key, name }) => (
                  <Space key={key} align="baseline" wrap>
                    <Form.Item
                      name={[name, "account"]}
                      rules={[{ required: true, message: "请填写账号" }]}
                      style={{ marginBottom: 8 }}
                    >
                      <Input placeholder="登录账号" aria-label="登录账号" style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item name={[name, "display_name"]} style={{ marginBottom: 8 }}>
                      <Input placeholder="姓名" aria-label="姓名" style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[name, "unit_id"]} style={{ marginBottom: 8 }}>
                      <Select
                        placeholder="所属进驻单位"
                        aria-label="所属进驻单位"
                        allowClear
                        options={stationedOptions}
                        style={{ width: 200 }}
                      />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label="移除人员" onClick={() => remove(name)} />
                  </Space>
                ))}
                <Space>
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ account: "", display_name: "" })}>
                    添加人员
                  </Button>
                  <Button htmlType="submit">保存</Button>
                </Space>
              </>
            )}
          </Form.List>
        </Form>
      </Card>
      <Card
        size="small"
        title={<SectionHeading level={3}>受理事项</SectionHeading>}
        extra={
          <Typography.Text type="secondary">
            {window.kind === "comprehensive"
              ? `${kindLabel}：可受理各单位的事项（一窗受理）`
              : `${kindLabel}：只能受理进驻单位的事项`}
          </Typography.Text>
        }
      >
        <Space.Compact style={{ width: "100%" }}>
          <Select
            mode="multiple"
            aria-label="受理事项"
            showSearch={{ filterOption: false, onSearch: setSearch }}
            options={itemOptions}
            value={itemIds}
            onChange={setItemIds}
            style={{ width: "100%" }}
            placeholder="输入事项名称搜索"
          />
          <Button onClick={() => change.mutate({ what: "items", itemIds })}>保存</Button>
        </Space.Compact>
      </Card>
    </Space>
  );
}
