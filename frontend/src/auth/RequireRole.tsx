import { Result, Typography } from "antd";
import type { ReactNode } from "react";
import { canSee } from "../lib/navigation";
import { usePageTitle } from "../lib/usePageTitle";
import { useCurrentUser } from "./useAuth";

/** What someone whose role does not include a page sees in its place: a page of its own,
 * with its heading and title (the page they asked for is not drawn at all). */
function NoPermission() {
  usePageTitle("没有权限");
  return (
    <Result
      status="403"
      title={
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          没有权限
        </Typography.Title>
      }
      subTitle="您的角色不能访问此页面。"
    />
  );
}

/** A console page for those whose work it is (its menu entry); anyone else is told so in its place. */
export function RequireRole({ path, children }: { path: string; children: ReactNode }) {
  const user = useCurrentUser();
  if (!canSee(path, user)) return <NoPermission />;
  return <>{children}</>;
}
