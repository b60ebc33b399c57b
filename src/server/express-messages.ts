/**
 * Node's request and response constructors, made to build objects that
 * already have the Express app's prototypes. Express gives every request and
 * response its app's prototypes as it starts on them (`Object.setPrototypeOf`),
 * and on Node 20 that change of prototype costs the server much of its CPU
 * time per request and its memory after load. Objects born with the right
 * prototype make Express's call a no-op. Kept because removing it breaks the
 * budget: the figures are in docs/performance.md.
 */
import { IncomingMessage, type ServerOptions, ServerResponse } from "node:http";
import type { Express } from "express";

/** Options for `http.createServer`; none when Node's constructors are classes (a later Node). */
export function expressMessages(app: Express): ServerOptions {
  const request = withPrototype(IncomingMessage, app.request);
  const response = withPrototype<typeof ServerResponse>(ServerResponse, app.response);
  return request && response ? { IncomingMessage: request, ServerResponse: response } : {};
}

/** A constructor for `base`'s instances whose prototype is `prototype`; undefined for a class. */
function withPrototype<C extends new (...args: never[]) => object>(
  base: C,
  prototype: object,
): C | undefined {
  // Node's IncomingMessage and ServerResponse are plain constructor functions, which can
  // set up an object that already exists; a class cannot be called that way.
  if (Function.prototype.toString.call(base).startsWith("class")) return undefined;
  const init = base as unknown as (...args: unknown[]) => void;
  function Message(this: object, ...args: unknown[]): void {
    init.apply(this, args);
  }
  Message.prototype = prototype;
  // Node only ever calls `new` on it, never the class's static members.
  return Message as unknown as C;
}
