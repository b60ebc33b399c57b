// Feedback on a reply, sent to /api/feedback by the reply's id: the 👍 / 👎
// pair under an answer, and the suggestion someone chose after it.
import { authHeaders } from "./api-token.js";

/**
 * @param {{ id: string } & ({ helpful: boolean } | { chose: string })} body
 * @returns {Promise<void>} rejects with a message fit to show
 */
async function post(body) {
  let response;
  try {
    response = await fetch("/api/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", ...authHeaders() },
      body: JSON.stringify(body),
      // A chosen suggestion is sent as the next question goes out: let it finish regardless.
      keepalive: true,
    });
  } catch {
    throw new Error("the bot server could not be reached");
  }
  if (response.ok) return;
  const data = await response.json().catch(() => null);
  throw new Error(data?.error ?? `the server answered ${response.status}`);
}

/**
 * Says which suggestion was chosen after reply `id`, so the question can be learned as a
 * phrasing of it. Fire and forget: the question is asked either way.
 * @param {string} id @param {string} label
 */
export function sendChoice(id, label) {
  post({ id, chose: label }).catch((error) => {
    console.warn(`Feedback on the chosen suggestion was not recorded: ${error.message}`);
  });
}

/** Numbers each pair's label, so it can name its group. */
let groups = 0;

/**
 * The "Was this helpful?" pair for reply `id`: toggle buttons whose `aria-pressed` shows
 * the vote taken; the other one changes it. A vote the server refuses is undone and said.
 * @param {string} id
 */
export function voteButtons(id) {
  const group = document.createElement("div");
  group.className = "votes";
  group.setAttribute("role", "group");
  const label = document.createElement("span");
  label.className = "votes-label";
  label.id = `votes-${++groups}`;
  label.textContent = "Was this helpful?";
  group.setAttribute("aria-labelledby", label.id);
  const status = document.createElement("span");
  status.className = "votes-status";
  status.setAttribute("role", "status");
  /** @type {Array<[HTMLButtonElement, boolean]>} */
  const buttons = [
    [voteButton("👍", "Helpful"), true],
    [voteButton("👎", "Not helpful"), false],
  ];
  /** @param {boolean | null} helpful */
  const show = (helpful) => {
    for (const [button, value] of buttons)
      button.setAttribute("aria-pressed", String(value === helpful));
  };
  /** @type {boolean | null} */
  let vote = null;
  for (const [button, helpful] of buttons) {
    button.addEventListener("click", async () => {
      if (vote === helpful) return;
      const before = vote;
      vote = helpful;
      show(helpful);
      status.textContent = "";
      try {
        await post({ id, helpful });
        status.textContent = "Thanks, noted.";
      } catch (error) {
        // Only undo if no other vote was made meanwhile.
        if (vote === helpful) {
          vote = before;
          show(before);
        }
        status.textContent = `Your vote was not recorded: ${error instanceof Error ? error.message : error}.`;
      }
    });
  }
  group.append(label, ...buttons.map(([button]) => button), status);
  return group;
}

/** @param {string} emoji @param {string} name the accessible name */
function voteButton(emoji, name) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "vote";
  button.setAttribute("aria-pressed", "false");
  button.setAttribute("aria-label", name);
  button.title = name;
  button.textContent = emoji;
  return button;
}
