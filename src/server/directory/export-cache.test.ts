import { describe, expect, it } from "vitest";
import { RenderedFiles } from "./export-cache";

const bytes = (n: number, fill = 1) => Buffer.alloc(n, fill);

describe("RenderedFiles", () => {
  it("renders a file once and serves the same bytes afterwards", async () => {
    const cache = new RenderedFiles(1000);
    let renders = 0;
    const render = async () => {
      renders++;
      return "a,b\n1,2\n";
    };
    const first = await cache.get("r1:csv", render);
    const second = await cache.get("r1:csv", render);
    expect(renders).toBe(1);
    expect(second).toBe(first);
    expect(first.toString("utf8")).toBe("a,b\n1,2\n");
  });

  it("lets concurrent requests for a file being rendered wait for that one rendering", async () => {
    const cache = new RenderedFiles(1000);
    let renders = 0;
    let finish: (b: Buffer) => void = () => {};
    const render = () => {
      renders++;
      return new Promise<Buffer>((resolve) => {
        finish = resolve;
      });
    };
    const waiting = Array.from({ length: 50 }, () => cache.get("r1:pdf", render));
    finish(bytes(10));
    const files = await Promise.all(waiting);
    expect(renders).toBe(1);
    expect(new Set(files).size).toBe(1);
  });

  it("keeps within its byte budget, dropping the least recently used file first", async () => {
    const cache = new RenderedFiles(300);
    let renders = 0;
    const render = (n: number) => async () => {
      renders++;
      return bytes(n);
    };
    await cache.get("a", render(100));
    await cache.get("b", render(100));
    await cache.get("c", render(100));
    await cache.get("a", render(100)); // a is now the most recent; b is the oldest
    await cache.get("d", render(100));
    expect(cache.size).toEqual({ files: 3, bytes: 300 });
    expect(renders).toBe(4);
    await cache.get("a", render(100));
    await cache.get("c", render(100));
    await cache.get("d", render(100));
    expect(renders).toBe(4);
    await cache.get("b", render(100));
    expect(renders).toBe(5);
  });

  it("serves a file larger than the budget without keeping it, and keeps nothing of a failed rendering", async () => {
    const cache = new RenderedFiles(100);
    expect((await cache.get("big", async () => bytes(500))).byteLength).toBe(500);
    expect(cache.size).toEqual({ files: 0, bytes: 0 });
    await expect(
      cache.get("bad", async () => {
        throw new Error("font missing");
      }),
    ).rejects.toThrow("font missing");
    expect(await cache.get("bad", async () => "fine")).toEqual(Buffer.from("fine"));
  });
});
