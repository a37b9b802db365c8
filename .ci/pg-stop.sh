#!/usr/bin/env bash
# Stop the cluster started by .ci/pg-start.sh and remove its data directory.
dir=${MINUTES_PG_DIR:-}
[ -n "$dir" ] && [ -d "$dir/data" ] || exit 0
as=()
[ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
"${as[@]}" "$MINUTES_PG_BINDIR/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
rm -rf "$dir"
echo "pg-stop: stopped, $dir removed"
