import { Button, Card, Drawer, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { useStaffItems } from "../../../api/queries/catalog";
import { useUnits } from "../../../api/queries/units";
import { useLabels } from "../../../api/queries/vocabulary";
import { PagedTable } from "../../../components/PagedTable";
import type { ItemSummary } from "../../../lib/catalog";
import { usePageTitle } from "../../../lib/usePageTitle";
import { ReviewItem } from "../components/ReviewItem";

const PAGE_SIZE = 20;

/** 审查: the items waiting for 保密审查 and 属性审核 in the reviewer's reach. */
export function ReviewPage() {
  usePageTitle("审查");
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const units = useUnits();
  const label = useLabels("catalog");
  const unitName = useMemo(() => new Map(units.data?.map((u) => [u.id, u.name])), [units.data]);
  const queue = useStaffItems({ status: "submitted", page, size: PAGE_SIZE });

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
          审查
        </Typography.Title>
      }
      extra={<Typography.Text type="secondary">待审查 {queue.data?.total ?? 0} 条</Typography.Text>}>
      <Typography.Paragraph type="secondary">
        谁公开谁审查、谁审查谁负责：发布前须完成保密审查和公开属性审核；审查人不能审查自己编写的信息。
      </Typography.Paragraph>
      <PagedTable<ItemSummary>
        query={queue}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        rowKey="id"
        locale={{ emptyText: "没有待审查的信息" }}
        columns={[
          {
            title: "标题",
            dataIndex: "title",
            // The item's own page (a real link); 审查 opens the review beside the list.
            render: (title: string, item) => <Link to={`/console/items/${item.id}`}>{title}</Link>,
          },
          { title: "单位", dataIndex: "unit_id", width: 180, render: (id: number) => unitName.get(id) ?? id },
          { title: "文件类型", dataIndex: "document_type", width: 130, render: (t: ItemSummary["document_type"]) => label("document_types", t) },
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
