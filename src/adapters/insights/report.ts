/**
 * `/insights.json`: the store's report in the contract's shape, keys in the
 * contract's order, nothing more (the per-day and per-FAQ series stay with the
 * page, which draws them).
 */
import type { Insights } from "../../store/types.ts";

type ContractInsights = Omit<Insights, "perDay" | "perFaq">;

export function toContractJson(r: Insights): ContractInsights {
  return {
    from: r.from,
    to: r.to,
    asked: r.asked,
    sure: r.sure,
    likely: r.likely,
    not_sure: r.not_sure,
    helpful: r.helpful,
    not_helpful: r.not_helpful,
    unanswered: r.unanswered.map(({ question, count }) => ({ question, count })),
    alternates: r.alternates.map(({ playbook, faq, question, users, applied }) => ({
      playbook,
      faq,
      question,
      users,
      applied,
    })),
  };
}
