"""PostgreSQL migrations, NNNN_name.sql, applied in order by the shared runner."""
