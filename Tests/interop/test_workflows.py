"""Markdown workflows driven by the official MCP Python SDK, in both eras."""

import json
from pathlib import Path

import pytest
from mcp import Client
from mcp.types import ResourceTemplateReference

pytestmark = pytest.mark.anyio

ERAS = [("auto", "2026-07-28"), ("legacy", "2025-11-25")]
SHIPPED = str(Path(__file__).resolve().parents[2] / "workflows")


async def advance(client, run, step, status, **extra):
    arguments = {"instance_id": run, "report": {"step_id": step, "status": status}, **extra}
    result = await client.call_tool("advance_workflow", arguments)
    assert not result.is_error, result.content[0].text
    return result.structured_content


@pytest.mark.parametrize(("mode", "revision"), ERAS)
async def test_a_shipped_workflow_runs_to_finish(server, tmp_path, mode, revision):
    async with Client(server("--workflows", SHIPPED), mode=mode) as client:
        listed = (await client.call_tool("list_workflows", {})).structured_content
        assert "commit_message" in [workflow["name"] for workflow in listed["workflows"]]
        assert all(workflow["valid"] for workflow in listed["workflows"])

        started = (await client.call_tool("start_workflow", {"workflow_name": "commit_message"})).structured_content
        run = started["instance_id"]
        assert started["next_step"]["step_name"] == "Check Staged Files"
        await advance(client, run, "Check Staged Files", "staged")
        await advance(client, run, "Read Staged Diff", "success")
        asked = await advance(client, run, "Suggest Message", "success", context_updates={"message": "Add the parser"})
        assert asked["current_step"]["instructions"].count("Add the parser") == 1
        again = await advance(client, run, "Ask For Approval", "revise", context_updates={"message": "Add the CSV parser"})
        assert again["next_step"]["step_name"] == "Ask For Approval"
        assert "Add the CSV parser" in again["next_step"]["instructions"]
        await advance(client, run, "Ask For Approval", "approved")
        finished = await advance(client, run, "Create Commit", "success")
        assert (finished["status"], finished["next_step"]["step_name"]) == ("completed", "FINISH")

        refused = await client.call_tool("advance_workflow", {"instance_id": run, "report": {"step_id": "Create Commit", "status": "success"}})
        assert refused.is_error and refused.structured_content["error"]["code"] == "run_ended"

    stored = json.loads((tmp_path / "state.json").read_text())
    assert stored["runs"][0]["status"] == "completed"
    assert [task["title"] for task in stored["requests"][0]["tasks"]][-1] == "Create Commit"


@pytest.mark.parametrize(("mode", "revision"), ERAS)
async def test_prompts_resources_and_completion(server, mode, revision):
    async with Client(server("--workflows", SHIPPED), mode=mode) as client:
        prompts = [prompt.name for prompt in (await client.list_prompts()).prompts]
        assert {"getting_started", "refactor_with_tests", "workflow_creator"} <= set(prompts)
        prompt = await client.get_prompt("refactor_with_tests", {"goal": "split the parser"})
        assert '"goal":"split the parser"' in prompt.messages[0].content.text

        document = await client.read_resource("orchestrator://workflows/refactor_with_tests")
        assert "failure if context.fix_attempts < 3 -> Fix Failures" in document.contents[0].text

        completion = await client.complete(
            ResourceTemplateReference(type="ref/resource", uri="orchestrator://workflows/{name}"), {"name": "name", "value": "sa"}
        )
        assert completion.completion.values == ["save_progress"]


async def test_create_workflow_then_run_it_with_input_data(server, tmp_path):
    workflows = tmp_path / "workflows"
    workflows.mkdir()
    async with Client(server("--workflows", str(workflows)), mode="legacy") as client:
        created = await client.call_tool(
            "create_workflow",
            {
                "input_data": {
                    "workflow_name": "greet",
                    "steps": [
                        {"name": "Ask Name", "orchestrator_guidance": "Then Greet.", "client_instructions": "Ask the name.", "transitions": ["otherwise -> Greet"]},
                        {"name": "Greet", "orchestrator_guidance": "FINISH after greeting.", "client_instructions": "Say hello to {{context.name}}."},
                    ],
                }
            },
        )
        assert not created.is_error, created.content[0].text
        assert (workflows / "greet" / "steps" / "greet.md").is_file()
        started = await client.call_tool("start_workflow", {"input_data": {"workflow_name": "greet"}})
        run = started.structured_content["instance_id"]
        greeted = await advance(client, run, "Ask Name", "success", context_updates={"name": "Ada"})
        assert greeted["next_step"] == {"step_name": "Greet", "instructions": "Say hello to Ada."}
        missing = await client.call_tool("advance_workflow", {"instance_id": run, "report": {"step_id": "Greet", "status": "success"}})
        assert missing.is_error and missing.structured_content["error"]["code"] == "next_step_required"
        done = await advance(client, run, "Greet", "success", next_step="FINISH")
        assert done["status"] == "completed"
