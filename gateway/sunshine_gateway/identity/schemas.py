from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from sunshine_kit.ids import MAX_ID
from sunshine_kit.roles import Can, Role


class LoginIn(BaseModel):
    username: str = Field(min_length=1, max_length=50, description="用户名")
    password: str = Field(min_length=1, max_length=200, description="密码")


class RefreshIn(BaseModel):
    # A token is URL-safe base64 and a dot: anything else (a NUL, spaces) is refused here.
    refresh_token: str = Field(min_length=10, max_length=200, pattern=r"^[A-Za-z0-9_.-]+$")


# The policy's rules are checked by the service, which names the one broken (passwords.py).
PASSWORD_RULES = (
    "至少10位，含大写字母、小写字母、数字、符号中的至少三类，不含用户名，不能是常见或易猜的密码"
)


class PasswordChange(BaseModel):
    old_password: str = Field(min_length=1, max_length=200, description="原密码")
    password: str = Field(min_length=1, max_length=200, description=f"新密码：{PASSWORD_RULES}")


class Me(BaseModel):
    id: int
    username: str
    display_name: str
    unit_id: int
    unit_name: str
    roles: list[Role]
    can: list[Can] = Field(description="该账号可做的工作（角色组），工作台据此显示页面与按钮")
    reaches_subtree: bool = Field(
        description="该账号的列表与操作是否覆盖本单位及下属单位（否则仅本单位）"
    )


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_in: int
    user: Me


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    username: str
    display_name: str
    unit_id: int
    roles: list[Role]
    active: bool
    locked_until: datetime | None = Field(
        None, description="登录失败锁定的截止时间；未锁定时为空（运维管理员可解锁）"
    )


class UserIn(BaseModel):
    username: str = Field(min_length=2, max_length=50, pattern=r"^[A-Za-z0-9_.-]+$")
    display_name: str = Field(min_length=1, max_length=50)
    unit_id: int = Field(ge=1, le=MAX_ID)
    roles: list[Role] = Field(min_length=1, description="工作人员角色；“系统服务”不能授予账号")
    password: str = Field(min_length=1, max_length=200, description=PASSWORD_RULES)


class UserUpdate(BaseModel):
    display_name: str | None = Field(None, min_length=1, max_length=50)
    unit_id: int | None = Field(None, ge=1, le=MAX_ID)
    roles: list[Role] | None = Field(None, min_length=1)
    active: bool | None = None
    password: str | None = Field(
        None, min_length=1, max_length=200, description=f"{PASSWORD_RULES}；设置后该账号须重新登录"
    )


class PersonOut(BaseModel):
    """A colleague one may name for a piece of work (an application's handler): who, by name."""

    username: str
    display_name: str
    unit_id: int
    unit_name: str
