from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import StreamingResponse

from sunshine_gateway.deps import LimitsDep, SettingsDep, client_ip
from sunshine_gateway.identity.service import session_is_open
from sunshine_gateway.proxy.service import forward
from sunshine_kit.auth import decode_token
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import Unauthorized

router = APIRouter()

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@router.api_route(
    "/{service}/{path:path}",
    methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    include_in_schema=False,
)
async def proxy(
    service: str,
    path: str,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    limits: LimitsDep,
) -> StreamingResponse:
    """Forward to the service; tokens are checked here too, so a logged-out session stops here."""
    authorization = request.headers.get("authorization", "")
    if authorization.lower().startswith("bearer "):
        principal = decode_token(settings, authorization[7:].strip())
        if not principal.is_service and not await session_is_open(session, principal.session_id):
            raise Unauthorized("已退出登录，请重新登录", code="session_revoked")
    elif request.method in WRITE_METHODS:
        await limits.check(settings.public_write_rate_limit, "public-write", client_ip(request))
    await session.close()  # the session is not needed while the service answers
    return await forward(request, request.app.state.http, settings, service, path)
