import { normalize } from "./normalize.ts";

/** A command and the ways people ask for it without a slash. */
export interface IntentEntry {
  /** the command's canonical name */
  command: string;
  /** its names and phrases ("baocao", "bao cao", "lam bao cao"), compared normalized */
  says: string[];
}

/** What people put before what they want: "tôi muốn báo cáo", "cho em tố báo", "xin trợ giúp". */
const PREFIXES = ["toi muon", "em muon", "minh muon", "chau muon", "bac muon", "toi can", "em can", "cho toi", "cho em", "cho minh", "xin", "muon", "can", "giup toi", "lam on", "toi", "em", "minh", "da", "vang"];
const SUFFIXES = ["a", "nhe", "nha", "voi", "di", "ha", "giup", "giup toi", "giup em", "cai", "luon", "ngay"];

/**
 * The command a message asks for when typed without a slash ("bao cao", "báo cáo", "toi muon bao
 * cao", "/báo cáo"), or null. Only the whole message counts: "bao cao xong roi" in the middle of
 * a conversation is an answer, not a command.
 */
export function understandIntent(text: string, table: IntentEntry[]): string | null {
  // Each form on the way from what was typed to its core may be the phrase ("trợ giúp" ends
  // in "giúp", which is also a politeness to strip).
  let t = normalize(text.replace(/^\s*\//, ""));
  const forms = [t];
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of PREFIXES) if (t.startsWith(`${p} `)) (t = t.slice(p.length + 1)), (changed = true), forms.push(t);
    for (const s of SUFFIXES) if (t.endsWith(` ${s}`)) (t = t.slice(0, -s.length - 1)), (changed = true), forms.push(t);
  }
  for (const form of forms) {
    const joined = form.replace(/ /g, "");
    for (const entry of table) {
      for (const say of entry.says) {
        const n = normalize(say);
        if (form === n || joined === n.replace(/ /g, "")) return entry.command;
      }
    }
  }
  return null;
}
