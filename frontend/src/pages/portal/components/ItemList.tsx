import { Tag, Typography } from "antd";
import dayjs from "dayjs";
import { Link } from "react-router-dom";
import { useLabels } from "../../../api/queries/vocabulary";
import { VALIDITY_COLOURS, type ItemSummary } from "../../../lib/catalog";
import type { Unit } from "../../../lib/units";

interface Props {
  items: ItemSummary[];
  /** Units by id, to name the publishing unit (lists of every unit's items). */
  unitsById?: Map<number, Unit>;
  empty?: string;
}

/** Published items as links with their date (and unit), one per line: reads on a phone too.
 * A plain list rather than antd's List, which brings its pagination, select and spinner into the
 * home page's chunk (about 46 KB gzip of the portal's first load, bench/first_load.py). */
export function ItemList({ items, unitsById, empty = "暂无信息" }: Props) {
  const label = useLabels("catalog");
  if (items.length === 0) return <Typography.Paragraph type="secondary">{empty}</Typography.Paragraph>;
  return (
    <ul className="item-list">
      {items.map((item) => (
        <li key={item.id}>
          <span className="item-list-title">
            <Link to={`/items/${item.id}`}>{item.title}</Link>
            {item.validity !== "valid" && (
              <Tag color={VALIDITY_COLOURS[item.validity]} style={{ marginInlineStart: 6 }}>
                {label("validities", item.validity)}
              </Tag>
            )}
            {unitsById?.get(item.unit_id) && (
              <Typography.Text type="secondary" style={{ display: "block", fontSize: "0.9em" }}>
                {unitsById.get(item.unit_id)!.name}
                {item.document_number ? ` · ${item.document_number}` : ""}
              </Typography.Text>
            )}
          </span>
          <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
            {item.published_at ? dayjs(item.published_at).format("YYYY-MM-DD") : ""}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}
