import {
  appendFile,
  cp,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  symlink,
  writeFile,
} from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  copyOfContent,
  eventually,
  type RealServer,
  startRealServer,
} from "./helpers/real-server.ts";

const SEED = "building-an-ai-first-engineering-organization.md";
const NEW_FAQ =
  "\n### How do we onboard a zebra handler?\n\nGive them a striped badge and a pair of boots.\n";
const ZEBRA = "how do we onboard a zebra handler";

let server: RealServer | undefined;
let content: Awaited<ReturnType<typeof copyOfContent>> | undefined;
afterEach(async () => {
  await server?.close();
  await content?.remove();
  server = undefined;
  content = undefined;
});

interface Health {
  faqs: number;
  content: { version: string; loadedAt: string; problems: string[] };
}
const health = async (): Promise<Health> => (await fetch(`${server?.base}/healthz`)).json();
const ask = async (q: string) => {
  const res = await fetch(`${server?.base}/api/ask?q=${encodeURIComponent(q)}`);
  return { status: res.status, body: await res.json() };
};

describe("live content", () => {
  it("applies an edit without a restart: new answers, new counts, new version", async () => {
    content = await copyOfContent();
    server = await startRealServer({ CONTENT_DIR: content.dir });
    const before = await health();
    expect(before.faqs).toBe(10);
    expect(before.content).toEqual({
      version: expect.stringMatching(/^[0-9a-f]{16}$/),
      loadedAt: expect.any(String),
      problems: [],
    });
    expect(JSON.stringify((await ask(ZEBRA)).body)).not.toMatch(/zebra handler\?/i);

    await appendFile(join(content.dir, SEED), NEW_FAQ);
    await eventually(async () => (await health()).faqs === 11);
    const after = await health();
    expect(after.content.version).not.toBe(before.content.version);
    expect(after.content.problems).toEqual([]);
    expect(Date.parse(after.content.loadedAt)).toBeGreaterThan(Date.parse(before.content.loadedAt));
    expect((await ask(ZEBRA)).body).toMatchObject({
      kind: "faq",
      faq: { question: "How do we onboard a zebra handler?" },
    });
    expect(server.logs.some((l) => l.msg === "content reloaded")).toBe(true);
  });

  it("logs what is valid but likely not meant, at start and when an edit brings it", async () => {
    content = await copyOfContent();
    await appendFile(join(content.dir, "glossary.yml"), "  - [postmortem, pm]\n");
    server = await startRealServer({ CONTENT_DIR: content.dir });
    const taken =
      'glossary: [postmortem, pm] takes "pm", "pms" from the group "product director": they read as "postmortem" now';
    expect(server.logs.filter((l) => l.level === "warn").map((l) => l.msg)).toContain(taken);

    const seed = join(content.dir, SEED);
    await writeFile(seed, (await readFile(seed, "utf8")).replace(/^description:/m, "descripton:"));
    await eventually(
      async () => server?.logs.some((l) => /note: .*descripton/.test(String(l.msg))) ?? false,
    );
    const note = server.logs.find((l) => /note: .*descripton/.test(String(l.msg)));
    expect(note).toMatchObject({ level: "warn" });
    expect(note?.msg).toMatch(new RegExp(`${SEED}:\\d+: note: `));
  });

  it("keeps answering from good content when an edit is invalid, and shows why", async () => {
    content = await copyOfContent();
    server = await startRealServer({ CONTENT_DIR: content.dir });
    const good = await health();
    const broken = join(content.dir, "zz-broken.md");
    await writeFile(broken, '---\ntitle: "never closed\nslug: broken\n---\n\n## FAQ\n');
    await eventually(async () => (await health()).content.problems.length > 0);
    const refused = await health();
    expect(refused.content.version).toBe(good.content.version);
    expect(refused.faqs).toBe(10);
    expect(refused.content.problems[0]).toMatch(/zz-broken\.md:\d+: /);
    expect((await ask("how do we measure ai kpis")).body.kind).toBe("faq");
    // Logged as file:line: problem, each on its own line.
    expect(server.logs.some((l) => /zz-broken\.md:\d+: /.test(String(l.msg)))).toBe(true);
    expect(
      (await fetch(`${server.base}/metrics`).then((r) => r.text())).match(
        /aifirst_content_reloads_total\{result="failed"\} (\d+)/,
      )?.[1],
    ).toBe("1");

    // Fixed (here: removed), the problems go and the same good version answers.
    await rm(broken);
    await eventually(async () => (await health()).content.problems.length === 0);
    expect((await health()).content.version).toBe(good.content.version);
  });

  it("follows CONTENT_DIR when the folder it names is replaced, as a release symlink is", async () => {
    content = await copyOfContent();
    const releases = content.dir;
    const first = join(releases, "r1");
    const second = join(releases, "r2");
    await mkdir(first);
    await mkdir(second);
    for (const name of await readdir(releases)) {
      if (name === "r1" || name === "r2") continue;
      await cp(join(releases, name), join(first, name), { recursive: true });
      await cp(join(releases, name), join(second, name), { recursive: true });
    }
    await appendFile(join(second, SEED), NEW_FAQ);
    const current = join(releases, "current");
    await symlink(first, current);
    server = await startRealServer({ CONTENT_DIR: current });
    expect((await health()).faqs).toBe(10);

    // A deploy switches the link atomically: a new link, renamed over the old one.
    await symlink(second, `${current}.next`);
    await rename(`${current}.next`, current);
    await eventually(async () => (await health()).faqs === 11, 10_000);
    // And the folder now named is the one watched: its edits apply too.
    await appendFile(join(second, SEED), NEW_FAQ.replace(/zebra/g, "llama"));
    await eventually(async () => (await health()).faqs === 12, 10_000);
    expect(server.logs.some((l) => l.msg === "content folder replaced; watching the new one")).toBe(
      true,
    );
  });

  it("follows a content folder deleted and made again at the same path", async () => {
    content = await copyOfContent();
    const source = await copyOfContent();
    try {
      server = await startRealServer({ CONTENT_DIR: content.dir });
      expect((await health()).faqs).toBe(10);
      // As `rm -rf content && cp -r new content` does: on ext4 the new folder may even get the
      // old one's inode.
      await rm(content.dir, { recursive: true });
      await cp(source.dir, content.dir, { recursive: true });
      await appendFile(join(content.dir, SEED), NEW_FAQ);
      await eventually(async () => (await health()).faqs === 11, 10_000);
      await appendFile(join(content.dir, SEED), NEW_FAQ.replace(/zebra/g, "llama"));
      await eventually(async () => (await health()).faqs === 12, 10_000);
    } finally {
      await source.remove();
    }
  });

  it("with CONTENT_WATCH=false, leaves edits alone until asked to reload", async () => {
    content = await copyOfContent();
    server = await startRealServer({ CONTENT_DIR: content.dir, CONTENT_WATCH: "false" });
    expect(server.banner).toMatch(/CONTENT_WATCH=false: reload with SIGHUP/);
    await appendFile(join(content.dir, SEED), NEW_FAQ);
    await new Promise((r) => setTimeout(r, 700));
    expect((await health()).faqs).toBe(10);
    expect(await server.running.content.reload("test")).toBe("applied");
    expect((await health()).faqs).toBe(11);
    expect(await server.running.content.reload("test")).toBe("unchanged");
  });

  it("loses no request while content is reloaded under load", async () => {
    content = await copyOfContent();
    server = await startRealServer({ CONTENT_DIR: content.dir, CONTENT_WATCH: "false" });
    const file = join(content.dir, SEED);
    const original = await readFile(file, "utf8");
    const statuses: number[] = [];
    let loading = true;
    // 20 clients asking in a loop, over keep-alive connections, the whole time.
    const clients = Array.from({ length: 20 }, async (_, i) => {
      while (loading) {
        const res = await fetch(
          `${server?.base}/api/ask?q=${encodeURIComponent(`step ${(i % 7) + 1}`)}`,
        );
        await res.json();
        statuses.push(res.status);
      }
    });
    const applied: string[] = [];
    for (let round = 0; round < 6; round++) {
      await writeFile(file, round % 2 === 0 ? original + NEW_FAQ : original);
      applied.push(await server.running.content.reload("test"));
      await new Promise((r) => setTimeout(r, 30));
    }
    loading = false;
    await Promise.all(clients);
    expect(applied).toEqual(Array(6).fill("applied"));
    expect(statuses.length).toBeGreaterThan(100);
    expect(statuses.every((s) => s === 200)).toBe(true);
  });
});
