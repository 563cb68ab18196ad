import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Form, Input, Modal, Select, Table } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { ApiError, formErrors } from "../../../api/errors";
import { useHallLabels, useHallVocabulary } from "../../../api/queries/hallItems";
import { useCentres, useCreateCentre, type CentreIn, type CentreSummary } from "../../../api/queries/hallWindows";
import { useCurrentUser } from "../../../auth/useAuth";
import { QueryError } from "../../../components/QueryError";
import { UnitTreeSelect } from "../../../components/UnitTreeSelect";
import { usePageTitle } from "../../../lib/usePageTitle";
import { optionsOf } from "../../../lib/vocabulary";
import { PageHeading } from "../Headings";

export const CENTRE_FIELDS = ["unit_id", "level", "name", "address", "hours", "phone"] as const;

/** 中心与窗口: the service centres of the office's reach. */
export function CentresPage() {
  const centres = useCentres();
  const label = useHallLabels();
  const [creating, setCreating] = useState(false);
  usePageTitle("服务中心与窗口");
  return (
    <Card
      title={<PageHeading>服务中心与窗口</PageHeading>}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建服务中心
        </Button>
      }
    >
      {centres.isError ? (
        <QueryError error={centres.error} onRetry={() => centres.refetch()} />
      ) : (
        <Table<CentreSummary>
          rowKey="id"
          loading={centres.isPending}
          dataSource={centres.data ?? []}
          pagination={false}
          scroll={{ x: "max-content" }}
          locale={{ emptyText: "尚未设立服务中心" }}
          columns={[
            {
              title: "名称",
              dataIndex: "name",
              render: (name: string, c) => <Link to={`/console/hall/centres/${c.id}`}>{name}</Link>,
            },
            { title: "层级", dataIndex: "level", width: 120, render: (l: string) => label("hall_levels", l) },
            { title: "主办单位", dataIndex: "unit_name", width: 180 },
            { title: "地址", dataIndex: "address" },
            { title: "窗口数", dataIndex: "window_count", width: 80 },
          ]}
        />
      )}
      {creating && <CentreDialog onClose={() => setCreating(false)} />}
    </Card>
  );
}

function CentreDialog({ onClose }: { onClose: () => void }) {
  const user = useCurrentUser()!;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const vocabulary = useHallVocabulary();
  const [form] = Form.useForm<CentreIn>();
  const create = useCreateCentre({
    onSuccess: (centre) => navigate(`/console/hall/centres/${centre.id}`),
    onError: (error) => {
      const onFields = error instanceof ApiError ? formErrors(error, CENTRE_FIELDS) : [];
      if (onFields.length) form.setFields(onFields);
      else message.error(error.message);
    },
  });
  return (
    <Modal open title="新建服务中心" onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending}>
      <Form<CentreIn>
        form={form}
        name="new-centre"
        layout="vertical"
        initialValues={{ unit_id: user.unit_id ?? undefined, level: "district" }}
        onFinish={(values) => create.mutate(values)}
      >
        <CentreFields levels={optionsOf(vocabulary.data?.hall_levels)} within={user.unit_id} withUnit />
      </Form>
    </Modal>
  );
}

/** A centre's fields (inside a Form); its unit only when it is created. */
export function CentreFields({
  levels,
  within,
  withUnit,
}: {
  levels: { value: string; label: string }[];
  within: number | null | undefined;
  withUnit: boolean;
}) {
  return (
    <>
      <Form.Item name="name" label="名称" rules={[{ required: true, message: "请填写名称" }]}>
        <Input maxLength={200} placeholder="如 锦华区政务服务中心" />
      </Form.Item>
      {withUnit && (
        <Form.Item name="unit_id" label="主办单位" rules={[{ required: true, message: "请选择主办单位" }]}>
          <UnitTreeSelect label="主办单位" within={within} allowClear={false} width="100%" />
        </Form.Item>
      )}
      <Form.Item name="level" label="层级" rules={[{ required: true, message: "请选择层级" }]}>
        <Select options={levels} />
      </Form.Item>
      <Form.Item name="address" label="地址">
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="hours" label="办公时间">
        <Input maxLength={200} placeholder="如 周一至周五 9:00-12:00，13:30-17:30" />
      </Form.Item>
      <Form.Item name="phone" label="电话">
        <Input maxLength={100} />
      </Form.Item>
    </>
  );
}
