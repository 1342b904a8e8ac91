import { errorText, gql } from "./api";
import { alertBox, campaignLink, clear, fmtNumber, fmtTime, h, statusBadge } from "./dom";
import { COLOURS, type Drawing, type DrawnNode, expandable, GraphView, KIND_LABEL, type Label, type NodeKind } from "./graphview";
import { pct } from "./search";
import { canDecide } from "./session";
import { type DayCount, type ModelRelease, renderTimeline } from "./timeline";

interface Decision {
  status: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
}

interface Attribution {
  actor: { id: string; name: string };
  confidence: number;
  source: string;
  status: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
}

/** One record of the case history (Campaign.history): a decision as it was made, never overwritten. */
interface HistoryRecord {
  id: string;
  kind: "CONFIRM" | "DISMISS" | "ATTRIBUTE" | "REJECT_ATTRIBUTION" | "LABEL";
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  status: string | null;
  actor: { id: string; name: string } | null;
  actorId: string | null;
  entity: string | null;
  entityKey: string | null;
  confidence: number | null;
  source: string | null;
}

interface HistoryPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: HistoryRecord }[];
}

interface LineageLink {
  campaignId: string;
  kind: string | null;
  overlap: number | null;
  runId: string | null;
}

interface Campaign {
  id: string;
  status: string;
  score: number | null;
  size: number | null;
  capability: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  active: boolean;
  createdRun: string | null;
  lastRun: string | null;
  decision: Decision | null;
  features: { name: string; value: number; contribution: number | null }[];
  evidence: { kind: string; key: string; accounts: number | null; weight: number | null; detail: string | null }[];
  lineage: { derivedFrom: LineageLink[]; derivedInto: LineageLink[] };
  attribution: Attribution[];
  timeline: DayCount[];
  history: HistoryPage;
}

interface Run {
  id: string;
  status: string;
  trigger: string | null;
  requestedBy: string | null;
  queuedAt: string | null;
  finishedAt: string | null;
  campaigns: number | null;
}

const DECISION_FIELDS = "decision { status decidedBy decidedAt note }";
const ATTRIBUTION_FIELDS = "actor { id name } confidence source status decidedBy decidedAt note";
const LABEL_FIELDS = "entity key actorId confidence source note createdAt createdBy";
const HISTORY_FIELDS = `totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind decidedBy decidedAt note status actor { id name } actorId entity entityKey confidence source } }`;
// One page covers almost every case; older records come on request ("Show older").
const HISTORY_PAGE = 50;
const HISTORY = `query History($id: ID!, $first: Int, $after: String) {
  campaign(id: $id) { history(first: $first, after: $after) { ${HISTORY_FIELDS} } }
}`;

const DETAIL = `query Campaign($id: ID!) {
  campaign(id: $id) {
    id status score size capability firstSeen lastSeen active createdRun lastRun
    ${DECISION_FIELDS}
    features { name value contribution }
    evidence { kind key accounts weight detail }
    lineage { derivedFrom { campaignId kind overlap runId } derivedInto { campaignId kind overlap runId } }
    attribution { ${ATTRIBUTION_FIELDS} }
    timeline { day requests }
    history(first: ${HISTORY_PAGE}) { ${HISTORY_FIELDS} }
  }
  models { name firstSeen }
}`;

export const GRAPH = `query CampaignGraph($id: ID!, $accounts: Int) {
  campaign(id: $id) {
    graph(maxAccounts: $accounts) {
      totalAccounts shownAccounts truncated
      nodes { id kind key detail count sharedAccounts strength membership supernode labels { ${LABEL_FIELDS} } }
      edges { source target kind }
    }
  }
}`;

const RUN_FIELDS = "id status trigger requestedBy queuedAt finishedAt campaigns";

const LABEL_ENTITY: Partial<Record<NodeKind, string>> = {
  account: "ACCOUNT",
  ip: "IP",
  template: "TEMPLATE",
  email_domain: "EMAIL_DOMAIN",
};

interface State {
  campaign: Campaign;
  view: GraphView | null;
  actors: { id: string; name: string }[];
  history: HistoryRecord[];
  historyTotal: number;
  historyCursor: string | null;
  historyMore: boolean;
  /** Expands the node in the panel (its button, or Enter on the canvas); null when it cannot be expanded. */
  expandSelected: (() => void) | null;
}

let active: GraphView | null = null;

export function deselect(): void {
  active?.select(null);
}

export function leaveCampaign(): void {
  active?.kill();
  active = null;
}

export async function renderCampaign(root: HTMLElement, id: string): Promise<void> {
  leaveCampaign();
  clear(root);
  root.appendChild(h("p", { class: "muted" }, `Loading campaign ${id}…`));
  const started = performance.now();
  let detail: { campaign: Campaign | null; models: ModelRelease[] };
  let drawing: Drawing | null;
  try {
    const [d, g] = await Promise.all([
      gql<{ campaign: Campaign | null; models: ModelRelease[] }>(DETAIL, { id }),
      gql<{ campaign: { graph: Drawing } | null }>(GRAPH, { id, accounts: 1000 }),
    ]);
    detail = d;
    drawing = g.campaign?.graph ?? null;
  } catch (err) {
    clear(root);
    root.appendChild(alertBox(`Could not load campaign ${id}: ${errorText(err)}`));
    return;
  }
  clear(root);
  if (!detail.campaign) {
    root.appendChild(h("p", { class: "empty", "data-testid": "no-campaign" }, `There is no campaign ${id}.`));
    return;
  }
  const state: State = { campaign: detail.campaign, view: null, actors: [], history: [], historyTotal: 0, historyCursor: null, historyMore: false, expandSelected: null };
  takeHistory(state, detail.campaign.history, false);
  const c = state.campaign;
  document.title = `${c.id} · Linkwatch`;

  const summary = h("section", { id: "summary", class: "summary" });
  const actions = canDecide() ? h("section", { id: "actions", class: "actions-panel", "aria-label": "Decisions" }) : null;
  const canvas = h("div", {
    id: "graph",
    class: "graph",
    role: "application",
    "aria-roledescription": "graph",
    "aria-label": `Campaign ${c.id} as a graph of accounts and shared entities. Arrow keys move between nodes, Tab to the next strongest, Enter expands, Escape clears; the node's panel follows.`,
  });
  const panel = h("aside", { id: "node-panel", class: "node-panel", "aria-live": "polite" }, h("p", { class: "muted" }, "Click a node (or an evidence item) to see it here."));
  const history = h("section", { id: "case-history-section" });
  const evidence = h("section", { id: "evidence" });

  root.append(
    h("div", { class: "campaign-head" }, h("h1", {}, "Campaign ", h("span", { id: "campaign-id" }, c.id)), statusBadge(c.status)),
    summary,
    ...(actions ? [actions] : []),
    h(
      "section",
      { class: "drawing", "aria-label": "Graph" },
      h("h2", {}, "Accounts and what they share"),
      drawingNote(drawing),
      findForm(() => state.view),
      legend(),
      h("div", { class: "graph-wrap" }, canvas, panel),
    ),
    h("section", { "aria-label": "Timeline" }, h("h2", {}, "Activity"), renderTimeline(c.timeline, detail.models)),
    h("div", { class: "columns" }, evidence, h("section", { id: "features" }, h("h2", {}, "Score features"), featureTable(c))),
    history,
    h("div", { class: "columns" }, h("section", { id: "lineage" }, h("h2", {}, "Lineage"), lineageList(c)), h("section", { id: "runs" }, h("h2", {}, "Run history"), h("p", { class: "muted" }, "Loading…"))),
  );

  const rerender = (): void => {
    renderSummary(summary, state);
    renderHistory(history, state, rerender);
  };
  rerender();
  // Actor names for the case history (labels carry only ids) and the analyst's actor pickers.
  const actorsLoaded = loadActors(state)
    .then(() => renderHistory(history, state, rerender))
    .catch(() => undefined);
  if (actions) void actorsLoaded.then(() => renderActions(actions, state, rerender));

  if (drawing && drawing.nodes.length > 0) {
    const view = new GraphView(canvas, c.id);
    state.view = view;
    active = view;
    view.onSelect = (node) => renderPanel(panel, state, node, rerender);
    view.onActivate = () => state.expandSelected?.();
    try {
      view.draw(drawing);
      canvas.dataset.drawMs = String(Math.round(performance.now() - started));
    } catch (err) {
      canvas.appendChild(alertBox(`The graph could not be drawn (WebGL unavailable?): ${errorText(err)}`));
    }
  } else {
    canvas.appendChild(h("p", { class: "empty" }, "No shared entities to draw."));
    canvas.dataset.graphOrder = "0";
  }
  // After drawing: evidence items become buttons only for entities the canvas holds; labels come with nodes.
  renderEvidence(evidence, state);
  renderHistory(history, state, rerender);
  void renderRuns(root.querySelector("#runs")!, c);
}

function drawingNote(d: Drawing | null): HTMLElement {
  if (!d) return h("p", {});
  const parts = [`${d.shownAccounts.toLocaleString("en-US")} of ${d.totalAccounts.toLocaleString("en-US")} accounts drawn, strongest membership first; shared entities ranked by evidence strength.`];
  if (d.truncated) parts.push(" The rest is collapsed into counted nodes.");
  return h("p", { class: "muted", id: "drawing-note" }, ...parts);
}

/** Keyboard route into the canvas: type a node's key (or its beginning), Enter selects and centres it. */
function findForm(view: () => GraphView | null): HTMLElement {
  const input = h("input", { type: "text", id: "find-node", autocomplete: "off", spellcheck: "false", placeholder: "account id, IP, template id…" });
  const out = h("span", { class: "muted", "aria-live": "polite" });
  const form = h("form", { class: "inline find" }, h("label", { for: "find-node" }, "Find in drawing"), input, h("button", { type: "submit" }, "Find"), out);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    out.textContent = "";
    const v = view();
    const wanted = input.value.trim().toLowerCase();
    if (!v || !wanted) return;
    const nodes = v.nodes();
    const hit = nodes.find((n) => n.key.toLowerCase() === wanted) ?? nodes.find((n) => n.key.toLowerCase().startsWith(wanted));
    if (hit) v.focus(hit.id);
    else out.textContent = `No node “${input.value.trim()}” in this drawing.`;
  });
  return form;
}

function legend(): HTMLElement {
  const kinds: NodeKind[] = ["account", "ip", "instrument", "template", "email_domain", "more", "campaign"];
  return h(
    "ul",
    { class: "legend", "aria-label": "Legend" },
    ...kinds.map((k) => h("li", {}, h("span", { class: "swatch", "data-kind": k, style: `background:${COLOURS[k]}` }), KIND_LABEL[k])),
  );
}

function renderSummary(el: HTMLElement, state: State): void {
  const c = state.campaign;
  clear(el);
  const actors = c.attribution.length
    ? c.attribution.map((a) =>
        h("span", { class: "actor" }, h("strong", {}, a.actor.name), ` ${pct(a.confidence)} · ${a.source === "analyst" ? `confirmed by ${a.decidedBy ?? "an analyst"}` : "proposed by detection"}`),
      )
    : [h("span", { class: "muted" }, "none proposed")];
  const facts: [string, Node | string][] = [
    ["Status", statusBadge(c.status)],
    ["Score", fmtNumber(c.score, 3)],
    ["Accounts", fmtNumber(c.size)],
    ["Capability", c.capability ?? "–"],
    ["First activity", fmtTime(c.firstSeen)],
    ["Last activity", fmtTime(c.lastSeen)],
    ["Active", c.active ? "yes (latest run)" : "no"],
    ["Actor", h("span", {}, ...actors.flatMap((a, i) => (i ? [", ", a] : [a])))],
  ];
  el.appendChild(h("dl", { class: "facts" }, ...facts.flatMap(([k, v]) => [h("dt", {}, k), h("dd", { "data-field": k.toLowerCase().replace(/ /g, "-") }, v)])));
}

function featureTable(c: Campaign): HTMLElement {
  if (c.features.length === 0) return h("p", { class: "empty" }, "No score breakdown stored.");
  const rows = [...c.features].sort((a, b) => Math.abs(b.contribution ?? 0) - Math.abs(a.contribution ?? 0));
  return h(
    "table",
    { class: "grid" },
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Feature"), h("th", { scope: "col" }, "Value"), h("th", { scope: "col" }, "Contribution (log-odds)"))),
    h(
      "tbody",
      {},
      ...rows.map((f) =>
        h(
          "tr",
          {},
          h("td", {}, f.name.replace(/_/g, " ")),
          h("td", { class: "num" }, fmtNumber(f.value, 3)),
          h("td", { class: `num ${f.contribution === null ? "unscored" : f.contribution >= 0 ? "pos" : "neg"}` }, f.contribution === null ? "not scored" : `${f.contribution >= 0 ? "+" : ""}${f.contribution.toFixed(2)}`),
        ),
      ),
    ),
  );
}

function renderEvidence(el: HTMLElement, state: State): void {
  const c = state.campaign;
  clear(el);
  el.appendChild(h("h2", {}, "Evidence"));
  if (c.evidence.length === 0) {
    el.appendChild(h("p", { class: "empty" }, "Detection stored no evidence entities."));
    return;
  }
  const sorted = [...c.evidence].sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0));
  el.appendChild(
    h(
      "ol",
      { class: "evidence", id: "evidence-list" },
      ...sorted.map((e) => {
        const kind = (e.kind === "email" ? "email_domain" : e.kind) as NodeKind;
        const nodeId = `${kind}:${e.key}`;
        const label = `${KIND_LABEL[kind] ?? e.kind} ${e.key}${e.kind === "instrument" ? "…" : ""}`;
        const text = `${label} — shared by ${fmtNumber(e.accounts)} accounts, weight ${fmtNumber(e.weight, 2)}${e.detail ? ` (${e.detail})` : ""}`;
        const inGraph = state.view?.has(nodeId) ?? false;
        return h(
          "li",
          {},
          inGraph
            ? h("button", { type: "button", class: "link", onclick: () => state.view?.focus(nodeId) }, text)
            : text,
        );
      }),
    ),
  );
}

function lineageList(c: Campaign): HTMLElement {
  const items = [
    ...c.lineage.derivedFrom.map((l) => h("li", {}, `${l.kind ?? "derived"} from `, campaignLink(l.campaignId), ` (overlap ${pct(l.overlap)}, run ${l.runId ?? "?"})`)),
    ...c.lineage.derivedInto.map((l) => h("li", {}, `${l.kind ?? "derived"} into `, campaignLink(l.campaignId), ` (overlap ${pct(l.overlap)}, run ${l.runId ?? "?"})`)),
  ];
  return items.length ? h("ul", {}, ...items) : h("p", { class: "empty" }, "No merges or splits: this campaign kept its identity across runs.");
}

async function renderRuns(el: HTMLElement, c: Campaign): Promise<void> {
  const ids = [...new Set([c.createdRun, c.lastRun, ...c.lineage.derivedFrom.map((l) => l.runId), ...c.lineage.derivedInto.map((l) => l.runId)].filter((x): x is string => !!x))].slice(0, 10);
  clear(el);
  el.appendChild(h("h2", {}, "Run history"));
  if (ids.length === 0) {
    el.appendChild(h("p", { class: "empty" }, "No detection run recorded."));
    return;
  }
  try {
    const defs = ids.map((_, i) => `$r${i}: ID!`).join(", ");
    const fields = ids.map((_, i) => `r${i}: detectionRun(id: $r${i}) { ${RUN_FIELDS} }`).join("\n");
    const vars: Record<string, string> = {};
    ids.forEach((id, i) => (vars[`r${i}`] = id));
    const runs = await gql<Record<string, Run | null>>(`query Runs(${defs}) { ${fields} }`, vars);
    const rows = ids.map((id, i) => {
      const r = runs[`r${i}`];
      const role = [id === c.createdRun ? "created it" : "", id === c.lastRun ? "last saw it" : ""].filter(Boolean).join(", ") || "lineage";
      return h(
        "tr",
        {},
        h("td", {}, id),
        h("td", {}, role),
        h("td", {}, r?.status ?? "unknown"),
        h("td", {}, fmtTime(r?.finishedAt)),
        h("td", {}, r ? `${r.trigger ?? "?"}${r.requestedBy ? ` by ${r.requestedBy}` : ""}` : "–"),
        h("td", { class: "num" }, fmtNumber(r?.campaigns)),
      );
    });
    el.appendChild(
      h("table", { class: "grid" }, h("thead", {}, h("tr", {}, ...["Run", "Role", "Status", "Finished", "Trigger", "Campaigns"].map((t) => h("th", { scope: "col" }, t)))), h("tbody", {}, ...rows)),
    );
  } catch (err) {
    el.appendChild(alertBox(errorText(err)));
  }
}

interface HistoryEntry {
  at: string | null;
  who: string | null;
  what: string;
  note: string | null;
  kind: string;
  action: string;
  earlier?: string;
}

// data-kind groups records as the page always has (decision, attribution, label); data-action says which.
const KIND_GROUP: Record<HistoryRecord["kind"], string> = {
  CONFIRM: "decision",
  DISMISS: "decision",
  ATTRIBUTE: "attribution",
  REJECT_ATTRIBUTION: "attribution",
  LABEL: "label",
};

function takeHistory(state: State, page: HistoryPage, append: boolean): void {
  const records = page.edges.map((e) => e.node);
  state.history = append ? [...state.history, ...records.filter((r) => !state.history.some((x) => x.id === r.id))] : records;
  state.historyTotal = page.totalCount;
  state.historyCursor = page.pageInfo.endCursor;
  state.historyMore = page.pageInfo.hasNextPage;
}

/** Re-reads the newest page after a decision, so the page shows what the server recorded. */
async function refreshHistory(state: State): Promise<void> {
  const { campaign } = await gql<{ campaign: { history: HistoryPage } | null }>(HISTORY, { id: state.campaign.id, first: HISTORY_PAGE });
  if (campaign) takeHistory(state, campaign.history, false);
}

function recordText(r: HistoryRecord, names: Map<string, string>): string {
  const actor = r.actor?.name ?? (r.actorId ? names.get(r.actorId) ?? r.actorId : "an actor");
  switch (r.kind) {
    case "CONFIRM":
      return "Confirmed the campaign";
    case "DISMISS":
      return "Dismissed the campaign";
    case "ATTRIBUTE":
      return `Attributed to ${actor}`;
    case "REJECT_ATTRIBUTION":
      return `Rejected the attribution to ${actor}`;
    case "LABEL": {
      const kind = KIND_LABEL[(r.entity ?? "") as NodeKind] ?? r.entity ?? "entity";
      const key = `${r.entityKey ?? "?"}${r.entity === "instrument" ? "…" : ""}`;
      return `Labelled ${kind} ${key} as ${actor}${r.source && r.source !== "analyst" ? ` (${r.source})` : ""}`;
    }
  }
}

function historyEntries(state: State): HistoryEntry[] {
  const c = state.campaign;
  const names = new Map(state.actors.map((a) => [a.id, a.name]));
  const entries: HistoryEntry[] = state.history.map((r) => ({
    at: r.decidedAt,
    who: r.decidedBy,
    what: recordText(r, names),
    note: r.note,
    kind: KIND_GROUP[r.kind],
    action: r.kind.toLowerCase(),
  }));
  // What the graph knew before decisions were recorded, and labels made elsewhere (label files, other
  // campaigns), still belong in the case; they are read once the whole history is on the page, since a
  // record that covers them may be on a later page.
  if (state.historyMore) return entries;
  const recorded = (kinds: HistoryRecord["kind"][], at: string | null, actorId?: string, key?: string): boolean =>
    state.history.some((r) => kinds.includes(r.kind) && r.decidedAt === at && (actorId === undefined || r.actorId === actorId) && (key === undefined || r.entityKey === key));
  if (c.decision && !recorded(["CONFIRM", "DISMISS"], c.decision.decidedAt)) {
    const what = c.decision.status === "CONFIRMED" ? "Confirmed the campaign" : c.decision.status === "DISMISSED" ? "Dismissed the campaign" : `Set status ${c.decision.status.toLowerCase()}`;
    entries.push({ at: c.decision.decidedAt, who: c.decision.decidedBy, what, note: c.decision.note, kind: "decision", action: c.decision.status.toLowerCase(), earlier: "the campaign's latest decision, made before the case history was kept" });
  }
  for (const a of c.attribution) {
    if (a.source === "analyst" && !recorded(["ATTRIBUTE"], a.decidedAt, a.actor.id)) {
      entries.push({ at: a.decidedAt, who: a.decidedBy, what: `Attributed to ${a.actor.name}`, note: a.note, kind: "attribution", action: "attribute", earlier: "made before the case history was kept" });
    }
  }
  for (const n of state.view?.nodes() ?? []) {
    for (const l of n.labels) {
      if (recorded(["LABEL"], l.createdAt, l.actorId, l.key)) continue;
      entries.push({ at: l.createdAt, who: l.createdBy, what: `Labelled ${KIND_LABEL[n.kind] ?? n.kind} ${l.key} as ${names.get(l.actorId) ?? l.actorId}${l.source && l.source !== "analyst" ? ` (${l.source})` : ""}`, note: l.note, kind: "label", action: "label", earlier: "a label on a drawn entity, not made from this campaign" });
    }
  }
  return entries.sort((a, b) => (b.at ?? "").localeCompare(a.at ?? ""));
}

function renderHistory(el: HTMLElement, state: State, rerender: () => void): void {
  clear(el);
  el.appendChild(h("h2", {}, "Case history"));
  const entries = historyEntries(state);
  if (entries.length === 0) {
    el.appendChild(h("p", { class: "empty", id: "case-history-empty" }, "No decision, attribution or label yet."));
    el.appendChild(h("ol", { id: "case-history", class: "history" }));
    return;
  }
  el.appendChild(
    h(
      "ol",
      { id: "case-history", class: "history", "data-total": state.historyTotal },
      ...entries.map((e) =>
        h(
          "li",
          { "data-kind": e.kind, "data-action": e.action, class: e.earlier ? "earlier" : undefined, title: e.earlier },
          h("time", { datetime: e.at ?? "" }, fmtTime(e.at)),
          " ",
          h("strong", { class: "who" }, e.who ?? "unknown"),
          " ",
          h("span", { class: "what" }, e.what),
          e.note ? h("q", { class: "note" }, e.note) : null,
          e.earlier ? h("span", { class: "muted" }, ` (${e.earlier})`) : null,
        ),
      ),
    ),
  );
  if (state.historyMore) {
    const older = h("button", { type: "button", id: "history-older", class: "link" }, `Show older (${state.history.length} of ${state.historyTotal} shown)`);
    older.addEventListener("click", () => {
      older.disabled = true;
      gql<{ campaign: { history: HistoryPage } | null }>(HISTORY, { id: state.campaign.id, first: HISTORY_PAGE, after: state.historyCursor })
        .then(({ campaign }) => {
          if (campaign) takeHistory(state, campaign.history, true);
          rerender();
        })
        .catch((err: unknown) => {
          older.disabled = false;
          el.appendChild(alertBox(errorText(err)));
        });
    });
    el.appendChild(older);
  }
}

async function loadActors(state: State): Promise<void> {
  const { actors } = await gql<{ actors: { edges: { node: { id: string; name: string } }[] } }>(
    "query Actors { actors(first: 100) { edges { node { id name } } } }",
  );
  state.actors = actors.edges.map((e) => e.node);
}

/** An existing actor by id or name, or a new one created through createActor. */
async function resolveActor(state: State, typed: string): Promise<{ id: string; name: string }> {
  const wanted = typed.trim();
  const found = state.actors.find((a) => a.id === wanted || a.name.toLowerCase() === wanted.toLowerCase());
  if (found) return found;
  const { createActor } = await gql<{ createActor: { id: string; name: string } }>(
    "mutation CreateActor($name: String!) { createActor(name: $name) { id name } }",
    { name: wanted },
  );
  state.actors.push(createActor);
  return createActor;
}

function actorInput(id: string, state: State): [HTMLInputElement, HTMLDataListElement] {
  const list = h("datalist", { id: `${id}-list` }, ...state.actors.map((a) => h("option", { value: a.name })));
  const input = h("input", { type: "text", id, list: `${id}-list`, required: true, autocomplete: "off", placeholder: "Actor name (new names are created)" });
  return [input, list];
}

function renderActions(el: HTMLElement, state: State, rerender: () => void): void {
  const c = state.campaign;
  const status = h("div", { class: "action-status", "aria-live": "polite" });
  const note = h("textarea", { id: "decision-note", rows: 2, placeholder: "Why (kept in the case history)" });
  const decide = async (verb: "confirm" | "dismiss"): Promise<void> => {
    clear(status);
    try {
      const field = verb === "confirm" ? "confirmCampaign" : "dismissCampaign";
      const result = await gql<Record<string, { status: string; decision: Decision | null }>>(
        `mutation Decide($id: ID!, $note: String) { ${field}(id: $id, note: $note) { status ${DECISION_FIELDS} } }`,
        { id: c.id, note: note.value.trim() || null },
      );
      const updated = result[field]!;
      c.status = updated.status;
      c.decision = updated.decision;
      note.value = "";
      await refreshHistory(state);
      rerender();
      const badge = document.querySelector(".campaign-head .badge");
      badge?.replaceWith(statusBadge(c.status));
      status.appendChild(h("p", { class: "ok" }, verb === "confirm" ? "Confirmed." : "Dismissed."));
    } catch (err) {
      status.appendChild(alertBox(errorText(err)));
    }
  };
  const [actor, actorList] = actorInput("attribute-actor", state);
  const attributeNote = h("input", { type: "text", id: "attribute-note", placeholder: "Why" });
  const attributeForm = h(
    "form",
    { class: "inline" },
    h("label", { for: "attribute-actor" }, "Attribute to"),
    actor,
    actorList,
    attributeNote,
    h("button", { type: "submit", id: "attribute" }, "Attribute"),
  );
  attributeForm.addEventListener("submit", (event) => {
    event.preventDefault();
    void (async () => {
      clear(status);
      try {
        const who = await resolveActor(state, actor.value);
        const { attributeCampaign } = await gql<{ attributeCampaign: Attribution }>(
          `mutation Attribute($c: ID!, $a: ID!, $note: String) { attributeCampaign(campaignId: $c, actorId: $a, note: $note) { ${ATTRIBUTION_FIELDS} } }`,
          { c: c.id, a: who.id, note: attributeNote.value.trim() || null },
        );
        c.attribution = [attributeCampaign, ...c.attribution.filter((x) => x.actor.id !== attributeCampaign.actor.id)];
        actor.value = "";
        attributeNote.value = "";
        await refreshHistory(state);
        rerender();
        renderProposals();
        status.appendChild(h("p", { class: "ok" }, `Attributed to ${attributeCampaign.actor.name}.`));
      } catch (err) {
        status.appendChild(alertBox(errorText(err)));
      }
    })();
  });
  // Detection's proposals, each with the analyst's two answers; the note above goes with either.
  const proposals = h("div", { id: "proposals" });
  const answer = async (a: Attribution, verb: "accept" | "reject"): Promise<void> => {
    clear(status);
    try {
      const why = note.value.trim() || null;
      if (verb === "accept") {
        const { attributeCampaign } = await gql<{ attributeCampaign: Attribution }>(
          `mutation Attribute($c: ID!, $a: ID!, $note: String) { attributeCampaign(campaignId: $c, actorId: $a, note: $note) { ${ATTRIBUTION_FIELDS} } }`,
          { c: c.id, a: a.actor.id, note: why },
        );
        c.attribution = [attributeCampaign, ...c.attribution.filter((x) => x.actor.id !== a.actor.id)];
      } else {
        await gql<{ rejectAttribution: { status: string } }>(
          "mutation Reject($c: ID!, $a: ID!, $note: String) { rejectAttribution(campaignId: $c, actorId: $a, note: $note) { status } }",
          { c: c.id, a: a.actor.id, note: why },
        );
        // A rejected attribution is never listed again (the API drops it), here neither.
        c.attribution = c.attribution.filter((x) => x.actor.id !== a.actor.id);
      }
      note.value = "";
      await refreshHistory(state);
      rerender();
      renderProposals();
      status.appendChild(h("p", { class: "ok" }, verb === "accept" ? `Attributed to ${a.actor.name}.` : `Rejected the attribution to ${a.actor.name}.`));
    } catch (err) {
      status.appendChild(alertBox(errorText(err)));
    }
  };
  const renderProposals = (): void => {
    clear(proposals);
    const proposed = c.attribution.filter((a) => a.source !== "analyst");
    if (proposed.length === 0) return;
    proposals.append(
      h("h3", {}, "Proposed by detection"),
      h(
        "ul",
        { class: "proposals" },
        ...proposed.map((a) =>
          h(
            "li",
            { "data-actor": a.actor.id },
            h("strong", {}, a.actor.name),
            ` ${pct(a.confidence)} `,
            h("button", { type: "button", class: "accept", "aria-label": `Accept the attribution to ${a.actor.name}`, onclick: () => void answer(a, "accept") }, "Accept"),
            " ",
            h("button", { type: "button", class: "reject", "aria-label": `Reject the attribution to ${a.actor.name}`, onclick: () => void answer(a, "reject") }, "Reject"),
          ),
        ),
      ),
    );
  };
  renderProposals();
  el.append(
    h("h2", {}, "Decide"),
    h("label", { for: "decision-note" }, "Note"),
    note,
    h(
      "div",
      { class: "buttons" },
      h("button", { type: "button", id: "confirm", class: "primary", onclick: () => void decide("confirm") }, "Confirm campaign"),
      h("button", { type: "button", id: "dismiss", onclick: () => void decide("dismiss") }, "Dismiss campaign"),
    ),
    proposals,
    attributeForm,
    status,
  );
}

function renderPanel(panel: HTMLElement, state: State, node: DrawnNode | null, rerender: () => void): void {
  clear(panel);
  state.expandSelected = null;
  if (!node) {
    panel.appendChild(h("p", { class: "muted" }, "Click a node (or an evidence item) to see it here."));
    return;
  }
  panel.dataset.node = node.id;
  const rows: [string, string][] = [
    ["Kind", KIND_LABEL[node.kind] ?? node.kind],
    ["Key", node.kind === "instrument" ? `${node.key}… (keyed-hash prefix)` : node.key],
  ];
  if (node.detail) rows.push(["Detail", node.detail]);
  if (node.kind === "account") rows.push(["Membership", pct(node.membership)]);
  else if (node.kind !== "campaign") rows.push(["Accounts (platform)", fmtNumber(node.count)], ["Accounts (this drawing)", fmtNumber(node.sharedAccounts)]);
  if (node.strength !== null) rows.push(["Evidence strength", fmtNumber(node.strength, 2)]);
  if (node.supernode && node.kind !== "more") rows.push(["Supernode", "yes: only a sample of its edges is drawn"]);
  panel.append(
    h("h3", {}, KIND_LABEL[node.kind] ?? node.kind),
    h("dl", { class: "facts small" }, ...rows.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
  );
  if (node.labels.length) {
    panel.appendChild(h("ul", { class: "labels" }, ...node.labels.map((l) => h("li", {}, `Labelled ${l.actorId}`, l.createdBy ? ` by ${l.createdBy}` : "", l.note ? ` — ${l.note}` : ""))));
  }
  const out = h("div", { class: "panel-status", "aria-live": "polite" });
  const buttons = h("div", { class: "buttons" });
  if (node.kind === "campaign") buttons.appendChild(h("a", { href: `#/campaign/${encodeURIComponent(node.key)}`, class: "button" }, `Open ${node.key}`));
  const why = expandable(node);
  if (why === null && state.view) {
    const view = state.view;
    const expand = h("button", { type: "button", id: "expand" }, "Expand neighbourhood");
    const run = (): void => {
      if (expand.disabled) return;
      expand.disabled = true;
      clear(out);
      view
        .expand(node)
        .then((added) => out.appendChild(h("p", {}, added ? `${added} new nodes added.` : "Nothing new around this node.")))
        .catch((err: unknown) => out.appendChild(alertBox(errorText(err))))
        .finally(() => (expand.disabled = false));
    };
    state.expandSelected = run;
    expand.addEventListener("click", run);
    buttons.appendChild(expand);
  } else if (why) {
    out.appendChild(h("p", { class: "muted" }, why));
  }
  panel.append(buttons);
  const entity = LABEL_ENTITY[node.kind];
  if (canDecide() && entity) panel.appendChild(labelForm(state, node, entity, out, rerender));
  panel.appendChild(out);
}

function labelForm(state: State, node: DrawnNode, entity: string, out: HTMLElement, rerender: () => void): HTMLElement {
  const [actor, list] = actorInput("label-actor", state);
  const note = h("input", { type: "text", id: "label-note", placeholder: "Why" });
  const form = h("form", { class: "stack" }, h("label", { for: "label-actor" }, `Label this ${KIND_LABEL[node.kind].toLowerCase()} as`), actor, list, note, h("button", { type: "submit", id: "label" }, "Add label"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void (async () => {
      clear(out);
      try {
        const who = await resolveActor(state, actor.value);
        const { addLabel } = await gql<{ addLabel: Label }>(
          `mutation Label($input: LabelInput!) { addLabel(input: $input) { ${LABEL_FIELDS} } }`,
          { input: { entity, value: node.key, actorId: who.id, note: note.value.trim() || null, campaignId: state.campaign.id } },
        );
        node.labels = [addLabel, ...node.labels.filter((l) => l.actorId !== addLabel.actorId)];
        state.view?.updateNode(node);
        await refreshHistory(state);
        rerender();
        out.appendChild(h("p", { class: "ok" }, `Labelled as ${who.name}.`));
        actor.value = "";
        note.value = "";
      } catch (err) {
        out.appendChild(alertBox(errorText(err)));
      }
    })();
  });
  return form;
}
