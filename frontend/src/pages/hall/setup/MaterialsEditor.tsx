import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Typography,
  Upload,
} from "antd";
import { useState } from "react";
import { ApiError, formErrors } from "../../../api/errors";
import {
  downloadItemFile,
  useAddMaterial,
  useHallLabels,
  useHallVocabulary,
  useRemoveForm,
  useRemoveMaterial,
  useReorderMaterials,
  useUpdateMaterial,
  useUploadForm,
  type FilePurpose,
  type MaterialIn,
  type MaterialOut,
  type StaffItem,
} from "../../../api/queries/hallItems";
import { saveBlob } from "../../../lib/download";
import { optionsOf } from "../../../lib/vocabulary";
import { sizeText } from "../guide/format";
import { SectionHeading } from "../Headings";

const MATERIAL_FIELDS = ["name", "form", "copies", "required", "source", "note"] as const;
const ACCEPT = ".pdf,.doc,.docx,.xls,.xlsx";

/** The item's materials: add, edit, order, remove, and upload their blank forms and samples. */
export function MaterialsEditor({ item }: { item: StaffItem }) {
  const { message } = App.useApp();
  const label = useHallLabels();
  const [editing, setEditing] = useState<MaterialOut | "new" | null>(null);
  const reorder = useReorderMaterials(item.id, { onError: (e) => message.error(e.message) });
  const remove = useRemoveMaterial(item.id, {
    onSuccess: () => message.success("已删除材料"),
    onError: (e) => message.error(e.message),
  });
  const removeFile = useRemoveForm(item.id, {
    onSuccess: () => message.success("已删除文件"),
    onError: (e) => message.error(e.message),
  });
  const ids = item.materials.map((m) => m.id);

  const move = (index: number, by: -1 | 1) => {
    const next = [...ids];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    reorder.mutate(next);
  };

  const download = async (fileId: number, filename: string) => {
    try {
      saveBlob(await downloadItemFile(item.id, fileId), filename);
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  return (
    <Card
      title={<SectionHeading>申请材料</SectionHeading>}
      extra={
        <Button onClick={() => setEditing("new")} type="dashed">
          添加材料
        </Button>
      }
    >
      <Table<MaterialOut>
        rowKey="id"
        pagination={false}
        scroll={{ x: "max-content" }}
        dataSource={item.materials}
        locale={{ emptyText: "尚无申请材料" }}
        columns={[
          { title: "序号", width: 60, render: (_: unknown, __: MaterialOut, index: number) => index + 1 },
          {
            title: "材料名称",
            dataIndex: "name",
            render: (name: string, m) => (
              <Space orientation="vertical" size={0}>
                <Button type="link" style={{ padding: 0, height: "auto" }} onClick={() => setEditing(m)}>
                  {name}
                </Button>
                <Typography.Text type="secondary">
                  {label("material_forms", m.form)} · {m.copies}份 · {m.required ? "必需" : "非必需"}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: "空白表格 / 示范文本",
            render: (_: unknown, m) => (
              <Space orientation="vertical" size={4}>
                {m.files.map((f) => (
                  <Space key={f.id} size={4}>
                    <PaperClipOutlined aria-hidden />
                    <Button
                      type="link"
                      style={{ padding: 0, height: "auto" }}
                      onClick={() => void download(f.id, f.filename)}
                    >
                      {label("file_purposes", f.purpose)}：{f.filename}
                    </Button>
                    <Typography.Text type="secondary">{sizeText(f.size)}</Typography.Text>
                    <Popconfirm title="删除该文件？" onConfirm={() => removeFile.mutate(f.id)}>
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除 ${f.filename}`} />
                    </Popconfirm>
                  </Space>
                ))}
                <FileUpload itemId={item.id} materialId={m.id} />
              </Space>
            ),
          },
          {
            title: "操作",
            width: 140,
            render: (_: unknown, m, index) => (
              <Space size={0}>
                <Button
                  type="text"
                  icon={<ArrowUpOutlined />}
                  aria-label={`上移 ${m.name}`}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                />
                <Button
                  type="text"
                  icon={<ArrowDownOutlined />}
                  aria-label={`下移 ${m.name}`}
                  disabled={index === ids.length - 1}
                  onClick={() => move(index, 1)}
                />
                <Popconfirm title="删除该材料？" onConfirm={() => remove.mutate(m.id)}>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除材料 ${m.name}`} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing !== null && (
        <MaterialDialog itemId={item.id} material={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}

function FileUpload({ itemId, materialId }: { itemId: number; materialId: number }) {
  const { message } = App.useApp();
  const vocabulary = useHallVocabulary();
  const [purpose, setPurpose] = useState<FilePurpose>("blank");
  const upload = useUploadForm(itemId, { onSuccess: (f) => message.success(`已上传 ${f.filename}`) });
  return (
    <Space size={4}>
      <Select<FilePurpose>
        size="small"
        aria-label="文件用途"
        value={purpose}
        onChange={setPurpose}
        options={optionsOf<FilePurpose>(vocabulary.data?.file_purposes)}
        style={{ width: 100 }}
      />
      <Upload
        accept={ACCEPT}
        showUploadList={false}
        customRequest={({ file, onSuccess, onError }) => {
          upload.mutate(
            { materialId, purpose, file: file as File },
            {
              onSuccess: (f) => onSuccess?.(f),
              onError: (error) => {
                message.error(error.message);
                onError?.(error);
              },
            },
          );
        }}
      >
        <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
          上传
        </Button>
      </Upload>
    </Space>
  );
}

function MaterialDialog({
  itemId,
  material,
  onClose,
}: {
  itemId: number;
  material: MaterialOut | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const vocabulary = useHallVocabulary();
  const [form] = Form.useForm<MaterialIn>();
  const onError = (error: Error) => {
    const onFields = error instanceof ApiError ? formErrors(error, MATERIAL_FIELDS) : [];
    if (onFields.length) form.setFields(onFields);
    else message.error(error.message);
  };
  const add = useAddMaterial(itemId, { onSuccess: onClose, onError });
  const update = useUpdateMaterial(itemId, { onSuccess: onClose, onError });
  const save = (values: MaterialIn) =>
    material ? update.mutate({ materialId: material.id, body: values }) : add.mutate(values);
  return (
    <Modal
      open
      title={material ? "修改材料" : "添加材料"}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<MaterialIn>
        form={form}
        name="material"
        layout="vertical"
        initialValues={material ?? { form: "original_and_copy", copies: 1, required: true, source: "申请人自备" }}
        onFinish={save}
      >
        <Form.Item name="name" label="材料名称" rules={[{ required: true, message: "请填写材料名称" }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="form" label="材料形式">
            <Select options={optionsOf(vocabulary.data?.material_forms)} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="copies" label="份数">
            <InputNumber min={1} max={99} precision={0} />
          </Form.Item>
          <Form.Item name="required" label="必需" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="source" label="材料来源">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="note" label="填报说明">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
