"""A reference receiver for the provincial platform (省级政务公开平台) that the catalog pushes to.

It keeps each change once by its Idempotency-Key, in a SQLite file so that a restart keeps what
it got, and answers 200 to a repeated delivery too, as a receiver must for an at-least-once
outbox. Run it as a process:

    python tests/province_receiver.py --port 9100 --db var/province.db
    PROVINCE_RECEIVER_DB=var/province.db \\
        uvicorn --factory province_receiver:from_env --app-dir tests --port 9100

and point the catalog at it with PROVINCE_PUSH_URL=http://127.0.0.1:9100/harvest.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI, Header, HTTPException

SCHEMA = """
CREATE TABLE IF NOT EXISTS received (
    key TEXT PRIMARY KEY,
    payload TEXT NOT NULL,
    received_at TEXT NOT NULL,
    deliveries INTEGER NOT NULL DEFAULT 1
)
"""


@contextmanager
def _database(path: Path) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(path, timeout=10)) as connection, connection:
        yield connection


def create_app(db_path: Path) -> FastAPI:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with _database(db_path) as connection:
        connection.execute(SCHEMA)

    app = FastAPI(title="省级平台（参考接收端）")

    @app.post("/harvest")
    def harvest(
        payload: dict[str, Any],
        idempotency_key: str | None = Header(None, alias="Idempotency-Key"),
    ) -> dict[str, Any]:
        """Keep the message once; a repeated delivery is counted and answered 200 too."""
        if not idempotency_key:
            raise HTTPException(400, "Idempotency-Key header required")
        with _database(db_path) as connection:
            connection.execute(
                "INSERT INTO received (key, payload, received_at) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET deliveries = deliveries + 1",
                (idempotency_key, json.dumps(payload), datetime.now(UTC).isoformat()),
            )
            deliveries = connection.execute(
                "SELECT deliveries FROM received WHERE key = ?", (idempotency_key,)
            ).fetchone()[0]
        return {"key": idempotency_key, "duplicate": deliveries > 1}

    @app.get("/received")
    def received() -> list[dict[str, Any]]:
        """Everything kept, in the order it first arrived."""
        with _database(db_path) as connection:
            rows = connection.execute(
                "SELECT key, payload, received_at, deliveries FROM received ORDER BY rowid"
            ).fetchall()
        return [
            {"key": key, "payload": json.loads(payload), "received_at": at, "deliveries": count}
            for key, payload, at, count in rows
        ]

    return app


def from_env() -> FastAPI:
    """The app for `uvicorn --factory`, keeping its messages in PROVINCE_RECEIVER_DB."""
    return create_app(Path(os.environ.get("PROVINCE_RECEIVER_DB", "var/province.db")))


class ProvinceReceiver:
    """The receiver as a process of its own, to stop and start around a test."""

    def __init__(self, port: int, db_path: Path, *, host: str = "127.0.0.1") -> None:
        self.port = port
        self.host = host
        self.db_path = db_path
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self, timeout: float = 30.0) -> None:
        log = open(self.db_path.with_suffix(".log"), "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--host",
                self.host,
                "--port",
                str(self.port),
                "--db",
                str(self.db_path),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"receiver exited with {self.process.returncode}; see {log.name}"
                )
            try:
                httpx.get(f"{self.url}/received", timeout=2).raise_for_status()
                return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise TimeoutError(f"receiver not ready after {timeout}s; see {log.name}")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def received(self) -> list[dict[str, Any]]:
        response = httpx.get(f"{self.url}/received", timeout=5)
        response.raise_for_status()
        return list(response.json())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9100)
    parser.add_argument("--db", type=Path, default=Path("var/province.db"))
    args = parser.parse_args()
    uvicorn.run(create_app(args.db), host=args.host, port=args.port, access_log=False)


if __name__ == "__main__":
    main()
