#!/usr/bin/env python3
"""Builds example response bodies from the vendor's App API OpenAPI document.

The vendor's reference renders example bodies from the `example` values of each
schema property; this does the same, so tests can decode exactly what the
vendor's documentation shows. Usage:

    python3 Tests/tools/vendor-examples.py ../shared/reference/customerio-app-api.openapi.json \
        Tests/CustomerIOTests/Fixtures/vendor
"""
import json
import os
import re
import sys


def resolve(doc, node):
    while isinstance(node, dict) and "$ref" in node:
        path = node["$ref"].lstrip("#/").split("/")
        node = doc
        for part in path:
            node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def example(doc, schema, depth=0):
    schema = resolve(doc, schema)
    if depth > 12 or not isinstance(schema, dict):
        return None
    if "example" in schema:
        return schema["example"]
    if "allOf" in schema:
        merged = {}
        for part in schema["allOf"]:
            value = example(doc, part, depth + 1)
            if isinstance(value, dict):
                merged.update(value)
            elif value is not None:
                return value
        return merged
    for key in ("oneOf", "anyOf"):
        if key in schema and schema[key]:
            return example(doc, schema[key][0], depth + 1)
    if "enum" in schema and schema["enum"]:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        return {name: example(doc, prop, depth + 1) for name, prop in schema.get("properties", {}).items()}
    if kind == "array":
        return [example(doc, schema.get("items", {}), depth + 1)]
    return {"string": "string", "integer": 0, "number": 0, "boolean": False}.get(kind)


def main():
    spec_path, out_dir = sys.argv[1], sys.argv[2]
    doc = json.load(open(spec_path))
    os.makedirs(out_dir, exist_ok=True)
    count = 0
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method not in ("get", "post", "put", "delete"):
                continue
            ok = op.get("responses", {}).get("200") or op.get("responses", {}).get("201")
            if not ok:
                continue
            content = resolve(doc, ok).get("content", {}).get("application/json")
            if not content or "schema" not in content:
                continue
            name = op.get("operationId") or re.sub(r"[^a-zA-Z0-9]+", "_", method + path)
            body = example(doc, content["schema"])
            with open(os.path.join(out_dir, name + ".json"), "w") as handle:
                json.dump({"method": method.upper(), "path": path, "body": body}, handle, indent=1, sort_keys=True)
            count += 1
    print(f"{count} example bodies written to {out_dir}")


if __name__ == "__main__":
    main()
