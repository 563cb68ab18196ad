import { Skeleton, Typography } from "antd";
import { useApplicationLetter } from "../../../api/queries/applications";
import { QueryError } from "../../../components/QueryError";
import type { Application } from "../../../lib/applications";

/**
 * 答复告知书: the letter as the service composes it for the DOCX and PDF (the articles cited,
 * and the remedies as the 2023 Administrative Reconsideration Law has them), to read before it
 * is sent. Shown once the decision is taken, to those who handle applications.
 */
export function ReplyLetter({ application }: { application: Application }) {
  const letter = useApplicationLetter(application.id, true);
  if (letter.isPending) return <Skeleton active />;
  if (letter.isError) return <QueryError error={letter.error} onRetry={() => letter.refetch()} />;
  const content = letter.data;
  return (
    <Typography>
      <Typography.Title level={4} style={{ textAlign: "center" }}>
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
  );
}
