"""The gateway app: `uvicorn sunshine_gateway.main:app`."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from sunshine_gateway.audit_words import AUDIT_WORDS
from sunshine_gateway.calendar.routes import router as calendar_router
from sunshine_gateway.docs.routes import SpecCache
from sunshine_gateway.docs.routes import router as docs_router
from sunshine_gateway.headers import SecurityHeaders
from sunshine_gateway.identity.routes import router as auth_router
from sunshine_gateway.identity.routes import users_router
from sunshine_gateway.identity.service import confirm_signed_in
from sunshine_gateway.proxy.front_door import ProxyFrontDoor, proxy_route
from sunshine_gateway.proxy.service import ServiceProxy
from sunshine_gateway.ratelimit import RateLimits
from sunshine_gateway.settings import GatewaySettings
from sunshine_gateway.spa import router as spa_router
from sunshine_gateway.units.routes import router as units_router
from sunshine_gateway.vocabulary.routes import router as vocabulary_router
from sunshine_kit.app import create_app
from sunshine_kit.auth import ACCESS, ConfirmPrincipal, Principal
from sunshine_kit.errors import INVALID_TOKEN, Unauthorized

DESCRIPTION = """阳光政务网关：统一入口、身份认证与角色、组织机构、工作日历，
以及各服务的合并接口文档。

Every service's API appears here under `/api/<service>`; authenticate with
`POST /api/auth/login` and send `Authorization: Bearer <access_token>`."""


async def _close_proxy(app: FastAPI) -> None:
    proxy: ServiceProxy = app.state.proxy
    await proxy.close()


def _confirm_with(app: FastAPI) -> ConfirmPrincipal:
    async def confirm(principal: Principal) -> Principal:
        if principal.claims.get("typ") != ACCESS:  # a component's token, or its forwarded word
            raise Unauthorized("登录凭证无效", code=INVALID_TOKEN)
        async with app.state.db.reader() as connection:
            return await confirm_signed_in(connection, principal)

    return confirm


def create(settings: GatewaySettings | None = None) -> FastAPI:
    settings = settings or GatewaySettings()
    api = APIRouter(prefix="/api")
    for router in (auth_router, users_router, units_router, calendar_router, vocabulary_router):
        api.include_router(router)
    app = create_app(
        settings,
        title="阳光政务 Sunshine",
        description=DESCRIPTION,
        routers=[api],
        api_prefix="/api",
        replicate_org=False,
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
        on_shutdown=_close_proxy,
        audit_words=AUDIT_WORDS,
    )
    app.state.confirm_principal = _confirm_with(app)
    app.state.rate_limits = RateLimits(settings.rate_limit_storage)
    app.state.spec_cache = SpecCache()
    # Order matters: the gateway's own /api routes above, then the proxy, the docs, and last
    # the SPA's catch-all.
    app.state.proxy = ServiceProxy(settings, app.state.rate_limits)
    app.router.routes.append(proxy_route(app.state.proxy))  # reached only for unknown services
    app.add_middleware(ProxyFrontDoor, proxy=app.state.proxy)
    app.add_middleware(SecurityHeaders)  # added last: outermost, on every answer
    app.include_router(docs_router)
    app.include_router(spa_router)
    return app


app = create()
