/*
 * Parley web chat: converse.js, configured for the Parley server that serves this file.
 *
 * A site adds the chat to its pages with one tag (converse opens as an overlay in the corner):
 *
 *   <script src="https://chat.example.org/chat/embed.js"
 *           data-credentials-url="/xmpp/credentials" defer></script>
 *
 * Options, as attributes of that tag or as window.parleyChat = {...} set before it (which wins):
 *   data-credentials-url / credentials_url  the site's own endpoint (same origin as the page, cookie
 *       authenticated) answering {"jid": ..., "password": ...} for the logged-in user; the site's backend
 *       gets the password from Parley: POST /api/v1/tokens {"jid"} (a single-use, 2-minute token)
 *   jid + password   credentials given directly (e.g. a token the page was rendered with)
 *   data-transport / transport    "websocket" or "bosh"; default: WebSocket, falling back to BOSH
 *   data-view-mode / view_mode    "overlayed" (default), "fullscreen" or "embedded"
 *   converse         further converse.js settings, applied last
 * Without credentials converse shows its login form.
 */
(function () {
    'use strict';

    var script = document.currentScript;
    if (!script || !script.src) {
        console.error('parley chat: embed.js must be loaded with a <script src> tag');
        return;
    }
    var chatBase = new URL('./', script.src);   // https://chat.example.org/chat/
    var serverBase = new URL('../', chatBase);  // https://chat.example.org/
    var page = window.parleyChat || {};
    var data = script.dataset;

    function option(name, attribute) {
        if (page[name] !== undefined && page[name] !== null && page[name] !== '') {
            return page[name];
        }
        var value = data[attribute];
        return value === undefined || value === '' ? undefined : value;
    }

    function endpoints(transport) {
        var ws = new URL('xmpp-websocket', serverBase);
        ws.protocol = ws.protocol === 'https:' ? 'wss:' : 'ws:';
        var urls = {
            websocket_url: ws.href,
            bosh_service_url: new URL('http-bind', serverBase).href
        };
        // Only the chosen transport, else WebSocket first with BOSH as converse's fallback.
        if (transport === 'websocket') {
            delete urls.bosh_service_url;
        } else if (transport === 'bosh') {
            delete urls.websocket_url;
        }
        return urls;
    }

    function settings() {
        var s = {
            assets_path: new URL('dist/', chatBase).href,
            view_mode: option('view_mode', 'viewMode') || 'overlayed',
            // everything from this server: no XEP-0156 lookups, no provider lists from the internet
            discover_connection_methods: false,
            autocomplete_providers_url: null,
            xmpp_providers_url: null,
            allow_registration: false,
            auto_login: true,
            // BOSH: sid/rid stay in sessionStorage, a reload re-attaches to the same session
            keepalive: true,
            loglevel: option('loglevel', 'loglevel') || 'warn'
        };
        Object.assign(s, endpoints(option('transport', 'transport')));
        var credentialsUrl = option('credentials_url', 'credentialsUrl');
        if (credentialsUrl) {
            s.credentials_url = new URL(credentialsUrl, location.href).href;
        } else if (page.jid && page.password) {
            s.jid = page.jid;
            s.password = page.password;
        }
        return Object.assign(s, page.converse || {});
    }

    // BOSH and page reloads: the browser aborts the request the server holds, and whatever the server writes
    // into its response (a message arriving at that moment) never reaches a page. Strophe would re-attach
    // with its next rid and never ask for that response again. So when the page goes, the rid it stores for
    // re-attaching is rewound to its oldest request still without a response: the reloaded page sends that
    // rid again and the server answers with the response it kept (XEP-0124 §14.3), stanzas included.
    function rewindBoshRidOnLeave(api) {
        window.addEventListener('pagehide', function () {
            var connection = api.connection.get();
            var proto = connection && connection._proto;
            var stored = sessionStorage.getItem('strophe-bosh-session');
            if (!stored || !proto || !proto._requests || proto._requests.length === 0) {
                return;
            }
            var session = JSON.parse(stored);
            var oldest = Math.min.apply(null, proto._requests.map(function (r) { return Number(r.rid); }));
            if (oldest > 0 && oldest < session.rid) {
                session.rid = oldest;
                sessionStorage.setItem('strophe-bosh-session', JSON.stringify(session));
            }
        });
    }

    // Adjustments of converse.js 14.0.0, as a converse plugin.
    var parleyPlugin = {
        initialize: function () {
            rewindBoshRidOnLeave(this._converse.api);
            var RosterContact = this._converse.exports.RosterContact;
            // Accepting a contact request calls contact.subscribe() meaning "subscribe to the contact's
            // presence", but that name is the model's change-listener API: called without arguments it
            // does nothing, so the request was approved but never answered with a subscription back.
            // Called without arguments, it now sends the subscription request.
            var modelSubscribe = RosterContact && RosterContact.prototype.subscribe;
            if (modelSubscribe && RosterContact.prototype.subscribeToPresence) {
                RosterContact.prototype.subscribe = function () {
                    if (arguments.length === 0) {
                        return this.subscribeToPresence();
                    }
                    return modelSubscribe.apply(this, arguments);
                };
            }
        }
    };

    // The logged-out full-page view shows a footer with sponsor images from the internet: a page of this
    // server loads nothing from elsewhere, so the footer only names the client.
    function defineFooter(version) {
        if (window.customElements && !customElements.get('converse-footer')) {
            customElements.define('converse-footer', class extends HTMLElement {
                connectedCallback() {
                    this.innerHTML = '<footer class="footer mt-auto py-3 text-center">' +
                        '<p class="brand-subtitle subdued">converse.js ' + version + '</p></footer>';
                }
            });
        }
    }

    function start() {
        var converse = window.converse;
        var s = settings();
        if (s.credentials_url || s.password) {
            // Web login tokens are SASL PLAIN passwords: converse would pick SCRAM, which they cannot pass.
            s.connection_options = Object.assign({ mechanisms: [converse.env.Strophe.SASLPlain] },
                s.connection_options || {});
        }
        s.whitelisted_plugins = (s.whitelisted_plugins || []).concat(['parley']);
        converse.plugins.add('parley', parleyPlugin);
        defineFooter(converse.env.VERSION_NAME || '');
        converse.initialize(s);
    }

    function load() {
        var css = document.createElement('link');
        css.rel = 'stylesheet';
        css.href = new URL('dist/converse.min.css', chatBase).href;
        document.head.appendChild(css);
        if (window.converse) {
            start();
            return;
        }
        window.addEventListener('converse-loaded', start, { once: true });
        var js = document.createElement('script');
        js.type = 'module';
        js.src = new URL('dist/converse.min.js', chatBase).href;
        js.onerror = function () {
            console.error('parley chat: could not load ' + js.src);
        };
        document.head.appendChild(js);
    }

    load();
})();
