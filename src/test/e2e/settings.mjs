// Console settings pages in headless Chromium: hosts (add, validation, TLS mode, remove with confirmation),
// announcements (MOTD, broadcast) and API keys (create: secret shown once; revoke with confirmation).
// Run by org.parley.it.browser.ConsoleSettingsBrowserIT in two phases (E2E_PHASE):
//   apply:   adds E2E_DOMAIN and sets its TLS mode to required, sets the MOTD of the admin's domain to
//            E2E_MOTD, creates a read-only key and a revoked one; prints E2E_API_KEY=... and E2E_REVOKED_KEY=...
//            for the Java test, which checks them from outside the browser.
//   restore: sets E2E_DOMAIN back to optional TLS, removes it, deletes the MOTD.
import { run, step, expect, log, userPage, BASE, DOMAIN } from './lib.mjs';

const PHASE = process.env.E2E_PHASE || 'apply';
const TEST_DOMAIN = process.env.E2E_DOMAIN || `e2e${Date.now()}.example`;
const MOTD = process.env.E2E_MOTD || `Welcome (e2e ${Date.now()})`;
const USERNAME = process.env.PARLEY_CONSOLE_USERNAME || process.env.PARLEY_ADMIN_JID || 'admin@localhost';
const PASSWORD = process.env.PARLEY_ADMIN_PASSWORD || 'parley-it-admin';

/** Opens a console page, logging in first if the console asks for it. */
async function open(page, path) {
    await page.goto(BASE + path);
    if (page.url().includes('login')) {
        log('login page: logging in as', USERNAME);
        await page.fill('#username', USERNAME);
        await page.fill('#password', PASSWORD);
        await Promise.all([page.waitForNavigation(), page.click('#login')]);
        if (!page.url().includes(path.split('?')[0])) await page.goto(BASE + path);
    }
    expect(page.url().includes(path.split('?')[0]), `on ${path}, not ${page.url()}`);
}

/** Clicks a submit button and waits for the page that answers the post. */
async function submit(page, selector) {
    await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

async function text(page, selector) {
    return (await page.locator(selector).textContent({ timeout: 5000 }))?.trim() ?? '';
}

/** No horizontal scrolling of the whole page at 360 px (wide tables scroll inside their box). */
async function fitsNarrowScreen(page, what) {
    await page.setViewportSize({ width: 360, height: 740 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width <= 362, `${what} fits 360 px (scroll width ${width})`);
    await page.setViewportSize({ width: 1280, height: 800 });
}

const row = (domain) => `#hostTable tr[data-domain="${domain}"]`;

async function editHost(page, domain) {
    await open(page, `/admin/hosts.xhtml?domain=${encodeURIComponent(domain)}`);
    expect(await text(page, '#editedDomain') === domain, `editing ${domain}`);
}

async function apply(page) {
    await step('hosts page: validation of a new domain', async () => {
        await open(page, '/admin/hosts.xhtml');
        expect(await page.locator(row(DOMAIN)).count() === 1, `${DOMAIN} is listed`);
        await submit(page, '#addHost');
        expect((await text(page, '#newDomainError')).length > 0, 'an empty domain is refused with a message');
        await page.fill('#newDomain', 'not a domain!');
        await submit(page, '#addHost');
        expect((await text(page, '#newDomainError')).length > 0, 'an invalid domain is refused with a message');
        await fitsNarrowScreen(page, 'hosts page');
    });
    await step(`add ${TEST_DOMAIN}`, async () => {
        await page.fill('#newDomain', TEST_DOMAIN);
        await submit(page, '#addHost');
        expect(await page.locator(row(TEST_DOMAIN)).count() === 1, `${TEST_DOMAIN} listed after adding`);
        await page.fill('#newDomain', TEST_DOMAIN);
        await submit(page, '#addHost');
        expect((await text(page, '#newDomainError')).includes('exists'), 'adding it twice is refused');
    });
    await step('settings form: validation', async () => {
        await page.click(`${row(TEST_DOMAIN)} a.edit-host`);
        await page.waitForSelector('#editedDomain');
        expect(await text(page, '#editedDomain') === TEST_DOMAIN, 'the link opens the domain\'s settings');
        await page.fill('#maxStanzaBytes', '12');
        await submit(page, '#saveHost');
        expect((await text(page, '#maxStanzaBytesError')).includes('1024'), 'a tiny stanza limit is refused');
        await page.fill('#maxStanzaBytes', 'lots');
        await page.fill('#maxOfflineMessages', '-3');
        await submit(page, '#saveHost');
        expect((await text(page, '#maxStanzaBytesError')).includes('whole number'), 'a non-number is refused');
        await page.fill('#maxStanzaBytes', '65536');
        await submit(page, '#saveHost');
        expect((await text(page, '#maxOfflineMessagesError')).length > 0, 'a negative offline limit is refused');
        expect(await page.locator(`${row(TEST_DOMAIN)} td.tlsMode`).textContent() === 'optional', 'nothing saved');
    });
    await step(`TLS required for ${TEST_DOMAIN}`, async () => {
        await page.fill('#maxOfflineMessages', '55');
        await page.fill('#maxStanzaBytes', '65536');
        await page.selectOption('#tlsMode', 'REQUIRED');
        await page.check('#registrationEnabled');
        await submit(page, '#saveHost');
        expect((await text(page, '#pageMessages')).includes('Saved'), 'saved message');
        expect(await text(page, `${row(TEST_DOMAIN)} td.tlsMode`) === 'required', 'the list shows required');
        await editHost(page, TEST_DOMAIN);
        expect(await page.inputValue('#tlsMode') === 'REQUIRED', 'stored: required after a reload');
        expect(await page.inputValue('#maxOfflineMessages') === '55', 'stored: offline limit');
        expect(await page.isChecked('#registrationEnabled'), 'stored: registration on');
    });
    await step(`MOTD of ${DOMAIN}`, async () => {
        await open(page, `/admin/announcements.xhtml?domain=${encodeURIComponent(DOMAIN)}`);
        expect(await text(page, '#motdDomain') === DOMAIN, 'the chosen domain');
        await page.fill('#motd', '   ');
        await submit(page, '#saveMotd');
        expect((await text(page, '#motdError')).length > 0, 'an empty MOTD is refused with a message');
        await page.fill('#motd', MOTD);
        await submit(page, '#saveMotd');
        expect(await text(page, '#currentMotd') === MOTD, 'the MOTD is shown as current');
        await fitsNarrowScreen(page, 'announcements page');
    });
    await step('broadcast', async () => {
        await submit(page, '#broadcast');
        expect((await text(page, '#bodyError')).length > 0, 'an empty broadcast is refused with a message');
        await page.fill('#subject', 'Maintenance');
        await page.fill('#body', 'The server restarts at noon (e2e).');
        await submit(page, '#broadcast');
        const sent = await text(page, '#sentCount');
        expect(/^\d+$/.test(sent), `the number of sessions reached is shown (${sent})`);
        log('broadcast reached', sent, 'sessions');
    });
    let key;
    await step('create an API key', async () => {
        await open(page, '/admin/apikeys.xhtml');
        await submit(page, '#createKey');
        expect((await text(page, '#keyNameError')).includes('name'), 'a key without a name is refused');
        await page.fill('#keyName', 'e2e read-only');
        await page.selectOption('#keyScope', 'read-only');
        await submit(page, '#createKey');
        key = await page.inputValue('#newKeySecret');
        expect(/^pk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/.test(key), 'the new key is shown');
        expect((await page.content()).includes('shown only once'), 'with a hint to copy it now');
        const id = key.slice(3, 15);
        const listed = page.locator(`#keyTable tr[data-key-id="${id}"]`);
        expect(await listed.locator('td.name').textContent() === 'e2e read-only', 'listed by name');
        expect(await listed.locator('td.scope').textContent() === 'read-only', 'with its scope');
        await fitsNarrowScreen(page, 'API keys page');
        await open(page, '/admin/apikeys.xhtml');
        expect(await page.locator('#newKeySecret').count() === 0, 'not shown again after a reload');
        expect(!(await page.content()).includes(key.slice(16)), 'the secret is nowhere on the page');
        console.log(`E2E_API_KEY=${key}`);
    });
    await step('revoke a key with confirmation', async () => {
        await page.fill('#keyName', 'e2e to revoke');
        await submit(page, '#createKey');
        const revoked = await page.inputValue('#newKeySecret');
        const id = revoked.slice(3, 15);
        await submit(page, `#keyTable tr[data-key-id="${id}"] .revoke-key`);
        expect(await text(page, '#revocationId') === id, 'asks for confirmation');
        await submit(page, '#cancelRevoke');
        expect(await page.locator('#confirmRevocation').count() === 0, 'cancelled');
        expect(await text(page, `#keyTable tr[data-key-id="${id}"] td.revoked-at`) === 'no', 'still valid');
        await submit(page, `#keyTable tr[data-key-id="${id}"] .revoke-key`);
        await submit(page, '#confirmRevoke');
        expect(await text(page, `#keyTable tr[data-key-id="${id}"] td.revoked-at`) !== 'no', 'shown as revoked');
        expect(await page.locator(`#keyTable tr[data-key-id="${id}"] .revoke-key`).count() === 0, 'no button');
        console.log(`E2E_REVOKED_KEY=${revoked}`);
    });
}

async function restore(page) {
    await step(`TLS back to optional for ${TEST_DOMAIN}`, async () => {
        await editHost(page, TEST_DOMAIN);
        await page.selectOption('#tlsMode', 'OPTIONAL');
        await submit(page, '#saveHost');
        expect(await text(page, `${row(TEST_DOMAIN)} td.tlsMode`) === 'optional', 'the list shows optional');
    });
    await step(`remove ${TEST_DOMAIN} with confirmation`, async () => {
        await submit(page, `${row(TEST_DOMAIN)} .remove-host`);
        expect(await text(page, '#removalDomain') === TEST_DOMAIN, 'asks for confirmation');
        await submit(page, '#cancelRemove');
        expect(await page.locator(row(TEST_DOMAIN)).count() === 1, 'still there after cancelling');
        await submit(page, `${row(TEST_DOMAIN)} .remove-host`);
        await submit(page, '#confirmRemove');
        expect(await page.locator(row(TEST_DOMAIN)).count() === 0, 'gone after confirming');
    });
    await step(`delete the MOTD of ${DOMAIN}`, async () => {
        await open(page, `/admin/announcements.xhtml?domain=${encodeURIComponent(DOMAIN)}`);
        await submit(page, '#deleteMotd');
        expect(await text(page, '#currentMotd') === 'none', 'no MOTD any more');
    });
}

run(`settings-${PHASE}`, async (browser, track) => {
    const admin = await userPage(browser, 'admin');
    track([admin]);
    await (PHASE === 'restore' ? restore(admin.page) : apply(admin.page));
});
