// Requests per UTC day as an SVG bar chart, with model releases (a model's first request on the platform)
// drawn as dashed lines: a campaign ramping up right after a release is a distillation tell.

import { h } from "./dom";

export interface DayCount {
  day: string;
  requests: number;
}

export interface ModelRelease {
  name: string;
  firstSeen: string | null;
}

const SVG = "http://www.w3.org/2000/svg";
const DAY_MS = 86_400_000;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export function renderTimeline(days: DayCount[], models: ModelRelease[]): HTMLElement {
  const figure = h("figure", { class: "timeline", id: "timeline" });
  if (days.length === 0) {
    figure.appendChild(h("p", { class: "empty" }, "No request timeline recorded for this campaign."));
    return figure;
  }
  const t = days.map((d) => Date.parse(`${d.day}T00:00:00Z`));
  // Releases within a week either side of the activity are shown; the earliest model was there all along.
  const firstModel = Math.min(...models.map((m) => (m.firstSeen ? Date.parse(m.firstSeen) : Infinity)));
  const start = Math.min(...t) - 7 * DAY_MS;
  const end = Math.max(...t) + 7 * DAY_MS;
  const releases = models
    .filter((m) => m.firstSeen !== null)
    .map((m) => ({ name: m.name, at: Date.parse(m.firstSeen!) }))
    .filter((m) => m.at > firstModel + DAY_MS && m.at >= start && m.at <= end);
  const lo = Math.min(...t, ...releases.map((r) => r.at));
  const hi = Math.max(...t, ...releases.map((r) => r.at)) + DAY_MS;
  const max = Math.max(...days.map((d) => d.requests), 1);
  const W = 720;
  const H = 180;
  const pad = { l: 48, r: 12, t: 18, b: 28 };
  const x = (ms: number): number => pad.l + ((ms - lo) / Math.max(hi - lo, DAY_MS)) * (W - pad.l - pad.r);
  const y = (v: number): number => H - pad.b - (v / max) * (H - pad.t - pad.b);
  const bar = Math.max(1, x(lo + DAY_MS) - x(lo) - 1);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": "timeline-title" });
  root.appendChild(svg("title", { id: "timeline-title" }, `Requests per day, ${days[0]!.day} to ${days[days.length - 1]!.day}`));
  root.appendChild(svg("line", { x1: pad.l, x2: W - pad.r, y1: H - pad.b, y2: H - pad.b, class: "axis" }));
  root.appendChild(svg("text", { x: pad.l - 6, y: pad.t + 4, "text-anchor": "end", class: "tick" }, max.toLocaleString("en-US")));
  root.appendChild(svg("text", { x: pad.l - 6, y: H - pad.b, "text-anchor": "end", class: "tick" }, "0"));
  days.forEach((d, i) => {
    const rect = svg("rect", { x: x(t[i]!), y: y(d.requests), width: bar, height: H - pad.b - y(d.requests), class: "bar" });
    rect.appendChild(svg("title", {}, `${d.day}: ${d.requests.toLocaleString("en-US")} requests`));
    root.appendChild(rect);
  });
  root.appendChild(svg("text", { x: pad.l, y: H - 8, class: "tick" }, new Date(lo).toISOString().slice(0, 10)));
  root.appendChild(svg("text", { x: W - pad.r, y: H - 8, "text-anchor": "end", class: "tick" }, new Date(hi - DAY_MS).toISOString().slice(0, 10)));
  for (const r of releases) {
    root.appendChild(svg("line", { x1: x(r.at), x2: x(r.at), y1: pad.t - 6, y2: H - pad.b, class: "release" }));
    root.appendChild(svg("text", { x: x(r.at) + 3, y: pad.t - 8, class: "release-label" }, r.name));
  }
  figure.appendChild(root);
  figure.appendChild(
    h(
      "figcaption",
      {},
      `Requests per UTC day (${days.length} active days).`,
      releases.length ? ` Dashed: model releases (${releases.map((r) => r.name).join(", ")}), dated by first request on the platform.` : " No model was released in this window.",
    ),
  );
  return figure;
}
