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

/** The keys of `/insights.json` (and `aifirst insights --json`), in the contract's order. */
export const CONTRACT_INSIGHTS_KEYS = [
  "from",
  "to",
  "asked",
  "sure",
  "likely",
  "not_sure",
  "helpful",
  "not_helpful",
  "unanswered",
  "alternates",
];
