// The platform's components, as the console names them (消息投递, 审计日志). The services' own
// codes are named by the services: see src/api/queries/vocabulary.ts.
export const COMPONENT_LABELS = {
  gateway: "统一入口（单位、账号、日历）",
  catalog: "公开目录",
  applications: "依申请公开",
  hall: "政务服务大厅",
  reporting: "统计与年报",
} as const;

export type ComponentName = keyof typeof COMPONENT_LABELS;
