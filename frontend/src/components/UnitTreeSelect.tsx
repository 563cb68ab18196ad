import { TreeSelect } from "antd";
import { useMemo } from "react";
import { useUnits } from "../api/queries/units";
import { buildUnitTree, subtreeIds, type UnitNode } from "../lib/units";

interface UnitOption {
  value: number;
  title: string;
  disabled: boolean;
  children: UnitOption[];
}

function unitOptions(nodes: UnitNode[], disabled: ReadonlySet<number>): UnitOption[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.name,
    disabled: disabled.has(n.id),
    children: unitOptions(n.children, disabled),
  }));
}

const NONE: ReadonlySet<number> = new Set();

interface Props {
  /** The accessible name (the form item's label, or the filter's). */
  label: string;
  /** Given by a Form.Item, so that its label points at the field. */
  id?: string;
  /** Only this unit and those below it (the reach of the office); all open units when absent. */
  within?: number | null;
  /** Shown but not choosable (a unit and its subtree, when moving it). */
  disabledIds?: ReadonlySet<number>;
  expandAll?: boolean;
  value?: number;
  onChange?: (unitId?: number) => void;
  placeholder?: string;
  allowClear?: boolean;
  width?: number | string;
}

/** A unit chosen from the organisation tree, searchable by name. */
export function UnitTreeSelect({
  label,
  id,
  within,
  disabledIds = NONE,
  expandAll = false,
  value,
  onChange,
  placeholder,
  allowClear = true,
  width = 240,
}: Props) {
  const units = useUnits();
  const options = useMemo(() => {
    if (!units.data) return [];
    const reach = within == null ? null : subtreeIds(units.data, within);
    const shown = reach ? units.data.filter((u) => reach.has(u.id)) : units.data;
    return unitOptions(buildUnitTree(shown), disabledIds);
  }, [units.data, within, disabledIds]);
  return (
    <TreeSelect
      id={id}
      aria-label={label}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll={expandAll}
      treeDefaultExpandedKeys={within == null ? [] : [within]}
      loading={units.isPending}
      style={{ width }}
      treeData={options}
      value={value}
      onChange={(next?: number) => onChange?.(next)}
    />
  );
}
