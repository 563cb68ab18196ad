import { TreeSelect } from "antd";
import { useMemo } from "react";
import { useUnits } from "../../api/queries";
import { buildUnitTree, subtreeIds, type UnitNode } from "../../lib/units";

interface UnitOption {
  value: number;
  title: string;
  children: UnitOption[];
}
const unitOptions = (nodes: UnitNode[]): UnitOption[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: unitOptions(n.children) }));

interface Props {
  /** Only this unit and those below it (the reach of the office); all open units when absent. */
  within?: number | null;
  value?: number;
  onChange?: (unitId?: number) => void;
  placeholder?: string;
  allowClear?: boolean;
  width?: number | string;
  label: string;
}

/** A unit chosen from the organisation tree, searchable by name. */
export function UnitPicker({ within, value, onChange, placeholder, allowClear = true, width = 240, label }: Props) {
  const units = useUnits();
  const options = useMemo(() => {
    if (!units.data) return [];
    const shown = within == null ? units.data : units.data.filter((u) => subtreeIds(units.data, within).has(u.id));
    return unitOptions(buildUnitTree(shown));
  }, [units.data, within]);
  return (
    <TreeSelect
      aria-label={label}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandedKeys={within == null ? [] : [within]}
      loading={units.isPending}
      style={{ width }}
      treeData={options}
      value={value}
      onChange={(next?: number) => onChange?.(next)}
    />
  );
}
