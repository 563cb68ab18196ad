import { Card, Descriptions, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { Link } from "react-router-dom";
import { useLabels } from "../../../api/queries/vocabulary";
import { STATUS_COLOURS, type StaffItem } from "../../../lib/catalog";

/** Where an item stands: status, index number, who wrote and reviewed it, its deadline. */
export function ItemStatusCard({ item }: { item: StaffItem }) {
  const label = useLabels("catalog");
  return (
    <Card title="状态" size="small">
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: "status",
            label: "状态",
            children: <Tag color={STATUS_COLOURS[item.status]}>{label("statuses", item.status)}</Tag>,
          },
          { key: "index", label: "索引号", children: <Typography.Text copyable>{item.index_number}</Typography.Text> },
          { key: "unit", label: "单位", children: item.unit_name },
          { key: "author", label: "编写人", children: item.author },
          ...(item.reviewer ? [{ key: "reviewer", label: "审查人", children: item.reviewer }] : []),
          ...(item.review_note ? [{ key: "note", label: "审查意见", children: item.review_note }] : []),
          {
            key: "due",
            label: "发布期限",
            children: (
              <Space size={4}>
                {item.due_on}
                {item.due_provisional && <Tag>暂按自然日估算</Tag>}
              </Space>
            ),
          },
          ...(item.published_at
            ? [
                {
                  key: "published",
                  label: "发布时间",
                  children: (
                    <Space size={4} wrap>
                      {dayjs(item.published_at).format("YYYY-MM-DD HH:mm")}
                      {item.status === "published" && <Link to={`/items/${item.id}`}>在门户中查看</Link>}
                    </Space>
                  ),
                },
              ]
            : []),
          ...(item.validity !== "valid"
            ? [
                {
                  key: "validity",
                  label: "效力",
                  children: `${label("validities", item.validity)}（${item.validity_changed_on ?? "—"}）`,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

