import { App, DatePicker, Form, Modal, Select } from "antd";
import type { Dayjs } from "dayjs";
import { ApiError, formErrors } from "../../../api/errors";
import { useChangeValidity } from "../../../api/queries/catalog";
import { useCatalogVocabulary } from "../../../api/queries/vocabulary";
import type { StaffItem, Validity } from "../../../lib/catalog";
import { officeToday } from "../../../lib/dates";
import { optionsOf } from "../../../lib/vocabulary";

interface ValidityValues {
  validity: Validity;
  changed_on: Dayjs;
  replaced_by_id?: number | null;
}

/** 变更效力: 失效 or 废止 from a date, and the published item that replaces it. */
export function ValidityDialog({
  item,
  candidates,
  open,
  onClose,
}: {
  item: StaffItem;
  candidates: { id: number; title: string }[];
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ValidityValues>();
  const vocabulary = useCatalogVocabulary();
  const validity = Form.useWatch("validity", form);
  const change = useChangeValidity(item.id, {
    onSuccess: () => {
      message.success("已变更效力");
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        form.setFields(formErrors(error, ["validity", "changed_on", "replaced_by_id"] as const));
      }
      message.error(error.message);
    },
  });
  return (
    <Modal
      open={open}
      title="变更效力"
      okText="确定"
      cancelText="取消"
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ validity: item.validity === "valid" ? "repealed" : item.validity, changed_on: officeToday() }}
        onFinish={(v) =>
          change.mutate({
            validity: v.validity,
            changed_on: v.changed_on.format("YYYY-MM-DD"),
            replaced_by_id: v.validity === "valid" ? null : (v.replaced_by_id ?? null),
          })
        }
      >
        <Form.Item label="效力" name="validity" rules={[{ required: true }]}>
          <Select aria-label="效力" options={optionsOf<Validity>(vocabulary.data?.validities)} />
        </Form.Item>
        <Form.Item label="变更日期" name="changed_on" rules={[{ required: true, message: "请选择日期" }]}>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        {validity !== "valid" && (
          <Form.Item label="替代的信息" name="replaced_by_id" tooltip="新文件取代本文件时选择">
            <Select
              aria-label="替代的信息"
              allowClear
              showSearch
              optionFilterProp="label"
              options={candidates.filter((p) => p.id !== item.id).map((p) => ({ value: p.id, label: p.title }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
