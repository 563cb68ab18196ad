import { App, Button, Card, Col, Descriptions, Empty, Input, Modal, Row, Select, Skeleton, Space, Statistic, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import {
  useCallNext,
  useDesk,
  useFinish,
  useTicketStep,
  useTransfer,
  useWindowConsole,
  type Ticket,
} from "../../../api/queries/hallQueue";
import { QueryError } from "../../../components/QueryError";
import { formatDateTime } from "../../../lib/dates";
import { usePageTitle } from "../../../lib/usePageTitle";
import { ButtonLink } from "../ButtonLink";
import { PageHeading, SectionHeading } from "../Headings";

const PRIORITY: Record<string, string> = {
  appointment: "预约",
  green_channel: "绿色通道",
  elderly: "老年人",
  disabled: "残疾人",
};

/** 窗口叫号: the clerk's console at a window: call next, recall, no-show, transfer, finish. */
export function WindowConsolePage() {
  const [params, setParams] = useSearchParams();
  const desk = useDesk();
  const windowId = Number(params.get("window")) || desk.data?.[0]?.id;
  usePageTitle("窗口叫号");

  if (desk.isPending) return <Skeleton active />;
  if (desk.isError) return <QueryError error={desk.error} onRetry={() => desk.refetch()} />;
  if (desk.data.length === 0) {
    return (
      <Card title={<PageHeading>窗口叫号</PageHeading>}>
        <Empty description="您尚未派驻到任何窗口，请联系大厅管理人员" />
      </Card>
    );
  }
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Space align="center" wrap>
        <PageHeading>窗口叫号</PageHeading>
        <Select
          aria-label="窗口"
          style={{ width: 420, maxWidth: "100%" }}
          value={windowId}
          options={desk.data.map((w) => ({
            value: w.id,
            label: `${w.centre_name} ${w.number}号窗口 ${w.name}（等候 ${w.waiting}）`,
          }))}
          onChange={(value: number) => setParams({ window: String(value) })}
        />
      </Space>
      {windowId && <WindowDesk windowId={windowId} />}
    </Space>
  );
}

function WindowDesk({ windowId }: { windowId: number }) {
  const { message } = App.useApp();
  const shown = useWindowConsole(windowId);
  const failed = { onError: (error: Error) => message.error(error.message) };
  const callNext = useCallNext(windowId, {
    ...failed,
    onSuccess: (answer) => {
      if (answer.ticket) message.success(`已呼叫 ${answer.ticket.number}`);
      else message.info("当前没有等候的群众");
    },
  });
  const recall = useTicketStep("recall", { ...failed, onSuccess: (t) => message.success(`已重呼 ${t.number}`) });
  const noShow = useTicketStep("no-show", { ...failed, onSuccess: (t) => message.info(`${t.number} 已过号`) });
  const finish = useFinish({ ...failed, onSuccess: (t) => message.success(`${t.number} 已办结`) });
  const transfer = useTransfer({ ...failed, onSuccess: (t) => message.success(`${t.number} 已转移`) });
  const [transferring, setTransferring] = useState<number>();
  const [caseNumber, setCaseNumber] = useState("");

  if (shown.isPending) return <Skeleton active />;
  if (shown.isError) return <QueryError error={shown.error} onRetry={() => shown.refetch()} />;
  const { window, queue, transfer_to } = shown.data;
  const current: Ticket | null | undefined = window.current;

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} lg={10}>
        <Card title={<SectionHeading>{`${window.number}号窗口 ${window.name}`}</SectionHeading>}>
          {current ? (
            <Space direction="vertical" style={{ width: "100%" }}>
              <Statistic title="当前办理" value={current.number} valueStyle={{ fontSize: 48 }} />
              <Descriptions column={1} size="small">
                <Descriptions.Item label="事项">{current.item_name ?? "按窗口取号"}</Descriptions.Item>
                <Descriptions.Item label="取号时间">{formatDateTime(current.taken_at)}</Descriptions.Item>
                <Descriptions.Item label="叫号次数">{current.calls}</Descriptions.Item>
                {current.priority !== "none" && (
                  <Descriptions.Item label="优先">
                    <Tag color="red">{PRIORITY[current.priority]}</Tag> {current.priority_reason}
                  </Descriptions.Item>
                )}
              </Descriptions>
              <Space wrap>
                <Button onClick={() => recall.mutate(current.id)} loading={recall.isPending}>
                  重呼
                </Button>
                <Button danger onClick={() => noShow.mutate(current.id)} loading={noShow.isPending}>
                  过号
                </Button>
                <Button onClick={() => setTransferring(transfer_to[0]?.id)} disabled={transfer_to.length === 0}>
                  转移
                </Button>
                <ButtonLink type="primary" to={`/console/hall/cases/new?ticket=${current.id}&window=${window.id}`}>
                  受理办件
                </ButtonLink>
              </Space>
              <Space.Compact style={{ width: "100%" }}>
                <Input
                  placeholder="办件编号（未受理可留空）"
                  aria-label="办件编号"
                  value={caseNumber}
                  maxLength={30}
                  onChange={(event) => setCaseNumber(event.target.value)}
                />
                <Button
                  type="primary"
                  loading={finish.isPending}
                  onClick={() =>
                    finish.mutate(
                      { ticketId: current.id, caseNumber: caseNumber.trim() },
                      { onSuccess: () => setCaseNumber("") },
                    )
                  }
                >
                  办结
                </Button>
              </Space.Compact>
            </Space>
          ) : (
            <Space direction="vertical" align="center" style={{ width: "100%" }}>
              <Typography.Text type="secondary">窗口空闲，等候 {window.waiting} 人</Typography.Text>
              <Button type="primary" size="large" loading={callNext.isPending} onClick={() => callNext.mutate()}>
                呼叫下一位
              </Button>
            </Space>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title={<SectionHeading>{`等候队列（${queue.length}）`}</SectionHeading>}>
          <Table<Ticket>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={queue}
            locale={{ emptyText: "暂无等候" }}
            columns={[
              { title: "票号", dataIndex: "number" },
              { title: "事项", render: (_, t) => t.item_name ?? "按窗口取号" },
              {
                title: "优先",
                render: (_, t) => (t.priority !== "none" ? <Tag color="red">{PRIORITY[t.priority]}</Tag> : null),
              },
              { title: "取号时间", render: (_, t) => formatDateTime(t.taken_at) },
            ]}
          />
        </Card>
      </Col>
      <Modal
        title="转移到其他窗口"
        open={transferring !== undefined}
        okText="转移"
        confirmLoading={transfer.isPending}
        onCancel={() => setTransferring(undefined)}
        onOk={() =>
          current &&
          transferring &&
          transfer.mutate(
            { ticketId: current.id, windowId: transferring },
            { onSuccess: () => setTransferring(undefined) },
          )
        }
      >
        <Select
          aria-label="转移到窗口"
          style={{ width: "100%" }}
          value={transferring}
          options={transfer_to.map((w) => ({ value: w.id, label: `${w.number}号窗口 ${w.name}` }))}
          onChange={(value: number) => setTransferring(value)}
        />
      </Modal>
    </Row>
  );
}
