import type { Lang, Role } from "./roles.ts";

/** Who is talking, as the rules and flows see them. */
export interface PersonView {
  id: number;
  role: Role;
  unitId: number | null;
  lang: Lang;
}
