/**
 * Writes playbooks into a fresh temporary folder, for tests that need content
 * other than what ships (broken files, several playbooks).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { onTestFinished } from "vitest";

/** A folder holding `files` (names may hold a subfolder), removed when the test that asked for it finishes. */
export function contentDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "aifirst-content-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) {
    // "sub/b.md": a file in a subfolder.
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** A small valid playbook; `extra` is appended to its body. */
export function playbook(front: string, body: string): string {
  return `---\n${front.trim()}\n---\n\n${body.trim()}\n`;
}

export const VALID_BODY = `
## The Solution

### Step 1: Start Small

Pick one team.

### Step 2: Measure

Track lead time.

## FAQ

### How do we start?

With one team and one metric.
`;
