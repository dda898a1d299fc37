import { describe, expect, it } from "vitest";
import {
  AuthoritySubmission,
  COUNTED_FIELD_PATHS,
  type Declaration,
  declarationUpdateEmail,
  discrepanciesOf,
  EMPTY_AUTHORITY,
  missingFields,
  roleView,
  sameValue,
} from "./authorities";

const declaration: Declaration = {
  reference: "Decl. 27-XA",
  declaredOn: "2014-03-01",
  fields: {
    ...EMPTY_AUTHORITY,
    name: "Ministry of Justice",
    address: "1 Treaty Street",
    emails: ["mla@xa.example.org"],
    languages: ["en", "fr"],
  },
};

describe("the authorities rules", () => {
  it("takes the Party's field where it gave one, else the declaration's, naming it", () => {
    const view = roleView(
      "mla",
      { ...EMPTY_AUTHORITY, name: "Prosecutor General", emails: ["MLA@xa.example.org"], languages: ["fr", "en"] },
      declaration,
    );
    expect(view.article).toBe(27);
    expect(view.declaration).toEqual({ reference: "Decl. 27-XA", declaredOn: "2014-03-01" });
    expect(view.fields.name).toEqual({
      value: "Prosecutor General",
      source: "party",
      declared: "Ministry of Justice",
      discrepancy: true,
    });
    expect(view.fields.address).toMatchObject({ value: "1 Treaty Street", source: "declaration", discrepancy: false });
    // Another case or order of the same data is no discrepancy.
    expect(view.fields.emails.discrepancy).toBe(false);
    expect(view.fields.languages.discrepancy).toBe(false);
    expect(view.fields.phones).toEqual({ value: null, source: null, declared: null, discrepancy: false });
    expect(discrepanciesOf([view]).map((d) => d.field)).toEqual(["name"]);
  });

  it("compares folded text and lists as sets", () => {
    expect(sameValue("  Ministry   of JUSTICE ", "ministry of justice")).toBe(true);
    expect(sameValue(["b", "a"], ["A", "B"])).toBe(true);
    expect(sameValue(["a"], ["a", "b"])).toBe(false);
  });

  it("counts every field missing without an answer, and only the empty ones with one", () => {
    expect(missingFields(null)).toEqual([...COUNTED_FIELD_PATHS]);
    expect(COUNTED_FIELD_PATHS).toHaveLength(12);
    const answer = AuthoritySubmission.parse({
      mla: {
        name: "A",
        address: "B",
        phones: ["+99 2 555 0100"],
        emails: ["a@x.example.org"],
        languages: ["en"],
        channels: ["email"],
      },
      extradition: { name: "C" },
    });
    expect(missingFields(answer)).toEqual([
      "extradition.address",
      "extradition.phones",
      "extradition.emails",
      "extradition.languages",
      "extradition.channels",
    ]);
  });

  it("refuses an answer with nothing, or an authority without a name, naming the field", () => {
    const empty = AuthoritySubmission.safeParse({});
    expect(empty.success).toBe(false);
    expect(empty.error?.issues.map((i) => i.path.join("."))).toEqual(["mla.name"]);
    const nameless = AuthoritySubmission.safeParse({
      mla: { name: "A" },
      extradition: { emails: ["e@x.example.org"] },
    });
    expect(nameless.error?.issues.map((i) => i.path.join("."))).toEqual(["extradition.name"]);
    const twice = AuthoritySubmission.safeParse({ mla: { name: "A", emails: ["e@x.example.org", "E@x.example.org"] } });
    expect(twice.error?.issues[0]?.message).toBe("The same e-mail address is listed twice");
  });

  it("drafts the e-mail to the Treaty Office with both values, in English and French", () => {
    const d = discrepanciesOf([roleView("mla", { ...EMPTY_AUTHORITY, name: "Prosecutor General" }, declaration)]);
    const en = declarationUpdateEmail("Testland", d, "en");
    expect(en?.to).toBe("treaty.office@coe.int");
    expect(en?.body).toContain("Declaration Decl. 27-XA of 2014-03-01");
    expect(en?.body).toContain("- Name: Prosecutor General (currently registered: Ministry of Justice)");
    const fr = declarationUpdateEmail("Testland", d, "fr");
    expect(fr?.body).toContain("- Nom : Prosecutor General (actuellement enregistré : Ministry of Justice)");
    expect(declarationUpdateEmail("Testland", [], "en")).toBeNull();
  });
});
