import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Divider, List, Popconfirm, Space, Typography, Upload } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import {
  downloadAttachment,
  useAttachments,
  useDeleteAttachment,
  useUploadAttachment,
} from "../../../api/queries/catalog";
import { formatBytes } from "../../../lib/catalog";
import { saveBlob } from "../../../lib/download";

const downloadUrl = (id: number) => `/api/catalog/attachments/${id}/download`;

/** An item's attachments (附件) with download links, as the public sees them. */
export function AttachmentList({ itemId, headingLevel = 2 }: { itemId: number; headingLevel?: 2 | 3 }) {
  const attachments = useAttachments(itemId);
  if (!attachments.data?.length) return null;
  return (
    <>
      <Divider />
      {/* A section of the item's article, below its h1 title (and in the preview, its h2). */}
      <Typography.Title level={headingLevel} className="item-section-title">
        附件
      </Typography.Title>
      <List
        size="small"
        dataSource={attachments.data}
        renderItem={(a) => (
          <List.Item>
            <Space>
              <PaperClipOutlined />
              <a href={downloadUrl(a.id)} download={a.filename}>
                {a.filename}
              </a>
              <Typography.Text type="secondary">{formatBytes(a.size)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </>
  );
}

/** What an upload that failed says: the file, and the catalog's reason. */
export const uploadFailure = (file: File, error: Error) => `《${file.name}》未能上传：${error.message}`;

/**
 * The editor's attachments: upload and delete; downloads go through the client with the token.
 * Without an item yet (a new one), `uploadFirst` takes the file: it saves the draft, then uploads.
 */
export function AttachmentEditor({
  itemId,
  editable,
  uploadFirst,
}: {
  itemId?: number;
  editable: boolean;
  uploadFirst?: (file: File) => Promise<void>;
}) {
  const { message } = App.useApp();
  const [sending, setSending] = useState(false);
  const attachments = useAttachments(itemId);
  const upload = useUploadAttachment(itemId ?? 0, { onSuccess: (a) => message.success(`已上传 ${a.filename}`) });
  const remove = useDeleteAttachment(itemId ?? 0, {
    onSuccess: () => message.success("已删除附件"),
    onError: (error) => message.error(error.message),
  });

  const download = async (id: number, filename: string) => {
    try {
      saveBlob(await downloadAttachment(id), filename);
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const send = async (file: File) => {
    if (itemId === undefined) {
      setSending(true);
      await uploadFirst?.(file).finally(() => setSending(false));
      return;
    }
    await upload.mutateAsync(file).catch((error: Error) => message.error(uploadFailure(file, error)));
  };

  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {editable && (
        <Upload
          showUploadList={false}
          // A new item's first file saves the draft; more at once would each start one.
          multiple={itemId !== undefined}
          customRequest={({ file, onSuccess }) => {
            void send(file as File).then(() => onSuccess?.(null));
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending || sending}>
            上传附件
          </Button>
        </Upload>
      )}
      {itemId === undefined ? (
        <Typography.Text type="secondary">
          {editable ? "暂无附件。上传第一个附件时会先保存草稿（须已填写栏目、标题和生成日期）。" : "暂无附件"}
        </Typography.Text>
      ) : (
        <List
          size="small"
          loading={attachments.isPending}
          dataSource={attachments.data ?? []}
          locale={{ emptyText: "暂无附件" }}
          renderItem={(a) => (
            <List.Item
              actions={
                editable
                  ? [
                      <Popconfirm
                        key="delete"
                        title={`删除附件 ${a.filename}？`}
                        okText="删除"
                        cancelText="取消"
                        onConfirm={() => remove.mutate(a.id)}
                      >
                        <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${a.filename}`} />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Space wrap>
                <PaperClipOutlined />
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => void download(a.id, a.filename)}>
                  {a.filename}
                </Button>
                <Typography.Text type="secondary">
                  {formatBytes(a.size)} · {dayjs(a.created_at).format("YYYY-MM-DD HH:mm")}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
