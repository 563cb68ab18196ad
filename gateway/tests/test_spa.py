"""The built SPA as the gateway serves it: compressed copies, cache lifetimes, the page fallback."""

import gzip
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from sunshine_gateway.spa import accepted_codings, choose_coding

CHUNK = ("export const units=" + ",".join(f'"单位{n}"' for n in range(400)) + ";\n").encode()
INDEX = (
    '<!doctype html><title>阳光政务</title><script type="module" src="/assets/index-1a2b.js">'
    + "\n".join(f'<link rel="modulepreload" href="/assets/page{n}-1a2b.js">' for n in range(40))
).encode()
# What brotli would make; the gateway sends the file the build wrote without reading it.
BROTLI = b"\x1b brotli bytes"


def built_spa(root: Path) -> Path:
    """A build as `npm run build` leaves it: text files with their .br and .gz beside them."""
    (root / "assets").mkdir()
    for path, data in ((root / "index.html", INDEX), (root / "assets" / "index-1a2b.js", CHUNK)):
        path.write_bytes(data)
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(data))
        path.with_name(path.name + ".br").write_bytes(BROTLI)
    (root / "favicon.svg").write_text("<svg/>", encoding="utf-8")
    return root


@pytest.fixture
async def spa_client(
    app: FastAPI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[httpx.AsyncClient]:
    monkeypatch.setattr(app.state.settings, "spa_dir", built_spa(tmp_path))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


async def test_a_chunk_is_sent_gzipped_to_a_browser_that_accepts_gzip(
    spa_client: httpx.AsyncClient,
) -> None:
    response = await spa_client.get("/assets/index-1a2b.js", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"
    assert response.headers["vary"] == "Accept-Encoding"
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert int(response.headers["content-length"]) == len(gzip.compress(CHUNK)) < len(CHUNK)
    assert response.content == CHUNK  # httpx undid the gzip


async def test_brotli_is_preferred_when_the_browser_accepts_both(
    spa_client: httpx.AsyncClient,
) -> None:
    accept = {"Accept-Encoding": "gzip, deflate, br, zstd"}
    async with spa_client.stream("GET", "/assets/index-1a2b.js", headers=accept) as response:
        assert response.headers["content-encoding"] == "br"
        assert response.headers["content-type"].startswith("text/javascript")
        assert b"".join([chunk async for chunk in response.aiter_raw()]) == BROTLI


async def test_the_file_itself_goes_to_a_browser_that_accepts_no_compression(
    spa_client: httpx.AsyncClient,
) -> None:
    for accept in ("identity", "gzip;q=0, br;q=0", "compress"):
        response = await spa_client.get(
            "/assets/index-1a2b.js", headers={"Accept-Encoding": accept}
        )
        assert "content-encoding" not in response.headers
        assert response.headers["vary"] == "Accept-Encoding"
        assert response.content == CHUNK


async def test_every_page_path_gets_index_html_revalidated_each_time(
    spa_client: httpx.AsyncClient,
) -> None:
    for path in ("/", "/console/units", "/units/4?column=12"):
        response = await spa_client.get(path, headers={"Accept-Encoding": "gzip"})
        assert response.status_code == 200
        assert response.headers["cache-control"] == "no-cache"
        assert response.headers["content-encoding"] == "gzip"
        assert response.headers["content-type"].startswith("text/html")
        assert response.content == INDEX


async def test_a_small_file_without_copies_is_sent_as_it_is(
    spa_client: httpx.AsyncClient,
) -> None:
    response = await spa_client.get("/favicon.svg", headers={"Accept-Encoding": "gzip, br"})
    assert response.text == "<svg/>"
    assert "content-encoding" not in response.headers
    assert "vary" not in response.headers
    assert response.headers["cache-control"] == "no-cache"


async def test_a_chunk_of_an_earlier_build_is_not_found_rather_than_index_html(
    spa_client: httpx.AsyncClient,
) -> None:
    response = await spa_client.get(
        "/assets/SearchPage-0ld0.js", headers={"Accept-Encoding": "identity"}
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_files_outside_the_build_are_not_served(spa_client: httpx.AsyncClient) -> None:
    response = await spa_client.get(
        "/..%2F..%2Fetc%2Fpasswd", headers={"Accept-Encoding": "identity"}
    )
    assert response.content == INDEX


def test_accept_encoding_weights() -> None:
    assert accepted_codings("gzip, br;q=0.8, *;q=0.1, zstd;q=bad") == {
        "gzip": 1.0,
        "br": 0.8,
        "*": 0.1,
        "zstd": 0.0,
    }
    assert choose_coding("gzip, br", ["br", "gzip"]) == "br"
    assert choose_coding("br;q=0.5, gzip", ["br", "gzip"]) == "gzip"
    assert choose_coding("*", ["br", "gzip"]) == "br"
    assert choose_coding("*;q=0, gzip", ["br", "gzip"]) == "gzip"
    assert choose_coding("deflate", ["br", "gzip"]) is None
    assert choose_coding("", ["br", "gzip"]) is None
