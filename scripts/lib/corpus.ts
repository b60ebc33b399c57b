/**
 * The content the benchmarks judge the engine on: the shipped seed playbook
 * plus the two fixture playbooks, so the figures are not about one file.
 */
import { type Library, loadLibrary } from "../../src/content/load.ts";
import type { Playbook } from "../../src/content/types.ts";

/**
 * The seed with the fixture playbooks beside it, as a team adding two playbooks of its
 * own to the shipped content would have them: the content's glossary applies to all.
 */
export async function loadEvalLibrary(): Promise<Library> {
  const [seed, fixtures] = await Promise.all([
    loadLibrary("content"),
    loadLibrary("test/fixtures/playbooks"),
  ]);
  return { playbooks: [...seed.playbooks, ...fixtures.playbooks], glossary: seed.glossary };
}

export async function loadEvalPlaybooks(): Promise<Playbook[]> {
  return (await loadEvalLibrary()).playbooks;
}
