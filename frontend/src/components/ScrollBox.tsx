import type { TableRef } from "antd/es/table";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * A table wider than a phone (the national format's tables, a month's bulletin) in a box of its
 * own that scrolls sideways, so the page itself does not. The box is named and takes focus, so
 * that a keyboard reaches what is out of sight (arrow keys scroll it) and a screen reader says
 * what it holds.
 */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: "auto", maxWidth: "100%" }}>
      {children}
    </div>
  );
}

/**
 * The same for an antd table that scrolls by itself (`scroll={{ x: … }}`): antd's scrolling box
 * cannot be given a name or a tab stop through its props, and without them a keyboard cannot reach
 * the columns out of sight when no row holds a link or a button (axe: scrollable-region-focusable).
 * The returned ref goes on the Table; while the box is wider than its space it is a named,
 * focusable region, and a plain box again when everything fits.
 */
export function useScrollRegion(label: string) {
  const table = useRef<TableRef>(null);
  useEffect(() => {
    const root = table.current?.nativeElement;
    if (!root) return;
    const mark = () => {
      root.querySelectorAll<HTMLElement>(".ant-table-content, .ant-table-body").forEach((box) => {
        if (box.scrollWidth > box.clientWidth + 1) {
          box.tabIndex = 0;
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", label);
        } else {
          box.removeAttribute("tabindex");
          box.removeAttribute("role");
          box.removeAttribute("aria-label");
        }
      });
    };
    mark();
    const observer = new ResizeObserver(mark);
    observer.observe(root);
    return () => observer.disconnect();
  });
  return table;
}
