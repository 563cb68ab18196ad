import { Grid, Radio, Tabs } from "antd";
import { useState, type ReactNode } from "react";

interface Part {
  key: string;
  label: string;
  children: ReactNode;
}

/**
 * Tabs on a wide screen. On a phone antd's tab strip overflows into a "more" button placed
 * inside the tab list, which screen readers cannot follow (axe: aria-required-children); there
 * the same choices are a row of buttons that wraps (a radio group), with the chosen part below.
 */
export function ResponsiveTabs({ parts, label, destroyOnHidden }: { parts: Part[]; label: string; destroyOnHidden?: boolean }) {
  const narrow = Grid.useBreakpoint().md === false;
  const [active, setActive] = useState(parts[0]?.key);
  if (!narrow) {
    return <Tabs items={parts} activeKey={active} onChange={setActive} destroyOnHidden={destroyOnHidden} />;
  }
  const shown = parts.find((part) => part.key === active) ?? parts[0];
  return (
    <>
      <Radio.Group
        optionType="button"
        aria-label={label}
        value={shown?.key}
        onChange={(event) => setActive(event.target.value as string)}
        options={parts.map((part) => ({ value: part.key, label: part.label }))}
        style={{ marginBottom: 16 }}
      />
      {shown?.children}
    </>
  );
}
