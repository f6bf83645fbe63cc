// Two fresh users chat in /chat, one over BOSH and one over WebSocket, both logged in with web login
// tokens: they become contacts, see each other online, exchange messages both ways and one sees the
// other typing. Then the BOSH user reloads the page: converse re-attaches to the same BOSH session
// (no new login: its token was single-use and is gone from the address) and the conversation continues:
// the history is still shown and messages go both ways.
import { createAccount, expect, log, run, sessionsOf, step, userPage } from './lib.mjs';
import * as ui from './chat-ui.mjs';

// E2E_IN_FLIGHT=1: bob also writes while alice's page reloads (see ConverseBrowserIT)
const IN_FLIGHT = process.env.E2E_IN_FLIGHT === '1';
const boshSession = (user) => user.page.evaluate(() => JSON.parse(sessionStorage.getItem('strophe-bosh-session')));

await run('conversation', async (browser, screenshotsOf) => {
    const alice = await userPage(browser, 'alice-bosh');
    const bob = await userPage(browser, 'bob-websocket');
    screenshotsOf([alice, bob]);
    const aliceJid = await createAccount('alice');
    const bobJid = await createAccount('bob');

    await step('alice logs in over BOSH with a token in the address', () =>
        ui.openChat(alice, { jid: aliceJid, transport: 'bosh', login: 'query' }));
    await step('bob logs in over WebSocket with a token from credentials_url', async () => {
        await ui.openChat(bob, { jid: bobJid, transport: 'websocket', login: 'credentials_url' });
        expect(bob.credentialRequests === 1, `one credentials request, not ${bob.credentialRequests}`);
    });
    await step('the server has one session each, over the transport asked for', async () => {
        expect((await boshSession(alice))?.sid, 'alice\'s page has a BOSH session (strophe-bosh-session)');
        expect((await boshSession(bob)) === null, 'bob\'s page has no BOSH session');
        const a = await sessionsOf(aliceJid);
        const b = await sessionsOf(bobJid);
        expect(a.length === 1 && a[0].transport === 'bosh', `alice: one BOSH session, not ${JSON.stringify(a)}`);
        expect(b.length === 1 && b[0].transport === 'websocket', `bob: one WebSocket session, not ${JSON.stringify(b)}`);
    });

    await step('alice adds bob as a contact', () => ui.addContact(alice, bobJid));
    await step('bob accepts the request', () => ui.acceptRequest(bob, aliceJid));
    await step('each sees the other online', async () => {
        try {
            await ui.waitContactOnline(alice, bobJid);
            await ui.waitContactOnline(bob, aliceJid);
        } catch (e) {
            // Online needs a subscription to the contact's presence: tell which side lacks it.
            log(`alice's entry of bob: ${await ui.contactState(alice, bobJid)}`);
            log(`bob's entry of alice: ${await ui.contactState(bob, aliceJid)}`);
            throw e;
        }
    });

    await step('alice writes to bob', async () => {
        await ui.openChatWith(alice, bobJid);
        await ui.send(alice, bobJid, 'Hello Bob, over BOSH');
        await ui.openChatWith(bob, aliceJid);
        await ui.waitMessage(bob, aliceJid, 'Hello Bob, over BOSH');
    });
    await step('bob types: alice sees that he is typing', async () => {
        await ui.typeSlowly(bob, aliceJid, 'Hi Alice');
        await ui.waitTyping(alice, bobJid);
    });
    await step('bob answers', async () => {
        await ui.send(bob, aliceJid, 'Hi Alice, over WebSocket');
        await ui.waitMessage(alice, bobJid, 'Hi Alice, over WebSocket');
    });

    const before = await boshSession(alice);
    const [sessionBefore] = await sessionsOf(aliceJid);
    await step('alice reloads the page: converse re-attaches to her BOSH session', async () => {
        // converse stores received messages asynchronously: give it a moment, as any user would
        await alice.page.waitForTimeout(1000);
        await alice.page.reload({ waitUntil: 'commit' });
        if (IN_FLIGHT) {
            // bob writes once the old page is gone and before the new one re-attached: the server must
            // hold the message for the BOSH session, not write it to the request the browser aborted
            await ui.send(bob, aliceJid, 'Written during your reload');
        }
        await ui.waitLoggedIn(alice);
        const after = await boshSession(alice);
        expect(after?.sid === before.sid, `the same BOSH session after the reload (sid ${before.sid} -> ${after?.sid})`);
        await ui.waitContactOnline(alice, bobJid);
        const sessions = await sessionsOf(aliceJid);
        expect(sessions.length === 1 && sessions[0].jid === sessionBefore.jid,
            `the server kept alice's one session ${sessionBefore.jid}: ${JSON.stringify(sessions)}`);
        await ui.waitContactOnline(bob, aliceJid, 1000); // and bob still sees her online
    });
    await step('the conversation continues after the reload', async () => {
        await ui.openChatWith(alice, bobJid);
        await ui.waitMessage(alice, bobJid, 'Hi Alice, over WebSocket'); // history kept by the page
        if (IN_FLIGHT) await ui.waitMessage(alice, bobJid, 'Written during your reload');
        await ui.send(bob, aliceJid, 'Are you back?');
        await ui.waitMessage(alice, bobJid, 'Are you back?');
        await ui.send(alice, bobJid, 'Yes, same session');
        await ui.waitMessage(bob, aliceJid, 'Yes, same session');
    });
});
