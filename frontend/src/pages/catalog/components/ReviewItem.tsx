import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Divider,
  Form,
  Input,
  Skeleton,
  Space,
  Tag,
  Typography,
} from "antd";
import { ApiError, formErrors } from "../../../api/errors";
import { useItem, useReviewItem } from "../../../api/queries/catalog";
import { useLabels } from "../../../api/queries/vocabulary";
import { useCurrentUser } from "../../../auth/useAuth";
import { QueryError } from "../../../components/QueryError";
import { isStaffItem, type StaffItem } from "../../../lib/catalog";
import { AttachmentEditor } from "./Attachments";
import { ItemHistory } from "./ItemHistory";

interface ReviewValues {
  confidentiality_checked: boolean;
  attribute_checked: boolean;
  reason: string;
}

/** The item waiting for review, and the reviewer's two checks and the decisions the item's next steps allow. */
export function ReviewItem({ itemId, onDone }: { itemId: number; onDone: () => void }) {
  const item = useItem(itemId);
  if (item.isPending) return <Skeleton active />;
  if (item.isError) return <QueryError error={item.error} onRetry={() => item.refetch()} />;
  if (!isStaffItem(item.data)) return <Alert type="error" title="这条信息不属于您可以审查的单位" />;
  return <ReviewForm item={item.data} onDone={onDone} />;
}

function ReviewForm({ item, onDone }: { item: StaffItem; onDone: () => void }) {
  const user = useCurrentUser()!;
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewValues>();
  const confidentiality = Form.useWatch("confidentiality_checked", form);
  const attribute = Form.useWatch("attribute_checked", form);
  const label = useLabels("catalog");
  const mayApprove = item.next_steps.includes("approve");
  const mayReject = item.next_steps.includes("reject");
  const mayReview = mayApprove || mayReject;

  const review = useReviewItem(item.id, {
    onSuccess: (reviewed) => {
      message.success(reviewed.status === "published" ? `已发布：${reviewed.title}` : "已退回编写人修改");
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
    const values = form.getFieldsValue();
    review.mutate({
      decision,
      confidentiality_checked: !!values.confidentiality_checked,
      attribute_checked: !!values.attribute_checked,
      reason: values.reason ?? "",
    });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      {/* In the drawer over the page's h1. */}
      <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
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
          { key: "type", label: "文件类型", children: label("document_types", item.document_type) },
          { key: "formed", label: "生成日期", children: item.formed_on },
          { key: "due", label: "发布期限", children: item.due_on },
          {
            key: "attribute",
            label: "公开属性",
            children: (
              <Space size={4} wrap>
                <Tag color={item.disclosure_attribute === "proactive" ? "green" : "orange"}>
                  {label("disclosure_attributes", item.disclosure_attribute)}
                </Tag>
                {item.non_disclosure_reason}
              </Space>
            ),
          },
          { key: "channels", label: "公开渠道", children: item.channels.map((c) => label("channels", c)).join("、") },
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
      {!mayReview && (
        <Alert
          type="warning"
          showIcon
          title={
            // Why, when it is the rule people meet most (谁制作谁审查); the service decided.
            item.author === user.username ? "这是您本人编写的信息，须由其他审查人审查" : "这条信息现在不能由您审查"
          }
        />
      )}
      <Form<ReviewValues> form={form} layout="vertical" disabled={!mayReview || review.isPending}>
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
          {mayApprove && (
            <Button
              type="primary"
              disabled={!(confidentiality && attribute)}
              loading={review.isPending && review.variables?.decision === "approve"}
              onClick={() => void decide("approve")}
            >
              {label("steps", "approve")}
            </Button>
          )}
          {mayReject && (
            <Button
              danger
              loading={review.isPending && review.variables?.decision === "reject"}
              onClick={() => void decide("reject")}
            >
              {label("steps", "reject")}
            </Button>
          )}
        </Space>
      </Form>
      <Card size="small" title="办理记录">
        <ItemHistory itemId={item.id} />
      </Card>
    </Space>
  );
}
