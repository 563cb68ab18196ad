import { Result } from "antd";
import type { ReactNode } from "react";
import { canSee } from "../lib/navigation";
import { useCurrentUser } from "./useAuth";

/** A console page for those whose work it is (its menu entry); anyone else is told so in its place. */
export function RequireRole({ path, children }: { path: string; children: ReactNode }) {
  const user = useCurrentUser();
  if (!canSee(path, user)) {
    return <Result status="403" title="没有权限" subTitle="您的角色不能访问此页面。" />;
  }
  return <>{children}</>;
}
