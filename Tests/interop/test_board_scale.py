"""The board at the size real plans reach: 20 requests of 50 tasks, a few waiting for the person. The
requests that wait are open, the rest one line each with a list to jump to any, a request's graph and
table drawn only when it is opened, and the whole page within 3,000 DOM nodes."""

import os
from pathlib import Path

import pytest
from mcp import Client

from board import running_board

pytestmark = pytest.mark.anyio

PICTURES = Path(os.environ.get("MCP_ORCHESTRATOR_PICTURES", "/tmp"))


async def plan_thousand(client, waiting_requests=(2, 9, 17)):
    """20 requests of 50 tasks (each after the one before); two tasks done in each of `waiting_requests`."""
    for number in range(1, 21):
        tasks = [{"title": f"Step {step} of request {number}", "description": "d",
                  **({"dependsOn": [step - 1]} if step > 1 else {})} for step in range(1, 51)]
        await client.call_tool("request_planning", {"originalRequest": f"Request {number}", "tasks": tasks,
                                                    "approvalPolicy": "end"})
    for number in waiting_requests:
        for _ in range(2):
            claimed = (await client.call_tool("get_next_task", {"requestId": f"req-{number}"})).structured_content
            await client.call_tool("mark_task_done", {"requestId": f"req-{number}", "taskId": claimed["task"]["id"],
                                                      "completedDetails": "Done."})


async def test_a_thousand_tasks_show_what_waits_and_open_the_rest_on_demand(server, server_binary, tmp_path, browser):
    state = tmp_path / "state.json"
    async with Client(server()) as client:
        await plan_thousand(client)
        with running_board(server_binary, state) as board:
            page = await browser.new_page(viewport={"width": 1280, "height": 900})
            errors = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            await page.goto(board.address)
            await page.wait_for_selector("#queue article.decide")
            assert await page.locator("#queue article.decide").count() == 6
            nodes = await page.evaluate("() => document.getElementsByTagName('*').length")
            assert nodes <= 3000, nodes
            # Only the requests that wait for the person are open; the others are a line each.
            opened = await page.eval_on_selector_all("section.request details.tasks[open]",
                                                     "all => all.map(d => d.closest('section').dataset.request)")
            assert opened == ["req-2", "req-9", "req-17"], opened
            assert await page.locator('section.request[data-request="req-20"] svg.graph').count() == 0
            assert "changed just now" in await page.locator('section.request[data-request="req-20"] .facts').first.inner_text()
            await page.locator("#requests-title").scroll_into_view_if_needed()
            await page.screenshot(path=str(PICTURES / "board-thousand.png"))
            # The jump list opens a request where it is, with its graph.
            await page.locator('#jump a[href="#request-req-20"]').click()
            await page.wait_for_selector('section.request[data-request="req-20"] svg.graph g.box[data-task]')
            assert await page.locator('#jump a.waits').count() == 3
            # A change by the agent reaches the page: a new card.
            claimed = (await client.call_tool("get_next_task", {"requestId": "req-5"})).structured_content
            await client.call_tool("mark_task_done", {"requestId": "req-5", "taskId": claimed["task"]["id"],
                                                      "completedDetails": "Done too."})
            await page.wait_for_selector(f'#queue article.decide[data-task="{claimed["task"]["id"]}"]')
            # req-20 stays open across the redraw, as the person left it.
            assert await page.locator('section.request[data-request="req-20"] details.tasks[open]').count() == 1
            assert errors == []
