"""Crash test: 1,000 approved letters, the dispatcher killed (SIGKILL) at random moments and
started again until the outbox is empty. Every letter must then have been delivered exactly
once, or be flagged uncertain; none twice, none lost."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from collections import Counter
from datetime import time as clock_time

import pytest

from followup import bootstrap
from followup.adapters.files.dossier import parse_dossier
from followup.services.dossier import import_dossier
from followup.services.outbox import approve_letter

from .mail_support import always_open_dossier, received, start_smtp, write_config

LETTERS = int(os.environ.get("FOLLOWUP_CRASH_LETTERS", "1000"))


@pytest.mark.slow
def test_killing_the_dispatcher_never_sends_a_letter_twice_or_loses_one(tmp_path, capsys):
    database = tmp_path / "crash.sqlite3"
    deps = bootstrap.dependencies(str(database))
    import_dossier(deps, parse_dossier(always_open_dossier(LETTERS)))
    window = (clock_time(0, 0), clock_time(23, 59, 59))
    approved = {
        approve_letter(deps, f"bulk-{i:04d}", "Pat Doe", "thank_you", window=window).message_id
        for i in range(LETTERS)
    }
    server, port = start_smtp(tmp_path / "box")
    write_config(tmp_path / "config", port, window="00:00-24:00")
    env = dict(
        os.environ, FOLLOWUP_DATABASE=str(database), FOLLOWUP_CONFIG=str(tmp_path / "config")
    )
    rng = random.Random(20261128)
    kills = 0
    try:
        for _ in range(500):
            dispatcher = subprocess.Popen(
                [sys.executable, "-m", "followup", "send"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            try:
                dispatcher.wait(timeout=rng.uniform(0.3, 1.2))
            except subprocess.TimeoutExpired:
                dispatcher.send_signal(signal.SIGKILL)
                dispatcher.wait()
                kills += 1
                continue
            assert dispatcher.returncode == 0, dispatcher.stderr.read() if dispatcher.stderr else ""
            outbox = json.loads(
                subprocess.run(
                    [sys.executable, "-m", "followup", "outbox", "--json"],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
            if not any(o["status"] in ("queued", "sending") for o in outbox):
                break
        else:
            pytest.fail("the outbox never emptied")
    finally:
        server.terminate()
        server.wait()
    delivered = Counter(m["Message-ID"] for m in received(tmp_path / "box"))
    status = {o["message_id"]: o["status"] for o in outbox}
    assert set(status) == approved
    assert set(delivered) <= approved  # nothing the candidate did not approve
    twice = [m for m, n in delivered.items() if n > 1]
    lost = [m for m, s in status.items() if s == "sent" and delivered[m] != 1]
    stuck = [m for m, s in status.items() if s not in ("sent", "uncertain")]
    assert (twice, lost, stuck) == ([], [], [])
    uncertain = [m for m, s in status.items() if s == "uncertain"]
    with capsys.disabled():
        print(
            f"\ncrash test: {LETTERS} letters, {kills} kills; sent exactly once "
            f"{sum(1 for s in status.values() if s == 'sent')}, uncertain {len(uncertain)} "
            f"(of which delivered {sum(1 for m in uncertain if delivered[m] == 1)}), "
            f"delivered twice {len(twice)}, lost {len(lost)}"
        )
