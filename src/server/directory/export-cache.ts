/**
 * Rendered exports of published releases, kept in this instance's memory. A release never changes
 * once published (the database refuses any update of its row), so its PDF is the same file
 * whenever it is asked for: it is rendered once and served many times. A 200-Party PDF takes
 * seconds to lay out; a cached one is a buffer copy.
 *
 * Bounded by total bytes, the least recently used file leaving first. Requests for a file that is
 * being rendered wait for that one rendering instead of starting their own (fifty clients asking
 * for a new release's PDF at once cost one rendering, not fifty). Each instance keeps its own:
 * there is nothing to share, since every instance renders the same bytes from the same release.
 * Only the rendering is cached; who may export, the recent sign-in and the audit entry are
 * checked on every export before the cache is asked (`releases.ts`).
 */
export class RenderedFiles {
  /** Map order is recency order: a hit moves its key to the end, eviction takes from the front. */
  private readonly files = new Map<string, Buffer>();
  private readonly rendering = new Map<string, Promise<Buffer>>();
  private bytes = 0;

  constructor(readonly maxBytes: number) {}

  /** The file under `key`, rendering it with `render` on a miss. */
  async get(key: string, render: () => Promise<Buffer | string>): Promise<Buffer> {
    const hit = this.files.get(key);
    if (hit) {
      this.files.delete(key);
      this.files.set(key, hit);
      return hit;
    }
    const pending = this.rendering.get(key);
    if (pending) return pending;
    const made = (async () => {
      try {
        const out = await render();
        const file = typeof out === "string" ? Buffer.from(out, "utf8") : out;
        this.store(key, file);
        return file;
      } finally {
        this.rendering.delete(key);
      }
    })();
    this.rendering.set(key, made);
    return made;
  }

  /** What is held now: number of files and their bytes (for the tests and /metrics-style checks). */
  get size(): { files: number; bytes: number } {
    return { files: this.files.size, bytes: this.bytes };
  }

  private store(key: string, file: Buffer): void {
    // A file larger than the whole budget is served but not kept.
    if (file.byteLength > this.maxBytes) return;
    this.files.set(key, file);
    this.bytes += file.byteLength;
    for (const [oldest, f] of this.files) {
      if (this.bytes <= this.maxBytes) break;
      this.files.delete(oldest);
      this.bytes -= f.byteLength;
    }
  }
}

/**
 * The instance's cache of release exports. 64 MB holds every format of two 200-Party releases
 * (JSON 8 MB, CSV 4 MB, PDF 5 MB, vCard and DOCX a few more each).
 */
export const releaseFiles = new RenderedFiles(64 * 1024 * 1024);
