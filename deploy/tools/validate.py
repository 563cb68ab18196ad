"""Checks of deploy/: run by scripts/validate-deploy.sh (from the repository root).

Prints one line per check (`ok`, `FAIL` or `skip`) and exits 1 when any check failed.
"""

from __future__ import annotations

import configparser
import importlib
import ipaddress
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
SERVICES = [name for name in COMPONENTS if name != "gateway"]
# The signing keys and their keys in the Secret `sunshine-secrets`: the users' key is the
# gateway's alone; the components' key is every component's; the jobs (migrate, demo) get neither.
USER_KEY, INTERNAL_KEY = "SUNSHINE_USER_TOKEN_SECRET", "SUNSHINE_INTERNAL_TOKEN_SECRET"
SIGNING_KEYS = {USER_KEY: "user-token-secret", INTERNAL_KEY: "internal-token-secret"}
# The key of applicants' personal data (encrypted at rest) and, during a rotation, the keys before
# it: the applications service's alone, wherever its code runs (the app, its migrations, which
# encrypt, its demo loader); no other component, container or job gets them.
PERSONAL_KEY, PERSONAL_OLD_KEYS = "PERSONAL_DATA_KEY", "PERSONAL_DATA_OLD_KEYS"
PERSONAL_KEYS = {PERSONAL_KEY: "personal-data-key", PERSONAL_OLD_KEYS: "personal-data-old-keys"}
PERSONAL_HOLDERS = {"applications", "all"}  # `all`: Compose's migrate-all (the entrypoint hides
# the keys from the other four components' migrations, see check_entrypoint_personal_keys)
# Secret keys absent from the examples, referred to with `optional: true` (rotations only).
# The hall keeps personal data too (the applicants of its cases), under a key of its own: the
# same variables inside its app container, from keys of their own in the Secret and deploy/.env.
# Its migrations need none.
HALL_PERSONAL_KEYS = {
    PERSONAL_KEY: "hall-personal-data-key",
    PERSONAL_OLD_KEYS: "hall-personal-data-old-keys",
}
HALL_COMPOSE_VARS = {
    PERSONAL_KEY: "HALL_PERSONAL_DATA_KEY",
    PERSONAL_OLD_KEYS: "HALL_PERSONAL_DATA_OLD_KEYS",
}
OPTIONAL_SECRET_KEYS = {PERSONAL_KEYS[PERSONAL_OLD_KEYS], HALL_PERSONAL_KEYS[PERSONAL_OLD_KEYS]}
SECRET_VARS = {**SIGNING_KEYS, **PERSONAL_KEYS}
SECRET_NAME = "sunshine-secrets"
# Who the gateway believes about the client's address: uvicorn's list and the application's own.
PROXY_ENV = ("FORWARDED_ALLOW_IPS", "TRUSTED_PROXIES")
# Set by deploy/ for a setting the components are about to read (printed as `warn` until then).
ANNOUNCED_ENV = {"TRUSTED_PROXIES"}
# The NetworkPolicy peers documented in deploy/README.md (Network policies).
INGRESS_CONTROLLER = {
    "namespace": "ingress-nginx",
    "pod_labels": {
        "app.kubernetes.io/name": "ingress-nginx",
        "app.kubernetes.io/component": "controller",
    },
}
MONITORING_LABEL = ("sunshine-metrics-scraper", "true")

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
    assert {"DATABASE_URL", USER_KEY, INTERNAL_KEY, PERSONAL_KEY, PERSONAL_OLD_KEYS} <= names, names
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
    known_env = settings_env_names() | EXTRA_ENV | ANNOUNCED_ENV
    config_data = {
        o["metadata"]["name"]: o.get("data", {}) for o in objects if o["kind"] == "ConfigMap"
    }
    services = {o["metadata"]["name"]: o for o in objects if o["kind"] == "Service"}
    served: set[str] = set()
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
                        optional = ref["secretKeyRef"].get("optional") is True
                        if k in OPTIONAL_SECRET_KEYS and not optional:
                            bad.append(
                                f"{cw}: env {env['name']}: Secret key {k} is set during rotations"
                                " only, refer to it with optional: true"
                            )
                        elif k not in secrets.get(s, set()) and not (
                            optional and k in OPTIONAL_SECRET_KEYS
                        ):
                            bad.append(f"{cw}: env {env['name']}: Secret {s} has no key {k}")
                    if "configMapKeyRef" in ref:
                        m, k = ref["configMapKeyRef"]["name"], ref["configMapKeyRef"]["key"]
                        if k not in config.get(m, set()):
                            bad.append(f"{cw}: env {env['name']}: ConfigMap {m} has no key {k}")
                if c["image"].startswith(IMAGE_NAME + ":"):
                    unknown = sorted(names - known_env)
                    if unknown:
                        bad.append(f"{cw}: variables no component reads: {unknown}")
                    args = c.get("args", [None])
                    env = resolve_env(c, config_data)
                    if args[0] in ("serve", "migrate", "demo"):
                        role = (
                            "gateway"
                            if args[:2] == ["serve", "gateway"]
                            else ("service" if args[0] == "serve" else "job")
                        )
                        component = args[1] if len(args) > 1 else "gateway"  # demo's default
                        if args[0] == "serve":
                            served.add(args[1] if len(args) > 1 else "")
                        bad += [f"{cw}: {p}" for p in env_problems(role, env, component=component)]
                    elif "sunshine_applications" not in " ".join(map(str, args)):
                        # anything else of our image (e.g. the demo Job's wait-for-gateway) gets
                        # no personal data key unless it runs the applications' own code
                        for var in PERSONAL_KEYS:
                            if var in env:
                                bad.append(f"{cw}: {var} is set: {PERSONAL_ONLY}")
                else:
                    unknown = sorted(names - FOREIGN_ENV)
                    if unknown:
                        bad.append(f"{cw}: unexpected variables {unknown}")
                # the signing keys never travel wholesale (envFrom) nor under another name
                for source in c.get("envFrom", []):
                    if source.get("secretRef", {}).get("name") == SECRET_NAME:
                        bad.append(f"{cw}: envFrom Secret {SECRET_NAME} hands out every key")
                for env in c.get("env", []):
                    ref = env.get("valueFrom", {}).get("secretKeyRef", {})
                    for var, key in SECRET_VARS.items():
                        if ref.get("key") == key and env["name"] != var:
                            bad.append(f"{cw}: Secret key {key} as {env['name']}")
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
    missing = sorted(set(COMPONENTS) - served)
    if missing:
        bad.append(f"no container serves {missing}")
    problems(bad)
    return (
        f"{n} workloads; signing keys: users' on the gateway only, components' on all five;"
        " personal data key: applications' app and migrations only"
    )


def resolve_env(container: dict[str, Any], config: dict[str, dict[str, str]]) -> dict[str, Any]:
    """The container's variables as Kubernetes sets them (envFrom ConfigMaps in order, then env):
    a value, or ("secret", name, key) for one read from a Secret (envFrom Secrets are refused
    elsewhere)."""
    env: dict[str, Any] = {}
    for source in container.get("envFrom", []):
        if "configMapRef" in source:
            env.update(config.get(source["configMapRef"]["name"], {}))
    for var in container.get("env", []):
        ref = var.get("valueFrom", {})
        if "secretKeyRef" in ref:
            env[var["name"]] = ("secret", ref["secretKeyRef"]["name"], ref["secretKeyRef"]["key"])
        elif "configMapKeyRef" in ref:
            m, k = ref["configMapKeyRef"]["name"], ref["configMapKeyRef"]["key"]
            env[var["name"]] = config.get(m, {}).get(k)
        else:
            env[var["name"]] = var.get("value", "")
    return env


PERSONAL_ONLY = (
    "personal data keys are the applications' (and the hall's own) alone, never another's"
)


def env_problems(
    role: str, env: dict[str, Any], *, component: str, compose: bool = False
) -> list[str]:
    """What is wrong with the variables of one container of our image.

    role: `gateway` or `service` (serving a component) or `job` (migrate, demo); component: whose
    code it runs (`all` for migrate-all). A Kubernetes signing or personal data key must come from
    its key of the Secret; a Compose one from its own variable."""
    bad = []
    hall = component == "hall"
    holds_personal = component in PERSONAL_HOLDERS or (hall and role == "service")
    for var, key in (HALL_PERSONAL_KEYS if hall else PERSONAL_KEYS).items():
        if not holds_personal:
            if var in env:
                bad.append(f"{var} is set: {PERSONAL_ONLY}")
            continue
        if var not in env:
            bad.append(f"{var} is not set ({component} refuses to start without it)")
            continue
        if compose:
            source = HALL_COMPOSE_VARS[var] if hall else var
            want = f"${{{source}:?" if var == PERSONAL_KEY else f"${{{source}:-"
            if not str(env[var]).startswith(want):
                bad.append(f"{var} does not come from {want}...}}")
        elif env[var] != ("secret", SECRET_NAME, key):
            bad.append(f"{var} does not come from {SECRET_NAME}/{key}")
    if "DATABASE_URL" not in env and not (compose and role == "job"):
        bad.append("DATABASE_URL is not set")
    if env.get("SUNSHINE_ENV") != "production":
        bad.append(f"SUNSHINE_ENV is {env.get('SUNSHINE_ENV')!r}, not production")
    wanted = {"gateway": [USER_KEY, INTERNAL_KEY], "service": [INTERNAL_KEY], "job": []}[role]
    for var, key in SIGNING_KEYS.items():
        if var in wanted and var not in env:
            bad.append(f"{var} is not set")
        elif var not in wanted and var in env:
            bad.append(
                f"{var} is set: "
                + (
                    "only the gateway holds the users' key"
                    if var == USER_KEY
                    else "a job signs nothing"
                )
            )
        elif var in env:
            source = env[var]
            want = f"${{{var}:?" if compose else ("secret", SECRET_NAME, key)
            if (compose and not str(source).startswith(want)) or (not compose and source != want):
                bad.append(
                    f"{var} does not come from {want if compose else SECRET_NAME + '/' + key}"
                )
    for var in PROXY_ENV:
        value = env.get(var)
        if role == "gateway" and value is None:
            bad.append(f"{var} is not set (whom the gateway believes about client addresses)")
        if role != "gateway" and value is not None and role != "job":
            bad.append(f"{var} is set on a service, which trusts no proxy headers")
        if value is not None and "*" in str(value):
            bad.append(f"{var}={value!r} trusts every client with its own address")
    return bad


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
            # nothing reaches a pod from outside the cluster except through the Ingress
            if o["spec"].get("type", "ClusterIP") != "ClusterIP" or o["spec"].get("externalIPs"):
                bad.append(
                    f"{where}: type {o['spec'].get('type')} "
                    "(only ClusterIP; the Ingress is the way in)"
                )
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
            backends = [
                p
                for rule in o["spec"].get("rules", [])
                for p in rule.get("http", {}).get("paths", [])
            ]
            if "defaultBackend" in o["spec"]:
                backends.append(o["spec"]["defaultBackend"])
            for p in backends:
                svc = p.get("backend", p)["service"]
                s = by_key.get(("Service", svc["name"]))
                port = svc["port"].get("name") or svc["port"].get("number")
                if not s or not any(
                    port in (sp.get("name"), sp["port"]) for sp in s["spec"]["ports"]
                ):
                    bad.append(f"{where}: backend {svc['name']}:{port} does not exist")
                if svc["name"] != "gateway":
                    bad.append(f"{where}: exposes {svc['name']} (only the gateway may be exposed)")
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


def port_allowed(rule_ports: list[dict[str, Any]] | None, port: int, named: dict[str, int]) -> bool:
    if not rule_ports:
        return True
    for p in rule_ports:
        if p.get("protocol", "TCP") != "TCP":
            continue
        want = p.get("port")
        if want is None:
            return True
        want = named.get(want) if isinstance(want, str) else want
        if want is not None and want <= port <= p.get("endPort", want):
            return True
    return False


def peer_matches(peer: dict[str, Any], namespace: str, source: dict[str, Any]) -> bool:
    if "ipBlock" in peer:
        if not source.get("ip"):
            return False
        ip = ipaddress.ip_address(str(source["ip"]))
        block = peer["ipBlock"]
        return ip in ipaddress.ip_network(block["cidr"]) and not any(
            ip in ipaddress.ip_network(e) for e in block.get("except", [])
        )
    if source.get("namespace") is None:  # outside the cluster: only an ipBlock matches
        return False
    ns_labels = {"kubernetes.io/metadata.name": source["namespace"], **source.get("ns_labels", {})}
    if "namespaceSelector" in peer:
        if not labels_match(peer["namespaceSelector"], ns_labels):
            return False
    elif source["namespace"] != namespace:
        return False
    return "podSelector" not in peer or labels_match(
        peer["podSelector"], source.get("pod_labels", {})
    )


def admits(
    policies: list[dict[str, Any]],
    namespace: str,
    target: dict[str, Any],
    port: int,
    source: dict[str, Any],
) -> bool:
    """Whether the NetworkPolicies let `source` open a TCP connection to `port` of the pod."""
    labels = target["metadata"].get("labels", {})
    named = {
        p["name"]: p["containerPort"]
        for c in target["spec"]["containers"]
        for p in c.get("ports", [])
        if "name" in p
    }
    selecting = [
        np
        for np in policies
        if labels_match(np["spec"]["podSelector"], labels)
        and "Ingress" in np["spec"].get("policyTypes", ["Ingress"])
    ]
    if not selecting:
        return True  # a pod no policy selects accepts everything
    for np in selecting:
        for rule in np["spec"].get("ingress") or []:
            if not port_allowed(rule.get("ports"), port, named):
                continue
            peers = rule.get("from")
            if not peers or any(peer_matches(peer, namespace, source) for peer in peers):
                return True
    return False


def check_network_policies(target: str) -> str:
    """Who can connect to what: simulate the rendered NetworkPolicies for typical callers."""
    objects = rendered[target]
    namespace = next(
        (o["metadata"].get("namespace") for o in objects if o["metadata"].get("namespace")), "base"
    )
    policies = [o for o in objects if o["kind"] == "NetworkPolicy"]
    pods = {o["metadata"]["name"]: t for o, t in pod_templates(objects)}
    bad: list[str] = []
    if not any(
        np["spec"]["podSelector"] in ({}, {"matchLabels": {}})
        and not np["spec"].get("ingress")
        and "Ingress" in np["spec"].get("policyTypes", [])
        for np in policies
    ):
        bad.append("no default-deny ingress policy (podSelector {}, no ingress rules)")

    def inside(name: str) -> dict[str, Any]:
        return {"namespace": namespace, "pod_labels": pods[name]["metadata"].get("labels", {})}

    callers: dict[str, dict[str, Any]] = {
        "the ingress controller": {
            "namespace": INGRESS_CONTROLLER["namespace"],
            "pod_labels": INGRESS_CONTROLLER["pod_labels"],
            "ip": "10.244.3.7",
        },
        "monitoring": {
            "namespace": "monitoring",
            "ns_labels": dict([MONITORING_LABEL]),
            "pod_labels": {"app.kubernetes.io/name": "prometheus"},
        },
        "an unlabelled namespace": {
            "namespace": "default",
            "pod_labels": {"app": "anything"},
            "ip": "10.244.9.9",
        },
        "a foreign pod in the namespace": {"namespace": namespace, "pod_labels": {"app": "debug"}},
        "outside the cluster": {"namespace": None, "ip": "203.0.113.7"},
    }
    for name in pods:
        callers[name] = inside(name)
    components = [c for c in COMPONENTS if c in pods]
    jobs = [n for n in pods if n == "demo-data"]
    # target -> the callers that must get through; every other caller must be refused
    expected: dict[str, set[str]] = {
        "gateway": {"the ingress controller", "monitoring", *components, *jobs},
        **{svc: {"monitoring", *components} for svc in SERVICES},
        "postgres": {*components, *jobs},
        "redis": {"gateway"},
    }
    checked = 0
    for name, template in pods.items():
        if not any(c.get("ports") for c in template["spec"]["containers"]):
            continue  # listens on nothing (the demo Job)
        if name not in expected:
            bad.append(f"{name}: nobody said who may connect (add it to check_network_policies)")
            continue
        ports = {
            p["containerPort"] for c in template["spec"]["containers"] for p in c.get("ports", [])
        }
        for port in sorted(ports):
            for caller in sorted(set(callers) - {name}):
                allowed = admits(policies, namespace, template, port, callers[caller])
                if allowed != (caller in expected[name]):
                    bad.append(f"{name}:{port} {'admits' if allowed else 'refuses'} {caller}")
                checked += 1
    problems(bad)
    return (
        f"default deny; {checked} caller/port pairs as documented "
        "(services: Sunshine components and monitoring only)"
    )


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
        var, _, value = line.partition("=")
        if var in (PERSONAL_OLD_KEYS, HALL_COMPOSE_VARS[PERSONAL_OLD_KEYS]) and not value.strip():
            continue  # optional, empty but during a rotation
        if re.match(r"^\w*(PASSWORD|SECRET|KEY)\w*=", line) and "CHANGE-ME" not in line:
            bad.append(f".env.example: {var} is not a CHANGE-ME placeholder")
    problems(bad)
    return f"{count} Secret values and .env.example are CHANGE-ME placeholders"


def check_signing_key_placeholders() -> str:
    """Both keys are documented wherever keys are, and their placeholders cannot be used: the
    components refuse them in production (sunshine_kit.settings.secret_problem)."""
    from sunshine_kit.settings import secret_problem

    places: dict[str, dict[str, str]] = {}
    for path in yaml_files():
        for doc in render.load_docs(path) if "compose" not in path.name else []:
            if (
                isinstance(doc, dict)
                and doc.get("kind") == "Secret"
                and doc["metadata"]["name"] == SECRET_NAME
            ):
                data = doc.get("stringData", {})
                places[str(path.relative_to(ROOT))] = {
                    var: data.get(key, "") for var, key in SIGNING_KEYS.items()
                } | ({"jwt-secret": "x"} if "jwt-secret" in data else {})
    env = env_example()
    places["deploy/.env.example"] = {var: env.get(var, "") for var in SIGNING_KEYS} | (
        {"jwt-secret": "x"} if "SUNSHINE_JWT_SECRET" in env else {}
    )
    bad = []
    for where, keys in places.items():
        if "jwt-secret" in keys:
            bad.append(
                f"{where}: still has the single key of old (jwt-secret / SUNSHINE_JWT_SECRET)"
            )
        for var in SIGNING_KEYS:
            if not keys.get(var):
                bad.append(f"{where}: no {var} ({SIGNING_KEYS[var]})")
            elif secret_problem(var, keys[var]) is None:
                bad.append(f"{where}: the placeholder of {var} would be accepted in production")
        if keys.get(USER_KEY) and keys.get(USER_KEY) == keys.get(INTERNAL_KEY):
            bad.append(f"{where}: both keys have the same placeholder")
    assert "deploy/k8s/base/secret.example.yaml" in places, (
        "secret.example.yaml has no sunshine-secrets"
    )
    problems(bad)
    return f"{', '.join(sorted(places))}: both keys, placeholders the components refuse"


def check_personal_data_key_placeholders() -> str:
    """The personal data key is documented wherever keys are, with a placeholder the applications
    service refuses; the rotation-only old keys are absent (or empty in .env.example)."""
    from sunshine_applications.settings import ApplicationsSettings
    from sunshine_kit.settings import MissingSecret

    places: dict[str, dict[str, str | None]] = {}
    for path in yaml_files():
        for doc in render.load_docs(path) if "compose" not in path.name else []:
            if (
                isinstance(doc, dict)
                and doc.get("kind") == "Secret"
                and doc["metadata"]["name"] == SECRET_NAME
            ):
                data = doc.get("stringData", {})
                places[str(path.relative_to(ROOT))] = {
                    var: data.get(key) for var, key in PERSONAL_KEYS.items()
                }
    env = env_example()
    places["deploy/.env.example"] = {var: env.get(var) for var in PERSONAL_KEYS}
    bad = []
    for where, keys in places.items():
        value = keys[PERSONAL_KEY]
        old = keys[PERSONAL_OLD_KEYS]
        if not value:
            bad.append(f"{where}: no {PERSONAL_KEY} ({PERSONAL_KEYS[PERSONAL_KEY]})")
        else:
            settings = ApplicationsSettings(
                personal_data_key=value, personal_data_old_keys="", env="production"
            )
            try:
                settings.personal_data_keys()
            except MissingSecret:
                pass
            else:
                bad.append(f"{where}: the placeholder of {PERSONAL_KEY} would be accepted")
        if where.endswith(".env.example"):
            if old is None or old.strip():
                bad.append(f"{where}: {PERSONAL_OLD_KEYS} must be there and empty (rotations only)")
        elif old is not None:
            bad.append(
                f"{where}: {PERSONAL_KEYS[PERSONAL_OLD_KEYS]} is set (rotations only; a"
                " placeholder there stops applications)"
            )
    problems(bad)
    return f"{', '.join(sorted(places))}: personal data key placeholders applications refuses"


def check_entrypoint_personal_keys() -> str:
    """migrate-all (Compose) gets the personal data key for the applications' migrations: the
    entrypoint must hide it from the other components' (run with a stand-in alembic)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        fake = Path(tmp) / "alembic"
        fake.write_text(
            '#!/bin/sh\necho "$2 ${PERSONAL_DATA_KEY:-none} ${PERSONAL_DATA_OLD_KEYS:-none}"\n'
        )
        fake.chmod(0o755)
        env = {
            "PATH": f"{tmp}:{os.environ.get('PATH', '/usr/bin:/bin')}",
            "APP_ROOT": tmp,
            PERSONAL_KEY: "the-key",
            PERSONAL_OLD_KEYS: "old-key",
            **{f"DATABASE_URL_{c.upper()}": "postgresql+asyncpg://x/y" for c in COMPONENTS},
        }
        result = subprocess.run(
            ["sh", str(DEPLOY / "docker" / "entrypoint.sh"), "migrate-all"],
            capture_output=True,
            text=True,
            env=env,
        )
    assert result.returncode == 0, result.stderr.strip()
    seen = {}
    for line in result.stdout.splitlines():
        ini, key, old = line.split()
        seen[ini] = (key, old)
    bad = []
    for name, (_, directory, _) in COMPONENTS.items():
        got = seen.get(f"{directory}/alembic.ini")
        want = ("the-key", "old-key") if name == "applications" else ("none", "none")
        if got != want:
            bad.append(f"migrate-all {name}: personal data keys {got}, want {want}")
    problems(bad)
    return "migrate-all hands the personal data keys to the applications' migrations only"


def check_announced_settings() -> str:
    """Variables deploy/ sets ahead of the code that will read them."""
    missing = sorted(ANNOUNCED_ENV - settings_env_names())
    if missing:
        raise KnownGap(f"set for the gateway, not read by any component's settings yet: {missing}")
    return f"{sorted(ANNOUNCED_ENV)} read by the components' settings"


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
        "--no-proxy-headers",
        '--forwarded-allow-ips "$trusted"',
        "${FORWARDED_ALLOW_IPS:-127.0.0.1}",
        "--no-access-log",
        "--timeout-graceful-shutdown",
        "exec uvicorn",
        "upgrade heads",
    ):
        if flag not in text:
            bad.append(f"{flag} missing")
    if re.search(r"FORWARDED_ALLOW_IPS:-[^}]*\*", text) or re.search(
        r"forwarded-allow-ips[ =]['\"]?\*", text
    ):
        bad.append("proxy headers trusted from anyone (`*`)")
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
    return "sh -n, component table matches scripts/stack.py, proxy headers gateway-only" + (
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
        "expose",
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
        known = settings_env_names() | EXTRA_ENV | ANNOUNCED_ENV
        unknown = sorted(set(env) - known)
        if unknown:
            bad.append(f"{name}: variables no component reads: {unknown}")
        role = "gateway" if name == "gateway" else "service"
        bad += [f"{name}: {p}" for p in env_problems(role, env, component=name, compose=True)]
    for name in ("migrate", "demo"):
        svc = services.get(name, {})
        env = svc.get("environment", {})
        command = svc.get("command") or []
        component = (
            "all" if command == ["migrate-all"] else (command[1] if len(command) > 1 else "gateway")
        )
        bad += [f"{name}: {p}" for p in env_problems("job", env, component=component, compose=True)]
    for name, svc in services.items():
        if name not in COMPONENTS and name not in ("migrate", "demo"):
            for var in PERSONAL_KEYS:
                if var in (svc.get("environment") or {}):
                    bad.append(f"{name}: {var} is set: {PERSONAL_ONLY}")
    # only the gateway is published; everything else sits on internal networks only
    networks = data.get("networks") or {}
    internal = {n for n, spec in networks.items() if (spec or {}).get("internal") is True}
    for name, svc in services.items():
        joined = svc.get("networks") or ["default"]
        joined = list(joined) if isinstance(joined, list | dict) else [joined]
        for n in joined:
            if n != "default" and n not in networks:
                bad.append(f"{name}: network {n} is not declared")
        if name == "gateway":
            if not set(joined) & internal or not set(joined) - internal:
                bad.append("gateway: not on an internal network and a published one")
            continue
        if svc.get("ports"):
            bad.append(f"{name}: publishes {svc['ports']} (only the gateway is published)")
        if svc.get("network_mode"):
            bad.append(f"{name}: network_mode {svc['network_mode']}")
        if not set(joined) <= internal:
            bad.append(
                f"{name}: on networks {sorted(set(joined) - internal)}, not `internal: true`"
            )
    for var in PROXY_ENV:
        if "*" in env_example().get(var, ""):
            bad.append(f".env.example: {var} trusts every client")
    if services.get("gateway", {}).get("ports") != ["${GATEWAY_PORT:-8000}:8000"]:
        bad.append("gateway is not published on ${GATEWAY_PORT:-8000}:8000")
    if services.get("migrate", {}).get("command") != ["migrate-all"]:
        bad.append("no migrate service running migrate-all")
    defined = env_example()
    for var in sorted(set(re.findall(r"\$\{(\w+)", text))):
        if var not in defined:
            bad.append(f"${{{var}}} is not in .env.example")
    problems(bad)
    return (
        f"{len(services)} services, depends_on, healthchecks, volumes, variables in .env.example;"
        " signing keys; personal data key on applications and migrate only; only the gateway"
        " published, the rest on internal networks"
    )


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
        check(f"network policies: {target}", lambda t=target: check_network_policies(t))
    check("overlays: district and province shape", check_overlay_shape)
    check("gateway: redis client for shared rate limits", check_redis_client)
    check("secrets: placeholders only", check_secrets_are_placeholders)
    check("secrets: the two signing keys", check_signing_key_placeholders)
    check("secrets: the personal data key", check_personal_data_key_placeholders)
    check("settings: variables set ahead of the code", check_announced_settings)
    check("dockerfile: deploy/Dockerfile", check_dockerfile)
    check("dockerfile: deploy/Dockerfile.dockerignore", check_dockerignore)
    check("entrypoint: deploy/docker/entrypoint.sh", check_entrypoint)
    check("entrypoint: personal data keys in migrate-all", check_entrypoint_personal_keys)
    check("python: component entry points import", check_packages_importable)
    check("compose: docker compose config", check_compose_cli)
    check("compose: structure of deploy/compose.yaml", check_compose_structure)
    check("postgres: init SQL", check_postgres_init)
    print(f"{'FAILED' if failures else 'passed'}: {failures} failing check(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
