/**
 * Process entry: reads `.env`, runs the CLI, and turns its result into an exit
 * code. `serve` keeps running until a signal stops it.
 */
import { config as loadDotenv } from "dotenv";
import { runCli } from "./adapters/cli/cli.ts";

// Quiet: `ask --json` output must hold nothing but JSON lines.
loadDotenv({ quiet: true });

// The reader went away (`aifirst ask --json ... | head -1`): that is the end, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const argv = process.argv.slice(2);
runCli(argv, {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then(
  (code) => {
    // A server that failed to start exits now: a surface's client may still be retrying in the background.
    if (argv[0] === "serve" && code !== 0) process.exit(code);
    if (argv[0] !== "serve") process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `aifirst: unexpected error: ${(error as Error)?.message ?? String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
