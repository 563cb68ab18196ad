import { Button, type ButtonProps } from "antd";
import type { MouseEvent } from "react";
import { useHref, useLinkClickHandler } from "react-router-dom";

/**
 * A link drawn as a button (窗口收件, 新建事项: actions that open a page). It is a real `<a href>`,
 * so middle-click, "open in new tab" and the keyboard work as on any link; a plain click stays in
 * the SPA, as a router link does.
 */
export function ButtonLink({ to, ...button }: Omit<ButtonProps, "href" | "onClick"> & { to: string }) {
  const href = useHref(to);
  const follow = useLinkClickHandler(to);
  return <Button {...button} href={href} onClick={(event) => follow(event as MouseEvent<HTMLAnchorElement>)} />;
}
