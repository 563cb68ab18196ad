import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { downloadLetter, useApplicationLetter, type LetterFormat } from "../../../api/queries/applications";
import { QueryError } from "../../../components/QueryError";
import type { Application } from "../../../lib/applications";
import { saveBlob } from "../../../lib/download";

const FORMATS: { format: LetterFormat; text: string }[] = [
  { format: "docx", text: "下载 Word（DOCX）" },
  { format: "pdf", text: "下载 PDF" },
];

/** The letter's files: Word to adjust and sign, PDF as sent (laid out by the service). */
function LetterFiles({ application }: { application: Application }) {
  const { message } = App.useApp();
  const [loading, setLoading] = useState<LetterFormat | null>(null);
  const download = async (format: LetterFormat) => {
    setLoading(format);
    try {
      saveBlob(await downloadLetter(application.id, format), `答复告知书-${application.tracking_number}.${format}`);
    } catch (error) {
      void message.error((error as Error).message);
    } finally {
      setLoading(null);
    }
  };
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      {FORMATS.map(({ format, text }) => (
        <Button
          key={format}
          icon={<DownloadOutlined />}
          loading={loading === format}
          onClick={() => void download(format)}
        >
          {text}
        </Button>
      ))}
    </Space>
  );
}

/**
 * 答复告知书: the letter as the service composes it for the DOCX and PDF (the articles cited,
 * and the remedies as the 2023 Administrative Reconsideration Law has them), to read before it
 * is sent, and its files to download. Shown once the decision is taken (before the reply and
 * after it), to those who handle applications.
 */
export function ReplyLetter({ application }: { application: Application }) {
  const letter = useApplicationLetter(application.id, true);
  if (letter.isPending) return <Skeleton active />;
  if (letter.isError) return <QueryError error={letter.error} onRetry={() => letter.refetch()} />;
  const content = letter.data;
  return (
    <>
      <LetterFiles application={application} />
      <Typography>
        <Typography.Title level={3} style={{ textAlign: "center", fontSize: 18 }}>
          {content.title}
        </Typography.Title>
        <Typography.Paragraph style={{ textAlign: "center" }}>{content.number}</Typography.Paragraph>
        <Typography.Paragraph>{content.addressee}：</Typography.Paragraph>
        {content.paragraphs.map((paragraph, index) => (
          <Typography.Paragraph key={index} style={{ textIndent: "2em" }}>
            {paragraph}
          </Typography.Paragraph>
        ))}
        <Typography.Paragraph style={{ textAlign: "right" }}>
          {content.signature}
          <br />
          {content.date}
        </Typography.Paragraph>
      </Typography>
    </>
  );
}
