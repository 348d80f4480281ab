/** Words for the report's fields, rules and a unit's class, as locale messages: chat and the console say them alike. */
import type { ReportWarning, RuleViolation } from "./report.ts";
import type { Msg } from "./message.ts";

/** A report field's label (`field-addicts` …). */
export function fieldLabel(field: string): Msg {
  return { key: `field-${field}` };
}

/** A warning rule the head confirmed, in words. */
export function warningMsg(w: ReportWarning): Msg {
  return w.rule === "big-change"
    ? { key: "warn-big-change", args: { label: fieldLabel(w.field), previous: w.previous, value: w.value } }
    : { key: "warn-new-cases-in-clean-unit", args: { value: w.value } };
}

/** A hard rule the answer broke, in words. */
export function violationMsg(v: RuleViolation): Msg {
  return v.rule === "exceeds-addicts"
    ? { key: "rule-exceeds-addicts", args: { label: fieldLabel(v.field), value: v.value, addicts: v.addicts } }
    : { key: "rule-exceeds-households", args: { value: v.value, households: v.households } };
}

/** A unit's class in words (`class-priority` …). */
export function classMsg(classification: string): Msg {
  return { key: `class-${classification}` };
}
