/**
 * The least an activity must carry before botbuilder sees it: botbuilder
 * crashes or answers 500 on some malformed bodies, and a reply needs a
 * service URL and a conversation to go to. Everything else passes through.
 */
import { z } from "zod/v4";

const account = z.looseObject({ id: z.string().min(1) });

const activityShape = z.looseObject({
  type: z.string().min(1),
  channelId: z.string().min(1),
  serviceUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
  conversation: z.looseObject({ id: z.string().min(1) }),
  from: account,
  recipient: account,
  id: z.string().optional(),
  text: z.string().optional(),
  entities: z.array(z.looseObject({ type: z.string() })).optional(),
  membersAdded: z.array(account).optional(),
});

/** Null when the body is usable; otherwise a short reason naming the fields, not their values. */
export function activityProblem(body: unknown): string | null {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return "expected a JSON Bot Framework activity (Content-Type: application/json)";
  }
  // zod reports the value it met only when asked: without it, every wrong type reads as missing.
  const result = activityShape.safeParse(body, { reportInput: true });
  if (result.success) return null;
  const fields = result.error.issues.map((issue) => {
    const path = issue.path.join(".") || "body";
    return issue.code === "invalid_type" && issue.input === undefined
      ? `${path} is required`
      : `${path} ${issue.message.startsWith("must") ? issue.message : "is invalid"}`;
  });
  return `invalid activity: ${[...new Set(fields)].slice(0, 5).join("; ")}`;
}
