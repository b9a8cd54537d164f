"""Commands the person runs in their own terminal: a tmux pane whose process runs outside the test's
process tree and session (the tmux server detaches) and has a controlling terminal. The person's
decisions (approve, the board) are refused where an agent runs them: inside a registered client's
tree, as everything this test process starts directly is, or without a terminal."""

import os
import shlex
import shutil
import subprocess
import tempfile
import threading
import uuid

TMUX = shutil.which("tmux")


class PersonProcess:
    """One command in a fresh tmux pane; its stderr comes back through a FIFO, read line by line."""

    def __init__(self, argv, env=None):
        assert TMUX, "tmux is needed for the person's terminal; .ci/run installs it"
        self.socket = f"orchestrator-{uuid.uuid4().hex}"
        self.folder = tempfile.mkdtemp(prefix="person-")
        fifo = os.path.join(self.folder, "stderr")
        os.mkfifo(fifo)
        command = "exec " + " ".join(shlex.quote(str(part)) for part in argv) + " 2>" + shlex.quote(fifo)
        # The pane's process is named as the session is made: a command that ends at once takes its
        # session with it, so asking afterwards could find nothing.
        made = subprocess.run([TMUX, "-L", self.socket, "new-session", "-d", "-P", "-F", "#{pane_pid}",
                               "-x", "200", "-y", "50", command],
                              env=env, check=True, stdin=subprocess.DEVNULL, capture_output=True, text=True)
        self.pid = int(made.stdout.strip())
        # Opening blocks until the pane's shell opens the FIFO for the command's stderr.
        self.stderr = open(fifo, encoding="utf-8", errors="replace")
        self.lines = []
        self._drained = None

    def readline(self):
        return self.stderr.readline()

    def drain(self):
        """Keeps reading stderr in the background so the command never blocks on a full pipe."""
        def keep():
            for line in self.stderr:
                self.lines.append(line)
        self._drained = threading.Thread(target=keep, daemon=True)
        self._drained.start()

    def poll(self):
        try:
            with open(f"/proc/{self.pid}/stat") as stat:
                return None if stat.read().rsplit(")", 1)[1].split()[0] != "Z" else 0
        except FileNotFoundError:
            return 0

    def terminate(self):
        subprocess.run([TMUX, "-L", self.socket, "kill-server"], capture_output=True)

    def wait(self, timeout=None):
        """Returns once the command has exited: its stderr reaches end of file."""
        if self._drained:
            self._drained.join(timeout)
        else:
            self.stderr.read()
        self.stderr.close()
        shutil.rmtree(self.folder, ignore_errors=True)
        return 0


def run_as_person(argv, env=None):
    """Runs a command to its end in the person's terminal; returns (exit status, stderr)."""
    marker = os.path.join(tempfile.mkdtemp(prefix="person-status-"), "status")
    shell = " ".join(shlex.quote(str(part)) for part in argv) + f"; echo $? >{shlex.quote(marker)}"
    process = PersonProcess(["/bin/sh", "-c", shell], env=env)
    process.drain()
    process.wait()
    with open(marker) as status:
        code = int(status.read())
    shutil.rmtree(os.path.dirname(marker), ignore_errors=True)
    return code, "".join(process.lines)
