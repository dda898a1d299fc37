import { describe, expect, it } from "vitest";
import { splitLinks } from "./links";

const ORIGIN = "http://localhost:8247";

describe("splitLinks", () => {
  it("turns a link to this Vigil into an in-app path, keeping the text around it", () => {
    const body =
      "Version 2026-11 published.\n\nOpen in Vigil: http://localhost:8247/directory/releases?version=2026-11\n\n-- \n";
    expect(splitLinks(body, ORIGIN)).toEqual([
      { kind: "text", text: "Version 2026-11 published.\n\nOpen in Vigil: " },
      {
        kind: "link",
        href: "http://localhost:8247/directory/releases?version=2026-11",
        inAppPath: "/directory/releases?version=2026-11",
      },
      { kind: "text", text: "\n\n-- \n" },
    ]);
  });

  it("leaves sentence punctuation out of the link and other sites outside the app", () => {
    expect(splitLinks("See (https://example.org/a).", ORIGIN)).toEqual([
      { kind: "text", text: "See (" },
      { kind: "link", href: "https://example.org/a", inAppPath: null },
      { kind: "text", text: ")." },
    ]);
  });

  it("treats another port of the same host as another site", () => {
    const [part] = splitLinks("http://localhost:5173/", ORIGIN);
    expect(part).toEqual({ kind: "link", href: "http://localhost:5173/", inAppPath: null });
  });

  it("returns plain text unchanged", () => {
    expect(splitLinks("No link here.", ORIGIN)).toEqual([{ kind: "text", text: "No link here." }]);
    expect(splitLinks("", ORIGIN)).toEqual([]);
  });
});
