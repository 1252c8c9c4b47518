"""Data for imports: how other tools name their columns and their stages, and which mail domains
say nothing about an employer. Read by `adapters/files/tables.py` and `adapters/files/invite.py`;
a user can read and copy them."""
