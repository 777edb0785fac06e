"""Reads schemathesis NDJSON reports and decides the conformance run: every failed check must match an exception.

Usage: verdict.py EXCEPTIONS_TOML REPORT.ndjson [REPORT.ndjson ...]
Prints each distinct failure (operation, check, first line of the message) and whether an exception covers it,
then the exceptions that matched nothing (stale ones are reported so the file does not rot, and fail the run).
An exception's `match` is text the failure's message must contain; its optional `response_match` is text a
request's response body must contain (schemathesis' messages for some checks, e.g. positive_data_acceptance, say
nothing about why the request was refused). A failure is covered when every request that failed that way is
covered by some exception.
Exit status: 0 when everything is covered, 1 otherwise.
"""

import base64
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


def response_text(interaction):
    content = (interaction or {}).get("response", {}).get("content") or {}
    if "$base64" in content:
        return base64.b64decode(content["$base64"]).decode("utf-8", "replace")
    return str(content.get("body", "")) if isinstance(content, dict) else str(content)


def read_failures(report, responses):
    """Every failed check of every scenario, plus errors that stopped an operation from being tested. `responses`
    collects, per failure, the response bodies of the requests that failed that way."""
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
            for case_id, checks in scenario["recorder"].get("checks", {}).items():
                interaction = scenario["recorder"].get("interactions", {}).get(case_id)
                for check in checks:
                    if check.get("status") == "failure":
                        info = check["failure_info"]["failure"]
                        failure = Failure(info["operation"], check["name"], info.get("title", "") + "\n" + info.get("message", ""))
                        failures.add(failure)
                        responses.setdefault(failure, []).append(response_text(interaction))
    if not finished:
        failures.add(Failure(report, "error", "schemathesis did not finish this run"))
    return failures


def covering(failure, exceptions, responses):
    """The exceptions that cover every request that failed this way (each request by one of them), or None."""
    candidates = [entry for entry in exceptions
                  if entry["operation"] == failure.operation and entry["check"] == failure.check
                  and entry.get("match", "") in failure.message]
    used = []
    for body in responses.get(failure, [""]):
        entry = next((entry for entry in candidates if entry.get("response_match", "") in body), None)
        if entry is None:
            return None
        if all(entry is not seen for seen in used):
            used.append(entry)
    return used


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    exceptions = load_exceptions(sys.argv[1])
    failures, responses = set(), {}
    for report in sys.argv[2:]:
        failures |= read_failures(report, responses)
    used, open_failures = set(), []
    for failure in sorted(failures, key=lambda f: (f.operation, f.check, f.message)):
        entries = covering(failure, exceptions, responses)
        if entries is None:
            open_failures.append(failure)
            print(f"FAIL     {failure.operation} [{failure.check}] {failure.headline}")
        else:
            used.update(id(entry) for entry in entries)
            print(f"excepted {failure.operation} [{failure.check}] {failure.headline}")
    stale = [entry for entry in exceptions if id(entry) not in used]
    for entry in stale:
        text = " / ".join(filter(None, [entry.get("match", ""), entry.get("response_match", "")]))
        print(f"STALE    {entry['operation']} [{entry['check']}] {text}: no failure matches this exception")
    print(f"conformance: {len(failures)} distinct failures, {len(failures) - len(open_failures)} excepted, "
          f"{len(open_failures)} not excepted, {len(stale)} stale exceptions")
    return 1 if open_failures or stale else 0


if __name__ == "__main__":
    sys.exit(main())
