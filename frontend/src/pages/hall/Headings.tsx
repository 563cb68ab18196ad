import { Typography } from "antd";
import type { CSSProperties, ReactNode } from "react";

/**
 * The page's one h1 (GB/T 37668: a page names itself, and a screen reader's heading list starts
 * there), at the size of a page header rather than antd's 38 px poster.
 */
export function PageHeading({ children, style }: { children: ReactNode; style?: CSSProperties }) {
  return (
    <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: "normal", ...style }}>
      {children}
    </Typography.Title>
  );
}

/** A section's heading under the h1 (a card's title): h2, or h3 for a part of a section. */
export function SectionHeading({ children, level = 2 }: { children: ReactNode; level?: 2 | 3 }) {
  return (
    <Typography.Title level={level} style={{ fontSize: level === 2 ? 18 : 16, margin: 0, whiteSpace: "normal" }}>
      {children}
    </Typography.Title>
  );
}
