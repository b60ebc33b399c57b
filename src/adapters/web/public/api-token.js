// The API token a server started with API_TOKEN asks for: typed once into the page and kept
// for this tab only (sessionStorage), sent with every call to /api/*.

const KEY = "aifirst.apiToken";

/** What a header can carry: a browser refuses to send anything else, and no token needs it. */
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/** @param {string} token */
export function isTokenShaped(token) {
  return VISIBLE_ASCII.test(token);
}

/** @returns {Record<string, string>} the Authorization header, when a token was given */
export function authHeaders() {
  const token = sessionStorage.getItem(KEY);
  if (token && !isTokenShaped(token)) {
    forgetToken();
    return {};
  }
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** @param {string} token one that `isTokenShaped` */
export function saveToken(token) {
  sessionStorage.setItem(KEY, token);
}

export function forgetToken() {
  sessionStorage.removeItem(KEY);
}

/** The server refused the call for want of the right token. */
export class TokenNeeded extends Error {}
