// Helpers of the browser tests: the server's REST API, Chromium, steps with screenshots on failure.
// Settings come from the environment (ConverseBrowserIT passes them):
//   PARLEY_BASE_URL (http://127.0.0.1:18080), PARLEY_ADMIN_JID, PARLEY_ADMIN_PASSWORD,
//   E2E_OUT (folder for screenshots and logs), CHROMIUM (/usr/bin/chromium), E2E_HEADED=1 to watch,
//   E2E_DEBUG=1: converse logs at debug level (every stanza) and the tests print all of it;
//   E2E_BOSH_TRACE=1: every BOSH request and response as the browser saw them.
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export const BASE = (process.env.PARLEY_BASE_URL || 'http://127.0.0.1:18080').replace(/\/$/, '');
const ADMIN = process.env.PARLEY_ADMIN_JID || 'admin@localhost';
const ADMIN_PASSWORD = process.env.PARLEY_ADMIN_PASSWORD || 'parley-it-admin';
export const DOMAIN = ADMIN.slice(ADMIN.indexOf('@') + 1);
const OUT = process.env.E2E_OUT || 'target/e2e';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 20000);

const basic = 'Basic ' + Buffer.from(`${ADMIN}:${ADMIN_PASSWORD}`).toString('base64');

async function api(method, path, body) {
    const r = await fetch(BASE + path, {
        method,
        headers: { Authorization: basic, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, json: text ? JSON.parse(text) : null, text };
}

/** A fresh account (random local part with the given prefix); returns its JID. */
export async function createAccount(prefix) {
    const jid = `${prefix}${randomBytes(4).toString('hex')}@${DOMAIN}`;
    const r = await api('POST', '/api/v1/admin/users', { jid, password: randomBytes(16).toString('hex') });
    if (r.status !== 201) throw new Error(`creating ${jid}: HTTP ${r.status} ${r.text}`);
    return jid;
}

/** A web login token for jid (POST /api/v1/tokens): {jid, password, expiresAt}. */
export async function loginToken(jid) {
    const r = await api('POST', '/api/v1/tokens', { jid });
    if (r.status !== 201) throw new Error(`token for ${jid}: HTTP ${r.status} ${r.text}`);
    return r.json;
}

/** The server's sessions of an account (admin API): [{jid, account, transport, available, ...}]. */
export async function sessionsOf(account) {
    const r = await api('GET', '/api/v1/admin/sessions');
    if (r.status !== 200) throw new Error(`sessions: HTTP ${r.status} ${r.text}`);
    return r.json.filter((s) => s.account === account);
}

export function log(...args) {
    console.log(`[${new Date().toISOString().slice(11, 23)}]`, ...args);
}

export async function launch() {
    mkdirSync(OUT, { recursive: true });
    return chromium.launch({
        executablePath: CHROMIUM,
        headless: !process.env.E2E_HEADED,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
}

/**
 * A user's own browser context (own cookies, sessionStorage and IndexedDB) and page (1280x800 unless given),
 * with the page's errors and warnings in the test output, prefixed by the user's name.
 */
export async function userPage(browser, name, viewport = { width: 1280, height: 800 }) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    const user = { name, context, page, consoleErrors: [] };
    // converse logs every error answer (e.g. to PEP queries) as a console error: kept, and printed when
    // the test fails (everything is printed at once with E2E_DEBUG)
    page.on('console', (m) => {
        if (process.env.E2E_DEBUG) log(`${name} console.${m.type()}:`, m.text());
        else if (m.type() === 'error') user.consoleErrors.push(`[${new Date().toISOString().slice(11, 23)}] ${m.text()}`);
    });
    page.on('pageerror', (e) => log(`${name} PAGE ERROR:`, e.message));
    if (process.env.E2E_BOSH_TRACE) {
        // every BOSH request and answer (also those the page aborted: they show as failed)
        page.on('request', (r) => r.url().includes('/http-bind') && r.method() === 'POST' &&
            log(`${name} BOSH >>`, r.postData()));
        page.on('response', async (r) => r.url().includes('/http-bind') && r.request().method() === 'POST' &&
            log(`${name} BOSH <<`, r.status(), await r.text().catch((e) => `(no body: ${e.message})`)));
    }
    page.on('requestfailed', (r) => {
        const why = r.failure()?.errorText || '';
        if (!why.includes('ERR_ABORTED')) log(`${name} request failed:`, r.method(), r.url(), why);
    });
    return user;
}

let pagesForScreenshots = [];

/** Runs the test body; on failure saves a screenshot and the HTML of every user's page, exits 1. */
export async function run(testName, body) {
    const browser = await launch();
    let failed = false;
    try {
        await body(browser, (users) => { pagesForScreenshots = users; });
        for (const u of pagesForScreenshots) {
            if (u.consoleErrors.length) log(`${u.name}: ${u.consoleErrors.length} console errors (E2E_DEBUG=1 shows them)`);
        }
        log(`PASSED ${testName}`);
    } catch (e) {
        failed = true;
        log(`FAILED ${testName}: ${e.message || e}`);
        if (e.stack) log(e.stack.slice(e.stack.indexOf('\n    at ')));
        for (const u of pagesForScreenshots) {
            if (u.consoleErrors.length) {
                log(`${u.name}: last console errors of the page:`);
                u.consoleErrors.slice(-25).forEach((e) => console.log('   ', e.slice(0, 400)));
            }
            const file = join(OUT, `${testName}-${u.name}.png`);
            try {
                await u.page.screenshot({ path: file, fullPage: true, timeout: 5000 });
                writeFileSync(join(OUT, `${testName}-${u.name}.html`), await u.page.content());
                log(`screenshot: ${file}`);
            } catch (se) {
                log(`no screenshot of ${u.name}: ${se.message}`);
            }
        }
    } finally {
        await browser.close().catch(() => {});
    }
    process.exit(failed ? 1 : 0);
}

/** A named step: logged, and its name is part of the failure message. */
export async function step(name, fn) {
    log(`-- ${name}`);
    try {
        return await fn();
    } catch (e) {
        e.message = `step "${name}": ${e.message}`;
        throw e;
    }
}

export function expect(condition, message) {
    if (!condition) throw new Error(`expected: ${message}`);
}
