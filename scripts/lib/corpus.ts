/**
 * The content the benchmarks judge the engine on: the shipped seed playbook
 * plus the two fixture playbooks, so the figures are not about one file.
 */
import { loadContentStrict } from "../../src/content/load.ts";
import type { Playbook } from "../../src/content/types.ts";

export async function loadEvalPlaybooks(): Promise<Playbook[]> {
  const [seed, fixtures] = await Promise.all([
    loadContentStrict("content"),
    loadContentStrict("test/fixtures/playbooks"),
  ]);
  return [...seed, ...fixtures];
}
