import { useQuery } from "@tanstack/react-query";
import { Breadcrumb, Card, Empty, Skeleton, Space, Tag, Tree, Typography } from "antd";
import type { DataNode } from "antd/es/tree";
import { Link, useParams } from "react-router-dom";
import { api, unwrap } from "../../api/client";
import { useUnits } from "../../api/queries";
import type { components } from "../../api/schema";
import { UNIT_TYPE_LABELS } from "../../lib/labels";
import { unitPath } from "../../lib/units";
import { NotFoundPage } from "../NotFoundPage";
import { QueryError } from "../QueryError";

type ColumnNode = components["schemas"]["CatalogColumnNode"];

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

/** A unit's disclosure catalogue (公开目录): its columns as the unit shows them. */
export function UnitCataloguePage() {
  const unitId = Number(useParams().unitId);
  const units = useUnits();
  const columns = useQuery({
    queryKey: ["catalogue", unitId],
    queryFn: () =>
      unwrap(api.GET("/api/catalog/units/{unit_id}/columns", { params: { path: { unit_id: unitId } } })),
    enabled: Number.isInteger(unitId),
  });

  if (!Number.isInteger(unitId)) return <NotFoundPage />;
  if (units.isPending) return <Skeleton active />;
  if (units.isError) return <QueryError error={units.error} onRetry={() => units.refetch()} />;
  const unit = units.data.find((u) => u.id === unitId);
  if (!unit) return <NotFoundPage />;
  const path = unitPath(units.data, unitId);
  const children = units.data.filter((u) => u.parent_id === unitId && !u.closed);

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
        <Space wrap>
          <Tag color="red">{UNIT_TYPE_LABELS[unit.type]}</Tag>
          <Typography.Text type="secondary">统一社会信用代码：{unit.credit_code}</Typography.Text>
          {unit.closed && <Tag>已撤销</Tag>}
        </Space>
      </Card>
      <Card title="公开目录栏目">
        {columns.isPending && <Skeleton active />}
        {columns.isError && <QueryError error={columns.error} onRetry={() => columns.refetch()} />}
        {columns.data &&
          (columns.data.length ? (
            <Tree treeData={toTreeData(columns.data)} defaultExpandAll selectable={false} />
          ) : (
            <Empty description="本单位暂无公开目录栏目" />
          ))}
      </Card>
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
