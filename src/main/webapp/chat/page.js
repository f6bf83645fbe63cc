/*
 * The full-page chat at /chat/. Query parameters:
 *   transport=websocket|bosh   (default: WebSocket, falling back to BOSH)
 *   jid=...&token=...          log in with a web login token (POST /api/v1/tokens: single use, 2 minutes);
 *                              both are removed from the address bar at once. Never put a real password
 *                              in a URL.
 *   loglevel=debug             converse's log level (debug shows every stanza in the browser console)
 *   credentials_url=/path      a same-origin endpoint answering {"jid","password"} for the logged-in user
 *                              (e.g. the site's backend behind the same reverse proxy); converse asks it
 *                              again whenever it has to log in anew.
 * Without credentials converse shows its login form. A BOSH session survives a reload: converse keeps
 * its sid/rid in sessionStorage and re-attaches without credentials.
 */
(function () {
    'use strict';

    var url = new URL(location.href);
    var q = url.searchParams;
    var options = { view_mode: 'fullscreen' };

    var transport = q.get('transport');
    if (transport === 'websocket' || transport === 'bosh') {
        options.transport = transport;
    }
    if (['debug', 'info', 'warn', 'error', 'fatal'].indexOf(q.get('loglevel')) >= 0) {
        options.loglevel = q.get('loglevel');
    }
    if (q.get('jid') && q.get('token')) {
        options.jid = q.get('jid');
        options.password = q.get('token');
    }
    var credentialsUrl = q.get('credentials_url');
    // same origin only: a link must not make the page log in with credentials from elsewhere
    if (credentialsUrl && /^\/(?![\/\\])/.test(credentialsUrl)) {
        options.credentials_url = credentialsUrl;
    }
    if (q.has('jid') || q.has('token')) {
        q.delete('jid');
        q.delete('token');
        history.replaceState(history.state, '', url.pathname + (q.toString() ? '?' + q : '') + url.hash);
    }
    window.parleyChat = Object.assign(options, window.parleyChat || {});

    var embed = document.createElement('script');
    embed.src = new URL('embed.js', document.currentScript.src).href;
    document.head.appendChild(embed);
})();
