import type { BotCommand } from "grammy/types";
import { t } from "../../src/i18n.ts";
import type { MenuCommand } from "../channel.ts";

/** The languages the menu is registered in; Vietnamese is the default (no `language_code`). */
export const MENU_LANGS = ["vi", "en"] as const;

/**
 * The Telegram command menu in one language, from the command table: in Vietnamese each command
 * by its Vietnamese alias (`/baocao`), in English by its English name (`/report`); the
 * description is the locale message `menu-<English name>`. Commands without a name (started by a
 * reply) are left out.
 */
export function menuCommands(menu: readonly MenuCommand[], lang: (typeof MENU_LANGS)[number]): BotCommand[] {
  return menu
    .filter((c) => c.names.length > 0)
    .map((c) => ({
      command: lang === "vi" ? (c.names[1] ?? c.names[0]!) : c.names[0]!,
      description: t(lang, { key: `menu-${c.names[0]}` }),
    }));
}
