"""Calls that wait (`waitSeconds`), as a test meets them: knowing when the server has parked one."""

import anyio


class Parked:
    """A progress callback that tells when the server has parked the call: it reports "Waiting for …" then."""

    def __init__(self):
        self.event = anyio.Event()
        self.reports = []

    async def __call__(self, value, total, message):
        self.reports.append((value, message))
        if (message or "").startswith("Waiting for"):
            self.event.set()

    async def wait(self):
        with anyio.fail_after(30):
            await self.event.wait()


async def next_task_after(client, decide):
    """Parks `get_next_task` with `waitSeconds` on `client`, runs `decide` (an async function) once
    the server has parked it, and returns the call's structured result."""
    parked, results = Parked(), []

    async def wait_for_work():
        results.append(await client.call_tool("get_next_task", {"waitSeconds": 50}, progress_callback=parked))

    async with anyio.create_task_group() as group:
        group.start_soon(wait_for_work)
        await parked.wait()
        await decide()
    return results[0].structured_content
