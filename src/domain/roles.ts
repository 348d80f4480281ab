import { z } from "zod";

/** What a person is to the product; one role per person. */
export const Role = z.enum(["resident", "head", "mentor", "officer"]);
export type Role = z.infer<typeof Role>;

/** Roles an invite code can give. */
export const InviteRole = z.enum(["head", "mentor", "officer"]);
export type InviteRole = z.infer<typeof InviteRole>;

export const Lang = z.enum(["vi", "en"]);
export type Lang = z.infer<typeof Lang>;
export const DEFAULT_LANG: Lang = "vi";

/** The channels a person can write from. */
export const Channel = z.enum(["telegram", "zalo", "simulator"]);
export type Channel = z.infer<typeof Channel>;
