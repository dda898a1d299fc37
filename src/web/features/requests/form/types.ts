import type { FieldErrors } from "../../directory/issues";
import type { RequestDraft } from "./draft";

/** What every block of the form receives: the draft, its errors by path, and a way to change it. */
export type BlockProps = {
  draft: RequestDraft;
  errors: FieldErrors;
  update: (change: (d: RequestDraft) => RequestDraft) => void;
};
