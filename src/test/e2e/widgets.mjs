// The widgets embedded with one script tag by a site of another origin (a small HTTP server of this test on
// http://localhost:PARLEY_E2E_SITE_PORT, an origin the test server lists in parley.web.origins), driven
// together with WidgetsBrowserIT, which runs the Smack side. Lines starting with "@@" are the signals the
// IT waits for:
//   online:  the page shows the online users of the domain; "@@ READY" -> the IT logs WIDGET_PEER in ->
//            the page shows it, a click on it opens the chat box with it ("@@ SEEN") -> the IT logs it
//            out -> the page no longer shows it; the iframe form on the site shows the online users too.
//   roster:  the same with data-mode="roster" for the viewer WIDGET_VIEWER, whose contact WIDGET_PEER is:
//            the widget logs in (chat box session) and shows the contacts that are online.
//   chatbox: the page's chat box logs in through the site's credentials endpoint (a token from
//            POST /api/v1/tokens); "@@ LOGGED-IN <jid>" -> the IT sends a message from Smack -> it shows in the
//            box -> a reply typed into the box -> "@@ REPLIED" (the IT checks that Smack received it).
import { createServer } from 'node:http';
import { BASE, DOMAIN, TIMEOUT, createAccount, expect, loginToken, run, step, userPage } from './lib.mjs';

const CASE = process.env.WIDGET_CASE || 'online';
const PEER = process.env.WIDGET_PEER;          // the Smack client's bare JID (online case)
const SITE_PORT = Number(process.env.PARLEY_E2E_SITE_PORT || 18081);
const PARLEY_ORIGIN = new URL(BASE).origin;

const TAGS = {
    online: `<script src="${BASE}/widgets/online-users.js" data-domain="${DOMAIN}" data-credentials-url="/xmpp/credentials" defer></script>`,
    roster: `<script src="${BASE}/widgets/online-users.js" data-mode="roster" data-credentials-url="/xmpp/credentials" defer></script>`,
    iframe: `<iframe src="${BASE}/widgets/online-users.html?domain=${DOMAIN}&chat=none" width="300" height="300"></iframe>`,
    chatbox: `<script src="${BASE}/widgets/chat-box.js" data-credentials-url="/xmpp/credentials" defer></script>`,
};

function sitePage(widget) {
    const tag = TAGS[widget];
    return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>A site</title></head>
<body><h1>A site with Parley widgets</h1>${tag}</body></html>`;
}

/** "/?widget=..." embeds a widget; "/xmpp/credentials" answers for the user logged in to the site (cookie). */
async function startSite() {
    const server = createServer(async (req, res) => {
        const url = new URL(req.url, 'http://site');
        try {
            if (url.pathname === '/') {
                res.writeHead(200, { 'Content-Type': 'text/html' }).end(sitePage(url.searchParams.get('widget')));
            } else if (url.pathname === '/favicon.ico') {
                res.writeHead(204).end();
            } else if (url.pathname === '/xmpp/credentials') {
                const jid = decodeURIComponent((req.headers.cookie || '').replace(/^.*user=([^;]*).*$/, '$1'));
                const t = await loginToken(jid); // server to server, with the site's admin credentials
                res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
                    .end(JSON.stringify({ jid: t.jid, password: t.password }));
            } else {
                res.writeHead(404).end();
            }
        } catch (e) {
            res.writeHead(500).end(String(e));
        }
    });
    await new Promise((resolve, reject) => server.once('error', reject).listen(SITE_PORT, '127.0.0.1', resolve));
    return { server, origin: `http://localhost:${SITE_PORT}` };
}

async function openSite(user, site, widget) {
    user.jid = process.env.WIDGET_VIEWER || await createAccount(`viewer${widget}`);
    user.origins = new Set();
    user.page.on('request', (r) => user.origins.add(new URL(r.url()).origin));
    await user.context.addCookies([{ name: 'user', value: encodeURIComponent(user.jid), url: site.origin }]);
    await user.page.goto(`${site.origin}/?widget=${widget}`);
}

function signal(text) {
    console.log(`@@ ${text}`);
}

async function onlineUsers(browser, screenshotsOf, site, mode) {
    const viewer = await userPage(browser, `online-users-${mode}`);
    screenshotsOf([viewer]);
    const entry = viewer.page.locator(`.parley-online-users li[data-jid="${PEER}"]`);
    await step(`the site shows the online ${mode === 'roster' ? 'contacts of the viewer' : 'users of the domain'}`, async () => {
        await openSite(viewer, site, mode);
        await viewer.page.locator('.parley-online-users[data-state="ready"]').waitFor();
        expect(await entry.count() === 0, `${PEER} is not online yet`);
    });
    signal('READY');
    await step(`${PEER} appears when it logs in`, async () => {
        await entry.waitFor({ timeout: TIMEOUT * 2 });
    });
    await step('a click on the user opens the chat box with that user, logged in as the viewer', async () => {
        await entry.click();
        const box = viewer.page.locator('.parley-chatbox.open');
        await box.waitFor();
        expect(await viewer.page.locator('.parley-chatbox-peers').inputValue() === PEER, 'the conversation with the user');
        await viewer.page.locator('.parley-chatbox[data-state="online"]').waitFor();
    });
    signal('SEEN');
    await step(`${PEER} disappears when it logs out`, async () => {
        await entry.waitFor({ state: 'detached', timeout: TIMEOUT * 2 });
    });
    if (mode === 'online') {
        await step('the same list in an iframe (online-users.html) on the site', async () => {
            await viewer.page.goto(`${site.origin}/?widget=iframe`);
            const frame = viewer.page.frameLocator('iframe');
            await frame.locator('.parley-online-users[data-state="ready"]').waitFor();
            const admin = process.env.PARLEY_ADMIN_JID || `admin@${DOMAIN}`; // the IT's fixture session
            await frame.locator(`.parley-online-users li[data-jid="${admin}"]`).waitFor();
        });
    }
    await step('nothing was loaded from elsewhere', async () => {
        const others = [...viewer.origins].filter((o) => o !== site.origin && o !== PARLEY_ORIGIN && !o.startsWith('ws'));
        expect(others.length === 0, `requests only to the site and Parley, also to: ${others.join(', ')}`);
    });
}

async function chatBox(browser, screenshotsOf, site) {
    const user = await userPage(browser, 'chat-box');
    screenshotsOf([user]);
    await step('the chat box logs in through the site\'s credentials endpoint', async () => {
        await openSite(user, site, 'chatbox');
        await user.page.locator(`.parley-chatbox[data-state="online"]`).waitFor();
    });
    signal(`LOGGED-IN ${user.jid}`);
    await step('a message from the Smack client shows in the box', async () => {
        await user.page.locator('.parley-chatbox .parley-msg-in', { hasText: 'hello from smack' })
            .waitFor({ timeout: TIMEOUT * 2 });
        expect(await user.page.locator('.parley-chatbox.open').count() === 1, 'the box opened for the message');
    });
    await step('a reply typed into the box', async () => {
        await user.page.locator('.parley-chatbox-input').fill('hello from the widget');
        await user.page.locator('.parley-chatbox-input').press('Enter');
        await user.page.locator('.parley-chatbox .parley-msg-out', { hasText: 'hello from the widget' }).waitFor();
    });
    signal('REPLIED');
}

await run(`widgets-${CASE}`, async (browser, screenshotsOf) => {
    const site = await startSite();
    try {
        if (CASE === 'online' || CASE === 'roster') {
            expect(PEER, 'WIDGET_PEER is set');
            await onlineUsers(browser, screenshotsOf, site, CASE);
        } else {
            await chatBox(browser, screenshotsOf, site);
        }
    } finally {
        site.server.close();
    }
});
