import { Card, Descriptions, Result, Tag, Typography } from "antd";
import { useId } from "react";
import { useTicket, type TicketTaken } from "../../../api/queries/hallQueue";

const STATUS: Record<string, { label: string; colour: string }> = {
  waiting: { label: "等候中", colour: "blue" },
  called: { label: "请到窗口办理", colour: "green" },
  finished: { label: "已办结", colour: "default" },
  no_show: { label: "已过号", colour: "orange" },
};

/** The ticket as printed by the kiosk, kept current while it waits. */
export function TicketCard({ taken }: { taken: TicketTaken }) {
  const followed = useTicket(taken.ticket.id);
  const shown = followed.data ?? taken;
  const { ticket } = shown;
  const status = STATUS[ticket.status] ?? { label: ticket.status, colour: "default" };
  const id = useId();
  return (
    <Card>
      <Result
        status="success"
        title={
          // Read as "票号 A023": the word is for ears only, the number is what the eye needs.
          <>
            <span id={`${id}-label`} className="sr-only">
              票号
            </span>
            <Typography.Title
              level={1}
              style={{ fontSize: 64, margin: 0 }}
              aria-labelledby={`${id}-label ${id}-number`}
            >
              <span id={`${id}-number`}>{ticket.number}</span>
            </Typography.Title>
          </>
        }
        subTitle={
          <>
            {shown.centre_name} <Tag color={status.colour}>{status.label}</Tag>
          </>
        }
      />
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="办理事项">{ticket.item_name ?? "—"}</Descriptions.Item>
        <Descriptions.Item label="办理窗口">
          {ticket.called_window_number
            ? `${ticket.called_window_number} 号窗口`
            : shown.window_numbers.map((n) => `${n} 号`).join("、") + "窗口"}
        </Descriptions.Item>
        {ticket.status === "waiting" && (
          <>
            <Descriptions.Item label="前面等候">{shown.waiting_ahead} 人</Descriptions.Item>
            <Descriptions.Item label="预计等候">约 {shown.estimated_wait_minutes} 分钟</Descriptions.Item>
          </>
        )}
        {ticket.priority !== "none" && (
          <Descriptions.Item label="优先">{ticket.priority_reason || "优先办理"}</Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        请留意大厅显示屏和语音叫号；过号请到服务台重新取号。
      </Typography.Paragraph>
    </Card>
  );
}
