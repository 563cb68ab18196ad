"""Run the whole platform as local processes: migrate, load demo data, start, stop.

`python scripts/stack.py run` is what `make run` calls (SQLite files under var/, nothing to
install); the cross-service tests import `Stack` to run the same processes on PostgreSQL and
to stop and start one of them.
"""

from __future__ import annotations

import argparse
import base64
import importlib.util
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Component:
    name: str
    package: str
    directory: str
    offset: int

    @property
    def alembic_ini(self) -> Path:
        return ROOT / self.directory / "alembic.ini"


COMPONENTS = (
    Component("gateway", "sunshine_gateway", "gateway", 0),
    Component("catalog", "sunshine_catalog", "services/catalog", 1),
    Component("applications", "sunshine_applications", "services/applications", 2),
    Component("hall", "sunshine_hall", "services/hall", 3),
    Component("reporting", "sunshine_reporting", "services/reporting", 4),
)
BY_NAME = {c.name: c for c in COMPONENTS}


SECRET_NAMES = (
    "SUNSHINE_USER_TOKEN_SECRET",
    "SUNSHINE_INTERNAL_TOKEN_SECRET",
    "PERSONAL_DATA_KEY",  # encrypts applicants' ID and phone numbers at rest
    "HALL_PERSONAL_DATA_KEY",  # the hall's own: its cases' ID and phone numbers
)


def fresh_secrets() -> dict[str, str]:
    """New random keys, one per purpose (32 random bytes each, URL-safe base64)."""
    return {
        name: base64.urlsafe_b64encode(secrets.token_bytes(32)).decode() for name in SECRET_NAMES
    }


def local_secrets(path: Path) -> dict[str, str]:
    """This installation's keys: made on the first start, kept in `path` (readable by its owner
    only) so that sessions and encrypted data survive a restart. No key is in the source. A key
    added by a later release is made and appended; one already there is never replaced (the
    personal-data key decrypts what is stored: losing it loses the applicants' numbers)."""
    kept: dict[str, str] = {}
    if path.exists():
        lines = path.read_text(encoding="utf-8").split()
        kept = dict(line.split("=", 1) for line in lines if "=" in line)
    keys = {**fresh_secrets(), **{k: v for k, v in kept.items() if k in SECRET_NAMES and v}}
    if keys != kept:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.writelines(f"{name}={value}\n" for name, value in keys.items())
    path.chmod(0o600)  # also when the file was there before with wider rights
    return keys


class Stack:
    """The five processes of one installation, each with its own database."""

    def __init__(
        self,
        database_urls: dict[str, str],
        *,
        base_port: int = 8000,
        host: str = "127.0.0.1",
        log_dir: Path = ROOT / "var" / "log",
        extra_env: dict[str, str] | None = None,
        workers: dict[str, int] | None = None,
        ready_timeout: float = 60.0,
        signing_keys: dict[str, str] | None = None,
    ) -> None:
        self.database_urls = database_urls
        # How long a component may take to say it is ready: the catalog is ready once its
        # search index is built (seconds for a district, a minute or two for a million items).
        self.ready_timeout = ready_timeout
        self.workers = workers or {}  # uvicorn worker processes of a component; 1 by default
        self.base_port = base_port
        self.host = host
        self.log_dir = log_dir
        self.extra_env = extra_env or {}
        # A throwaway installation (tests, benchmarks) gets keys of its own, kept nowhere.
        self.signing_keys = signing_keys or fresh_secrets()
        self.processes: dict[str, subprocess.Popen[bytes]] = {}

    def url(self, name: str) -> str:
        return f"http://{self.host}:{self.base_port + BY_NAME[name].offset}"

    def env(self, component: Component) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            {
                "DATABASE_URL": self.database_urls[component.name],
                **{f"{c.name.upper()}_URL": self.url(c.name) for c in COMPONENTS},
                "LOG_JSON": env.get("LOG_JSON", "true"),
                "PYTHONUNBUFFERED": "1",
            }
        )
        env.update(self.signing_keys)
        if component.name != "gateway":
            # Only the gateway signs and reads people's own tokens.
            env.pop("SUNSHINE_USER_TOKEN_SECRET", None)
        # Applications and the hall hold personal data, each under a key of its own (the hall's
        # reaches it as PERSONAL_DATA_KEY); the other components get none.
        hall_key = env.pop("HALL_PERSONAL_DATA_KEY", None)
        if component.name == "hall" and hall_key:
            env["PERSONAL_DATA_KEY"] = hall_key
        elif component.name != "applications":
            env.pop("PERSONAL_DATA_KEY", None)
        env.update(self.extra_env)
        return env

    def migrate(self) -> None:
        for component in COMPONENTS:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "alembic",
                    "-c",
                    str(component.alembic_ini),
                    "upgrade",
                    "heads",
                ],
                env=self.env(component),
                check=True,
                stdout=subprocess.DEVNULL,
            )

    def load_demo(self, *, running: bool) -> None:
        """Each component that has demo data loads it (it skips itself when already loaded).

        The gateway's demo (the district, its units and users) loads before anything runs; the
        services' demos load once everything runs, because they wait for the units the gateway
        sends them through the outbox, as in any installation.
        """
        for component in COMPONENTS:
            if (component.name != "gateway") != running:
                continue
            if importlib.util.find_spec(f"{component.package}.demo") is None:
                continue
            subprocess.run(
                [sys.executable, "-m", f"{component.package}.demo"],
                env=self.env(component),
                check=True,
            )

    def start(self, name: str | None = None) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        for component in COMPONENTS if name is None else (BY_NAME[name],):
            port = self.base_port + component.offset
            log = open(self.log_dir / f"{component.name}.log", "ab")  # noqa: SIM115
            self.processes[component.name] = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "uvicorn",
                    f"{component.package}.main:app",
                    "--host",
                    self.host,
                    "--port",
                    str(port),
                    "--no-access-log",
                    *(
                        ["--workers", str(n)]
                        if (n := self.workers.get(component.name, 1)) > 1
                        else []
                    ),
                ],
                env=self.env(component),
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=ROOT,
            )
        for component in COMPONENTS if name is None else (BY_NAME[name],):
            self.wait_ready(component.name)

    def wait_ready(self, name: str) -> None:
        timeout = self.ready_timeout
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            process = self.processes[name]
            if process.poll() is not None:
                raise RuntimeError(
                    f"{name} exited with {process.returncode}; see {self.log_dir}/{name}.log"
                )
            try:
                with urllib.request.urlopen(f"{self.url(name)}/readyz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.2)
        raise TimeoutError(f"{name} not ready after {timeout}s; see {self.log_dir}/{name}.log")

    def stop(self, name: str | None = None) -> None:
        names = list(self.processes) if name is None else [name]
        for each in names:
            process = self.processes.pop(each, None)
            if process is None:
                continue
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def serve(self, banner: str) -> None:
        """Load the demo, start everything, say `banner`, and run until Ctrl-C, SIGTERM or a
        process dies; every process is stopped on the way out, whatever happened."""
        self.load_demo(running=False)
        stopping = False

        def _stop(*_: object) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, _stop)
        signal.signal(signal.SIGTERM, _stop)
        try:
            self.start()
            self.load_demo(running=True)
            print(banner, flush=True)
            while not stopping:
                for name, process in self.processes.items():
                    if process.poll() is not None:
                        print(
                            f"{name} stopped unexpectedly (exit {process.returncode}); see logs",
                            flush=True,
                        )
                        stopping = True
                time.sleep(0.5)
        finally:
            self.stop()


def sqlite_urls(directory: Path) -> dict[str, str]:
    directory.mkdir(parents=True, exist_ok=True)
    return {c.name: f"sqlite+aiosqlite:///{directory / c.name}.db" for c in COMPONENTS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=["run", "migrate"])
    parser.add_argument(
        "--data", type=Path, default=ROOT / "var", help="folder of the SQLite files"
    )
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    args = parser.parse_args()

    stack = Stack(
        sqlite_urls(args.data),
        base_port=args.port,
        host=args.host,
        log_dir=args.data / "log",
        signing_keys=local_secrets(args.data / "secrets.env"),
    )
    stack.migrate()
    if args.command == "migrate":
        return
    stack.serve(
        f"\n  阳光政务 Sunshine is running at {stack.url('gateway')}/\n"
        f"  API docs: {stack.url('gateway')}/docs   logs: {args.data / 'log'}/\n"
        f"  Demo accounts: office, publisher, reviewer, handler, clerk, supervisor, admin"
        f" — password Sunshine@2026\n  Press Ctrl-C to stop.\n"
    )


if __name__ == "__main__":
    main()
