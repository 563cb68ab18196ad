"""Checks of deploy/: run by scripts/validate-deploy.sh (from the repository root).

Prints one line per check (`ok`, `FAIL` or `skip`) and exits 1 when any check failed.
"""

from __future__ import annotations

import configparser
import importlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
sys.path.insert(0, str(DEPLOY / "tools"))
import render  # noqa: E402

# name, python package, source dir, port: the same table as scripts/stack.py
COMPONENTS = {
    "gateway": ("sunshine_gateway", "gateway", 8000),
    "catalog": ("sunshine_catalog", "services/catalog", 8001),
    "applications": ("sunshine_applications", "services/applications", 8002),
    "hall": ("sunshine_hall", "services/hall", 8003),
    "reporting": ("sunshine_reporting", "services/reporting", 8004),
}
TARGETS = ["base", "overlays/district", "overlays/province"]
K8S_VERSIONS = ["1.29", None]  # oldest supported, newest schemas shipped by kubernetes-validate
IMAGE_NAME = "registry.example.invalid/sunshine/sunshine"
# variables read by deploy/docker/entrypoint.sh or by images other than ours
EXTRA_ENV = {
    "PORT",
    "HOST",
    "FORWARDED_ALLOW_IPS",
    "KEEP_ALIVE_SECONDS",
    "GRACEFUL_SHUTDOWN_SECONDS",
    "APP_ROOT",
    "PYTHONUNBUFFERED",
    "PYTHONDONTWRITEBYTECODE",
    "XDG_CACHE_HOME",
    "PATH",
    *(f"DATABASE_URL_{c.upper()}" for c in COMPONENTS),
}
THIRD_PARTY_IMAGES = ("postgres:15-", "redis:7.")
FOREIGN_ENV = {"POSTGRES_USER", "POSTGRES_DB", "POSTGRES_PASSWORD", "PGDATA"}

failures = 0


def report(status: str, name: str, detail: str = "") -> None:
    global failures
    if status == "FAIL":
        failures += 1
    print(f"{status:<4}  {name}" + (f": {detail}" if detail else ""), flush=True)


class KnownGap(Exception):
    """A known gap outside deploy/: printed as `warn`, does not fail the run."""


def check(name: str, fn: Callable[[], str | None]) -> Any:
    """Run fn; it returns a detail string or raises AssertionError (fail) / SkipCheck."""
    try:
        detail = fn()
    except SkipCheck as exc:
        report("skip", name, str(exc))
    except KnownGap as exc:
        report("warn", name, str(exc))
    except AssertionError as exc:
        report("FAIL", name, str(exc) or "assertion failed")
    except Exception as exc:
        report("FAIL", name, f"{type(exc).__name__}: {exc}")
    else:
        report("ok", name, detail or "")


class SkipCheck(Exception):
    pass


def problems(found: list[str]) -> None:
    if found:
        raise AssertionError(
            "; ".join(found[:12]) + (f" (+{len(found) - 12} more)" if len(found) > 12 else "")
        )


# ------------------------------------------------------------------------------------------------
# YAML
# ------------------------------------------------------------------------------------------------


def yaml_files() -> list[Path]:
    return sorted(p for p in DEPLOY.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def check_yaml_parses() -> str:
    bad = []
    for path in yaml_files():
        try:
            with path.open(encoding="utf-8") as f:
                list(yaml.safe_load_all(f))
        except yaml.YAMLError as exc:
            bad.append(f"{path.relative_to(ROOT)}: {exc}")
    problems(bad)
    return f"{len(yaml_files())} files"


def check_yamllint() -> str:
    exe = Path(sys.executable).with_name("yamllint")
    if not exe.exists():
        raise SkipCheck("yamllint is not installed in the venv (PyYAML parse only)")
    result = subprocess.run(
        [str(exe), "-f", "parsable", "-s", "-c", str(DEPLOY / ".yamllint.yaml"), str(DEPLOY)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout.strip() or result.stderr.strip()
    return "deploy/.yamllint.yaml"


# ------------------------------------------------------------------------------------------------
# Kustomize
# ------------------------------------------------------------------------------------------------

rendered: dict[str, list[dict[str, Any]]] = {}


def kustomize_command() -> list[str] | None:
    if os.environ.get("VALIDATE_RENDERER") == "python":  # exercise the fallback renderer
        return None
    if shutil.which("kubectl"):
        return ["kubectl", "kustomize"]
    if shutil.which("kustomize"):
        return ["kustomize", "build"]
    return None


def check_render(target: str) -> str:
    directory = K8S / target
    ours = render.render(directory)
    command = kustomize_command()
    if command is None:
        rendered[target] = ours
        return f"{len(ours)} objects (deploy/tools/render.py; no kustomize binary)"
    result = subprocess.run([*command, str(directory)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr.strip()
    theirs = [d for d in yaml.safe_load_all(result.stdout) if d]
    rendered[target] = theirs
    # the Python renderer must agree with kustomize, so it is a faithful fallback
    mine = {render.key(o): o for o in ours}
    ref = {render.key(o): o for o in theirs}
    diff = sorted(set(mine) ^ set(ref)) + sorted(k for k in ref if k in mine and mine[k] != ref[k])
    assert not diff, f"deploy/tools/render.py differs from {' '.join(command)} on {diff}"
    return f"{len(theirs)} objects ({' '.join(command)}; render.py agrees)"


def check_schemas(target: str) -> str:
    try:
        import kubernetes_validate
        from kubernetes_validate import utils as kv_utils
    except ImportError as exc:
        raise SkipCheck("kubernetes-validate is not installed") from exc
    latest = ".".join(str(kv_utils.latest_version()).split(".")[:2])
    versions = [v or latest for v in K8S_VERSIONS]
    bad = []
    for version in versions:
        for obj in rendered[target]:
            try:
                kubernetes_validate.validate(obj, version, strict=True)
            except kubernetes_validate.ValidationError as exc:
                path = ".".join(str(p) for p in exc.path)
                bad.append(
                    f"{version} {obj['kind']}/{obj['metadata']['name']} {path}: {exc.message}"
                )
            except (
                kubernetes_validate.SchemaNotFoundError,
                kubernetes_validate.InvalidSchemaError,
            ) as exc:
                bad.append(f"{version} {obj['kind']}/{obj['metadata']['name']}: {exc}")
    problems(bad)
    return f"{len(rendered[target])} objects, strict, Kubernetes {' and '.join(versions)}"


def pod_templates(objects: list[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    for obj in objects:
        if obj["kind"] in ("Deployment", "StatefulSet", "DaemonSet", "Job"):
            yield obj, obj["spec"]["template"]
        elif obj["kind"] == "CronJob":
            yield obj, obj["spec"]["jobTemplate"]["spec"]["template"]


def settings_env_names() -> set[str]:
    """Environment variables the components' pydantic settings read."""
    from pydantic_settings import BaseSettings

    modules = ["sunshine_kit.settings"]
    for package, _, _ in COMPONENTS.values():
        modules.append(f"{package}.settings")
    classes: set[type] = set()
    for name in modules:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, BaseSettings)
                and value is not BaseSettings
            ):
                classes.add(value)
    names: set[str] = set()
    for cls in classes:
        for field_name, field in cls.model_fields.items():
            alias = (
                field.validation_alias if isinstance(field.validation_alias, str) else field.alias
            )
            names.add((alias or field_name).upper())
    assert "DATABASE_URL" in names and "SUNSHINE_JWT_SECRET" in names, names
    return names


def external_secret_keys() -> dict[str, set[str]]:
    """Secrets that installations create out of band: their documented keys."""
    example = render.load_docs(K8S / "base" / "secret.example.yaml")
    return {
        d["metadata"]["name"]: set(d.get("stringData", {})) | set(d.get("data", {}))
        for d in example
    }


def check_workloads(target: str) -> str:
    objects = rendered[target]
    bad: list[str] = []
    config = {
        o["metadata"]["name"]: set(o.get("data", {})) for o in objects if o["kind"] == "ConfigMap"
    }
    secrets = {
        o["metadata"]["name"]: set(o.get("stringData", {})) | set(o.get("data", {}))
        for o in objects
        if o["kind"] == "Secret"
    }
    for name, keys in external_secret_keys().items():
        secrets.setdefault(name, keys)
    known_env = settings_env_names() | EXTRA_ENV
    services = {o["metadata"]["name"]: o for o in objects if o["kind"] == "Service"}
    n = 0
    for obj, template in pod_templates(objects):
        n += 1
        where = f"{obj['kind']}/{obj['metadata']['name']}"
        spec = template["spec"]
        psc = spec.get("securityContext", {})
        if psc.get("runAsNonRoot") is not True:
            bad.append(f"{where}: pod securityContext.runAsNonRoot is not true")
        if not psc.get("runAsUser"):
            bad.append(f"{where}: pod securityContext.runAsUser is not a non-zero uid")
        if spec.get("automountServiceAccountToken") is not False:
            bad.append(f"{where}: automountServiceAccountToken is not false")
        volumes = {v["name"]: v for v in spec.get("volumes", [])}
        ours = False
        for kind in ("initContainers", "containers"):
            for c in spec.get(kind, []):
                cw = f"{where} {c['name']}"
                ours |= c["image"].startswith(IMAGE_NAME + ":")
                if not c["image"].startswith((IMAGE_NAME + ":", *THIRD_PARTY_IMAGES)):
                    bad.append(
                        f"{cw}: image {c['image']} is neither {IMAGE_NAME}:<tag> "
                        "nor a pinned third-party image"
                    )
                res = c.get("resources", {})
                for part in ("requests", "limits"):
                    for resource in ("cpu", "memory"):
                        if resource not in res.get(part, {}):
                            bad.append(f"{cw}: no resources.{part}.{resource}")
                csc = c.get("securityContext", {})
                if csc.get("readOnlyRootFilesystem") is not True:
                    bad.append(f"{cw}: readOnlyRootFilesystem is not true")
                if csc.get("allowPrivilegeEscalation") is not False:
                    bad.append(f"{cw}: allowPrivilegeEscalation is not false")
                if "ALL" not in csc.get("capabilities", {}).get("drop", []):
                    bad.append(f"{cw}: capabilities do not drop ALL")
                if kind == "containers" and obj["kind"] != "Job":
                    for probe in ("livenessProbe", "readinessProbe"):
                        if probe not in c:
                            bad.append(f"{cw}: no {probe}")
                for mount in c.get("volumeMounts", []):
                    if mount["name"] not in volumes and not any(
                        t["metadata"]["name"] == mount["name"]
                        for t in obj["spec"].get("volumeClaimTemplates", [])
                    ):
                        bad.append(f"{cw}: volumeMount {mount['name']} has no volume")
                if c["image"].startswith(IMAGE_NAME + ":"):
                    tmp = [m for m in c.get("volumeMounts", []) if m["mountPath"] == "/tmp"]
                    no_tmp = not tmp or "emptyDir" not in volumes.get(tmp[0]["name"], {})
                    if no_tmp and (kind == "containers" or c.get("args", [""])[0] == "migrate"):
                        bad.append(f"{cw}: no emptyDir on /tmp (read-only root filesystem)")
                # every referenced ConfigMap/Secret and key exists, every variable is read
                names: set[str] = set()
                for source in c.get("envFrom", []):
                    if "configMapRef" in source:
                        ref = source["configMapRef"]["name"]
                        if ref not in config:
                            bad.append(f"{cw}: envFrom ConfigMap {ref} does not exist")
                        names |= config.get(ref, set())
                    if "secretRef" in source:
                        ref = source["secretRef"]["name"]
                        if ref not in secrets:
                            bad.append(f"{cw}: envFrom Secret {ref} does not exist")
                        names |= secrets.get(ref, set())
                for env in c.get("env", []):
                    names.add(env["name"])
                    ref = env.get("valueFrom", {})
                    if "secretKeyRef" in ref:
                        s, k = ref["secretKeyRef"]["name"], ref["secretKeyRef"]["key"]
                        if k not in secrets.get(s, set()):
                            bad.append(f"{cw}: env {env['name']}: Secret {s} has no key {k}")
                    if "configMapKeyRef" in ref:
                        m, k = ref["configMapKeyRef"]["name"], ref["configMapKeyRef"]["key"]
                        if k not in config.get(m, set()):
                            bad.append(f"{cw}: env {env['name']}: ConfigMap {m} has no key {k}")
                if c["image"].startswith(IMAGE_NAME + ":"):
                    unknown = sorted(names - known_env)
                    if unknown:
                        bad.append(f"{cw}: variables no component reads: {unknown}")
                    if c.get("args", [None])[0] in ("serve", "migrate", "demo"):
                        for required in ("DATABASE_URL", "SUNSHINE_JWT_SECRET", "SUNSHINE_ENV"):
                            if required not in names:
                                bad.append(f"{cw}: {required} is not set")
                else:
                    unknown = sorted(names - FOREIGN_ENV)
                    if unknown:
                        bad.append(f"{cw}: unexpected variables {unknown}")
        if ours and obj["kind"] == "Deployment":
            name = obj["metadata"]["name"]
            if name not in COMPONENTS:
                bad.append(f"{where}: not a known component")
                continue
            _, _, port = COMPONENTS[name]
            main = spec["containers"][0]
            if main.get("args") != ["serve", name]:
                bad.append(f"{where}: args are not [serve, {name}]")
            if [p["containerPort"] for p in main.get("ports", [])] != [port]:
                bad.append(f"{where}: containerPort is not {port}")
            if [i.get("args") for i in spec.get("initContainers", [])] != [["migrate", name]]:
                bad.append(f"{where}: no initContainer running `migrate {name}`")
            for probe, path in (("livenessProbe", "/healthz"), ("readinessProbe", "/readyz")):
                if main.get(probe, {}).get("httpGet", {}).get("path") != path:
                    bad.append(f"{where}: {probe} is not GET {path}")
            ann = template["metadata"].get("annotations", {})
            if ann.get("prometheus.io/scrape") != "true" or ann.get("prometheus.io/port") != str(
                port
            ):
                bad.append(f"{where}: prometheus.io annotations missing or wrong port")
            svc = services.get(name)
            if not svc or [p["port"] for p in svc["spec"]["ports"]] != [port]:
                bad.append(f"{where}: no Service {name} on port {port}")
    problems(bad)
    return f"{n} workloads"


def labels_match(selector: dict[str, Any], labels: dict[str, str]) -> bool:
    for k, v in selector.get(
        "matchLabels", selector if "matchExpressions" not in selector else {}
    ).items():
        if labels.get(k) != v:
            return False
    for expr in selector.get("matchExpressions", []):
        op, vals = expr["operator"], expr.get("values", [])
        if op == "In" and labels.get(expr["key"]) not in vals:
            return False
        if op == "NotIn" and labels.get(expr["key"]) in vals:
            return False
        if op == "Exists" and expr["key"] not in labels:
            return False
    return True


def check_references(target: str) -> str:
    objects = rendered[target]
    bad: list[str] = []
    pods = [(o, t["metadata"].get("labels", {}), t) for o, t in pod_templates(objects)]
    by_key = {render.key(o): o for o in objects}
    config = {o["metadata"]["name"]: o for o in objects if o["kind"] == "ConfigMap"}
    namespaces = {o["metadata"].get("namespace") for o in objects if o["kind"] != "Namespace"}
    if len(namespaces) != 1:
        bad.append(f"objects are in several namespaces {namespaces}")
    if target != "base":
        declared = [o["metadata"]["name"] for o in objects if o["kind"] == "Namespace"]
        if declared != [n for n in namespaces if n]:
            bad.append(f"Namespace objects {declared} do not match the namespace {namespaces}")
    for o in objects:
        where = f"{o['kind']}/{o['metadata']['name']}"
        if o["kind"] in ("Deployment", "StatefulSet") and not labels_match(
            o["spec"]["selector"], o["spec"]["template"]["metadata"]["labels"]
        ):
            bad.append(f"{where}: selector does not match its template")
        if o["kind"] == "Service":
            sel = o["spec"].get("selector", {})
            targets = [t for _, labels, t in pods if labels_match({"matchLabels": sel}, labels)]
            if not targets:
                bad.append(f"{where}: selects no pods")
            for port in o["spec"]["ports"]:
                tp = port.get("targetPort", port["port"])
                for t in targets:
                    cports = [p for c in t["spec"]["containers"] for p in c.get("ports", [])]
                    if not any(tp in (p.get("name"), p["containerPort"]) for p in cports):
                        bad.append(f"{where}: targetPort {tp} not exposed by its pods")
        selector = {"PodDisruptionBudget": "selector", "NetworkPolicy": "podSelector"}.get(
            o["kind"]
        )
        if selector and not any(labels_match(o["spec"][selector], lb) for _, lb, _ in pods):
            bad.append(f"{where}: selects no pods")
        if o["kind"] == "HorizontalPodAutoscaler":
            ref = o["spec"]["scaleTargetRef"]
            if (ref["kind"], ref["name"]) not in by_key:
                bad.append(f"{where}: scale target {ref['kind']}/{ref['name']} does not exist")
        if o["kind"] == "Ingress":
            for rule in o["spec"].get("rules", []):
                for p in rule.get("http", {}).get("paths", []):
                    svc = p["backend"]["service"]
                    s = by_key.get(("Service", svc["name"]))
                    port = svc["port"].get("name") or svc["port"].get("number")
                    if not s or not any(
                        port in (sp.get("name"), sp["port"]) for sp in s["spec"]["ports"]
                    ):
                        bad.append(f"{where}: backend {svc['name']}:{port} does not exist")
                    if svc["name"] != "gateway":
                        bad.append(
                            f"{where}: exposes {svc['name']} (only the gateway may be exposed)"
                        )
    # the component URLs point at the Services
    urls = config.get("sunshine-config", {}).get("data", {})
    for name, (_, _, port) in COMPONENTS.items():
        url = urls.get(f"{name.upper()}_URL")
        if url != f"http://{name}:{port}":
            bad.append(f"sunshine-config {name.upper()}_URL is {url!r}, not http://{name}:{port}")
    gw = config.get("sunshine-gateway-config", {}).get("data", {})
    gateways = by_key.get(("Deployment", "gateway"), {}).get("spec", {}).get("replicas", 1)
    hpa = by_key.get(("HorizontalPodAutoscaler", "gateway"))
    if (gateways > 1 or hpa) and gw.get("RATE_LIMIT_STORAGE", "memory://").startswith("memory://"):
        bad.append("several gateway replicas with in-memory rate limits (use redis)")
    storage = gw.get("RATE_LIMIT_STORAGE", "")
    if storage.startswith("redis://"):
        host = storage.split("://", 1)[1].split(":")[0].split("/")[0]
        if ("Service", host) not in by_key:
            bad.append(f"RATE_LIMIT_STORAGE points at {host}, which is no Service")
    problems(bad)
    return f"selectors, ports, namespace, URLs, HPA and Ingress targets ({len(objects)} objects)"


def check_overlay_shape() -> str:
    bad = []
    by = {t: {render.key(o): o for o in rendered.get(t, [])} for t in TARGETS}
    d, p = by["overlays/district"], by["overlays/province"]
    for name in COMPONENTS:
        if d.get(("Deployment", name), {}).get("spec", {}).get("replicas") != 1:
            bad.append(f"district: {name} is not one replica")
    if ("StatefulSet", "postgres") not in d or ("Job", "demo-data") not in d:
        bad.append("district: no in-cluster postgres or no demo-data Job")
    for name in ("gateway", "catalog"):
        if p.get(("Deployment", name), {}).get("spec", {}).get("replicas") != 3:
            bad.append(f"province: {name} is not three replicas")
        if ("HorizontalPodAutoscaler", name) not in p:
            bad.append(f"province: no HorizontalPodAutoscaler for {name}")
    if ("Deployment", "redis") not in p or ("Service", "redis") not in p:
        bad.append("province: no redis")
    if ("StatefulSet", "postgres") in p or ("Secret", "sunshine-secrets") in p:
        bad.append("province: must use the external PostgreSQL and an out-of-band Secret")
    if any(o["kind"] in ("Secret", "Namespace") for o in by["base"].values()):
        bad.append("base: contains a Secret or Namespace")
    problems(bad)
    return "district: 1 replica + postgres + demo; province: 3 gateway/catalog + HPA + redis"


def check_secrets_are_placeholders() -> str:
    bad = []
    count = 0
    for path in yaml_files():
        for doc in render.load_docs(path) if "compose" not in path.name else []:
            if isinstance(doc, dict) and doc.get("kind") == "Secret":
                if "data" in doc:
                    bad.append(f"{path.relative_to(ROOT)}: use stringData placeholders, not data")
                for k, v in doc.get("stringData", {}).items():
                    count += 1
                    if "CHANGE-ME" not in str(v):
                        bad.append(f"{path.relative_to(ROOT)}: {k} is not a CHANGE-ME placeholder")
    for line in (DEPLOY / ".env.example").read_text(encoding="utf-8").splitlines():
        if re.match(r"^\w*(PASSWORD|SECRET)\w*=", line) and "CHANGE-ME" not in line:
            bad.append(f".env.example: {line.split('=')[0]} is not a CHANGE-ME placeholder")
    problems(bad)
    return f"{count} Secret values and .env.example are CHANGE-ME placeholders"


# ------------------------------------------------------------------------------------------------
# Dockerfile and entrypoint
# ------------------------------------------------------------------------------------------------


def check_dockerfile() -> str:
    try:
        from dockerfile_parse import DockerfileParser
    except ImportError as exc:
        raise SkipCheck("dockerfile-parse is not installed") from exc
    parser = DockerfileParser(path=str(DEPLOY / "Dockerfile"), cache_content=False)
    instructions = parser.structure
    bad = []
    stages: list[tuple[str, str]] = []
    for ins in instructions:
        if ins["instruction"] == "FROM":
            parts = ins["value"].split()
            stages.append(
                (parts[0], parts[2] if len(parts) > 2 and parts[1].upper() == "AS" else "")
            )
    names = [s[1] for s in stages]
    if names != ["frontend", "build", "runtime"]:
        bad.append(f"stages are {names}, expected frontend, build, runtime")
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    if "python:3.11-slim-bookworm" not in text or "node:20" not in text:
        bad.append("base images are not python:3.11-slim-bookworm and node:20")
    last = max(i for i, ins in enumerate(instructions) if ins["instruction"] == "FROM")
    final = instructions[last:]
    users = [i["value"] for i in final if i["instruction"] == "USER"]
    if (
        not users
        or users[-1].split(":")[0] in ("root", "0")
        or not users[-1].split(":")[0].isdigit()
    ):
        bad.append(
            f"final stage USER is {users[-1] if users else None} (want a numeric non-root uid)"
        )
    for wanted in ("HEALTHCHECK", "ENTRYPOINT", "CMD"):
        if not any(i["instruction"] == wanted for i in final):
            bad.append(f"final stage has no {wanted}")
    entrypoint = [i["value"] for i in final if i["instruction"] == "ENTRYPOINT"]
    if entrypoint and json.loads(entrypoint[-1]) != ["sunshine-entrypoint"]:
        bad.append(f"ENTRYPOINT is {entrypoint[-1]}")
    run_text = " ".join(i["value"] for i in final if i["instruction"] == "RUN")
    for pkg in ("fonts-noto-cjk", "libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz0b"):
        if pkg not in run_text:
            bad.append(f"runtime does not install {pkg}")
    # COPY sources exist in the build context (frontend/ may not exist yet)
    image_paths: list[str] = []
    for i, ins in enumerate(instructions):
        if ins["instruction"] != "COPY":
            continue
        parts = [p for p in ins["value"].split() if not p.startswith("--")]
        from_stage = re.search(r"--from=(\S+)", ins["value"])
        *sources, dest = parts
        if i >= last:
            image_paths.append(dest if dest.startswith("/") else "/app/" + dest)
        if from_stage:
            continue
        for src in sources:
            if src.startswith("frontend/") and not (ROOT / "frontend").exists():
                continue
            if not (ROOT / src).exists():
                bad.append(f"COPY source {src} does not exist")
    # what alembic needs in the image: each alembic.ini and the directories it names
    for name, (_, directory, _) in COMPONENTS.items():
        ini = ROOT / directory / "alembic.ini"
        cp = configparser.ConfigParser(interpolation=None)
        cp.read(ini)
        needed = [f"/app/{directory}/alembic.ini"]
        here = f"/app/{directory}"
        for option in ("script_location", "version_locations"):
            for loc in re.split(r"[:\s]+", cp.get("alembic", option, fallback="")):
                if loc:
                    loc = os.path.normpath(loc.replace("%(here)s", here))
                    needed.append(loc)
                    local = ROOT / os.path.relpath(loc, "/app")
                    if not local.exists():
                        bad.append(
                            f"{directory}/alembic.ini names {loc}, missing in the repository"
                        )
        for path in needed:
            if not any(
                path == p.rstrip("/") or path.startswith(p.rstrip("/") + "/") for p in image_paths
            ):
                bad.append(f"alembic needs {path} ({name}), not copied into the runtime image")
    if "SPA_DIR=/app/frontend/dist" not in text or "/app/frontend/dist" not in image_paths[-3:] + [
        p.rstrip("/") for p in image_paths
    ]:
        bad.append("the built SPA is not at SPA_DIR=/app/frontend/dist")
    problems(bad)
    user = users[-1] if users else None
    return f"stages {', '.join(names)}; USER {user}; HEALTHCHECK; alembic trees copied"


def check_dockerignore() -> str:
    path = DEPLOY / "Dockerfile.dockerignore"
    assert path.exists(), "deploy/Dockerfile.dockerignore is missing"
    patterns = [
        line.strip()
        for line in path.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    bad = []
    for wanted in (".venv", "node_modules", "var", ".git", "dist", "__pycache__"):
        if not any(wanted in p for p in patterns):
            bad.append(f"does not exclude {wanted}")
    for needed in ("migrations", "alembic.ini", "sunshine_", "package"):
        if any(needed in p and not p.startswith("!") for p in patterns):
            bad.append(f"excludes something the build needs ({needed})")
    problems(bad)
    return f"{len(patterns)} patterns"


def check_entrypoint() -> str:
    path = DEPLOY / "docker" / "entrypoint.sh"
    assert os.access(path, os.X_OK), "deploy/docker/entrypoint.sh is not executable"
    result = subprocess.run(["sh", "-n", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr.strip()
    text = path.read_text(encoding="utf-8")
    bad = []
    for name, (package, directory, port) in COMPONENTS.items():
        line = next((x for x in text.splitlines() if x.strip().startswith(f"{name})")), "")
        for part in (f"PACKAGE={package};", f"SOURCE_DIR={directory};", f"DEFAULT_PORT={port}"):
            if part not in line:
                bad.append(f"{name}: {part} missing")
    for flag in (
        "--proxy-headers",
        "--no-access-log",
        "--timeout-graceful-shutdown",
        "exec uvicorn",
        "upgrade heads",
    ):
        if flag not in text:
            bad.append(f"{flag} missing")
    if shutil.which("shellcheck"):
        sc = subprocess.run(["shellcheck", "-s", "sh", str(path)], capture_output=True, text=True)
        if sc.returncode != 0:
            bad.append(sc.stdout.strip())
    # the component table is the one scripts/stack.py uses
    stack = (ROOT / "scripts" / "stack.py").read_text(encoding="utf-8")
    for name, (package, directory, port) in COMPONENTS.items():
        if f'Component("{name}", "{package}", "{directory}", {port - 8000})' not in stack:
            bad.append(f"{name}: differs from scripts/stack.py")
    problems(bad)
    return "sh -n, component table matches scripts/stack.py" + (
        ", shellcheck" if shutil.which("shellcheck") else ""
    )


def check_packages_importable() -> str:
    bad = []
    for package, _, _ in COMPONENTS.values():
        try:
            importlib.import_module(f"{package}.main")
        except ModuleNotFoundError as exc:
            bad.append(f"{package}.main: {exc}")
    importlib.import_module("sunshine_gateway.demo")
    problems(bad)
    return "the five <package>.main modules and sunshine_gateway.demo import"


# ------------------------------------------------------------------------------------------------
# Compose
# ------------------------------------------------------------------------------------------------


def env_example() -> dict[str, str]:
    values = {}
    for line in (DEPLOY / ".env.example").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            k, _, v = line.partition("=")
            values[k.strip()] = v.strip()
    return values


def check_compose_cli() -> str:
    docker = shutil.which("docker")
    if not docker:
        raise SkipCheck("no docker client")
    probe = subprocess.run([docker, "compose", "version"], capture_output=True, text=True)
    if probe.returncode != 0:
        raise SkipCheck("docker client without the compose plugin (structural check below)")
    result = subprocess.run(
        [
            docker,
            "compose",
            "--env-file",
            str(DEPLOY / ".env.example"),
            "-f",
            str(DEPLOY / "compose.yaml"),
            "--profile",
            "demo",
            "config",
            "-q",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr.strip()
    return "docker compose config -q"


def check_compose_structure() -> str:
    data = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    text = (DEPLOY / "compose.yaml").read_text(encoding="utf-8")
    bad = []
    allowed_top = {"name", "services", "volumes", "networks", "configs", "secrets", "include"}
    for key in data:
        if key not in allowed_top and not key.startswith("x-"):
            bad.append(f"unknown top-level key {key}")
    services = data["services"]
    allowed_service = {
        "image",
        "build",
        "command",
        "entrypoint",
        "environment",
        "env_file",
        "depends_on",
        "ports",
        "volumes",
        "healthcheck",
        "restart",
        "user",
        "read_only",
        "tmpfs",
        "cap_drop",
        "security_opt",
        "stop_grace_period",
        "profiles",
        "networks",
        "labels",
    }
    for name, svc in services.items():
        for key in svc:
            if key not in allowed_service:
                bad.append(f"{name}: unknown key {key}")
        for dep, cond in (svc.get("depends_on") or {}).items():
            if dep not in services:
                bad.append(f"{name}: depends on unknown service {dep}")
            elif cond.get("condition") not in (
                "service_started",
                "service_healthy",
                "service_completed_successfully",
            ):
                bad.append(f"{name}: depends_on {dep} has condition {cond.get('condition')}")
            elif cond["condition"] == "service_healthy" and "healthcheck" not in services[dep]:
                bad.append(f"{name}: waits for {dep} to be healthy but it has no healthcheck")
            if services[dep].get("profiles") and not svc.get("profiles"):
                bad.append(
                    f"{name}: depends on {dep}, only in profiles {services[dep]['profiles']}"
                )
        hc = svc.get("healthcheck")
        if hc and (
            not isinstance(hc.get("test"), list) or hc["test"][0] not in ("CMD", "CMD-SHELL")
        ):
            bad.append(f"{name}: healthcheck.test must be a CMD list")
        for vol in svc.get("volumes", []):
            src = vol.split(":")[0]
            if src.startswith("."):
                if not (DEPLOY / src).exists():
                    bad.append(f"{name}: bind-mount source {src} does not exist")
            elif src not in (data.get("volumes") or {}):
                bad.append(f"{name}: named volume {src} is not declared")
        build = svc.get("build")
        if build:
            context = (DEPLOY / build["context"]).resolve()
            if context != ROOT or not (context / build["dockerfile"]).exists():
                bad.append(f"{name}: build context/dockerfile wrong")
    for name, (_, _, port) in COMPONENTS.items():
        svc = services.get(name)
        if not svc:
            bad.append(f"no service {name}")
            continue
        if svc.get("command") != ["serve", name]:
            bad.append(f"{name}: command is not [serve, {name}]")
        if "healthcheck" not in svc or f":{port}/" not in " ".join(svc["healthcheck"]["test"]):
            bad.append(f"{name}: no healthcheck on port {port}")
        if svc.get("user", "0").split(":")[0] in ("0", "root") or svc.get("read_only") is not True:
            bad.append(f"{name}: not non-root/read-only")
        env = svc.get("environment", {})
        if not str(env.get("DATABASE_URL", "")).endswith(f"/{name}"):
            bad.append(f"{name}: DATABASE_URL does not name database {name}")
        for other, (_, _, oport) in COMPONENTS.items():
            if env.get(f"{other.upper()}_URL") != f"http://{other}:{oport}":
                bad.append(f"{name}: {other.upper()}_URL is not http://{other}:{oport}")
        if (
            svc.get("depends_on", {}).get("migrate", {}).get("condition")
            != "service_completed_successfully"
        ):
            bad.append(f"{name}: does not wait for the migrations")
        known = settings_env_names() | EXTRA_ENV
        unknown = sorted(set(env) - known)
        if unknown:
            bad.append(f"{name}: variables no component reads: {unknown}")
    if services.get("gateway", {}).get("ports") != ["${GATEWAY_PORT:-8000}:8000"]:
        bad.append("gateway is not published on ${GATEWAY_PORT:-8000}:8000")
    if services.get("migrate", {}).get("command") != ["migrate-all"]:
        bad.append("no migrate service running migrate-all")
    defined = env_example()
    for var in sorted(set(re.findall(r"\$\{(\w+)", text))):
        if var not in defined:
            bad.append(f"${{{var}}} is not in .env.example")
    problems(bad)
    return f"{len(services)} services, depends_on, healthchecks, volumes, variables in .env.example"


def check_postgres_init() -> str:
    sql = (DEPLOY / "docker" / "postgres-init.sql").read_text(encoding="utf-8")
    from_sql = re.findall(r"^CREATE DATABASE (\w+);", sql, re.M)
    cm = next(
        d
        for d in render.load_docs(K8S / "components" / "postgres" / "postgres.yaml")
        if d["kind"] == "ConfigMap"
    )
    from_cm = re.findall(r"^CREATE DATABASE (\w+);", "".join(cm["data"].values()), re.M)
    assert from_sql == from_cm == list(COMPONENTS), f"sql {from_sql}, configmap {from_cm}"
    return "one database per component, compose and k8s agree"


def check_redis_client() -> str:
    uses = [
        t
        for t, objs in rendered.items()
        for o in objs
        if o["kind"] == "ConfigMap"
        and str(o.get("data", {}).get("RATE_LIMIT_STORAGE", "")).startswith("redis")
    ]
    if not uses:
        return "no overlay uses redis rate limits"
    pyproject = (ROOT / "gateway" / "pyproject.toml").read_text(encoding="utf-8")
    if "async-redis" in pyproject or "coredis" in pyproject:
        return f"{', '.join(uses)}: the gateway declares limits[async-redis]"
    raise KnownGap(
        f"{', '.join(uses)} set RATE_LIMIT_STORAGE=redis://, but gateway/pyproject.toml does not "
        "declare limits[async-redis] (coredis), so the image cannot reach redis"
    )


def main() -> int:
    check("yaml: every file under deploy/ parses", check_yaml_parses)
    check("yaml: yamllint", check_yamllint)
    for target in TARGETS:
        check(f"kustomize: render {target}", lambda t=target: check_render(t))
        if target not in rendered:
            continue
        check(f"schemas: {target}", lambda t=target: check_schemas(t))
        check(
            f"workloads: {target} (probes, resources, non-root, env refs)",
            lambda t=target: check_workloads(t),
        )
        check(f"references: {target}", lambda t=target: check_references(t))
    check("overlays: district and province shape", check_overlay_shape)
    check("gateway: redis client for shared rate limits", check_redis_client)
    check("secrets: placeholders only", check_secrets_are_placeholders)
    check("dockerfile: deploy/Dockerfile", check_dockerfile)
    check("dockerfile: deploy/Dockerfile.dockerignore", check_dockerignore)
    check("entrypoint: deploy/docker/entrypoint.sh", check_entrypoint)
    check("python: component entry points import", check_packages_importable)
    check("compose: docker compose config", check_compose_cli)
    check("compose: structure of deploy/compose.yaml", check_compose_structure)
    check("postgres: init SQL", check_postgres_init)
    print(f"{'FAILED' if failures else 'passed'}: {failures} failing check(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
