import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messageIds, t } from "../src/i18n.ts";

describe("locales", () => {
  it("has the same messages in Vietnamese and English", () => {
    expect(messageIds("en").sort()).toEqual(messageIds("vi").sort());
  });
  it("renders arguments, nested messages and lists", () => {
    expect(t("vi", { key: "report-question", args: { index: 1, count: 11, label: { key: "field-addicts" } } })).toBe(
      "(1/11) Số người nghiện có hồ sơ quản lý?",
    );
    expect(t("en", { key: "lines", args: { lines: [{ key: "btn-yes" }, { key: "btn-no" }] } })).toBe("Yes\nNo");
  });
});

describe("Vietnamese replies", () => {
  it("carry no English token: no format codes, no English option words a person would have to type", () => {
    const source = fs.readFileSync(path.join(import.meta.dirname, "..", "locales", "vi.ftl"), "utf8");
    // Message values only: the `## …` section comments may name the English commands.
    const values = source
      .split("\n")
      .filter((l) => !l.startsWith("#"))
      .map((l) => (/^\s/.test(l) ? l : l.replace(/^[\w-]+\s*=\s*/, "")))
      .join("\n")
      // selectors and variables are code, not text: { $status -> [checking] … }
      .replace(/\{[^}]*\}|\[[\w-]+\]|\*\[[\w-]+\]/g, "");
    const english = /YYYY|DD\/MM|\b(head|mentor|officer|checking|handled|unfounded|active|completed|relapsed|compulsory|in_person|family_visit)\b/g;
    expect(values.match(english) ?? []).toEqual([]);
  });
});
