"""The real platform, started as processes on its own databases, for cross-service tests.

With TEST_DATABASE_URL (as `make test` sets it) each component gets a fresh PostgreSQL database;
without it, SQLite files in a temporary folder.
"""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import Callable, Iterator

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from stack import COMPONENTS, Stack, sqlite_urls
from support import DEMO_PASSWORD


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def province_port() -> int:
    """Where the catalog pushes every change (the provincial platform); tests run a reference
    receiver there (tests/province_receiver.py), and stop it to show nothing is lost."""
    return _free_port()


def _free_base_port() -> int:
    for base in range(18100, 19000, 10):
        try:
            for offset in range(5):
                with socket.socket() as probe:
                    probe.bind(("127.0.0.1", base + offset))
            return base
        except OSError:
            continue
    raise RuntimeError("no free ports")


async def _fresh_databases(server: str) -> dict[str, str]:
    url = make_url(server)
    admin = create_async_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    urls = {}
    async with admin.connect() as conn:
        for component in COMPONENTS:
            name = f"xs_{component.name}"
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
            urls[component.name] = url.set(database=name).render_as_string(hide_password=False)
    await admin.dispose()
    return urls


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory, province_port: int) -> Iterator[Stack]:
    server = os.environ.get("TEST_DATABASE_URL")
    data = tmp_path_factory.mktemp("stack")
    urls = asyncio.run(_fresh_databases(server)) if server else sqlite_urls(data)
    running = Stack(
        urls,
        base_port=_free_base_port(),
        log_dir=data / "log",
        # Quick retries, so that a restarted service catches up within a test's patience.
        extra_env={
            "OUTBOX_POLL_SECONDS": "0.3",
            "OUTBOX_BACKOFF_SECONDS": "0.3",
            "OUTBOX_BACKOFF_MAX_SECONDS": "1",
            # With one-second retries the default ten attempts are gone in seconds; a service
            # stopped by a test must find its messages still waiting when it comes back.
            "OUTBOX_MAX_ATTEMPTS": "10000",
            "LOGIN_RATE_LIMIT": "100/minute",
            "LOGIN_IP_RATE_LIMIT": "300/minute",
            "PUBLIC_SEARCH_RATE_LIMIT": "600/minute",
            "PROVINCE_PUSH_URL": f"http://127.0.0.1:{province_port}/harvest",
            # Electronic supervision sweeps every two seconds, so a warning shows within a test.
            "SUPERVISION_SWEEP_SECONDS": "2",
        },
    )
    running.migrate()
    running.load_demo(running=False)
    try:
        running.start()
        running.load_demo(running=True)
        yield running
    finally:
        running.stop()
        for log in sorted((data / "log").glob("*.log")):
            tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-5:]
            print(f"--- {log.name}", *tail, sep="\n")


@pytest.fixture(scope="session")
def gateway(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.url("gateway"), timeout=30) as client:
        yield client


@pytest.fixture(scope="session")
def login(gateway: httpx.Client) -> Callable[[str], dict[str, str]]:
    def _login(username: str) -> dict[str, str]:
        response = gateway.post(
            "/api/auth/login", json={"username": username, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 200, response.text
        return {"Authorization": f"Bearer {response.json()['access_token']}"}

    return _login
