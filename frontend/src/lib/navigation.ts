import type { Can, Me } from "../auth/store";

export interface ConsolePage {
  path: string;
  label: string;
  /** The kind of work (role group) the page is for; the gateway lists the user's in `Me.can`. */
  can: Can;
}

// The console's pages and the work each is for; the services enforce the same role groups
// (sunshine_kit.roles) on every call, and the gateway tells the SPA which the user belongs to.
export const CONSOLE_PAGES: readonly ConsolePage[] = [
  { path: "/console", label: "工作台概览", can: "work_in_console" },
  { path: "/console/hall/window", label: "窗口叫号", can: "serve_at_window" },
  { path: "/console/hall/cases", label: "办件", can: "read_cases" },
  { path: "/console/hall/supervision", label: "电子监察", can: "supervise_hall" },
  { path: "/console/items", label: "信息发布", can: "read_items" },
  { path: "/console/review", label: "审查", can: "review_items" },
  { path: "/console/deadlines", label: "期限监督", can: "read_items" },
  { path: "/console/columns", label: "栏目管理", can: "manage_catalogue" },
  { path: "/console/applications", label: "依申请公开", can: "read_applications" },
  { path: "/console/inquiries", label: "咨询与留言", can: "read_applications" },
  { path: "/console/applications/register", label: "政府信息公开申请登记", can: "register_applications" },
  { path: "/console/hall/items", label: "服务事项", can: "manage_hall" },
  { path: "/console/hall/centres", label: "中心与窗口", can: "manage_hall" },
  { path: "/console/hall/follow-ups", label: "差评回访", can: "supervise_hall" },
  { path: "/console/hall/complaints", label: "效能投诉", can: "supervise_hall" },
  { path: "/console/hall/enforcement", label: "执法决定登记", can: "register_enforcement" },
  { path: "/console/reports/annual", label: "年度报告", can: "read_reports" },
  { path: "/console/reports/bulletins", label: "考评通报", can: "read_reports" },
  { path: "/console/reports/figures", label: "工作数据", can: "read_reports" },
  { path: "/console/units", label: "单位管理", can: "read_units" },
  { path: "/console/calendar", label: "工作日历", can: "work_in_console" },
  { path: "/console/users", label: "账号管理", can: "manage_accounts" },
  { path: "/console/delivery", label: "消息投递", can: "operate_delivery" },
  { path: "/console/audit", label: "审计日志", can: "read_audit" },
];

type Person = Pick<Me, "can" | "reaches_subtree"> | null | undefined;

/** Whether the user belongs to the role group for this work. */
export function can(user: Person, work: Can): boolean {
  return !!user?.can.includes(work);
}

export function pagesFor(user: Person): ConsolePage[] {
  return CONSOLE_PAGES.filter((page) => can(user, page.can));
}

export function canSee(path: string, user: Person): boolean {
  return pagesFor(user).some((page) => page.path === path);
}

/**
 * The menu entry a console address belongs to: the longest page path it is, or is below
 * (/console/items/12 → 信息发布, /console/hall/cases/3 → 办件); the overview only for itself.
 */
export function menuEntryOf(pathname: string): ConsolePage | undefined {
  return CONSOLE_PAGES.filter((page) =>
    page.path === "/console" ? pathname === page.path : pathname === page.path || pathname.startsWith(`${page.path}/`),
  ).reduce<ConsolePage | undefined>((best, page) => (!best || page.path.length > best.path.length ? page : best), undefined);
}

// The API docs (/docs) are for those who connect other systems or run the platform: the ops admin
// (accounts, delivery) and the office (units, the catalogue's template). Clerks, handlers,
// publishers, reviewers and supervisors work in the console's pages and never see the link.
const API_DOCS_FOR: readonly Can[] = ["operate_delivery", "manage_units"];

/** Whether the console offers the user the API docs. */
export function usesApiDocs(user: Person): boolean {
  return API_DOCS_FOR.some((work) => can(user, work));
}

/** Whether the user's lists cover the units below their own (a unit picker, a unit column),
 * as the gateway says: the services let the same accounts act on their unit's subtree. */
export function reachesSubtree(user: Person): boolean {
  return !!user?.reaches_subtree;
}
