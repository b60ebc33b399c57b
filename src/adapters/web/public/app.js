// The playground page: sends what is typed to /api/chat and renders the
// reply's view the way chat apps show it. Every piece of text from the user
// or the server goes in through textContent or the escaping Markdown renderer.
import { authHeaders, forgetToken, isTokenShaped, saveToken, TokenNeeded } from "./api-token.js";
import { sendChoice, voteButtons } from "./feedback.js";
import { renderInline, renderMarkdown } from "./markdown.js";

/**
 * @typedef {{ label: string, ask: string, step?: { number: number, title: string } }} Choice
 * @typedef {{
 *   id: string, votes: boolean, note: string | null,
 *   title: string, body: string,
 *   step: { number: number, title: string, heading: string, excerpt: string, ask: string } | null,
 *   list: Choice[], suggestions: Choice[], suggestionsTitle: string,
 *   playbook: { slug: string, title: string } | null
 * }} View
 * @typedef {{ kind: string, step: { number: number } | null, playbook: string | null }} Reply
 */

const log = /** @type {HTMLOListElement} */ (document.getElementById("log"));
const announcer = /** @type {HTMLElement} */ (document.getElementById("announcer"));
const form = /** @type {HTMLFormElement} */ (document.getElementById("composer"));
const input = /** @type {HTMLInputElement} */ (document.getElementById("question"));
const sendButton = /** @type {HTMLButtonElement} */ (document.getElementById("send"));
const stepsList = /** @type {HTMLOListElement} */ (document.getElementById("steps"));
const stepsNote = /** @type {HTMLElement} */ (document.getElementById("steps-note"));
const stepsPanel = /** @type {HTMLDetailsElement} */ (document.getElementById("steps-panel"));
const playbookName = /** @type {HTMLElement} */ (document.getElementById("playbook-name"));

/** Questions sent, newest last, for ↑/↓ recall. */
const history = [];
let historyAt = 0;
let busy = false;

/**
 * @param {string} text
 * @param {boolean} [opening] the page's own request as it opens (steps, greeting): not recorded
 * @returns {Promise<{ reply: Reply, view: View }>}
 */
async function ask(text, opening = false) {
  let response;
  const auth = authHeaders();
  try {
    response = await fetch("/api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", ...auth },
      body: JSON.stringify(opening ? { q: text, opening } : { q: text }),
    });
  } catch {
    throw new Error("Could not reach the bot server. Is `npm start` still running?");
  }
  if (response.status === 401) {
    // Asked at the time of sending: the steps and the greeting are asked at once.
    const refused = "Authorization" in auth;
    forgetToken();
    throw new TokenNeeded(
      refused
        ? "That token was not accepted. Check it with whoever runs this bot, and try again."
        : "This bot asks for an API token (the server's API_TOKEN) before it answers.",
    );
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new Error(data?.error ?? `The server answered ${response.status}.`);
  return data;
}

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [className]
 * @param {string} [text]
 */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A button that asks `choice.ask` when pressed. @param {Choice} choice @param {string} className */
function choiceButton(choice, className) {
  const button = el("button", className, choice.label);
  button.type = "button";
  button.dataset.ask = choice.ask;
  return button;
}

/**
 * A list of buttons, one per choice; `replyId` marks them as suggestions after that reply,
 * so choosing one is fed back.
 * @param {Choice[]} choices @param {string} listClass @param {string} buttonClass
 * @param {string} [replyId]
 */
function choiceList(choices, listClass, buttonClass, replyId) {
  const list = el("ul", listClass);
  for (const choice of choices) {
    const li = el("li");
    const button = choiceButton(choice, buttonClass);
    if (replyId) button.dataset.after = replyId;
    li.append(button);
    list.append(li);
  }
  return list;
}

/** @param {string} text @returns {HTMLLIElement} */
function addUserMessage(text) {
  const item = el("li", "message from-user");
  item.append(el("span", "visually-hidden", "You asked: "), el("p", "bubble", text));
  log.append(item);
  reveal(item, "nearest");
  return item;
}

/**
 * Adds a reply. `question` is the message it answers: scrolled to the top so the answer
 * reads from its start, however long it is.
 * @param {View} view @param {Reply} reply @param {HTMLElement} [question]
 */
function addBotMessage(view, reply, question) {
  const item = el("li", `message from-bot kind-${reply.kind}`);
  const card = el("article", "card");
  card.append(el("span", "visually-hidden", "The bot replied: "));
  if (view.note) card.append(el("p", "note", view.note));
  if (view.title) card.append(el("h3", "card-title", view.title));
  /** @type {HTMLElement | null} */
  let body = null;
  if (view.body) {
    body = el("div", "markdown");
    // Safe: renderMarkdown escapes all text before it adds any markup.
    body.innerHTML = renderMarkdown(view.body);
    card.append(body);
  }
  if (view.votes) card.append(voteButtons(view.id));
  if (view.list.length) card.append(choiceList(view.list, "choice-list", "choice"));
  if (view.step) {
    const step = el("section", "step-card");
    step.setAttribute("aria-label", `Playbook step ${view.step.number}`);
    const head = el("p", "eyebrow", `Playbook step ${view.step.number}`);
    const title = el("h4", "step-title", view.step.title);
    const excerpt = el("p", "step-excerpt");
    // Safe: renderInline escapes all text before it adds any markup.
    excerpt.innerHTML = renderInline(view.step.excerpt);
    const open = choiceButton(
      { label: `Open step ${view.step.number} →`, ask: view.step.ask },
      "link-button",
    );
    step.append(head, title, excerpt, open);
    card.append(step);
  }
  if (view.suggestions.length) {
    const box = el("section", "suggestions");
    box.setAttribute("aria-label", view.suggestionsTitle);
    box.append(el("p", "eyebrow", view.suggestionsTitle));
    box.append(choiceList(view.suggestions, "chips", "chip", view.id));
    card.append(box);
  }
  if (view.playbook) {
    const from = el("p", "source", "From: ");
    from.append(el("cite", "", view.playbook.title));
    card.append(from);
  }
  item.append(card);
  log.append(item);
  // The steps panel shows one playbook: only its own steps can be the current one.
  if (reply.playbook === panelPlaybook) {
    markCurrentStep(reply.kind === "step" ? reply.step?.number : view.step?.number);
  }
  if (question) {
    reveal(question, "start");
    // The words, not the buttons around them.
    announce([view.note, view.title, body?.textContent].filter(Boolean).join(". "));
  }
}

/**
 * Says `text` once through the live region. Emptied first, so the same words twice are
 * still announced twice.
 * @param {string} text
 */
function announce(text) {
  announcer.textContent = "";
  setTimeout(() => {
    announcer.textContent = text;
  }, 50);
}

/** @param {string} message */
function addError(message) {
  const item = el("li", "message from-bot");
  const card = el("div", "card error");
  card.setAttribute("role", "alert");
  card.append(el("h3", "card-title", "Something went wrong"));
  const body = el("div", "markdown");
  body.innerHTML = renderMarkdown(message);
  card.append(body);
  item.append(card);
  log.append(item);
  reveal(item, "nearest");
}

/**
 * Asks for the API token in the conversation; once given, the page starts again with it.
 * @param {string} message
 */
function addTokenForm(message) {
  const shown = document.getElementById("token-form");
  if (shown) {
    // Asked again before giving it: the form comes after the question, ready to type into.
    const item = /** @type {HTMLElement} */ (shown.closest("li"));
    log.append(item);
    reveal(item, "nearest");
    /** @type {HTMLInputElement | null} */ (shown.querySelector("input"))?.focus();
    return;
  }
  const item = el("li", "message from-bot");
  const card = el("div", "card");
  card.append(el("h3", "card-title", "An API token is needed"), el("p", "", message));
  const tokenForm = el("form", "token-form");
  tokenForm.id = "token-form";
  const label = el("label", "", "API token");
  label.htmlFor = "api-token";
  const field = el("input");
  field.id = "api-token";
  field.type = "password";
  field.autocomplete = "off";
  field.required = true;
  const use = el("button", "", "Use token");
  use.type = "submit";
  const problem = el("p", "token-problem");
  problem.id = "api-token-problem";
  problem.setAttribute("role", "alert");
  field.setAttribute("aria-describedby", problem.id);
  tokenForm.append(label, field, use, problem);
  tokenForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const token = field.value.trim();
    if (!token) return;
    if (!isTokenShaped(token)) {
      problem.textContent =
        "A token is letters, digits and symbols without spaces; check it was copied whole, without quotes.";
      field.focus();
      return;
    }
    saveToken(token);
    // Kept for this tab only; the page starts again, now sending it.
    location.reload();
  });
  card.append(tokenForm);
  item.append(card);
  log.append(item);
  reveal(item, "nearest");
  field.focus();
}

/** What went wrong, or the token form when that is what it was. @param {unknown} error */
function showError(error) {
  if (error instanceof TokenNeeded) addTokenForm(error.message);
  else addError(error instanceof Error ? error.message : String(error));
}

/** @param {Element} item @param {ScrollLogicalPosition} block */
function reveal(item, block) {
  const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  item.scrollIntoView({ block, behavior: reduce ? "auto" : "smooth" });
}

/** @param {boolean} on */
function setBusy(on) {
  busy = on;
  log.setAttribute("aria-busy", String(on));
  sendButton.disabled = on;
  document.body.classList.toggle("is-busy", on);
}

/** @param {number | undefined} number */
function markCurrentStep(number) {
  if (number === undefined) return;
  for (const button of stepsList.querySelectorAll("button")) {
    if (button.dataset.step === String(number)) button.setAttribute("aria-current", "step");
    else button.removeAttribute("aria-current");
  }
}

/** Sends one question: shows it, then the reply (or what went wrong). @param {string} raw */
async function send(raw) {
  const text = raw.trim();
  if (!text || busy) return;
  if (history[history.length - 1] !== text) history.push(text);
  historyAt = history.length;
  const question = addUserMessage(text);
  setBusy(true);
  const typing = el("li", "message from-bot typing");
  typing.setAttribute("aria-hidden", "true");
  typing.append(el("span", "dot"), el("span", "dot"), el("span", "dot"));
  log.append(typing);
  try {
    const { reply, view } = await ask(text);
    typing.remove();
    addBotMessage(view, reply, question);
  } catch (error) {
    typing.remove();
    showError(error);
  } finally {
    setBusy(false);
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value;
  // While a reply is on its way, keep what was typed rather than dropping it.
  if (!text.trim() || busy) {
    input.focus();
    return;
  }
  input.value = "";
  send(text);
  input.focus();
});

input.addEventListener("keydown", (event) => {
  if (
    event.key === "ArrowUp" &&
    historyAt > 0 &&
    (input.value === "" || historyAt < history.length)
  ) {
    historyAt -= 1;
    input.value = history[historyAt] ?? "";
    event.preventDefault();
  } else if (event.key === "ArrowDown" && historyAt < history.length) {
    historyAt += 1;
    input.value = history[historyAt] ?? "";
    event.preventDefault();
  }
});

/** A narrow window, where the steps panel sits above the conversation. */
const narrow = window.matchMedia("(max-width: 50rem)");
/** A touch screen, where focusing the box would open the keyboard over the answer. */
const touch = window.matchMedia("(pointer: coarse)");

// One listener for every suggestion, list item, step and command button on the page.
document.addEventListener("click", (event) => {
  const target = event.target instanceof Element ? event.target.closest("button[data-ask]") : null;
  if (!(target instanceof HTMLButtonElement) || !target.dataset.ask) return;
  if (busy) return;
  if (target.dataset.after) sendChoice(target.dataset.after, target.textContent ?? "");
  // Above the conversation, an open panel would cover the step just picked.
  if (narrow.matches && stepsPanel.contains(target)) stepsPanel.open = false;
  send(target.dataset.ask);
  // Back to the box, so the next question can be typed straight away; the reply is announced.
  if (!touch.matches) input.focus();
});

document.getElementById("clear")?.addEventListener("click", () => {
  log.replaceChildren();
  markCurrentStep(-1);
  welcome();
  input.focus();
});

/** The playbook whose steps the panel lists. @type {string | null} */
let panelPlaybook = null;

async function loadSteps() {
  try {
    const { reply, view } = await ask("steps", true);
    panelPlaybook = reply.playbook;
    stepsList.replaceChildren(
      ...view.list.map((choice) => {
        const li = el("li");
        const button = el("button", "step-button");
        button.type = "button";
        button.dataset.ask = choice.ask;
        if (choice.step) button.dataset.step = String(choice.step.number);
        button.append(
          el("span", "step-number", choice.step ? String(choice.step.number) : "•"),
          el("span", "step-name", choice.step?.title ?? choice.label),
        );
        li.append(button);
        return li;
      }),
    );
    stepsNote.textContent = view.playbook
      ? `${view.playbook.title}: pick one to read it.`
      : "Pick one to read it.";
    if (view.playbook) playbookName.textContent = view.playbook.title;
  } catch (error) {
    stepsNote.textContent =
      error instanceof TokenNeeded
        ? "The steps show once the API token is given."
        : error instanceof Error
          ? error.message
          : String(error);
  }
}

async function welcome() {
  try {
    const { reply, view } = await ask("help", true);
    // Not recorded, so nothing to feed a choice back to: its buttons only ask.
    addBotMessage({ ...view, id: "" }, reply);
    // An example from this bot's own content, typed as people type.
    const example = reply.suggestions.find((s) => s.endsWith("?"));
    if (example) input.placeholder = `e.g. ${example.toLowerCase()}`;
  } catch (error) {
    showError(error);
  }
}

// On a narrow screen the steps start folded so the conversation comes first.
stepsPanel.open = !narrow.matches;
loadSteps();
welcome();
input.focus();
