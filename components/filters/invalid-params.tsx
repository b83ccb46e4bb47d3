import { Link } from "@/components/ui/link";
import { CircleAlert } from "lucide-react";
import type { ParamError } from "@/lib/url/search-contract";
import { Button } from "@/components/ui/button";
import { DataText } from "@/components/ui/data-text";

/** The URL without the parameters that are wrong, so the rest of a shared view still opens. */
export function withoutParams(search: URLSearchParams, errors: ParamError[]): string {
  const next = new URLSearchParams(search);
  const time = ["range", "from", "to"];
  for (const e of errors) {
    // A bad bound makes the whole range doubtful: drop all of it and fall back to the default.
    for (const key of time.includes(e.param) ? time : [e.param]) next.delete(key);
  }
  const text = next.toString();
  return text ? `?${text}` : "";
}

/**
 * What is wrong with the link, parameter by parameter, instead of a page that silently shows
 * something else. Used by the server page and by the client after Back/Forward.
 */
export function InvalidParams({ errors, search, path = "/events" }: { errors: ParamError[]; search: URLSearchParams; path?: string }) {
  return (
    <div role="alert" className="flex flex-col gap-3 rounded-lg border border-destructive/30 bg-destructive/5 p-4" data-testid="invalid-params">
      <div className="flex items-center gap-2 font-medium">
        <CircleAlert className="size-4 text-destructive" aria-hidden />
        This link has {errors.length === 1 ? "a setting" : `${errors.length} settings`} this page cannot use
      </div>
      <ul className="flex flex-col gap-1 text-sm">
        {errors.map((e, i) => (
          <li key={i} className="[overflow-wrap:anywhere]">
            <code className="mr-1.5 rounded bg-muted px-1 py-0.5 font-mono text-xs">
              <DataText value={e.param} max={60} />
            </code>
            {/* Messages quote the link's own values, which may hold anything a URL can. */}
            <DataText value={e.message} max={400} />
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" asChild>
          <Link href={`${path}${withoutParams(search, errors)}`}>Open without {errors.length === 1 ? "it" : "them"}</Link>
        </Button>
        <Button size="sm" variant="outline" asChild>
          <Link href={path}>Start over</Link>
        </Button>
      </div>
    </div>
  );
}
