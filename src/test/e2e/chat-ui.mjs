// What a user does in converse.js 14 on /chat, expressed with its DOM (selectors of converse's templates).
import { BASE, expect, loginToken, log, TIMEOUT } from './lib.mjs';

const contactLink = (jid) => `converse-roster a.open-chat[data-jid="${jid}"]`;
const rosterItem = (page, jid) => page.locator('converse-roster li.list-item')
    .filter({ has: page.locator(`a.open-chat[data-jid="${jid}"]`) });
const chatBox = (jid) => `converse-chat[jid="${jid}"]`;

/**
 * Opens /chat for an account and waits until it is logged in. login: "query" puts a fresh token in the
 * address (?jid=&token=); "credentials_url" lets converse fetch {"jid","password"} from a same-origin URL
 * that this test answers with a fresh token each time (standing in for a site's backend).
 */
export async function openChat(user, { jid, transport, login }) {
    user.jid = jid;
    user.credentialRequests = 0;
    let url = `${BASE}/chat/?transport=${transport}`;
    if (login === 'credentials_url') {
        await user.page.route((url) => url.pathname === '/e2e/credentials', async (route) => {
            user.credentialRequests++;
            const t = await loginToken(jid);
            await route.fulfill({ status: 200, contentType: 'application/json',
                body: JSON.stringify({ jid: t.jid, password: t.password }) });
        });
        url += '&credentials_url=/e2e/credentials';
    } else {
        const t = await loginToken(jid);
        url += `&jid=${encodeURIComponent(jid)}&token=${encodeURIComponent(t.password)}`;
    }
    if (process.env.E2E_DEBUG) url += '&loglevel=debug';
    await user.page.goto(url);
    await waitLoggedIn(user);
}

/** The roster is shown (converse may show its login form while it fetches credentials). */
export async function waitLoggedIn(user) {
    const page = user.page;
    try {
        await page.locator('converse-roster .controlbox-heading--contacts').waitFor();
    } catch (e) {
        const form = await page.locator('converse-login-form').isVisible();
        const feedback = await page.locator('.conn-feedback, converse-login-form .alert').allInnerTexts();
        e.message = `${user.name} (${user.jid}) is not logged in${form ? ', the login form is shown' : ''}: ` +
            `${feedback.join(' | ')}\n${e.message}`;
        throw e;
    }
    expect(!page.url().includes('token='), `${user.name}: the token was removed from the address`);
    log(`${user.name} logged in as ${user.jid} (${page.url()})`);
}

/** "Add a contact" from the roster's menu. */
export async function addContact(user, jid) {
    const page = user.page;
    await page.locator('converse-roster .dropdown--contacts button.dropdown-toggle').click();
    await page.locator('converse-roster a.add-contact').click();
    const form = page.locator('converse-add-contact-modal form.add-xmpp-contact');
    await form.locator('input[name="jid"]').fill(jid);
    await form.locator('button[type="submit"]').click();
    await page.locator('converse-add-contact-modal').waitFor({ state: 'hidden' }).catch(() => {});
    await page.locator(contactLink(jid)).first().waitFor();
}

/** Accepts the contact request of jid ("Accept as contact" and the dialog that follows). */
export async function acceptRequest(user, jid) {
    const page = user.page;
    const item = rosterItem(page, jid);
    await item.waitFor();
    await item.locator('converse-dropdown button.dropdown-toggle').click();
    await item.locator('a.accept-xmpp-request').click();
    const form = page.locator('converse-accept-contact-request-modal form');
    await form.locator('button[type="submit"]').click();
    await page.locator('converse-accept-contact-request-modal .modal').waitFor({ state: 'hidden' });
}

/** The contact is shown online, which needs a subscription to its presence ("to" or "both"). */
export async function waitContactOnline(user, jid, timeout = TIMEOUT) {
    await user.page.locator(`${contactLink(jid)} .contact-name--online`).first().waitFor({ timeout });
}

/** The roster entry's subscription as converse stored it, for diagnostics. */
export async function contactState(user, jid) {
    return user.page.locator(contactLink(jid)).first().evaluate((a) => {
        const li = a.closest('li');
        return `status=${li?.dataset.status} classes="${li?.className.trim()}"`;
    }).catch((e) => `no roster entry (${e.message.split('\n')[0]})`);
}

export async function openChatWith(user, jid) {
    const box = user.page.locator(chatBox(jid));
    if (!(await box.locator('textarea.chat-textarea').isVisible().catch(() => false))) {
        await user.page.locator(contactLink(jid)).first().click();
    }
    await box.locator('textarea.chat-textarea').waitFor();
}

/** Types text into the chat with jid without sending it (converse sends "composing"). */
export async function typeSlowly(user, jid, text) {
    await user.page.locator(`${chatBox(jid)} textarea.chat-textarea`).pressSequentially(text, { delay: 80 });
}

export async function send(user, jid, text) {
    const area = user.page.locator(`${chatBox(jid)} textarea.chat-textarea`);
    await area.fill(text);
    await area.press('Enter');
    await waitMessage(user, jid, text);
}

/** A message with this text is shown in the chat with jid (which must be open). */
export async function waitMessage(user, jid, text, timeout = TIMEOUT) {
    await user.page.locator(`${chatBox(jid)} .chat-msg__text`, { hasText: text }).first().waitFor({ timeout });
}

export async function waitTyping(user, jid) {
    await user.page.locator(`${chatBox(jid)} .chat-content__notifications`, { hasText: 'typing' }).waitFor();
}
