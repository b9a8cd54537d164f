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
