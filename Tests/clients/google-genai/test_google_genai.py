"""The Gemini path (issue 15, item 4), with evidence: google-genai 3.3.0's own MCP-to-Gemini tool
conversion cannot read a boolean `additionalProperties` (python-genai #2393 and #2476, open), which
every input schema of ours has, because the server refuses unknown fields and publishes exactly what
it enforces. We keep it. The documented conversion — drop the boolean `additionalProperties` members,
nothing else — converts every tool of every tool set, with its parameters and required fields."""

import json
import subprocess
import types

import pytest
from conftest import CONFIGURATIONS
from google.genai import _mcp_utils


def published_tools(binary, state, extra):
    session = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "gemini", "version": "1"}}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
    ]
    run = subprocess.run([binary, "--state", str(state), *extra], input="".join(json.dumps(m) + "\n" for m in session),
                         capture_output=True, text=True, timeout=60, check=True)
    return json.loads(run.stdout.splitlines()[1])["result"]["tools"]


def for_gemini(schema):
    """The documented conversion: the schema without its boolean `additionalProperties` members."""
    if isinstance(schema, dict):
        return {key: for_gemini(value) for key, value in schema.items()
                if not (key == "additionalProperties" and isinstance(value, bool))}
    if isinstance(schema, list):
        return [for_gemini(value) for value in schema]
    return schema


def mcp_tool(tool, schema):
    return types.SimpleNamespace(name=tool["name"], description=tool["description"], inputSchema=schema,
                                 input_schema=schema, annotations=None, meta=None)


@pytest.mark.parametrize("extra", CONFIGURATIONS)
def test_the_documented_conversion_gives_gemini_every_tool(binary, state, extra):
    tools = published_tools(binary, state, extra)
    # The evidence: the SDK's own conversion fails on the schemas as published.
    with pytest.raises(AttributeError):
        _mcp_utils.mcp_to_gemini_tool(mcp_tool(tools[0], tools[0]["inputSchema"]))
    for tool in tools:
        converted = _mcp_utils.mcp_to_gemini_tool(mcp_tool(tool, for_gemini(tool["inputSchema"])))
        declaration = converted.function_declarations[0]
        assert declaration.name == tool["name"]
        parameters = declaration.parameters_json_schema or declaration.parameters
        rendered = parameters if isinstance(parameters, dict) else parameters.model_dump(exclude_none=True)
        assert set(rendered.get("properties", {})) == set(tool["inputSchema"]["properties"]), tool["name"]
        assert sorted(rendered.get("required", [])) == sorted(tool["inputSchema"].get("required", [])), tool["name"]
