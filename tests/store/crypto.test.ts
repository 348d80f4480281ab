import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DecryptError, decryptField, encryptField, encryptFieldV1, keyId, sealedKeyId } from "../../src/store/crypto.ts";

const KEY = randomBytes(32).toString("base64");
const OTHER_KEY = randomBytes(32).toString("base64");
/** The header (`v2:kid`) and the base64 body of a stored value. */
const parts = (stored: string) => ({ header: stored.slice(0, stored.lastIndexOf(":")), body: stored.slice(stored.lastIndexOf(":") + 1) });

describe("field encryption", () => {
  it("round-trips, including Vietnamese text and the empty string", () => {
    for (const plain of ["", "abc", "Nguyễn Văn Ánh — số 12 ngõ 3", "x".repeat(10_000)]) {
      const stored = encryptField(plain, KEY);
      expect(stored.startsWith(`v2:${keyId(KEY)}:`)).toBe(true);
      expect(decryptField(stored, KEY)).toBe(plain);
    }
  });

  it("gives a different ciphertext each time (fresh IV)", () => {
    const a = encryptField("same value", KEY);
    const b = encryptField("same value", KEY);
    expect(a).not.toBe(b);
    expect(decryptField(a, KEY)).toBe(decryptField(b, KEY));
  });

  it("never shows the plaintext in what it stores", () => {
    const plain = "ACCESS-TOKEN-abcdef123456";
    const stored = encryptField(plain, KEY);
    expect(stored).not.toContain(plain);
    expect(stored).not.toContain(Buffer.from(plain).toString("base64").slice(0, 12));
    expect(Buffer.from(parts(stored).body, "base64").toString("latin1")).not.toContain(plain);
  });

  it("refuses a tampered value with DecryptError", () => {
    const stored = encryptField("secret", KEY);
    const { header, body } = parts(stored);
    const raw = Buffer.from(body, "base64");
    for (const at of [0, 12, raw.length - 1]) {
      const bad = Buffer.from(raw);
      bad[at] = bad[at]! ^ 1;
      expect(() => decryptField(`${header}:${bad.toString("base64")}`, KEY)).toThrow(DecryptError);
    }
    expect(() => decryptField(`${header}:${raw.subarray(0, 20).toString("base64")}`, KEY)).toThrow(DecryptError);
    expect(() => decryptField("secret", KEY)).toThrow(DecryptError);
  });

  it("refuses the wrong key with DecryptError", () => {
    const stored = encryptField("secret", KEY);
    expect(() => decryptField(stored, OTHER_KEY)).toThrow(DecryptError);
    expect(() => decryptField(stored, OTHER_KEY)).toThrow(/wrong DATA_KEY/);
  });

  it("names the key that sealed a value, and authenticates that name", () => {
    const stored = encryptField("secret", KEY);
    expect(sealedKeyId(stored)).toBe(keyId(KEY));
    expect(keyId(KEY)).not.toBe(keyId(OTHER_KEY));
    expect(() => decryptField(stored, OTHER_KEY)).toThrow(`sealed under key ${keyId(KEY)}`);
    // The same body under another header (as if another key's) does not open.
    const { body } = parts(stored);
    const forged = `v2:${keyId(OTHER_KEY)}:${body}`;
    expect(() => decryptField(forged, OTHER_KEY)).toThrow(DecryptError);
    expect(sealedKeyId("{}")).toBeNull();
    expect(sealedKeyId("")).toBeNull();
  });

  it("still opens the v1 form written before key ids", () => {
    const old = encryptFieldV1("Nguyễn Văn Ánh", KEY);
    expect(old.startsWith("v1:")).toBe(true);
    expect(sealedKeyId(old)).toBe("v1");
    expect(decryptField(old, KEY)).toBe("Nguyễn Văn Ánh");
    expect(() => decryptField(old, OTHER_KEY)).toThrow(DecryptError);
  });

  it("rejects a key that is not 32 bytes as a configuration error", () => {
    const short = randomBytes(16).toString("base64");
    expect(() => encryptField("x", short)).toThrow(/32 bytes/);
    expect(() => decryptField(encryptField("x", KEY), short)).toThrow(/32 bytes/);
  });
});
