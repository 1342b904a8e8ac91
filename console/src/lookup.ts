// Which GraphQL look-ups a typed or pasted value deserves, and running them in batches that stay within
// the API's alias and token limits (LINKWATCH_API_MAX_ALIASES = 30 by default).

import { type GqlError, gqlPartial } from "./api";

export type Kind = "account" | "ip" | "instrument" | "emailDomain" | "template";

export interface CampaignHit {
  campaign: {
    id: string;
    status: string;
    score: number | null;
    size: number | null;
    capability: string | null;
    attribution: { actor: { id: string; name: string }; confidence: number; status: string }[];
  };
  confidence: number;
}

export interface AttributionHit {
  kind: string;
  key: string;
  found: boolean;
  campaigns: CampaignHit[];
  actors: { actor: { id: string; name: string }; confidence: number }[];
  accountCount: number | null;
}

export const HIT_FIELDS = `kind key found accountCount
  campaigns { confidence campaign { id status score size capability
    attribution { actor { id name } confidence status } } }
  actors { actor { id name } confidence }`;

const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/;
const IPV6 = /^[0-9a-f:.]+$/i;
const DOMAIN = /^(?:[^@\s]*@)?([a-z0-9-]+(\.[a-z0-9-]+)+)$/i;
const TEMPLATE = /^t_[0-9a-f]{16}$/i;
export const CAMPAIGN = /^C-\d+$/;

/** True for text that reads like a prompt rather than an identifier. */
export function isPromptText(value: string): boolean {
  return /\s/.test(value.trim()) || value.length > 120;
}

/** The kinds worth asking about for one value; ambiguous identifiers are asked as several. */
export function kindsOf(value: string): Kind[] {
  const v = value.trim();
  if (IPV4.test(v) || (v.includes(":") && IPV6.test(v) && v.split(":").length > 2)) return ["ip"];
  if (TEMPLATE.test(v)) return ["template"];
  if (v.includes("@") || (DOMAIN.test(v) && /[a-z]$/i.test(v))) return ["emailDomain", "account"];
  if (v.startsWith("tok_")) return ["instrument"];
  return ["account", "instrument"];
}

export function argValue(kind: Kind, value: string): string {
  const v = value.trim();
  if (kind === "emailDomain") return v.includes("@") ? v.slice(v.lastIndexOf("@") + 1) : v;
  return v;
}

export interface LookupResult {
  value: string;
  kind: Kind;
  hit: AttributionHit | null;
  error: string | null;
}

const ARG_TYPE: Record<Kind, string> = {
  account: "ID",
  ip: "String",
  instrument: "String",
  emailDomain: "String",
  template: "ID",
};

/** Runs attribution look-ups for (value, kind) pairs, `perRequest` aliases each, a few requests at a time. */
export async function lookupMany(
  pairs: { value: string; kind: Kind }[],
  perRequest = 25,
  parallel = 3,
  onProgress: (done: number) => void = () => undefined,
): Promise<LookupResult[]> {
  const results: LookupResult[] = new Array<LookupResult>(pairs.length);
  const batches: number[][] = [];
  for (let i = 0; i < pairs.length; i += perRequest) {
    batches.push(Array.from({ length: Math.min(perRequest, pairs.length - i) }, (_, j) => i + j));
  }
  let done = 0;
  let next = 0;
  async function worker(): Promise<void> {
    while (next < batches.length) {
      const batch = batches[next++] ?? [];
      const defs = batch.map((i) => `$v${i}: ${ARG_TYPE[pairs[i]!.kind]}!`).join(", ");
      const fields = batch.map((i) => `r${i}: attribution(${pairs[i]!.kind}: $v${i}) { ...Hit }`).join("\n");
      const query = `query Lookup(${defs}) {\n${fields}\n}\nfragment Hit on AttributionResult { ${HIT_FIELDS} }`;
      const variables: Record<string, string> = {};
      for (const i of batch) variables[`v${i}`] = argValue(pairs[i]!.kind, pairs[i]!.value);
      const answer = await gqlPartial<Record<string, AttributionHit | null>>(query, variables);
      const errorsByAlias = new Map<string, GqlError>();
      for (const e of answer.errors) if (e.path?.[0] !== undefined) errorsByAlias.set(String(e.path[0]), e);
      const whole = answer.errors.find((e) => !e.path);
      for (const i of batch) {
        const hit = answer.data?.[`r${i}`] ?? null;
        const err = errorsByAlias.get(`r${i}`) ?? whole;
        results[i] = { value: pairs[i]!.value, kind: pairs[i]!.kind, hit, error: hit ? null : (err?.message ?? null) };
      }
      done += batch.length;
      onProgress(done);
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, batches.length) }, worker));
  return results;
}
