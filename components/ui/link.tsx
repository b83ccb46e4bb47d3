"use client";

import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps, FocusEvent, MouseEvent, TouchEvent } from "react";

type LinkProps = ComponentProps<typeof NextLink>;

/**
 * The app's one link. Next.js prefetches every link that scrolls into view; every page here is
 * rendered per request from the database, so a page with forty links made forty server renders
 * that competed with the page itself on a small server. A link is fetched ahead only when a
 * person shows the intent to open it (pointer over it, keyboard focus, a touch), once.
 */
export function Link({ prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: LinkProps) {
  const router = useRouter();
  const href = typeof props.href === "string" ? props.href : null;
  // An explicit prefetch (true, "auto") is the caller's choice; false means never, even on intent.
  if (prefetch !== undefined && prefetch !== null) return <NextLink prefetch={prefetch} onMouseEnter={onMouseEnter} onFocus={onFocus} onTouchStart={onTouchStart} {...props} />;
  const intent = () => {
    if (href?.startsWith("/")) router.prefetch(href);
  };
  return (
    <NextLink
      prefetch={false}
      onMouseEnter={(event: MouseEvent<HTMLAnchorElement>) => {
        intent();
        onMouseEnter?.(event);
      }}
      onFocus={(event: FocusEvent<HTMLAnchorElement>) => {
        intent();
        onFocus?.(event);
      }}
      onTouchStart={(event: TouchEvent<HTMLAnchorElement>) => {
        intent();
        onTouchStart?.(event);
      }}
      {...props}
    />
  );
}
