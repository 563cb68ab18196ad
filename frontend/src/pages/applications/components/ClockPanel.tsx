import { Alert, Descriptions, Tag } from "antd";
import { useLabels } from "../../../api/queries/vocabulary";
import { urgencyColour, workingDaysText, type Application } from "../../../lib/applications";

/** 法定期限: where the application's clock stands, as the service counts it in working days. */
export function ClockPanel({ application }: { application: Application }) {
  const clock = application.clock;
  const label = useLabels("applications");
  if (!clock) return <Alert type="info" showIcon title="确认收到申请后开始计算答复期限" />;
  return (
    <Descriptions bordered size="small" column={1}>
      <Descriptions.Item label="阶段">{label("phases", clock.phase)}</Descriptions.Item>
      <Descriptions.Item label="计时起点">{clock.started_on ?? "—"}</Descriptions.Item>
      <Descriptions.Item label="答复期限">
        {clock.reply_due_on ?? "补正后重新计算"} {clock.provisional && <Tag>暂定</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label="剩余工作日">
        {clock.working_days_left === null ? (
          "不计时"
        ) : (
          <Tag color={urgencyColour(clock.working_days_left)}>{workingDaysText(clock.working_days_left)}</Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="不计入期限的工作日">{clock.paused_working_days}</Descriptions.Item>
      <Descriptions.Item label="补正通知最迟发出日">{clock.supplement_notice_due_on ?? "—"}</Descriptions.Item>
      {application.explanation_due_on && !application.explanation_received_on && (
        <Descriptions.Item label="申请人说明理由期限">{application.explanation_due_on}</Descriptions.Item>
      )}
      {application.later_reply_on && (
        <Descriptions.Item label="延迟答复期限">{application.later_reply_on}（条例第三十五条）</Descriptions.Item>
      )}
      {application.extension_working_days > 0 && (
        <Descriptions.Item label="延期">
          {application.extension_working_days} 个工作日（{application.extension_approved_by}批准）
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
