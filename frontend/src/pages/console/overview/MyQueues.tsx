import { Card, Col, Row, Skeleton, Space, Statistic, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { useInbox } from "../../../api/queries/applications";
import { useDeadlines, useStaffItems } from "../../../api/queries/catalog";
import { QueryError } from "../../../components/QueryError";
import { daysLeftColour, daysLeftText } from "../../../lib/catalog";

const FIRST = 5;

/** The first few of a queue, one link each, with what is pressing about it. */
function FirstOf<Row extends { id: number }>({ rows, render }: { rows: Row[]; render: (row: Row) => ReactNode }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {rows.map((row) => (
        <li key={row.id} style={{ padding: "4px 0" }}>
          {render(row)}
        </li>
      ))}
    </ul>
  );
}

interface Counted {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  data?: { total: number };
}

/** One figure of a queue: the count, and a link to the whole list when there is anything. */
function QueueFigure({ title, query, to }: { title: string; query: Counted; to: string }) {
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const total = query.data?.total;
  return (
    <Statistic
      title={title}
      loading={query.isPending}
      value={total ?? 0}
      suffix="条"
      valueRender={(value) => (total ? <Link to={to} aria-label={`${title} ${total} 条`}>{value}</Link> : value)}
    />
  );
}

function QueueCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{title}</Typography.Title>}>
      {children}
    </Card>
  );
}

/** 信息发布员: their unit's drafts and items returned for changes, and what is due soon. */
export function PublisherQueue({ unitId }: { unitId: number }) {
  const drafts = useStaffItems({ status: "draft", page: 1, size: FIRST });
  const returned = useStaffItems({ status: "rejected", page: 1, size: FIRST });
  const dueSoon = useDeadlines(unitId, { state: "at_risk", below: false, page: 1, size: FIRST });
  return (
    <QueueCard title="我的信息发布待办">
      <Row gutter={[16, 16]}>
        <Col xs={8}>
          <QueueFigure title="草稿" query={drafts} to="/console/items?status=draft" />
        </Col>
        <Col xs={8}>
          <QueueFigure title="退回修改" query={returned} to="/console/items?status=rejected" />
        </Col>
        <Col xs={8}>
          <QueueFigure title="即将到期" query={dueSoon} to={`/console/deadlines?unit=${unitId}&below=0&tab=at_risk`} />
        </Col>
      </Row>
      {returned.data && returned.data.items.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>
            退回修改的信息
          </Typography.Title>
          <FirstOf rows={returned.data.items} render={(item) => <Link to={`/console/items/${item.id}`}>{item.title}</Link>} />
        </>
      )}
      {dueSoon.data && dueSoon.data.items.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>
            即将到期的信息
          </Typography.Title>
          <FirstOf
            rows={dueSoon.data.items}
            render={(item) => (
              <Space wrap size={8}>
                <Link to={`/console/items/${item.id}`}>{item.title}</Link>
                <Tag color={daysLeftColour(item.working_days_left)}>{daysLeftText(item.working_days_left)}</Tag>
              </Space>
            )}
          />
        </>
      )}
    </QueueCard>
  );
}

/** 保密审查员: the items submitted for review in their reach, oldest waiting first as listed. */
export function ReviewerQueue() {
  const waiting = useStaffItems({ status: "submitted", page: 1, size: FIRST });
  return (
    <QueueCard title="待审查的信息">
      <QueueFigure title="待审查" query={waiting} to="/console/review" />
      {waiting.isPending && <Skeleton active />}
      {waiting.data && waiting.data.items.length > 0 && (
        <FirstOf rows={waiting.data.items} render={(item) => <Link to="/console/review">{item.title}</Link>} />
      )}
    </QueueCard>
  );
}

/** 依申请公开经办人: the applications they handle, by the next date the law sets (the inbox's
 * order), and how many are due soon or overdue. */
export function HandlerQueue() {
  const mine = useInbox({ mine: true, page: 1, size: FIRST });
  const overdue = useInbox({ mine: true, urgency: "overdue", page: 1, size: 1 });
  const dueSoon = useInbox({ mine: true, urgency: "due_soon", page: 1, size: 1 });
  return (
    <QueueCard title="我经办的申请">
      <Row gutter={[16, 16]}>
        <Col xs={8}>
          <QueueFigure title="办理中" query={mine} to="/console/applications?mine=1" />
        </Col>
        <Col xs={8}>
          <QueueFigure title="临近期限" query={dueSoon} to="/console/applications?mine=1&urgency=due_soon" />
        </Col>
        <Col xs={8}>
          <QueueFigure title="已逾期" query={overdue} to="/console/applications?mine=1&urgency=overdue" />
        </Col>
      </Row>
      {mine.data && mine.data.items.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>
            按下一期限
          </Typography.Title>
          <FirstOf
            rows={mine.data.items}
            render={(row) => (
              <Space wrap size={8}>
                <Link to={`/console/applications/${row.id}`}>{row.tracking_number}</Link>
                <Typography.Text>
                  {row.next_action_label}
                  {row.next_action_on ? ` · ${row.next_action_on}` : ""}
                </Typography.Text>
              </Space>
            )}
          />
        </>
      )}
    </QueueCard>
  );
}
