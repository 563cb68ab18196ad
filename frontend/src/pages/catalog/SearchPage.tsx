import { Button, Card, Empty, Input, List, Radio, Select, Skeleton, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useSearch } from "../../api/queries/catalog";
import { useCatalogVocabulary, useLabels, type CatalogVocabulary } from "../../api/queries/vocabulary";
import { QueryError } from "../../components/QueryError";
import { UnitTreeSelect } from "../../components/UnitTreeSelect";
import {
  filtersFromParams,
  filtersToParams,
  highlightParts,
  searchYears,
  VALIDITY_COLOURS,
  type DocumentType,
  type SearchFilters,
  type SearchOrder,
  type Validity,
} from "../../lib/catalog";
import { officeToday } from "../../lib/dates";
import { usePageTitle } from "../../lib/usePageTitle";
import { optionsOf } from "../../lib/vocabulary";

const PAGE_SIZE = 20;

/** The words found, marked; the rest plain text (React escapes it, whatever the server sent). */
function Highlighted({ html }: { html: string }) {
  return (
    <>
      {highlightParts(html).map((part, index) =>
        part.marked ? <em key={index}>{part.text}</em> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
}

/**
 * 信息检索: full-text search over published items. The filters live in the address, so a search
 * can be bookmarked and the back button returns to it; they are read once the catalog's
 * vocabulary says which values exist (without it, the search goes on without coded filters).
 */
export function SearchPage() {
  const vocabulary = useCatalogVocabulary();
  const q = useSearchParams()[0].get("q")?.trim();
  usePageTitle(q ? `“${q}”的检索结果` : "信息检索");
  if (vocabulary.isPending) return <Skeleton active />;
  return <Search vocabulary={vocabulary.data} />;
}

function Search({ vocabulary }: { vocabulary: CatalogVocabulary | undefined }) {
  const [params, setParams] = useSearchParams();
  const label = useLabels("catalog");
  const filters = useMemo(() => filtersFromParams(params, vocabulary), [params, vocabulary]);
  const years = useMemo(() => searchYears(officeToday().year()), []);

  const search = useSearch(filters, PAGE_SIZE);

  const change = (next: Partial<SearchFilters>) => setParams(filtersToParams({ ...filters, ...next }));
  const hits = search.data?.pages.flatMap((p) => p.items) ?? [];
  const total = search.data?.pages[0]?.total ?? 0;
  // Past 200 matches the service ranks the newest 200 (with the policy documents among all
  // matches) by relevance; date order pages through every one.
  const rankedPart = total > 200 && filters.order !== "date";

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card>
        <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }}>
          政府信息检索
        </Typography.Title>
        <div role="search" aria-label="检索条件">
          <Input.Search
            key={filters.q}
            aria-label="检索词"
            placeholder="输入标题、正文或文号中的词语"
            defaultValue={filters.q}
            enterButton="检索"
            size="large"
            allowClear
            onSearch={(q) => change({ q })}
          />
          <Space wrap style={{ marginTop: 16 }}>
            <UnitTreeSelect
              label="单位"
              placeholder="全部单位"
              width={220}
              value={filters.unitId}
              onChange={(unitId) => change({ unitId })}
            />
            <Select
              aria-label="年份"
              placeholder="全部年份"
              allowClear
              style={{ width: 120 }}
              options={years.map((y) => ({ value: y, label: `${y}年` }))}
              value={filters.year}
              onChange={(year?: number) => change({ year })}
            />
            <Select
              aria-label="文件类型"
              placeholder="全部文件类型"
              allowClear
              style={{ width: 160 }}
              options={optionsOf<DocumentType>(vocabulary?.document_types)}
              value={filters.documentType}
              onChange={(documentType) => change({ documentType })}
            />
            <Select
              aria-label="效力"
              placeholder="全部效力"
              allowClear
              style={{ width: 120 }}
              options={optionsOf<Validity>(vocabulary?.validities)}
              value={filters.validity}
              onChange={(validity) => change({ validity })}
            />
            <Radio.Group
              optionType="button"
              value={filters.order}
              onChange={(e) => change({ order: e.target.value as SearchOrder })}
              options={optionsOf<SearchOrder>(vocabulary?.search_orders)}
              aria-label="排序"
            />
          </Space>
        </div>
      </Card>
      <Card
        title={
          filters.q ? (
            <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
              检索结果
            </Typography.Title>
          ) : undefined
        }
      >
        {!filters.q ? (
          <Empty description="请输入检索词" />
        ) : search.isError ? (
          <QueryError error={search.error} onRetry={() => search.refetch()} />
        ) : (
          <>
            {search.data && (
              <Typography.Paragraph type="secondary">
                {`找到 ${total.toLocaleString("zh-CN")} 条与“${filters.q}”有关的信息` +
                  (rankedPart
                    ? "。按相关度排列的是其中最新的 200 条和相关政策文件；按发布日期排序可浏览全部，或按单位、年份缩小范围。"
                    : "")}
              </Typography.Paragraph>
            )}
            <List
              className="search-results"
              loading={search.isPending}
              dataSource={hits}
              locale={{ emptyText: <Empty description="没有找到相关信息，请换个词试试" /> }}
              renderItem={(hit) => (
                <List.Item key={hit.id}>
                  {/* Each hit a heading under 检索结果 (antd's List.Item.Meta would make it an h4). */}
                  <div style={{ minWidth: 0 }}>
                    <Typography.Title level={3} style={{ fontSize: 16, margin: "0 0 4px" }}>
                      <Space wrap size={4}>
                        <Link to={`/items/${hit.id}`}>
                          <Highlighted html={hit.title_highlight} />
                        </Link>
                        {hit.validity !== "valid" && (
                          <Tag color={VALIDITY_COLOURS[hit.validity]}>{label("validities", hit.validity)}</Tag>
                        )}
                      </Space>
                    </Typography.Title>
                    <Typography.Paragraph type="secondary" className="search-snippet" style={{ margin: "0 0 4px" }}>
                      <Highlighted html={hit.snippet} />
                    </Typography.Paragraph>
                    <Space wrap separator="·" size={6} className="search-meta">
                      <Link to={`/units/${hit.unit_id}`}>{hit.unit_name}</Link>
                      <Link to={`/units/${hit.unit_id}?column=${hit.column_id}`}>{hit.column_name}</Link>
                      {hit.document_number && <span>{hit.document_number}</span>}
                      <span>{label("document_types", hit.document_type)}</span>
                      {hit.published_at && <span>{dayjs(hit.published_at).format("YYYY-MM-DD")}</span>}
                      <span style={{ wordBreak: "break-all" }}>索引号 {hit.index_number}</span>
                    </Space>
                  </div>
                </List.Item>
              )}
            />
            {search.hasNextPage && (
              <div style={{ textAlign: "center", marginTop: 16 }}>
                <Button loading={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>
                  加载更多
                </Button>
              </div>
            )}
          </>
        )}
      </Card>
    </Space>
  );
}
