import "./style.css";
import { AuthError, traffic, whenSignedOut } from "./api";
import { renderBulk } from "./bulk";
import { deselect, leaveCampaign, renderCampaign } from "./campaign";
import { alertBox, clear, h } from "./dom";
import { current, forget, setMe, storedKey } from "./session";
import { checkKey, renderSignIn } from "./signin";
import { renderSearch } from "./search";

// Routes live in the URL fragment (#/campaign/C-…): shareable, never sent to a server, never the key.
const root = document.getElementById("app")!;
const nav = document.getElementById("nav")!;
const who = document.getElementById("who")!;

declare global {
  interface Window {
    linkwatchTraffic: typeof traffic;
  }
}
window.linkwatchTraffic = traffic;

function showNav(): void {
  const me = current();
  nav.hidden = me === null;
  who.textContent = me ? `${me.name} (${me.role})` : "";
}

async function route(): Promise<void> {
  leaveCampaign();
  const key = storedKey();
  if (key === null) {
    showNav();
    renderSignIn(root, () => void route());
    return;
  }
  if (current() === null) {
    try {
      setMe(await checkKey(key));
    } catch (err) {
      forget();
      showNav();
      renderSignIn(root, () => void route());
      if (!(err instanceof AuthError)) root.prepend(alertBox("Could not reach the API; sign in again."));
      return;
    }
  }
  showNav();
  const hash = location.hash.replace(/^#/, "");
  const campaign = /^\/campaign\/(.+)$/.exec(hash);
  if (campaign) {
    await renderCampaign(root, decodeURIComponent(campaign[1]!));
  } else if (hash === "/bulk") {
    document.title = "Bulk lookup · Linkwatch";
    renderBulk(root);
  } else {
    document.title = "Linkwatch console";
    const q = /^\/search\/(.+)$/.exec(hash);
    renderSearch(root, q ? decodeURIComponent(q[1]!) : "");
  }
}

whenSignedOut(() => {
  showNav();
  renderSignIn(root, () => void route());
  root.prepend(h("p", { role: "alert", class: "error" }, "Your key is no longer accepted; sign in again."));
});

document.getElementById("signout")!.addEventListener("click", () => {
  forget();
  leaveCampaign();
  clear(root);
  location.hash = "#/";
  void route();
});

window.addEventListener("hashchange", () => void route());

// Keyboard: "/" jumps to search from anywhere but a text field; Escape clears a selected node.
document.addEventListener("keydown", (event) => {
  const target = event.target as HTMLElement | null;
  const typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA");
  if (event.key === "/" && !typing && current() !== null) {
    event.preventDefault();
    const box = document.getElementById("search") as HTMLInputElement | null;
    if (box) box.focus();
    else location.hash = "#/";
  } else if (event.key === "Escape" && !typing) {
    deselect();
  }
});

void route();
