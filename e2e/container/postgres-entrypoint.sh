#!/bin/sh
# The test's stand-in for the official postgres image, built from Debian's packages (no image
# registry is reachable here): the same interface (POSTGRES_USER, POSTGRES_PASSWORD,
# POSTGRES_DB, PGDATA, PGPORT), so the app container meets what compose.yaml gives it.
set -eu
PGBIN=/usr/lib/postgresql/15/bin
: "${PGDATA:=/var/lib/postgresql/data}"
: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}"
: "${PGPORT:=5432}"
mkdir -p "$PGDATA" /run/postgresql
chown -R postgres:postgres "$PGDATA" /run/postgresql
chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  printf '%s' "$POSTGRES_PASSWORD" > /tmp/pwfile
  chown postgres /tmp/pwfile
  # UTF8, as the official image initialises it (its LANG is en_US.utf8): a minbase system has
  # no locale, and initdb would otherwise pick SQL_ASCII, where U&'\FFFD' cannot be written.
  su postgres -s /bin/sh -c "$PGBIN/initdb -D '$PGDATA' -U '$POSTGRES_USER' --pwfile=/tmp/pwfile --encoding=UTF8 --locale=C --auth-local=trust --auth-host=scram-sha-256 >/dev/null"
  rm -f /tmp/pwfile
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D '$PGDATA' -o '-c listen_addresses= -p $PGPORT' -w start >/dev/null"
  su postgres -s /bin/sh -c "$PGBIN/psql -p $PGPORT -U '$POSTGRES_USER' -d postgres -qc 'CREATE DATABASE \"$POSTGRES_DB\"'"
  su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D '$PGDATA' -m fast -w stop >/dev/null"
fi
exec su postgres -s /bin/sh -c "exec $PGBIN/postgres -D '$PGDATA' -c listen_addresses='*' -p $PGPORT"
