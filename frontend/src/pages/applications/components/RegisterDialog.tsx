import { App, DatePicker, Form, Modal, Select, Skeleton, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { ApiError, formErrors } from "../../../api/errors";
import { useRegisterApplication } from "../../../api/queries/applications";
import { useApplicationsVocabulary } from "../../../api/queries/vocabulary";
import type { components } from "../../../api/schema";
import type { Channel } from "../../../lib/applications";
import { officeToday } from "../../../lib/dates";
import { optionsOf } from "../../../lib/vocabulary";
import { APPLICANT_FIELDS, ApplicantFields } from "./ApplicantFields";

type Body = components["schemas"]["ApplicationsRegisteredApplicationIn"];
type Values = Omit<Body, "submitted_on" | "signed_for_on" | "confirmed_on"> & {
  submitted_on: Dayjs;
  signed_for_on?: Dayjs;
  confirmed_on?: Dayjs;
};

const FIELDS = [...APPLICANT_FIELDS, "channel", "submitted_on", "signed_for_on", "confirmed_on"] as const;
// The applicant's own channel; the staff register all the others.
const ONLINE: Channel = "online";
const day = (value?: Dayjs) => (value ? value.format("YYYY-MM-DD") : null);

/** 登记申请: a letter, fax, e-mail or visit; the received date follows 条例第三十一条. */
export function RegisterDialog({ open, onClose, unitId }: { open: boolean; onClose: () => void; unitId: number | null }) {
  const { message, modal } = App.useApp();
  const vocabulary = useApplicationsVocabulary();
  const channels = optionsOf<Channel>(vocabulary.data?.channels).filter((c) => c.value !== ONLINE);
  const [form] = Form.useForm<Values>();
  const [legal, setLegal] = useState(false);
  const channel = Form.useWatch("channel", form) as Channel | undefined;

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
      if (error instanceof ApiError) form.setFields(formErrors(error, FIELDS));
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
      {!vocabulary.data ? (
        <Skeleton active />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            channel: "in_person",
            applicant_type: "natural_person",
            id_type: vocabulary.data.id_card,
            form: "paper",
            unit_id: unitId ?? undefined,
            submitted_on: officeToday(),
          }}
          onValuesChange={(_, all) => setLegal(all.applicant_type === "legal_person")}
          onFinish={(values) =>
            register.mutate({
              ...values,
              organisation_kind: legal ? values.organisation_kind : null,
              submitted_on: day(values.submitted_on)!,
              signed_for_on: day(values.signed_for_on),
              confirmed_on: day(values.confirmed_on),
            })
          }
        >
          <Form.Item name="channel" label="申请渠道" rules={[{ required: true }]}>
            <Select aria-label="申请渠道" options={channels} />
          </Form.Item>
          <Form.Item name="submitted_on" label={channel === "letter" ? "寄出日期" : "提交日期"} rules={[{ required: true, message: "请选择日期" }]}>
            <DatePicker />
          </Form.Item>
          {channel === "letter" && (
            <Form.Item name="signed_for_on" label="签收日期" rules={[{ required: true, message: "信函申请须填写签收日期" }]}>
              <DatePicker />
            </Form.Item>
          )}
          {(channel === "fax" || channel === "email") && (
            <Form.Item
              name="confirmed_on"
              label="确认收到日期"
              rules={[{ required: true, message: "传真、电子邮件申请须填写确认收到日期" }]}
            >
              <DatePicker />
            </Form.Item>
          )}
          <ApplicantFields legal={legal} vocabulary={vocabulary.data} />
        </Form>
      )}
    </Modal>
  );
}
