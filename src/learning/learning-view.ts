/**
 * What readers of the store (the insights page, `aifirst insights`) see of
 * learning under each LEARN mode. With LEARN=off feedback is still recorded,
 * but nothing is learned: alternates are neither applied nor listed.
 */
import type { Store } from "../store/types.ts";
import type { LearnMode } from "./learning-loop.ts";

export function storeForMode(store: Store, mode: LearnMode): Store {
  if (mode !== "off") return store;
  // A prototype chain keeps every other method (and `engine`) as the store has it.
  const view: Store = Object.create(store);
  view.alternates = async () => [];
  view.insights = async (range) => ({ ...(await store.insights(range)), alternates: [] });
  return view;
}
