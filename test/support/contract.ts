/** The keys of a reply object, in the order `../shared/CONTRACT.md` gives them. */
export const CONTRACT_REPLY_KEYS = [
  "input",
  "kind",
  "playbook",
  "faq",
  "step",
  "confidence",
  "suggestions",
  "sure",
  "id",
];
