import { describe, expect, it } from "vitest";
import { linkFlow } from "../../../features/link/link-flow.ts";
import { contextWith, expectDone, resident } from "../../support/step-kit.ts";

/**
 * `/link` answers at once (no steps, no queries): the effect it asks for from what follows the
 * command. The chat suite (tests/flows/link.test.ts) covers linking end to end.
 */
describe("/link", () => {
  const start = async (args: string) => expectDone(await linkFlow.start(contextWith(resident(), {}), args)).effects;

  it("makes a code when nothing follows", async () => {
    expect(await start("")).toEqual([{ type: "link.create" }]);
    expect(await start("   ")).toEqual([{ type: "link.create" }]);
  });

  it("takes a code typed on the other app", async () => {
    expect(await start("AB12CD34")).toEqual([{ type: "link.redeem", code: "AB12CD34" }]);
    expect(await start(" ab12cd34 ")).toEqual([{ type: "link.redeem", code: "ab12cd34" }]);
  });

  it("reads the owner's yes or no, in one or two words, with or without diacritics, with or without the code", async () => {
    const answer = (accept: boolean, code: string | null) => [{ type: "link.answer", accept, code }];
    expect(await start("yes")).toEqual(answer(true, null));
    expect(await start("có AB12CD34")).toEqual(answer(true, "AB12CD34"));
    expect(await start("đồng ý")).toEqual(answer(true, null));
    expect(await start("dong y AB12CD34")).toEqual(answer(true, "AB12CD34"));
    expect(await start("không")).toEqual(answer(false, null));
    expect(await start("từ chối AB12CD34")).toEqual(answer(false, "AB12CD34"));
  });

  it("takes more words after an answer as a code, which the effect then refuses", async () => {
    expect(await start("có cái mã này")).toEqual([{ type: "link.redeem", code: "có cái mã này" }]);
  });
});
