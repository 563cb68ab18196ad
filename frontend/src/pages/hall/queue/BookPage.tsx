import { App, Button, Card, Descriptions, Empty, Form, Input, Radio, Result, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { useBook, useCentreChoices, useQueueCentres, useSlots, type Booking } from "../../../api/queries/hallQueue";
import { QueryError } from "../../../components/QueryError";
import { usePageTitle } from "../../../lib/usePageTitle";
import { PageHeading, SectionHeading } from "../Headings";

/** 预约: book a slot for an item at a centre; the code is checked in at the kiosk that day. */
export function BookPage() {
  return (
    <App component={false}>
      <Booking />
    </App>
  );
}

function Booking() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const centres = useQueueCentres();
  const centreId = Number(params.get("centre")) || (centres.data?.length === 1 ? centres.data[0]?.id : undefined);
  const itemId = Number(params.get("item")) || undefined;
  const choices = useCentreChoices(centreId);
  const slots = useSlots(centreId, itemId);
  const [slotId, setSlotId] = useState<number>();
  const [booked, setBooked] = useState<Booking | null>(null);
  const book = useBook({ onSuccess: setBooked, onError: (error) => message.error(error.message) });
  usePageTitle(booked ? "预约成功" : "预约办事");

  if (booked) {
    return (
      <Result
        status="success"
        title={<PageHeading>预约成功，预约码 {booked.code}</PageHeading>}
        subTitle="请于预约当日到服务中心取号机输入预约码签到，优先叫号。"
        extra={
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="服务中心">{booked.centre_name}</Descriptions.Item>
            <Descriptions.Item label="办理事项">{booked.item_name}</Descriptions.Item>
            <Descriptions.Item label="预约时段">
              {booked.slot.day} {booked.slot.starts_at.slice(0, 5)}-{booked.slot.ends_at.slice(0, 5)}
            </Descriptions.Item>
            <Descriptions.Item label="预约人">
              {booked.name_masked}（{booked.phone_masked}）
            </Descriptions.Item>
          </Descriptions>
        }
      />
    );
  }

  const select = (next: Record<string, string>) =>
    setParams({ ...(centreId ? { centre: String(centreId) } : {}), ...next });
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <PageHeading>预约办事</PageHeading>
      {centres.isError && <QueryError error={centres.error} onRetry={() => centres.refetch()} />}
      <Card title={<SectionHeading>服务中心与事项</SectionHeading>}>
        <Space wrap style={{ width: "100%" }}>
          <Select
            aria-label="服务中心"
            style={{ width: 280, maxWidth: "100%" }}
            placeholder="请选择服务中心"
            value={centreId}
            options={(centres.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            onChange={(value: number) => setParams({ centre: String(value) })}
          />
          <Select
            aria-label="办理事项"
            style={{ width: 320, maxWidth: "100%" }}
            placeholder="请选择可预约的事项"
            value={itemId}
            options={(choices.data?.items ?? [])
              .filter((item) => item.bookable)
              .map((item) => ({ value: item.id, label: item.name }))}
            onChange={(value: number) => select({ item: String(value) })}
          />
        </Space>
      </Card>
      {itemId && (
        <Card title={<SectionHeading>选择时段</SectionHeading>}>
          {slots.data && slots.data.length === 0 && <Empty description="近期没有可预约的时段" />}
          <Radio.Group aria-label="预约时段" value={slotId} onChange={(event) => setSlotId(event.target.value as number)}>
            <Space direction="vertical">
              {(slots.data ?? []).map((slot) => (
                <Radio key={slot.id} value={slot.id} disabled={slot.available === 0}>
                  {`${slot.day} ${slot.starts_at.slice(0, 5)}-${slot.ends_at.slice(0, 5)}`}
                  {slot.available === 0 ? "（已约满）" : `（余 ${slot.available} 个）`}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Card>
      )}
      {slotId && (
        <Card title={<SectionHeading>预约人信息</SectionHeading>}>
          <Form<{ name: string; phone: string }>
            layout="vertical"
            style={{ maxWidth: 360 }}
            onFinish={(values) => book.mutate({ slot_id: slotId, name: values.name.trim(), phone: values.phone.trim() })}
          >
            <Form.Item name="name" label="姓名" rules={[{ required: true, message: "请填写姓名" }]}>
              <Input maxLength={50} autoComplete="name" />
            </Form.Item>
            <Form.Item
              name="phone"
              label="手机号"
              rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: "请输入11位手机号" }]}
            >
              <Input maxLength={11} inputMode="numeric" autoComplete="tel" />
            </Form.Item>
            <Typography.Paragraph type="secondary">姓名和手机号仅以脱敏形式保存，用于窗口核对。</Typography.Paragraph>
            <Button type="primary" htmlType="submit" loading={book.isPending}>
              提交预约
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
