import { z } from "zod";

/** What a tip is about (DOMAIN.md, "Tips"). */
export const TipCategory = z.enum(["dealing", "using", "spot", "person", "other"]);
export type TipCategory = z.infer<typeof TipCategory>;

export const TipStatus = z.enum(["new", "checking", "handled", "unfounded"]);
export type TipStatus = z.infer<typeof TipStatus>;

/** Limits that keep one person from flooding the officers, and texts readable on a phone. */
export const TIP_LIMITS = {
  descriptionMin: 5,
  descriptionMax: 2000,
  placeMax: 300,
  whenMax: 100,
  contactMax: 200,
  answerMax: 1000,
  /** Telegram's photos come with their size; bigger ones are refused */
  photoMaxBytes: 10 * 1024 * 1024,
  /** tips one person may send in an hour */
  perHour: 3,
} as const;

const NEXT: Record<TipStatus, readonly TipStatus[]> = {
  new: ["checking", "handled", "unfounded"],
  checking: ["handled", "unfounded"],
  // A closed tip can be looked at again if something new turns up.
  handled: ["checking"],
  unfounded: ["checking"],
};

/** Whether an officer may move a tip from one status to another. */
export function canMoveTip(from: TipStatus, to: TipStatus): boolean {
  return NEXT[from].includes(to);
}

export function isOpenTip(status: TipStatus): boolean {
  return status === "new" || status === "checking";
}

/** `TB` and six letters or digits, read aloud and typed on a phone: no 0/O, 1/I/L. */
export const TIP_CODE = /^TB-?[A-HJ-NP-Z2-9]{6}$/i;

/** How people type a tip code back: any case, with or without the dash or spaces. */
export function normalizeTipCode(text: string): string | undefined {
  const compact = text.trim().toUpperCase().replace(/\s+/g, "");
  if (!TIP_CODE.test(compact)) return undefined;
  return `TB-${compact.replace(/^TB-?/, "")}`;
}

/** A tip as officers see it: what was reported, never who reported it (a named tipster's own contact words aside). */
export interface TipView {
  id: number;
  code: string;
  category: TipCategory;
  description: string;
  placeText: string | null;
  location: { latitude: number; longitude: number } | null;
  whenText: string | null;
  hasPhoto: boolean;
  anonymous: boolean;
  contact: string | null;
  status: TipStatus;
  rewarded: boolean;
  createdAt: Date;
  /** the neighbourhood where it happened, when the tipster or an officer said; never the sender's own */
  unitId: number | null;
}

/** What the flows may read of tips (answered by the store inside the step's transaction). */
export interface TipQueries {
  /** the tip's status and any question waiting, only if `personId` sent it */
  mine(code: string, personId: number): Promise<{ status: TipStatus; question: string | null } | null>;
  /** why this person may not send a tip now, if they may not */
  refusal(personId: number, now: Date): Promise<"blocked" | "too-many" | null>;
  /** the tip of this person's latest unanswered question */
  openQuestion(personId: number): Promise<{ code: string } | null>;
  open(): Promise<TipView[]>;
  get(code: string): Promise<{ view: TipView; messages: { kind: string; text: string; createdAt: Date }[] } | null>;
}

/** A tip as the tipster confirmed it. */
export interface NewTip {
  category: TipCategory;
  description: string;
  placeText: string | null;
  location: { latitude: number; longitude: number } | null;
  whenText: string | null;
  photo: { channel: string; fileId: string } | null;
  anonymous: boolean;
  contact: string | null;
  /** the neighbourhood where it happened, as the tipster chose it; absent or null when not said */
  unitId?: number | null;
}

