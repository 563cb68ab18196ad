"""Serving the built SPA: real files as they are, every other page path gets index.html."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from sunshine_kit.errors import NotFound

router = APIRouter(include_in_schema=False)

NOT_BUILT = """<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>阳光政务</title>
<body><h1>阳光政务</h1>
<p>前端尚未构建：请运行 <code>make run</code>（或 <code>make frontend</code>）。</p>
<p>API 文档见 <a href="/docs">/docs</a>。</p></body></html>"""


@router.get("/{path:path}")
def spa(path: str, request: Request) -> Response:
    # A plain function: FastAPI runs it in a thread, so the file checks do not block the loop.
    if path.startswith("api/") or path == "api":
        raise NotFound("请求的地址不存在")
    root: Path = request.app.state.settings.spa_dir
    index = root / "index.html"
    if not index.is_file():
        return HTMLResponse(NOT_BUILT, status_code=503)
    candidate = (root / path).resolve()
    if path and candidate.is_file() and candidate.is_relative_to(root.resolve()):
        # Vite puts a content hash in asset names, so they can be cached for good.
        cache = "public, max-age=31536000, immutable" if path.startswith("assets/") else "no-cache"
        return FileResponse(candidate, headers={"Cache-Control": cache})
    return FileResponse(index, headers={"Cache-Control": "no-cache"})
