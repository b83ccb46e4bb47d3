/** Where a page puts skip links of its own, before the shell's "Skip to content" (page-skip-link.tsx). */
export const PAGE_SKIP_LINKS_ID = "page-skip-links";
