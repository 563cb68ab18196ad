import { App, Button, Card, Form, Result, Typography } from "antd";
import { useState } from "react";
import { useRegisterApplication } from "../../api/queries/applications";
import { useUnits } from "../../api/queries/units";
import type { components } from "../../api/schema";
import { useCurrentUser } from "../../auth/useAuth";
import { can } from "../../lib/navigation";
import { usePageTitle } from "../../lib/usePageTitle";
import { Receipt } from "./components/Receipt";
import { RegisterForm, showRefusal, type RegisterValues } from "./components/RegisterForm";

type Submitted = components["schemas"]["ApplicationsSubmitted"];
// Not "依申请公开…": the console menu's 依申请公开 (the inbox) stays the one entry of that name.
const TITLE = "政府信息公开申请登记";

/** What the applicant takes away: the tracking number and the query code, shown this once, to
 * print or copy (the portal's receipt, `components/Receipt`). */
function Registered({ done, unitName, onNext }: { done: Submitted; unitName: string; onNext: () => void }) {
  const trackUrl = `${window.location.origin}/track`;
  return (
    <>
      <Result
        status="success"
        title="申请已登记"
        subTitle="请将申请编号和查询码交给申请人，凭此在门户网站查询办理进度和答复。查询码只显示这一次。"
      />
      <Receipt
        heading="政府信息公开申请回执"
        lines={[
          { label: "受理机关", value: unitName || "—" },
          { label: "申请编号", value: done.tracking_number, testId: "tracking-number" },
          { label: "查询码", value: done.query_code, testId: "query-code" },
          { label: "收到日期", value: done.received_on ?? "待确认" },
        ]}
        copy={`申请编号：${done.tracking_number}\n查询码：${done.query_code}\n查询地址：${trackUrl}`}
        howToTrack={
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            查询方式：访问 {trackUrl}（门户网站“申请查询”），输入申请编号和查询码，查看办理进度和答复结果。
          </Typography.Paragraph>
        }
        actions={
          <Button type="primary" onClick={onNext}>
            登记下一件
          </Button>
        }
      />
    </>
  );
}

/**
 * 政府信息公开申请登记: an application handed in at a counter. A window of the 政务服务中心 receives
 * them for every unit (当面提交 only) and sees the receipt, nothing else of the applications; the
 * application lands in the unit's inbox, its clock running from the day handed in.
 */
export function RegisterPage() {
  usePageTitle(TITLE);
  const user = useCurrentUser()!;
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterValues>();
  const units = useUnits();
  const [done, setDone] = useState<{ receipt: Submitted; unitId: number } | null>(null);
  const handler = can(user, "handle_applications");
  const register = useRegisterApplication({
    onError: (error) => {
      showRefusal(form, error);
      message.error(error.message);
    },
  });
  const unitName = (id: number) => units.data?.find((u) => u.id === id)?.name ?? "";

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {TITLE}
        </Typography.Title>
      }
    >
      {done ? (
        <Registered
          done={done.receipt}
          unitName={unitName(done.unitId)}
          onNext={() => {
            setDone(null);
            form.resetFields();
          }}
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {handler
              ? "登记以信函、传真、电子邮件或当面提交的申请。"
              : "政务服务中心窗口代各行政机关接收当面提交的申请：登记后申请进入所选机关的办理列表，自提交之日起计算答复期限。"}
          </Typography.Paragraph>
          <div style={{ maxWidth: 760 }}>
            <RegisterForm
              form={form}
              unitId={handler ? user.unit_id : null}
              inPersonOnly={!handler}
              onSubmit={(body) =>
                register.mutate(body, { onSuccess: (receipt) => setDone({ receipt, unitId: body.unit_id }) })
              }
            />
            <Button type="primary" loading={register.isPending} onClick={() => form.submit()}>
              登记
            </Button>
          </div>
        </>
      )}
    </Card>
  );
}
