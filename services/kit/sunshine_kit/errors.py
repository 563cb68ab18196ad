"""One error shape for every component: a machine code, a human message, the fields at fault."""

from __future__ import annotations

from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DataError, DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

log = structlog.get_logger()


# Codes every component answers with; a component's own codes live in its `errors.py`.
TOKEN_EXPIRED = "token_expired"
INVALID_TOKEN = "invalid_token"
SERVICE_ONLY = "service_only"
ROLE_FORBIDDEN = "role_forbidden"
UNIT_FORBIDDEN = "unit_forbidden"
UNIT_NOT_FOUND = "unit_not_found"
TOP_UNIT_ONLY = "top_unit_only"


class FieldError(BaseModel):
    field: str
    reason: str


class ErrorDetail(BaseModel):
    code: str
    message: str
    fields: list[FieldError] | None = None


class ErrorBody(BaseModel):
    """What every 4xx and 5xx answer carries."""

    error: ErrorDetail
    request_id: str | None = None


class AppError(Exception):
    status_code = 400
    code = "bad_request"
    message = "请求有误"

    def __init__(
        self,
        message: str | None = None,
        *,
        code: str | None = None,
        fields: list[FieldError] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.message = message or self.message
        self.code = code or self.code
        self.fields = fields
        self.headers = headers
        super().__init__(self.message)


class Unauthorized(AppError):
    status_code = 401
    code = "unauthorized"
    message = "请先登录"


class Forbidden(AppError):
    status_code = 403
    code = "forbidden"
    message = "无权执行此操作"


class NotFound(AppError):
    status_code = 404
    code = "not_found"
    message = "记录不存在"


class Conflict(AppError):
    status_code = 409
    code = "conflict"
    message = "与现有记录冲突"


class InvalidInput(AppError):
    """A rule of ours (not the schema) rejects a field."""

    status_code = 422
    code = "invalid_input"

    def __init__(self, field: str, reason: str, *, code: str | None = None) -> None:
        super().__init__(
            f"{field}: {reason}", code=code, fields=[FieldError(field=field, reason=reason)]
        )


class PayloadTooLarge(AppError):
    status_code = 413
    code = "payload_too_large"
    message = "提交的内容过大"


class TooManyRequests(AppError):
    status_code = 429
    code = "too_many_requests"
    message = "操作过于频繁，请稍后再试"


class UpstreamUnavailable(AppError):
    status_code = 502
    code = "upstream_unavailable"
    message = "依赖的服务暂时不可用"


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    # 413 and 503 can come from any route: a body over its limit, every connection busy.
    status: {"model": ErrorBody}
    for status in (400, 401, 403, 404, 409, 413, 422, 429, 503)
}


def _request_id(request: Request) -> str | None:
    return getattr(request.state, "request_id", None)


def error_response(
    request: Request,
    status_code: int,
    code: str,
    message: str,
    fields: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = ErrorBody(
        error=ErrorDetail(code=code, message=message, fields=fields),
        request_id=_request_id(request),
    )
    return JSONResponse(
        body.model_dump(exclude_none=True), status_code=status_code, headers=headers
    )


def app_error_response(request: Request, exc: AppError) -> JSONResponse:
    """The answer to one of our own errors (also given outside FastAPI's handlers: the
    gateway's proxy front door)."""
    return error_response(request, exc.status_code, exc.code, exc.message, exc.fields, exc.headers)


def _field_path(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc)


_HTTP_CODES = {
    401: ("unauthorized", "请先登录"),
    403: ("forbidden", "无权执行此操作"),
    404: ("not_found", "请求的地址不存在"),
    405: ("method_not_allowed", "不支持该请求方法"),
}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError) -> JSONResponse:
        return app_error_response(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = [
            # Our own validators' messages are for people: drop pydantic's "Value error, " prefix.
            FieldError(
                field=_field_path(tuple(err["loc"])),
                reason=str(err["msg"]).removeprefix("Value error, "),
            )
            for err in exc.errors()
        ]
        names = "、".join(f.field for f in fields)
        return error_response(request, 422, "validation_error", f"请求参数有误：{names}", fields)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, message = _HTTP_CODES.get(exc.status_code, ("http_error", str(exc.detail)))
        return error_response(
            request, exc.status_code, code, message, headers=getattr(exc, "headers", None)
        )

    @app.exception_handler(PoolTimeout)
    async def _busy(request: Request, exc: PoolTimeout) -> JSONResponse:
        # Every database connection stayed busy for the pool's whole timeout: overload, which
        # a client may retry, not a fault of ours.
        log.warning("database_pool_exhausted", path=request.url.path)
        return error_response(
            request, 503, "service_busy", "服务繁忙，请稍后再试", headers={"Retry-After": "1"}
        )

    @app.exception_handler(DBAPIError)
    async def _database(request: Request, exc: DBAPIError) -> JSONResponse:
        # A value the database cannot hold (SQLSTATE class 22: a number past its column's
        # range, text past its length) slipped past validation: still the caller's input,
        # never a 500. Logged, so that the missing bound gets written into the schema.
        if isinstance(exc, DataError) or str(getattr(exc.orig, "sqlstate", "")).startswith("22"):
            log.warning("value_out_of_range", path=request.url.path)
            return error_response(request, 422, "invalid_input", "提交的数值或文字超出允许范围")
        return await _unexpected(request, exc)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled_error", path=request.url.path)
        return error_response(request, 500, "internal_error", "服务器内部错误，请稍后再试")
