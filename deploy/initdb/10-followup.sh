#!/bin/sh
# Run once by the postgres image on an empty data folder: Followup's two roles and its database.
set -eu
psql -v ON_ERROR_STOP=1 --username postgres \
    -v owner_password="$OWNER_PASSWORD" -v app_password="$APP_PASSWORD" <<'SQL'
CREATE ROLE followup_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE followup_app LOGIN PASSWORD :'app_password';
CREATE DATABASE followup OWNER followup_owner;
SQL
