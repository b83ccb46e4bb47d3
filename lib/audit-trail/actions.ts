/**
 * Every action the dashboard's own audit trail records, declared once: the recorder's type,
 * the API's filter and the page's dropdown all come from this list. Add a name here before
 * recording it.
 */
export const AUDIT_ACTIONS = [
  "sign_in.success",
  "sign_in.failure",
  "sign_in.refused",
  "sign_in.locked",
  "sign_out",
  "sync.trigger",
  "sync.reconcile",
  "sync.verify",
  "export.csv",
  "export.ndjson",
  "export.audit",
  "export.failed",
  "saved_query.create",
  "saved_query.update",
  "saved_query.delete",
  "admin.add",
  "admin.remove",
  "admin.password",
  "alert_channel.create",
  "alert_channel.update",
  "alert_channel.delete",
  "alert_channel.test",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "sign_in.success": "Signed in",
  "sign_in.failure": "Sign-in failed",
  "sign_in.refused": "Sign-in refused",
  "sign_in.locked": "Sign-in locked out",
  sign_out: "Signed out",
  "sync.trigger": "Sync triggered",
  "sync.reconcile": "Reconciliation started",
  "sync.verify": "Archive verified",
  "export.csv": "Exported CSV",
  "export.ndjson": "Exported NDJSON",
  "export.audit": "Exported sealed days with manifest",
  "export.failed": "Export failed",
  "saved_query.create": "Saved query created",
  "saved_query.update": "Saved query changed",
  "saved_query.delete": "Saved query deleted",
  "admin.add": "Admin added",
  "admin.remove": "Admin removed",
  "admin.password": "Admin password set",
  "alert_channel.create": "Alert channel created",
  "alert_channel.update": "Alert channel changed",
  "alert_channel.delete": "Alert channel deleted",
  "alert_channel.test": "Alert channel test sent",
};
