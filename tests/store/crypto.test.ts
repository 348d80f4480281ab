import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DecryptError, decryptField, encryptField } from "../../src/store/crypto.ts";

const KEY = randomBytes(32).toString("base64");
const OTHER_KEY = randomBytes(32).toString("base64");

describe("field encryption", () => {
  it("round-trips, including Vietnamese text and the empty string", () => {
    for (const plain of ["", "abc", "Nguyễn Văn Ánh — số 12 ngõ 3", "x".repeat(10_000)]) {
      const stored = encryptField(plain, KEY);
      expect(stored.startsWith("v1:")).toBe(true);
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
    expect(Buffer.from(stored.slice(3), "base64").toString("latin1")).not.toContain(plain);
  });

  it("refuses a tampered value with DecryptError", () => {
    const stored = encryptField("secret", KEY);
    const raw = Buffer.from(stored.slice(3), "base64");
    for (const at of [0, 12, raw.length - 1]) {
      const bad = Buffer.from(raw);
      bad[at] = bad[at]! ^ 1;
      expect(() => decryptField("v1:" + bad.toString("base64"), KEY)).toThrow(DecryptError);
    }
    expect(() => decryptField("v1:" + raw.subarray(0, 20).toString("base64"), KEY)).toThrow(DecryptError);
    expect(() => decryptField("secret", KEY)).toThrow(DecryptError);
  });

  it("refuses the wrong key with DecryptError", () => {
    const stored = encryptField("secret", KEY);
    expect(() => decryptField(stored, OTHER_KEY)).toThrow(DecryptError);
    expect(() => decryptField(stored, OTHER_KEY)).toThrow(/wrong DATA_KEY/);
  });

  it("rejects a key that is not 32 bytes as a configuration error", () => {
    const short = randomBytes(16).toString("base64");
    expect(() => encryptField("x", short)).toThrow(/32 bytes/);
    expect(() => decryptField(encryptField("x", KEY), short)).toThrow(/32 bytes/);
  });
});
