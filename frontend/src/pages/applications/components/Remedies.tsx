import { DatePicker, Form, Input, Select, Space, Table } from "antd";
import { applicationSteps, useRemedies } from "../../../api/queries/applications";
import { useApplicationsVocabulary, useLabels } from "../../../api/queries/vocabulary";
import type { components } from "../../../api/schema";
import { QueryError } from "../../../components/QueryError";
import type { Application, RemedyKind, RemedyResult } from "../../../lib/applications";
import { optionsOf } from "../../../lib/vocabulary";
import { ActionForm } from "./ActionForm";

type Remedy = components["schemas"]["ApplicationsRemedyOut"];
const required = (text: string) => [{ required: true, message: text }];

/** 行政复议和行政诉讼 against the answer, and registering one when the application's next steps allow it. */
export function Remedies({ application }: { application: Application }) {
  const id = application.id;
  const remedies = useRemedies(id);
  const vocabulary = useApplicationsVocabulary();
  const label = useLabels("applications");
  return (
    <>
      {remedies.isError ? (
        <QueryError error={remedies.error} onRetry={() => remedies.refetch()} />
      ) : (
        <Table<Remedy>
          rowKey="id"
          size="small"
          pagination={false}
          loading={remedies.isPending}
          dataSource={remedies.data ?? []}
          locale={{ emptyText: "无行政复议或诉讼" }}
          columns={[
            { title: "类型", dataIndex: "kind", render: (k: RemedyKind) => label("remedy_kinds", k) },
            { title: "提起日期", dataIndex: "filed_on" },
            { title: "结果", dataIndex: "result", render: (r: RemedyResult) => label("remedy_results", r) },
            { title: "审结日期", dataIndex: "decided_on", render: (d: string | null) => d ?? "—" },
            { title: "说明", dataIndex: "note" },
          ]}
        />
      )}
      {application.next_steps.includes("remedies") && (
        <div style={{ marginTop: 16 }}>
          <ActionForm
            applicationId={id}
            submit={applicationSteps(id).addRemedy}
            submitText={label("steps", "remedies")}
            done="已登记"
            initialValues={{ result: "pending" }}
          >
            <Space wrap>
              <Form.Item name="kind" label="类型" rules={required("请选择类型")}>
                <Select aria-label="复议或诉讼类型" style={{ width: 200 }} options={optionsOf<RemedyKind>(vocabulary.data?.remedy_kinds)} />
              </Form.Item>
              <Form.Item name="filed_on" label="提起日期" rules={required("请选择日期")}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="result" label="结果">
                <Select aria-label="复议或诉讼结果" style={{ width: 140 }} options={optionsOf<RemedyResult>(vocabulary.data?.remedy_results)} />
              </Form.Item>
              <Form.Item name="decided_on" label="审结日期">
                <DatePicker />
              </Form.Item>
            </Space>
            <Form.Item name="note" label="说明">
              <Input maxLength={2000} />
            </Form.Item>
          </ActionForm>
        </div>
      )}
    </>
  );
}
