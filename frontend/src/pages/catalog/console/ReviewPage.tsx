import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Input,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { api, unwrap } from "../../../api/client";
import { ApiError, formErrors } from "../../../api/errors";
import { useUnits } from "../../../api/queries";
import { useCurrentUser } from "../../../auth/useAuth";
import {
  CHANNEL_LABELS,
  DISCLOSURE_LABELS,
  DOCUMENT_TYPE_LABELS,
  isStaffItem,
  type ItemSummary,
  type StaffItem,
} from "../../../lib/catalog";
import { QueryError } from "../../QueryError";
import { AttachmentEditor } from "../AttachmentList";
import { useItem } from "../queries";
import { ItemHistory } from "./ItemHistory";

const PAGE_SIZE = 20;

/** 审查: the items waiting for 保密审查 and 属性审核 in the reviewer's reach. */
export function ReviewPage() {
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const units = useUnits();
  const unitName = useMemo(() => new Map(units.data?.map((u) => [u.id, u.name])), [units.data]);
  const queue = useQuery({
    queryKey: ["items", { status: "submitted", page }],
    queryFn: () =>
      unwrap(api.GET("/api/catalog/items", { params: { query: { status: "submitted", page, size: PAGE_SIZE } } })),
    placeholderData: (previous) => previous,
  });

  return (
    <Card title="审查" extra={<Typography.Text type="secondary">待审查 {queue.data?.total ?? 0} 条</Typography.Text>}>
      <Typography.Paragraph type="secondary">
        谁公开谁审查、谁审查谁负责：发布前须完成保密审查和公开属性审核；审查人不能审查自己编写的信息。
      </Typography.Paragraph>
      {queue.isError ? (
        <QueryError error={queue.error} onRetry={() => queue.refetch()} />
      ) : (
        <Table<ItemSummary>
          rowKey="id"
          loading={queue.isPending || queue.isFetching}
          dataSource={queue.data?.items ?? []}
          locale={{ emptyText: "没有待审查的信息" }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: queue.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
          }}
          columns={[
            {
              title: "标题",
              dataIndex: "title",
              render: (title: string, item) => <Typography.Link onClick={() => setOpen(item.id)}>{title}</Typography.Link>,
            },
            { title: "单位", dataIndex: "unit_id", width: 180, render: (id: number) => unitName.get(id) ?? id },
            { title: "文件类型", dataIndex: "document_type", width: 130, render: (t: ItemSummary["document_type"]) => DOCUMENT_TYPE_LABELS[t] },
            { title: "生成日期", dataIndex: "formed_on", width: 110 },
            {
              title: "操作",
              key: "review",
              width: 90,
              render: (_: unknown, item) => (
                <Button size="small" type="primary" onClick={() => setOpen(item.id)}>
                  审查
                </Button>
              ),
            },
          ]}
        />
      )}
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        title="审查信息"
        size="large"
        destroyOnHidden
      >
        {open !== null && <ReviewItem itemId={open} onDone={() => setOpen(null)} />}
      </Drawer>
    </Card>
  );
}

interface ReviewValues {
  confidentiality_checked: boolean;
  attribute_checked: boolean;
  reason: string;
}

function ReviewItem({ itemId, onDone }: { itemId: number; onDone: () => void }) {
  const item = useItem(itemId);
  if (item.isPending) return <Skeleton active />;
  if (item.isError) return <QueryError error={item.error} onRetry={() => item.refetch()} />;
  if (!isStaffItem(item.data)) return <Alert type="error" title="这条信息不属于您可以审查的单位" />;
  return <ReviewForm item={item.data} onDone={onDone} />;
}

function ReviewForm({ item, onDone }: { item: StaffItem; onDone: () => void }) {
  const user = useCurrentUser()!;
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewValues>();
  const confidentiality = Form.useWatch("confidentiality_checked", form);
  const attribute = Form.useWatch("attribute_checked", form);
  const ownItem = item.author === user.username;

  const review = useMutation({
    mutationFn: ({ decision, values }: { decision: "approve" | "reject"; values: ReviewValues }) =>
      unwrap(
        api.POST("/api/catalog/items/{item_id}/review", {
          params: { path: { item_id: item.id } },
          body: {
            decision,
            confidentiality_checked: !!values.confidentiality_checked,
            attribute_checked: !!values.attribute_checked,
            reason: values.reason ?? "",
          },
        }),
      ),
    onSuccess: (reviewed) => {
      message.success(reviewed.status === "published" ? `已发布：${reviewed.title}` : "已退回编写人修改");
      void queryClient.invalidateQueries({ queryKey: ["items"] });
      void queryClient.invalidateQueries({ queryKey: ["item", item.id] });
      void queryClient.invalidateQueries({ queryKey: ["published"] });
      onDone();
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setFields(formErrors(error, ["reason"] as const));
      message.error(error.message);
    },
  });

  const decide = async (decision: "approve" | "reject") => {
    if (decision === "reject") {
      const reason = (form.getFieldValue("reason") as string | undefined) ?? "";
      if (!reason.trim()) {
        form.setFields([{ name: "reason", errors: ["退回须写明理由"] }]);
        return;
      }
    }
    review.mutate({ decision, values: form.getFieldsValue() });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {item.title}
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          { key: "index", label: "索引号", children: item.index_number, span: 2 },
          { key: "unit", label: "单位", children: item.unit_name },
          { key: "column", label: "栏目", children: item.column_name },
          { key: "number", label: "发文字号", children: item.document_number || "—" },
          { key: "type", label: "文件类型", children: DOCUMENT_TYPE_LABELS[item.document_type] },
          { key: "formed", label: "生成日期", children: item.formed_on },
          { key: "due", label: "发布期限", children: item.due_on },
          {
            key: "attribute",
            label: "公开属性",
            children: (
              <Space size={4} wrap>
                <Tag color={item.disclosure_attribute === "proactive" ? "green" : "orange"}>
                  {DISCLOSURE_LABELS[item.disclosure_attribute]}
                </Tag>
                {item.non_disclosure_reason}
              </Space>
            ),
          },
          { key: "channels", label: "公开渠道", children: item.channels.map((c) => CHANNEL_LABELS[c]).join("、") },
          { key: "author", label: "编写人", children: item.author },
          { key: "issuer", label: "发布机构", children: item.issuing_unit || item.unit_name },
        ]}
      />
      <Card size="small" title="正文">
        {/* Sanitised by the catalog service when saved. */}
        <div className="item-body" style={{ margin: 0 }} dangerouslySetInnerHTML={{ __html: item.body_html }} />
      </Card>
      <Card size="small" title="附件">
        <AttachmentEditor itemId={item.id} editable={false} />
      </Card>
      <Divider style={{ margin: "4px 0" }} />
      {ownItem && <Alert type="warning" showIcon title="这是您本人编写的信息，须由其他审查人审查" />}
      <Form<ReviewValues> form={form} layout="vertical" disabled={ownItem || review.isPending}>
        <Form.Item name="confidentiality_checked" valuePropName="checked" style={{ marginBottom: 4 }}>
          <Checkbox>已完成保密审查：不涉及国家秘密、工作秘密、商业秘密和个人隐私</Checkbox>
        </Form.Item>
        <Form.Item name="attribute_checked" valuePropName="checked">
          <Checkbox>已完成公开属性审核：公开属性、栏目和公开方式正确</Checkbox>
        </Form.Item>
        <Form.Item label="审查意见（退回时必填）" name="reason">
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            disabled={!(confidentiality && attribute)}
            loading={review.isPending && review.variables?.decision === "approve"}
            onClick={() => void decide("approve")}
          >
            通过并发布
          </Button>
          <Button
            danger
            loading={review.isPending && review.variables?.decision === "reject"}
            onClick={() => void decide("reject")}
          >
            退回修改
          </Button>
        </Space>
      </Form>
      <Card size="small" title="办理记录">
        <ItemHistory itemId={item.id} />
      </Card>
    </Space>
  );
}
