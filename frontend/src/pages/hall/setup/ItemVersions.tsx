import { Card, Collapse, Descriptions, Empty, Typography } from "antd";
import { useHallLabels, useItemVersions } from "../../../api/queries/hallItems";
import { QueryError } from "../../../components/QueryError";
import { beijingTime, feeText, limitText } from "../guide/format";
import { SectionHeading } from "../Headings";

/** 版本记录: every published version as the public saw it, newest first. */
export function ItemVersions({ itemId }: { itemId: number }) {
  const versions = useItemVersions(itemId);
  const label = useHallLabels();
  return (
    <Card title={<SectionHeading>版本记录</SectionHeading>}>
      {versions.isError ? (
        <QueryError error={versions.error} onRetry={() => versions.refetch()} />
      ) : !versions.data?.length ? (
        <Empty description="尚未发布" />
      ) : (
        <Collapse
          items={versions.data.map((v) => ({
            key: v.version,
            label: `第 ${v.version} 版 · ${beijingTime(v.published_at)} · ${v.published_by}`,
            children: (
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label="事项名称">{v.content.name}</Descriptions.Item>
                <Descriptions.Item label="类别">{label("categories", v.content.category)}</Descriptions.Item>
                <Descriptions.Item label="时限">
                  法定{limitText(v.content.kind, v.content.legal_limit_days)}，承诺
                  {limitText(v.content.kind, v.content.promised_limit_days)}
                </Descriptions.Item>
                <Descriptions.Item label="收费">{feeText(v.content.fee_fen)}</Descriptions.Item>
                <Descriptions.Item label="受理条件">
                  <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
                    {v.content.conditions}
                  </Typography.Paragraph>
                </Descriptions.Item>
                <Descriptions.Item label="申请材料">
                  {v.content.materials.map((m) => m.name).join("、") || "—"}
                </Descriptions.Item>
              </Descriptions>
            ),
          }))}
        />
      )}
    </Card>
  );
}
