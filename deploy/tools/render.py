"""Render a kustomization without a kustomize binary (the subset that deploy/k8s uses).

    python deploy/tools/render.py deploy/k8s/overlays/district > manifest.yaml

Supported: `resources` (files and directories with a kustomization.yaml), `components`
(Component kustomizations), `namespace`, `patches` with `path` (strategic merge, matched by
kind + name; lists of objects with `name` are merged by name, other lists are replaced) and
`images` (name -> newName/newTag). Anything else in a kustomization is an error, so the
overlays stay inside what this renderer and `kubectl kustomize` agree on (validate-deploy.sh
compares the two when kubectl is installed).
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any

import yaml

SUPPORTED = {"apiVersion", "kind", "resources", "components", "namespace", "patches", "images"}
CLUSTER_SCOPED = {
    "Namespace",
    "ClusterRole",
    "ClusterRoleBinding",
    "PersistentVolume",
    "StorageClass",
    "CustomResourceDefinition",
    "PriorityClass",
}
# kustomize's legacy output order (kinds not listed come after, by name)
ORDER = [
    "Namespace",
    "ResourceQuota",
    "StorageClass",
    "CustomResourceDefinition",
    "ServiceAccount",
    "PodSecurityPolicy",
    "Role",
    "ClusterRole",
    "RoleBinding",
    "ClusterRoleBinding",
    "ConfigMap",
    "Secret",
    "Endpoints",
    "Service",
    "LimitRange",
    "PriorityClass",
    "PersistentVolume",
    "PersistentVolumeClaim",
    "Deployment",
    "StatefulSet",
    "CronJob",
    "PodDisruptionBudget",
]
ORDER_LAST = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"]


class RenderError(Exception):
    pass


def load_docs(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [d for d in yaml.safe_load_all(f) if d]


def kustomization(directory: Path) -> dict[str, Any]:
    for name in ("kustomization.yaml", "kustomization.yml", "Kustomization"):
        if (directory / name).is_file():
            data = yaml.safe_load((directory / name).read_text(encoding="utf-8")) or {}
            unknown = set(data) - SUPPORTED
            if unknown:
                raise RenderError(
                    f"{directory}: unsupported kustomization fields {sorted(unknown)}"
                )
            return data
    raise RenderError(f"{directory}: no kustomization.yaml")


def merge(base: Any, patch: Any) -> Any:
    """Strategic-merge subset: maps merge recursively, a null deletes, named lists merge by name."""
    if isinstance(base, dict) and isinstance(patch, dict):
        out = dict(base)
        for key, value in patch.items():
            if value is None:
                out.pop(key, None)
            elif key in out:
                out[key] = merge(out[key], value)
            else:
                out[key] = copy.deepcopy(value)
        return out
    if (
        isinstance(base, list)
        and isinstance(patch, list)
        and all(isinstance(i, dict) and "name" in i for i in base + patch)
        and base
    ):
        out = [copy.deepcopy(i) for i in base]
        index = {item["name"]: n for n, item in enumerate(out)}
        for item in patch:
            if item["name"] in index:
                out[index[item["name"]]] = merge(out[index[item["name"]]], item)
            else:
                out.append(copy.deepcopy(item))
        return out
    return copy.deepcopy(patch)


def key(obj: dict[str, Any]) -> tuple[str, str]:
    return obj["kind"], obj["metadata"]["name"]


def set_images(obj: dict[str, Any], images: list[dict[str, str]]) -> None:
    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k in ("containers", "initContainers") and isinstance(v, list):
                    for c in v:
                        image = c.get("image", "")
                        name, _, tag = image.partition(":")
                        for rule in images:
                            if rule["name"] == name:
                                c["image"] = (
                                    rule.get("newName", name)
                                    + ":"
                                    + rule.get("newTag", tag or "latest")
                                )
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(obj)


def build(
    directory: Path, *, component: bool = False, inherited: list[dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    k = kustomization(directory)
    expected = "Component" if component else "Kustomization"
    if k.get("kind", "Kustomization") != expected:
        raise RenderError(f"{directory}: expected kind {expected}")
    objects: list[dict[str, Any]] = list(inherited or [])
    for entry in k.get("resources", []):
        path = (directory / entry).resolve()
        objects += build(path) if path.is_dir() else load_docs(path)
    for entry in k.get("components", []):
        objects = build((directory / entry).resolve(), component=True, inherited=objects)
    seen: set[tuple[str, str]] = set()
    for obj in objects:
        if key(obj) in seen:
            raise RenderError(f"{directory}: duplicate {key(obj)}")
        seen.add(key(obj))
    for entry in k.get("patches", []):
        if set(entry) != {"path"}:
            raise RenderError(f"{directory}: only `patches: - path:` is supported")
        for patch in load_docs(directory / entry["path"]):
            matches = [n for n, o in enumerate(objects) if key(o) == key(patch)]
            if len(matches) != 1:
                raise RenderError(f"{directory}: patch target {key(patch)} not found")
            objects[matches[0]] = merge(objects[matches[0]], patch)
    if "images" in k:
        for obj in objects:
            set_images(obj, k["images"])
    if "namespace" in k:
        for obj in objects:
            if obj["kind"] not in CLUSTER_SCOPED:
                obj.setdefault("metadata", {})["namespace"] = k["namespace"]
    return objects


def order(obj: dict[str, Any]) -> tuple[int, str, str]:
    kind = obj["kind"]
    if kind in ORDER:
        rank = ORDER.index(kind)
    elif kind in ORDER_LAST:
        rank = 1000 + ORDER_LAST.index(kind)
    else:
        rank = len(ORDER)
    return rank, kind, obj["metadata"]["name"]


def render(directory: Path) -> list[dict[str, Any]]:
    return sorted(build(directory.resolve()), key=order)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        objects = render(Path(argv[1]))
    except (RenderError, OSError, yaml.YAMLError) as exc:
        print(f"render: {exc}", file=sys.stderr)
        return 1
    yaml.safe_dump_all(objects, sys.stdout, sort_keys=False, allow_unicode=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
