import { App, DatePicker, Form, Modal, Radio, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useMemo } from "react";
import { ApiError, formErrors } from "../../../api/errors";
import { useRegisterInquiry } from "../../../api/queries/inquiries";
import { useUnits } from "../../../api/queries/units";
import { useApplicationsVocabulary } from "../../../api/queries/vocabulary";
import type { components } from "../../../api/schema";
import { UnitTreeSelect } from "../../../components/UnitTreeSelect";
import { InquiryFields } from "../InquiryFields";
import { officeToday } from "../../../lib/dates";

type Body = components["schemas"]["ApplicationsRegisteredInquiryIn"];
type Values = Omit<Body, "received_on"> & { received_on: Dayjs };

const FIELDS = ["unit_id", "kind", "channel", "received_on", "subject", "content", "asker_name", "asker_contact"] as const;
// Online questions are asked by the askers themselves on the portal.
const ONLINE = "online";

interface Props {
  open: boolean;
  onClose: () => void;
  /** The staff member's unit, chosen at first. */
  unitId: number;
  /** Whether they act for the units below theirs too (a unit picker then). */
  reachesBelow: boolean;
}

/** 登记咨询: a question taken at the counter or on the phone, with the day it came. */
export function RegisterInquiryDialog({ open, onClose, unitId, reachesBelow }: Props) {
  const { message, modal } = App.useApp();
  const vocabulary = useApplicationsVocabulary();
  const words = vocabulary.data?.inquiries;
  const units = useUnits();
  // Shown in the tree but not choosable: the units the service does not take questions for.
  const notReceiving = useMemo(() => {
    const types = new Set(vocabulary.data?.receiving_unit_types ?? []);
    return new Set((units.data ?? []).filter((u) => !types.has(u.type)).map((u) => u.id));
  }, [units.data, vocabulary.data]);
  const [form] = Form.useForm<Values>();
  const today = officeToday();
  const register = useRegisterInquiry({
    onSuccess: (done) => {
      form.resetFields();
      onClose();
      modal.success({
        title: "已登记",
        content: (
          <>
            <p>编号：{done.id}</p>
            <p>查询码：{done.token}</p>
            <p>答复期限：{done.answer_due_on}</p>
            <Typography.Text type="secondary">
              请将编号和查询码告知提问人（只显示这一次），凭此在门户“咨询答复查询”查看答复并评价。
            </Typography.Text>
          </>
        ),
      });
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setFields(formErrors(error, FIELDS));
      message.error(error.message);
    },
  });

  return (
    <Modal
      open={open}
      title="登记现场或电话咨询、留言"
      width={680}
      okText="登记"
      cancelText="取消"
      confirmLoading={register.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          unit_id: unitId,
          kind: words?.kinds[0]?.value as Body["kind"] | undefined,
          channel: words?.channels.find((c) => c.value !== ONLINE)?.value as Body["channel"] | undefined,
          received_on: today,
        }}
        onFinish={(values) =>
          register.mutate({
            ...values,
            // Without a picker (one unit in reach) the field is not in the form's values.
            unit_id: values.unit_id ?? unitId,
            received_on: values.received_on.format("YYYY-MM-DD"),
          })
        }
      >
        {reachesBelow && (
          <Form.Item name="unit_id" label="单位" rules={[{ required: true, message: "请选择单位" }]}>
            <UnitTreeSelect
              label="单位"
              within={unitId}
              disabledIds={notReceiving}
              width="100%"
              allowClear={false}
            />
          </Form.Item>
        )}
        <Form.Item name="channel" label="渠道" rules={[{ required: true, message: "请选择渠道" }]}>
          <Radio.Group options={(words?.channels ?? []).filter((c) => c.value !== ONLINE)} />
        </Form.Item>
        <Form.Item name="received_on" label="收到日期" rules={[{ required: true, message: "请选择收到日期" }]}>
          <DatePicker aria-label="收到日期" disabledDate={(day) => day.isAfter(today, "day")} />
        </Form.Item>
        <InquiryFields kinds={words?.kinds ?? []} asker="staff" />
      </Form>
    </Modal>
  );
}
