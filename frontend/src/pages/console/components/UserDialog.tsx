import { App, Form, Input, Modal, Select } from "antd";
import { useEffect } from "react";
import { ApiError, formErrors } from "../../../api/errors";
import { useSaveUser, type UserChange } from "../../../api/queries/identity";
import { useGatewayVocabulary } from "../../../api/queries/vocabulary";
import type { components } from "../../../api/schema";
import { UnitTreeSelect } from "../../../components/UnitTreeSelect";

type User = components["schemas"]["UserOut"];
type UserIn = components["schemas"]["UserIn"];
const FIELDS = ["username", "display_name", "unit_id", "roles", "password"] as const;
// The gateway's own role for the other components is never an account's.
const SERVICE_ROLE: components["schemas"]["Role"] = "service";

// The username is fixed once the account exists; an empty password field keeps the password.
function changeOf(editing: User | "new" | null, values: UserIn): UserChange {
  if (!editing || editing === "new") return { body: values };
  const { display_name, unit_id, roles, password } = values;
  return { userId: editing.id, body: { display_name, unit_id, roles, ...(password ? { password } : {}) } };
}

/**
 * A new staff account, or changes to one; passwords are never shown, only set. The password
 * policy is the gateway's: a password it refuses comes back with its reason on the field.
 */
export function UserDialog({ editing, onClose }: { editing: User | "new" | null; onClose: () => void }) {
  const { message } = App.useApp();
  const vocabulary = useGatewayVocabulary();
  const roleOptions = vocabulary.data?.roles.filter((role) => role.value !== SERVICE_ROLE);
  const [form] = Form.useForm<UserIn>();
  const isNew = editing === "new";
  // Each opening starts from the account chosen (or from nothing), even while the last one closes.
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing !== "new") form.setFieldsValue(editing);
  }, [editing, form]);
  const save = useSaveUser({
    onSuccess: (user) => {
      message.success(`已保存账号 ${user.username}`);
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setFields(formErrors(error, FIELDS));
      message.error(error.message);
    },
  });

  return (
    <Modal
      open={editing !== null}
      title={isNew ? "新增账号" : "修改账号"}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(changeOf(editing, values))}>
        <Form.Item
          label="用户名"
          name="username"
          rules={[
            { required: true, message: "请输入用户名" },
            { pattern: /^[A-Za-z0-9_.-]{2,50}$/, message: "2至50位字母、数字、下划线、点或横线" },
          ]}
        >
          <Input disabled={!isNew} />
        </Form.Item>
        <Form.Item label="姓名" name="display_name" rules={[{ required: true, whitespace: true, message: "请输入姓名" }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="所在单位" name="unit_id" rules={[{ required: true, message: "请选择单位" }]}>
          <UnitTreeSelect label="所在单位" allowClear={false} width="100%" />
        </Form.Item>
        <Form.Item label="角色" name="roles" rules={[{ required: true, message: "至少选择一个角色" }]}>
          <Select mode="multiple" options={roleOptions} loading={vocabulary.isPending} />
        </Form.Item>
        <Form.Item
          label={isNew ? "初始密码" : "重置密码（不改请留空）"}
          name="password"
          rules={[{ required: isNew, message: "请输入初始密码" }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
