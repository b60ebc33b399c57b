/**
 * A warning while there is still time: the production start caps V8's heap
 * (`--max-old-space-size`, docs/deploy.md), and a content reload builds the new
 * index beside the old one. A library that fills much of the cap would crash
 * the server at its next reload ("JavaScript heap out of memory") rather than
 * say so.
 */
import { getHeapStatistics } from "node:v8";
import type { Logger } from "../log.ts";

/** Above this share of the cap in use, a reload's second index may not fit. */
const TIGHT_SHARE = 0.4;

type HeapStatistics = Pick<
  ReturnType<typeof getHeapStatistics>,
  "used_heap_size" | "heap_size_limit"
>;

/** Logs a warning when the heap in use leaves too little room for a second index; true if so. */
export function warnIfHeapTight(
  logger: Logger,
  when: string,
  stats: () => HeapStatistics = getHeapStatistics,
): boolean {
  const { used_heap_size: used, heap_size_limit: limit } = stats();
  if (used <= TIGHT_SHARE * limit) return false;
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  logger.warn(
    `the heap holds ${mb(used)} MB of its ${mb(limit)} MB limit ${when}: a content reload builds a second index beside this one and may not fit; raise --max-old-space-size (docs/deploy.md)`,
    { usedMb: mb(used), limitMb: mb(limit) },
  );
  return true;
}
