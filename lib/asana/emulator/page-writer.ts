import type { BufferPool } from "./buffer-pool";
import { recordText } from "./raw-json";
import type { NextPage } from "./types";

/** The first part of a page, `{"data":[...events`, ready for its tail. */
export interface PageHead {
  buf: Buffer;
  length: number;
}

function ensure(head: PageHead, extra: number, pool: BufferPool): void {
  if (head.length + extra <= head.buf.length) return;
  const bigger = pool.acquire((head.length + extra) * 2);
  head.buf.copy(bigger, 0, 0, head.length);
  pool.release(head.buf);
  head.buf = bigger;
}

/**
 * Serialises a page's events straight into a pooled buffer, one event at a time. JSON.stringify
 * of a whole 600 KB page yields a string V8 must flatten again before it can be encoded; small
 * per-event strings skip that second pass, which is most of the cost of a page after building it.
 */
export function writeHead(items: readonly unknown[], pool: BufferPool): PageHead {
  const head: PageHead = { buf: pool.acquire(items.length * 1024 + 4096), length: 0 };
  head.length = head.buf.write('{"data":[', 0, "latin1");
  for (let i = 0; i < items.length; i++) {
    const s = recordText(items[i]);
    // Worst case 3 bytes per UTF-16 unit; grow rarely, copying what is written so far.
    ensure(head, s.length * 3 + 1, pool);
    if (i > 0) head.buf[head.length++] = 0x2c;
    head.length += head.buf.write(s, head.length, "utf8");
  }
  return head;
}

/** Closes a page with its next_page; the returned buffer belongs to the pool once sent. */
export function finishPage(head: PageHead, nextPage: NextPage | null, pool: BufferPool): PageHead {
  const tail = `],"next_page":${JSON.stringify(nextPage)}}`;
  ensure(head, tail.length * 3, pool);
  head.length += head.buf.write(tail, head.length, "utf8");
  return head;
}
