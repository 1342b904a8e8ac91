// The campaign drawn with sigma.js (WebGL) over a graphology graph, the pairing BloodHound CE uses:
// thousands of nodes stay interactive because drawing happens on the GPU, not in the DOM.

import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import Sigma from "sigma";
import { gql } from "./api";

export type NodeKind = "account" | "ip" | "instrument" | "template" | "email_domain" | "more" | "campaign";

export interface Label {
  entity: string;
  key: string;
  actorId: string;
  confidence: number | null;
  source: string | null;
  note: string | null;
  createdAt: string | null;
  createdBy: string | null;
}

export interface DrawnNode {
  id: string;
  kind: NodeKind;
  key: string;
  detail: string | null;
  count: number;
  sharedAccounts: number;
  strength: number | null;
  membership: number | null;
  supernode: boolean;
  labels: Label[];
}

export interface DrawnEdge {
  source: string;
  target: string;
  kind: string;
}

export interface Drawing {
  totalAccounts: number;
  shownAccounts: number;
  truncated: boolean;
  nodes: DrawnNode[];
  edges: DrawnEdge[];
}

export const COLOURS: Record<NodeKind, string> = {
  account: "#4e79a7",
  ip: "#f28e2b",
  instrument: "#e15759",
  template: "#b07aa1",
  email_domain: "#59a14f",
  more: "#8c8c8c",
  campaign: "#c9a227",
};

export const KIND_LABEL: Record<NodeKind, string> = {
  account: "Account",
  ip: "IP address",
  instrument: "Payment instrument",
  template: "Prompt template",
  email_domain: "E-mail domain",
  more: "Collapsed accounts",
  campaign: "Other campaign",
};

// Beyond this many elements the canvas stops being readable and layout stops being instant.
export const MAX_ELEMENTS = 6000;

interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  data: DrawnNode;
}

function nodeSize(n: DrawnNode): number {
  if (n.kind === "account") return 3 + 3 * (n.membership ?? 0.5);
  if (n.kind === "more") return 12;
  if (n.kind === "campaign") return 9;
  if (n.supernode) return 13;
  return 5 + 2 * Math.log2(Math.max(n.sharedAccounts, 1));
}

function nodeLabel(n: DrawnNode): string {
  if (n.kind === "account") return n.key;
  if (n.kind === "more") return n.key;
  const key = n.kind === "instrument" ? `${n.key}…` : n.key;
  const base = `${KIND_LABEL[n.kind]} ${key}`;
  return n.supernode ? `${base} (${n.count.toLocaleString("en-US")} accounts)` : base;
}

// Arrow keys as screen directions (y grows downwards on the viewport).
const DIRECTIONS: Record<string, { dx: number; dy: number }> = {
  ArrowRight: { dx: 1, dy: 0 },
  ArrowLeft: { dx: -1, dy: 0 },
  ArrowDown: { dx: 0, dy: 1 },
  ArrowUp: { dx: 0, dy: -1 },
};

/** Reading order for Tab: the strongest evidence first, as the evidence list ranks it, then accounts. */
function rank(n: DrawnNode): number {
  if (n.kind === "account") return 1e6 - (n.membership ?? 0);
  if (n.kind === "more" || n.kind === "campaign") return 2e6;
  return -(n.strength ?? 0);
}

export class GraphView {
  readonly graph = new Graph<NodeAttrs>({ multi: false, type: "undirected" });
  private sigma: Sigma<NodeAttrs> | null = null;
  private selected: string | null = null;
  onSelect: (node: DrawnNode | null) => void = () => undefined;
  /** Enter on the selected node (the campaign page expands it). */
  onActivate: (node: DrawnNode) => void = () => undefined;

  constructor(
    private readonly container: HTMLElement,
    private readonly campaignId: string,
  ) {
    // A WebGL canvas has no focusable parts, so the container takes the keys for the nodes drawn in it.
    container.tabIndex = 0;
    container.addEventListener("keydown", (event) => this.onKey(event));
  }

  draw(drawing: Drawing): void {
    this.addAll(drawing.nodes, drawing.edges, null);
    this.layout(this.graph.order < 600 ? 200 : this.graph.order < 2500 ? 80 : 40);
    this.sigma = new Sigma(this.graph, this.container, {
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 7,
      labelDensity: 0.4,
      defaultEdgeColor: "#c8ccd2",
      hideEdgesOnMove: this.graph.size > 3000,
      zIndex: true,
      nodeReducer: (node, attrs) => this.reduceNode(node, attrs),
      edgeReducer: (edge, attrs) => {
        if (this.selected && !this.graph.hasExtremity(edge, this.selected)) return { ...attrs, color: "#eceef1" };
        return attrs;
      },
    });
    this.sigma.on("clickNode", ({ node }) => this.select(node));
    this.sigma.on("clickStage", () => this.select(null));
    // Sigma draws its first frame inside the constructor, before any listener could see it.
    this.container.dataset.rendered = "true";
    this.publish();
  }

  private reduceNode(node: string, attrs: NodeAttrs): Partial<NodeAttrs> & { highlighted?: boolean; zIndex?: number } {
    if (!this.selected) return attrs;
    if (node === this.selected) return { ...attrs, highlighted: true, zIndex: 2 };
    if (this.graph.areNeighbors(node, this.selected)) return { ...attrs, zIndex: 1 };
    return { ...attrs, color: "#dfe2e6", label: "", zIndex: 0 };
  }

  /** Exposes the drawing's size on the container, for tests and the benchmark. */
  private publish(): void {
    this.container.dataset.graphOrder = String(this.graph.order);
    this.container.dataset.graphSize = String(this.graph.size);
  }

  private addAll(nodes: DrawnNode[], edges: DrawnEdge[], near: { x: number; y: number } | null): number {
    let added = 0;
    const entities = nodes.filter((n) => n.kind !== "account");
    // New neighbours are placed on a ring scaled to the drawing, so they land beside the node, not on it.
    const spread = near ? this.extent() * 0.08 : 0;
    nodes.forEach((n) => {
      if (this.graph.hasNode(n.id) || this.graph.order >= MAX_ELEMENTS) return;
      if (n.kind === "campaign" && n.key === this.campaignId) return; // the campaign on screen
      // Entities start on a ring, accounts near the middle: ForceAtlas2 then only has to refine.
      const i = entities.indexOf(n);
      const angle = i >= 0 ? (2 * Math.PI * i) / Math.max(entities.length, 1) : Math.random() * 2 * Math.PI;
      const radius = near ? spread * (1 + Math.random() * 0.5) : i >= 0 ? 100 : 40 * Math.random();
      this.graph.addNode(n.id, {
        x: (near?.x ?? 0) + radius * Math.cos(angle),
        y: (near?.y ?? 0) + radius * Math.sin(angle),
        size: nodeSize(n),
        color: COLOURS[n.kind] ?? "#999",
        label: nodeLabel(n),
        data: n,
      });
      added += 1;
    });
    for (const e of edges) {
      if (this.graph.order + this.graph.size >= MAX_ELEMENTS * 2) break;
      if (!this.graph.hasNode(e.source) || !this.graph.hasNode(e.target) || this.graph.hasEdge(e.source, e.target)) continue;
      this.graph.addEdge(e.source, e.target, { size: e.kind === "more" ? 2 : 0.6 });
    }
    return added;
  }

  private extent(): number {
    let lo = Infinity;
    let hi = -Infinity;
    this.graph.forEachNode((_, a) => {
      lo = Math.min(lo, a.x, a.y);
      hi = Math.max(hi, a.x, a.y);
    });
    return Number.isFinite(hi - lo) && hi > lo ? hi - lo : 100;
  }

  private layout(iterations: number): void {
    if (this.graph.order === 0) return;
    const settings = forceAtlas2.inferSettings(this.graph);
    forceAtlas2.assign(this.graph, { iterations, settings: { ...settings, barnesHutOptimize: this.graph.order > 400 } });
  }

  select(node: string | null): void {
    this.selected = node;
    this.sigma?.refresh({ skipIndexation: true });
    this.onSelect(node ? this.graph.getNodeAttribute(node, "data") : null);
  }

  /** Selects a node and centres it; from the keyboard the analyst's zoom is kept while walking nodes. */
  focus(node: string, keepZoom = false): void {
    if (!this.sigma || !this.graph.hasNode(node)) return;
    const pos = this.sigma.getNodeDisplayData(node);
    const camera = this.sigma.getCamera();
    if (pos) void camera.animate({ x: pos.x, y: pos.y, ratio: keepZoom ? camera.ratio : 0.8 }, { duration: 300 });
    this.select(node);
  }

  private onKey(event: KeyboardEvent): void {
    if (!this.sigma || this.graph.order === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const direction = DIRECTIONS[event.key];
    if (direction) {
      event.preventDefault(); // arrows would scroll the page
      const next = this.selected ? this.towards(this.selected, direction) : this.readingOrder()[0];
      if (next) this.focus(next, true);
    } else if (event.key === "Tab" && this.selected) {
      // Past either end, and with nothing selected, Tab leaves the canvas as usual: never a keyboard trap.
      const order = this.readingOrder();
      const next = order[order.indexOf(this.selected) + (event.shiftKey ? -1 : 1)];
      if (next === undefined) return;
      event.preventDefault();
      this.focus(next, true);
    } else if (event.key === "Enter" && this.selected) {
      event.preventDefault();
      this.onActivate(this.graph.getNodeAttribute(this.selected, "data"));
    }
  }

  private readingOrder(): string[] {
    return this.graph
      .mapNodes((id, attrs) => ({ id, r: rank(attrs.data) }))
      .sort((a, b) => a.r - b.r || a.id.localeCompare(b.id))
      .map((n) => n.id);
  }

  /** The nearest node on screen within 45 degrees of the arrow's direction, off-axis distance weighing double. */
  private towards(from: string, { dx, dy }: { dx: number; dy: number }): string | null {
    const sigma = this.sigma!;
    const origin = sigma.graphToViewport(this.graph.getNodeAttributes(from));
    let best: string | null = null;
    let bestScore = Infinity;
    this.graph.forEachNode((id, attrs) => {
      if (id === from) return;
      const p = sigma.graphToViewport(attrs);
      const along = (p.x - origin.x) * dx + (p.y - origin.y) * dy;
      const across = Math.abs((p.x - origin.x) * dy - (p.y - origin.y) * dx);
      if (along <= 0 || across > along) return;
      const score = along + 2 * across;
      if (score < bestScore) {
        bestScore = score;
        best = id;
      }
    });
    return best;
  }

  has(node: string): boolean {
    return this.graph.hasNode(node);
  }

  nodes(): DrawnNode[] {
    return this.graph.mapNodes((_, attrs) => attrs.data);
  }

  updateNode(node: DrawnNode): void {
    if (this.graph.hasNode(node.id)) this.graph.setNodeAttribute(node.id, "data", node);
  }

  /** Fetches a node's neighbourhood and adds it around the node; returns how many nodes were new. */
  async expand(node: DrawnNode): Promise<number> {
    const found = await neighbourhood(node);
    const origin = this.graph.getNodeAttributes(node.id);
    const added = this.addAll(found.nodes, found.edges, { x: origin.x, y: origin.y });
    this.sigma?.refresh();
    this.publish();
    return added;
  }

  kill(): void {
    this.sigma?.kill();
    this.sigma = null;
  }
}

export function expandable(node: DrawnNode): string | null {
  switch (node.kind) {
    case "account":
    case "ip":
    case "template":
      return null;
    case "instrument":
      return "The API shows instruments only by a prefix of their keyed hash; search the raw token to see its accounts.";
    case "email_domain":
      return "Search the domain to see its campaigns: the API has no per-domain neighbourhood.";
    default:
      return "Nothing further to fetch for this node.";
  }
}

const PLAIN = (kind: NodeKind, key: string): DrawnNode => ({
  id: `${kind}:${key}`,
  kind,
  key,
  detail: null,
  count: 1,
  sharedAccounts: 1,
  strength: null,
  membership: null,
  supernode: false,
  labels: [],
});

interface Linked {
  key: string;
  detail?: string | null;
  degree: number;
}

interface EntityNeighbourhood {
  accountCount: number;
  accounts: { id: string }[];
  campaigns: { campaign: { id: string } }[];
}

const NEIGHBOURS = 25;

async function neighbourhood(node: DrawnNode): Promise<{ nodes: DrawnNode[]; edges: DrawnEdge[] }> {
  const nodes: DrawnNode[] = [];
  const edges: DrawnEdge[] = [];
  const link = (other: DrawnNode, kind: string): void => {
    nodes.push(other);
    edges.push({ source: node.id, target: other.id, kind });
  };
  if (node.kind === "account") {
    const { account } = await gql<{
      account: {
        neighbourhood: {
          ips: Linked[];
          instruments: Linked[];
          templates: Linked[];
          emailDomains: Linked[];
          campaigns: { campaign: { id: string } }[];
        };
      } | null;
    }>(
      `query Expand($id: ID!, $n: Int) { account(id: $id) { neighbourhood(first: $n) {
        ips { key detail degree } instruments { key detail degree } templates { key detail degree }
        emailDomains { key degree } campaigns { campaign { id } } } } }`,
      { id: node.key, n: NEIGHBOURS },
    );
    const nb = account?.neighbourhood;
    if (!nb) return { nodes, edges };
    const entity = (kind: NodeKind, e: Linked): DrawnNode => ({
      ...PLAIN(kind, e.key),
      detail: e.detail ?? null,
      count: e.degree,
      supernode: e.degree > 1000,
    });
    nb.ips.forEach((e) => link(entity("ip", e), "ip"));
    nb.instruments.forEach((e) => link(entity("instrument", e), "instrument"));
    nb.templates.forEach((e) => link(entity("template", e), "template"));
    nb.emailDomains.forEach((e) => link(entity("email_domain", e), "email_domain"));
    nb.campaigns.forEach((c) => link(PLAIN("campaign", c.campaign.id), "campaign"));
    return { nodes, edges };
  }
  const query =
    node.kind === "ip"
      ? `query Expand($key: String!, $n: Int) { entity: ip(address: $key, first: $n) { neighbourhood { accountCount accounts { id } campaigns { campaign { id } } } } }`
      : `query Expand($key: ID!, $n: Int) { entity: template(id: $key) { neighbourhood(first: $n) { accountCount accounts { id } campaigns { campaign { id } } } } }`;
  const { entity } = await gql<{ entity: { neighbourhood: EntityNeighbourhood | null } | null }>(query, {
    key: node.key,
    n: NEIGHBOURS,
  });
  const nb = entity?.neighbourhood;
  if (!nb) return { nodes, edges };
  nb.accounts.forEach((a) => link(PLAIN("account", a.id), node.kind));
  nb.campaigns.forEach((c) => link(PLAIN("campaign", c.campaign.id), "campaign"));
  const hidden = nb.accountCount - nb.accounts.length;
  if (hidden > 0) {
    // The rest of a busy entity's accounts stay one counted node, as supernodes do in the first drawing.
    link({ ...PLAIN("more", `+${hidden.toLocaleString("en-US")} accounts`), id: `more:${node.id}`, count: hidden, supernode: true }, "more");
  }
  return { nodes, edges };
}
