import { createHmac } from "node:crypto";

/** An autocannon request: a slash command `text`, signed with `secret` as Slack signs it. */
export function signedSlashCommand(options: {
  secret: string;
  text: string;
  /** Where the bot posts its answer (the fake Slack API's `response` endpoint). */
  responseUrl: string;
  path?: string;
}): { method: "POST"; path: string; headers: Record<string, string>; body: string } {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const body = new URLSearchParams({
    token: "x",
    team_id: "T0001",
    channel_id: "C0001",
    user_id: "U0001",
    command: "/aifirst",
    text: options.text,
    response_url: options.responseUrl,
    trigger_id: "1.2.3",
  }).toString();
  const signature = `v0=${createHmac("sha256", options.secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return {
    method: "POST",
    path: options.path ?? "/slack/events",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": timestamp,
      "x-slack-signature": signature,
    },
    body,
  };
}
