import type { Role } from "../auth/store";

export interface ConsolePage {
  path: string;
  label: string;
  roles: readonly Role[] | "staff";
}

const MANAGERS: readonly Role[] = ["office", "supervisor", "ops_admin"];
// Who works on the catalogue's items: writers, reviewers, the office over its subtree, and the
// supervisor who only reads.
const PUBLISHING: readonly Role[] = ["publisher", "office", "supervisor"];
const REVIEWING: readonly Role[] = ["reviewer", "office"];
const CATALOGUE_STAFF: readonly Role[] = ["publisher", "reviewer", "office", "supervisor"];
// Who works on applications for disclosure; the supervisor only reads.
const APPLICATION_STAFF: readonly Role[] = ["application_handler", "office", "supervisor"];

// The console's pages and who sees each; the services enforce the same rules on every call.
export const CONSOLE_PAGES: readonly ConsolePage[] = [
  { path: "/console", label: "工作台概览", roles: "staff" },
  { path: "/console/items", label: "信息发布", roles: PUBLISHING },
  { path: "/console/review", label: "审查", roles: REVIEWING },
  { path: "/console/deadlines", label: "期限监督", roles: CATALOGUE_STAFF },
  { path: "/console/columns", label: "栏目管理", roles: ["office"] },
  { path: "/console/applications", label: "依申请公开", roles: APPLICATION_STAFF },
  { path: "/console/units", label: "单位管理", roles: MANAGERS },
  { path: "/console/calendar", label: "工作日历", roles: "staff" },
  { path: "/console/users", label: "账号管理", roles: ["ops_admin"] },
  { path: "/console/delivery", label: "消息投递", roles: ["ops_admin"] },
  { path: "/console/audit", label: "审计日志", roles: MANAGERS },
];

export function pagesFor(roles: readonly Role[]): ConsolePage[] {
  const staff = roles.some((r) => r !== "service");
  return CONSOLE_PAGES.filter((page) =>
    page.roles === "staff" ? staff : page.roles.some((r) => roles.includes(r)),
  );
}

export function canSee(path: string, roles: readonly Role[]): boolean {
  return pagesFor(roles).some((page) => page.path === path);
}
