"""Serving the built SPA: its files, compressed when the client accepts it; any other page
path gets index.html, the page that routes in the browser.

The build compresses each text file once, at the highest levels, and writes the results beside
it (`x.js.br`, `x.js.gz`: the precompress plugin in frontend/vite.config.ts). A browser that
accepts brotli or gzip gets one of those, with `Content-Encoding` and `Vary: Accept-Encoding`;
one that accepts neither gets the file itself. Compressing here instead would cost seconds of
CPU per file at brotli's best level, or a worse ratio at a faster one. The portal's first load
is 869 KB of JavaScript as built, 285 KB gzipped, 244 KB with brotli (bench/first_load.py).
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from sunshine_kit.errors import NotFound

router = APIRouter(include_in_schema=False)

NOT_BUILT = """<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>阳光政务</title>
<body><h1>阳光政务</h1>
<p>前端尚未构建：请运行 <code>make run</code>（或 <code>make frontend</code>）。</p>
<p>API 文档见 <a href="/docs">/docs</a>。</p></body></html>"""

# Vite puts a content hash in asset names, so they can be cached for good; index.html names the
# current ones and is asked again every time.
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"

# The codings the build writes, best first: brotli is some 15 % smaller than gzip on our chunks.
CODINGS = (("br", ".br"), ("gzip", ".gz"))


def accepted_codings(header: str) -> dict[str, float]:
    """The content codings of an Accept-Encoding header and their weights (RFC 9110, 12.5.3)."""
    weights: dict[str, float] = {}
    for item in header.split(","):
        coding, *params = (part.strip() for part in item.split(";"))
        if not coding:
            continue
        weight = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        weights[coding.lower()] = weight
    return weights


def choose_coding(header: str, available: list[str]) -> str | None:
    """The coding to send: the client's highest weight among those at hand, ours first on a tie."""
    weights = accepted_codings(header)
    best, best_weight = None, 0.0
    for coding in available:
        weight = weights.get(coding, weights.get("*", 0.0))
        if weight > best_weight:
            best, best_weight = coding, weight
    return best


def serve(file: Path, cache_control: str, accept_encoding: str) -> Response:
    """The file, or its compressed copy when the build made one the client accepts."""
    headers = {"Cache-Control": cache_control}
    copies = {
        coding: copy
        for coding, suffix in CODINGS
        if (copy := file.with_name(file.name + suffix)).is_file()
    }
    if not copies:
        return FileResponse(file, headers=headers)
    headers["Vary"] = "Accept-Encoding"
    coding = choose_coding(accept_encoding, list(copies))
    if coding is None:
        return FileResponse(file, headers=headers)
    headers["Content-Encoding"] = coding
    media_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    return FileResponse(copies[coding], media_type=media_type, headers=headers)


@router.get("/{path:path}")
def spa(path: str, request: Request) -> Response:
    # A plain function: FastAPI runs it in a thread, so the file checks do not block the loop.
    if path.startswith("api/") or path == "api":
        raise NotFound("请求的地址不存在")
    root: Path = request.app.state.settings.spa_dir
    index = root / "index.html"
    if not index.is_file():
        return HTMLResponse(NOT_BUILT, status_code=503)
    accept_encoding = request.headers.get("accept-encoding", "")
    candidate = (root / path).resolve()
    if path and candidate.is_file() and candidate.is_relative_to(root.resolve()):
        cache = IMMUTABLE if path.startswith("assets/") else REVALIDATE
        return serve(candidate, cache, accept_encoding)
    if path.startswith("assets/"):
        # A chunk of an earlier build, asked for by a page loaded before a deploy: a 404 makes
        # the page load the new build (src/main.tsx), where index.html would be taken for code.
        raise NotFound("请求的文件不存在")
    return serve(index, REVALIDATE, accept_encoding)
