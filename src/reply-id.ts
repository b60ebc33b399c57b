/**
 * Reply ids, as the server and the CLI name replies: UUIDv7 (RFC 9562), a
 * millisecond timestamp then 74 random bits. Still unguessable, and time-
 * ordered, so the store's unique index on them grows at one end: random ids
 * land all over that index, and every batch written rewrites pages across it.
 */
import { randomUUID } from "node:crypto";

export function replyId(now = Date.now()): string {
  // A random v4 UUID supplies the random bits and the variant: its version digit is replaced.
  const random = randomUUID();
  const time = now.toString(16).padStart(12, "0");
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}

/** When a reply id of `replyId`'s making was minted (ms since the epoch), or null for any other id. */
export function mintedAt(id: string): number | null {
  const v7 = /^([0-9a-f]{8})-([0-9a-f]{4})-7/i.exec(id);
  return v7 ? Number.parseInt(`${v7[1]}${v7[2]}`, 16) : null;
}
