"""The official MCP Python SDK as a real client of mcp-orchestrator, in both protocol eras."""

import json
import warnings

import pytest
from mcp import Client
from mcp.shared.exceptions import MCPDeprecationWarning, MCPError
from mcp.types import PromptReference, ResourceTemplateReference

pytestmark = pytest.mark.anyio

ERAS = [("auto", "2026-07-28"), ("legacy", "2025-11-25")]


@pytest.mark.parametrize(("mode", "revision"), ERAS)
async def test_connects_in_each_era_and_identifies_itself(server, mode, revision):
    async with Client(server(), mode=mode) as client:
        assert client.protocol_version == revision
        assert client.server_info.name == "mcp-orchestrator"
        assert "server_info" in client.instructions
        assert client.server_capabilities.tools is not None


@pytest.mark.parametrize(("mode", "revision"), ERAS)
async def test_lists_tools_and_calls_server_info_with_validated_structured_output(server, tmp_path, mode, revision):
    async with Client(server("--toolsets", "core"), mode=mode) as client:
        tools = await client.list_tools()
        assert [tool.name for tool in tools.tools][:3] == ["server_info", "request_planning", "get_next_task"]
        assert len(tools.tools) == 14
        assert all(tool.output_schema["type"] == "object" for tool in tools.tools)

        # The client validates structuredContent against outputSchema and raises if it does not match.
        result = await client.call_tool("server_info", {})
        assert not result.is_error
        report = result.structured_content
        assert report["protocolRevision"] == revision
        assert report["era"] == ("modern" if mode == "auto" else "handshake")
        assert report["stateFile"] == {
            "path": str(tmp_path / "state.json"),
            "source": "option",
            "reason": "--state",
            "exists": False,
            "readable": False,
            "revision": 0,
            "requests": 0,
        }
        assert report["toolsets"] == ["server", "core"]
        assert "State file:" in result.content[0].text


@pytest.mark.parametrize(("mode", "revision"), ERAS)
async def test_bad_arguments_and_unknown_tools_get_clear_answers(server, mode, revision):
    async with Client(server(), mode=mode) as client:
        bad = await client.call_tool("server_info", {"verbose": True})
        assert bad.is_error
        assert "`verbose` is not a known field" in bad.content[0].text
        assert bad.structured_content["error"]["field"] == "verbose"

        with pytest.raises(MCPError) as unknown:
            await client.call_tool("no_such_tool", {})
        assert unknown.value.error.code == -32602
        assert "no_such_tool" in unknown.value.error.message

        # The server is still answering after both.
        assert not (await client.call_tool("server_info", {})).is_error


@pytest.mark.parametrize(("mode", "revision"), ERAS)
async def test_resources_prompts_and_completion(server, tmp_path, mode, revision):
    # An empty workflows directory: only the fixed resources and prompts (workflows have their own test).
    (tmp_path / "workflows").mkdir()
    async with Client(server("--workflows", str(tmp_path / "workflows")), mode=mode) as client:
        resources = await client.list_resources()
        assert {resource.uri for resource in resources.resources} == {"orchestrator://guide", "orchestrator://server/info"}

        info = await client.read_resource("orchestrator://server/info")
        assert json.loads(info.contents[0].text)["name"] == "mcp-orchestrator"

        templates = await client.list_resource_templates()
        assert [template.uri_template for template in templates.resource_templates] == [
            "orchestrator://tools/{name}",
            "orchestrator://workflows/{name}",
        ]
        definition = await client.read_resource("orchestrator://tools/server_info")
        assert json.loads(definition.contents[0].text)["name"] == "server_info"

        with pytest.raises(MCPError) as missing:
            await client.read_resource("orchestrator://tools/nope")
        assert missing.value.error.code == (-32602 if mode == "auto" else -32002)

        prompts = await client.list_prompts()
        assert [prompt.name for prompt in prompts.prompts] == ["getting_started"]
        prompt = await client.get_prompt("getting_started", {"tool": "server_info"})
        assert "server_info" in prompt.messages[0].content.text

        completion = await client.complete(PromptReference(type="ref/prompt", name="getting_started"), {"name": "tool", "value": "serv"})
        assert completion.completion.values == ["server_info"]
        completion = await client.complete(
            ResourceTemplateReference(type="ref/resource", uri="orchestrator://tools/{name}"), {"name": "name", "value": "x"}
        )
        assert completion.completion.values == []


async def test_legacy_logging_level_and_ping(server):
    received = []

    async def on_log(params):
        received.append(params)

    async with Client(server(), mode="legacy", logging_callback=on_log) as client:
        # ping and logging/setLevel are handshake-era methods; the SDK warns that 2026 removed them.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MCPDeprecationWarning)
            await client.send_ping()
            await client.set_logging_level("debug")
        await client.list_tools(cache_mode="refresh")
        assert any(entry.level == "debug" and "tools/list" in str(entry.data) for entry in received)


async def test_modern_logging_is_sent_only_on_opt_in(server):
    received = []

    async def on_log(params):
        received.append(params)

    async with Client(server(), mode="auto", logging_callback=on_log) as client:
        await client.list_tools(cache_mode="refresh")
        assert received == []
    async with Client(server(), mode="auto", logging_callback=on_log, log_level="debug") as client:
        await client.list_tools(cache_mode="refresh")
        assert any(entry.level == "debug" for entry in received)
