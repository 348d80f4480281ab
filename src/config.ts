import { z } from "zod";
import { registry } from "../features/index.ts";
import { loadSchedule, ScheduleError, type Schedule } from "./scheduler/schedule.ts";

const optional = z.string().trim().min(1).optional();
const onOff = z.enum(["on", "off"]);

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const Env = z.object({
  DATABASE_URL: z
    .string()
    .default("file:./data/vungxanh.db")
    .refine((u) => u.startsWith("file:") && u.length > 5, "must be file:PATH (PostgreSQL is not supported yet)"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  APP_TIMEZONE: z.string().default("Asia/Ho_Chi_Minh").refine(validTimeZone, "is not a known IANA time zone"),
  DATA_KEY: z
    .string()
    .refine((k) => Buffer.from(k, "base64").length === 32 && /^[A-Za-z0-9+/]+=*$/.test(k), "must be 32 bytes in base64")
    .optional(),
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]+$/, "does not look like a bot token (digits:letters)").optional(),
  TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org").transform((u) => u.replace(/\/+$/, "")),
  TELEGRAM_MODE: z.enum(["polling", "webhook"]).default("polling"),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, "must be 1–256 characters of A-Z a-z 0-9 _ -")
    .optional(),
  TELEGRAM_MAX_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(30),
  TELEGRAM_WEBHOOK_URL: z.url().refine((u) => u.startsWith("https://"), "must be an https:// URL").optional(),
  ZALO_APP_ID: optional,
  ZALO_APP_SECRET: optional,
  ZALO_OA_SECRET_KEY: optional,
  ZALO_ACCESS_TOKEN: optional,
  ZALO_REFRESH_TOKEN: optional,
  ZALO_API_BASE: z.url().default("https://openapi.zalo.me"),
  ZALO_OAUTH_BASE: z.url().default("https://oauth.zaloapp.com"),
  SIMULATOR: onOff.optional(),
  TIP_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  PUBLIC_URL: z
    .url()
    .refine((u) => /^https?:\/\//.test(u), "must be an http:// or https:// URL (where people open the console)")
    .transform((u) => u.replace(/\/+$/, ""))
    .optional(),
  ORG_NAME: optional,
  ORG_PARENT: optional,
  ORG_PLACE: optional,
  SIMULATOR_SECRET: z.string().min(16, "must be at least 16 characters (openssl rand -hex 24)").optional(),
  INVITE_TTL_DAYS: z.coerce.number().int().min(1, "must be 1 or more days").max(365, "must be at most 365 days").default(14),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export interface ZaloConfig {
  appId: string;
  appSecret: string;
  oaSecretKey: string;
  /** first tokens; after the first refresh the database holds the current pair */
  accessToken?: string;
  refreshToken?: string;
  apiBase: string;
  oauthBase: string;
}

export type TelegramConfig =
  | { mode: "polling"; token: string; apiRoot: string }
  | { mode: "webhook"; token: string; apiRoot: string; secret: string; url?: string };

/** The validated environment (CONTRACT.md, "Environment"). */
export interface Config {
  databaseUrl: string;
  port: number;
  timeZone: string;
  /** no channel credentials: demo units, invite codes printed, the simulator on */
  demo: boolean;
  dataKey?: string;
  telegram?: TelegramConfig;
  zalo?: ZaloConfig;
  simulator: boolean;
  /**
   * What the simulator page must present (header `X-Simulator-Secret`) on every API call.
   * Required to run the simulator outside demo mode, where it can read and write any person's
   * simulator chat; optional in demo mode.
   */
  simulatorSecret?: string;
  /** how long an invite code works after it is made */
  inviteTtlDays: number;
  logLevel: string;
  /** when the reminder jobs run (src/scheduler/schedule.ts) */
  schedule: Schedule;
  /** messages per second a channel may send in all */
  telegramPerSecond: number;
  /** days a closed tip keeps its way back to its sender before the link is erased */
  tipRetentionDays: number;
  /** PUBLIC_URL: the console's address, for the links `/web` sends (no trailing slash) */
  publicUrl: string;
  /** the issuing body in exported documents' headings (ORG_NAME, ORG_PARENT, ORG_PLACE) */
  org: { name?: string; parent?: string; place?: string };
}

/** Demo mode's issuing body: the town of plan 000 (DOMAIN.md). */
const DEMO_ORG = { name: "Công an thị trấn Lang Chánh", parent: "Công an huyện Lang Chánh", place: "Lang Chánh" };

/** Thrown when the environment is wrong; its message names each bad variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and checks the environment; blank variables count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`invalid environment:\n  ${lines.join("\n  ")}`);
  }
  const e = parsed.data;
  const problems: string[] = [];
  let telegram: TelegramConfig | undefined;
  if (e.TELEGRAM_BOT_TOKEN) {
    if (e.TELEGRAM_MODE === "webhook") {
      if (!e.TELEGRAM_WEBHOOK_SECRET) problems.push("TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_MODE=webhook");
      else telegram = { mode: "webhook", token: e.TELEGRAM_BOT_TOKEN, apiRoot: e.TELEGRAM_API_ROOT, secret: e.TELEGRAM_WEBHOOK_SECRET, url: e.TELEGRAM_WEBHOOK_URL };
    } else {
      telegram = { mode: "polling", token: e.TELEGRAM_BOT_TOKEN, apiRoot: e.TELEGRAM_API_ROOT };
    }
  }
  const zaloSet = Boolean(e.ZALO_APP_ID || e.ZALO_APP_SECRET || e.ZALO_OA_SECRET_KEY || e.ZALO_ACCESS_TOKEN || e.ZALO_REFRESH_TOKEN);
  let zalo: ZaloConfig | undefined;
  if (zaloSet) {
    for (const name of ["ZALO_APP_ID", "ZALO_APP_SECRET", "ZALO_OA_SECRET_KEY"] as const) {
      if (!e[name]) problems.push(`${name}: required when Zalo is configured (any ZALO_* credential is set)`);
    }
    if (e.ZALO_APP_ID && e.ZALO_APP_SECRET && e.ZALO_OA_SECRET_KEY) {
      zalo = {
        appId: e.ZALO_APP_ID,
        appSecret: e.ZALO_APP_SECRET,
        oaSecretKey: e.ZALO_OA_SECRET_KEY,
        accessToken: e.ZALO_ACCESS_TOKEN,
        refreshToken: e.ZALO_REFRESH_TOKEN,
        apiBase: e.ZALO_API_BASE.replace(/\/+$/, ""),
        oauthBase: e.ZALO_OAUTH_BASE.replace(/\/+$/, ""),
      };
    }
  }
  const demo = !e.TELEGRAM_BOT_TOKEN && !zaloSet;
  if (!demo && !e.DATA_KEY) problems.push("DATA_KEY: required outside demo mode (32 random bytes in base64: openssl rand -base64 32)");
  const simulator = e.SIMULATOR ? e.SIMULATOR === "on" : demo;
  if (simulator && !demo && !e.SIMULATOR_SECRET) {
    problems.push(
      "SIMULATOR_SECRET: required when SIMULATOR=on outside demo mode (channel credentials are set): the simulator lets anyone who reaches it read and write chats. Set SIMULATOR_SECRET to a long random value (openssl rand -hex 24), or SIMULATOR=off",
    );
  }
  let schedule: Schedule | undefined;
  try {
    // The features declare the jobs; the environment may move their times.
    schedule = loadSchedule(cleaned, registry.jobs);
  } catch (error) {
    if (!(error instanceof ScheduleError)) throw error;
    problems.push(error.message);
  }
  if (problems.length || !schedule) throw new ConfigError(`invalid environment:\n  ${problems.join("\n  ")}`);
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    timeZone: e.APP_TIMEZONE,
    demo,
    dataKey: e.DATA_KEY,
    telegram,
    zalo,
    simulator,
    simulatorSecret: e.SIMULATOR_SECRET,
    inviteTtlDays: e.INVITE_TTL_DAYS,
    logLevel: e.LOG_LEVEL,
    schedule,
    telegramPerSecond: e.TELEGRAM_MAX_PER_SECOND,
    tipRetentionDays: e.TIP_RETENTION_DAYS,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    org: {
      name: e.ORG_NAME ?? (demo ? DEMO_ORG.name : undefined),
      parent: e.ORG_PARENT ?? (demo ? DEMO_ORG.parent : undefined),
      place: e.ORG_PLACE ?? (demo ? DEMO_ORG.place : undefined),
    },
  };
}
