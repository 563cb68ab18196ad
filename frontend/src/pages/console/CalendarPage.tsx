import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { ApiError } from "../../api/errors";
import type { components } from "../../api/schema";
import { hasAnyRole, useCurrentUser } from "../../auth/useAuth";
import { officeToday, parseDateList } from "../../lib/dates";
import { QueryError } from "../QueryError";

type Year = components["schemas"]["YearArrangementOut"];

interface LoadForm {
  year: number;
  holidays: string;
  workdays: string;
  note: string;
}

function DateTags({ dates, color }: { dates: string[]; color: string }) {
  return (
    <Space size={[4, 4]} wrap>
      {dates.map((d) => (
        <Tag key={d} color={color}>
          {dayjs(d).format("M月D日 ddd")}
        </Tag>
      ))}
    </Space>
  );
}

/** 工作日历: the official arrangement of each year that deadlines are counted on. */
export function CalendarPage() {
  const user = useCurrentUser()!;
  const canLoad = hasAnyRole(user, ["ops_admin"]);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<LoadForm>();
  const years = useQuery({
    queryKey: ["calendar-years"],
    queryFn: () => unwrap(api.GET("/api/calendar/years")),
  });
  const thisYear = officeToday().year();
  const known = new Set(years.data?.map((y) => y.year));
  const missing = [thisYear, thisYear + 1].filter((y) => years.data && !known.has(y));

  const load = useMutation({
    mutationFn: ({ year, holidays, workdays, note }: { year: number; holidays: string[]; workdays: string[]; note: string }) =>
      unwrap(
        api.PUT("/api/calendar/years/{year}", {
          params: { path: { year } },
          body: { holidays, workdays, note },
        }),
      ),
    onSuccess: (year) => {
      message.success(`${year.year} 年安排已加载，并已通知各业务系统`);
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: ["calendar-years"] });
    },
    onError: (error) => setProblem(error instanceof ApiError ? error.message : "保存失败"),
  });

  const submit = (values: LoadForm) => {
    const holidays = parseDateList(values.holidays ?? "");
    const workdays = parseDateList(values.workdays ?? "");
    const invalid = [...holidays.invalid, ...workdays.invalid];
    if (invalid.length) {
      setProblem(`以下内容不是有效日期（应为 YYYY-MM-DD）：${invalid.join("、")}`);
      return;
    }
    setProblem(null);
    load.mutate({ year: values.year, holidays: holidays.dates, workdays: workdays.dates, note: values.note ?? "" });
  };

  return (
    <Card
      title="工作日历"
      extra={
        canLoad && (
          <Button
            type="primary"
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({ year: missing[0] ?? thisYear + 1 });
              setProblem(null);
              setOpen(true);
            }}
          >
            加载年度节假日安排
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        法定期限按工作日计算：周一至周五，除国务院公布的放假日，另加调休上班的周末。
        尚未加载安排的年份按普通周末计算，涉及该年份的期限标为“暂定”。
      </Typography.Paragraph>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`尚未加载 ${missing.join("、")} 年的节假日安排，相关期限为暂定。`}
        />
      )}
      {years.isError && <QueryError error={years.error} onRetry={() => years.refetch()} />}
      <Table<Year>
        rowKey="year"
        loading={years.isPending}
        dataSource={[...(years.data ?? [])].sort((a, b) => b.year - a.year)}
        pagination={{ pageSize: 10 }}
        expandable={{
          expandedRowRender: (year) => (
            <Space orientation="vertical">
              <div>
                放假：<DateTags dates={year.holidays} color="red" />
              </div>
              <div>
                调休上班：<DateTags dates={year.workdays} color="blue" />
              </div>
            </Space>
          ),
        }}
        columns={[
          { title: "年份", dataIndex: "year", width: 100 },
          {
            title: "来源",
            dataIndex: "source",
            render: (source: Year["source"]) =>
              source === "loaded" ? <Tag color="green">已加载</Tag> : <Tag>内置</Tag>,
          },
          { title: "放假天数", render: (_: unknown, y: Year) => y.holidays.length },
          { title: "调休上班天数", render: (_: unknown, y: Year) => y.workdays.length },
          { title: "依据", dataIndex: "note" },
        ]}
      />
      <Modal
        open={open}
        title="加载年度节假日安排"
        okText="加载并通知各系统"
        cancelText="取消"
        confirmLoading={load.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item label="年份" name="year" rules={[{ required: true, message: "请输入年份" }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item
            label="放假日期"
            name="holidays"
            extra="每行或以逗号分隔一个日期，如 2027-01-01"
            rules={[{ required: true, whitespace: true, message: "请填写放假日期" }]}
          >
            <Input.TextArea rows={5} />
          </Form.Item>
          <Form.Item label="调休上班日期（周末上班）" name="workdays">
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label="依据" name="note" extra="如国务院办公厅关于节假日安排的通知文号">
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
