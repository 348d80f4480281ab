import nock from "nock";
import { zaloSignature } from "../../bots/zalo/signature.ts";

export const ZALO = {
  appId: "360846524940903967",
  appSecret: "app-secret-for-tests",
  oaSecretKey: "oa-secret-key-for-tests",
  oaId: "388613280878808645",
  apiBase: "https://openapi.zalo.test",
  oauthBase: "https://oauth.zalo.test",
};

export interface ZaloSent {
  userId: string;
  text: string;
  buttons: { title: string; payload: string }[];
}

type Scripted = { status?: number; body: unknown } | "network-error";

/**
 * Zalo's OA Open API at its HTTP boundary (nock): records every consultation message, answers
 * success unless told to answer an error code next, and rotates tokens on refresh.
 */
export function fakeZaloApi() {
  const sent: ZaloSent[] = [];
  const attempts: { userId: string; token: string | undefined }[] = [];
  const script: Scripted[] = [];
  const refreshes: Record<string, string>[] = [];
  let generation = 0;
  let messageId = 1;
  const api = nock(ZALO.apiBase)
    .persist()
    .post("/v3.0/oa/message/cs")
    .reply(function (_uri, body: any) {
      const userId = String(body?.recipient?.user_id);
      attempts.push({ userId, token: this.req.headers["access_token"] as string | undefined });
      const next = script.shift();
      if (next === "network-error") return [503, "Service Unavailable"];
      if (next) return [next.status ?? 200, next.body];
      const image = body?.message?.attachment?.payload?.elements?.[0]?.url;
      sent.push({ userId, text: image ? `[image ${image}]` : String(body?.message?.text ?? ""), buttons: body?.message?.attachment?.payload?.buttons ?? [] });
      return [200, { error: 0, message: "Success", data: { message_id: `m${messageId++}`, user_id: userId } }];
    });
  const oauth = nock(ZALO.oauthBase)
    .persist()
    .post("/v4/oa/access_token")
    .reply((_uri, body) => {
      refreshes.push(Object.fromEntries(new URLSearchParams(String(body))));
      generation++;
      return [200, { access_token: `access-${generation}`, refresh_token: `refresh-${generation}`, expires_in: "90000" }];
    });
  return {
    sent,
    attempts,
    refreshes,
    /** Messages delivered to one user, in order, as the person sees them. */
    sentTo(userId: string) {
      return sent
        .filter((m) => m.userId === userId)
        .map((m) => ({ text: m.text, choices: m.buttons.map((b) => ({ label: b.title, value: b.payload.replace(/^#c:/, "") })) }));
    },
    /** The next sends answer these instead of success. */
    failNext(...responses: Scripted[]) {
      script.push(...responses);
    },
    error: (code: number, message = "error"): Scripted => ({ body: { error: code, message } }),
    close() {
      api.persist(false);
      oauth.persist(false);
      nock.cleanAll();
    },
  };
}
export type FakeZalo = ReturnType<typeof fakeZaloApi>;

/** A webhook request as Zalo sends it: JSON body and the signature header over its exact bytes. */
export function signedEvent(event: Record<string, unknown>, secret = ZALO.oaSecretKey) {
  const body = JSON.stringify({ app_id: ZALO.appId, ...event });
  const parsed = JSON.parse(body) as { app_id: string; timestamp: string };
  return { body, signature: `mac=${zaloSignature(parsed.app_id, body, parsed.timestamp, secret)}` };
}

let msgSeq = 1;
/** A user's text message event. */
export function textEvent(userId: string, text: string, at: Date, msgId = `msg${msgSeq++}`) {
  return {
    event_name: "user_send_text",
    sender: { id: userId },
    recipient: { id: ZALO.oaId },
    message: { text, msg_id: msgId },
    timestamp: String(at.getTime()),
  };
}
