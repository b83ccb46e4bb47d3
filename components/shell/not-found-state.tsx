import { Link } from "@/components/ui/link";
import { SearchX } from "lucide-react";

import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** What a link that leads nowhere shows: what is missing, why that may be, and ways on. */
export function NotFoundState({ title, description, links = [{ href: "/events", label: "Open the event explorer" }] }: { title: string; description: string; links?: Array<{ href: string; label: string }> }) {
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title" className="sr-only">
        {title}
      </h1>
      <EmptyState
        bordered
        icon={SearchX}
        title={title}
        description={description}
        action={
          <>
            {links.map((link, i) => (
              <Button key={link.href} size="sm" variant={i === 0 ? "default" : "outline"} asChild>
                <Link href={link.href}>{link.label}</Link>
              </Button>
            ))}
            <Button size="sm" variant="outline" asChild>
              <Link href="/">Overview</Link>
            </Button>
          </>
        }
      />
    </section>
  );
}
