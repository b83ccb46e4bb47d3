import { notFound } from "next/navigation";
import { draftOf } from "@/components/alerts/rules/rule-draft";
import { RuleForm } from "@/components/alerts/rules/rule-form";
import { PageHeader } from "@/components/shell/page-header";
import { DataText } from "@/components/ui/data-text";
import { Link } from "@/components/ui/link";
import { getRule, RULE_ID } from "@/lib/rules/store";

export const dynamic = "force-dynamic";
export const metadata = { title: "Detection rule" };

export default async function RulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const rule = RULE_ID.test(id) ? await getRule(id) : null;
  if (!rule) notFound();
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={<DataText value={rule.name} max={200} />}
        description={
          <>
            {rule.builtin ? "A built-in rule: your changes are kept across upgrades." : `Added by ${rule.createdBy ?? "an admin"}.`} Version {rule.version}.{" "}
            {rule.openAlerts > 0 ? (
              <Link href={`/alerts?rule=${encodeURIComponent(rule.id)}`} className="underline underline-offset-2">
                {rule.openAlerts.toLocaleString("en")} open {rule.openAlerts === 1 ? "alert" : "alerts"}
              </Link>
            ) : (
              "No open alerts."
            )}
          </>
        }
      />
      <RuleForm rule={rule} initial={draftOf(rule)} />
    </div>
  );
}
