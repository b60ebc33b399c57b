/**
 * The Markdown reading the content's reader and the answer's excerpt share with every
 * surface (fences and code blocks, backslash escapes). It lives in the file the playground
 * loads in the browser as it is, and is taken from there, so that no copy of it can drift.
 */
export {
  codeBlockReader,
  ESCAPED_CHAR,
  fenceOf,
  withoutEscapes,
} from "./adapters/web/public/markdown-lines.js";
