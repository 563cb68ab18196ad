import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Divider, List, Popconfirm, Space, Typography, Upload } from "antd";
import dayjs from "dayjs";
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
export function AttachmentList({ itemId }: { itemId: number }) {
  const attachments = useAttachments(itemId);
  if (!attachments.data?.length) return null;
  return (
    <>
      <Divider />
      <Typography.Title level={5}>附件</Typography.Title>
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

/** The editor's attachments: upload and delete; downloads go through the client with the token. */
export function AttachmentEditor({ itemId, editable }: { itemId: number; editable: boolean }) {
  const attachments = useAttachments(itemId);
  const { message } = App.useApp();
  const upload = useUploadAttachment(itemId, { onSuccess: (a) => message.success(`已上传 ${a.filename}`) });
  const remove = useDeleteAttachment(itemId, {
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

  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {editable && (
        <Upload
          showUploadList={false}
          customRequest={({ file, onSuccess, onError }) => {
            upload.mutate(file as File, {
              onSuccess: (a) => onSuccess?.(a),
              onError: (error) => {
                message.error(error.message);
                onError?.(error);
              },
            });
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending}>
            上传附件
          </Button>
        </Upload>
      )}
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
              <Typography.Link onClick={() => void download(a.id, a.filename)}>{a.filename}</Typography.Link>
              <Typography.Text type="secondary">
                {formatBytes(a.size)} · {dayjs(a.created_at).format("YYYY-MM-DD HH:mm")}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
