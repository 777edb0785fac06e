"""Reads schemathesis NDJSON reports and decides the conformance run: every failed check must match an exception.

Usage: verdict.py EXCEPTIONS_TOML REPORT.ndjson [REPORT.ndjson ...]
Prints each distinct failure (operation, check, first line of the message) and whether an exception covers it,
then the exceptions that matched nothing (stale ones are reported so the file does not rot, and fail the run).
Exit status: 0 when everything is covered, 1 otherwise.
"""

import json
import sys
import tomllib
from dataclasses import dataclass


@dataclass(frozen=True)
class Failure:
    operation: str
    check: str
    message: str

    @property
    def headline(self) -> str:
        return " / ".join(line.strip() for line in self.message.splitlines()[:2] if line.strip())


def load_exceptions(path):
    with open(path, "rb") as handle:
        entries = tomllib.load(handle).get("exception", [])
    for entry in entries:
        missing = [key for key in ("operation", "check", "reason") if not entry.get(key)]
        if missing:
            sys.exit(f"conformance: an exception in {path} lacks {', '.join(missing)}: {entry}")
    return entries


def read_failures(report):
    """Every failed check of every scenario, plus errors that stopped an operation from being tested."""
    failures, finished = set(), False
    with open(report, encoding="utf-8") as handle:
        for line in handle:
            event = json.loads(line)
            if "EngineFinished" in event:
                finished = True
            if "NonFatalError" in event:
                error = event["NonFatalError"]
                failures.add(Failure(error.get("label", "?"), "error", error["value"].get("message", "")))
            scenario = event.get("ScenarioFinished")
            if not scenario or not scenario.get("recorder"):
                continue
            for checks in scenario["recorder"].get("checks", {}).values():
                for check in checks:
                    if check.get("status") == "failure":
                        info = check["failure_info"]["failure"]
                        failures.add(Failure(info["operation"], check["name"], info.get("title", "") + "\n" + info.get("message", "")))
    if not finished:
        failures.add(Failure(report, "error", "schemathesis did not finish this run"))
    return failures


def covering(failure, exceptions):
    for entry in exceptions:
        if entry["operation"] != failure.operation or entry["check"] != failure.check:
            continue
        if entry.get("match", "") in failure.message:
            return entry
    return None


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    exceptions = load_exceptions(sys.argv[1])
    failures = set()
    for report in sys.argv[2:]:
        failures |= read_failures(report)
    used, open_failures = set(), []
    for failure in sorted(failures, key=lambda f: (f.operation, f.check, f.message)):
        entry = covering(failure, exceptions)
        if entry is None:
            open_failures.append(failure)
            print(f"FAIL     {failure.operation} [{failure.check}] {failure.headline}")
        else:
            used.add(id(entry))
            print(f"excepted {failure.operation} [{failure.check}] {failure.headline}")
    stale = [entry for entry in exceptions if id(entry) not in used]
    for entry in stale:
        print(f"STALE    {entry['operation']} [{entry['check']}] {entry.get('match', '')}: no failure matches this exception")
    print(f"conformance: {len(failures)} distinct failures, {len(failures) - len(open_failures)} excepted, "
          f"{len(open_failures)} not excepted, {len(stale)} stale exceptions")
    return 1 if open_failures or stale else 0


if __name__ == "__main__":
    sys.exit(main())
