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

const DETAIL = `query Campaign($id: ID!) {
  campaign(id: $id) {
    id status score size capability firstSeen lastSeen active createdRun lastRun
    ${DECISION_FIELDS}
    features { name value contribution }
    evidence { kind key accounts weight detail }
    lineage { derivedFrom { campaignId kind overlap runId } derivedInto { campaignId kind overlap runId } }
    attribution { ${ATTRIBUTION_FIELDS} }
    timeline { day requests }
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
  const state: State = { campaign: detail.campaign, view: null, actors: [] };
  const c = state.campaign;
  document.title = `${c.id} · Linkwatch`;

  const summary = h("section", { id: "summary", class: "summary" });
  const actions = canDecide() ? h("section", { id: "actions", class: "actions-panel", "aria-label": "Decisions" }) : null;
  const canvas = h("div", { id: "graph", class: "graph", role: "img", "aria-label": `Campaign ${c.id} as a graph of accounts and shared entities` });
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
    renderHistory(history, state);
  };
  rerender();
  // Actor names for the case history (labels carry only ids) and the analyst's actor pickers.
  const actorsLoaded = loadActors(state)
    .then(() => renderHistory(history, state))
    .catch(() => undefined);
  if (actions) void actorsLoaded.then(() => renderActions(actions, state, rerender));

  if (drawing && drawing.nodes.length > 0) {
    const view = new GraphView(canvas, c.id);
    state.view = view;
    active = view;
    view.onSelect = (node) => renderPanel(panel, state, node, rerender);
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
  renderHistory(history, state);
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
}

function historyEntries(state: State): HistoryEntry[] {
  const c = state.campaign;
  const entries: HistoryEntry[] = [];
  if (c.decision) {
    entries.push({ at: c.decision.decidedAt, who: c.decision.decidedBy, what: c.decision.status === "CONFIRMED" ? "Confirmed the campaign" : c.decision.status === "DISMISSED" ? "Dismissed the campaign" : `Set status ${c.decision.status.toLowerCase()}`, note: c.decision.note, kind: "decision" });
  }
  for (const a of c.attribution) {
    if (a.source === "analyst") entries.push({ at: a.decidedAt, who: a.decidedBy, what: `Attributed to ${a.actor.name}`, note: a.note, kind: "attribution" });
  }
  const names = new Map(state.actors.map((a) => [a.id, a.name]));
  for (const n of state.view?.nodes() ?? []) {
    for (const l of n.labels) {
      entries.push({ at: l.createdAt, who: l.createdBy, what: `Labelled ${KIND_LABEL[n.kind] ?? n.kind} ${l.key} as ${names.get(l.actorId) ?? l.actorId}${l.source && l.source !== "analyst" ? ` (${l.source})` : ""}`, note: l.note, kind: "label" });
    }
  }
  return entries.sort((a, b) => (b.at ?? "").localeCompare(a.at ?? ""));
}

function renderHistory(el: HTMLElement, state: State): void {
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
      { id: "case-history", class: "history" },
      ...entries.map((e) =>
        h("li", { "data-kind": e.kind }, h("time", { datetime: e.at ?? "" }, fmtTime(e.at)), " ", h("strong", { class: "who" }, e.who ?? "unknown"), " ", h("span", { class: "what" }, e.what), e.note ? h("q", { class: "note" }, e.note) : null),
      ),
    ),
  );
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
        rerender();
        status.appendChild(h("p", { class: "ok" }, `Attributed to ${attributeCampaign.actor.name}.`));
      } catch (err) {
        status.appendChild(alertBox(errorText(err)));
      }
    })();
  });
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
    attributeForm,
    status,
  );
}

function renderPanel(panel: HTMLElement, state: State, node: DrawnNode | null, rerender: () => void): void {
  clear(panel);
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
    expand.addEventListener("click", () => {
      expand.disabled = true;
      clear(out);
      view
        .expand(node)
        .then((added) => out.appendChild(h("p", {}, added ? `${added} new nodes added.` : "Nothing new around this node.")))
        .catch((err: unknown) => out.appendChild(alertBox(errorText(err))))
        .finally(() => (expand.disabled = false));
    });
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
          { input: { entity, value: node.key, actorId: who.id, note: note.value.trim() || null } },
        );
        node.labels = [addLabel, ...node.labels.filter((l) => l.actorId !== addLabel.actorId)];
        state.view?.updateNode(node);
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
