import { useInfiniteQuery } from "@tanstack/react-query";
import { Button, Card, Empty, Input, List, Radio, Select, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { officeToday } from "../../lib/dates";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { api, unwrap } from "../../api/client";
import {
  DOCUMENT_TYPE_LABELS,
  filtersFromParams,
  filtersToParams,
  highlightParts,
  optionsOf,
  searchYears,
  VALIDITY_COLOURS,
  VALIDITY_LABELS,
  type SearchFilters,
} from "../../lib/catalog";
import { QueryError } from "../QueryError";
import { UnitPicker } from "./UnitPicker";

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
 * can be bookmarked and the back button returns to it.
 */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const years = useMemo(() => searchYears(officeToday().year()), []);

  const search = useInfiniteQuery({
    queryKey: ["search", filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/catalog/search", {
          params: {
            query: {
              q: filters.q,
              order: filters.order,
              size: PAGE_SIZE,
              ...(filters.unitId ? { unit_id: filters.unitId } : {}),
              ...(filters.year ? { year: filters.year } : {}),
              ...(filters.documentType ? { document_type: filters.documentType } : {}),
              ...(filters.validity ? { validity: filters.validity } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    enabled: filters.q.length > 0,
  });

  const change = (next: Partial<SearchFilters>) => setParams(filtersToParams({ ...filters, ...next }));
  const hits = search.data?.pages.flatMap((p) => p.items) ?? [];
  const total = search.data?.pages[0]?.total ?? 0;
  // Past 200 matches the service ranks the newest 200 (with the policy documents among all
  // matches) by relevance; date order pages through every one.
  const rankedPart = total > 200 && filters.order !== "date";

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          政府信息检索
        </Typography.Title>
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
          <UnitPicker
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
            aria-label="文号类型"
            placeholder="全部文件类型"
            allowClear
            style={{ width: 160 }}
            options={optionsOf(DOCUMENT_TYPE_LABELS)}
            value={filters.documentType}
            onChange={(documentType) => change({ documentType })}
          />
          <Select
            aria-label="效力"
            placeholder="全部效力"
            allowClear
            style={{ width: 120 }}
            options={optionsOf(VALIDITY_LABELS)}
            value={filters.validity}
            onChange={(validity) => change({ validity })}
          />
          <Radio.Group
            optionType="button"
            value={filters.order}
            onChange={(e) => change({ order: e.target.value })}
            options={[
              { value: "relevance", label: "按相关度" },
              { value: "date", label: "按发布日期" },
            ]}
          />
        </Space>
      </Card>
      <Card>
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
                  <List.Item.Meta
                    title={
                      <Space wrap size={4}>
                        <Link to={`/items/${hit.id}`}>
                          <Highlighted html={hit.title_highlight} />
                        </Link>
                        {hit.validity !== "valid" && (
                          <Tag color={VALIDITY_COLOURS[hit.validity]}>{VALIDITY_LABELS[hit.validity]}</Tag>
                        )}
                      </Space>
                    }
                    description={
                      <>
                        <div className="search-snippet">
                          <Highlighted html={hit.snippet} />
                        </div>
                        <Space wrap separator="·" size={6} className="search-meta">
                          <Link to={`/units/${hit.unit_id}`}>{hit.unit_name}</Link>
                          <Link to={`/units/${hit.unit_id}?column=${hit.column_id}`}>{hit.column_name}</Link>
                          {hit.document_number && <span>{hit.document_number}</span>}
                          <span>{DOCUMENT_TYPE_LABELS[hit.document_type]}</span>
                          {hit.published_at && <span>{dayjs(hit.published_at).format("YYYY-MM-DD")}</span>}
                          <span>索引号 {hit.index_number}</span>
                        </Space>
                      </>
                    }
                  />
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
