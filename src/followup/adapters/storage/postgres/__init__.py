"""PostgreSQL storage: one database for a whole office, each person's rows kept apart by
row-level security."""
