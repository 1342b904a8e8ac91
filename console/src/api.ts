// One GraphQL client over fetch, same origin. The key goes in the Authorization header as the API
// expects (app/api/auth.py), never in the URL: queries are POSTed, so nothing lands in access logs.

import { forget, storedKey } from "./session";

export class AuthError extends Error {}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly codes: string[],
  ) {
    super(message);
  }
}

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

export interface GqlResult<T> {
  data: T | null;
  errors: GqlError[];
  bytes: number;
}

let onSignedOut: () => void = () => undefined;

export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

// Counts what the page downloaded from /graphql, for the speed benchmark (bench/console_speed.py).
export const traffic = { requests: 0, bytes: 0 };

export async function rawGql<T>(query: string, variables: Record<string, unknown>, key: string): Promise<GqlResult<T>> {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
    credentials: "omit",
    cache: "no-store",
  });
  const text = await response.text();
  traffic.requests += 1;
  traffic.bytes += text.length;
  if (response.status === 401) throw new AuthError("The API key was not accepted (wrong or revoked).");
  if (response.status === 413) throw new ApiError("The request is too large for the API.", ["PAYLOAD_TOO_LARGE"]);
  let body: { data?: T | null; errors?: GqlError[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new ApiError(`The API answered ${response.status} without JSON.`, []);
  }
  return { data: body.data ?? null, errors: body.errors ?? [], bytes: text.length };
}

/** A query whose errors are all fatal: the first one is thrown. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await gqlPartial<T>(query, variables);
  if (result.errors.length > 0 || result.data === null) {
    const first = result.errors[0];
    throw new ApiError(first ? first.message : "The API returned no data.", result.errors.map(codeOf));
  }
  return result.data;
}

/** A query where some fields may fail (aliased look-ups): data and errors both come back. */
export async function gqlPartial<T>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
  const key = storedKey();
  if (key === null) {
    onSignedOut();
    throw new AuthError("Not signed in.");
  }
  try {
    return await rawGql<T>(query, variables, key);
  } catch (err) {
    if (err instanceof AuthError) {
      // A key revoked mid-session: back to the sign-in page rather than a page of failures.
      forget();
      onSignedOut();
    }
    throw err;
  }
}

export function codeOf(e: GqlError): string {
  return e.extensions?.code ?? "UNKNOWN";
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
