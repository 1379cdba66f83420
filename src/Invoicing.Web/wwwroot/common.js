"use strict";

// What the finance page (app.js) and the member municipalities' page (medlem.js) share: the Swedish formats, the DOM
// helper that shows data as text, and the API's requests and problems. Loaded first by both pages; each page's own
// script starts its page.

const NBSP = "\u00A0";
const KEY_STORAGE = "invoicing.apiKey";

const PROBLEM_KINDS = {
  400: "Ogiltig begäran",
  401: "Inte inloggad – ange en giltig API-nyckel",
  403: "Behörighet saknas",
  404: "Hittades inte",
  413: "Filen är för stor",
};

/** A status's badge colour (app.css), by the Swedish status the API shows. */
const BADGE_CLASSES = {
  obetald: "unpaid", delbetald: "partly-paid", betald: "paid", "överbetald": "overpaid", "återbetalas": "overpaid",
  "förfallen": "overdue", "påmind": "reminded",
};

const $ = (id) => document.getElementById(id);
const enc = encodeURIComponent;

// ---- Formats -------------------------------------------------------------------------------------------

/**
 * "43 035,00 kr" from a JSON number of kronor. Works in whole öre so that binary fractions never show, and
 * groups the digits itself (U+00A0, as the PDFs do) because toLocaleString's output varies between browsers.
 */
function formatMoney(kronor) {
  const ore = Math.round(Number(kronor) * 100);
  const whole = String(Math.floor(Math.abs(ore) / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const cents = String(Math.abs(ore) % 100).padStart(2, "0");
  return `${ore < 0 ? "-" : ""}${whole},${cents}${NBSP}kr`;
}

/** "12 345": a count, grouped as the amounts are. */
const formatCount = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);

/** The API already sends calendar dates as yyyy-MM-dd, the Swedish standard form. */
const formatDate = (isoDate) => (isoDate ? String(isoDate).slice(0, 10) : "–");

/** Date and time parts in Swedish local time, whatever time zone the browser itself is in. */
function stockholmParts(date) {
  const format = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  });
  return Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
}

function formatTimestamp(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso ?? "";
  const p = stockholmParts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

// ---- DOM helpers ---------------------------------------------------------------------------------------

/**
 * Characters that move the reading order or start a line instead of showing themselves: C0 and C1 controls, the
 * line and paragraph separators, bidirectional marks, embeddings, overrides and isolates, and half a surrogate pair.
 * The kernel's DisplayText rule (src/Invoicing/Kernel/DisplayText.cs), the same set, shown the same way.
 */
const HIDDEN = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text from the data as it is shown: every hidden character as \uXXXX, so a name cannot forge a line or turn one around. */
function shown(text) {
  return String(text).replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}

/** Builds an element. Children go in as text nodes, shown escaped, so names from the data can never become markup or a line of their own. */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "className") node.className = value;
    else if (name === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? "" : name === "title" || name.startsWith("aria-") ? shown(value) : String(value));
  }
  node.append(...children
    .filter((child) => child !== undefined && child !== null && child !== false)
    .map((child) => (typeof child === "string" || typeof child === "number" ? shown(child) : child)));
  return node;
}

/**
 * Each cell of the table body gets its column's heading as data-label: on a narrow screen a "stack" table
 * shows each row as a card of "heading: value" lines (app.css) instead of scrolling sideways. Headings only for
 * assistive technology (the actions columns) label nothing.
 */
function labelCells(body, headings) {
  const names = headings ?? [...body.closest("table").querySelectorAll("thead th")]
    .map((th) => (th.querySelector(".visually-hidden") ? "" : th.textContent.trim()));
  for (const row of body.rows) {
    [...row.cells].forEach((cell, index) => { cell.dataset.label = names[index] ?? ""; });
  }
}

/**
 * Runs a user action so that any failure ends up in the visible alert region, never only in the console (each page's
 * showError says where that region is).
 */
const action = (handler) => async (...args) => {
  try {
    await handler(...args);
  } catch (error) {
    showError(error);
    if (error.status === 401) $("api-key").focus();
  }
};

// ---- API -----------------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const apiKey = () => sessionStorage.getItem(KEY_STORAGE) ?? "";

/**
 * Every request carries the API key when one is set: a server started with API keys refuses requests
 * without one, and one started with a development identity does not need it.
 */
async function request(path, options = {}) {
  const headers = new Headers(options.headers);
  if (apiKey()) headers.set("X-Api-Key", apiKey());
  let response;
  try {
    response = await fetch(path, { ...options, headers });
  } catch {
    throw new ApiError(0, "Servern svarar inte. Kontrollera att den är igång och försök igen.");
  }
  if (!response.ok) throw new ApiError(response.status, await problemMessage(response));
  return response;
}

/** ProblemDetails' detail says what was wrong; the status says what kind of refusal it was. */
async function problemMessage(response) {
  let detail = "";
  let title = "";
  try {
    const problem = await response.json();
    detail = problem.detail || "";
    title = (problem.title || "").replace(/\.$/, "");
  } catch {
    // Not JSON (a proxy's error page, say): the status alone has to do.
  }
  // A server fault's text is the framework's English, not a reason the user can act on: say it in Swedish.
  if (response.status >= 500) {
    return `Ett fel uppstod i servern (${response.status}). Försök igen, och kontakta förvaltningen om felet kvarstår.`;
  }
  // The API's titles are Swedish (docs/api.md); an answer without one (a proxy's, say) is named by its status.
  // A 401 says what to do about it instead.
  const kind = (response.status !== 401 && title) || (PROBLEM_KINDS[response.status] ?? "Fel från servern");
  return `${kind} (${response.status})${detail ? `: ${detail}` : "."}`;
}

const getJson = async (path) => (await request(path)).json();

function fileName(response, link) {
  const header = response.headers.get("Content-Disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : link.getAttribute("href").split("/").pop();
}

/**
 * A plain link cannot carry the X-Api-Key header, so a download is fetched as a blob and handed to the browser through
 * a temporary object URL and an <a download> placed in `container` (inside an open modal dialog when
 * there is one: everything outside it is inert), named by the server's Content-Disposition. Returns that name.
 */
async function fetchDownload(link, container) {
  const response = await request(link.getAttribute("href"));
  const name = fileName(response, link);
  const url = URL.createObjectURL(await response.blob());
  const anchor = el("a", { href: url, download: name, hidden: true });
  container.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoked later, not at once: revoking straight away can cancel a download the browser has not started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
