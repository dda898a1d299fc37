import { IMPORT_FORMATS } from "../../../../shared/directory";

type Format = (typeof IMPORT_FORMATS)[number];

/** Same limit as the server's (ImportBody): said before uploading rather than after. */
export const MAX_BYTES = 10 * 1024 * 1024;

export function formatOf(fileName: string): Format | null {
  const ext = fileName.split(".").pop()?.toLowerCase() ?? "";
  return (IMPORT_FORMATS as readonly string[]).includes(ext) ? (ext as Format) : null;
}

/** The file's bytes as base64 (a data: URL minus its prefix), as the JSON body carries them. */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsDataURL(file);
  });
}
