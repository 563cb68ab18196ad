import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Input, Select, Space, Tag, TreeSelect, Typography } from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useColumnTemplate, useStaffItems } from "../../../api/queries/catalog";
import { useUnits } from "../../../api/queries/units";
import { useCatalogVocabulary, useLabels } from "../../../api/queries/vocabulary";
import { useCurrentUser } from "../../../auth/useAuth";
import { PagedTable } from "../../../components/PagedTable";
import { UnitTreeSelect } from "../../../components/UnitTreeSelect";
import {
  columnOptions,
  flattenColumns,
  STATUS_COLOURS,
  type DocumentType,
  type ItemStatus,
  type ItemSummary,
} from "../../../lib/catalog";
import { can, reachesSubtree } from "../../../lib/navigation";
import { usePageTitle } from "../../../lib/usePageTitle";
import { knownValue, optionsOf } from "../../../lib/vocabulary";
import { changed, filtersFromParams, paramsFromFilters, staffQuery, type ItemFilters } from "./itemFilters";

const PAGE_SIZE = 20;

/**
 * 信息发布: the items of the user's unit (the office: its subtree), newest change first, found by
 * title or number and narrowed by state, column, type, 生成日期 and unit — all kept in the address.
 */
export function ItemsPage() {
  usePageTitle("信息发布");
  const user = useCurrentUser()!;
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const vocabulary = useCatalogVocabulary();
  const label = useLabels("catalog");
  const filters = filtersFromParams(params);
  const status = knownValue<ItemStatus>(vocabulary.data?.statuses, filters.status ?? null);
  const documentType = knownValue<DocumentType>(vocabulary.data?.document_types, filters.type ?? null);
  const canWrite = can(user, "write_items");
  const wide = reachesSubtree(user);

  const units = useUnits();
  const template = useColumnTemplate();
  const unitName = useMemo(() => new Map(units.data?.map((u) => [u.id, u.name])), [units.data]);
  const columnTree = useMemo(() => columnOptions(template.data ?? []), [template.data]);
  const columnName = useMemo(
    () => new Map(flattenColumns(template.data ?? []).map((c) => [c.id, c.name])),
    [template.data],
  );

  const items = useStaffItems(staffQuery(filters, PAGE_SIZE, { status, type: documentType }));
  const change = (next: Partial<ItemFilters>) => setParams(paramsFromFilters(changed(filters, next)));
  const filtered = [...params.keys()].some((key) => key !== "page");

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
          信息发布
        </Typography.Title>
      }
      extra={
        canWrite && (
          // A link (middle-click opens a tab), drawn as the page's main button.
          <Button
            type="primary"
            icon={<PlusOutlined />}
            href="/console/items/new"
            onClick={(event) => {
              event.preventDefault();
              navigate("/console/items/new");
            }}
          >
            新建信息
          </Button>
        )
      }
    >
      <div role="search" aria-label="查找信息">
        <Space wrap style={{ marginBottom: 16 }}>
          {/* Keyed by the address's words: going back shows the words of that list. */}
          <Input.Search
            key={filters.q ?? ""}
            aria-label="标题、索引号或发文字号"
            placeholder="标题、索引号或发文字号"
            defaultValue={filters.q}
            maxLength={100}
            allowClear
            enterButton="搜索"
            style={{ width: 320 }}
            onSearch={(q) => change({ q: q.trim() || undefined })}
          />
          <Select
            aria-label="状态"
            placeholder="全部状态"
            allowClear
            style={{ width: 120 }}
            options={optionsOf<ItemStatus>(vocabulary.data?.statuses)}
            value={status}
            onChange={(next?: ItemStatus) => change({ status: next })}
          />
          <TreeSelect
            aria-label="栏目"
            placeholder="全部栏目"
            allowClear
            showSearch
            treeNodeFilterProp="title"
            style={{ width: 220 }}
            popupMatchSelectWidth={360}
            treeData={columnTree}
            value={filters.column}
            onChange={(column?: number) => change({ column })}
          />
          <Select
            aria-label="文件类型"
            placeholder="全部文件类型"
            allowClear
            style={{ width: 150 }}
            options={optionsOf<DocumentType>(vocabulary.data?.document_types)}
            value={documentType}
            onChange={(type?: DocumentType) => change({ type })}
          />
          <DatePicker.RangePicker
            aria-label="生成日期"
            placeholder={["生成日期从", "至"]}
            allowEmpty={[true, true]}
            style={{ width: 260 }}
            value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
            onChange={(range) =>
              change({ from: range?.[0]?.format("YYYY-MM-DD"), to: range?.[1]?.format("YYYY-MM-DD") })
            }
          />
          {wide && (
            <UnitTreeSelect
              label="单位"
              within={user.unit_id}
              placeholder="本单位及下属单位"
              value={filters.unit}
              onChange={(unit) => change({ unit })}
            />
          )}
          {filtered && (
            <Button type="link" onClick={() => setParams(new URLSearchParams())}>
              清除筛选
            </Button>
          )}
        </Space>
      </div>
      <PagedTable<ItemSummary>
        query={items}
        page={filters.page}
        pageSize={PAGE_SIZE}
        onPageChange={(page) => change({ page })}
        countUnit="条"
        rowKey="id"
        tableLayout="fixed"
        // Fits a desktop as it is; on a phone the table scrolls in its own box.
        scroll={{ x: 760 }}
        locale={{ emptyText: filtered ? "没有符合条件的信息" : "暂无信息" }}
        columns={[
          {
            title: "标题",
            dataIndex: "title",
            render: (title: string, item) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/console/items/${item.id}`}>{title}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.index_number}
                  {item.document_number && ` · ${item.document_number}`}
                </Typography.Text>
              </Space>
            ),
          },
          ...(wide
            ? [
                {
                  title: "单位",
                  dataIndex: "unit_id",
                  width: 150,
                  render: (id: number) => unitName.get(id) ?? id,
                },
              ]
            : []),
          { title: "栏目", dataIndex: "column_id", width: 170, render: (id: number) => columnName.get(id) ?? id },
          {
            title: "文件类型",
            dataIndex: "document_type",
            width: 120,
            responsive: ["xl"],
            render: (t: DocumentType) => label("document_types", t),
          },
          {
            title: "状态",
            dataIndex: "status",
            width: 90,
            render: (s: ItemStatus) => <Tag color={STATUS_COLOURS[s]}>{label("statuses", s)}</Tag>,
          },
          { title: "生成日期", dataIndex: "formed_on", width: 110 },
          {
            title: "发布日期",
            dataIndex: "published_at",
            width: 110,
            render: (at: string | null) => (at ? dayjs(at).format("YYYY-MM-DD") : "—"),
          },
        ]}
      />
    </Card>
  );
}
