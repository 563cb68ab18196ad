import { Alert, Button, Card, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useCalendarYears } from "../../api/queries/calendar";
import type { components } from "../../api/schema";
import { useCurrentUser } from "../../auth/useAuth";
import { QueryError } from "../../components/QueryError";
import { useScrollRegion } from "../../components/ScrollBox";
import { officeToday } from "../../lib/dates";
import { can } from "../../lib/navigation";
import { usePageTitle } from "../../lib/usePageTitle";
import { LoadYearDialog } from "./components/LoadYearDialog";

type Year = components["schemas"]["YearArrangementOut"];

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
  const canLoad = can(user, "manage_calendar");
  const [open, setOpen] = useState(false);
  usePageTitle("工作日历");
  const table = useScrollRegion("各年节假日安排");
  const years = useCalendarYears();
  const thisYear = officeToday().year();
  const known = new Set(years.data?.map((y) => y.year));
  const missing = [thisYear, thisYear + 1].filter((y) => years.data && !known.has(y));

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          工作日历
        </Typography.Title>
      }
      extra={
        canLoad && (
          <Button type="primary" onClick={() => setOpen(true)}>
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
        ref={table}
        rowKey="year"
        loading={years.isPending}
        dataSource={[...(years.data ?? [])].sort((a, b) => b.year - a.year)}
        pagination={{ pageSize: 10 }}
        scroll={{ x: "max-content" }}
        expandable={{
          columnTitle: <span className="sr-only">详情</span>,
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
      <LoadYearDialog open={open} year={missing[0] ?? thisYear + 1} onClose={() => setOpen(false)} />
    </Card>
  );
}
