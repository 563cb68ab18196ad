import { FileTextOutlined, UnorderedListOutlined } from "@ant-design/icons";
import { Breadcrumb, Button, Card, Col, Drawer, Empty, Grid, Pagination, Row, Skeleton, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState, type ReactNode } from "react";
import { Link, Navigate, useParams, useSearchParams } from "react-router-dom";
import { useResolvedColumn, useUnitColumns, useUnitItems } from "../../api/queries/catalog";
import { useColumnItems } from "../../api/queries/portal";
import { useUnits } from "../../api/queries/units";
import { useLabels } from "../../api/queries/vocabulary";
import type { components } from "../../api/schema";
import { QueryError } from "../../components/QueryError";
import { VALIDITY_COLOURS, type ItemSummary } from "../../lib/catalog";
import { unitPath } from "../../lib/units";
import { usePageTitle } from "../../lib/usePageTitle";
import { NotFoundPage } from "../NotFoundPage";
import { ItemList } from "./components/ItemList";

type CountedColumn = components["schemas"]["CatalogUnitColumnNode"];
const PAGE_SIZE = 15;
const ALL = 0;

function findCounted(columns: CountedColumn[], id: number): CountedColumn | undefined {
  for (const column of columns) {
    if (column.id === id) return column;
    const below = findCounted(column.children ?? [], id);
    if (below) return below;
  }
  return undefined;
}

function columnHref(unitId: number, columnId: number, page = 1) {
  const params = new URLSearchParams();
  if (columnId) params.set("column", String(columnId));
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return `/units/${unitId}${query ? `?${query}` : ""}`;
}

interface TreeProps {
  unitId: number;
  columns: CountedColumn[];
  selected: number;
  onFollow?: () => void;
  parentItem?: number | null;
}

/** The columns as nested lists of links, each with its count (its own and its sub-columns'
 * published items); a column with nothing is marked 空栏目. The Article-20 item is shown where
 * it starts, not repeated on every column below it. */
function ColumnLinks({ unitId, columns, selected, onFollow, parentItem = null }: TreeProps) {
  return (
    <ul style={{ listStyle: "none", margin: 0, paddingInlineStart: parentItem === null ? 0 : 16 }}>
      {columns.map((column) => (
        <li key={column.id} style={{ marginBlock: 4 }}>
          <Link
            to={columnHref(unitId, column.id)}
            onClick={onFollow}
            aria-current={column.id === selected ? "page" : undefined}
            // Underlined: the count beside it is text, and colour alone does not tell them apart.
            style={{ textDecoration: "underline", fontWeight: column.id === selected ? 600 : undefined }}
          >
            {column.name}
          </Link>{" "}
          {column.item_count > 0 ? (
            <Typography.Text type="secondary">（{column.item_count}）</Typography.Text>
          ) : (
            <Tag style={{ marginInlineStart: 4 }}>空栏目</Tag>
          )}
          {column.article20_item && column.article20_item !== parentItem && (
            <Tag style={{ marginInlineStart: 4 }}>条例第二十条第{column.article20_item}项</Tag>
          )}
          {(column.children ?? []).length > 0 && (
            <ColumnLinks
              unitId={unitId}
              columns={column.children ?? []}
              selected={selected}
              onFollow={onFollow}
              parentItem={column.article20_item ?? 0}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

/** A unit's disclosure catalogue (公开目录): its columns with their counts, and the items published
 * in the column chosen and the columns below it. The column is in the address, to share. */
export function UnitCataloguePage() {
  const unitId = Number(useParams().unitId);
  const [search] = useSearchParams();
  const columnId = Number(search.get("column") ?? ALL) || ALL;
  const page = Math.max(1, Number(search.get("page") ?? 1) || 1);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const phone = !Grid.useBreakpoint().md;
  const units = useUnits();
  const unitLabel = useLabels("gateway");
  const itemLabel = useLabels("catalog");
  const validUnit = Number.isInteger(unitId) && unitId > 0;
  const columns = useUnitColumns(validUnit ? unitId : undefined);
  const column = columns.data && columnId ? findCounted(columns.data, columnId) : undefined;
  const allItems = useUnitItems(unitId, { page, size: PAGE_SIZE });
  const columnItems = useColumnItems(unitId, columnId, page, PAGE_SIZE, !!column);
  const items = columnId ? columnItems : allItems;
  const unit = units.data?.find((u) => u.id === unitId);
  usePageTitle(unit ? `${unit.name}政府信息公开目录` : "政府信息公开目录");

  // An old link to a column that was merged into another leads to that one.
  const unknownColumn = !!columnId && !!columns.data && !column;
  const resolved = useResolvedColumn(columnId, unknownColumn);

  if (!validUnit) return <NotFoundPage />;
  if (unknownColumn && resolved.data?.merged) {
    return <Navigate to={columnHref(unitId, resolved.data.column.id)} replace />;
  }
  if (units.isPending) return <Skeleton active />;
  if (units.isError) return <QueryError error={units.error} onRetry={() => units.refetch()} />;
  if (!unit) return <NotFoundPage />;
  const path = unitPath(units.data, unitId);
  const children = units.data.filter((u) => u.parent_id === unitId && !u.closed);
  const heading = column ? column.name : "全部信息";
  const count = column ? column.item_count : allItems.data?.total;

  // Page numbers are links (the page is in the address), so they open in a new tab too.
  const pageLink = (target: number, type: string, original: ReactNode) =>
    type === "page" ? <Link to={columnHref(unitId, columnId, target)}>{target}</Link> : original;

  const tree = (
    <nav aria-label="公开目录栏目">
      {columns.isPending && <Skeleton active />}
      {columns.isError && <QueryError error={columns.error} onRetry={() => columns.refetch()} />}
      {columns.data &&
        (columns.data.length ? (
          <>
            <Link
              to={columnHref(unitId, ALL)}
              onClick={() => setDrawerOpen(false)}
              aria-current={!columnId ? "page" : undefined}
              style={{ display: "block", marginBottom: 8, fontWeight: columnId ? undefined : 600 }}
            >
              全部信息
            </Link>
            <ColumnLinks unitId={unitId} columns={columns.data} selected={columnId} onFollow={() => setDrawerOpen(false)} />
          </>
        ) : (
          <Empty description="本单位暂无公开目录栏目" />
        ))}
    </nav>
  );

  const list = items.isError ? (
    <QueryError error={items.error} onRetry={() => items.refetch()} />
  ) : phone ? (
    <>
      {items.isPending ? <Skeleton active /> : <ItemList items={items.data?.items ?? []} empty="该栏目暂无公开信息" />}
      {(items.data?.total ?? 0) > PAGE_SIZE && (
        <Pagination
          simple
          current={page}
          pageSize={PAGE_SIZE}
          total={items.data?.total ?? 0}
          itemRender={pageLink}
          style={{ marginTop: 12 }}
        />
      )}
    </>
  ) : (
    <Table<ItemSummary>
      rowKey="id"
      size="middle"
      loading={items.isPending || items.isFetching}
      dataSource={items.data?.items ?? []}
      locale={{ emptyText: <Empty description="该栏目暂无公开信息" /> }}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total: items.data?.total ?? 0,
        showSizeChanger: false,
        showTotal: (total) => `共 ${total} 条`,
        itemRender: pageLink,
      }}
      columns={[
        {
          title: "标题",
          dataIndex: "title",
          render: (title: string, item) => (
            <Space size={4} wrap>
              <Link to={`/items/${item.id}`}>{title}</Link>
              {item.validity !== "valid" && (
                <Tag color={VALIDITY_COLOURS[item.validity]}>{itemLabel("validities", item.validity)}</Tag>
              )}
            </Space>
          ),
        },
        { title: "发文字号", dataIndex: "document_number", width: 160, responsive: ["lg"] },
        {
          title: "发布日期",
          dataIndex: "published_at",
          width: 110,
          render: (at: string | null) => (at ? dayjs(at).format("YYYY-MM-DD") : "—"),
        },
      ]}
    />
  );

  return (
    <Space orientation="vertical" size={phone ? "middle" : "large"} style={{ width: "100%" }}>
      <Breadcrumb
        items={[
          { title: <Link to="/">首页</Link> },
          ...path.map((u) => ({
            title: u.id === unitId ? u.name : <Link to={`/units/${u.id}`}>{u.name}</Link>,
          })),
        ]}
      />
      <div>
        <Typography.Title level={1} style={{ marginTop: 0, marginBottom: 8, fontSize: phone ? 20 : 26 }}>
          {unit.name}政府信息公开目录
        </Typography.Title>
        <Space wrap size={phone ? "small" : "middle"}>
          <Tag color="red">{unitLabel("unit_types", unit.type)}</Tag>
          {!phone && <Typography.Text type="secondary">统一社会信用代码：{unit.credit_code}</Typography.Text>}
          {unit.closed && <Tag>已撤销</Tag>}
          <Link to={`/units/${unit.id}/guide`}>
            <FileTextOutlined /> 公开指南
          </Link>
          <Link to={`/search?unit=${unit.id}`}>在本单位信息中检索</Link>
        </Space>
      </div>
      <Row gutter={[24, 16]}>
        {!phone && (
          <Col md={9}>
            <Card
              title={
                <Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>
                  公开目录栏目
                </Typography.Title>
              }
            >
              {tree}
            </Card>
          </Col>
        )}
        <Col xs={24} md={15}>
          <Card
            title={
              <Typography.Title level={2} style={{ margin: 0, fontSize: 16, whiteSpace: "normal" }}>
                {heading}
                {count !== undefined && (
                  <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: "normal" }}>
                    {" "}
                    （共 {count} 条）
                  </Typography.Text>
                )}
              </Typography.Title>
            }
            extra={
              phone ? (
                <Button icon={<UnorderedListOutlined />} onClick={() => setDrawerOpen(true)} aria-haspopup="dialog">
                  栏目
                </Button>
              ) : undefined
            }
            styles={phone ? { body: { padding: 12 } } : undefined}
          >
            {column && column.children && column.children.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                含下级栏目：{column.children.map((c) => c.name).join("、")}
              </Typography.Paragraph>
            )}
            {list}
          </Card>
        </Col>
      </Row>
      {children.length > 0 && (
        <Card
          title={
            <Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>
              下属单位
            </Typography.Title>
          }
        >
          <Space wrap>
            {children.map((c) => (
              <Link key={c.id} to={`/units/${c.id}`}>
                {c.name}
              </Link>
            ))}
          </Space>
        </Card>
      )}
      {phone && (
        <Drawer title="公开目录栏目" placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size="85%">
          {tree}
        </Drawer>
      )}
    </Space>
  );
}
