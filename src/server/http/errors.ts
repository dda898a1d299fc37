/** An error with an HTTP status and a stable code the client can translate. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const badRequest = (code: string, message: string, issues?: { path: string; message: string }[]) =>
  new HttpError(400, code, message, issues);
export const unauthorized = (code: string, message: string) => new HttpError(401, code, message);
export const forbidden = (message = "You are not allowed to do this.") => new HttpError(403, "forbidden", message);
export const notFound = (message = "Not found.") => new HttpError(404, "not_found", message);
export const conflict = (code: string, message: string) => new HttpError(409, code, message);
/** The thing existed and is gone for good (a request's content removed by the retention purge). */
export const gone = (code: string, message: string) => new HttpError(410, code, message);
export const locked = (message: string) => new HttpError(423, "locked", message);
