import { DatePicker, Form, Select, Skeleton, type FormInstance } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { ApiError, formErrors } from "../../../api/errors";
import { useApplicationsVocabulary } from "../../../api/queries/vocabulary";
import type { components } from "../../../api/schema";
import type { Channel } from "../../../lib/applications";
import { officeToday } from "../../../lib/dates";
import { optionsOf } from "../../../lib/vocabulary";
import { APPLICANT_FIELDS, ApplicantFields } from "./ApplicantFields";

export type RegisteredBody = components["schemas"]["ApplicationsRegisteredApplicationIn"];
export type RegisterValues = Omit<RegisteredBody, "submitted_on" | "signed_for_on" | "confirmed_on"> & {
  submitted_on: Dayjs;
  signed_for_on?: Dayjs;
  confirmed_on?: Dayjs;
};

const FIELDS = [...APPLICANT_FIELDS, "channel", "submitted_on", "signed_for_on", "confirmed_on"] as const;
// The applicant's own channel; the staff register all the others.
const ONLINE: Channel = "online";
const IN_PERSON: Channel = "in_person";
const day = (value?: Dayjs) => (value ? value.format("YYYY-MM-DD") : null);

/** The API's refusal shown at the fields it names. */
export function showRefusal(form: FormInstance<RegisterValues>, error: Error): void {
  if (error instanceof ApiError) form.setFields(formErrors(error, FIELDS));
}

interface Props {
  form: FormInstance<RegisterValues>;
  /** The unit chosen at first (the handler's own); none for a window of the service centre. */
  unitId: number | null;
  /** A window of the 政务服务中心 registers only applications handed in at the hall. */
  inPersonOnly: boolean;
  onSubmit: (body: RegisteredBody) => void;
}

/** 登记申请: a letter, fax, e-mail or visit; the received date follows 条例第三十一条. */
export function RegisterForm({ form, unitId, inPersonOnly, onSubmit }: Props) {
  const vocabulary = useApplicationsVocabulary();
  const channels = optionsOf<Channel>(vocabulary.data?.channels).filter((c) =>
    inPersonOnly ? c.value === IN_PERSON : c.value !== ONLINE,
  );
  const [legal, setLegal] = useState(false);
  const channel = Form.useWatch("channel", form) as Channel | undefined;
  if (!vocabulary.data) return <Skeleton active />;
  return (
    <Form<RegisterValues>
      form={form}
      layout="vertical"
      initialValues={{
        channel: IN_PERSON,
        applicant_type: "natural_person",
        id_type: vocabulary.data.id_card,
        form: "paper",
        unit_id: unitId ?? undefined,
        submitted_on: officeToday(),
      }}
      onValuesChange={(_, all) => setLegal(all.applicant_type === "legal_person")}
      onFinish={(values) =>
        onSubmit({
          ...values,
          organisation_kind: legal ? values.organisation_kind : null,
          submitted_on: day(values.submitted_on)!,
          signed_for_on: day(values.signed_for_on),
          confirmed_on: day(values.confirmed_on),
        })
      }
    >
      <Form.Item name="channel" label="申请渠道" rules={[{ required: true, message: "请选择申请渠道" }]}>
        <Select aria-label="申请渠道" options={channels} disabled={inPersonOnly} />
      </Form.Item>
      <Form.Item
        name="submitted_on"
        label={channel === "letter" ? "寄出日期" : "提交日期"}
        rules={[{ required: true, message: "请选择日期" }]}
      >
        <DatePicker aria-label={channel === "letter" ? "寄出日期" : "提交日期"} />
      </Form.Item>
      {channel === "letter" && (
        <Form.Item name="signed_for_on" label="签收日期" rules={[{ required: true, message: "信函申请须填写签收日期" }]}>
          <DatePicker aria-label="签收日期" />
        </Form.Item>
      )}
      {(channel === "fax" || channel === "email") && (
        <Form.Item
          name="confirmed_on"
          label="确认收到日期"
          rules={[{ required: true, message: "传真、电子邮件申请须填写确认收到日期" }]}
        >
          <DatePicker aria-label="确认收到日期" />
        </Form.Item>
      )}
      <ApplicantFields legal={legal} vocabulary={vocabulary.data} />
    </Form>
  );
}
