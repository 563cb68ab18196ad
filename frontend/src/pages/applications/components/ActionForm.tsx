import { Alert, App, Button, Form } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { createContext, useContext, useState, type ReactNode } from "react";
import { ApiError, formErrors } from "../../../api/errors";
import { useApplicationStep } from "../../../api/queries/applications";

type Dated<T> = T extends string ? T | Dayjs : T;

/** A request body as a form holds it: a date may come from a date picker (dayjs). */
export type FormValues<TBody> = { [K in keyof TBody]: Dated<TBody[K]> };

// Date pickers give dayjs values; the API takes ISO dates.
function withIsoDates<TBody>(values: FormValues<TBody>): TBody {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, dayjs.isDayjs(value) ? value.format("YYYY-MM-DD") : value]),
  ) as TBody;
}

/** What the list of steps tells the step in a panel: whom to tell once it is recorded, and
 * whether it is the step offered next after one just recorded (its button takes the focus). */
export const StepOffer = createContext<{ onRecorded?: () => void; offeredNext: boolean }>({
  offeredNext: false,
});

interface Props<TBody, TValues> {
  applicationId: number;
  /** The step's call (src/api/queries/applications.ts); its request body types the form. */
  submit: (body: TBody) => Promise<unknown>;
  /** The body from the form's values, when they differ by more than dates (元 to 分, tags to ids). */
  toBody?: (values: TValues) => TBody;
  initialValues?: Partial<NoInfer<TValues>>;
  submitText: string;
  done: string;
  children: ReactNode;
}

/** One step on an application: its fields, the call, and the API's refusal shown in place. */
export function ActionForm<TBody extends object, TValues extends object = FormValues<TBody>>({
  applicationId,
  submit,
  toBody,
  initialValues,
  submitText,
  done,
  children,
}: Props<TBody, TValues>) {
  const offer = useContext(StepOffer);
  const { message } = App.useApp();
  // Untyped: the field names are the body's keys, which a generic form instance cannot check.
  const [form] = Form.useForm();
  const [refusal, setRefusal] = useState<string | null>(null);
  // Without toBody the values are the body with dayjs dates (TValues keeps its default).
  const bodyOf = toBody ?? (withIsoDates as unknown as (values: TValues) => TBody);
  const step = useApplicationStep(applicationId, (values: TValues) => submit(bodyOf(values)), {
    onSuccess: () => {
      setRefusal(null);
      form.resetFields();
      message.success(done);
      offer.onRecorded?.();
    },
    onError: (error) => {
      // The API names fields as the body does; those the form shows get the reason in place.
      const shown = form.getFieldsError().map(({ name }) => String(name[0]));
      if (error instanceof ApiError) form.setFields(formErrors(error, shown));
      setRefusal(error.message);
    },
  });
  return (
    <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(values: TValues) => step.mutate(values)}>
      {children}
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={step.isPending} autoFocus={offer.offeredNext}>
        {submitText}
      </Button>
    </Form>
  );
}
