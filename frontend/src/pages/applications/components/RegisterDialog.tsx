import { App, Form, Modal, Typography } from "antd";
import { useRegisterApplication } from "../../../api/queries/applications";
import { RegisterForm, showRefusal, type RegisterValues } from "./RegisterForm";

/** 登记申请 from the inbox: a letter, fax, e-mail or visit to the handler's units. */
export function RegisterDialog({ open, onClose, unitId }: { open: boolean; onClose: () => void; unitId: number | null }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<RegisterValues>();
  const register = useRegisterApplication({
    onSuccess: (done) => {
      form.resetFields();
      onClose();
      modal.success({
        title: "申请已登记",
        content: (
          <>
            <p>申请编号：{done.tracking_number}</p>
            <p>查询码：{done.query_code}</p>
            <Typography.Text type="secondary">请将申请编号和查询码告知申请人，查询码只显示这一次。</Typography.Text>
          </>
        ),
      });
    },
    onError: (error) => {
      showRefusal(form, error);
      message.error(error.message);
    },
  });

  return (
    <Modal
      open={open}
      title="登记信函、传真、电子邮件或当面提交的申请"
      width={760}
      okText="登记"
      confirmLoading={register.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <RegisterForm form={form} unitId={unitId} inPersonOnly={false} onSubmit={(body) => register.mutate(body)} />
    </Modal>
  );
}
