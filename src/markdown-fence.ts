/**
 * Fenced code blocks as the content's reader and the answer's excerpt see them, by the one
 * rule every surface uses: it lives in the file the playground loads in the browser as it
 * is, and is taken from there, so that no copy of it can drift.
 */
export { codeBlockReader, fenceOf } from "./adapters/web/public/markdown-lines.js";
