"""Roles and role groups: who may do what, written down once for every component and the SPA.

A role is what an account holds; a role group (`Can`) is a kind of work and the roles that may
do it. Routes require a group (`require(Can.HANDLE_APPLICATIONS)`), services ask
`principal.can(...)`, and the gateway's `/api/auth/me` lists the groups the signed-in user
belongs to, so the SPA shows a page or a button from the same table the services enforce.
Scope (which units) is separate: see `units.service.units_in_reach`.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    PUBLISHER = "publisher"  # 信息发布员
    REVIEWER = "reviewer"  # 保密审查员
    APPLICATION_HANDLER = "application_handler"  # 依申请公开经办人
    WINDOW_CLERK = "window_clerk"  # 窗口人员
    OFFICE = "office"  # 政务公开办
    SUPERVISOR = "supervisor"  # 电子监察
    OPS_ADMIN = "ops_admin"  # 运维管理员
    SERVICE = "service"  # another Sunshine component, never an account


ROLE_LABELS: dict[Role, str] = {
    Role.PUBLISHER: "信息发布员",
    Role.REVIEWER: "保密审查员",
    Role.APPLICATION_HANDLER: "依申请公开经办人",
    Role.WINDOW_CLERK: "窗口人员",
    Role.OFFICE: "政务公开办",
    Role.SUPERVISOR: "电子监察",
    Role.OPS_ADMIN: "运维管理员",
    Role.SERVICE: "系统服务",
}

STAFF_ROLES = frozenset(r for r in Role if r is not Role.SERVICE)

# Roles whose holders act on their unit's whole subtree; everyone else only on their own unit.
SUBTREE_ROLES = frozenset({Role.OFFICE, Role.SUPERVISOR, Role.OPS_ADMIN})


class Can(StrEnum):
    """A kind of work, named by what the person does (the SPA shows pages by these)."""

    WORK_IN_CONSOLE = "work_in_console"  # 工作台: every staff member
    READ_ITEMS = "read_items"  # 信息发布 list, 期限监督: catalogue staff and supervisors
    WRITE_ITEMS = "write_items"  # 撰写、提交、撤回政府信息
    REVIEW_ITEMS = "review_items"  # 保密审查/属性审核
    MANAGE_CATALOGUE = "manage_catalogue"  # 栏目管理、目录迁移
    DECIDE_PROPOSALS = "decide_proposals"  # 依申请转主动公开建议 (Art. 44)
    READ_APPLICATIONS = "read_applications"  # 依申请公开 inbox, read-only for supervisors
    HANDLE_APPLICATIONS = "handle_applications"  # 登记、补正、征求意见、答复
    # 登记依申请公开申请: the handlers, and the 政务服务中心's windows receiving on behalf of any
    # unit (当面提交 only, and nothing else of the applications: they neither list nor read them)
    REGISTER_APPLICATIONS = "register_applications"
    READ_UNITS = "read_units"  # 单位管理 (read)
    MANAGE_UNITS = "manage_units"  # 单位管理 (write)
    READ_AUDIT = "read_audit"  # 审计日志
    MANAGE_ACCOUNTS = "manage_accounts"  # 账号管理
    MANAGE_CALENDAR = "manage_calendar"  # 工作日历: load a year's arrangement
    OPERATE_DELIVERY = "operate_delivery"  # 消息投递: dead letters, replay
    MANAGE_HALL = "manage_hall"  # 大厅管理: service items, windows, stationed staff, slots
    SERVE_AT_WINDOW = "serve_at_window"  # 窗口: call tickets, accept and handle cases
    READ_CASES = "read_cases"  # 办件查询: the cases of one's windows or units
    SUPERVISE_HALL = "supervise_hall"  # 电子监察: warnings, rates, 差评回访, 效能投诉
    REGISTER_ENFORCEMENT = "register_enforcement"  # 行政处罚、行政强制决定登记 (双公示)
    READ_REPORTS = "read_reports"  # 统计报告: annual reports, bulletins, work figures
    PREPARE_REPORTS = "prepare_reports"  # 编制、定稿、发布年度报告与考评通报


ROLE_GROUPS: dict[Can, frozenset[Role]] = {
    Can.WORK_IN_CONSOLE: STAFF_ROLES,
    Can.READ_ITEMS: frozenset({Role.PUBLISHER, Role.REVIEWER, Role.OFFICE, Role.SUPERVISOR}),
    Can.WRITE_ITEMS: frozenset({Role.PUBLISHER, Role.OFFICE}),
    Can.REVIEW_ITEMS: frozenset({Role.REVIEWER, Role.OFFICE}),
    Can.MANAGE_CATALOGUE: frozenset({Role.OFFICE}),
    Can.DECIDE_PROPOSALS: frozenset({Role.OFFICE, Role.PUBLISHER}),
    Can.READ_APPLICATIONS: frozenset({Role.APPLICATION_HANDLER, Role.OFFICE, Role.SUPERVISOR}),
    Can.HANDLE_APPLICATIONS: frozenset({Role.APPLICATION_HANDLER, Role.OFFICE}),
    Can.REGISTER_APPLICATIONS: frozenset(
        {Role.APPLICATION_HANDLER, Role.OFFICE, Role.WINDOW_CLERK}
    ),
    Can.READ_UNITS: frozenset({Role.OFFICE, Role.SUPERVISOR, Role.OPS_ADMIN}),
    Can.MANAGE_UNITS: frozenset({Role.OFFICE, Role.OPS_ADMIN}),
    Can.READ_AUDIT: frozenset({Role.OFFICE, Role.SUPERVISOR, Role.OPS_ADMIN}),
    Can.MANAGE_ACCOUNTS: frozenset({Role.OPS_ADMIN}),
    Can.MANAGE_CALENDAR: frozenset({Role.OPS_ADMIN}),
    Can.OPERATE_DELIVERY: frozenset({Role.OPS_ADMIN}),
    # The district's 政务服务中心 and 政务公开办 are one office in most districts (政务服务和
    # 数据管理局 runs both), so the office manages the hall; a clerk works at the windows.
    Can.MANAGE_HALL: frozenset({Role.OFFICE}),
    Can.SERVE_AT_WINDOW: frozenset({Role.WINDOW_CLERK, Role.OFFICE}),
    Can.READ_CASES: frozenset({Role.WINDOW_CLERK, Role.OFFICE, Role.SUPERVISOR}),
    Can.SUPERVISE_HALL: frozenset({Role.SUPERVISOR, Role.OFFICE}),
    # The enforcing unit's own staff enter its penalty and coercion decisions for 双公示.
    Can.REGISTER_ENFORCEMENT: frozenset({Role.PUBLISHER, Role.OFFICE}),
    Can.READ_REPORTS: frozenset({Role.OFFICE, Role.SUPERVISOR}),
    # The annual report is the disclosure office's (条例第四十九条, 第五十条).
    Can.PREPARE_REPORTS: frozenset({Role.OFFICE}),
}


CAN_LABELS: dict[Can, str] = {
    Can.WORK_IN_CONSOLE: "使用工作台",
    Can.READ_ITEMS: "查看信息发布",
    Can.WRITE_ITEMS: "撰写与提交信息",
    Can.REVIEW_ITEMS: "保密审查",
    Can.MANAGE_CATALOGUE: "栏目管理",
    Can.DECIDE_PROPOSALS: "处理转主动公开建议",
    Can.READ_APPLICATIONS: "查看依申请公开",
    Can.HANDLE_APPLICATIONS: "办理依申请公开",
    Can.REGISTER_APPLICATIONS: "登记依申请公开申请",
    Can.READ_UNITS: "查看单位",
    Can.MANAGE_UNITS: "管理单位",
    Can.READ_AUDIT: "查看审计日志",
    Can.MANAGE_ACCOUNTS: "账号管理",
    Can.MANAGE_CALENDAR: "工作日历维护",
    Can.OPERATE_DELIVERY: "消息投递运维",
    Can.MANAGE_HALL: "大厅事项与窗口管理",
    Can.SERVE_AT_WINDOW: "窗口叫号与办件",
    Can.READ_CASES: "查看办件",
    Can.SUPERVISE_HALL: "电子监察",
    Can.REGISTER_ENFORCEMENT: "行政执法决定登记",
    Can.READ_REPORTS: "查看统计报告",
    Can.PREPARE_REPORTS: "编制与发布报告",
}


def groups_of(roles: frozenset[Role] | set[Role] | list[Role]) -> list[Can]:
    """The role groups an account with `roles` belongs to, in the order they are declared."""
    held = set(roles)
    return [can for can, members in ROLE_GROUPS.items() if held & members]
