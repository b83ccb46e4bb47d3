-- No query filters events by workspace: the sync page counts a workspace's events from
-- event_rollup_daily, which equals a count over audit_event. One index less for every
-- event the sync writes.

-- DropIndex
DROP INDEX "audit_event_workspace_time_idx";
