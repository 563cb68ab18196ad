// The body editor's dialogs: a link's address, an image (uploaded as the item's attachment, or
// by an address of this site). Each checks what it is given as the catalog will (urls.ts). The
// editor mounts a dialog only while it is open, so each opens empty.
import { UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, Modal, Tabs, Upload } from "antd";
import { useState } from "react";
import { checkImageSource, checkLink, type Checked } from "./urls";

export interface ImageSource {
  src: string;
  alt: string;
}

/** Uploads the file as an attachment of the item; the image to insert, or an error to show. */
export type ImageUpload = (file: File) => Promise<ImageSource>;

const checked = (check: (value: string) => Checked) => ({
  validator: async (_: unknown, value: string | undefined) => {
    const result = check(value ?? "");
    if (!result.ok) throw new Error(result.reason);
  },
});

interface LinkValues {
  href: string;
  text?: string;
}

export function LinkDialog({
  open,
  initial,
  hasSelection,
  onOk,
  onCancel,
}: {
  open: boolean;
  initial: string;
  /** Text is selected (or the cursor is on a link): the link goes on it; else the words are asked. */
  hasSelection: boolean;
  onOk: (href: string, text?: string) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<LinkValues>();
  return (
    <Modal
      open={open}
      title="插入链接"
      okText="确定"
      cancelText="取消"
      destroyOnHidden
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      <Form<LinkValues>
        form={form}
        layout="vertical"
        initialValues={{ href: initial, text: "" }}
        onFinish={(values) => {
          const result = checkLink(values.href);
          if (result.ok) onOk(result.url, hasSelection ? undefined : values.text?.trim());
        }}
      >
        <Form.Item
          label="链接地址"
          name="href"
          extra="网址（http、https）、电子邮箱，或本网站的页面路径（如 /items/12）"
          rules={[checked(checkLink)]}
        >
          <Input autoFocus placeholder="https://www.gov.cn/" />
        </Form.Item>
        {!hasSelection && (
          <Form.Item
            label="链接文字"
            name="text"
            rules={[{ required: true, whitespace: true, message: "请输入链接上显示的文字" }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function ImageDialog({
  open,
  upload,
  onOk,
  onCancel,
}: {
  open: boolean;
  upload?: ImageUpload;
  onOk: (image: ImageSource, uploaded: boolean) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<{ src: string; alt: string }>();
  const [tab, setTab] = useState(upload ? "upload" : "address");
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const send = async (file: File) => {
    if (!upload) return;
    setUploading(true);
    setFailure(null);
    try {
      onOk(await upload(file), true);
    } catch (error) {
      setFailure(`《${file.name}》未能上传：${(error as Error).message}`);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Modal
      open={open}
      title="插入图片"
      okText="插入"
      cancelText="取消"
      destroyOnHidden
      onCancel={onCancel}
      okButtonProps={{ hidden: tab === "upload" }}
      onOk={() => form.submit()}
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          ...(upload
            ? [
                {
                  key: "upload",
                  label: "上传图片",
                  children: (
                    <>
                      <p>图片作为本信息的附件保存（JPG、PNG），保存时去除拍摄地点等隐藏信息。</p>
                      <Upload
                        accept="image/jpeg,image/png"
                        showUploadList={false}
                        beforeUpload={(file) => {
                          void send(file);
                          return false;
                        }}
                      >
                        <Button icon={<UploadOutlined />} loading={uploading}>
                          选择图片
                        </Button>
                      </Upload>
                    </>
                  ),
                },
              ]
            : []),
          {
            key: "address",
            label: "图片地址",
            children: (
              <Form<{ src: string; alt: string }>
                form={form}
                layout="vertical"
                onFinish={(values) => {
                  const result = checkImageSource(values.src);
                  if (result.ok) onOk({ src: result.url, alt: values.alt.trim() }, false);
                }}
              >
                <Form.Item
                  label="图片地址"
                  name="src"
                  extra="本网站的图片，如本信息附件的下载地址"
                  rules={[checked(checkImageSource)]}
                >
                  <Input placeholder="/api/catalog/attachments/12/download" />
                </Form.Item>
                <Form.Item
                  label="图片说明"
                  name="alt"
                  extra="供读屏软件朗读，说明图片的内容"
                  rules={[{ required: true, whitespace: true, message: "请说明图片的内容" }]}
                >
                  <Input maxLength={200} />
                </Form.Item>
              </Form>
            ),
          },
        ]}
      />
      {failure && <Alert type="error" showIcon title={failure} />}
    </Modal>
  );
}
