"""SQLite storage: the embedded default, one file on the candidate's machine."""
