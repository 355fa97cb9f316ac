"""Fixtures of the site tests: one strict build of the handbook, and a local server for it.

The build runs once per session (``mkdocs build --strict`` into a temporary directory,
from the repository root) and fails the tests that use it, with mkdocs' whole output, if
it fails or logs a warning. The server serves that directory on 127.0.0.1 only.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parents[2]

#: A log line of mkdocs at level WARNING or ERROR ("WARNING -  ...", "ERROR   -  ...").
PROBLEM = re.compile(r"^\s*(WARNING|ERROR)\b")
#: The notebook kernel's own stderr (e.g. its "running over TCP" warning) is not mkdocs'.
KERNEL_NOISE = "[IPKernelApp]"


#: What the build's generation steps (plots, notebooks, KaTeX) read; see inputs_digest.
GENERATION_INPUTS = ("activations/**/*.py", "scripts/plots.py", "scripts/hooks/*.py", "notebooks/*.py",
                     "node_modules/katex/package.json")


def inputs_digest() -> str:
    """A digest of the generation's inputs: others may edit them while the tests run."""
    h = hashlib.sha256()
    for pattern in GENERATION_INPUTS:
        for path in sorted(ROOT.glob(pattern)):
            h.update(path.relative_to(ROOT).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


@dataclass(frozen=True)
class Build:
    """A finished build: where the site is, what mkdocs printed, and the inputs it started from."""

    site: Path
    log: str
    inputs: str


def mkdocs_build(site_dir: Path) -> Build:
    """``mkdocs build --strict -d site_dir``; fails the test on an error or any warning."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    inputs = inputs_digest()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=600,
    )
    log = proc.stdout + proc.stderr
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed (exit {proc.returncode}):\n{log}", pytrace=False)
    problems = [line for line in log.splitlines()
                if PROBLEM.match(line) and not line.lstrip().startswith(KERNEL_NOISE)]
    if problems:
        pytest.fail("mkdocs build --strict logged warnings:\n" + "\n".join(problems)
                    + f"\n\n--- full output ---\n{log}", pytrace=False)
    return Build(site_dir, log, inputs)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests of one function page run one after another (in the order of the registry), so
    that test_claims.py parses each page once per worker, not once per test."""
    first: dict[Path, int] = {}  # each file stays where it was
    for n, item in enumerate(items):
        first.setdefault(item.path, n)

    def key(item: pytest.Item) -> tuple:
        spec = getattr(item, "callspec", None) and item.callspec.params.get("spec")
        if item.path.name == "test_claims.py" and spec is not None:  # grouped by page
            return (first[item.path], spec.order, str(item.callspec.params.get("lang")))
        return (first[item.path], -1, "")
    items.sort(key=key)  # stable: within a group, the tests keep their order


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Build:
    """The handbook built once for the session, strictly and without a warning.

    Under pytest-xdist the workers share one build: the first to get the lock builds (two builds
    at once would both write the generated files in docs/), the others read what it recorded.
    A failed build records nothing, so every worker fails with mkdocs' own output.
    """
    if worker_id == "master":  # one process: no one to share with
        return mkdocs_build(tmp_path_factory.mktemp("site") / "site")
    shared = tmp_path_factory.getbasetemp().parent  # the same directory for every worker of the run
    record = shared / "built_site.json"
    with FileLock(str(shared / "built_site.lock")):
        if record.is_file():
            saved = json.loads(record.read_text(encoding="utf-8"))
            return Build(Path(saved["site"]), saved["log"], saved["inputs"])
        done = mkdocs_build(shared / "site")
        record.write_text(json.dumps({"site": str(done.site), "log": done.log, "inputs": done.inputs}),
                          encoding="utf-8")
        return done


@pytest.fixture(scope="session")
def build() -> Callable[[Path], Build]:
    """Build the site again into a directory of the test's choosing (same checks as ``built_site``)."""
    return mkdocs_build


@pytest.fixture(scope="session")
def current_inputs() -> Callable[[], str]:
    """``inputs_digest``, for tests that compare against the generated files in docs/."""
    return inputs_digest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # the tests report what matters
        pass


class _Server(http.server.ThreadingHTTPServer):
    request_queue_size = 128  # (5 by default) two browsers' bursts of requests: none refused
    daemon_threads = True


@pytest.fixture(scope="session")
def site_url(built_site: Build) -> Iterator[str]:
    """Base URL (ending in "/") of the built site, served on 127.0.0.1 from a thread."""
    handler = functools.partial(_QuietHandler, directory=str(built_site.site))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
