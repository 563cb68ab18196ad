import { Collapse, Typography } from "antd";
import { Link } from "react-router-dom";
import type { UnitNode } from "../../../lib/units";

interface Group {
  type: string;
  label: string;
  units: UnitNode[];
}

/** The units below the top one, by type (政府部门、街道、乡镇…), in the vocabulary's order. */
export function groupByType(root: UnitNode | undefined, types: { value: string; label: string }[]): Group[] {
  const below = root?.children ?? [];
  return types
    .map(({ value, label }) => ({ type: value, label, units: below.filter((u) => u.type === value) }))
    .filter((group) => group.units.length > 0);
}

// Top-level units in as many columns as fit; those below a unit (社区 under 街道) under it.
const LIST = {
  margin: 0,
  paddingInlineStart: 0,
  listStyle: "none",
  display: "grid",
  gridTemplateColumns: "repeat(auto-fill, minmax(13em, 1fr))",
  gap: "6px 16px",
} as const;
const NESTED = { margin: "4px 0 0", paddingInlineStart: 16, listStyle: "none" } as const;

function Units({ units, href, nested = false }: { units: UnitNode[]; href: (unit: UnitNode) => string; nested?: boolean }) {
  return (
    <ul style={nested ? NESTED : LIST}>
      {units.map((unit) => (
        <li key={unit.id}>
          <Link to={href(unit)}>{unit.name}</Link>
          {unit.children.length > 0 && <Units units={unit.children} href={href} nested />}
        </li>
      ))}
    </ul>
  );
}

interface Props {
  root: UnitNode | undefined;
  types: { value: string; label: string }[];
  /** Collapsed by type (phones), or every group open. */
  collapsed: boolean;
  href?: (unit: UnitNode) => string;
  headingLevel?: 3 | 4;
}

/** 信息公开单位: every unit as a real link, grouped by type. */
export function UnitLinks({ root, types, collapsed, href = (u) => `/units/${u.id}`, headingLevel = 3 }: Props) {
  const groups = groupByType(root, types);
  if (!root) return null;
  const top = (
    <Typography.Paragraph style={{ marginBottom: 8 }}>
      <Link to={href(root)}>{root.name}</Link>
    </Typography.Paragraph>
  );
  if (collapsed) {
    return (
      <>
        {top}
        <Collapse
          size="small"
          items={groups.map((group) => ({
            key: group.type,
            label: `${group.label}（${group.units.length}）`,
            children: <Units units={group.units} href={href} />,
          }))}
        />
      </>
    );
  }
  return (
    <>
      {top}
      {groups.map((group) => (
        <section key={group.type}>
          <Typography.Title level={headingLevel} style={{ fontSize: 15, marginTop: 12 }}>
            {group.label}（{group.units.length}）
          </Typography.Title>
          <Units units={group.units} href={href} />
        </section>
      ))}
    </>
  );
}
