/**
 * `npm run -s slack:manifest -- [--socket] [--host faq-bot.example.com]`: the
 * Slack app manifest to paste at api.slack.com, with this install's BOT_NAME,
 * SLACK_COMMAND and public host filled in (from the environment or `.env`).
 * The files in slack/ are the same manifests with the defaults.
 */
import { readFileSync } from "node:fs";
import { config as loadDotenv } from "dotenv";
import { parseDocument } from "yaml";
import { ConfigError, parseConfig } from "../src/config.ts";

loadDotenv({ quiet: true });
const args = process.argv.slice(2);
const socket = args.includes("--socket");
const hostAt = args.indexOf("--host");
const host = hostAt === -1 ? undefined : args[hostAt + 1];

try {
  const config = parseConfig(process.env);
  if (host !== undefined && !/^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d{1,5})?$/i.test(host)) {
    throw new ConfigError(
      `--host must be a bare host name, e.g. faq-bot.example.com (got "${host}")`,
    );
  }
  const file = socket ? "slack/manifest.socket-mode.yml" : "slack/manifest.yml";
  const template = readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
  const source = (host ? template.replaceAll("YOUR-HOST.example.com", host) : template).replaceAll(
    "/aifirst",
    config.slack.command,
  );
  const doc = parseDocument(source);
  doc.setIn(["display_information", "name"], config.botName);
  // Slack's display name is a handle: lowercase, no spaces.
  const handle = config.botName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^-|-$/g, "");
  doc.setIn(["features", "bot_user", "display_name"], handle || "playbook-bot");
  process.stdout.write(doc.toString());
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
