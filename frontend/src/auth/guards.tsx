import { Result } from "antd";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { canSee } from "../lib/navigation";
import { useCurrentUser } from "./useAuth";

/** The console is for signed-in staff; anyone else goes to the login page and comes back. */
export function RequireStaff({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  const location = useLocation();
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <>{children}</>;
}

export function RequireRole({ path, children }: { path: string; children: ReactNode }) {
  const user = useCurrentUser();
  if (!user || !canSee(path, user.roles)) {
    return <Result status="403" title="没有权限" subTitle="您的角色不能访问此页面。" />;
  }
  return <>{children}</>;
}
