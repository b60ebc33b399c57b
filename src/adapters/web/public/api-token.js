// The API token a server started with API_TOKEN asks for: typed once into the page and kept
// for this tab only (sessionStorage), sent with every call to /api/*.

const KEY = "aifirst.apiToken";

/** @returns {Record<string, string>} the Authorization header, when a token was given */
export function authHeaders() {
  const token = sessionStorage.getItem(KEY);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** @param {string} token */
export function saveToken(token) {
  sessionStorage.setItem(KEY, token);
}

export function forgetToken() {
  sessionStorage.removeItem(KEY);
}

/** The server refused the call for want of the right token. */
export class TokenNeeded extends Error {}
