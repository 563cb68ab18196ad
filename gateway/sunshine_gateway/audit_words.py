"""How the gateway's audit entries read (accounts and logins; units and the calendar read as the
kit's words say): its words for the kit's 审计日志 (`sunshine_kit.audit.words`), with the labels
of its vocabulary."""

from __future__ import annotations

from sunshine_kit.audit.words import AuditWords, Subject, codes
from sunshine_kit.roles import ROLE_LABELS

AUDIT_WORDS = AuditWords(
    subjects={
        "user": Subject("账号", ("display_name", "username")),
        "login_name": Subject("登录名", id_is_name=True),
        "demo": Subject("演示数据"),
    },
    actions={
        "user.created": "开设了",
        "user.updated": "修改了",
        "user.unlocked": "解锁了",
        "user.password_changed": "修改了密码",
        "user.logged_in": "登录了",
        "user.logged_out": "退出了",
        "login.failed": "登录失败",
        "login.locked": "登录失败并被锁定",
        "demo.loaded": "载入了",
    },
    fields={
        "username": "登录名",
        "display_name": "姓名",
        "unit_id": "所在单位",
        "roles": "角色",
        "active": "启用",
        "client_ip": "来源地址",
        "locked_until": "锁定至",
        "units": "单位数",
        "users": "账号数",
    },
    values={
        "roles": codes(ROLE_LABELS),
    },
    hidden=frozenset({"id", "version"}),
)
