import { App, Form, Input, Modal } from "antd";
import { ApiError, formErrors } from "../../../api/errors";
import { useWithdrawItem } from "../../../api/queries/catalog";
import type { StaffItem } from "../../../lib/catalog";

/** 撤回: the item leaves the portal, with the reason recorded in its history. */
export function WithdrawDialog({ item, open, onClose }: { item: StaffItem; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useWithdrawItem(item.id, {
    onSuccess: () => {
      message.success("已撤回，门户不再显示该信息");
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
      <Form form={form} layout="vertical" onFinish={(v) => withdraw.mutate({ reason: v.reason })}>
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

