// The API key lives in sessionStorage only: it dies with the tab, is never put in a URL (the campaign
// link an analyst shares carries only the campaign id) and is never written to localStorage or a cookie.

const KEY = "linkwatch.apiKey";

export type Role = "viewer" | "analyst" | "admin";

export interface Me {
  name: string;
  role: Role;
}

let me: Me | null = null;

export function storedKey(): string | null {
  return sessionStorage.getItem(KEY);
}

export function remember(key: string, who: Me): void {
  sessionStorage.setItem(KEY, key);
  me = who;
}

export function forget(): void {
  sessionStorage.removeItem(KEY);
  me = null;
}

export function current(): Me | null {
  return me;
}

export function setMe(who: Me): void {
  me = who;
}

export function canDecide(): boolean {
  return me !== null && (me.role === "analyst" || me.role === "admin");
}
