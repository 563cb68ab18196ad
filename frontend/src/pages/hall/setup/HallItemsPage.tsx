import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Input, Select, Space, Tag } from "antd";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import {
  useHallLabels,
  useHallVocabulary,
  useStaffHallItems,
  type ItemSummary,
  type StaffItemsQuery,
} from "../../../api/queries/hallItems";
import { useCurrentUser } from "../../../auth/useAuth";
import { PagedTable } from "../../../components/PagedTable";
import { UnitTreeSelect } from "../../../components/UnitTreeSelect";
import { knownValue, optionsOf } from "../../../lib/vocabulary";
import { usePageTitle } from "../../../lib/usePageTitle";
import { beijingTime } from "../guide/format";
import { PageHeading } from "../Headings";

const PAGE_SIZE = 20;
type Status = NonNullable<StaffItemsQuery["status"]>;
type Category = NonNullable<StaffItemsQuery["category"]>;

export const STATUS_COLOURS: Record<string, string> = { draft: "default", published: "green", retired: "red" };

/** 服务事项: the items of the units in the office's reach, by code. */
export function HallItemsPage() {
  const user = useCurrentUser()!;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const vocabulary = useHallVocabulary();
  const label = useHallLabels();
  const status = knownValue<Status>(vocabulary.data?.statuses, params.get("status"));
  const category = knownValue<Category>(vocabulary.data?.categories, params.get("category"));
  const unitId = Number(params.get("unit")) || undefined;
  const q = params.get("q") ?? undefined;
  const page = Math.max(1, Number(params.get("page")) || 1);
  usePageTitle("服务事项");

  const items = useStaffHallItems({
    page,
    size: PAGE_SIZE,
    ...(q ? { q } : {}),
    ...(status ? { status } : {}),
    ...(category ? { category } : {}),
    ...(unitId ? { unit_id: unitId } : {}),
  });

  const change = (next: { q?: string; status?: Status; category?: Category; unit?: number; page?: number }) => {
    const merged = { q, status, category, unit: unitId, page: 1, ...next };
    const out = new URLSearchParams();
    if (merged.q) out.set("q", merged.q);
    if (merged.status) out.set("status", merged.status);
    if (merged.category) out.set("category", merged.category);
    if (merged.unit) out.set("unit", String(merged.unit));
    if (merged.page > 1) out.set("page", String(merged.page));
    setParams(out);
  };

  return (
    <Card
      title={<PageHeading>服务事项</PageHeading>}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate("/console/hall/items/new")}>
          新建事项
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label="事项名称或编码"
          placeholder="事项名称或编码"
          allowClear
          defaultValue={q}
          style={{ width: 220 }}
          onSearch={(text) => change({ q: text.trim() || undefined })}
        />
        <Select
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 120 }}
          options={optionsOf<Status>(vocabulary.data?.statuses)}
          value={status}
          onChange={(next?: Status) => change({ status: next })}
        />
        <Select
          aria-label="类别"
          placeholder="全部类别"
          allowClear
          style={{ width: 150 }}
          options={optionsOf<Category>(vocabulary.data?.categories)}
          value={category}
          onChange={(next?: Category) => change({ category: next })}
        />
        <UnitTreeSelect
          label="单位"
          within={user.unit_id}
          placeholder="本单位及下属单位"
          value={unitId}
          onChange={(unit) => change({ unit })}
        />
      </Space>
      <PagedTable<ItemSummary>
        query={items}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={(next) => change({ page: next })}
        countUnit="项"
        label="服务事项列表"
        rowKey="id"
        columns={[
          { title: "事项编码", dataIndex: "code", width: 160 },
          {
            title: "事项名称",
            dataIndex: "name",
            render: (name: string, item) => <Link to={`/console/hall/items/${item.id}`}>{name}</Link>,
          },
          { title: "实施主体", dataIndex: "unit_name", width: 160 },
          { title: "类别", dataIndex: "category", width: 110, render: (c: string) => label("categories", c) },
          { title: "办件类型", dataIndex: "kind", width: 90, render: (k: string) => label("kinds", k) },
          {
            title: "状态",
            dataIndex: "status",
            width: 150,
            render: (s: string, item) => (
              <Space size={4}>
                <Tag color={STATUS_COLOURS[s]}>{label("statuses", s)}</Tag>
                {item.draft_pending && <Tag color="orange">有未发布修改</Tag>}
              </Space>
            ),
          },
          { title: "版本", dataIndex: "version", width: 70, render: (v: number) => (v ? `v${v}` : "—") },
          {
            title: "更新时间",
            dataIndex: "updated_at",
            width: 150,
            render: (at: string) => beijingTime(at),
          },
        ]}
      />
    </Card>
  );
}
