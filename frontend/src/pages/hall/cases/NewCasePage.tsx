// 窗口收件: the clerk records an applicant at one of their windows, for one of the items the
// window accepts. Opened from a called ticket (?ticket=&window=), the window and the item come
// from the ticket. The query code is shown once, for the applicant's receipt.
import { App, Button, Card, Checkbox, Form, Input, Radio, Result, Select, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { ApiError, formErrors } from "../../../api/errors";
import { useReceiveCase, type CaseReceiveIn, type Received } from "../../../api/queries/hallCases";
import { useTicket } from "../../../api/queries/hallQueue";
import { useMyWindows } from "../../../api/queries/hallWindows";
import { QueryError } from "../../../components/QueryError";
import { usePageTitle } from "../../../lib/usePageTitle";
import { ButtonLink } from "../ButtonLink";
import { PageHeading } from "../Headings";

function numberParam(value: string | null): number | undefined {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

export function NewCasePage() {
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const ticketId = numberParam(params.get("ticket"));
  const [form] = Form.useForm<CaseReceiveIn>();
  const windows = useMyWindows();
  const ticket = useTicket(ticketId);
  const windowId = Form.useWatch("window_id", form);
  const [received, setReceived] = useState<Received | null>(null);
  usePageTitle(received ? `已收件：${received.number}` : "窗口收件");
  const receive = useReceiveCase({
    onSuccess: (answer) => {
      setReceived(answer);
      void message.success(`已收件：${answer.number}`);
    },
    onError: (error) => {
      void message.error(error.message);
      if (error instanceof ApiError) form.setFields(formErrors(error, ["window_id", "item_id", "applicant_name"] as const));
    },
  });

  useEffect(() => {
    const fromTicket = ticket.data?.ticket;
    const windowParam = numberParam(params.get("window"));
    if (windowParam) form.setFieldValue("window_id", windowParam);
    if (fromTicket) {
      form.setFieldsValue({ ticket_id: fromTicket.id, item_id: fromTicket.item_id ?? undefined });
    }
  }, [ticket.data, params, form]);

  if (windows.isError) return <QueryError error={windows.error} onRetry={() => windows.refetch()} />;
  if (received) {
    return (
      <Card>
        <Result
          status="success"
          title={<PageHeading>已收件：{received.number}</PageHeading>}
          subTitle={
            <Space orientation="vertical">
              <Typography.Text>
                请将查询码交给申请人（只显示这一次）：<Typography.Text strong copyable>{received.query_code}</Typography.Text>
              </Typography.Text>
              <Typography.Text type="secondary">申请人可凭办件编号和查询码查询进度、评价服务。</Typography.Text>
            </Space>
          }
          extra={[
            <ButtonLink key="case" type="primary" to={`/console/hall/cases/${received.id}`}>
              受理或一次性告知
            </ButtonLink>,
            <Button key="print" onClick={() => window.print()}>
              打印回执
            </Button>,
          ]}
        />
      </Card>
    );
  }
  const mine = windows.data ?? [];
  const items = mine.find((w) => w.id === windowId)?.items ?? [];
  return (
    <Card title={<PageHeading>窗口收件</PageHeading>} loading={windows.isPending}>
      {!windows.isPending && mine.length === 0 ? (
        <Result status="info" title="您尚未派驻到任何窗口" subTitle="请联系大厅管理员在窗口设置中添加您。" />
      ) : (
        <Form<CaseReceiveIn>
          form={form}
          layout="vertical"
          style={{ maxWidth: 640 }}
          initialValues={{ applicant_type: "natural_person", green_channel: false, window_id: mine[0]?.id }}
          onFinish={(values) => receive.mutate(values)}
        >
          {ticketId && (
            <Typography.Paragraph type="secondary">
              来自叫号：{ticket.data?.ticket.number ?? ticketId}
              {ticket.data?.ticket.item_name ? `（${ticket.data.ticket.item_name}）` : ""}
            </Typography.Paragraph>
          )}
          <Form.Item name="ticket_id" hidden>
            <Input />
          </Form.Item>
          <Form.Item name="window_id" label="窗口" rules={[{ required: true, message: "请选择窗口" }]}>
            <Select
              options={mine.map((w) => ({ value: w.id, label: `${w.centre_name} ${w.number}号窗口 ${w.name}` }))}
              onChange={() => form.setFieldValue("item_id", undefined)}
            />
          </Form.Item>
          <Form.Item name="item_id" label="办理事项" rules={[{ required: true, message: "请选择该窗口受理的事项" }]}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder="该窗口受理的事项"
              options={items.map((item) => ({ value: item.id, label: item.name }))}
            />
          </Form.Item>
          <Form.Item name="applicant_type" label="申请人类型">
            <Radio.Group
              options={[
                { value: "natural_person", label: "自然人" },
                { value: "legal_person", label: "法人或其他组织" },
              ]}
            />
          </Form.Item>
          <Form.Item name="applicant_name" label="申请人" rules={[{ required: true, message: "请填写申请人" }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="applicant_id_number" label="证件号码（身份证号或统一社会信用代码）">
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="applicant_phone" label="联系电话">
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
          <Form.Item name="first_asked_by" label="首问责任人账号（为空即本人）">
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="green_channel" valuePropName="checked">
            <Checkbox>绿色通道（重点项目、老年人、残疾人等）</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={receive.isPending}>
            收件
          </Button>
        </Form>
      )}
    </Card>
  );
}
