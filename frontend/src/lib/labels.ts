import type { components } from "../api/schema";

type Role = components["schemas"]["Role"];
type UnitType = components["schemas"]["UnitType"];

export const ROLE_LABELS: Record<Role, string> = {
  publisher: "信息发布员",
  reviewer: "保密审查员",
  application_handler: "依申请公开经办人",
  window_clerk: "窗口人员",
  office: "政务公开办",
  supervisor: "电子监察",
  ops_admin: "运维管理员",
  service: "系统服务",
};

export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  government: "人民政府",
  department: "政府部门",
  street: "街道",
  township: "乡镇",
  community: "社区",
  village: "村",
};

export const COMPONENT_LABELS = {
  gateway: "统一入口（单位、账号、日历）",
  catalog: "公开目录",
  applications: "依申请公开",
  hall: "政务服务大厅",
  reporting: "统计与年报",
} as const;

export type ComponentName = keyof typeof COMPONENT_LABELS;
