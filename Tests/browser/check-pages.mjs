// Drives headless Chromium over the DevTools protocol against a running `stackplan serve`.
// Usage: node --experimental-websocket check-pages.mjs BASE_URL HOSTILE_CUSTOMER_ID
// Fails (exit 1) on any console message, uncaught exception, browser log error (CSP violations,
// failed loads) or HTTP error for a page or its assets, and on any failed check below.
import { spawn } from "node:child_process";

const [base, hostileId] = process.argv.slice(2);
const failures = [];
const fail = (message) => { failures.push(message); console.error("FAIL " + message); };

const chromium = spawn("chromium", [
  "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-port=0", "about:blank",
], { stdio: ["ignore", "ignore", "pipe"] });
const endpoint = await new Promise((resolve, reject) => {
  let text = "";
  chromium.stderr.on("data", (chunk) => {
    text += chunk;
    const match = text.match(/DevTools listening on (ws:\/\/\S+)/);
    if (match) resolve(match[1]);
  });
  setTimeout(() => reject(new Error("chromium did not start: " + text)), 30000);
});

const socket = new WebSocket(endpoint);
await new Promise((resolve) => socket.addEventListener("open", resolve));
let nextId = 1;
const pending = new Map();
const listeners = [];
socket.addEventListener("message", (event) => {
  const message = JSON.parse(event.data);
  if (message.id && pending.has(message.id)) {
    const { resolve, reject } = pending.get(message.id);
    pending.delete(message.id);
    message.error ? reject(new Error(JSON.stringify(message.error))) : resolve(message.result);
  } else {
    for (const listener of listeners) listener(message);
  }
});
const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
  const id = nextId++;
  pending.set(id, { resolve, reject });
  socket.send(JSON.stringify({ id, method, params, sessionId }));
});

const { targetId } = await send("Target.createTarget", { url: "about:blank" });
const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
for (const domain of ["Page", "Runtime", "Log", "Network"]) await send(domain + ".enable", {}, sessionId);

let problems = [];
listeners.push((message) => {
  if (message.sessionId !== sessionId) return;
  const params = message.params || {};
  switch (message.method) {
    case "Runtime.consoleAPICalled":
      problems.push(`console.${params.type}: ${(params.args || []).map((a) => a.value).join(" ")}`); break;
    case "Runtime.exceptionThrown":
      problems.push("exception: " + (params.exceptionDetails?.exception?.description || params.exceptionDetails?.text)); break;
    case "Log.entryAdded":
      if (params.entry.level === "error" || params.entry.level === "warning") problems.push("log: " + params.entry.text);
      break;
    case "Network.responseReceived":
      if (params.response.status >= 400) problems.push(`HTTP ${params.response.status} for ${params.response.url}`);
      break;
  }
});

async function open(path) {
  problems = [];
  const loaded = new Promise((resolve) => {
    const listener = (message) => {
      if (message.method === "Page.loadEventFired" && message.sessionId === sessionId) {
        listeners.splice(listeners.indexOf(listener), 1);
        resolve();
      }
    };
    listeners.push(listener);
  });
  await send("Page.navigate", { url: base + path }, sessionId);
  await loaded;
  await new Promise((resolve) => setTimeout(resolve, 150));  // late console messages
  for (const problem of problems) fail(`${path}: ${problem}`);
}
const evaluate = async (expression) =>
  (await send("Runtime.evaluate", { expression, returnByValue: true }, sessionId)).result.value;

// Every page loads with no console message, exception, CSP violation or failed load.
const pages = ["/", "/steps?standing=overdue", "/steps?standing=at-risk", "/incidents", "/incidents?state=missed",
  "/catalog", "/catalog/calico", "/releases", "/releases/eks", "/review/2026-Q4"];
const customers = await (await fetch(base + "/api/v1/forecast")).json();
for (const customer of customers.customers) pages.push("/customers/" + encodeURIComponent(customer.id));
for (const path of pages) {
  await open(path);
  const title = await evaluate("document.querySelector('h1') && document.querySelector('h1').textContent");
  if (!title) fail(`${path}: no heading`);
}

// The portfolio lists every example customer, by name, linked to its page.
await open("/");
const listed = await evaluate(
  "Array.from(document.querySelectorAll('#portfolio tbody tr td:nth-child(2) a')).map(a => [a.textContent, a.getAttribute('href')])");
for (const customer of customers.customers) {
  if (!listed.some(([name, href]) => name === customer.name && href.startsWith("/customers/" + encodeURIComponent(customer.id))))
    fail(`portfolio does not list ${customer.id} (${customer.name})`);
}

// A drill-down link leads to the right clusters: the first customer with overdue steps.
const drill = await evaluate(`(() => {
  for (const row of document.querySelectorAll('#portfolio tbody tr')) {
    const link = row.querySelector('td:nth-child(6) a');
    if (link) return [row.querySelector('td:nth-child(2) a').getAttribute('href').split('?')[0].split('/').pop(), link.getAttribute('href'), Number(link.textContent)];
  }
  return null; })()`);
if (!drill) {
  fail("no overdue drill-down link on the portfolio");
} else {
  const [customerId, href, count] = drill;
  await send("Runtime.evaluate", { expression: `document.querySelector('a[href="${href}"]').click()` }, sessionId);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rows = await evaluate(
    "Array.from(document.querySelectorAll('#steps tbody tr')).map(r => [r.cells[0].textContent, r.cells[1].querySelector('a').getAttribute('href')])");
  if (rows.length !== count) fail(`drill-down for ${customerId}: ${rows.length} steps, the portfolio said ${count}`);
  const plan = await (await fetch(base + "/api/v1/plan?customer=" + encodeURIComponent(customerId))).json();
  const clusterNames = new Set(plan.clusters.map((c) => c.cluster));
  for (const [customer, link] of rows) {
    const cluster = decodeURIComponent(link.split("#cluster-")[1] || "");
    if (customer !== customerId || !clusterNames.has(cluster)) fail(`drill-down row ${customer}/${cluster} is not ${customerId}'s`);
  }
  // The cluster link lands on the customer's page at that cluster's row.
  if (rows.length) {
    await open(rows[0][1]);
    const found = await evaluate(`!!document.getElementById(decodeURIComponent(location.hash.slice(1)))`);
    if (!found) fail(`cluster anchor ${rows[0][1]} is not on the customer page`);
  }
}

// An injected <script> in a customer name stays text.
await open("/customers/" + encodeURIComponent(hostileId));
const heading = await evaluate("document.querySelector('h1').textContent");
const scripts = await evaluate("Array.from(document.scripts).map(s => s.getAttribute('src'))");
if (!heading.includes("<script>")) fail(`the hostile name is not shown as text: ${heading}`);
if (scripts.length !== 1 || scripts[0] !== "/assets/app.js") fail(`unexpected scripts: ${JSON.stringify(scripts)}`);

// The progressive filter hides rows as you type (the form works without it).
await open("/catalog");
const visible = await evaluate(`(() => {
  const input = document.querySelector('input[data-filter]');
  input.value = 'calico';
  input.dispatchEvent(new Event('input'));
  return Array.from(document.querySelectorAll('#catalog tbody tr')).filter(r => !r.hidden).length; })()`);
if (visible !== 1) fail(`typing 'calico' left ${visible} catalog rows visible`);

socket.close();
chromium.kill();
console.log(`${pages.length} pages checked in Chromium; ${failures.length} failure(s)`);
process.exit(failures.length ? 1 : 0);
