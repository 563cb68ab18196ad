import { FileTextOutlined } from "@ant-design/icons";
import { Breadcrumb, Card, Col, Empty, Row, Skeleton, Space, Tag, Tree, Typography } from "antd";
import type { DataNode } from "antd/es/tree";
import dayjs from "dayjs";
import { Link, Navigate, useParams, useSearchParams } from "react-router-dom";
import { useResolvedColumn, useUnitColumns, useUnitGuide, useUnitItems } from "../../api/queries/catalog";
import { useUnits } from "../../api/queries/units";
import { useLabels } from "../../api/queries/vocabulary";
import { PagedTable } from "../../components/PagedTable";
import { QueryError } from "../../components/QueryError";
import { findColumn, VALIDITY_COLOURS, type ColumnNode, type ItemSummary } from "../../lib/catalog";
import { unitPath } from "../../lib/units";
import { NotFoundPage } from "../NotFoundPage";

const PAGE_SIZE = 15;
const ALL = 0;

// The Article-20 item is shown where it starts, not repeated on every column below it.
function toTreeData(columns: ColumnNode[], parentItem: number | null = null): DataNode[] {
  return columns.map((column) => ({
    key: column.id,
    title: (
      <Space size={4}>
        <span>{column.name}</span>
        {column.article20_item && column.article20_item !== parentItem && (
          <Tag>条例第二十条第{column.article20_item}项</Tag>
        )}
      </Space>
    ),
    children: toTreeData(column.children ?? [], column.article20_item),
  }));
}

/** A unit's disclosure catalogue (公开目录): its columns, and the items published in each. */
export function UnitCataloguePage() {
  const unitId = Number(useParams().unitId);
  const [search, setSearch] = useSearchParams();
  const columnId = Number(search.get("column") ?? ALL) || ALL;
  const page = Math.max(1, Number(search.get("page") ?? 1) || 1);
  const units = useUnits();
  const unitLabel = useLabels("gateway");
  const itemLabel = useLabels("catalog");
  const columns = useUnitColumns(Number.isInteger(unitId) ? unitId : undefined);
  const guide = useUnitGuide(unitId, columns.data);
  const items = useUnitItems(unitId, { page, size: PAGE_SIZE, ...(columnId ? { column_id: columnId } : {}) });

  // An old link to a column that was merged into another leads to that one.
  const unknownColumn = !!columnId && !!columns.data && !findColumn(columns.data, (c) => c.id === columnId);
  const resolved = useResolvedColumn(columnId, unknownColumn);

  if (!Number.isInteger(unitId)) return <NotFoundPage />;
  if (unknownColumn && resolved.data?.merged) {
    return <Navigate to={`/units/${unitId}?column=${resolved.data.column.id}`} replace />;
  }
  if (units.isPending) return <Skeleton active />;
  if (units.isError) return <QueryError error={units.error} onRetry={() => units.refetch()} />;
  const unit = units.data.find((u) => u.id === unitId);
  if (!unit) return <NotFoundPage />;
  const path = unitPath(units.data, unitId);
  const children = units.data.filter((u) => u.parent_id === unitId && !u.closed);
  const column = columns.data && columnId ? findColumn(columns.data, (c) => c.id === columnId) : undefined;

  const choose = (next: number, nextPage = 1) => {
    const params = new URLSearchParams();
    if (next) params.set("column", String(next));
    if (nextPage > 1) params.set("page", String(nextPage));
    setSearch(params);
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Breadcrumb
        items={[
          { title: <Link to="/">首页</Link> },
          ...path.map((u) => ({
            title: u.id === unitId ? u.name : <Link to={`/units/${u.id}`}>{u.name}</Link>,
          })),
        ]}
      />
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {unit.name} 政府信息公开目录
        </Typography.Title>
        <Space wrap size="middle">
          <Tag color="red">{unitLabel("unit_types", unit.type)}</Tag>
          <Typography.Text type="secondary">统一社会信用代码：{unit.credit_code}</Typography.Text>
          {unit.closed && <Tag>已撤销</Tag>}
          {guide.data && (
            <Link to={`/items/${guide.data.id}`}>
              <FileTextOutlined /> 公开指南
            </Link>
          )}
          <Link to={`/search?unit=${unit.id}`}>在本单位信息中检索</Link>
        </Space>
      </Card>
      <Row gutter={[24, 24]}>
        <Col xs={24} md={9}>
          <Card title="公开目录栏目">
            {columns.isPending && <Skeleton active />}
            {columns.isError && <QueryError error={columns.error} onRetry={() => columns.refetch()} />}
            {columns.data &&
              (columns.data.length ? (
                <>
                  <Typography.Link
                    strong={!columnId}
                    onClick={() => choose(ALL)}
                    style={{ display: "block", marginBottom: 8 }}
                  >
                    全部信息
                  </Typography.Link>
                  <Tree
                    aria-label="公开目录栏目"
                    treeData={toTreeData(columns.data)}
                    defaultExpandAll
                    selectedKeys={columnId ? [columnId] : []}
                    onSelect={(keys) => choose(keys.length ? Number(keys[0]) : ALL)}
                  />
                </>
              ) : (
                <Empty description="本单位暂无公开目录栏目" />
              ))}
          </Card>
        </Col>
        <Col xs={24} md={15}>
          <Card title={column ? column.name : "全部信息"}>
            <PagedTable<ItemSummary>
              query={items}
              page={page}
              pageSize={PAGE_SIZE}
              onPageChange={(next) => choose(columnId, next)}
              countUnit="条"
              rowKey="id"
              size="middle"
              locale={{ emptyText: <Empty description="该栏目暂无公开信息" /> }}
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
          </Card>
        </Col>
      </Row>
      {children.length > 0 && (
        <Card title="下属单位">
          <Space wrap>
            {children.map((c) => (
              <Link key={c.id} to={`/units/${c.id}`}>
                {c.name}
              </Link>
            ))}
          </Space>
        </Card>
      )}
    </Space>
  );
}
