"""Crash test on a shared server: 2,000 approved letters of four candidates, four dispatchers
(`followup send`) running at once against one loopback SMTP server, each killed (SIGKILL) at
random moments and started again until the outbox is empty. Every letter must then have been
delivered exactly once or be flagged uncertain; none lost, none twice."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import time as clock_time

import pytest

from followup.adapters.files.dossier import parse_dossier
from followup.services.dossier import import_dossier
from followup.services.outbox import approve_letter

from .mail_support import always_open_dossier, received, start_smtp, write_config

LETTERS = int(os.environ.get("FOLLOWUP_CRASH_LETTERS", "2000"))
DISPATCHERS = 4


def approve_all(database, user: str, count: int) -> set[str]:  # type: ignore[no-untyped-def]
    """`count` letters approved by one candidate (both candidates' opportunities have the same
    ids: ids are per account)."""
    deps = database.deps(user)
    import_dossier(deps, parse_dossier(always_open_dossier(count)))
    window = (clock_time(0, 0), clock_time(23, 59, 59))
    return {
        approve_letter(deps, f"bulk-{i:04d}", "Pat Doe", "thank_you", window=window).message_id
        for i in range(count)
    }


@pytest.mark.slow
def test_four_dispatchers_killed_at_random_send_each_letter_once_or_flag_it(
    postgres_database, tmp_path, capsys
):
    database = postgres_database
    accounts = database.store().accounts()
    for extra in ("ana@example.com", "bo@example.com"):
        accounts.add(extra, "candidate", "not a password anyone can sign in with")
    people = ("sam@example.com", "kim@example.com", "ana@example.com", "bo@example.com")
    approved: set[str] = set()
    for n, person in enumerate(people):
        share = LETTERS // len(people) + (1 if n < LETTERS % len(people) else 0)
        approved |= approve_all(database, person, share)
    assert len(approved) == LETTERS
    server, port = start_smtp(tmp_path / "box")
    write_config(tmp_path / "config", port, window="00:00-24:00")
    env = dict(os.environ, FOLLOWUP_DATABASE=database.location)
    env["FOLLOWUP_CONFIG"] = str(tmp_path / "config")
    env.pop("FOLLOWUP_USER", None)  # the office's dispatchers: everyone's letters
    rng = random.Random(20261129)
    kills = starts = 0
    running: list[tuple[subprocess.Popen[bytes], float]] = []

    def left() -> int:
        (n,) = database.sql("SELECT count(*) FROM outbox WHERE status IN ('queued', 'sending')")[0]
        return int(n)

    try:
        deadline = time.monotonic() + 1800
        while time.monotonic() < deadline:
            for process, until in list(running):
                if process.poll() is not None:
                    running.remove((process, until))
                    err = process.stderr.read().decode() if process.stderr else ""
                    assert process.returncode == 0, err
                elif time.monotonic() > until:
                    process.send_signal(signal.SIGKILL)
                    process.wait()
                    running.remove((process, until))
                    kills += 1
            if not running and left() == 0:
                break
            while len(running) < DISPATCHERS and left() > 0:
                process = subprocess.Popen(
                    [sys.executable, "-m", "followup", "send"],
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                )
                running.append((process, time.monotonic() + rng.uniform(1.0, 5.0)))
                starts += 1
            time.sleep(0.05)
        else:
            pytest.fail("the outbox never emptied")
    finally:
        for process, _ in running:
            process.kill()
            process.wait()
        server.terminate()
        server.wait()
    delivered = Counter(m["Message-ID"] for m in received(tmp_path / "box"))
    status = dict(database.sql("SELECT message_id, status FROM outbox"))
    assert set(status) == approved
    assert set(delivered) <= approved  # nothing the candidates did not approve
    twice = [m for m, n in delivered.items() if n > 1]
    lost = [m for m, s in status.items() if s == "sent" and delivered[m] != 1]
    stuck = [m for m, s in status.items() if s not in ("sent", "uncertain")]
    assert (twice, lost, stuck) == ([], [], [])
    uncertain = [m for m, s in status.items() if s == "uncertain"]
    sent = sum(1 for s in status.values() if s == "sent")
    assert kills > 0 and sent > 0
    with capsys.disabled():
        print(
            f"\ncrash test (PostgreSQL, {DISPATCHERS} dispatchers): {LETTERS} letters, "
            f"{starts} dispatchers started, {kills} killed; sent exactly once {sent}, uncertain "
            f"{len(uncertain)} (of which delivered {sum(1 for m in uncertain if delivered[m])}), "
            f"delivered twice {len(twice)}, lost {len(lost)}"
        )
