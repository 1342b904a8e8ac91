import { errorText, gql } from "./api";
import { alertBox, campaignLink, clear, fmtNumber, h, statusBadge } from "./dom";
import { type AttributionHit, CAMPAIGN, HIT_FIELDS, isPromptText, kindsOf, type Kind, lookupMany } from "./lookup";

const KIND_NAME: Record<string, string> = {
  account: "Account",
  ip: "IP address",
  instrument: "Payment instrument",
  emailDomain: "E-mail domain",
  email_domain: "E-mail domain",
  template: "Prompt template",
};

const BY_TEXT = `query TemplatesByText($text: String!) {
  templatesByText(text: $text, first: 5) { id text capability requests accounts }
}`;

interface TemplateHit {
  id: string;
  text: string | null;
  capability: string | null;
  requests: number | null;
  accounts: number | null;
}

let lastQuery = "";

export function renderSearch(root: HTMLElement, initial = ""): void {
  clear(root);
  const input = h("input", {
    type: "search",
    id: "search",
    name: "q",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "acct_0000001 · 203.0.113.7 · tok_… · example.com · C-00000001 · or paste a prompt",
    "aria-describedby": "search-help",
  });
  input.value = initial || lastQuery;
  const results = h("section", { id: "results", "aria-live": "polite" });
  const form = h(
    "form",
    { class: "search", role: "search" },
    h("label", { for: "search" }, "Search"),
    input,
    h("button", { type: "submit" }, "Search"),
    h(
      "p",
      { id: "search-help", class: "hint" },
      "An account id, IP address, payment-instrument token, e-mail domain, campaign id or pasted prompt text. ",
      "Press / anywhere to come back here.",
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void runSearch(input.value, results);
  });
  root.append(h("h1", {}, "Find a campaign"), form, results);
  input.focus();
  if (input.value.trim()) void runSearch(input.value, results);
}

async function runSearch(raw: string, results: HTMLElement): Promise<void> {
  const value = raw.trim();
  lastQuery = value;
  clear(results);
  if (!value) return;
  if (CAMPAIGN.test(value)) {
    location.hash = `#/campaign/${encodeURIComponent(value)}`;
    return;
  }
  results.appendChild(h("p", { class: "muted" }, "Searching…"));
  try {
    const sections = isPromptText(value) ? await searchPrompt(value) : await searchValue(value);
    clear(results);
    if (sections.length === 0) {
      results.appendChild(
        h("p", { class: "empty", "data-testid": "no-match" }, `Nothing is known about “${shorten(value)}”.`),
      );
      return;
    }
    results.append(...sections);
  } catch (err) {
    clear(results);
    results.appendChild(alertBox(errorText(err)));
  }
}

async function searchValue(value: string): Promise<HTMLElement[]> {
  const kinds: Kind[] = kindsOf(value);
  const found = await lookupMany(kinds.map((kind) => ({ value, kind })));
  return found.filter((r) => r.hit?.found).map((r) => hitSection(r.hit!, value));
}

async function searchPrompt(text: string): Promise<HTMLElement[]> {
  const { templatesByText } = await gql<{ templatesByText: TemplateHit[] }>(BY_TEXT, { text });
  if (templatesByText.length === 0) return [];
  const hits = await lookupMany(templatesByText.map((t) => ({ value: t.id, kind: "template" as Kind })));
  return hits.map((r, i) => {
    const t = templatesByText[i]!;
    const section = r.hit ? hitSection(r.hit, t.id) : h("section", { class: "hit" });
    section.insertBefore(
      h("blockquote", { class: "template-text" }, t.text ?? "", h("footer", {}, `${t.capability ?? "?"} · ${fmtNumber(t.requests)} requests · ${fmtNumber(t.accounts)} accounts`)),
      section.children[1] ?? null,
    );
    return section;
  });
}

export function hitSection(hit: AttributionHit, shown: string): HTMLElement {
  const kindName = KIND_NAME[hit.kind] ?? hit.kind;
  const title = hit.kind === "instrument" ? `${kindName} ${hit.key}… (keyed hash)` : `${kindName} ${shown}`;
  const section = h("section", { class: "hit", "data-kind": hit.kind }, h("h2", {}, title));
  if (hit.accountCount !== null && hit.kind !== "account") {
    section.appendChild(h("p", { class: "muted" }, `Used by ${fmtNumber(hit.accountCount)} accounts.`));
  }
  if (hit.actors.length > 0) {
    section.appendChild(
      h("p", {}, "Behind it: ", ...hit.actors.map((a, i) => [i > 0 ? ", " : "", h("strong", {}, a.actor.name), ` (${pct(a.confidence)})`])),
    );
  }
  if (hit.campaigns.length === 0) {
    section.appendChild(h("p", { class: "empty" }, "Known, but in no campaign."));
    return section;
  }
  const rows = hit.campaigns.map((c) =>
    h(
      "tr",
      {},
      h("td", {}, campaignLink(c.campaign.id)),
      h("td", {}, statusBadge(c.campaign.status)),
      h("td", { class: "num" }, fmtNumber(c.campaign.score, 2)),
      h("td", { class: "num" }, fmtNumber(c.campaign.size)),
      h("td", {}, c.campaign.capability ?? "–"),
      h("td", {}, c.campaign.attribution.map((a) => `${a.actor.name} (${pct(a.confidence)})`).join(", ") || "–"),
      h("td", { class: "num" }, pct(c.confidence)),
    ),
  );
  section.appendChild(
    h(
      "table",
      { class: "grid" },
      h("caption", {}, "Campaigns"),
      h("thead", {}, h("tr", {}, ...["Campaign", "Status", "Score", "Accounts", "Capability", "Actor", "Tie"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, ...rows),
    ),
  );
  return section;
}

export function pct(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  return `${Math.round(value * 100)}%`;
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

export { HIT_FIELDS };
