// The annual report's files: Word (as filed), PDF, Excel and HTML, drawn by the service.
import { App, Button, Space } from "antd";
import { downloadAnnualReport, type AnnualFormat, type AnnualReport } from "../../api/queries/reporting";
import { saveBlob } from "../../lib/download";

const FORMATS: { format: AnnualFormat; label: string }[] = [
  { format: "docx", label: "Word" },
  { format: "pdf", label: "PDF" },
  { format: "xlsx", label: "Excel" },
  { format: "html", label: "HTML" },
];

export function AnnualExports({ report }: { report: AnnualReport }) {
  const { message } = App.useApp();
  const download = async (format: AnnualFormat) => {
    try {
      saveBlob(await downloadAnnualReport(report.id, format), `${report.title}.${format}`);
    } catch (error) {
      void message.error((error as Error).message);
    }
  };
  return (
    <Space.Compact>
      {FORMATS.map(({ format, label }) => (
        <Button key={format} onClick={() => void download(format)}>
          导出 {label}
        </Button>
      ))}
    </Space.Compact>
  );
}
