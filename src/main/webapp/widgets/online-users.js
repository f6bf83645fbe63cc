/*
 * Parley online-users widget: who is online, updated every few seconds; a click opens a chat.
 *
 *   <script src="https://chat.example.org/widgets/online-users.js" data-domain="example.org" defer></script>
 *
 * data-domain           the domain whose online users are shown (it must be public on the server:
 *                       parley.widgets.public.domains), read from /api/v1/widgets/online-users
 * data-mode             "domain" (default) or "roster": the viewer's own contacts that are online, for a
 *                       logged-in viewer (logs in like the chat box, with data-credentials-url)
 * data-chat             what a click does: "box" (default; Parley's chat box widget, logged in through
 *                       data-credentials-url), "page" (Parley's /chat/ in a new tab) or "none"
 * data-credentials-url  see chat-box.js (default: Parley's /api/v1/credentials)
 * data-target           id of the element to render into (default: right where the script tag is)
 * data-interval         seconds between updates (default: what the server says, parley.widgets.poll.seconds)
 */
(function () {
    'use strict';
    var W = window.ParleyWidgets = window.ParleyWidgets || {};
    var script = document.currentScript;
    var base = new URL('./', script.src);        // https://chat.example.org/widgets/
    var server = new URL('../', base);
    var data = script.dataset;
    var mode = data.mode || 'domain';
    var css = '.parley-online-users{font:14px sans-serif;border:1px solid #ccc;border-radius:6px;padding:6px;max-width:260px}'
        + '.parley-online-users h3{font-size:14px;margin:0 0 4px}.parley-online-users ul{list-style:none;margin:0;padding:0}'
        + '.parley-online-users li{padding:3px 2px;cursor:pointer}.parley-online-users li:hover{background:#eef}'
        + '.parley-dot{display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:6px;background:#3a3}'
        + '.parley-show-away .parley-dot,.parley-show-xa .parley-dot{background:#e90}.parley-show-dnd .parley-dot{background:#c33}'
        + '.parley-online-users-note{color:#777;font-size:12px}';

    var root = document.createElement('div');
    root.className = 'parley-online-users';
    root.dataset.state = 'loading';
    var title = root.appendChild(document.createElement('h3'));
    var list = root.appendChild(document.createElement('ul'));
    var note = root.appendChild(document.createElement('div'));
    note.className = 'parley-online-users-note';
    title.textContent = 'Online';

    function mount() {
        var style = document.createElement('style');
        style.textContent = css;
        document.head.appendChild(style);
        var target = data.target && document.getElementById(data.target);
        if (target) {
            target.appendChild(root);
        } else if (!script.parentNode || script.parentNode === document.head) {
            document.body.appendChild(root);
        } else {
            script.parentNode.insertBefore(root, script);
        }
    }

    /** users: [{jid, name, show, status}] */
    function render(users) {
        root.dataset.state = 'ready';
        title.textContent = 'Online (' + users.length + ')';
        note.textContent = users.length ? '' : 'Nobody is online.';
        list.textContent = '';
        users.forEach(function (u) {
            var li = list.appendChild(document.createElement('li'));
            li.dataset.jid = u.jid;
            li.className = 'parley-show-' + (u.show || 'online');
            li.title = u.jid + (u.status ? ' – ' + u.status : '');
            li.appendChild(document.createElement('span')).className = 'parley-dot';
            li.appendChild(document.createTextNode(u.name || u.jid));
            li.onclick = function () { openChat(u.jid); };
        });
    }

    function failed(message) {
        root.dataset.state = 'error';
        note.textContent = message;
    }

    function chatBox() {
        if (W.chatBox) {
            return Promise.resolve(W.chatBox);
        }
        var attrs = data.credentialsUrl ? {credentialsUrl: data.credentialsUrl} : {};
        return W.loadScript(new URL('chat-box.js', base).href, attrs).then(function () { return W.chatBox; });
    }

    function openChat(jid) {
        var how = data.chat || 'box';
        if (how === 'page') {
            window.open(new URL('chat/', server).href, '_blank', 'noopener');
        } else if (how === 'box') {
            chatBox().then(function (box) { box.open(jid); });
        }
    }

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

    /** Domain mode: polls the data endpoint (why polling: see OnlineUsersResource). */
    function poll() {
        var url = new URL('api/v1/widgets/online-users', server);
        url.searchParams.set('domain', data.domain || server.hostname);
        fetch(url.href, {headers: {Accept: 'application/json'}, cache: 'no-store'}).then(function (r) {
            return r.json().then(function (body) {
                if (!r.ok) { throw new Error(body.error || 'HTTP ' + r.status); }
                return body;
            });
        }).then(function (body) {
            render(body.users);
            later(1000 * (Number(data.interval) || body.pollSeconds || 5));
        }, function (e) {
            failed('Not available: ' + e.message);
            later(30000);
        });
    }

    /** The next poll; tabs in the background ask again only when they are shown. */
    function later(ms) {
        setTimeout(function () {
            if (document.hidden) {
                document.addEventListener('visibilitychange', poll, {once: true});
            } else {
                poll();
            }
        }, ms);
    }

    /** Roster mode: the viewer's contacts with an available resource, over the chat box's session. */
    function roster() {
        title.textContent = 'Contacts online';
        chatBox().then(function (box) { return box.client(); }).then(function (client) {
            return client.roster().then(function (items) {
                var names = {};
                items.forEach(function (i) { names[i.jid] = i.name; });
                var update = function () {
                    render(Object.keys(client.available).filter(function (jid) {
                        return names.hasOwnProperty(jid) && Object.keys(client.available[jid]).length > 0;
                    }).sort().map(function (jid) {
                        var p = client.available[jid][Object.keys(client.available[jid])[0]];
                        return {jid: jid, name: names[jid] || jid.split('@')[0], show: p.show, status: p.status};
                    }));
                };
                client.on('presence', update);
                update();
            });
        }).catch(function (e) { failed('Not logged in: ' + e.message); });
    }

    function start() {
        mount();
        if (mode === 'roster') { roster(); } else { poll(); }
    }

    if (document.body) { start(); } else { document.addEventListener('DOMContentLoaded', start); }
})();
