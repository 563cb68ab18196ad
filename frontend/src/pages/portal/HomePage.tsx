import { Card, Col, Row, Skeleton, Tree, Typography } from "antd";
import type { DataNode } from "antd/es/tree";
import { useMemo } from "react";
import { useNavigate } from "react-router-dom";
import { useUnits } from "../../api/queries/units";
import { useGatewayVocabulary } from "../../api/queries/vocabulary";
import { QueryError } from "../../components/QueryError";
import { buildUnitTree, type UnitNode } from "../../lib/units";

function toTreeData(nodes: UnitNode[]): DataNode[] {
  return nodes.map((node) => ({
    key: node.id,
    title: node.name,
    children: toTreeData(node.children),
  }));
}

export function HomePage() {
  const units = useUnits();
  const vocabulary = useGatewayVocabulary();
  const navigate = useNavigate();
  const tree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  // The open units below the district, by type (部门、街道、乡镇…), in the gateway's order.
  const counts = useMemo(() => {
    const byType = new Map<string, number>();
    for (const unit of units.data ?? []) {
      if (!unit.closed && unit.parent_id !== null) byType.set(unit.type, (byType.get(unit.type) ?? 0) + 1);
    }
    return byType;
  }, [units.data]);
  const root = tree[0];

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} md={15}>
        <Card>
          <Typography.Title level={2}>政府信息公开</Typography.Title>
          <Typography.Paragraph>
            依据《中华人民共和国政府信息公开条例》，{root?.name ?? "本级政府"}
            及其工作部门、街道（乡镇）通过本平台主动公开政府信息，编制并维护政府信息公开目录。
            公民、法人和其他组织可以按单位查阅公开目录。
          </Typography.Paragraph>
          <Row gutter={16}>
            {vocabulary.data?.unit_types.map(({ value, label }) =>
              counts.get(value) ? (
                <Col key={value}>
                  <Typography.Text type="secondary">{label}</Typography.Text>{" "}
                  <Typography.Text strong>{counts.get(value)}</Typography.Text>
                </Col>
              ) : null,
            )}
          </Row>
        </Card>
      </Col>
      <Col xs={24} md={9}>
        <Card title="信息公开单位">
          {units.isPending && <Skeleton active />}
          {units.isError && <QueryError error={units.error} onRetry={() => units.refetch()} />}
          {units.data && (
            <Tree
              treeData={toTreeData(tree)}
              defaultExpandedKeys={root ? [root.id] : []}
              onSelect={(keys) => keys[0] !== undefined && navigate(`/units/${keys[0]}`)}
              height={520}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
