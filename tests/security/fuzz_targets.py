"""Fuzz targets for the two readers that take what anyone can write: the dossier reader (a JSON
file) and the mail header reader (a message from anyone). Each target is one Hypothesis
property; `test_fuzz.py` runs it briefly in every test run and `bench/fuzz_*.py` for as long as
it is given (Hypothesis's fuzz_one_input, fed random bytes, or atheris when it is installed).

The properties: nothing but a FollowupError (one line, no traceback) ever comes out of the
dossier reader and import; whatever imports once imports again unchanged (idempotence); the
mail reader never raises, and what it reads is bounded (a sent time in 2000–2099, aware).
"""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.adapters.files.dossier import parse_dossier, read_dossier_text
from followup.adapters.holidays import calendar_for
from followup.adapters.mail.mailbox import incoming
from followup.adapters.policies import PolicyBook
from followup.domain.errors import FollowupError
from followup.services.dependencies import Dependencies
from followup.services.dossier import import_dossier
from followup.services.inbox import Incoming, moment_of
from tests.fakes import FakeStore

NOW = datetime(2026, 12, 28, 15, 0, tzinfo=UTC)
BOOK = PolicyBook(None)
FUZZ = settings(
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)

# -- the dossier ------------------------------------------------------------------------------
KEYS = [
    "candidate", "opportunities", "id", "company", "role", "policy", "timeline",
    "preliminary_deadline", "second_round_deadline", "interviews", "date", "round", "contacts",
    "name", "title", "email", "phone", "minutes", "decision_maker", "topics", "timezone",
    "events", "kind", "step", "contact", "time", "note", "country", "subdivision", "weekmask",
    "default_policy", "strengths", "courses", "other_interviews",
]  # fmt: skip
TEXTS = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "acme-ae",
            "acme-1",
            "Dana Reyes",
            "Lee Park",
            "dana@acme.example",
            "persistent",
            "etiquette",
            "done",
            "reply",
            "rejected",
            "invited",
            "offer",
            "withdrawn",
            "thank_you",
            "call",
            "final",
            "secondary",
            "2026-12-23",
            "2027-01-08",
            "9999-12-31",
            "2027-W01-1",
            "2026-02-30",
            "16:30",
            "16:30:59",
            "16:30+02:00",
            "24:00",
            "America/Chicago",
            "Europe/Atlantis",
            "US",
            "IL",
            "QQ",
            "1111100",
            "plain#2",
            "a/b",
            "\ud800",
            "x\r\nBcc: y@evil.example",
            "١٢",
            "２０２６-12-23",
        ]
    ),
    st.text(max_size=20),
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    TEXTS,
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=5)), inner, max_size=6),
    ),
    max_leaves=40,
)


def _contact() -> st.SearchStrategy[dict[str, object]]:
    return st.fixed_dictionaries(
        {"name": st.sampled_from(["Dana Reyes", "Lee Park", "Kim Lo", "dana reyes"])},
        optional={
            "email": st.sampled_from(["dana@acme.example", "lee@acme.example", "bad@", ""]),
            "minutes": st.one_of(st.integers(-5, 2000), JSON),
            "decision_maker": st.one_of(st.booleans(), JSON),
            "topics": st.one_of(st.lists(TEXTS, max_size=3), JSON),
            "timezone": st.sampled_from(["", "Europe/London", "Nowhere/Else"]),
        },
    )


DATES = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["2026-12-23", "2026-12-24", "2027-01-04", "2027-01-20"]),
    JSON,
)
OPPORTUNITY = st.fixed_dictionaries(
    {
        "id": st.one_of(st.sampled_from(["acme-ae", "beta-1", "plain#2"]), JSON),
        "company": st.one_of(st.just("Acme Corp"), JSON),
    },
    optional={
        "policy": st.sampled_from(["persistent", "etiquette", "pushy", ""]),
        "timeline": st.one_of(
            st.fixed_dictionaries(
                {}, optional={"preliminary_deadline": DATES, "second_round_deadline": DATES}
            ),
            JSON,
        ),
        "interviews": st.lists(
            st.fixed_dictionaries(
                {"id": st.sampled_from(["i-1", "i-2", "i-1 "]), "date": DATES},
                optional={
                    "round": st.one_of(st.integers(-1, 200), JSON),
                    "contacts": st.lists(_contact(), max_size=3),
                },
            ),
            max_size=3,
        ),
        "events": st.lists(
            st.fixed_dictionaries(
                {
                    "date": DATES,
                    "kind": st.sampled_from(["done", "reply", "rejected", "offer", "x"]),
                },
                optional={
                    "contact": st.sampled_from(["Dana Reyes", "Lee Park", "Nobody"]),
                    "step": st.sampled_from(["thank_you", "call", "flowers"]),
                    "time": st.one_of(st.sampled_from(["16:30", "16:30:59", "9:00"]), JSON),
                    "note": TEXTS,
                },
            ),
            max_size=4,
        ),
    },
)
DOSSIER = st.fixed_dictionaries(
    {"opportunities": st.one_of(st.lists(OPPORTUNITY, max_size=3), JSON)},
    optional={
        "candidate": st.one_of(
            st.fixed_dictionaries(
                {"name": st.just("Sam Ortiz")},
                optional={
                    "email": st.sampled_from(["sam@example.com", "sam", ""]),
                    "timezone": st.sampled_from(["America/Chicago", "UTC", "Mars/Base"]),
                    "country": st.sampled_from(["US", "DE", "QQ", ""]),
                    "other_interviews": st.one_of(st.integers(-1, 2000), JSON),
                },
            ),
            JSON,
        )
    },
)
DOSSIER_BYTES = st.one_of(
    st.binary(max_size=400),
    JSON.map(lambda v: json.dumps(v).encode()),
    DOSSIER.map(lambda v: json.dumps(v, ensure_ascii=False).encode("utf-8", "surrogatepass")),
)


def check_dossier(raw: bytes) -> None:
    """Read and import a dossier twice on an in-memory store: a FollowupError or success, and
    a second import of what succeeded changes nothing."""
    deps = Dependencies(FakeStore(), calendar_for, BOOK, clock=lambda: NOW)
    try:
        dossier = parse_dossier(read_dossier_text(raw, "fuzz.json"))
        first = import_dossier(deps, dossier)
    except FollowupError as error:
        assert "\n" not in str(error), str(error)
        return
    again = import_dossier(deps, parse_dossier(read_dossier_text(raw, "fuzz.json")))
    assert (again.added, again.updated) == (0, 0), (first, again)


@given(DOSSIER_BYTES)
def fuzz_dossier(raw: bytes) -> None:
    check_dossier(raw)


# -- the mail header reader -------------------------------------------------------------------
HEADER_NAMES = st.sampled_from(
    ["From", "Date", "Subject", "In-Reply-To", "References", "Auto-Submitted", "Precedence",
     "X-Autoreply", "To", "Content-Type", "from", "DATE"]
)  # fmt: skip
HEADER_VALUES = st.one_of(
    st.sampled_from(
        [
            "Fri, 31 Dec 9999 23:59:59 +0000",
            "Mon, 1 Jan 0001 00:00:00 +1400",
            "Tue, 24 Nov 2026 10:00:00 -0600",
            "Tue, 24 Nov 2026 99:99:99 +9999",
            "Dana Reyes <dana@acme.example>",
            "=?x-unknown?q?Dana?= <d@x>",
            "<a@b> <c@d>",
            "=?utf-8?b?////?=",
            "auto-replied",
            "bulk",
            "Thu, 1 Jan 1970 00:00:00 -0000",
            "31 Dec 99999999999999 23:59 +0000",
            "\x00\xff",
        ]
    ),
    st.text(max_size=60),
)
HEADERS = st.lists(st.tuples(HEADER_NAMES, HEADER_VALUES), max_size=8).map(
    lambda pairs: (
        "".join(f"{k}: {v}\r\n" for k, v in pairs).encode("utf-8", "surrogateescape")
        + b"\r\nbody\r\n"
    )
)
MAIL_BYTES = st.one_of(st.binary(max_size=600), HEADERS)
ARRIVALS = st.one_of(st.none(), st.datetimes(timezones=st.just(UTC)))


def check_mail(raw: bytes, arrived: datetime | None) -> None:
    """The header reader never raises; what it reads is bounded; the time rule always answers."""
    seen = incoming(raw, received_at=arrived, where="fuzz")
    assert isinstance(seen, Incoming)
    if seen.sent_at is not None:
        assert seen.sent_at.tzinfo is not None
        assert 2000 <= seen.sent_at.year <= 2099
    moment, why = moment_of(seen, NOW)
    assert moment is not None or why


@given(MAIL_BYTES, ARRIVALS)
def fuzz_mail(raw: bytes, arrived: datetime | None) -> None:
    check_mail(raw, arrived)


# -- the long runs (bench/fuzz_*.py) ---------------------------------------------------------
def run_for(target: object, seconds: float, seed: int, use_atheris: bool = False) -> int:
    """Feed `target` (a @given property) random buffers for `seconds`; returns how many inputs
    ran. A finding raises, after Hypothesis has printed the failing example."""
    import os
    import random
    import time

    fuzzed = settings(FUZZ)(target)  # type: ignore[operator]
    one = fuzzed.hypothesis.fuzz_one_input
    if use_atheris:
        import sys

        import atheris  # optional: coverage-guided, when installed

        count = [0]
        deadline = time.monotonic() + seconds

        def step(data: bytes) -> None:
            count[0] += 1
            one(data)
            if time.monotonic() > deadline:
                raise SystemExit(0)

        atheris.Setup([sys.argv[0], f"-seed={seed}"], step)
        with contextlib.suppress(SystemExit):
            atheris.Fuzz()
        return count[0]
    rng = random.Random(seed)
    deadline = time.monotonic() + seconds
    count = 0
    while time.monotonic() < deadline:
        size = rng.choice((16, 64, 256, 1024, 4096, 16384))
        one(rng.randbytes(size) if rng.random() < 0.9 else os.urandom(size))
        count += 1
    return count


def command_line(target: object, what: str, description: str) -> int:
    """The body of bench/fuzz_*.py: run `target` for --seconds, say how many inputs it read."""
    import argparse
    import time

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--atheris", action="store_true", help="coverage-guided (pip install atheris)"
    )
    args = parser.parse_args()
    started = time.monotonic()
    inputs = run_for(target, args.seconds, args.seed, args.atheris)
    spent = time.monotonic() - started
    print(f"{what}: {inputs} inputs in {spent:.0f} s, no finding (seed {args.seed})")
    return 0
