import { Descriptions, Tag, Typography } from "antd";
import dayjs from "dayjs";
import type { ReactNode } from "react";
import { useLabels } from "../../../api/queries/vocabulary";
import { VALIDITY_COLOURS, type PublicItem } from "../../../lib/catalog";

const date = (value: string | null | undefined) => (value ? dayjs(value).format("YYYY-MM-DD") : "—");

/** What the article shows of an item: a saved one, or the editor's form before it is saved. */
export type ArticleItem = Pick<
  PublicItem,
  | "index_number"
  | "topic"
  | "issuing_unit"
  | "unit_name"
  | "formed_on"
  | "document_number"
  | "published_at"
  | "document_type"
  | "validity"
  | "keywords"
  | "title"
  | "body_html"
>;

/**
 * An item as the portal shows it (政府信息): the 索引号 block, the title, the document number and
 * the body; the portal's item page and the editor's preview both draw it, so that the preview
 * is what the public will see. `notices` go between the title and the body, `children` after it.
 */
export function ItemArticle({
  item,
  headingLevel,
  notices,
  children,
}: {
  item: ArticleItem;
  /** 1 on the item's own page (its main heading); 2 where the page has its own h1. */
  headingLevel: 1 | 2;
  notices?: ReactNode;
  children?: ReactNode;
}) {
  const label = useLabels("catalog");
  return (
    <article>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        className="item-meta"
        items={[
          { key: "index", label: "索引号", children: item.index_number },
          { key: "topic", label: "主题分类", children: item.topic || "—" },
          { key: "issuer", label: "发布机构", children: item.issuing_unit || item.unit_name },
          { key: "formed", label: "生成日期", children: date(item.formed_on) },
          { key: "number", label: "发文字号", children: item.document_number || "—" },
          { key: "published", label: "发布日期", children: date(item.published_at) },
          { key: "type", label: "文件类型", children: label("document_types", item.document_type) },
          {
            key: "validity",
            label: "效力",
            children: <Tag color={VALIDITY_COLOURS[item.validity]}>{label("validities", item.validity)}</Tag>,
          },
          ...(item.keywords ? [{ key: "keywords", label: "关键词", children: item.keywords, span: 2 }] : []),
        ]}
      />
      <Typography.Title level={headingLevel} className="item-title">
        {item.title}
      </Typography.Title>
      {item.document_number && (
        <Typography.Paragraph type="secondary" style={{ textAlign: "center" }}>
          {item.document_number}
        </Typography.Paragraph>
      )}
      {notices}
      {/* The body is sanitised by the catalog service when it is saved (tags, attributes, URLs). */}
      <div className="item-body" dangerouslySetInnerHTML={{ __html: item.body_html }} />
      {children}
    </article>
  );
}
