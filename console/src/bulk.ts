import { errorText } from "./api";
import { alertBox, campaignLink, clear, h } from "./dom";
import { type Kind, kindsOf, type LookupResult, lookupMany } from "./lookup";
import { pct } from "./search";

export const BULK_MAX = 1000;

interface Row {
  value: string;
  kind: string;
  campaign: string;
  status: string;
  score: string;
  actor: string;
  note: string;
}

let lastRows: Row[] = [];

export function renderBulk(root: HTMLElement): void {
  clear(root);
  const area = h("textarea", {
    id: "bulk-values",
    rows: 10,
    spellcheck: "false",
    placeholder: "One value per line (or separated by commas): account ids, IPs, instrument tokens, e-mail domains",
  });
  const status = h("div", { id: "bulk-status", "aria-live": "polite" });
  const table = h("div", { id: "bulk-table" });
  const download = h("button", { type: "button", id: "bulk-csv", disabled: true }, "Download CSV");
  const form = h(
    "form",
    { class: "bulk" },
    h("label", { for: "bulk-values" }, `Values (up to ${BULK_MAX.toLocaleString("en-US")})`),
    area,
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Look up"), download),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void run(area.value, status, table, download);
  });
  download.addEventListener("click", () => saveCsv(lastRows));
  root.append(h("h1", {}, "Bulk lookup"), form, status, table);
  area.focus();
}

export function parseValues(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\n,;\t]+/)) {
    const v = part.trim();
    if (v) seen.add(v);
  }
  return [...seen];
}

async function run(text: string, status: HTMLElement, table: HTMLElement, download: HTMLButtonElement): Promise<void> {
  clear(status);
  clear(table);
  download.disabled = true;
  const values = parseValues(text);
  if (values.length === 0) {
    status.appendChild(alertBox("Paste at least one value."));
    return;
  }
  if (values.length > BULK_MAX) {
    status.appendChild(alertBox(`${values.length} values: the limit is ${BULK_MAX}. Split the list.`));
    return;
  }
  const pairs: { value: string; kind: Kind }[] = values.flatMap((value) => kindsOf(value).map((kind) => ({ value, kind })));
  const progress = h("progress", { max: pairs.length, value: 0 });
  status.append(h("span", {}, `Looking up ${values.length} values… `), progress);
  try {
    const results = await lookupMany(pairs, 25, 3, (done) => {
      progress.value = done;
    });
    lastRows = toRows(values, results);
    clear(status);
    const matched = new Set(lastRows.filter((r) => r.campaign).map((r) => r.value)).size;
    status.appendChild(h("p", {}, `${values.length} values, ${matched} in a campaign.`));
    table.appendChild(renderTable(lastRows));
    download.disabled = false;
  } catch (err) {
    clear(status);
    status.appendChild(alertBox(errorText(err)));
  }
}

function toRows(values: string[], results: LookupResult[]): Row[] {
  const byValue = new Map<string, LookupResult[]>();
  for (const r of results) byValue.set(r.value, [...(byValue.get(r.value) ?? []), r]);
  const rows: Row[] = [];
  for (const value of values) {
    const found = (byValue.get(value) ?? []).filter((r) => r.hit?.found);
    if (found.length === 0) {
      const errors = (byValue.get(value) ?? []).map((r) => r.error).filter((e): e is string => !!e);
      rows.push({ value, kind: "", campaign: "", status: "", score: "", actor: "", note: errors[0] ?? "unknown" });
      continue;
    }
    for (const r of found) {
      const hit = r.hit!;
      if (hit.campaigns.length === 0) {
        rows.push({ value, kind: hit.kind, campaign: "", status: "", score: "", actor: "", note: "in no campaign" });
      }
      for (const c of hit.campaigns) {
        rows.push({
          value,
          kind: hit.kind,
          campaign: c.campaign.id,
          status: c.campaign.status.toLowerCase(),
          score: c.campaign.score === null ? "" : c.campaign.score.toFixed(3),
          actor: c.campaign.attribution.map((a) => `${a.actor.name} (${pct(a.confidence)})`).join("; "),
          note: "",
        });
      }
    }
  }
  return rows;
}

function renderTable(rows: Row[]): HTMLElement {
  const head = ["Value", "Kind", "Campaign", "Status", "Score", "Actor", "Note"];
  return h(
    "table",
    { class: "grid", id: "bulk-results" },
    h("thead", {}, h("tr", {}, ...head.map((t) => h("th", { scope: "col" }, t)))),
    h(
      "tbody",
      {},
      ...rows.map((r) =>
        h(
          "tr",
          {},
          h("td", {}, r.value),
          h("td", {}, r.kind),
          h("td", {}, r.campaign ? campaignLink(r.campaign) : ""),
          h("td", {}, r.status),
          h("td", { class: "num" }, r.score),
          h("td", {}, r.actor),
          h("td", { class: "muted" }, r.note),
        ),
      ),
    ),
  );
}

/** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a pasted value as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: Row[]): string {
  const head = ["value", "kind", "campaign", "status", "score", "actor", "note"];
  const lines = [head.join(",")];
  for (const r of rows) lines.push([r.value, r.kind, r.campaign, r.status, r.score, r.actor, r.note].map(csvCell).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

function saveCsv(rows: Row[]): void {
  const blob = new Blob([toCsv(rows)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: `linkwatch-lookup-${new Date().toISOString().slice(0, 19).replace(/:/g, "")}.csv` });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
