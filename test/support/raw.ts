/**
 * Talks to a server over a bare TCP socket, for what fetch cannot send:
 * malformed requests, headers that never end, two requests on one
 * connection, a body that keeps coming after the server has answered.
 */
import { connect } from "node:net";

/**
 * Writes `head` (then `rest`, if any) to `base`'s port and collects what comes
 * back, until the server closes the connection or stays quiet for 300 ms
 * after answering. A server that closes while `rest` is still being written
 * (EPIPE, ECONNRESET) has answered early: what it sent is the result.
 */
export function rawExchange(base: string, head: string, rest?: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = "";
    let quiet: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(quiet);
      socket.destroy();
      resolve(received);
    };
    socket.setEncoding("utf8");
    socket.setTimeout(5_000, () => socket.destroy(new Error("no reply")));
    socket.on("data", (data: string) => {
      received += data;
      clearTimeout(quiet);
      quiet = setTimeout(done, 300);
    });
    socket.on("close", done);
    socket.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE" || error.code === "ECONNRESET") done();
      else reject(error);
    });
    socket.write(head);
    if (rest) socket.write(rest);
  });
}
