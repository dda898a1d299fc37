import { createHash, createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateSigningKeyPair, publicJwk, signDetached, verifyDetached } from "./jws";

const body = '{"format":"vigil.directory/1","parties":[{"nameEn":"Côte d\'Ivoire"}],"version":"2024-12"}';

describe("detached JWS (EdDSA)", () => {
  const keys = generateSigningKeyPair();

  it("signs with a detached payload and a protected header naming the key", () => {
    const jws = signDetached(body, keys.privateKeyPem, keys.kid);
    const [header, payload, signature] = jws.split(".");
    expect(payload).toBe("");
    expect(JSON.parse(Buffer.from(header!, "base64url").toString())).toEqual({ alg: "EdDSA", kid: keys.kid });
    expect(Buffer.from(signature!, "base64url")).toHaveLength(64);
    expect(verifyDetached(jws, body, keys.publicKeyPem)).toBe(true);
    expect(verifyDetached(jws, Buffer.from(body, "utf8"), keys.publicKeyPem)).toBe(true);
  });

  it("signs the RFC 7515 signing input, so any JOSE library can check it", () => {
    const jws = signDetached(body, keys.privateKeyPem, keys.kid);
    const [header, , signature] = jws.split(".");
    const input = `${header}.${Buffer.from(body, "utf8").toString("base64url")}`;
    expect(
      verify(null, Buffer.from(input), createPublicKey(keys.publicKeyPem), Buffer.from(signature!, "base64url")),
    ).toBe(true);
  });

  it("fails when one byte of the body changes", () => {
    const jws = signDetached(body, keys.privateKeyPem, keys.kid);
    const bytes = Buffer.from(body, "utf8");
    bytes[10] = bytes[10]! ^ 1;
    expect(verifyDetached(jws, bytes, keys.publicKeyPem)).toBe(false);
    expect(verifyDetached(jws, body.replace("2024-12", "2024-11"), keys.publicKeyPem)).toBe(false);
  });

  it("fails when the header is altered", () => {
    const jws = signDetached(body, keys.privateKeyPem, keys.kid);
    const [, , signature] = jws.split(".");
    const otherKid = Buffer.from(JSON.stringify({ alg: "EdDSA", kid: "someone-else" })).toString("base64url");
    expect(verifyDetached(`${otherKid}..${signature}`, body, keys.publicKeyPem)).toBe(false);
    const noneAlg = Buffer.from(JSON.stringify({ alg: "none", kid: keys.kid })).toString("base64url");
    expect(verifyDetached(`${noneAlg}..${signature}`, body, keys.publicKeyPem)).toBe(false);
    const crit = Buffer.from(JSON.stringify({ alg: "EdDSA", b64: false, crit: ["b64"] })).toString("base64url");
    expect(verifyDetached(`${crit}..${signature}`, body, keys.publicKeyPem)).toBe(false);
  });

  it("fails with another key", () => {
    const jws = signDetached(body, keys.privateKeyPem, keys.kid);
    expect(verifyDetached(jws, body, generateSigningKeyPair().publicKeyPem)).toBe(false);
    // An RSA key is not an answer either (and does not throw).
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ type: "spki", format: "pem" });
    expect(verifyDetached(jws, body, rsa.toString())).toBe(false);
  });

  it("returns false, never throws, on malformed input", () => {
    const jws = signDetached(body, keys.privateKeyPem, keys.kid);
    const [header, , signature] = jws.split(".");
    for (const bad of [
      "",
      "abc",
      `${header}.${signature}`,
      `${header}.${Buffer.from(body).toString("base64url")}.${signature}`, // attached payload
      `${header}..${signature}!`,
      `${header}..${signature!.slice(2)}`,
      `!!..${signature}`,
      `${Buffer.from("not json").toString("base64url")}..${signature}`,
      `${Buffer.from("[1]").toString("base64url")}..${signature}`,
    ]) {
      expect(verifyDetached(bad, body, keys.publicKeyPem)).toBe(false);
    }
    expect(verifyDetached(jws, body, "not a pem")).toBe(false);
  });

  it("names keys by their RFC 7638 thumbprint", () => {
    const jwk = publicJwk(keys.publicKeyPem);
    expect(jwk).toMatchObject({ kty: "OKP", crv: "Ed25519", kid: keys.kid });
    expect(Buffer.from(jwk.x, "base64url")).toHaveLength(32);
    const expected = createHash("sha256").update(`{"crv":"Ed25519","kty":"OKP","x":"${jwk.x}"}`).digest("base64url");
    expect(keys.kid).toBe(expected);
    // RFC 8037 appendix A.3: the thumbprint of its example key.
    const rfcKey = createPublicKey({
      key: { kty: "OKP", crv: "Ed25519", x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" },
      format: "jwk",
    });
    expect(publicJwk(rfcKey.export({ type: "spki", format: "pem" }).toString()).kid).toBe(
      "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k",
    );
  });
});
