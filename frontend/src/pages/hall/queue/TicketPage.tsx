import { Alert, App, Button, Card, Col, Empty, Form, Input, List, Row, Select, Skeleton, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import {
  useCentreChoices,
  useCheckIn,
  useQueueCentres,
  useTakeTicket,
  type TicketTaken,
} from "../../../api/queries/hallQueue";
import { QueryError } from "../../../components/QueryError";
import { usePageTitle } from "../../../lib/usePageTitle";
import { PageHeading, SectionHeading } from "../Headings";
import { TicketCard } from "./TicketCard";

/** 取号: take a ticket for an item or a window at a centre (the kiosk, or a phone on site). */
export function TicketPage() {
  return (
    <App component={false}>
      <TakingTicket />
    </App>
  );
}

function TakingTicket() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const wantedItem = Number(params.get("item")) || undefined;
  // From the guide's 取号 link (an item): the centres that accept it, the only one chosen.
  const centres = useQueueCentres(wantedItem);
  const onlyCentre = centres.data?.length === 1 ? centres.data[0]?.id : undefined;
  const centreId = Number(params.get("centre")) || onlyCentre;
  const choices = useCentreChoices(centreId);
  const [taken, setTaken] = useState<TicketTaken | null>(null);
  const take = useTakeTicket({ onSuccess: setTaken, onError: (error) => message.error(error.message) });
  const checkIn = useCheckIn({ onSuccess: setTaken, onError: (error) => message.error(error.message) });
  usePageTitle(taken ? `票号 ${taken.ticket.number}` : "取号");

  if (taken) {
    return (
      <Space direction="vertical" size="large" style={{ width: "100%" }}>
        <TicketCard taken={taken} />
        <Button onClick={() => setTaken(null)}>继续取号</Button>
      </Space>
    );
  }

  const items = choices.data?.items ?? [];
  const shownItems = wantedItem ? items.filter((item) => item.id === wantedItem) : items;
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <PageHeading>取号</PageHeading>
      {centres.isError && <QueryError error={centres.error} onRetry={() => centres.refetch()} />}
      <Card title={<SectionHeading>选择服务中心</SectionHeading>}>
        {centres.isPending ? (
          <Skeleton active />
        ) : (
          <Select
            aria-label="服务中心"
            style={{ width: "100%", maxWidth: 400 }}
            placeholder="请选择服务中心"
            value={centreId}
            options={(centres.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            onChange={(value: number) =>
              setParams({ centre: String(value), ...(wantedItem ? { item: String(wantedItem) } : {}) })
            }
          />
        )}
        {choices.data && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {choices.data.centre.address} · {choices.data.centre.hours}
          </Typography.Paragraph>
        )}
      </Card>
      {centreId && (
        <Row gutter={[24, 24]}>
          <Col xs={24} lg={16}>
            <Card title={<SectionHeading>按办理事项取号</SectionHeading>}>
              {choices.isPending && <Skeleton active />}
              {choices.isError && <QueryError error={choices.error} onRetry={() => choices.refetch()} />}
              {wantedItem && shownItems.length === 0 && choices.data && (
                <Alert type="warning" showIcon title="本中心暂无受理该事项的窗口，请选择其他事项" />
              )}
              {choices.data && items.length === 0 && <Empty description="本中心暂无可取号的事项" />}
              <List
                dataSource={shownItems}
                renderItem={(item) => (
                  <List.Item
                    actions={[
                      <Button
                        key="take"
                        type="primary"
                        loading={take.isPending}
                        onClick={() => take.mutate({ centre_id: centreId, item_id: item.id, priority: "none", priority_reason: "" })}
                      >
                        取号
                      </Button>,
                    ]}
                  >
                    <Space orientation="vertical" size={4}>
                      <SectionHeading level={3}>{item.name}</SectionHeading>
                      <Space wrap>
                        <span>{item.window_numbers.map((n) => `${n}号`).join("、")}窗口</span>
                        <Tag>等候 {item.waiting} 人</Tag>
                        {item.bookable && (
                          <Link to={`/hall/book?centre=${centreId}&item=${item.id}`}>可预约</Link>
                        )}
                      </Space>
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Space direction="vertical" size="large" style={{ width: "100%" }}>
              <Card title={<SectionHeading>按窗口取号</SectionHeading>}>
                <Space wrap>
                  {(choices.data?.windows ?? []).map((window) => (
                    <Button
                      key={window.id}
                      onClick={() => take.mutate({ centre_id: centreId, window_id: window.id, priority: "none", priority_reason: "" })}
                    >
                      {window.number}号 {window.name}
                    </Button>
                  ))}
                </Space>
              </Card>
              <Card title={<SectionHeading>预约签到</SectionHeading>}>
                <Form<{ code: string }> layout="inline" onFinish={(values) => checkIn.mutate({ code: values.code.trim() })}>
                  <Form.Item name="code" rules={[{ required: true, message: "请输入预约码" }]}>
                    <Input placeholder="预约码" aria-label="预约码" maxLength={12} />
                  </Form.Item>
                  <Button htmlType="submit" loading={checkIn.isPending}>
                    签到取号
                  </Button>
                </Form>
              </Card>
            </Space>
          </Col>
        </Row>
      )}
    </Space>
  );
}
