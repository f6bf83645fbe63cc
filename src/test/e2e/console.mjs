// The admin console (/admin, Jakarta Faces) in a browser, driven together with ConsoleBrowserIT:
//  1. the admin logs in and creates the account E2E_USER_JID (password E2E_USER_PASSWORD) on the users page;
//  2. the Java test then logs a Smack client in as that user (resource E2E_USER_RESOURCE); the admin waits for
//     the session on the sessions page and kicks it (the Java test checks that its client was disconnected);
//  3. the new account, which is no administrator, logs in and gets 403 for the console;
//  4. at 360 px wide the users page has no horizontal page overflow.
import { BASE, expect, log, run, step, TIMEOUT, userPage } from './lib.mjs';

const ADMIN = process.env.PARLEY_ADMIN_JID || 'admin@localhost';
const ADMIN_PASSWORD = process.env.PARLEY_ADMIN_PASSWORD || 'parley-it-admin';
const USER = process.env.E2E_USER_JID;
const USER_PASSWORD = process.env.E2E_USER_PASSWORD;
const RESOURCE = process.env.E2E_USER_RESOURCE;
if (!USER || !USER_PASSWORD || !RESOURCE) throw new Error('E2E_USER_JID, E2E_USER_PASSWORD, E2E_USER_RESOURCE are needed');

/** Logs in on /login.xhtml; returns the response of the page the login leads to. */
async function login(page, jid, password) {
    await page.goto(`${BASE}/login.xhtml`);
    await page.fill('#username', jid);
    await page.fill('#password', password);
    const [response] = await Promise.all([
        page.waitForNavigation({ url: /\/admin\/index\.xhtml$/ }),
        page.click('#login'),
    ]);
    return response;
}

/** Whether the page is wider than the viewport (horizontal scrolling of the whole page). */
async function overflows(page) {
    return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

run('console', async (browser, screenshotsOf) => {
    const admin = await userPage(browser, 'admin');
    const user = await userPage(browser, 'user');
    const narrow = await userPage(browser, 'narrow', { width: 360, height: 740 });
    screenshotsOf([admin, user, narrow]);
    const page = admin.page;

    await step('the admin logs in and sees the dashboard', async () => {
        const r = await login(page, ADMIN, ADMIN_PASSWORD);
        expect(r.status() === 200, `dashboard answered ${r.status()}`);
        await page.locator('#sessions-total').waitFor();
        expect((await page.locator('.who').innerText()).trim() === ADMIN, 'the admin is named in the header');
    });

    await step('an invalid new account shows field errors', async () => {
        await page.click('nav >> text=Users');
        await page.fill('#new-jid', 'no local part');
        await page.fill('#new-password', 'short');
        await page.click('#create');
        await page.locator('#new-password-error').filter({ hasText: 'at least 8' }).waitFor();
        expect((await page.locator('#new-jid-error').innerText()).length > 0, 'an error for the JID');
    });

    await step(`the admin creates ${USER}`, async () => {
        await page.fill('#new-jid', USER);
        await page.fill('#new-password', USER_PASSWORD);
        await page.click('#create');
        await page.locator('#messages').filter({ hasText: `Created ${USER}` }).waitFor();
        await page.locator(`tr[data-jid="${USER}"]`).waitFor();
        console.log('@@ CREATED', USER); // ConsoleBrowserIT waits for the account, then logs its client in
    });

    const full = `${USER}/${RESOURCE}`;
    await step('the user\'s Smack client shows on the sessions page', async () => {
        await page.click('nav >> text=Sessions');
        const deadline = Date.now() + 3 * TIMEOUT;
        while (await page.locator(`tr[data-jid="${full}"]`).count() === 0) {
            if (Date.now() > deadline) throw new Error(`no session ${full} listed`);
            await page.waitForTimeout(500);
            await page.click('#sessions-form\\:refresh');
        }
        const row = page.locator(`tr[data-jid="${full}"]`);
        expect((await row.locator('td.resource').innerText()).trim() === RESOURCE, 'the resource is shown');
        expect((await row.innerText()).includes('tcp'), 'the transport is shown');
    });

    await step('the admin kicks that session', async () => {
        await page.locator(`tr[data-jid="${full}"] input.kick`).click();
        await page.locator('#messages').filter({ hasText: `Ended the session ${full}` }).waitFor();
        expect(await page.locator(`tr[data-jid="${full}"]`).count() === 0, 'the session is gone from the list');
        log('KICKED', full);
    });

    await step('the dashboard figures update by themselves', async () => {
        await page.click('nav >> text=Dashboard');
        const before = await page.locator('#uptime').innerText();
        await page.waitForFunction((b) => document.querySelector('#uptime').innerText !== b, before,
            { timeout: 15000 });
    });

    await step('an account without the admin flag gets 403 for the console', async () => {
        await user.page.goto(`${BASE}/login.xhtml`);
        await user.page.fill('#username', USER);
        await user.page.fill('#password', USER_PASSWORD);
        const [response] = await Promise.all([
            user.page.waitForResponse((r) => r.url().endsWith('/admin/index.xhtml')),
            user.page.click('#login'),
        ]);
        expect(response.status() === 403, `the console answered ${response.status()}`);
        await user.page.locator('#forbidden').waitFor();
    });

    await step('a wrong password is refused on the login page', async () => {
        await user.page.goto(`${BASE}/login.xhtml`);
        await user.page.fill('#username', USER);
        await user.page.fill('#password', 'wrong-password');
        await user.page.click('#login');
        await user.page.locator('#login-error').filter({ hasText: 'Wrong user name or password' }).waitFor();
    });

    await step('360 px wide: the users page fits without horizontal scrolling', async () => {
        await login(narrow.page, ADMIN, ADMIN_PASSWORD);
        expect(!(await overflows(narrow.page)), 'the dashboard overflows at 360 px');
        await narrow.page.goto(`${BASE}/admin/users.xhtml`);
        await narrow.page.locator(`tr[data-jid="${USER}"]`).waitFor();
        expect(!(await overflows(narrow.page)), 'the users page overflows at 360 px');
        await narrow.page.goto(`${BASE}/admin/sessions.xhtml`);
        expect(!(await overflows(narrow.page)), 'the sessions page overflows at 360 px');
    });

    await step('logout ends the console session', async () => {
        await page.click('#logout-form\\:logout');
        await page.waitForURL(/\/login\.xhtml$/);
        await page.goto(`${BASE}/admin/users.xhtml`);
        expect(page.url().endsWith('/login.xhtml'), `after logout the console sends to the login page: ${page.url()}`);
    });
});
