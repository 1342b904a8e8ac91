import { AuthError, errorText, rawGql } from "./api";
import { alertBox, clear, h } from "./dom";
import { type Me, remember } from "./session";

const WHO = "query Me { me { name role } }";

/** Checks a key against the API before keeping it: a wrong or revoked one never reaches search. */
export async function checkKey(key: string): Promise<Me> {
  const result = await rawGql<{ me: Me }>(WHO, {}, key);
  if (!result.data?.me) throw new Error(result.errors[0]?.message ?? "The API did not say who this key is.");
  return result.data.me;
}

export function renderSignIn(root: HTMLElement, done: () => void): void {
  clear(root);
  const input = h("input", {
    type: "password",
    id: "api-key",
    name: "api-key",
    autocomplete: "off",
    spellcheck: "false",
    required: true,
    placeholder: "lw_…",
  });
  const status = h("div", { id: "signin-status" });
  const button = h("button", { type: "submit" }, "Sign in");
  const form = h(
    "form",
    { class: "signin", "aria-labelledby": "signin-title" },
    h("h1", { id: "signin-title" }, "Sign in"),
    h("p", {}, "Paste your Linkwatch API key. It is kept for this tab only and sent to the API in a header."),
    h("label", { for: "api-key" }, "API key"),
    input,
    button,
    status,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const key = input.value.trim();
    clear(status);
    if (!key) {
      status.appendChild(alertBox("Enter an API key."));
      return;
    }
    button.disabled = true;
    checkKey(key)
      .then((me) => {
        input.value = "";
        remember(key, me);
        done();
      })
      .catch((err: unknown) => {
        const message =
          err instanceof AuthError ? "That key was not accepted: it is wrong or has been revoked." : errorText(err);
        status.appendChild(alertBox(message));
        input.select();
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  root.appendChild(form);
  input.focus();
}
