"""The schemas are documentation too: editors show each field's Thai title and description."""

import json

import jsonschema
import pytest

from tests.conftest import ROOT

SCHEMAS = sorted((ROOT / "schema").glob("*.schema.json"))


def _fields(schema: dict):
    """(dotted path, node) for every property, following local $ref in allOf."""
    stack = [((), schema)]
    while stack:
        path, node = stack.pop()
        for sub in node.get("allOf", []):
            if "$ref" in sub:
                stack.append((path, schema["$defs"][sub["$ref"].split("/")[-1]]))
        for sub_key in ("additionalProperties", "items"):
            extra = node.get(sub_key)
            if isinstance(extra, dict):
                stack.append(((*path, "*"), extra))
        for key, child in node.get("properties", {}).items():
            yield ".".join((*path, key)), child
            stack.append(((*path, key), child))


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_schema_is_draft_2020_12_and_every_field_has_thai_help(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    fields = list(_fields(schema))
    assert len(fields) > 5
    undocumented = [
        name for name, node in fields if not (node.get("title") and node.get("description"))
    ]
    assert undocumented == []
    for name, node in fields:
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in node["title"] + node["description"]), name


def test_no_ref_has_siblings_so_every_draft_reads_it_alike():
    for path in SCHEMAS:
        stack = [json.loads(path.read_text(encoding="utf-8"))]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                assert "$ref" not in node or set(node) == {"$ref"}, (path.name, node)
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
