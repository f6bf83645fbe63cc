/*
 * Parley chat box widget: a small chat window in the corner of any page, for the user logged in to the site.
 * No password: the box asks a credentials URL (converse.js's shape: {"jid": ..., "password": <token>}) and
 * logs in over WebSocket with SASL PLAIN and that single-use token.
 *
 *   <script src="https://chat.example.org/widgets/chat-box.js" data-credentials-url="/xmpp/credentials" defer></script>
 *
 * data-credentials-url  default: Parley's own /api/v1/credentials (users logged in to Parley); a site sets
 *                       its own endpoint, which mints tokens server to server with POST /api/v1/tokens
 * data-to               JID whose conversation is open at first (optional)
 * data-title            title of the box (default "Chat")
 * Pages open conversations with ParleyWidgets.chatBox.open('bob@example.org') once the script ran.
 */
(function () {
    'use strict';
    var W = window.ParleyWidgets = window.ParleyWidgets || {};
    if (W.chatBox) {
        return;
    }
    var script = document.currentScript;
    var base = new URL('./', script.src);        // https://chat.example.org/widgets/
    var server = new URL('../', base);
    var data = script.dataset;
    var credentialsUrl = new URL(data.credentialsUrl || new URL('api/v1/credentials', server).href, location.href).href;
    var wsUrl = new URL('xmpp-websocket', server);
    wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';

    W.loadScript = W.loadScript || function (src, dataset) {
        return new Promise(function (resolve, reject) {
            var s = document.createElement('script');
            s.src = src;
            Object.assign(s.dataset, dataset || {});
            s.onload = resolve;
            s.onerror = function () { reject(new Error('cannot load ' + src)); };
            document.head.appendChild(s);
        });
    };

    var css = '.parley-chatbox{position:fixed;right:16px;bottom:0;width:300px;z-index:2147483000;font:14px sans-serif;'
        + 'background:#fff;border:1px solid #888;border-bottom:0;border-radius:6px 6px 0 0;box-shadow:0 0 8px rgba(0,0,0,.2)}'
        + '.parley-chatbox-head{background:#2a6ebb;color:#fff;padding:6px 8px;cursor:pointer;display:flex;justify-content:space-between}'
        + '.parley-chatbox-body{display:none;padding:6px}.parley-chatbox.open .parley-chatbox-body{display:block}'
        + '.parley-chatbox-log{height:220px;overflow-y:auto;border:1px solid #ddd;margin:4px 0;padding:4px}'
        + '.parley-msg{margin:2px 0;padding:3px 6px;border-radius:4px;max-width:85%;word-wrap:break-word}'
        + '.parley-msg-in{background:#eee}.parley-msg-out{background:#d6e8ff;margin-left:auto;text-align:right}'
        + '.parley-chatbox select,.parley-chatbox-input{width:100%;box-sizing:border-box}';

    var conversations = {};   // bare JID -> [{dir, body}]
    var current = data.to || null;
    var box, log, peers, input, stateText, client = null;

    function el(tag, cls, text) {
        var e = document.createElement(tag);
        if (cls) { e.className = cls; }
        if (text) { e.textContent = text; }
        return e;
    }

    function render() {
        var style = el('style');
        style.textContent = css;
        document.head.appendChild(style);
        box = el('div', 'parley-chatbox');
        box.dataset.state = 'connecting';
        var head = el('div', 'parley-chatbox-head');
        head.appendChild(el('span', 'parley-chatbox-title', data.title || 'Chat'));
        stateText = head.appendChild(el('span', 'parley-chatbox-state', 'connecting'));
        head.onclick = function () { box.classList.toggle('open'); };
        var body = el('div', 'parley-chatbox-body');
        peers = body.appendChild(el('select', 'parley-chatbox-peers'));
        peers.onchange = function () { show(peers.value); };
        log = body.appendChild(el('div', 'parley-chatbox-log'));
        var form = body.appendChild(el('form', 'parley-chatbox-form'));
        input = form.appendChild(el('input', 'parley-chatbox-input'));
        input.placeholder = 'Message';
        form.onsubmit = function (e) {
            e.preventDefault();
            var text = input.value.trim();
            if (text && current && client) {
                client.message(current, text);
                add(current, 'out', text);
                input.value = '';
            }
        };
        box.appendChild(head);
        box.appendChild(body);
        document.body.appendChild(box);
    }

    function setState(state, text) {
        box.dataset.state = state;
        stateText.textContent = text || state;
    }

    function show(jid) {
        current = jid;
        if (!conversations[jid]) {
            conversations[jid] = [];
            var o = el('option', null, jid);
            o.value = jid;
            peers.appendChild(o);
        }
        peers.value = jid;
        log.textContent = '';
        conversations[jid].forEach(function (m) { log.appendChild(el('div', 'parley-msg parley-msg-' + m.dir, m.body)); });
        log.scrollTop = log.scrollHeight;
    }

    function add(jid, dir, body) {
        if (!conversations[jid]) {
            show(jid);
        }
        conversations[jid].push({dir: dir, body: body});
        if (jid === current) {
            log.appendChild(el('div', 'parley-msg parley-msg-' + dir, body));
            log.scrollTop = log.scrollHeight;
        }
    }

    function credentials() {
        // credentials: the site's (or Parley's) login cookie identifies the user
        return fetch(credentialsUrl, {credentials: 'include', headers: {Accept: 'application/json'}})
            .then(function (r) {
                if (!r.ok) { throw new Error('credentials: HTTP ' + r.status); }
                return r.json();
            });
    }

    var ready;
    var attempts = 0;

    /** Logs in (again after a lost connection, with a fresh token: tokens work once). */
    function login() {
        setState('connecting');
        var lib = window.ParleyXmpp ? Promise.resolve() : W.loadScript(new URL('xmpp-lite.js', base).href);
        ready = lib.then(credentials).then(function (c) {
            return window.ParleyXmpp.connect({url: wsUrl.href, jid: c.jid, password: c.password});
        }).then(function (c) {
            client = c;
            attempts = 0;
            setState('online', window.ParleyXmpp.bare(c.jid));
            c.on('message', function (m) {
                var from = window.ParleyXmpp.bare(m.from);
                add(from, 'in', m.body);
                box.classList.add('open');
                show(from);
            });
            c.on('close', function () {
                client = null;
                setState('offline');
                retry();
            });
            return c;
        });
        ready.catch(function (e) {
            setState('offline', e.message);
            retry();
        });
        return ready;
    }

    function retry() {
        if (attempts++ < 5) {
            setTimeout(login, 2000 * attempts);
        }
    }

    W.chatBox = {
        /** Opens the conversation with jid (bare JID). */
        open: function (jid) {
            box.classList.add('open');
            show(window.ParleyXmpp ? window.ParleyXmpp.bare(jid) : jid);
            input.focus();
        },
        /** Resolves with the logged-in client (other widgets use the same session). */
        client: function () { return ready; }
    };

    function start() {
        render();
        if (current) { show(current); }
        login();
    }

    if (document.body) { start(); } else { document.addEventListener('DOMContentLoaded', start); }
})();
