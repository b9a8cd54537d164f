"""The board in a real browser (Debian's Chromium driven by Playwright), as a person uses it: open it
with its token, see a plan another MCP server process made, approve and reject with a click while an
agent waits, and check that the drawn graph hides no dependency."""

import os
import subprocess
from pathlib import Path

import anyio
import pytest
from mcp import Client

from board import running_board
from waiting import Parked

pytestmark = pytest.mark.anyio

PICTURES = Path(os.environ.get("MCP_ORCHESTRATOR_PICTURES", "/tmp"))


PLAN = [
    {"title": "Parse the CSV", "description": "Read rows with quoted fields", "priority": "high"},
    {"title": "Validate rows", "description": "Reject malformed rows", "dependsOn": [1]},
    {"title": "Write the export", "description": "Stream rows to the file", "dependsOn": [1, 2]},
    {"title": "Document it", "description": "README section", "dependsOn": [3]},
]


async def agent_waits(client, results, parked):
    results.append(await client.call_tool("get_next_task", {"waitSeconds": 50}, progress_callback=parked))


async def edges_cross_boxes(page):
    """Every drawn edge segment against every box it does not connect, in the page's own geometry."""
    return await page.evaluate("""() => {
      const problems = [];
      for (const svg of document.querySelectorAll('svg.graph')) {
        const boxes = [...svg.querySelectorAll('g.box')].map(g => {
          const r = g.querySelector('rect');
          return {id: g.dataset.task, x: +r.getAttribute('x'), y: +r.getAttribute('y'),
                  w: +r.getAttribute('width'), h: +r.getAttribute('height')};
        });
        for (const edge of svg.querySelectorAll('polyline.edge')) {
          const points = edge.getAttribute('points').trim().split(/\\s+/).map(p => p.split(',').map(Number));
          for (let i = 0; i + 1 < points.length; i++) {
            const [a, b] = [points[i], points[i + 1]];
            for (const box of boxes) {
              if (box.id === edge.dataset.from || box.id === edge.dataset.to) continue;
              const [x1, x2] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
              const [y1, y2] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
              if (x2 > box.x && x1 < box.x + box.w && y2 > box.y && y1 < box.y + box.h)
                problems.push(`${edge.dataset.from}->${edge.dataset.to} crosses ${box.id}`);
            }
          }
        }
      }
      return problems;
    }""")


async def test_a_person_approves_and_rejects_on_the_board_while_the_agent_waits(server, server_binary, tmp_path, browser):
    state = tmp_path / "state.json"
    with running_board(server_binary, state) as board:
        page = await browser.new_page(viewport={"width": 1400, "height": 900})
        errors = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        await page.goto(board.address)
        await page.wait_for_selector("#live.on")
        assert page.url.endswith("/") and "token" not in page.url, "the token stays out of the address bar"
        assert await page.locator("#queue").inner_text() == "Nothing waits for you."

        async with Client(server(), mode="legacy") as client:
            await client.call_tool("request_planning", {"originalRequest": "CSV export for the <reports> page", "tasks": PLAN})
            # A plan made by another process appears without a reload.
            await page.wait_for_selector('section.request[data-request="req-1"] svg.graph g.box[data-task="task-4"]')
            assert "CSV export for the <reports> page" in await page.locator('section.request[data-request="req-1"] h3').inner_text()
            assert await edges_cross_boxes(page) == []

            await client.call_tool("get_next_task", {})
            await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1",
                                                      "completedDetails": "Parser handles quotes,\nescaped quotes and CRLF."})
            card = page.locator('#queue article.decide[data-task="task-1"]')
            await card.wait_for()
            assert "Parser handles quotes,\nescaped quotes and CRLF." in await card.locator(".reported").inner_text()
            assert await page.locator("#needs-count").inner_text() == "1"
            await page.screenshot(path=str(PICTURES / "board-wide.png"))

            # The agent waits; the person clicks Approve; the agent gets the next task.
            results, parked = [], Parked()
            async with anyio.create_task_group() as group:
                group.start_soon(agent_waits, client, results, parked)
                await parked.wait()
                await card.locator('button[data-action="approve"]').click()
            nxt = results[0].structured_content
            assert (nxt["status"], nxt["task"]["id"]) == ("claimed", "task-2")
            await page.wait_for_selector('#queue p.empty')
            assert "approved by" not in errors

            # Reject with feedback: the agent receives it.
            await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-2", "completedDetails": "Validation"})
            card = page.locator('#queue article.decide[data-task="task-2"]')
            await card.wait_for()
            # Reject without feedback: the rule refuses, and the card says its sentence.
            await card.locator('button[data-action="reject"]').click()
            refusal = card.locator(".message.error")
            await refusal.wait_for()
            assert "feedback" in await refusal.inner_text()
            await card.locator("textarea").fill("Also reject rows with too many columns")
            results, parked = [], Parked()
            async with anyio.create_task_group() as group:
                group.start_soon(agent_waits, client, results, parked)
                await parked.wait()
                await card.locator('button[data-action="reject"]').click()
            resumed = results[0].structured_content
            assert resumed["status"] == "resumed" and resumed["task"]["feedback"] == "Also reject rows with too many columns"
            history = page.locator('tr[data-task="task-2"]')
            await page.wait_for_function(
                """() => document.querySelector('tr[data-task="task-2"] .status')?.textContent
                   === 'rejected — back with the agent'""")
            await history.locator("summary").click()
            # A row's details are made when it is opened.
            await history.locator("ol.history").wait_for()
            assert "person via board" in await history.inner_text()

            # A refusal shows the rule's sentence: the task is no longer done when a stale click lands.
            await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-2", "completedDetails": "Now with column counts"})
            card = page.locator('#queue article.decide[data-task="task-2"]')
            await card.wait_for()
            # Another board on the same file approves; this page follows, and a second approval is
            # refused by the rules with their sentence.
            with running_board(server_binary, state) as other:
                status, _ = await anyio.to_thread.run_sync(lambda: other.sign_in().decide(
                    "/api/approve", {"requestId": "req-1", "taskId": "task-2"}))
                assert status == 200
            await page.wait_for_selector('tr[data-task="task-2"] .status.approved')
            status, reply = await anyio.to_thread.run_sync(lambda: board.sign_in().decide(
                "/api/approve", {"requestId": "req-1", "taskId": "task-2"}))
            assert status == 409 and reply["code"] == "task_already_approved" and "task-2" in reply["error"]

            # The command line decides too, and the page follows.
            await client.call_tool("get_next_task", {})
            await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-3", "completedDetails": "Export"})
            await page.wait_for_selector('#queue article.decide[data-task="task-3"]')
            await anyio.to_thread.run_sync(lambda: subprocess.run(
                [server_binary, "approve", "req-1", "task-3", "--state", str(state)], check=True, capture_output=True))
            await page.wait_for_selector('tr[data-task="task-3"] .status.approved')

            # A workflow run shows its current step.
            started = await client.call_tool("start_workflow", {"workflow_name": "commit_message"})
            assert not started.is_error, started.content[0].text
            run = page.locator('#runs article.run[data-run="run-1"]')
            await run.wait_for()
            assert "Current step:" in await run.inner_text() and "commit_message" in await run.inner_text()

            phone = await browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
            await phone.goto(board.address)
            await phone.wait_for_selector('section.request[data-request="req-1"]')
            width = await phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"the page is {width}px wide on a phone; only the graph may scroll"
            await phone.screenshot(path=str(PICTURES / "board-phone.png"), full_page=True)
        # Chromium logs every non-2xx answer to a fetch: the one refusal above, and nothing else.
        refusals = [error for error in errors if "status of 409 (Conflict)" in error]
        assert len(refusals) == 1 and [error for error in errors if error not in refusals] == [], errors


async def test_fifty_tasks_draw_without_an_edge_behind_a_box(server, server_binary, tmp_path, browser):
    tasks = []
    for index in range(50):
        depends = sorted({1 + (index * 7 + 3) % index, 1 + (index * 5) % index} if index else set())
        tasks.append({"title": f"Step {index + 1} of the migration", "description": "d", "dependsOn": depends})
    async with Client(server(), mode="legacy") as client:
        result = await client.call_tool("request_planning", {"originalRequest": "Fifty", "tasks": tasks})
        assert not result.is_error, result.content[0].text
    with running_board(server_binary, tmp_path / "state.json") as board:
        page = await browser.new_page(viewport={"width": 1400, "height": 900})
        await page.goto(board.address)
        await page.wait_for_selector('svg.graph g.box[data-task="task-50"]')
        assert await page.locator("svg.graph polyline.edge").count() > 50
        assert await edges_cross_boxes(page) == []
        size = await page.evaluate("() => { const r = document.querySelector('svg.graph g.box rect'); return [r.getBBox().width, r.getBBox().height]; }")
        assert size == [190, 46], "boxes keep their size at 50 tasks; the graph scrolls instead of shrinking"


async def test_pointing_at_a_task_traces_what_it_waits_for_and_what_waits_for_it(server, server_binary, tmp_path,
                                                                                  browser):
    state = tmp_path / "state.json"
    async with Client(server()) as client:
        await client.call_tool("request_planning", {"originalRequest": "Two strands", "tasks": [
            {"title": "Schema", "description": "d"}, {"title": "Migration", "description": "d", "dependsOn": [1]},
            {"title": "Logo", "description": "d"}, {"title": "Site", "description": "d", "dependsOn": [3]}]})
    with running_board(server_binary, state) as board:
        page = await browser.new_page(viewport={"width": 1280, "height": 900})
        await page.goto(board.address)
        graph = page.locator('svg.graph[data-request="req-1"]')
        await graph.locator('g.box[data-task="task-2"]').wait_for()
        assert await page.locator(".legend").inner_text() == (
            "pending\nin progress\ndone\napproved\nneeds you\n"
            "point at a task to trace what it waits for and what waits for it\n−\n+\nfit to width")

        async def lit():
            return await graph.evaluate(
                "svg => [svg.classList.contains('tracing'), [...svg.querySelectorAll('g.box.lit')].map(b => b.dataset.task),"
                " [...svg.querySelectorAll('polyline.edge.lit')].map(e => e.dataset.from + '>' + e.dataset.to)]")

        await graph.locator('g.box[data-task="task-2"]').hover()
        assert await lit() == [True, ["task-1", "task-2"], ["task-1>task-2"]]
        await page.mouse.move(5, 5)
        assert await lit() == [False, [], []]
        # A tap keeps it, another lets go.
        await graph.locator('g.box[data-task="task-3"]').click()
        await page.mouse.move(5, 5)
        assert await lit() == [True, ["task-3", "task-4"], ["task-3>task-4"]]
        await page.locator(".graph-block").first.screenshot(path=str(PICTURES / "board-trace.png"))
        # Fitted to the width, the graph is drawn whole within its block, and back at its own size.
        natural = await graph.evaluate("svg => svg.getBoundingClientRect().width")
        await page.locator('button.fit[data-request="req-1"]').click()
        fitted = await graph.evaluate("svg => [svg.getBoundingClientRect().width, svg.parentElement.clientWidth]")
        assert fitted[0] == fitted[1] and fitted[0] != natural, (natural, fitted)
        assert await page.locator('button.fit[data-request="req-1"]').inner_text() == "actual size"
        await page.locator('button.fit[data-request="req-1"]').click()
        assert await graph.evaluate("svg => svg.getBoundingClientRect().width") == natural
        # Zoomed in a step, and out again.
        await page.locator('.graph-block button[data-zoom="in"]').first.click()
        assert await graph.evaluate("svg => svg.getBoundingClientRect().width") == round(natural * 1.25)
        await page.locator('.graph-block button[data-zoom="out"]').first.click()
        assert await graph.evaluate("svg => svg.getBoundingClientRect().width") == natural
        await graph.locator('g.box[data-task="task-3"]').click()
        assert (await lit())[0] is False
