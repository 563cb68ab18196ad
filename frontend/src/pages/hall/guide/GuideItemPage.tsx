import { DownloadOutlined, EnvironmentOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Empty, Grid, List, Skeleton, Space, Table, Tag, Typography } from "antd";
import { useParams } from "react-router-dom";
import { guideFileUrl, useGuideItem, useHallLabels, type MaterialOut } from "../../../api/queries/hallItems";
import { QueryError } from "../../../components/QueryError";
import { usePageTitle } from "../../../lib/usePageTitle";
import { PageHeading, SectionHeading } from "../Headings";
import { beijingDate, feeText, limitText, sizeText } from "./format";

/** Text as written, line breaks kept (React escapes it). */
function Paragraphs({ text }: { text: string }) {
  if (!text.trim()) return <Typography.Text type="secondary">—</Typography.Text>;
  return <div style={{ whiteSpace: "pre-wrap" }}>{text}</div>;
}

/** The materials on a phone: one entry each, in the table's order and words. */
function MaterialList({ materials }: { materials: MaterialOut[] }) {
  const label = useHallLabels();
  if (!materials.length) return <Empty description="无需提交材料" />;
  return (
    <ol style={{ margin: 0, paddingLeft: 24 }}>
      {materials.map((m) => (
        <li key={m.id} style={{ padding: "8px 0" }}>
          <Space orientation="vertical" size={2}>
            <SectionHeading level={3}>
              {m.name} {!m.required && <Tag>非必需</Tag>}
            </SectionHeading>
            {m.note && <Typography.Text type="secondary">{m.note}</Typography.Text>}
            <span>
              {label("material_forms", m.form)} · {m.copies} 份 · 来源：{m.source || "申请人自备"}
            </span>
            {m.files.map((f) => (
              <a key={f.id} href={guideFileUrl(f.id)} download={f.filename}>
                <DownloadOutlined aria-hidden /> {label("file_purposes", f.purpose)}：{f.filename}（{sizeText(f.size)}）
              </a>
            ))}
          </Space>
        </li>
      ))}
    </ol>
  );
}

/** An item's guide: the 八公开 of its published version, materials with their forms, where to go. */
export function GuideItemPage() {
  const itemId = Number(useParams().itemId);
  const item = useGuideItem(itemId);
  const label = useHallLabels();
  const phone = !Grid.useBreakpoint().md;
  usePageTitle(item.data?.name ?? "办事指南");

  if (item.isError) return <QueryError error={item.error} onRetry={() => item.refetch()} />;
  if (item.isPending) return <Skeleton active />;
  const guide = item.data;

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card
        title={<PageHeading>{guide.name}</PageHeading>}
        extra={
          <Button type="primary" href={`/hall/ticket?${new URLSearchParams({ item: String(guide.id) })}`}>
            取号/预约
          </Button>
        }
      >
        <Descriptions
          column={{ xs: 1, md: 2 }}
          bordered
          size="small"
          // On a phone each label above its value: two narrow columns would break both into pieces.
          layout={phone ? "vertical" : "horizontal"}
        >
          <Descriptions.Item label="事项编码">{guide.code}</Descriptions.Item>
          <Descriptions.Item label="实施主体">{guide.unit_name}</Descriptions.Item>
          <Descriptions.Item label="事项类别">{label("categories", guide.category)}</Descriptions.Item>
          <Descriptions.Item label="办理层级">{label("hall_levels", guide.hall_level)}</Descriptions.Item>
          <Descriptions.Item label="办件类型">
            <Tag color={guide.kind === "instant" ? "green" : "blue"}>{label("kinds", guide.kind)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="网上办理">{guide.online ? "可以" : "否"}</Descriptions.Item>
          <Descriptions.Item label="法定办结时限">{limitText(guide.kind, guide.legal_limit_days)}</Descriptions.Item>
          <Descriptions.Item label="承诺办结时限">
            {limitText(guide.kind, guide.promised_limit_days)}
          </Descriptions.Item>
          <Descriptions.Item label="收费标准">
            {feeText(guide.fee_fen)}
            {guide.fee_standard && `（${guide.fee_standard}）`}
          </Descriptions.Item>
          <Descriptions.Item label="收费依据">
            <Paragraphs text={guide.fee_basis} />
          </Descriptions.Item>
          <Descriptions.Item label="办理机构">{guide.authority}</Descriptions.Item>
          <Descriptions.Item label="咨询与监督电话">{guide.phone || "—"}</Descriptions.Item>
          <Descriptions.Item label="设定依据" span="filled">
            <Paragraphs text={guide.legal_basis} />
          </Descriptions.Item>
          <Descriptions.Item label="受理条件" span="filled">
            <Paragraphs text={guide.conditions} />
          </Descriptions.Item>
          <Descriptions.Item label="办理流程" span="filled">
            <Paragraphs text={guide.procedure} />
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          第 {guide.version} 版，发布于 {beijingDate(guide.published_at)}
        </Typography.Paragraph>
      </Card>

      <Card title={<SectionHeading>申请材料</SectionHeading>}>
        {phone ? (
          <MaterialList materials={guide.materials} />
        ) : (
          <Table<MaterialOut>
            rowKey="id"
            pagination={false}
            dataSource={guide.materials}
            locale={{ emptyText: "无需提交材料" }}
            columns={[
              { title: "序号", width: 60, render: (_: unknown, __: MaterialOut, index: number) => index + 1 },
              {
                title: "材料名称",
                dataIndex: "name",
                render: (name: string, m) => (
                  <Space orientation="vertical" size={0}>
                    <span>
                      {name} {!m.required && <Tag>非必需</Tag>}
                    </span>
                    {m.note && <Typography.Text type="secondary">{m.note}</Typography.Text>}
                  </Space>
                ),
              },
              { title: "材料形式", dataIndex: "form", width: 120, render: (f: string) => label("material_forms", f) },
              { title: "份数", dataIndex: "copies", width: 70 },
              { title: "来源", dataIndex: "source", width: 140, render: (s: string) => s || "申请人自备" },
              {
                title: "表格下载",
                width: 260,
                render: (_: unknown, m) =>
                  m.files.length === 0 ? (
                    "—"
                  ) : (
                    <Space orientation="vertical" size={0}>
                      {m.files.map((f) => (
                        <a key={f.id} href={guideFileUrl(f.id)} download={f.filename}>
                          <DownloadOutlined /> {label("file_purposes", f.purpose)}：{f.filename}（{sizeText(f.size)}）
                        </a>
                      ))}
                    </Space>
                  ),
              },
            ]}
          />
        )}
      </Card>

      <Card title={<SectionHeading>办理地点与时间</SectionHeading>}>
        {guide.places.length === 0 ? (
          <Empty description={guide.location ? guide.location : "暂无受理窗口信息，请致电咨询"} />
        ) : (
          <List
            dataSource={guide.places}
            rowKey="window_id"
            renderItem={(place) => (
              <List.Item>
                <Space orientation="vertical" size={0}>
                  <SectionHeading level={3}>
                    <EnvironmentOutlined aria-hidden />{" "}
                    {`${place.centre_name} ${place.window_number}号窗口（${place.window_name}）`}
                  </SectionHeading>
                  <span>地址：{place.address || "—"}</span>
                  <span>办公时间：{place.hours || guide.hours || "—"}</span>
                  {place.phone && <span>电话：{place.phone}</span>}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Space>
  );
}
