"""One OpenAPI document for the whole platform, as the outside world sees it through the gateway.

Each service's paths are put under /api/<service>, its operation ids and schema names prefixed
with the service so that nothing collides, and its internal ops endpoints left out.
"""

from __future__ import annotations

import copy
from typing import Any

OPS_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})


def _prefix_refs(node: Any, renames: dict[str, str]) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if (
                key == "$ref"
                and isinstance(value, str)
                and value.startswith("#/components/schemas/")
            ):
                name = value.rsplit("/", 1)[1]
                out[key] = f"#/components/schemas/{renames.get(name, name)}"
            else:
                out[key] = _prefix_refs(value, renames)
        return out
    if isinstance(node, list):
        return [_prefix_refs(item, renames) for item in node]
    return node


def _capitalised(service: str) -> str:
    return service[:1].upper() + service[1:]


def combine(gateway: dict[str, Any], services: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Merge the gateway's own document with each service's, rewritten to gateway paths."""
    combined = copy.deepcopy(gateway)
    combined.setdefault("paths", {})
    components = combined.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    security = components.setdefault("securitySchemes", {})
    tags = {tag["name"]: tag for tag in combined.get("tags", [])}

    for service, spec in services.items():
        prefix = _capitalised(service)
        renames = {
            name: f"{prefix}{name}" for name in spec.get("components", {}).get("schemas", {})
        }
        spec = _prefix_refs(spec, renames)
        for name, schema in spec.get("components", {}).get("schemas", {}).items():
            if "title" in schema and schema["title"] == name:
                schema = {**schema, "title": renames[name]}
            schemas[renames[name]] = schema
        security.update(spec.get("components", {}).get("securitySchemes", {}))
        for path, item in spec.get("paths", {}).items():
            if path in OPS_PATHS:
                continue
            new_item = {}
            for method, operation in item.items():
                if not isinstance(operation, dict):
                    new_item[method] = operation
                    continue
                operation = dict(operation)
                if "operationId" in operation:
                    operation["operationId"] = f"{service}-{operation['operationId']}"
                operation["tags"] = [
                    f"{service}.{tag}" for tag in operation.get("tags", ["default"])
                ]
                for tag in operation["tags"]:
                    tags.setdefault(tag, {"name": tag})
                new_item[method] = operation
            combined["paths"][f"/api/{service}{path}"] = new_item

    if tags:
        combined["tags"] = sorted(tags.values(), key=lambda tag: tag["name"])
    return combined
