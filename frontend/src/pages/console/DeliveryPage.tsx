import { App, Button, Card, Col, Row, Statistic, Table, Tag, Typography } from "antd";
import {
  useDeadMessages,
  useOutboxSummary,
  usePendingMessages,
  useReplayMessage,
} from "../../api/queries/delivery";
import type { components } from "../../api/schema";
import { QueryError } from "../../components/QueryError";
import { ResponsiveTabs } from "../../components/ResponsiveTabs";
import { ScrollBox } from "../../components/ScrollBox";
import { formatDateTime } from "../../lib/dates";
import { COMPONENT_LABELS, type ComponentName } from "../../lib/labels";
import { usePageTitle } from "../../lib/usePageTitle";

type Message = components["schemas"]["OutboxMessageOut"];

function MessageTable({
  label,
  messages,
  loading,
  onReplay,
}: {
  label: string;
  messages: Message[] | undefined;
  loading: boolean;
  onReplay?: (m: Message) => void;
}) {
  return (
    <ScrollBox label={label}>
      <Table<Message>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={messages ?? []}
        pagination={{ pageSize: 10 }}
        style={{ minWidth: 760 }}
        locale={{ emptyText: "没有消息" }}
        columns={[
          { title: "编号", dataIndex: "id", width: 70 },
          { title: "发往", dataIndex: "destination", width: 110 },
          { title: "请求", render: (_: unknown, m: Message) => `${m.method} ${m.path}` },
          { title: "尝试次数", dataIndex: "attempts", width: 90 },
          {
            title: "最后错误",
            dataIndex: "last_error",
            render: (e: string | null) => <Typography.Text type="danger">{e ?? "—"}</Typography.Text>,
          },
          {
            title: "下次尝试",
            dataIndex: "next_attempt_at",
            width: 170,
            render: (v: string) => formatDateTime(v),
          },
          ...(onReplay
            ? [
                {
                  title: "操作",
                  key: "replay",
                  width: 90,
                  render: (_: unknown, m: Message) => (
                    <Button size="small" onClick={() => onReplay(m)}>
                      重新投递
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </ScrollBox>
  );
}

function ComponentOutbox({ name }: { name: ComponentName }) {
  const { message } = App.useApp();
  const summary = useOutboxSummary(name);
  const dead = useDeadMessages(name);
  const pending = usePendingMessages(name);
  const replay = useReplayMessage(name, {
    onSuccess: (m) => message.success(`消息 ${m.id} 已重新排队投递`),
    onError: (error) => message.error(error.message),
  });

  if (summary.isError) return <QueryError error={summary.error} onRetry={() => summary.refetch()} />;
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} sm={8}>
          <Statistic title="等待投递" value={summary.data?.pending ?? "—"} />
        </Col>
        <Col xs={24} sm={8}>
          <Statistic title="已投递" value={summary.data?.delivered ?? "—"} />
        </Col>
        <Col xs={24} sm={8}>
          <Statistic
            title="投递失败（死信）"
            value={summary.data?.dead ?? "—"}
            styles={{ content: { color: summary.data?.dead ? "#cf1322" : undefined } }}
          />
        </Col>
      </Row>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        死信 <Tag color="red">{dead.data?.length ?? 0}</Tag>
      </Typography.Title>
      <MessageTable label="死信" messages={dead.data} loading={dead.isPending} onReplay={(m) => replay.mutate(m)} />
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        等待投递
      </Typography.Title>
      <MessageTable label="等待投递的消息" messages={pending.data} loading={pending.isPending} />
    </>
  );
}

/** 消息投递: each component's outbox, its dead letters, and replay. */
export function DeliveryPage() {
  usePageTitle("消息投递");
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          消息投递
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary">
        单位变更、节假日安排等消息由各系统可靠投递：失败后按退避间隔重试，多次失败进入死信列表，
        排除故障后可在此重新投递。接收方按消息编号去重，重复投递不会重复生效。
      </Typography.Paragraph>
      <ResponsiveTabs
        label="系统"
        parts={(Object.keys(COMPONENT_LABELS) as ComponentName[]).map((name) => ({
          key: name,
          label: COMPONENT_LABELS[name],
          children: <ComponentOutbox name={name} />,
        }))}
        destroyOnHidden
      />
    </Card>
  );
}
