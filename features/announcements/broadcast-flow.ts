import { z } from "zod";
import { isOfficer } from "../../src/domain/access.ts";
import { fold } from "../../src/domain/text.ts";
import type { Flow, Step } from "../../src/engine/flow.ts";
import { Audience, MAX_BROADCAST_LENGTH } from "../../src/domain/broadcast.ts";
import { textAnswer, yesNoAnswer, yesNoChoices } from "../../src/engine/steps.ts";
import type { ChoiceMsg, Msg } from "../../src/engine/types.ts";
import { unitAnswer, unitChoices, unknownUnitMsg, UnitRef } from "../units/choose-unit.ts";

/** How many one audience reaches: in all, and per unit id (`AudienceSizes`). */
const SavedReach = z.object({ all: z.number().int().min(0), byUnit: z.record(z.string(), z.number().int().min(0)) });

/** An officer's announcement as it is put together, one answer per step. */
export const BroadcastData = z.object({
  units: z.array(UnitRef),
  /** how many people each audience reaches, read at the start for the summary */
  sizes: z.record(Audience, SavedReach),
  audience: Audience.optional(),
  /** null: every unit */
  unitId: z.number().int().nullable().optional(),
  text: z.string().max(MAX_BROADCAST_LENGTH).optional(),
});
export type BroadcastData = z.infer<typeof BroadcastData>;

const AUDIENCES: Audience[] = ["heads", "mentors", "residents"];

// The buttons' texts typed (with or without diacritics, in either language) and a few short forms.
const AUDIENCE_WORDS: Record<string, Audience> = {
  heads: "heads",
  head: "heads",
  "truong khu pho": "heads",
  truong: "heads",
  "neighbourhood heads": "heads",
  mentors: "mentors",
  mentor: "mentors",
  "nguoi giup do": "mentors",
  "giup do": "mentors",
  "rehab mentors": "mentors",
  residents: "residents",
  resident: "residents",
  "nguoi dan dang ky": "residents",
  "nguoi dan": "residents",
  "subscribed residents": "residents",
};

const AUDIENCE_SAYS: Record<Audience, string[]> = {
  heads: ["trưởng khu phố", "trưởng", "các trưởng", "trưởng thôn", "trưởng xóm", "tổ trưởng"],
  mentors: ["người giúp đỡ", "giúp đỡ", "người giúp", "cán bộ giúp đỡ"],
  residents: ["người dân", "dân", "bà con", "nhân dân", "người dân đăng ký"],
};
const audienceChoices: ChoiceMsg[] = AUDIENCES.map((a) => ({ label: { key: `btn-audience-${a}` }, value: a, says: AUDIENCE_SAYS[a] }));

function readAudience(text: string | undefined): Audience | undefined {
  return text === undefined ? undefined : AUDIENCE_WORDS[fold(text).replace(/[.!]+$/, "")];
}

const audienceMsg = (a: Audience): Msg => ({ key: `audience-${a}` });

function unitMsg(d: BroadcastData): Msg | string {
  return d.unitId === null || d.unitId === undefined ? { key: "audience-all-units" } : (d.units.find((u) => u.id === d.unitId)?.name ?? "");
}

/** How many the announcement reaches, as counted at the start (the effect counts again when it sends). */
function reach(d: BroadcastData): number {
  if (!d.audience) return 0;
  const sizes = d.sizes[d.audience];
  return d.unitId === null || d.unitId === undefined ? sizes.all : (sizes.byUnit[String(d.unitId)] ?? 0);
}

const audienceStep: Step<BroadcastData> = {
  ask: () => ({ say: [{ key: "broadcast-ask-audience" }], choices: audienceChoices, pick: true }),
  reply(input, d) {
    const text = input.kind === "choice" ? input.value : input.kind === "text" ? input.text : undefined;
    const audience = readAudience(text);
    if (!audience) return { kind: "invalid", say: [{ key: "broadcast-bad-audience" }] };
    return { kind: "next", step: "unit", data: { ...d, audience } };
  },
};

const unitStep: Step<BroadcastData> = {
  ask: (d) => ({ say: [{ key: "broadcast-ask-unit" }], choices: unitChoices(d.units, { key: "btn-all" }) }),
  reply(input, d) {
    const answer = unitAnswer(input, d.units);
    if (!answer.ok) {
      return { kind: "invalid", say: [answer.reason === "unknown" ? unknownUnitMsg(answer.typed, d.units) : { key: "unit-expected" }] };
    }
    const next = { ...d, unitId: answer.unit?.id ?? null };
    // Nobody to tell: say so now rather than after the officer has written the text.
    if (reach(next) === 0) {
      return { kind: "done", say: [{ key: "broadcast-nobody", args: { audience: audienceMsg(next.audience!), unit: unitMsg(next) } }] };
    }
    return { kind: "next", step: "text", data: next };
  },
};

const textStep: Step<BroadcastData> = {
  ask: () => ({ say: [{ key: "broadcast-ask-text", args: { max: MAX_BROADCAST_LENGTH } }] }),
  reply(input, d) {
    const parsed = textAnswer(input, { max: MAX_BROADCAST_LENGTH, optional: false });
    if (!parsed.ok) return { kind: "invalid", say: [parsed.error] };
    return { kind: "next", step: "confirm", data: { ...d, text: parsed.value! } };
  },
};

const confirmStep: Step<BroadcastData> = {
  ask(d) {
    const say: Msg[] = [
      { key: "broadcast-summary", args: { count: reach(d), audience: audienceMsg(d.audience!), unit: unitMsg(d) } },
      { key: "broadcast-message", args: { text: d.text ?? "" } },
      { key: "broadcast-confirm" },
    ];
    return { say, choices: yesNoChoices };
  },
  reply(input, d) {
    const yes = yesNoAnswer(input);
    if (!yes.ok) return { kind: "invalid", say: [yes.error] };
    if (!yes.value) return { kind: "done", say: [{ key: "broadcast-not-sent" }] };
    return { kind: "done", effects: [{ type: "broadcast.send", audience: d.audience!, unitId: d.unitId ?? null, text: d.text! }] };
  },
};

/**
 * `/broadcast` (`/thongbao`): an officer's announcement to the heads, the mentors or the
 * subscribed residents, of one unit or of all. Asks who, which unit and the text, shows how many
 * it reaches and the text as they will read it, and sends only on "Có".
 */
export const broadcastFlow: Flow<BroadcastData> = {
  name: "broadcast",
  data: BroadcastData,
  async start(ctx) {
    if (!isOfficer(ctx.person)) return { kind: "done", say: [{ key: "not-allowed" }] };
    const [units, sizes] = await Promise.all([ctx.q.units(), ctx.q.audienceSizes()]);
    return { kind: "conversation", step: "audience", data: { units: units.map((u) => ({ id: u.id, name: u.name })), sizes } };
  },
  steps: { audience: audienceStep, unit: unitStep, text: textStep, confirm: confirmStep },
};
