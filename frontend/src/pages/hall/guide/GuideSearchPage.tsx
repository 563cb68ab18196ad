import { Card, Empty, Input, List, Pagination, Select, Skeleton, Space, Tag, Typography } from "antd";
import { Link, useSearchParams } from "react-router-dom";
import { useGuideFacets, useGuideSearch, useHallLabels, type GuideQuery } from "../../../api/queries/hallItems";
import { QueryError } from "../../../components/QueryError";
import { usePageTitle } from "../../../lib/usePageTitle";
import { PageHeading } from "../Headings";
import { feeText, limitText } from "./format";

const PAGE_SIZE = 20;

type Category = NonNullable<GuideQuery["category"]>;
type HallLevel = NonNullable<GuideQuery["hall_level"]>;

/** The filters as the address holds them, so that a search can be bookmarked and shared. */
function queryFromParams(params: URLSearchParams): GuideQuery {
  const query: GuideQuery = { page: Math.max(1, Number(params.get("page")) || 1), size: PAGE_SIZE };
  const q = params.get("q")?.trim();
  if (q) query.q = q;
  const category = params.get("category");
  if (category) query.category = category as Category;
  const level = params.get("level");
  if (level) query.hall_level = level as HallLevel;
  const unit = Number(params.get("unit"));
  if (unit > 0) query.unit_id = unit;
  return query;
}

function paramsFromQuery(query: GuideQuery): URLSearchParams {
  const out = new URLSearchParams();
  if (query.q) out.set("q", query.q);
  if (query.category) out.set("category", query.category);
  if (query.hall_level) out.set("level", query.hall_level);
  if (query.unit_id) out.set("unit", String(query.unit_id));
  if (query.page && query.page > 1) out.set("page", String(query.page));
  return out;
}

/** 办事指南: the published service items, by keyword, category, unit and hall level. */
export function GuideSearchPage() {
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  const facets = useGuideFacets();
  const results = useGuideSearch(query);
  const label = useHallLabels();
  usePageTitle(query.q ? `“${query.q}”的办事指南` : "办事指南");

  const change = (next: Partial<GuideQuery>) => setParams(paramsFromQuery({ ...query, page: 1, ...next }));
  const counted = (f: { value: string; label: string; count: number }) => ({
    value: f.value,
    label: `${f.label}（${f.count}）`,
  });

  return (
    <Card
      title={<PageHeading>办事指南</PageHeading>}
    >
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <div role="search" aria-label="查找服务事项">
          <Input.Search
            aria-label="搜索服务事项"
            placeholder="输入事项名称，如：营业执照、居住证"
            enterButton="搜索"
            allowClear
            defaultValue={query.q ?? undefined}
            key={query.q ?? ""}
            onSearch={(q) => change({ q: q.trim() || undefined })}
          />
          <Space wrap style={{ marginTop: 12 }}>
            <Select
              aria-label="事项类别"
              placeholder="全部类别"
              allowClear
              style={{ width: 180 }}
              options={facets.data?.categories.map(counted)}
              value={query.category}
              onChange={(category?: Category) => change({ category })}
            />
            <Select
              aria-label="实施主体"
              placeholder="全部部门"
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              style={{ width: 220 }}
              options={facets.data?.units.map((f) => ({ ...counted(f), value: Number(f.value) }))}
              value={query.unit_id ?? undefined}
              onChange={(unit?: number) => change({ unit_id: unit })}
            />
            <Select
              aria-label="办理层级"
              placeholder="全部层级"
              allowClear
              style={{ width: 160 }}
              options={facets.data?.hall_levels.map(counted)}
              value={query.hall_level}
              onChange={(level?: HallLevel) => change({ hall_level: level })}
            />
          </Space>
        </div>
        {results.isError ? (
          <QueryError error={results.error} onRetry={() => results.refetch()} />
        ) : results.isPending ? (
          <Skeleton active />
        ) : results.data.items.length === 0 ? (
          <Empty description="没有找到相关事项，换个关键词试试" />
        ) : (
          <>
            <Typography.Text type="secondary">共 {results.data.total} 项</Typography.Text>
            <List
              dataSource={results.data.items}
              rowKey="id"
              renderItem={(item) => (
                <List.Item>
                  {/* Each item a heading under the page's (antd's List.Item.Meta would make it an h4). */}
                  <div>
                    <Typography.Title level={2} style={{ fontSize: 16, margin: "0 0 4px" }}>
                      <Link to={`/hall/guide/${item.id}`}>{item.name}</Link>
                    </Typography.Title>
                    <Space wrap size={[8, 4]}>
                      <span>{item.unit_name}</span>
                      <Tag>{label("categories", item.category)}</Tag>
                      <Tag color={item.kind === "instant" ? "green" : "blue"}>{label("kinds", item.kind)}</Tag>
                      <span>承诺时限：{limitText(item.kind, item.promised_limit_days)}</span>
                      <span>收费：{feeText(item.fee_fen)}</span>
                      {item.online && <Tag color="cyan">可网上办理</Tag>}
                    </Space>
                  </div>
                </List.Item>
              )}
            />
            <Pagination
              current={query.page ?? 1}
              pageSize={PAGE_SIZE}
              total={results.data.total}
              showSizeChanger={false}
              onChange={(page) => setParams(paramsFromQuery({ ...query, page }))}
            />
          </>
        )}
      </Space>
    </Card>
  );
}
