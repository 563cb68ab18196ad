import { Card, Col, Descriptions, Row, Skeleton, Space, Statistic, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { useUnitOverview } from "../../api/queries/reporting";
import { useUnits } from "../../api/queries/units";
import { useLabels } from "../../api/queries/vocabulary";
import type { Me } from "../../auth/store";
import { useCurrentUser } from "../../auth/useAuth";
import { QueryError } from "../../components/QueryError";
import { formatDateTime } from "../../lib/dates";
import { can, canSee, reachesSubtree } from "../../lib/navigation";
import { unitPath } from "../../lib/units";
import { usePageTitle } from "../../lib/usePageTitle";
import { ApplicationsByUnit, DeadlinesByUnit } from "./overview/ByUnitTables";
import { HandlerQueue, PublisherQueue, ReviewerQueue } from "./overview/MyQueues";

/** Which blocks a person's overview has, from the role groups the gateway lists (the same
 * the services enforce): the office and supervisors watch their units' deadlines; the others
 * their own queue. */
export function overviewBlocks(user: Pick<Me, "can" | "reaches_subtree">) {
  const overseer = reachesSubtree(user) && (can(user, "read_items") || can(user, "read_applications"));
  return {
    deadlinesByUnit: overseer && can(user, "read_items"),
    applicationsByUnit: overseer && can(user, "read_applications"),
    // Acting (not only reading) on what the figures count: the office, not a supervisor.
    actions: overseer && (can(user, "write_items") || can(user, "handle_applications")),
    publisher: !overseer && can(user, "write_items"),
    reviewer: !overseer && can(user, "review_items"),
    handler: !overseer && can(user, "handle_applications"),
  };
}

function PersonCard() {
  const user = useCurrentUser()!;
  const units = useUnits();
  const label = useLabels("gateway");
  const unit = units.data?.find((u) => u.id === user.unit_id);
  const path = units.data ? unitPath(units.data, user.unit_id) : [];
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>本人信息</Typography.Title>}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label="用户名">{user.username}</Descriptions.Item>
        <Descriptions.Item label="所在单位">{path.map((u) => u.name).join(" / ")}</Descriptions.Item>
        <Descriptions.Item label="单位类型">{unit ? label("unit_types", unit.type) : "—"}</Descriptions.Item>
        <Descriptions.Item label="角色">
          {user.roles.map((r) => (
            <Tag key={r}>{label("roles", r)}</Tag>
          ))}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function UnitCard({ unitId, unitName }: { unitId: number; unitName: string }) {
  const overview = useUnitOverview(unitId);
  const units = useUnits();
  const below = units.data?.filter((u) => u.parent_id === unitId && !u.closed).length ?? 0;
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{`${unitName} 概况`}</Typography.Title>}>
      {overview.isPending && <Skeleton active />}
      {overview.isError && <QueryError error={overview.error} onRetry={() => overview.refetch()} />}
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
          <Typography.Text type="secondary">统计时间：{formatDateTime(overview.data.generated_at)}</Typography.Text>
        </>
      )}
    </Card>
  );
}

/** 工作台概览: the numbers that matter to the signed-in person's work, each block loading (and
 * failing) on its own, each number a link to the list it counts. */
export function OverviewPage() {
  usePageTitle("工作台概览");
  const user = useCurrentUser()!;
  const blocks = overviewBlocks(user);
  const unitId = user.unit_id;

  return (
    <Row gutter={[24, 24]}>
      <Col span={24}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          工作台概览
        </Typography.Title>
        <Typography.Paragraph style={{ margin: "8px 0 0" }}>
          您好，{user.display_name}。{user.unit_name}
          {blocks.deadlinesByUnit || blocks.applicationsByUnit ? "及下属单位今天的期限情况如下，点击数字查看对应清单。" : ""}
        </Typography.Paragraph>
        {blocks.actions && (
          <Space wrap style={{ marginTop: 12 }}>
            {canSee("/console/items", user) && can(user, "write_items") && (
              <Link to="/console/items/new">撰写信息</Link>
            )}
            {canSee("/console/deadlines", user) && <Link to="/console/deadlines">期限监督</Link>}
            {canSee("/console/applications", user) && <Link to="/console/applications">依申请公开办理</Link>}
          </Space>
        )}
      </Col>
      {unitId !== null && blocks.deadlinesByUnit && (
        <Col xs={24} xl={14}>
          <DeadlinesByUnit unitId={unitId} />
        </Col>
      )}
      {unitId !== null && blocks.applicationsByUnit && (
        <Col xs={24} xl={10}>
          <ApplicationsByUnit unitId={unitId} />
        </Col>
      )}
      {unitId !== null && blocks.publisher && (
        <Col xs={24} lg={12}>
          <PublisherQueue unitId={unitId} />
        </Col>
      )}
      {blocks.reviewer && (
        <Col xs={24} lg={12}>
          <ReviewerQueue />
        </Col>
      )}
      {blocks.handler && (
        <Col xs={24} lg={12}>
          <HandlerQueue />
        </Col>
      )}
      <Col xs={24} lg={12}>
        <PersonCard />
      </Col>
      {unitId !== null && (
        <Col xs={24} lg={12}>
          <UnitCard unitId={unitId} unitName={user.unit_name} />
        </Col>
      )}
    </Row>
  );
}
