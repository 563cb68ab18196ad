import { Alert, Button, Descriptions, Space, Typography } from "antd";
import { useEffect, useRef, useState, type ReactNode } from "react";

export interface ReceiptLine {
  label: string;
  value: string;
  /** For the browser tests, where the value is one to read back (a number, a code). */
  testId?: string;
}

// On paper only the receipt: every element that neither holds it nor is inside it is left out, and
// what holds it loses its background, border and shadow.
const PRINT_STYLE = `
@media print {
  body *:not(:has(.print-receipt)):not(.print-receipt):not(.print-receipt *) { display: none !important; }
  body, body *:has(.print-receipt) { background: #fff !important; border-color: transparent !important; box-shadow: none !important; }
  .print-receipt .no-print { display: none !important; }
}`;

/** Puts `text` on the clipboard: the Clipboard API where it is allowed, else a selected text area
 * and the copy command (older browsers, pages without the permission). False if neither worked. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, not focused): the fallback below.
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

interface Props {
  /** The receipt's heading, on screen and on paper (an h2 under the page's h1). */
  heading: string;
  lines: ReceiptLine[];
  /** What is copied: the lines that matter to find the record again. */
  copy: string;
  /** How to follow it up: where and with what. */
  howToTrack: ReactNode;
  /** Links or buttons after the receipt (not printed). */
  actions?: ReactNode;
}

/**
 * 回执: what someone keeps after submitting (the number and the query code, shown once): printed
 * on its own (`window.print()` with a print style that shows only this) or copied, with a
 * visible 已复制 and, where copying is not allowed, the text selected to copy by hand.
 */
export function Receipt({ heading, lines, copy, howToTrack, actions }: Props) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const manual = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (copied === "no") manual.current?.select();
  }, [copied]);

  return (
    <section className="print-receipt" aria-labelledby="receipt-heading">
      <style>{PRINT_STYLE}</style>
      <Typography.Title level={2} id="receipt-heading" style={{ fontSize: 18, textAlign: "center" }}>
        {heading}
      </Typography.Title>
      <Descriptions bordered column={1} size="middle" style={{ maxWidth: 560, margin: "0 auto" }}>
        {lines.map((line) => (
          <Descriptions.Item key={line.label} label={line.label}>
            <Typography.Text strong data-testid={line.testId} style={{ wordBreak: "break-all" }}>
              {line.value}
            </Typography.Text>
          </Descriptions.Item>
        ))}
      </Descriptions>
      <div style={{ maxWidth: 560, margin: "12px auto" }}>{howToTrack}</div>
      <Space wrap className="no-print" style={{ width: "100%", justifyContent: "center" }}>
        <Button type="primary" onClick={() => window.print()}>
          打印回执
        </Button>
        <Button
          onClick={() => {
            void copyText(copy).then((ok) => setCopied(ok ? "yes" : "no"));
          }}
        >
          复制编号和查询码
        </Button>
        {actions}
      </Space>
      <div className="no-print" role="status" style={{ textAlign: "center", minHeight: 24, marginTop: 8 }}>
        {copied === "yes" && <Typography.Text type="success">已复制，可粘贴到备忘录或发给自己保存</Typography.Text>}
      </div>
      {copied === "no" && (
        <Alert
          className="no-print"
          type="info"
          showIcon
          style={{ maxWidth: 560, margin: "0 auto" }}
          title="浏览器不允许自动复制，请长按或按 Ctrl+C 复制下面的文字"
          description={
            <textarea
              ref={manual}
              aria-label="编号和查询码"
              readOnly
              value={copy}
              rows={3}
              style={{ width: "100%", boxSizing: "border-box" }}
            />
          }
        />
      )}
    </section>
  );
}
