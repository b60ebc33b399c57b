/**
 * Who asked over the web (the playground, `/api/*`): a browser or script has no user id,
 * so its address stands for one. An IPv4 caller of a server listening on both families
 * reaches Express as "::ffff:203.0.113.5"; it is kept as "203.0.113.5", the address an
 * operator is given (for `aifirst forget`, in logs), however the server listens.
 */
import type { Request } from "express";

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

export function webCaller(req: Request): string | null {
  return req.ip ? plainAddress(req.ip) : null;
}

/** An IPv4-mapped IPv6 address as its IPv4 address; any other as given. */
export function plainAddress(address: string): string {
  return IPV4_MAPPED.exec(address)?.[1] ?? address;
}
