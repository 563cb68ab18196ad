from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from sunshine_kit.auth import Role


class LoginIn(BaseModel):
    username: str = Field(min_length=1, max_length=50, description="用户名")
    password: str = Field(min_length=1, max_length=200, description="密码")


class RefreshIn(BaseModel):
    refresh_token: str = Field(min_length=10, max_length=200)


class Me(BaseModel):
    id: int
    username: str
    display_name: str
    unit_id: int
    unit_name: str
    roles: list[Role]


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_in: int
    user: Me


STAFF_ROLES = [r for r in Role if r is not Role.SERVICE]


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    username: str
    display_name: str
    unit_id: int
    roles: list[Role]
    active: bool


class UserIn(BaseModel):
    username: str = Field(min_length=2, max_length=50, pattern=r"^[A-Za-z0-9_.-]+$")
    display_name: str = Field(min_length=1, max_length=50)
    unit_id: int
    roles: list[Role] = Field(min_length=1)
    password: str = Field(min_length=10, max_length=200, description="至少10位")


class UserUpdate(BaseModel):
    display_name: str | None = Field(None, min_length=1, max_length=50)
    unit_id: int | None = None
    roles: list[Role] | None = Field(None, min_length=1)
    active: bool | None = None
    password: str | None = Field(None, min_length=10, max_length=200)
