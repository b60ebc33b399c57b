/**
 * A small structured logger: JSON lines when not on a terminal (for log
 * collectors), readable lines on one. Injected everywhere; never global.
 */

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Field names whose values are never written, whatever logs them. */
const SECRET_KEY = /token|secret|password|authorization|signature|cookie/i;

type LineWriter = (line: string, level: Exclude<LogLevel, "silent">) => void;

/** The one stderr writer of the process, made when a logger first needs it. */
let sharedStderr: LineWriter | undefined;

export interface LoggerOptions {
  level?: LogLevel;
  format?: "json" | "pretty";
  /** Where each line goes; default stderr, through `stderrLines`. */
  write?: LineWriter;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = ORDER[options.level ?? "info"];
  const write = options.write ?? (level < ORDER.silent ? stderrLines() : () => {});
  const format = options.format ?? (process.stderr.isTTY ? "pretty" : "json");
  const log = (
    name: Exclude<LogLevel, "silent">,
    msg: string,
    fields?: Record<string, unknown>,
  ) => {
    if (ORDER[name] < level) return;
    const safe = redact(fields ?? {});
    if (format === "json") {
      write(JSON.stringify({ time: new Date().toISOString(), level: name, msg, ...safe }), name);
    } else {
      const extra = Object.entries(safe)
        .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
        .join(" ");
      write(`${name.toUpperCase().padEnd(5)} ${msg}${extra ? ` ${extra}` : ""}`, name);
    }
  };
  return {
    debug: (m, f) => log("debug", m, f),
    info: (m, f) => log("info", m, f),
    warn: (m, f) => log("warn", m, f),
    error: (m, f) => log("error", m, f),
  };
}

export const silentLogger: Logger = createLogger({ level: "silent" });

/**
 * Lines to stderr, debug and info ones gathered while the event loop is busy and
 * written together once it turns: stderr to a pipe or file is a blocking write(2)
 * per call, and a busy server logs two lines a request. A warning or an error
 * goes at once, after what is pending, as does everything pending when the
 * process exits (an uncaught error included). Pending lines are lost only when
 * no exit event comes: SIGKILL, a fatal out-of-memory, or a signal nobody handles.
 */
export function stderrLines(): LineWriter {
  if (sharedStderr) return sharedStderr;
  let pending = "";
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending === "") return;
    const out = pending;
    pending = "";
    process.stderr.write(out);
  };
  // Also emitted on process.exit() and on a crash, before Node prints the error.
  process.on("exit", flush);
  sharedStderr = (line, level) => {
    pending += `${line}\n`;
    if (level === "warn" || level === "error") flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  return sharedStderr;
}

function redact(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (SECRET_KEY.test(k)) out[k] = "[redacted]";
    // The stack is for whoever reads the logs; it never reaches a user.
    else if (v instanceof Error) {
      out[k] = {
        name: v.name,
        message: v.message,
        code: (v as { code?: unknown }).code,
        stack: v.stack,
      };
    } else out[k] = v;
  }
  return out;
}

/**
 * The one log line every surface writes per answer: what kind, from which
 * playbook, how sure. Never the question itself.
 */
export function logReply(
  logger: Logger,
  surface: string,
  reply: { kind: string; playbook: string | null; confidence: number },
  extra: Record<string, unknown> = {},
): void {
  logger.info("reply", {
    surface,
    kind: reply.kind,
    playbook: reply.playbook,
    confidence: reply.confidence,
    ...extra,
  });
}
