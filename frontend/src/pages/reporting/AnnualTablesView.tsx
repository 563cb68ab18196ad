// Tables 二, 三 and 四 of the annual report as the national format (国办公开办函〔2021〕30号)
// draws them, merged headers included. A figure its source could not give shows 缺失; a cell
// where an invariant fails is marked, with the reason on hover.
import { Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { ReactNode } from "react";
import type { AnnualReport, AnnualTables } from "../../api/queries/reporting";
import { MISSING } from "./format";
import { ScrollBox } from "../../components/ScrollBox";

type Problem = AnnualReport["problems"][number];
type ThreeRow = AnnualTables["three"]["rows"][number];
type Cells = Record<string, number | string | null>;
/** The level of the report's section headings where the tables are shown (h2 on the public page). */
type Level = 2 | 3;

const RESULTS = "三、本年度办理结果";

/** Where an invariant fails: "table:row:column" → the reason. */
export function problemIndex(problems: Problem[]): Map<string, string> {
  return new Map(problems.map((p) => [`${p.table}:${p.row}:${p.column}`, p.reason]));
}

function Figure({ value, problem }: { value: number | string | null | undefined; problem?: string }) {
  const shown: ReactNode = value === null || value === undefined ? <Tag color="orange">{MISSING}</Tag> : String(value);
  if (!problem) return <>{shown}</>;
  return (
    <Tooltip title={problem}>
      <span style={{ color: "#cf1322", fontWeight: 600 }}>
        {shown} <span aria-hidden="true">⚠</span>
        <span className="sr-only">不符合：{problem}</span>
      </span>
    </Tooltip>
  );
}

function SubHeading({ level, children }: { level: Level; children: string }) {
  return (
    <Typography.Title level={(level + 1) as 3 | 4} style={{ fontSize: 15 }}>
      {children}
    </Typography.Title>
  );
}

function TableTwo({ two, level }: { two: AnnualTables["two"]; level: Level }) {
  const documents = [two.regulations, two.normative_documents];
  const decisions = [two.licensing, two.penalties, two.coercions];
  return (
    <>
      <SubHeading level={level}>第二十条第（一）项</SubHeading>
      <Table
        bordered
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={documents}
        columns={[
          { title: "信息内容", dataIndex: "label" },
          { title: "本年制发件数", dataIndex: "issued", align: "right", render: (v) => <Figure value={v} /> },
          { title: "本年废止件数", dataIndex: "repealed", align: "right", render: (v) => <Figure value={v} /> },
          { title: "现行有效件数", dataIndex: "valid", align: "right", render: (v) => <Figure value={v} /> },
        ]}
      />
      <SubHeading level={level}>第二十条第（五）项、第（六）项</SubHeading>
      <Table
        bordered
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={decisions}
        columns={[
          { title: "信息内容", dataIndex: "label" },
          { title: "本年处理决定数量", dataIndex: "decisions", align: "right", render: (v) => <Figure value={v} /> },
        ]}
      />
      <SubHeading level={level}>第二十条第（八）项</SubHeading>
      <Table
        bordered
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={[two.charges]}
        columns={[
          { title: "信息内容", dataIndex: "label" },
          {
            title: "本年收费金额（万元）",
            dataIndex: "amount_wan_yuan",
            align: "right",
            render: (v) => <Figure value={v} />,
          },
        ]}
      />
    </>
  );
}

/** A line of table 三: a row of figures, or a heading the format prints without figures
 * (三、本年度办理结果 and each result with sub-rows, such as （三）不予公开). */
type Line = ThreeRow | { key: string; label: string; level: number; heading: true };

export function threeLines(rows: ThreeRow[], results: string): Line[] {
  const lines: Line[] = [];
  let group: string | null = null;
  for (const row of rows) {
    if (row.level > 0 && group === null) {
      group = results;
      lines.push({ key: "heading:results", label: results, level: 0, heading: true });
    }
    if (row.level === 2 && row.group && row.group !== group) {
      group = row.group;
      lines.push({ key: `heading:${row.group}`, label: row.group, level: 1, heading: true });
    }
    if (row.level === 0) group = null;
    lines.push(row);
  }
  return lines;
}

function TableThree({ three, problems }: { three: AnnualTables["three"]; problems: Map<string, string> }) {
  const cell = (key: string) => ({
    title: three.columns.find((c) => c.key === key)?.label ?? key,
    key,
    align: "right" as const,
    render: (_: unknown, line: Line) =>
      "heading" in line ? null : (
        <Figure value={(line.cells as Cells)[key]} problem={problems.get(`three:${line.key}:${key}`)} />
      ),
  });
  const grouped = three.columns.filter((c) => c.group);
  const columns: ColumnsType<Line> = [
    {
      title: <span className="sr-only">项目</span>,
      key: "label",
      render: (_, line) => <span style={{ paddingLeft: line.level * 16 }}>{line.label}</span>,
    },
    {
      title: "申请人情况",
      children: [
        ...three.columns.filter((c) => !c.group && c.key !== "total").map((c) => cell(c.key)),
        ...(grouped.length ? [{ title: grouped[0]?.group, children: grouped.map((c) => cell(c.key)) }] : []),
        cell("total"),
      ],
    },
  ];
  return (
    <ScrollBox label="收到和处理政府信息公开申请情况表">
      <Table<Line>
        bordered
        size="small"
        pagination={false}
        rowKey="key"
        style={{ minWidth: 900 }}
        dataSource={threeLines(three.rows, RESULTS)}
        columns={columns}
      />
    </ScrollBox>
  );
}

function TableFour({ four, problems }: { four: AnnualTables["four"]; problems: Map<string, string> }) {
  const blocks = [
    ["reconsideration", "行政复议"],
    ["litigation", "未经复议直接起诉"],
    ["litigation_after_reconsideration", "复议后起诉"],
  ] as const;
  const block = (key: (typeof blocks)[number][0]) =>
    four.columns.map((c) => ({
      title: c.label,
      key: `${key}.${c.key}`,
      align: "right" as const,
      render: () => (
        <Figure value={(four[key] as Cells)[c.key]} problem={problems.get(`four:${key}:${c.key}`)} />
      ),
    }));
  return (
    <ScrollBox label="政府信息公开行政复议、行政诉讼情况表">
      <Table
        bordered
        size="small"
        pagination={false}
        rowKey={() => "four"}
        dataSource={[{}]}
        style={{ minWidth: 900 }}
        columns={[
          { title: blocks[0][1], children: block(blocks[0][0]) },
          {
            title: "行政诉讼",
            children: [
              { title: blocks[1][1], children: block(blocks[1][0]) },
              { title: blocks[2][1], children: block(blocks[2][0]) },
            ],
          },
        ]}
      />
    </ScrollBox>
  );
}

export function AnnualTablesView({ report, level = 3 }: { report: AnnualReport; level?: Level }) {
  const problems = problemIndex(report.problems);
  const heading = (text: string) => (
    <Typography.Title level={level} style={{ fontSize: 18 }}>
      {text}
    </Typography.Title>
  );
  return (
    <>
      {heading("二、主动公开政府信息情况")}
      <TableTwo two={report.tables.two} level={level} />
      {heading("三、收到和处理政府信息公开申请情况")}
      <TableThree three={report.tables.three} problems={problems} />
      {heading("四、政府信息公开行政复议、行政诉讼情况")}
      <TableFour four={report.tables.four} problems={problems} />
    </>
  );
}
