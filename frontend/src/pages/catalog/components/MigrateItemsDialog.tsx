import { Alert, App, Form, Modal, TreeSelect } from "antd";
import { ApiError, formErrors } from "../../../api/errors";
import { useMoveItems } from "../../../api/queries/catalog";
import { useCurrentUser } from "../../../auth/useAuth";
import { UnitTreeSelect } from "../../../components/UnitTreeSelect";
import { columnOptions, type ColumnNode } from "../../../lib/catalog";

/** 迁移栏目信息: a column's items into another column, of every unit or of one. */
export function MigrateItemsDialog({ tree, open, onClose }: { tree: ColumnNode[]; open: boolean; onClose: () => void }) {
  const user = useCurrentUser()!;
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ from_column_id: number; to_column_id: number; unit_id?: number }>();
  const migrate = useMoveItems({
    onSuccess: (result) => {
      modal.success({ title: "迁移完成", content: `已迁移 ${result.moved} 条信息，索引号和链接保持不变。` });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        form.setFields(formErrors(error, ["from_column_id", "to_column_id", "unit_id"] as const));
      }
      message.error(error.message);
    },
  });
  const options = columnOptions(tree);
  return (
    <Modal
      open={open}
      title="迁移栏目信息"
      okText="迁移"
      cancelText="取消"
      confirmLoading={migrate.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="将原栏目中的信息移到新栏目；已发布的信息同步报送省级平台。"
      />
      <Form form={form} layout="vertical" onFinish={(v) =>
          migrate.mutate({ from_column_id: v.from_column_id, to_column_id: v.to_column_id, unit_id: v.unit_id ?? null })
        } preserve={false}>
        <Form.Item label="原栏目" name="from_column_id" rules={[{ required: true, message: "请选择原栏目" }]}>
          <TreeSelect aria-label="原栏目" showSearch treeNodeFilterProp="title" treeData={options} />
        </Form.Item>
        <Form.Item
          label="新栏目"
          name="to_column_id"
          dependencies={["from_column_id"]}
          rules={[
            { required: true, message: "请选择新栏目" },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value && value === getFieldValue("from_column_id")
                  ? Promise.reject(new Error("新栏目不能与原栏目相同"))
                  : Promise.resolve(),
            }),
          ]}
        >
          <TreeSelect aria-label="新栏目" showSearch treeNodeFilterProp="title" treeData={options} />
        </Form.Item>
        <Form.Item label="只迁移该单位的信息" name="unit_id" tooltip="不选为全部单位">
          <UnitTreeSelect label="只迁移该单位的信息" within={user.unit_id} placeholder="全部单位" width="100%" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
