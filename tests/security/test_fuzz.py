"""The fuzz targets, briefly, in every run (bench/fuzz_dossier.py and bench/fuzz_mail.py run
them for as long as you like)."""

from __future__ import annotations

from hypothesis import settings

from .fuzz_targets import FUZZ, fuzz_dossier, fuzz_mail


def test_the_dossier_reader_only_ever_says_one_line_and_imports_idempotently():
    settings(FUZZ, max_examples=300)(fuzz_dossier)()


def test_the_mail_header_reader_never_fails_and_bounds_what_it_reads():
    settings(FUZZ, max_examples=1000)(fuzz_mail)()
