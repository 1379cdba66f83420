"use strict";

// The member municipalities' page (/medlem): one party's own invoices of a year, its statement, and how its share of the
// budget was computed, from the api/member/ routes of docs/api.md. The party is the signed-in identity's, never the
// page's: the page only asks. Its formats, DOM helper and requests are common.js's, shared with finance's page.

const MEMBER_ROLE = "Invoicing.Member";

const KEY_LABELS = { population: "befolkning", perCapita: "per invånare", equalSplit: "lika delar" };
const state = { me: null, scheme: "", year: "" };

// ---- Formats -------------------------------------------------------------------------------------------

/** "57,4 %": a key to one decimal with a decimal comma. */
const formatPercent = (p) => `${Number(p).toFixed(1).replace(".", ",")}${NBSP}%`;

// ---- Tables --------------------------------------------------------------------------------------------

/** A table of the share: headings, rows, an optional footer, each cell labelled for the narrow layout. */
function table(label, headings, rows, footer) {
  const body = el("tbody", {}, ...rows);
  labelCells(body, headings.map(([text, , hidden]) => (hidden ? "" : text)));
  const foot = footer ? el("tfoot", {}, footer) : null;
  if (foot) labelCells(foot, headings.map(([text]) => text));
  return el("div", { className: "table-wrap" },
    el("table", { className: "compact stack", "aria-label": label },
      el("thead", {}, el("tr", {}, ...headings.map(([text, className]) => el("th", { scope: "col", className }, text)))),
      body,
      foot));
}

const facts = (pairs) => el("dl", { className: "facts" },
  ...pairs.filter(Boolean).map(([term, value]) => el("div", {}, el("dt", {}, term), el("dd", {}, value))));

// ---- Messages and API ----------------------------------------------------------------------------------

function showError(error) {
  $("status-message").textContent = "";
  $("alert").textContent = shown(error instanceof Error ? error.message : String(error));
}

function showStatus(text) {
  $("alert").textContent = "";
  $("status-message").textContent = shown(text);
}

function clearMessages() {
  $("alert").textContent = "";
  $("status-message").textContent = "";
}

const memberYearPath = () => `/api/member/schemes/${enc(state.scheme)}/years/${enc(state.year)}`;

/** A download link (see fetchDownload), one fetch at a time. */
async function download(link) {
  if (link.getAttribute("aria-disabled") === "true") return;
  link.setAttribute("aria-disabled", "true");
  try {
    const name = await fetchDownload(link, document.body);
    showStatus(`Hämtade ${name}.`);
  } finally {
    link.removeAttribute("aria-disabled");
  }
}

// ---- Identity ------------------------------------------------------------------------------------------

/**
 * True for a member bound to its party. Anyone else (finance, a reader, a member identity without one party) is told
 * in Swedish whose page this is and shown none of it: the member routes would refuse them anyway.
 */
async function loadIdentity() {
  state.me = null;
  try {
    state.me = await getJson("/api/me");
  } catch (error) {
    $("identity").textContent = "Inte inloggad.";
    throw error;
  }
  if (state.me.roles.includes(MEMBER_ROLE) && state.me.party) {
    $("identity").textContent = shown(`Inloggad som ${state.me.name} (medlem, part ${state.me.party}).`);
    return true;
  }
  $("identity").textContent = shown(`Inloggad som ${state.me.name}.`);
  $("alert").replaceChildren(state.me.roles.includes(MEMBER_ROLE)
    ? "Den här sidan är för medlemskommunernas användare, och din inloggning är inte knuten till en medlem. Kontakta den som administrerar inloggningen."
    : el("span", {}, "Den här sidan är för medlemskommunernas användare. Du är inloggad med ekonomins eller läsarens behörighet: fakturorna finns på ",
      el("a", { href: "./" }, "ekonomins sida"), "."));
  return false;
}

// ---- Invoices ------------------------------------------------------------------------------------------

function invoiceRow(invoice) {
  const pdf = `/api/member/invoices/${enc(state.scheme)}/${enc(state.year)}/${enc(invoice.number)}/pdf`;
  const credit = invoice.kind === "credit-note";
  return el("tr", { dataset: { number: invoice.number } },
    el("th", { scope: "row", className: "nowrap" }, invoice.number),
    el("td", { className: "nowrap" }, formatDate(invoice.issueDate)),
    el("td", { className: "nowrap" }, credit ? "ingen (kreditfaktura)" : formatDate(invoice.dueDate)),
    el("td", { className: "num" }, formatMoney(invoice.amount)),
    el("td", { className: "num" }, formatMoney(invoice.amountDue)),
    el("td", {}, el("span", { className: "status-cell" },
      el("span", { className: `badge badge-${BADGE_CLASSES[invoice.displayStatus] ?? "other"}` }, invoice.displayStatus),
      credit && el("span", { className: "chain-note" }, `avser faktura ${invoice.corrects}`),
      invoice.kind === "invoice" && invoice.corrects && el("span", { className: "chain-note" }, `tillägg till ${invoice.corrects}`),
      invoice.refundOwed > 0 && el("span", { className: "note" }, `återbetalas till er: ${formatMoney(invoice.refundOwed)}`))),
    el("td", { className: "actions" },
      el("a", { className: "button secondary", href: pdf, "aria-label": `PDF, ladda ner faktura ${invoice.number}`, dataset: { download: "" } }, "PDF")));
}

function renderInvoices(invoices) {
  $("invoice-rows").replaceChildren(...invoices.map(invoiceRow));
  labelCells($("invoice-rows"), [...$("invoice-table").querySelectorAll("thead th")]
    .map((th) => (th.querySelector(".visually-hidden") ? "" : th.textContent.trim())));
  $("invoice-count").textContent = `${invoices.length} dokument · ${state.scheme} ${state.year}`;
  $("empty-message").hidden = invoices.length > 0;
}

// ---- The share -----------------------------------------------------------------------------------------

function decisionFacts(share) {
  const decision = share.decision;
  return facts([
    ["Beslut", `${formatDate(decision.decidedOn)}, ${decision.reference}`],
    ["Budget", decision.revision === 0 ? "som den först beslutades" : `revision ${decision.revision}`],
    decision.approvedBy && ["Registrerat av", `${decision.approvedBy}, ${formatTimestamp(decision.approvedAt)}`],
    ["Er andel totalt", formatMoney(share.total)],
  ]);
}

/** One pool: what was shared, by which key (the population table and its date), and every member's figures the split used. */
function poolPart(pool, party) {
  const byPopulation = pool.key !== "equalSplit" && pool.totalPopulation > 0;
  const headings = [["Medlem"], ["Befolkning", "num"], ["Andel", "num"], ["Belopp", "num"]];
  const rows = pool.shares.map((share) => el("tr", { className: share.code === party ? "own" : undefined },
    el("th", { scope: "row" }, `${share.code} ${share.name}`, share.code === party ? " (ni)" : ""),
    el("td", { className: "num" }, byPopulation ? formatCount(share.population) : "–"),
    el("td", { className: "num" }, formatPercent(share.keyPercent)),
    el("td", { className: "num" }, formatMoney(share.amount))));
  const sum = el("tr", {},
    el("th", { scope: "row" }, "Summa"),
    el("td", { className: "num" }, byPopulation ? formatCount(pool.totalPopulation) : "–"),
    // The key as a whole; the members' rounded percentages above may add up to a tenth more or less.
    el("td", { className: "num" }, `100${NBSP}%`),
    el("td", { className: "num" }, formatMoney(pool.amount)));
  return el("section", { className: "part" },
    el("h3", {}, `${pool.text} (rad ${pool.line})`),
    facts([
      ["Att fördela", formatMoney(pool.amount)],
      ["Fördelningsnyckel", KEY_LABELS[pool.key] ?? pool.key],
      pool.source && ["Befolkning enligt", `${pool.source}, per ${formatDate(pool.referenceDate)}`],
      byPopulation && ["Befolkning totalt", formatCount(pool.totalPopulation)],
      ["Er andel", `${formatPercent(pool.share.keyPercent)} = ${formatMoney(pool.share.amount)}`],
    ]),
    table(`Fördelning: ${pool.text}`, headings, rows, sum));
}

function fixedPart(fixed) {
  if (fixed.length === 0) return null;
  return el("section", { className: "part" },
    el("h3", {}, "Fasta bidrag"),
    table("Fasta bidrag", [["Rad"], ["Avser"], ["Belopp", "num"]],
      fixed.map((line) => el("tr", {},
        el("td", {}, String(line.line)),
        el("td", {}, line.text),
        el("td", { className: "num" }, formatMoney(line.amount))))));
}

function renderShare(share) {
  $("share-empty").hidden = share !== null;
  if (!share) {
    $("share-content").replaceChildren();
    return;
  }
  $("share-content").replaceChildren(
    el("p", {}, `${share.partyName} i ${share.schemeName} ${share.year}.`),
    decisionFacts(share),
    ...share.pools.map((pool) => poolPart(pool, share.party)),
    ...[fixedPart(share.fixed)].filter(Boolean));
}

// ---- Start ---------------------------------------------------------------------------------------------

function readSelection() {
  state.scheme = $("scheme").value.trim();
  state.year = $("year").value.trim();
  const address = new URL(location.href);
  address.searchParams.set("scheme", state.scheme);
  address.searchParams.set("year", state.year);
  history.replaceState(null, "", address);
  $("download-statement").href = `${memberYearPath()}/statement.pdf`;
}

async function load() {
  $("member-content").hidden = true;
  const invoices = await getJson(`${memberYearPath()}/invoices`);
  let share = null;
  try {
    share = await getJson(`${memberYearPath()}/share`);
  } catch (error) {
    // A year not yet decided has no share to show, while its invoices (none) may well be shown.
    if (error.status !== 404) throw error;
    $("share-empty").textContent = "Ingen beslutad fördelning finns för året ännu.";
  }
  renderInvoices(invoices);
  renderShare(share);
  $("member-content").hidden = false;
}

async function start() {
  clearMessages();
  $("member-content").hidden = true;
  readSelection();
  if (await loadIdentity()) await load();
}

async function saveKey(event) {
  event.preventDefault();
  const key = $("api-key").value.trim();
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
  await start();
  if (state.me?.party) showStatus(key ? "API-nyckeln används i den här fliken." : "Ingen API-nyckel används.");
}

function init() {
  const params = new URLSearchParams(location.search);
  if (params.get("scheme")) $("scheme").value = params.get("scheme");
  if (params.get("year")) $("year").value = params.get("year");
  $("api-key").value = apiKey();
  $("key-form").addEventListener("submit", action(saveKey));
  $("filters").addEventListener("submit", action(async (event) => {
    event.preventDefault();
    await start();
  }));
  document.addEventListener("click", action(async (event) => {
    const link = event.target.closest("a[data-download]");
    if (!link) return;
    event.preventDefault();
    await download(link);
  }));
  action(start)();
}

init();
