import type { Grant, Lang, Role } from "./roles.ts";

/** Who is talking, as the rules and flows see them. */
export interface PersonView {
  id: number;
  /** the highest role held (officer > head > mentor > resident): what help texts lead with */
  role: Role;
  /** a resident's subscription unit (and, for old rows, the unit of `role`) */
  unitId: number | null;
  lang: Lang;
  /** every role held; access rules read these */
  grants: Grant[];
  /** the units this person reports for (head grants), smallest id first */
  headOf: number[];
}
