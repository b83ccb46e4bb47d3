import { createReadStream } from "node:fs";

/**
 * Calls `onLine(bytes, start, end)` for each line of a file (without its "\n" or "\r\n"), read
 * in 1 MiB chunks so that memory does not grow with the file, and as bytes, so that half a
 * million rows cost no string each. A line longer than `maxLine` bytes is skipped whole and
 * counted: the files are upstream data, and one without newlines must not grow a buffer
 * without end. Reading stops after `maxLines` lines.
 */
export async function readLines(
  path: string,
  limits: { maxLine: number; maxLines: number },
  onLine: (bytes: Buffer, start: number, end: number) => void,
): Promise<{ lines: number; overlong: number }> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  let carry: Buffer = Buffer.alloc(0);
  let skipping = false;
  let lines = 0;
  let overlong = 0;
  const take = (bytes: Buffer, start: number, end: number) => {
    if (skipping || end - start > limits.maxLine) {
      skipping = false;
      overlong++;
      return;
    }
    if (lines >= limits.maxLines) return;
    lines++;
    onLine(bytes, start, end > start && bytes[end - 1] === 13 ? end - 1 : end);
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      let start = 0;
      for (let end = bytes.indexOf(10); end >= 0 && lines < limits.maxLines; end = bytes.indexOf(10, start)) {
        take(bytes, start, end);
        start = end + 1;
      }
      if (lines >= limits.maxLines) break;
      carry = bytes.subarray(start);
      if (carry.length > limits.maxLine) {
        skipping = true;
        carry = Buffer.alloc(0);
      }
    }
    if (carry.length > 0 || skipping) take(carry, 0, carry.length);
  } finally {
    stream.destroy();
  }
  return { lines, overlong };
}
