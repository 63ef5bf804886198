// Building the page from untrusted data: every text goes through textContent (via append of
// strings), never innerHTML, and every link from data goes through safeUrl.

const SVG_NS = "http://www.w3.org/2000/svg";

function fill(node, options, children) {
  if (options.className) node.setAttribute("class", options.className);
  if (options.text !== undefined && options.text !== null) node.textContent = String(options.text);
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

/** An HTML element: el("a", {className, text, attrs: {href}}, [children or strings]). */
export function el(tag, options = {}, children = []) {
  return fill(document.createElement(tag), options, children);
}

/** An SVG element, same arguments as el. */
export function svg(tag, options = {}, children = []) {
  return fill(document.createElementNS(SVG_NS, tag), options, children);
}

/** The URL if it is http(s), else null: article URLs are data and may say "javascript:". */
export function safeUrl(value) {
  if (typeof value !== "string" || value === "") return null;
  try {
    const url = new URL(value, window.location.href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** A link that leaves the dashboard: new tab, no referrer, no window.opener. */
export function externalLink(url, text, className = "") {
  const href = safeUrl(url);
  if (href === null) return el("span", { className, text });
  return el("a", { className, text, attrs: { href, target: "_blank", rel: "noopener noreferrer nofollow" } });
}

/** Remove every child of node. */
export function clear(node) {
  node.replaceChildren();
  return node;
}
