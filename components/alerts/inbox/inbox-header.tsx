import { PageHeader } from "@/components/shell/page-header";

/** The inbox's heading, shared by its page and its loading state. */
export function InboxHeader() {
  return <PageHeader title="Alerts" description="What the detection rules found in the synced events. Acknowledge what you are looking into, resolve what is done; every change is in the audit trail." />;
}
