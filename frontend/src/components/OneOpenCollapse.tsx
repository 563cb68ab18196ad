import { Collapse, type CollapseProps } from "antd";
import { useState } from "react";

type Items = NonNullable<CollapseProps["items"]>;

/**
 * Panels of which at most one is open at a time (the first, until another is chosen). antd's own
 * `accordion` mode is not used: it marks the panels up as tabs with their contents inside the
 * tab list, which screen readers cannot follow (axe: aria-required-children, critical).
 */
export function OneOpenCollapse({ items, open: chosen, onOpen }: { items: Items; open?: string; onOpen?: (key: string) => void }) {
  const [own, setOwn] = useState<string>();
  const wanted = chosen ?? own;
  // "" once the open panel is closed; a key no longer offered falls back to the first.
  const open =
    wanted === "" ? undefined : items.some((item) => item.key === wanted) ? wanted : (items[0]?.key as string | undefined);
  const choose = onOpen ?? setOwn;
  return (
    <Collapse
      activeKey={open ? [open] : []}
      onChange={(keys) => choose([keys].flat().map(String).find((key) => key !== open) ?? "")}
      items={items}
    />
  );
}
