/** Types for the page's Markdown renderer, so tests can import the browser file as is. */
export function escapeHtml(text: string): string;
export function renderMarkdown(source: string): string;
export function renderInline(text: string): string;
