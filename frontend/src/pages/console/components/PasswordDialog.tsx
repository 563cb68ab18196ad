import { App, Form, Input, Modal } from "antd";
import { ApiError, formErrors } from "../../../api/errors";
import { useChangePassword } from "../../../api/queries/identity";

interface Values {
  old_password: string;
  password: string;
  confirm: string;
}

const FIELDS = ["old_password", "password"] as const;

/** 修改密码: the gateway judges the new password (its policy, its reasons); this session stays. */
export function PasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword({
    onSuccess: () => {
      message.success("密码已修改，您在其他设备上的登录已退出");
      onClose();
    },
    onError: (error) => {
      const shown = error instanceof ApiError ? formErrors(error, FIELDS) : [];
      form.setFields(shown);
      // A refusal named on a field is shown there; anything else (a lockout, the network) here.
      if (!shown.length) message.error(error.message);
    },
  });

  return (
    <Modal
      open={open}
      title="修改密码"
      okText="修改"
      cancelText="取消"
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={({ old_password, password }) => change.mutate({ old_password, password })}
      >
        <Form.Item label="原密码" name="old_password" rules={[{ required: true, message: "请输入原密码" }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="新密码" name="password" rules={[{ required: true, message: "请输入新密码" }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={["password"]}
          rules={[
            { required: true, message: "请再次输入新密码" },
            ({ getFieldValue }) => ({
              validator: (_, value?: string) =>
                !value || value === getFieldValue("password")
                  ? Promise.resolve()
                  : Promise.reject(new Error("两次输入的新密码不一致")),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
