import type { FocusEvent, KeyboardEvent } from "react";

const ITEM = "[data-roving]";
const MAIN = '[data-roving="main"]';
const ROW = "[data-roving-row]";
const CURRENT = "data-roving-current";

/**
 * One Tab stop for a panel of many buttons (a roving tabindex, as in ARIA's toolbar pattern).
 * Buttons inside carry `data-roving` ("main" for the one a row is reached by), their row
 * `data-roving-row`. Up and Down move between rows, Left and Right within a row, Home and
 * End to the first and last row; Tab leaves the panel in one step, and coming back lands on
 * the button last focused. Space and Enter are the buttons' own.
 *
 * Use: `ref={rovingTabStops} onKeyDown={rovingKeyDown} onFocus={rovingFocus}` on the panel.
 * Rows come and go as counts load and categories open, in renders of any child: a
 * MutationObserver keeps exactly one button tabbable.
 */
export function rovingTabStops(container: HTMLElement | null): (() => void) | undefined {
  if (!container) return undefined;
  const apply = () => {
    const items = [...container.querySelectorAll<HTMLElement>(ITEM)];
    const keep = items.find((i) => i.hasAttribute(CURRENT)) ?? items.find((i) => i.matches(MAIN)) ?? items[0];
    for (const item of items) {
      const tabIndex = item === keep ? "0" : "-1";
      if (item.getAttribute("tabindex") !== tabIndex) item.setAttribute("tabindex", tabIndex);
    }
  };
  apply();
  const observer = new MutationObserver(apply);
  observer.observe(container, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/** The focused button becomes the panel's Tab stop. */
export function rovingFocus(event: FocusEvent<HTMLElement>) {
  const target = event.target as HTMLElement;
  if (!target.matches(ITEM) || target.hasAttribute(CURRENT)) return;
  for (const item of event.currentTarget.querySelectorAll<HTMLElement>(ITEM)) {
    item.toggleAttribute(CURRENT, item === target);
    item.setAttribute("tabindex", item === target ? "0" : "-1");
  }
}

export function rovingKeyDown(event: KeyboardEvent<HTMLElement>) {
  const container = event.currentTarget;
  const target = event.target as HTMLElement;
  if (!target.matches(ITEM) || event.altKey || event.ctrlKey || event.metaKey) return;
  const row = target.closest<HTMLElement>(ROW);
  const mains = [...container.querySelectorAll<HTMLElement>(MAIN)];
  const inRow = row ? [...row.querySelectorAll<HTMLElement>(ITEM)].filter((i) => i.closest(ROW) === row) : [target];
  const at = mains.indexOf(row?.querySelector<HTMLElement>(MAIN) ?? target);
  const position = inRow.indexOf(target);
  const next: Record<string, HTMLElement | undefined> = {
    ArrowDown: mains[at + 1],
    ArrowUp: at > 0 ? mains[at - 1] : undefined,
    Home: mains[0],
    End: mains[mains.length - 1],
    ArrowRight: inRow[position + 1],
    ArrowLeft: position > 0 ? inRow[position - 1] : undefined,
  };
  if (!(event.key in next)) return;
  // The page would scroll otherwise, even at either end.
  event.preventDefault();
  next[event.key]?.focus();
}
