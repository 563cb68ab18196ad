// The clerk's open cases (办件), soonest due first after the green channel, with their warnings;
// supervisors see those of their units.
import { Card, Segmented, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useCases, type CaseRow } from "../../../api/queries/hallCases";
import { PagedTable } from "../../../components/PagedTable";
import { usePageTitle } from "../../../lib/usePageTitle";
import { ButtonLink } from "../ButtonLink";
import { PageHeading } from "../Headings";
import { warningLabel } from "./labels";

type Shown = "open" | "mine" | "all";

export function CasesPage() {
  const [shown, setShown] = useState<Shown>("open");
  const [page, setPage] = useState(1);
  const query = useCases({ page, size: 20, open: shown !== "all", mine: shown === "mine" });
  usePageTitle("办件");
  return (
    <Card
      title={<PageHeading>办件</PageHeading>}
      extra={
        <ButtonLink type="primary" to="/console/hall/cases/new">
          窗口收件
        </ButtonLink>
      }
    >
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Segmented<Shown>
          aria-label="显示的办件"
          value={shown}
          onChange={(value) => {
            setShown(value);
            setPage(1);
          }}
          options={[
            { value: "open", label: "办理中" },
            { value: "mine", label: "我受理的" },
            { value: "all", label: "全部" },
          ]}
        />
        <PagedTable<CaseRow>
          query={query}
          page={page}
          pageSize={20}
          onPageChange={setPage}
          countUnit="件"
          label="办件列表"
          rowKey="id"
          scroll={{ x: "max-content" }}
          columns={[
            {
              title: "办件编号",
              dataIndex: "number",
              render: (number: string, row) => <Link to={`/console/hall/cases/${row.id}`}>{number}</Link>,
            },
            {
              title: "事项",
              dataIndex: "item_name",
              render: (name: string, row) => (
                <Space>
                  {name}
                  {row.green_channel && <Tag color="blue">绿色通道</Tag>}
                </Space>
              ),
            },
            { title: "申请人", dataIndex: "applicant_name" },
            { title: "状态", dataIndex: "status_label" },
            { title: "受理日期", dataIndex: "accepted_on", render: (d: string | null) => d ?? "—" },
            { title: "承诺办结", dataIndex: "promised_due_on", render: (d: string | null) => d ?? "—" },
            { title: "法定办结", dataIndex: "legal_due_on", render: (d: string | null) => d ?? "—" },
            {
              title: "预警",
              dataIndex: "warning",
              render: (warning: string) => {
                const label = warningLabel(warning);
                return <Tag color={label.color}>{label.text}</Tag>;
              },
            },
          ]}
        />
        <Typography.Text type="secondary">
          红牌：已过承诺办结日；黄牌：距承诺办结日不超过设定的工作日数（默认1个工作日）。
        </Typography.Text>
      </Space>
    </Card>
  );
}
