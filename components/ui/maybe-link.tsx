import { Link } from "@/components/ui/link";
import type { ComponentProps } from "react";

/** A link when there is somewhere to go, the same text without one otherwise (a value no page or filter can name). */
export function MaybeLink({ href, ...props }: Omit<ComponentProps<typeof Link>, "href"> & { href: string | null }) {
  if (href === null) {
    const { className, children, title } = props;
    return (
      <span className={className} title={title} data-testid={(props as { "data-testid"?: string })["data-testid"]}>
        {children}
      </span>
    );
  }
  return <Link href={href} {...props} />;
}
