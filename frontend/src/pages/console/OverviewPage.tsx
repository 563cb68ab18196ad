import { Card, Col, Descriptions, Row, Skeleton, Statistic, Tag, Typography } from "antd";
import { useUnitOverview } from "../../api/queries/reporting";
import { useUnits } from "../../api/queries/units";
import { useLabels } from "../../api/queries/vocabulary";
import { useCurrentUser } from "../../auth/useAuth";
import { QueryError } from "../../components/QueryError";
import { formatDateTime } from "../../lib/dates";
import { unitPath } from "../../lib/units";

/** The signed-in person's desk: who they are, where, and their unit's figures. */
export function OverviewPage() {
  const user = useCurrentUser()!;
  const units = useUnits();
  const label = useLabels("gateway");
  const overview = useUnitOverview(user.unit_id);
  const unit = units.data?.find((u) => u.id === user.unit_id);
  const path = units.data ? unitPath(units.data, user.unit_id) : [];
  const below = units.data?.filter((u) => u.parent_id === user.unit_id && !u.closed).length ?? 0;

  return (
    <Row gutter={[24, 24]}>
      <Col span={24}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          您好，{user.display_name}
        </Typography.Title>
      </Col>
      <Col xs={24} lg={12}>
        <Card title="本人信息">
          <Descriptions column={1} size="small">
            <Descriptions.Item label="用户名">{user.username}</Descriptions.Item>
            <Descriptions.Item label="所在单位">{path.map((u) => u.name).join(" / ")}</Descriptions.Item>
            <Descriptions.Item label="单位类型">
              {unit ? label("unit_types", unit.type) : "—"}
            </Descriptions.Item>
            <Descriptions.Item label="角色">
              {user.roles.map((r) => (
                <Tag key={r}>{label("roles", r)}</Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={`${user.unit_name} 数据概览`}>
          {overview.isPending && <Skeleton active />}
          {overview.isError && (
            <QueryError error={overview.error} onRetry={() => overview.refetch()} />
          )}
          {overview.data && (
            <>
              <Row gutter={16}>
                <Col span={12}>
                  <Statistic title="公开目录栏目" value={overview.data.catalogue_columns} suffix="个" />
                </Col>
                <Col span={12}>
                  <Statistic title="下属单位" value={below} suffix="个" />
                </Col>
              </Row>
              <Typography.Text type="secondary">
                统计时间：{formatDateTime(overview.data.generated_at)}
              </Typography.Text>
            </>
          )}
        </Card>
      </Col>
    </Row>
  );
}
