"use strict";

// The finance page: a scheme's invoices for one year with their totals, downloads, and, for people who may
// book, manual payments and bank files. Plain DOM code against the JSON API of docs/api.md.

const MAX_UPLOAD_BYTES = 5 * 1024 * 1024; // the API's limit; checked here too so a big file is not sent in vain

const STATUS_LABELS = {
  Unpaid: "obetald", PartiallyPaid: "delbetald", Paid: "betald", Overpaid: "överbetald", Credited: "krediterad", Issued: "kreditfaktura",
};
const ACTION_LABELS = {
  "document.issued": "utfärdad",
  "invoice.voided": "makulerad",
  "payment.booked": "betalning bokförd",
  "payment.reversed": "betalning återförd",
  "deduction.booked": "avdrag bokfört",
  "refund.booked": "återbetalning bokförd",
  "payment.same-as-delivered": "samma betalning i annat format",
  "reminder.recorded": "påminnelse",
  "change.proposed": "föreslagen (fyra ögon)",
  "change.confirmed": "godkänd (fyra ögon)",
  "change.rejected": "avvisad (fyra ögon)",
};

const CHANNEL_LABELS = { cli: "kommandorad", api: "webb/API", timer: "schemalagd körning", blob: "bankfil", process: "process" };

const FLAG_LABELS = {
  Overpayment: "överbetalning – ska återbetalas",
  InvoiceAlreadyPaid: "fakturan var redan betald – ska återbetalas",
  Reversal: "återförd av banken",
  Deduction: "avdrag från betalaren",
  AlreadyReceived: "samma betalning levererad igen i ett annat filformat – inte bokförd igen",
  Refund: "återbetalning",
};
const ENTRANCE_LABELS = { cli: "terminalen", api: "sidan eller API:t", blob: "filmappen (bank-files)" };
const state = { me: null, scheme: "", year: "", openNumber: null };

// ---- Formats -------------------------------------------------------------------------------------------

/** Today in Sweden: the default payment date (the API refuses later ones). */
function todayInSweden() {
  const p = stockholmParts(new Date());
  return `${p.year}-${p.month}-${p.day}`;
}

const statusLabel = (status) => STATUS_LABELS[status] ?? String(status ?? "");

// ---- DOM helper ----------------------------------------------------------------------------------------

/** A titled part of the invoice dialog: a heading, then a table or a line saying there is nothing. */
function part(title, headings, rows, emptyText) {
  const body = el("tbody", {}, ...rows);
  const content = rows.length === 0
    ? el("p", { className: "empty" }, emptyText)
    : el("table", { className: "compact stack", "aria-label": title },
      el("thead", {}, el("tr", {}, ...headings.map(([text, className]) => el("th", { scope: "col", className }, text)))),
      body);
  labelCells(body, headings.map(([text]) => text));
  return el("section", { className: "part" }, el("h3", {}, title), content);
}

// ---- Messages ------------------------------------------------------------------------------------------

/** The visible message regions of what the user is looking at: with the modal dialog open, the page behind it is inert. */
function regions() {
  return $("invoice-dialog").open
    ? { alert: $("dialog-alert"), status: $("dialog-status") }
    : { alert: $("alert"), status: $("status-message") };
}

function showError(error) {
  const { alert, status } = regions();
  status.textContent = "";
  alert.textContent = shown(error instanceof Error ? error.message : String(error));
}

function showStatus(text) {
  const { alert, status } = regions();
  alert.textContent = "";
  status.textContent = shown(text);
}

function clearMessages() {
  for (const id of ["alert", "status-message", "dialog-alert", "dialog-status"]) $(id).textContent = "";
}

// ---- API -----------------------------------------------------------------------------------------------

const yearPath = () => `/api/schemes/${enc(state.scheme)}/years/${enc(state.year)}`;
const invoicePath = (number) => `/api/invoices/${enc(state.scheme)}/${enc(state.year)}/${enc(number)}`;

// ---- Identity ------------------------------------------------------------------------------------------

async function loadIdentity() {
  state.me = null;
  renderFinanceTools();
  try {
    state.me = await getJson("/api/me");
  } catch (error) {
    $("identity").textContent = "Inte inloggad.";
    throw error;
  }
  if (isMember()) {
    // A member's identity sees nothing here (every finance route refuses it): it is sent to its own page instead.
    $("identity").textContent = shown(`Inloggad som ${state.me.name} (medlem).`);
    $("alert").replaceChildren(el("span", {},
      "Den här sidan är ekonomiavdelningens. Som användare i en medlemskommun ser du era fakturor, kontoutdrag och hur er andel räknades på ",
      el("a", { href: "medlem" }, "medlemssidan"), "."));
    return;
  }
  const role = state.me.canBook ? "ekonomi, får bokföra betalningar" : "läsbehörighet";
  $("identity").textContent = shown(`Inloggad som ${state.me.name} (${role}).`);
  renderFinanceTools();
}

/** A member municipality's identity: api/me answers it, finance's routes do not. */
const isMember = () => Boolean(state.me) && !state.me.roles.includes("Invoicing.Reader") && !state.me.roles.includes("Invoicing.Finance");

/** The bank-file form exists only for people who may book: a reader is never offered a form the API would refuse. */
function renderFinanceTools() {
  $("finance-tools").replaceChildren();
  $("periods-tools").replaceChildren();
  if (!state.me?.canBook) return;
  $("finance-tools").append($("bank-file-template").content.cloneNode(true));
  $("bank-file-form").addEventListener("submit", action(uploadBankFile));
  $("finance-tools").append($("budget-approval-template").content.cloneNode(true));
  showBudgetHint();
  $("budget-approval-form").addEventListener("submit", action(approveBudget));
  $("periods-tools").append($("periods-template").content.cloneNode(true));
  $("periods-form").addEventListener("submit", action(changePeriod));
}

// ---- The list and its totals ---------------------------------------------------------------------------

async function loadInvoices() {
  const query = new URLSearchParams();
  if ($("status-filter").value) query.set("status", $("status-filter").value);
  if ($("overdue-filter").checked) query.set("overdue", "true");
  const suffix = query.toString() ? `?${query}` : "";
  const listTable = $("invoice-table");
  listTable.setAttribute("aria-busy", "true");
  try {
    // The aging report is read with the list, so a payment, a void or another year shows in both at once.
    const [invoices, summary, aging] = await Promise.all([
      getJson(`${yearPath()}/invoices${suffix}`),
      getJson(`${yearPath()}/summary`),
      getJson(`${yearPath()}/aging`),
    ]);
    renderInvoices(invoices);
    renderSummary(summary);
    renderAging(aging);
  } catch (error) {
    // Figures of the previous scheme or year must not stay on screen as if they answered this request.
    renderInvoices([]);
    renderSummary(null);
    renderAging(null);
    throw error;
  } finally {
    listTable.removeAttribute("aria-busy");
  }
}

function renderInvoices(invoices) {
  $("invoice-rows").replaceChildren(...invoices.map(invoiceRow));
  labelCells($("invoice-rows"));
  const count = invoices.length;
  $("invoice-count").textContent = `${count} ${count === 1 ? "faktura" : "fakturor"} · ${state.scheme} ${state.year}`;
  $("empty-message").hidden = count > 0;
}

// A credit note is not paid, so it falls due on no day: its row and dialog say so rather than show a date.
function dueDateText(invoice) {
  return invoice.kind === "credit-note" ? "ingen (kreditfaktura)" : formatDate(invoice.dueDate);
}

function invoiceRow(invoice) {
  const which = `faktura ${invoice.number} (${invoice.debtorName})`;
  return el("tr", { dataset: { number: invoice.number } },
    el("th", { scope: "row" }, invoice.debtorName),
    el("td", { className: "nowrap" }, invoice.number),
    el("td", { className: "num" }, formatMoney(invoice.amount)),
    el("td", { className: "nowrap" }, dueDateText(invoice)),
    el("td", { className: "num" }, formatMoney(invoice.amountPaid)),
    el("td", {}, statusBadge(invoice)),
    el("td", { className: "actions" },
      el("button", { type: "button", className: "secondary", dataset: { open: invoice.number }, "aria-label": `Öppna ${which}` }, "Öppna"),
      pdfLink(invoice.number, `Ladda ner PDF för ${which}`),
      eInvoiceCell(invoice, which)));
}

/** The e-invoice link, or why there is none (the server's reason), so nobody waits for an e-invoice that will not come. */
function eInvoiceCell(invoice, which) {
  return invoice.eInvoice
    ? el("a", { className: "button secondary", href: `${invoicePath(invoice.number)}/ubl`, "aria-label": `Ladda ner e-faktura för ${which}`, dataset: { download: "" } }, "E-faktura")
    : el("span", { className: "note", title: invoice.eInvoiceMissingSwedishReason ?? "" }, "Endast PDF");
}

function statusBadge(invoice) {
  return el("span", { className: "status-cell" },
    el("span", { className: `badge badge-${BADGE_CLASSES[invoice.displayStatus] ?? "other"}` }, invoice.displayStatus),
    invoice.needsManualFollowUp && el("span", { className: "note" }, "manuell uppföljning"),
    invoice.kind === "credit-note" && el("span", { className: "note" }, `avser faktura ${invoice.corrects}`),
    invoice.kind === "invoice" && invoice.corrects && el("span", { className: "note" }, `tillägg till ${invoice.corrects}`),
    // What corrects it: without these an invoice credited in part looks like any unpaid one of a smaller amount.
    ...(invoice.creditedBy ?? []).map((number) => el("span", { className: "chain-note" }, `krediterad av ${number}`)),
    ...(invoice.supplements ?? []).map((number) => el("span", { className: "chain-note" }, `tillägg ${number}`)),
    invoice.refundOwed > 0 && el("span", { className: "note" }, `att återbetala ${formatMoney(invoice.refundOwed)}`));
}

function pdfLink(number, label) {
  return el("a", { className: "button secondary", href: `${invoicePath(number)}/pdf`, "aria-label": label, dataset: { download: "" } }, "PDF");
}

function renderSummary(summary) {
  const count = (n) => el("span", { className: "count" }, `${n} ${n === 1 ? "faktura" : "fakturor"}`);
  const figures = {
    "total-invoiced": summary && [formatMoney(summary.invoiced), count(summary.count)],
    "total-paid": summary && [formatMoney(summary.paid)],
    "total-outstanding": summary && [formatMoney(summary.outstanding)],
    "total-overdue": summary && [formatMoney(summary.overdue), count(summary.overdueCount)],
  };
  for (const [id, parts] of Object.entries(figures)) $(id).replaceChildren(...(parts ?? ["–"]));
}

// ---- Aging report (åldersanalys) ---------------------------------------------------------------------

/** The buckets in column order: the report's field and the shade its part of the chart has (legend and bars alike). */
const AGING_BUCKETS = ["notDue", "days1To30", "days31To60", "days61To90", "over90"];

function renderAging(report) {
  const rows = report?.rows ?? [];
  const names = Object.fromEntries((report?.buckets ?? []).map((b) => [b.field, b.name]));
  $("aging-rows").replaceChildren(...rows.map((row) =>
    el("tr", { dataset: { debtor: row.debtorCode } },
      el("th", { scope: "row" }, `${row.debtorCode} ${row.debtorName}`),
      ...AGING_BUCKETS.map((field) => el("td", { className: "num" }, formatMoney(row[field]))),
      el("td", { className: "num" }, formatMoney(row.total)))));
  $("aging-totals").replaceChildren(...(report && rows.length > 0
    ? [el("tr", {},
      el("th", { scope: "row" }, "Summa"),
      ...AGING_BUCKETS.map((field) => el("td", { className: "num" }, formatMoney(report.totals[field]))),
      el("td", { className: "num" }, formatMoney(report.totals.total)))]
    : []));
  $("aging-caption").textContent = report
    ? `${rows.length} ${rows.length === 1 ? "kund" : "kunder"} med obetalt per ${report.asOf} · ${report.scheme} ${report.year}`
    : "";
  $("aging-empty").hidden = !report || rows.length > 0;
  $("aging-chart").replaceChildren(...(report && rows.length > 0 ? agingChart(report, names) : []));
}

/**
 * One horizontal bar per bucket, as long as its share of the largest bucket, stacked by customer (each customer's
 * part a segment, its name and amount in the segment's title). The figure is labelled for assistive technology with
 * the totals in words; the table below holds every figure.
 */
function agingChart(report, names) {
  const largest = Math.max(...AGING_BUCKETS.map((field) => report.totals[field]), 0.01);
  return AGING_BUCKETS.map((field) => {
    const total = report.totals[field];
    const segments = report.rows.filter((row) => row[field] > 0).map((row, index) => {
      const segment = el("span", {
        className: `aging-segment aging-${field}${index % 2 ? " aging-alternate" : ""}`,
        title: `${row.debtorName}: ${formatMoney(row[field])}`,
      });
      // Through the CSSOM: the page's Content-Security-Policy (style-src 'self') refuses style attributes.
      segment.style.width = `${(100 * row[field]) / largest}%`;
      return segment;
    });
    return el("div", { className: "aging-bar-row", role: "img", "aria-label": `${names[field] ?? field}: ${formatMoney(total)}` },
      el("span", { className: "aging-label", "aria-hidden": "true" }, names[field] ?? field),
      el("span", { className: "aging-track", "aria-hidden": "true" }, ...segments),
      el("span", { className: "aging-amount", "aria-hidden": "true" }, formatMoney(total)));
  });
}

// ---- Downloads -----------------------------------------------------------------------------------------

function updateDownloadLinks() {
  $("download-zip").href = `${yearPath()}/invoices.zip`;
  $("download-einvoices-zip").href = `${yearPath()}/einvoices.zip`;
  $("download-ledger").href = `${yearPath()}/ledger.csv`;
  $("download-ledger-xlsx").href = `${yearPath()}/ledger.xlsx`;
  $("download-aging-xlsx").href = `${yearPath()}/aging.xlsx`;
  $("download-sie").href = `${yearPath()}/export.sie`;
  $("download-sie-month").href = monthSiePath($("sie-month").value);
}

/**
 * One accounting month of the books of the shown scheme's issuer, whatever the budget year of each document:
 * what the accounting system imports month by month. A month the field cannot give is left to the server to refuse.
 */
function monthSiePath(month) {
  const [year, number] = month.split("-").map(Number);
  const mm = String(number).padStart(2, "0");
  const last = String(new Date(Date.UTC(year, number, 0)).getUTCDate()).padStart(2, "0");
  return `/api/export.sie?from=${year}-${mm}-01&to=${year}-${mm}-${last}&scheme=${enc(state.scheme)}`;
}

/** A download link of the page or the dialog (see fetchDownload), one fetch at a time. */
async function download(link) {
  if (link.getAttribute("aria-disabled") === "true") return;
  link.setAttribute("aria-disabled", "true");
  try {
    const name = await fetchDownload(link, $("invoice-dialog").open ? $("invoice-dialog") : document.body);
    showStatus(`Hämtade ${name}.`);
  } finally {
    link.removeAttribute("aria-disabled");
  }
}

// ---- One invoice ---------------------------------------------------------------------------------------

async function openInvoice(number) {
  clearMessages();
  const [invoice, history] = await Promise.all([getJson(invoicePath(number)), getJson(`${invoicePath(number)}/history`)]);
  state.openNumber = number;
  renderDetails(invoice, history);
  renderFinanceForms(invoice);
  const dialog = $("invoice-dialog");
  if (!dialog.open) dialog.showModal();
}

async function refreshDetails(number) {
  const [invoice, history] = await Promise.all([getJson(invoicePath(number)), getJson(`${invoicePath(number)}/history`)]);
  const focused = document.activeElement?.id;
  renderDetails(invoice, history);
  renderFinanceForms(invoice);
  keepFocusInDialog(focused);
}

/**
 * Redrawing the dialog removes the button that was pressed, and focus would fall to the page behind: it goes back to
 * the control of the same id when the redrawn dialog has one (the payment form's amount, say), else to the title.
 */
function keepFocusInDialog(focusedId) {
  const dialog = $("invoice-dialog");
  if (!dialog.open || dialog.contains(document.activeElement)) return;
  const again = focusedId && document.getElementById(focusedId);
  (again && dialog.contains(again) ? again : $("dialog-title")).focus();
}

function renderDetails(invoice, history) {
  $("dialog-title").textContent = shown(`Faktura ${invoice.number} – ${invoice.debtorName}`);
  const facts = [
    ["Status", statusBadge(invoice)],
    ["Belopp", formatMoney(invoice.amount)],
    ["Krediterat", formatMoney(invoice.credited)],
    ["Betalt", formatMoney(invoice.amountPaid)],
    ["Återbetalt", formatMoney(invoice.refunded)],
    [invoice.refundOwed > 0 ? "Att återbetala" : "Kvar att betala", formatMoney(invoice.refundOwed > 0 ? invoice.refundOwed : invoice.amountDue)],
    ...((invoice.chain ?? []).length < 2 ? [] : [[
      invoice.chainRefundOwed > 0 ? "Att återbetala i kedjan" : "Kvar att betala i kedjan",
      formatMoney(invoice.chainRefundOwed > 0 ? invoice.chainRefundOwed : invoice.chainDue),
    ]]),
    ["OCR-nummer", invoice.kind === "credit-note" ? "–" : invoice.ocr],
    ["Fakturadatum", formatDate(invoice.issueDate)],
    ["Förfallodag", dueDateText(invoice)],
  ];
  $("dialog-details").replaceChildren(
    el("dl", { className: "facts" }, ...facts.map(([term, value]) => el("div", {}, el("dt", {}, term), el("dd", {}, value)))),
    el("p", {}, el("a", { className: "button secondary", href: `${invoicePath(invoice.number)}/pdf`, dataset: { download: "" } },
      `Ladda ner faktura ${invoice.number} (PDF)`)),
    invoice.eInvoice
      ? el("p", {}, el("a", { className: "button secondary", href: `${invoicePath(invoice.number)}/ubl`, dataset: { download: "" } },
        `Ladda ner e-faktura ${invoice.number} (Peppol BIS 3.0, XML)`))
      : el("p", { className: "note", dataset: { einvoiceMissing: "" } }, `Endast PDF, ingen e-faktura: ${invoice.eInvoiceMissingSwedishReason ?? "utfärdad före e-fakturor"}`),
    el("p", { className: "statement-actions" },
      el("a", { className: "button secondary", href: `${yearPath()}/parties/${enc(invoice.debtorCode)}/statement.pdf`, dataset: { download: "", statement: "" } },
        `Ladda ner kontoutdrag för ${invoice.debtorName} (PDF)`),
      // Only for people who may send; a reader is never offered a button the API would refuse.
      state.me?.canBook && el("button", { type: "button", className: "secondary", id: "send-statement", dataset: { party: invoice.debtorCode, partyName: invoice.debtorName } },
        "Skicka kontoutdrag")),
    linesTable(invoice.lines ?? []),
    // Only an invoice in a chain has one; replaceChildren would show a null as the text "null".
    ...[chainTable(invoice)].filter(Boolean),
    paymentsTable(invoice.payments ?? []),
    remindersTable(invoice.reminders ?? []),
    historyTable(history ?? []));
}

/** Who did what to the document and when, from the audit trail (amounts in öre there). */
function historyTable(events) {
  return part("Historik", [["Tid"], ["Vem"], ["Vad"], ["Belopp", "num"], ["Detaljer"]],
    events.map((event) => el("tr", {},
      el("td", { className: "nowrap" }, formatTimestamp(event.at)),
      el("td", {}, event.actor, ` (${CHANNEL_LABELS[event.channel] ?? event.channel})`),
      el("td", {}, ACTION_LABELS[event.action] ?? event.action),
      el("td", { className: "num" }, event.amountOre == null ? "" : formatMoney(event.amountOre / 100)),
      // Events recorded before they said it in Swedish have only the English text, kept as recorded (it is hashed).
      el("td", {}, event.swedishDetails ?? event.details))),
    "Ingen historik.");
}

/** The invoice's original, supplements and credit notes, and what the chain as one debt still lacks or owes back. */
function chainTable(invoice) {
  const chain = invoice.chain ?? [];
  if (chain.length < 2) return null;
  const standing = invoice.chainRefundOwed > 0
    ? `att återbetala ${formatMoney(invoice.chainRefundOwed)}`
    : `kvar att betala ${formatMoney(invoice.chainDue)}`;
  const table = part(`Fakturakedja (${statusLabel(invoice.chainStatus)}, ${standing})`,
    [["Nummer"], ["Typ"], ["Datum"], ["Belopp", "num"], ["Avser"], ["Status"]],
    chain.map((document) => el("tr", {},
      el("td", { className: "nowrap" }, document.number, document.number === invoice.number ? " (denna)" : ""),
      el("td", {}, document.kind === "credit-note" ? "kreditfaktura" : document.corrects ? "tilläggsfaktura" : "faktura"),
      el("td", { className: "nowrap" }, formatDate(document.issueDate)),
      el("td", { className: "num" }, formatMoney(document.amount)),
      el("td", {}, document.corrects ?? ""),
      el("td", {}, statusLabel(document.status)))),
    "");
  return table;
}

function linesTable(lines) {
  return part("Fakturarader", [["Beskrivning"], ["Belopp", "num"]],
    lines.map((line) => el("tr", {}, el("td", {}, line.description), el("td", { className: "num" }, formatMoney(line.amount)))),
    "Fakturan har inga rader.");
}

function paymentsTable(payments) {
  return part("Betalningar",
    [["Betaldag"], ["Belopp", "num"], ["Källa"], ["Bankens referens"], ["Status"], ["Anteckning"], ["Bokförd"]],
    payments.map((payment) => el("tr", {},
      el("td", { className: "nowrap" }, formatDate(payment.paidOn)),
      el("td", { className: "num" }, formatMoney(payment.amount)),
      el("td", {}, payment.source === "manual" ? "manuell" : payment.source, payment.fileId && " ",
        payment.fileId && bankFileLink(payment.fileId, "Bankfil", `Ladda ner bankfilen ${payment.source}`)),
      // A manual payment's entry reference is the ledger's own key, not the bank's: nothing to read there.
      el("td", { className: "mono" }, payment.source === "manual" ? "–" : payment.entryReference ?? ""),
      el("td", { className: "nowrap" }, `${statusLabel(payment.statusBefore)} → ${statusLabel(payment.statusAfter)}`),
      el("td", {}, payment.note ?? "", FLAG_LABELS[payment.flag] && el("strong", { className: "flag" }, FLAG_LABELS[payment.flag]),
        payment.paidInAdvance && el("strong", { className: "flag" }, "betald före fakturadatum")),
      el("td", { className: "nowrap" }, formatTimestamp(payment.bookedAt)))),
    "Inga betalningar har bokförts.");
}

function remindersTable(reminders) {
  return part("Påminnelser", [["Påminnelse"], ["Datum"], ["Ny förfallodag"], ["Belopp", "num"], ["PDF"]],
    reminders.map((reminder) => el("tr", {},
      el("td", {}, `nr ${reminder.level}`),
      el("td", { className: "nowrap" }, formatDate(reminder.remindedOn)),
      el("td", { className: "nowrap" }, formatDate(reminder.newDueDate)),
      el("td", { className: "num" }, formatMoney(reminder.amount)),
      el("td", {}, el("a", { className: "button secondary", href: reminder.pdf, dataset: { download: "" } }, `Ladda ner påminnelse ${reminder.level} (PDF)`)))),
    "Inga påminnelser har skickats.");
}

/**
 * Only for people who may book; for a reader the forms are not in the page at all. A payment can always be booked;
 * a refund only while money is owed back; a void only on an invoice that still asks for something.
 */
function renderFinanceForms(invoice) {
  const host = $("dialog-payment");
  host.replaceChildren();
  if (!state.me?.canBook || invoice.kind !== "invoice") return;
  host.append($("payment-form-template").content.cloneNode(true));
  const form = $("payment-form");
  form.elements.date.value = todayInSweden();
  $("payment-hint").replaceChildren(paymentHint(invoice));
  form.addEventListener("submit", action(bookPayment));
  if (invoice.refundOwed > 0) {
    host.append($("refund-form-template").content.cloneNode(true));
    const refund = $("refund-form");
    refund.elements.amount.value = formatMoney(invoice.refundOwed).replace(`${NBSP}kr`, "");
    refund.elements.date.value = todayInSweden();
    $("refund-hint").textContent = shown(`Att återbetala: ${formatMoney(invoice.refundOwed)}. Bokför det som har betalats ut till ${invoice.debtorName}.`);
    refund.addEventListener("submit", action(bookRefund));
  }
  if (invoice.status !== "Credited" && invoice.amount > invoice.credited) {
    host.append($("void-form-template").content.cloneNode(true));
    $("void-form").addEventListener("submit", action(voidInvoice));
  }
}

const paymentHint = (invoice) =>
  `Kvar att betala: ${formatMoney(invoice.amountDue)}. Skriv beloppet som 43 035,00 och betaldagen som 2026-11-20.`;

async function bookPayment(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const number = state.openNumber;
  const submit = form.querySelector("button[type=submit]");
  submit.disabled = true;
  try {
    const body = {
      // The API reads "43035,00"; people type "43 035,00 kr".
      amount: form.elements.amount.value.replace(/kr/gi, "").replace(/\s/g, ""),
      date: form.elements.date.value,
      note: form.elements.note.value.trim() || undefined,
    };
    const response = await request(`${invoicePath(number)}/payments`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const result = await response.json();
    form.reset();
    form.elements.date.value = todayInSweden();
    await Promise.all([refreshDetails(number), loadInvoices()]);
    const flag = FLAG_LABELS[result.flag] ? ` Obs: ${FLAG_LABELS[result.flag]}.` : "";
    showStatus(result.booked
      ? `Betalningen bokfördes: ${statusLabel(result.statusBefore)} → ${statusLabel(result.statusAfter)}.${flag}`
      : "Den betalningen var redan bokförd; ingenting ändrades.");
  } finally {
    submit.disabled = false;
  }
}

/** Posts one of finance's changes as JSON, refreshes the dialog and the list, and returns the answer. */
async function post(form, path, body) {
  const submit = form.querySelector("button[type=submit]");
  submit.disabled = true;
  try {
    const response = await request(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const result = await response.json();
    await Promise.all([refreshDetails(state.openNumber), loadInvoices()]);
    return result;
  } finally {
    submit.disabled = false;
  }
}

async function bookRefund(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const result = await post(form, `${invoicePath(state.openNumber)}/refunds`, {
    amount: form.elements.amount.value.replace(/kr/gi, "").replace(/\s/g, ""),
    date: form.elements.date.value,
    reference: form.elements.reference.value.trim(),
  });
  if (result.state === "Proposed") return showProposed();
  showStatus(result.booked
    ? `Återbetalningen bokfördes: ${statusLabel(result.statusBefore)} → ${statusLabel(result.statusAfter)}; kvar att återbetala ${formatMoney(result.invoice.refundOwed)}.`
    : "Den återbetalningen var redan bokförd; ingenting ändrades.");
}

/**
 * E-mails the party its statement of today through the outbox, after a Swedish confirmation: once a day, so a second
 * press the same day says the statement was queued already and sends nothing.
 */
async function sendStatement(button) {
  const { party, partyName } = button.dataset;
  if (!window.confirm(shown(`Skicka dagens kontoutdrag för ${partyName} (${state.scheme} ${state.year}) med e-post till kundens fakturaadress?`))) return;
  button.disabled = true;
  try {
    const response = await request(`${yearPath()}/parties/${enc(party)}/statement/send`, { method: "POST" });
    const result = await response.json();
    showStatus(result.queuedNow
      ? `Kontoutdraget per ${result.asOf} för ${result.partyName} ligger i utkorgen till ${result.to} och skickas vid nästa utskick.`
      : `Kontoutdraget per ${result.asOf} för ${result.partyName} lades redan i utkorgen i dag; inget nytt skickades.`);
  } finally {
    button.disabled = false;
  }
}

async function voidInvoice(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const result = await post(form, `${invoicePath(state.openNumber)}/void`, { reason: form.elements.reason.value.trim() });
  if (result.state === "Proposed") return showProposed();
  const owed = result.invoice.refundOwed > 0 ? ` Att återbetala: ${formatMoney(result.invoice.refundOwed)}.` : "";
  showStatus(`Fakturan makulerades med kreditfaktura ${result.creditNote.number} (${formatMoney(result.creditNote.amount)}).${owed}`);
}

/** Focus goes back to the row's own button; the list may have been redrawn while the dialog was open. */
function onDialogClose() {
  const number = state.openNumber;
  state.openNumber = null;
  $("dialog-alert").textContent = "";
  $("dialog-status").textContent = "";
  const opener = number && document.querySelector(`button[data-open="${CSS.escape(number)}"]`);
  (opener || $("invoices-heading")).focus();
}

// ---- Bank files ----------------------------------------------------------------------------------------

async function uploadBankFile(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const file = form.elements.file.files[0];
  if (!file) throw new Error("Välj en fil att läsa in.");
  if (file.size > MAX_UPLOAD_BYTES) throw new Error(`Filen ${file.name} är större än 5 MiB och kan inte läsas in.`);
  const data = new FormData();
  data.append("file", file, file.name);
  const submit = form.querySelector("button[type=submit]");
  submit.disabled = true;
  try {
    const report = await (await request("/api/bank-files", { method: "POST", body: data })).json();
    form.reset();
    await Promise.all([loadInvoices(), loadUnmatched(), loadBankFiles()]);
    const notes = [
      report.samePayment > 0 && `${report.samePayment} samma betalning som i en fil i det andra formatet (inte bokförda igen)`,
      report.outgoing + report.notBooked > 0 && `ej bokförda: ${report.outgoing} utgående, ${report.notBooked} ännu inte bokförda av banken eller bara för information`,
      report.paidInAdvance > 0 && `${report.paidInAdvance} betalda före fakturadatum – kontrollera med betalaren`,
      report.notOurs > 0 && `${report.notOurs} inte våra (kontots andra fordringar: giltiga OCR-nummer av annan form än våra fakturors), kvar i den sparade filen men varken bokförda eller listade`,
    ].filter(Boolean);
    const file = report.file;
    const archived = !file ? ""
      : file.imports > 1 ? ` Filen var redan inläst ${formatTimestamp(file.importedAt)} av ${file.importedBy} och är sparad sedan dess.`
      : " Filen är sparad oförändrad under Inlästa bankfiler.";
    showStatus(`${report.source} (${report.format}): ${report.booked} bokförda, ${report.alreadyBooked} redan bokförda, ` +
      `${report.unmatched} utan matchande faktura, ${report.alreadyUnmatched} redan kända utan matchning.` +
      (notes.length > 0 ? ` ${notes.join("; ")}.` : "") + archived);
  } finally {
    submit.disabled = false;
  }
}

// ---- Archived bank files --------------------------------------------------------------------------------

/** A download of an archived bank file: fetched with the key like every download, saved under its own name. */
function bankFileLink(id, text, label) {
  return el("a", { className: "button secondary", href: `/api/payments/files/${enc(id)}`, "aria-label": label, dataset: { download: "" } }, text);
}

async function loadBankFiles() {
  const files = await getJson("/api/payments/files");
  $("bank-files-rows").replaceChildren(...files.map(bankFileRow));
  labelCells($("bank-files-rows"));
  $("bank-files-count").textContent = `${files.length} ${files.length === 1 ? "bankfil" : "bankfiler"}, var och en sparad en gång`;
  $("bank-files-empty").hidden = files.length > 0;
}

function bankFileRow(file) {
  const counts = file.counts;
  const again = file.imports > 1 ? ` (inläst ${file.imports} gånger)` : "";
  return el("tr", { dataset: { file: file.id } },
    el("th", { scope: "row" }, file.fileName, again),
    el("td", { className: "nowrap" }, formatTimestamp(file.importedAt)),
    el("td", { className: "nowrap" }, file.formatName),
    el("td", {}, ENTRANCE_LABELS[file.entrance] ?? file.entrance),
    el("td", {}, file.importedBy),
    el("td", { className: "num" }, formatCount(counts.entries)),
    el("td", { className: "num" }, formatCount(counts.booked)),
    el("td", { className: "num" }, formatCount(counts.unmatched + counts.alreadyUnmatched)),
    el("td", { className: "mono hash" }, file.sha256),
    el("td", { className: "actions" }, bankFileLink(file.id, "Hämta", `Hämta bankfilen ${file.fileName} inläst ${formatTimestamp(file.importedAt)}`)));
}

// ---- Changes waiting for a second finance user (four eyes) ---------------------------------------------

async function loadProposals() {
  const proposals = (await getJson("/api/proposals")).filter((p) => p.state === "Proposed");
  $("proposals-rows").replaceChildren(...proposals.map(proposalRow));
  labelCells($("proposals-rows"));
  $("proposals-count").textContent = `${proposals.length} ${proposals.length === 1 ? "ändring väntar" : "ändringar väntar"} på godkännande`;
  $("proposals-empty").hidden = proposals.length > 0;
}

/** What a proposal is about, what it does, and how a button names it: one entry per kind. */
function describeProposal(p) {
  switch (p.kind) {
    case "void":
      return { subject: `Faktura ${p.invoice}`, what: `Makulering: ${p.reason}`, which: `makuleringen av faktura ${p.invoice}` };
    case "refund":
      return { subject: `Faktura ${p.invoice}`, what: `Återbetalning ${formatDate(p.paidOn)}: ${p.reason}`, which: `återbetalningen av faktura ${p.invoice}` };
    case "budget-approval":
      return { subject: `Budget ${p.year}`, what: `Godkännande, beslut ${formatDate(p.decidedOn)}: ${p.reason}`, which: `godkännandet av budget ${p.year}` };
    default:
      return { subject: `Period ${p.month}`, what: `Öppna igen: ${p.reason}`, which: `återöppningen av ${p.month}` };
  }
}

function proposalRow(proposal) {
  const { subject, what, which } = describeProposal(proposal);
  return el("tr", { dataset: { proposal: proposal.id } },
    el("td", { className: "nowrap" }, subject),
    el("td", {}, what),
    el("td", { className: "num" }, proposal.amount == null ? "" : formatMoney(proposal.amount)),
    el("td", {}, proposal.proposedBy),
    el("td", { className: "nowrap" }, formatTimestamp(proposal.proposedAt)),
    el("td", { className: "actions" }, state.me?.canBook
      ? el("span", {},
        el("button", { type: "button", className: "secondary", dataset: { decide: "confirm", id: proposal.id }, "aria-label": `Godkänn ${which}` }, "Godkänn"),
        " ",
        el("button", { type: "button", className: "secondary", dataset: { decide: "reject", id: proposal.id }, "aria-label": `Avvisa ${which}` }, "Avvisa"))
      : ""));
}

async function decideProposal(event) {
  const button = event.target.closest("button[data-decide]");
  if (!button) return;
  button.disabled = true;
  try {
    const response = await request(`/api/proposals/${enc(button.dataset.id)}/${button.dataset.decide}`, { method: "POST" });
    const result = await response.json();
    await Promise.all([loadInvoices(), loadProposals(), loadPeriods()]);
    showStatus(button.dataset.decide === "confirm"
      ? `Godkänd: ${confirmedOutcome(result)}.`
      : "Förslaget avvisades; ingenting ändrades.");
  } finally {
    button.disabled = false;
  }
}

/** What a confirmed proposal did, in the page's words (the proposal's own outcome is the terminal's English). */
function confirmedOutcome(result) {
  const p = result.proposal;
  switch (p.kind) {
    case "void":
      return `faktura ${p.invoice} är makulerad${result.creditNote ? ` med kreditfaktura ${result.creditNote.number}` : ""}`;
    case "refund":
      return `återbetalningen på faktura ${p.invoice} är bokförd`;
    case "budget-approval":
      return `budgeten för ${p.year} är godkänd`;
    default:
      return `${p.month} är öppnad igen`;
  }
}

/** A change made as a proposal (HTTP 202): nothing changed yet. */
function showProposed() {
  showStatus(`Förslaget väntar på att en annan ekonom godkänner det (fyra ögon); ingenting har ändrats ännu.`);
  return loadProposals();
}

// ---- A budget's approval -------------------------------------------------------------------------------

/** The approval form names the scheme and year it approves: the ones chosen above. */
function showBudgetHint() {
  const hint = document.getElementById("budget-approval-hint");
  if (hint) hint.textContent = shown(`Budgeten för ${state.scheme} ${state.year}, som budgetmötet beslutade den. Med fyra ögon godkänns den först när en annan ekonom bekräftar.`);
}

/** Approves the chosen year's draft budget as decided (with four eyes on, a proposal another finance user confirms). */
async function approveBudget(event) {
  event.preventDefault();
  const response = await request(`${yearPath()}/budget/approve`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ decidedOn: $("budget-decided-on").value, reference: $("budget-reference").value.trim() }),
  });
  if (response.status === 202) {
    await showProposed();
    return;
  }
  const approved = await response.json();
  await loadInvoices();
  showStatus(`Budgeten för ${approved.scheme} ${approved.year} är godkänd (intäkter ${formatMoney(approved.totalIncome)}); fakturorna skapas vid nästa körning.`);
}

// ---- Closed months of the books ------------------------------------------------------------------------

const periodsPath = () => `/api/schemes/${enc(state.scheme)}/periods`;

async function loadPeriods() {
  const periods = await getJson(periodsPath());
  const closed = periods.filter((p) => p.state === "closed").length;
  $("periods-rows").replaceChildren(...periods.map(periodRow));
  labelCells($("periods-rows"));
  $("periods-count").textContent = `${closed} ${closed === 1 ? "stängd månad" : "stängda månader"} · ${state.scheme}`;
  $("periods-empty").hidden = periods.length > 0;
}

function periodRow(period) {
  const closed = period.state === "closed";
  return el("tr", { dataset: { month: period.month } },
    el("th", { scope: "row", className: "nowrap" }, period.month),
    el("td", {}, closed ? "Stängd" : "Öppnad igen"),
    el("td", {}, period.closedBy ?? ""),
    el("td", { className: "nowrap" }, period.closedAt ? formatTimestamp(period.closedAt) : ""),
    el("td", {}, closed ? period.note ?? "" : `Öppnad igen av ${period.reopenedBy}: ${period.reopenReason}`));
}

/** Closes the chosen month, or reopens it (with four eyes on, a proposal another finance user confirms). */
async function changePeriod(event) {
  event.preventDefault();
  const which = event.submitter?.dataset.period ?? "close";
  const month = $("period-month").value;
  const text = $("period-text").value.trim();
  const body = which === "close" ? { note: text || null } : { reason: text };
  const response = await request(`${periodsPath()}/${enc(month)}/${which}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (response.status === 202) {
    await showProposed();
    return;
  }
  await loadPeriods();
  showStatus(which === "close"
    ? `${month} är stängd: det som bokförs med datum i den bokförs nu på första öppna dag.`
    : `${month} är öppnad igen.`);
}

// ---- Payments that matched no invoice -------------------------------------------------------------------

async function loadUnmatched() {
  const payments = await getJson("/api/payments/unmatched");
  $("unmatched-rows").replaceChildren(...payments.map(unmatchedRow));
  labelCells($("unmatched-rows"));
  $("unmatched-count").textContent = `${payments.length} ${payments.length === 1 ? "betalning" : "betalningar"} att bokföra för hand`;
  $("unmatched-empty").hidden = payments.length > 0;
}

const suggestionText = (suggested) => (suggested ? `${suggested.number} (${suggested.debtorName})` : "");

function unmatchedRow(payment) {
  return el("tr", { dataset: { unmatched: payment.id } },
    el("td", { className: "nowrap" }, formatDate(payment.date)),
    el("td", { className: "num" }, formatMoney(payment.amount)),
    el("td", { className: "mono" }, payment.reference ?? ""),
    el("td", {}, payment.payerName ?? ""),
    el("td", {}, (payment.texts ?? []).join(" / ")),
    // The API's reason is the terminal's English; the page shows the Swedish one, or (on an entry listed before the
    // import recorded one) says in Swedish that the import could not match it, rather than show English.
    el("td", {}, payment.swedishReason ?? "Matchade ingen faktura vid inläsningen."),
    el("td", { className: "nowrap" }, suggestionText(payment.suggested)),
    el("td", { className: "actions" }, state.me?.canBook ? bookingForm(payment) : ""));
}

/** For people who may book: the invoice to book it on, the suggestion filled in, booked only when they confirm. */
function bookingForm(payment) {
  const which = `betalningen ${formatDate(payment.date)} på ${formatMoney(payment.amount)}`;
  const input = el("input", {
    name: "invoice", inputmode: "numeric", autocomplete: "off", pattern: "[0-9]{9}", required: true, size: 10,
    placeholder: "202600014", "aria-label": `Fakturanummer för ${which}`,
  });
  input.value = payment.suggested?.number ?? "";
  return el("form", { className: "inline-booking", dataset: { book: payment.id } },
    input,
    el("button", { type: "submit", className: "secondary", "aria-label": `Bokför ${which}` }, "Bokför"));
}

async function bookUnmatched(event) {
  const form = event.target.closest("form[data-book]");
  if (!form) return;
  event.preventDefault();
  const submit = form.querySelector("button[type=submit]");
  submit.disabled = true;
  try {
    const invoice = form.elements.invoice.value.trim();
    const response = await request(`/api/payments/unmatched/${enc(form.dataset.book)}/book`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ invoice }),
    });
    const result = await response.json();
    await Promise.all([loadInvoices(), loadUnmatched()]);
    const flag = FLAG_LABELS[result.flag] ? ` (${FLAG_LABELS[result.flag]})` : "";
    showStatus(`Bokförd på faktura ${invoice}: ${statusLabel(result.statusBefore)} → ${statusLabel(result.statusAfter)}${flag}.`);
  } finally {
    submit.disabled = false;
  }
}

// ---- Start ---------------------------------------------------------------------------------------------

/** Scheme and year come from the form; they are kept in the address so a reload or a shared link shows the same. */
function readSelection() {
  state.scheme = $("scheme").value.trim();
  state.year = $("year").value.trim();
  const address = new URL(location.href);
  address.searchParams.set("scheme", state.scheme);
  address.searchParams.set("year", state.year);
  history.replaceState(null, "", address);
  updateDownloadLinks();
  showBudgetHint();
}

async function showSelection() {
  clearMessages();
  readSelection();
  if (isMember()) return loadIdentity();
  await Promise.all([loadInvoices(), loadPeriods()]);
}

async function start() {
  clearMessages();
  readSelection();
  await loadIdentity();
  if (isMember()) return;
  await Promise.all([loadInvoices(), loadUnmatched(), loadBankFiles(), loadProposals(), loadPeriods()]);
}

async function saveKey(event) {
  event.preventDefault();
  const key = $("api-key").value.trim();
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
  await start();
  if (!isMember()) showStatus(key ? "API-nyckeln används i den här fliken." : "Ingen API-nyckel används.");
}

function init() {
  const params = new URLSearchParams(location.search);
  if (params.get("scheme")) $("scheme").value = params.get("scheme");
  if (params.get("year")) $("year").value = params.get("year");
  const today = new Date();
  $("sie-month").value = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}`;
  $("api-key").value = apiKey();

  $("key-form").addEventListener("submit", action(saveKey));
  $("filters").addEventListener("submit", action(async (event) => {
    event.preventDefault();
    await showSelection();
  }));
  // Status and "overdue only" narrow the shown list at once; a typed scheme or year waits for "Visa".
  const refilter = action(async () => {
    clearMessages();
    await loadInvoices();
  });
  $("status-filter").addEventListener("change", refilter);
  $("overdue-filter").addEventListener("change", refilter);
  $("sie-month").addEventListener("change", updateDownloadLinks);
  $("invoice-rows").addEventListener("click", action(async (event) => {
    const button = event.target.closest("button[data-open]");
    if (button) await openInvoice(button.dataset.open);
  }));
  document.addEventListener("click", action(async (event) => {
    const link = event.target.closest("a[data-download]");
    if (!link) return;
    event.preventDefault();
    await download(link);
  }));
  $("unmatched-rows").addEventListener("submit", action(bookUnmatched));
  $("proposals-rows").addEventListener("click", action(decideProposal));
  $("dialog-details").addEventListener("click", action(async (event) => {
    const button = event.target.closest("button#send-statement");
    if (button) await sendStatement(button);
  }));
  $("dialog-close").addEventListener("click", () => $("invoice-dialog").close());
  $("invoice-dialog").addEventListener("close", onDialogClose);

  action(start)();
}

init();
