// A site on another origin embeds the chat with one script tag (embed.js, overlay mode) and has its own
// credentials endpoint, which asks Parley for a web login token: the documented integration. The site is a
// small HTTP server of this test (on loopback, as Chromium's local network checks want both sides in the same
// address space). One user per transport: converse loads from Parley across origins (CORS), logs in, and
// the page talks to nobody but the site and Parley. Then Parley's own sample page (/chat/sample.html).
import { createServer } from 'node:http';
import { BASE, createAccount, expect, loginToken, run, sessionsOf, step, userPage } from './lib.mjs';
import * as ui from './chat-ui.mjs';

const PARLEY_ORIGIN = new URL(BASE).origin;

function sitePage(transport) {
    return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>A site</title></head>
<body><h1>A site with chat</h1>
<script src="${BASE}/chat/embed.js" data-credentials-url="/xmpp/credentials" data-transport="${transport}" defer></script>
</body></html>`;
}

/** The site: "/" embeds the chat, "/xmpp/credentials" answers for the user logged in to the site (?user=). */
async function startSite() {
    const server = createServer(async (req, res) => {
        const url = new URL(req.url, 'http://site');
        try {
            if (url.pathname === '/') {
                res.writeHead(200, { 'Content-Type': 'text/html' }).end(sitePage(url.searchParams.get('transport')));
            } else if (url.pathname === '/xmpp/credentials') {
                // a real site knows its user from its session cookie; this one from a cookie set below
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
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    // "localhost" is another origin than Parley's 127.0.0.1 (and a secure context)
    return { server, origin: `http://localhost:${server.address().port}` };
}

async function openSite(user, site, jid, transport) {
    user.jid = jid;
    user.origins = new Set();
    user.page.on('request', (r) => user.origins.add(new URL(r.url()).origin));
    await user.context.addCookies([{ name: 'user', value: encodeURIComponent(jid), url: site.origin }]);
    await user.page.goto(`${site.origin}/?transport=${transport}`);
}

/** The "Chat" button opens the overlay's contact list (a click while converse is still connecting may be
 * re-rendered away: click again). */
async function openOverlay(user) {
    const roster = user.page.locator('converse-roster .controlbox-heading--contacts');
    for (let i = 0; i < 5 && !(await roster.isVisible()); i++) {
        await user.page.locator('button.toggle-controlbox').click().catch(() => {});
        await roster.waitFor({ timeout: 2000 }).catch(() => {});
    }
}

await run('embed', async (browser, screenshotsOf) => {
    const ws = await userPage(browser, 'site-websocket');
    const bosh = await userPage(browser, 'site-bosh');
    screenshotsOf([ws, bosh]);
    const wsJid = await createAccount('carol');
    const boshJid = await createAccount('dave');
    const site = await startSite();

    for (const [user, jid, transport] of [[ws, wsJid, 'websocket'], [bosh, boshJid, 'bosh']]) {
        await step(`${user.name}: the site's page shows the chat as an overlay`, async () => {
            await openSite(user, site, jid, transport);
            await user.page.locator('#conversejs.converse-overlayed').waitFor({ state: 'attached' });
            await user.page.locator('button.toggle-controlbox').waitFor(); // the "Chat" button in the corner
        });
        await step(`${user.name}: logged in through the site's credentials endpoint over ${transport}`, async () => {
            await openOverlay(user);
            await ui.waitLoggedIn(user);
            const sessions = await sessionsOf(jid);
            expect(sessions.length === 1 && sessions[0].transport === transport,
                `one ${transport} session on the server: ${JSON.stringify(sessions)}`);
        });
        await step(`${user.name}: nothing was loaded from elsewhere`, async () => {
            const others = [...user.origins].filter((o) => o !== site.origin && o !== PARLEY_ORIGIN
                && !o.startsWith('ws'));
            expect(others.length === 0, `requests only to the site and Parley, also to: ${others.join(', ')}`);
        });
    }
    site.server.close();

    const sample = await userPage(browser, 'sample-page');
    screenshotsOf([ws, bosh, sample]);
    const sampleJid = await createAccount('erin');
    await step('Parley\'s /chat/sample.html with a token in its address: overlay, default transport', async () => {
        sample.jid = sampleJid;
        const t = await loginToken(sampleJid);
        await sample.page.goto(`${BASE}/chat/sample.html?jid=${encodeURIComponent(sampleJid)}&token=${encodeURIComponent(t.password)}`);
        await sample.page.locator('#conversejs.converse-overlayed').waitFor({ state: 'attached' });
        await openOverlay(sample);
        await ui.waitLoggedIn(sample);
        const sessions = await sessionsOf(sampleJid);
        expect(sessions.length === 1 && sessions[0].transport === 'websocket',
            `one WebSocket session (the default): ${JSON.stringify(sessions)}`);
    });
});
