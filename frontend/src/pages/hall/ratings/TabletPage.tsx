import { Alert, Button, Input, Result, Space, Typography } from "antd";
import { useState } from "react";
import { useParams } from "react-router-dom";
import { ApiError } from "../../../api/errors";
import {
  storedTabletKey,
  usePairTablet,
  useRateAtTablet,
  useTabletInvitation,
} from "../../../api/queries/hallRatings";
import { getSession } from "../../../auth/store";
import { usePageTitle } from "../../../lib/usePageTitle";
import { PageHeading } from "../Headings";
import { RatingButtons } from "./RatingButtons";

const screenStyle = { minHeight: "100vh", padding: 32, background: "#f5f7fa", fontSize: 22 } as const;

/** 评价器: the tablet at a window shows the case just completed there and takes its rating. */
export function TabletPage() {
  const windowId = Number(useParams().windowId);
  const [key, setKey] = useState(() => storedTabletKey(windowId));
  const [thanks, setThanks] = useState<string | null>(null);
  const [comment, setComment] = useState("");
  const invitation = useTabletInvitation(windowId, key);
  const pair = usePairTablet(windowId, { onSuccess: (paired) => setKey(paired.key) });
  const rate = useRateAtTablet(windowId, key, {
    onSuccess: (rating) => {
      setComment("");
      setThanks(rating.level >= 4 ? "感谢您的评价，我们将在15个工作日内回访整改。" : "感谢您的评价！");
      window.setTimeout(() => setThanks(null), 5000);
    },
  });

  usePageTitle("窗口服务评价");

  const unpaired =
    !key || (invitation.error instanceof ApiError && invitation.error.code === "tablet_not_paired");
  if (unpaired) {
    return (
      <main style={screenStyle}>
        <Result
          status="warning"
          title={<PageHeading style={{ fontSize: 28 }}>评价器尚未配对</PageHeading>}
          subTitle="请大厅管理员在本设备上登录后配对；配对后的密钥只保存在本设备。"
          extra={
            <Space orientation="vertical">
              {pair.error ? <Alert type="error" showIcon title={pair.error.message} /> : null}
              <Button type="primary" size="large" disabled={!getSession()} loading={pair.isPending} onClick={() => pair.mutate()}>
                将本设备配对为该窗口的评价器
              </Button>
            </Space>
          }
        />
      </main>
    );
  }
  if (thanks) {
    return (
      <main style={screenStyle}>
        <Result status="success" title={<PageHeading style={{ fontSize: 28 }}>{thanks}</PageHeading>} />
      </main>
    );
  }
  const shown = invitation.data;
  if (!shown) {
    return (
      <main style={screenStyle}>
        <Result
          title={<PageHeading style={{ fontSize: 28 }}>欢迎您来办事</PageHeading>}
          subTitle="办结后可在此评价本窗口的服务"
        />
      </main>
    );
  }
  return (
    <main style={screenStyle}>
      <Space orientation="vertical" size="large" style={{ width: "100%", alignItems: "center" }}>
        <PageHeading style={{ fontSize: 32 }}>请对本次服务进行评价</PageHeading>
        <Typography.Text style={{ fontSize: 22 }}>
          {shown.window_label} · {shown.clerk_name ? `工作人员 ${shown.clerk_name}` : ""}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 20 }}>
          {shown.item_name}（办件编号 {shown.case_number}）
        </Typography.Text>
        <RatingButtons
          size={96}
          value={null}
          onChange={(level) => rate.mutate({ invitation_id: shown.id, level, comment })}
        />
        <Input.TextArea
          aria-label="评价意见"
          placeholder="意见或建议（选填）"
          maxLength={500}
          rows={2}
          style={{ maxWidth: 720, fontSize: 20 }}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
        {rate.error ? <Alert type="error" showIcon title={rate.error.message} /> : null}
      </Space>
    </main>
  );
}
