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
