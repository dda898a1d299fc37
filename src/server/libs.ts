/**
 * Libraries that cost hundreds of milliseconds and megabytes at import but serve only a few
 * routes (documents, exports, security keys): each is imported at its first use, once, so a
 * start does not pay for them (docs/decisions/0002-compiled-start.md). Measured on Node 22, each
 * alone: @simplewebauthn/server ~300 modules, 400–700 ms; pdfkit (with fontkit) 250–400 ms; qrcode
 * (with pngjs) ~60 modules, 40 ms; fast-xml-parser 70–140 ms; docx 65 ms and ~14 MB.
 */

/** `load` called at the first use only; a failed import is tried again at the next. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
    return loading;
  };
}

/** pdfkit's PDFDocument class. */
export const loadPdfKit = once(async () => (await import("pdfkit")).default);

/** WebAuthn: registration and authentication options, and the checks of the answers. */
export const loadWebAuthn = once(() => import("@simplewebauthn/server"));

/** fast-xml-parser: reading the table of a Word file at a directory import. */
export const loadXmlParser = once(() => import("fast-xml-parser"));

/** docx: Word documents (a request's document, the directory, the plenary report). */
export const loadDocx = once(() => import("docx"));
export type Docx = typeof import("docx");

/** qrcode: the authenticator's QR code, shown once when it is set up. */
export const loadQrCode = once(async () => (await import("qrcode")).default);
