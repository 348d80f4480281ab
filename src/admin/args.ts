import { parseArgs, type ParseArgsConfig } from "node:util";
import type { z } from "zod";

/**
 * A bad argument: the command is refused before anything is written. Its message is the one line
 * the operator reads after `error: `, so it names the flag and what was expected.
 */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Splits a command's arguments into flags and positional words with `node:util` parseArgs, strict:
 * an unknown flag, a flag without its value or a value given to a switch is a {@link UsageError}
 * naming the command, instead of Node's several-line explanation.
 */
export function parseFlags<const O extends NonNullable<ParseArgsConfig["options"]>>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(command, error));
  }
}

function describeParseError(command: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown flag ${flag} for "${command}" (see --help)`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (message.includes("does not take an argument")) return `${flag} takes no value`;
    // "ambiguous": the next word starts with "-", so parseArgs will not take it as the value.
    if (message.includes("ambiguous")) return `${flag} needs a value (write ${flag}=VALUE for one starting with "-")`;
    return `${flag} needs a value`;
  }
  return message.split("\n")[0]!;
}

/**
 * Checks parsed arguments against a zod schema. The first problem becomes a {@link UsageError}
 * that names the argument as the operator typed it (`labels` maps schema keys to `--flag` or
 * `<word>`) and echoes the bad value, since zod's own message does not.
 */
export function validate<S extends z.ZodType>(schema: S, input: Record<string, unknown>, labels: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const key = String(issue.path[0] ?? "");
  const label = labels[key] ?? key;
  const given = input[key];
  const echo = typeof given === "string" && given !== "" ? ` (got "${given}")` : "";
  // zod's enum message lists JSON-quoted values; the operator types them bare.
  const reason =
    issue.code === "invalid_value"
      ? `expected one of ${issue.values.map(String).join(", ")}`
      : issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
  return fail(`${label}: ${reason}${echo}`);
}

/**
 * A domain schema that accepts anything (a coercing one) used as the second stage of a pipe from
 * text: sound, since what takes any input takes a string, but zod's types cannot see it.
 */
export function fromText<O>(schema: z.ZodType<O>): z.ZodType<O, string> {
  return schema as z.ZodType<O, string>;
}

/** Refuses the command with a one-line reason. */
export function fail(reason: string): never {
  throw new UsageError(reason);
}

/** Refuses positional words a command does not take. */
export function noPositionals(command: string, positionals: string[]): void {
  if (positionals.length > 0) fail(`unexpected argument "${positionals[0]}" for "${command}" (see --help)`);
}
