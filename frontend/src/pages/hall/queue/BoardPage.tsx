import { Alert, Badge, Col, Row, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import { announcement, useLiveBoard } from "../../../api/queries/hallQueue";
import { usePageTitle } from "../../../lib/usePageTitle";

const SCREEN: React.CSSProperties = {
  minHeight: "100vh",
  background: "#0b1f3a",
  color: "#fff",
  padding: "2vh 3vw",
  fontSize: "2.2vw",
};
const CELL: React.CSSProperties = { background: "#12305a", borderRadius: 12, padding: "2vh 1.5vw", height: "100%" };

/** Say a call aloud in Mandarin on the hall's speakers (the browser's speech synthesis). */
export function speak(text: string) {
  if (typeof window === "undefined" || !("speechSynthesis" in window)) return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = "zh-CN";
  utterance.rate = 0.9;
  window.speechSynthesis.speak(utterance);
}

function clock(now: Date) {
  return now.toLocaleTimeString("zh-CN", { hour12: false, timeZone: "Asia/Shanghai" });
}

/** 叫号大屏: the hall's display screen, full screen and large type, live. */
export function BoardPage() {
  const centreId = Number(useParams().centreId);
  const [now, setNow] = useState(() => new Date());
  const onCall = useCallback((number: string, windowNumber: number) => {
    // Said twice, as hall speakers do, so that someone who missed the start hears it whole.
    const text = announcement(number, windowNumber);
    speak(text);
    speak(text);
  }, []);
  const { board, status } = useLiveBoard(centreId, onCall);
  usePageTitle(`${board?.centre_name ?? "政务服务中心"}叫号信息`);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  const latest = board?.recent[0];
  return (
    <main style={SCREEN}>
      <Row justify="space-between" align="middle" style={{ marginBottom: "2vh" }}>
        <Typography.Title level={1} style={{ color: "#fff", margin: 0, fontSize: "3.2vw" }}>
          {board?.centre_name ?? "政务服务中心"} · 叫号信息
        </Typography.Title>
        <span style={{ fontSize: "2.6vw" }}>
          <Badge status={status === "live" ? "success" : "warning"} />
          {clock(now)}
        </span>
      </Row>
      {status === "reconnecting" && (
        <Alert type="warning" showIcon title="连接中断，正在重新连接…" style={{ marginBottom: "2vh" }} />
      )}
      {latest && (
        <div style={{ ...CELL, background: "#c0392b", textAlign: "center", marginBottom: "2vh" }} role="status">
          <span style={{ fontSize: "5vw", fontWeight: 700 }}>{announcement(latest.number, latest.window_number)}</span>
        </div>
      )}
      <Row gutter={[24, 24]}>
        <Col span={16}>
          <div style={CELL}>
            <Row style={{ opacity: 0.7, marginBottom: "1vh" }}>
              <Col span={8}>窗口</Col>
              <Col span={10}>名称</Col>
              <Col span={6}>当前号码</Col>
            </Row>
            {(board?.windows ?? []).map((window) => (
              <Row key={window.number} style={{ padding: "0.6vh 0", borderTop: "1px solid #1f4a80" }}>
                <Col span={8}>{window.number} 号窗口</Col>
                <Col span={10}>{window.name}</Col>
                <Col span={6} style={{ fontWeight: 700, color: "#ffd666" }} data-testid={`window-${window.number}`}>
                  {window.current ?? "—"}
                </Col>
              </Row>
            ))}
          </div>
        </Col>
        <Col span={8}>
          <div style={{ ...CELL, marginBottom: 24 }}>
            <div style={{ opacity: 0.7 }}>等候人数</div>
            {Object.entries(board?.waiting ?? {}).map(([area, count]) => (
              <div key={area}>
                {area} 区：<b style={{ color: "#ffd666" }}>{count}</b> 人
              </div>
            ))}
            {board && Object.keys(board.waiting).length === 0 && <div>暂无等候</div>}
          </div>
          <div style={CELL}>
            <div style={{ opacity: 0.7 }}>最近叫号</div>
            {(board?.recent ?? []).map((call) => (
              <div key={`${call.number}-${call.called_at}`}>
                {call.number} → {call.window_number} 号窗口
              </div>
            ))}
          </div>
        </Col>
      </Row>
    </main>
  );
}
